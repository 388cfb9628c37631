<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="fr">
<context>
    <name>DashboardPage</name>
    <message>
        <location filename="../../desktop/ui/pages/dashboard_page.py" line="64"/>
        <source>Enregistrements</source>
        <translation>Records</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/dashboard_page.py" line="67"/>
        <source>Qualité des données</source>
        <translation>Data quality</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/dashboard_page.py" line="86"/>
        <source>Calcul des indicateurs…</source>
        <translation>Computing indicators…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/dashboard_page.py" line="60"/>
        <location filename="../../desktop/ui/pages/dashboard_page.py" line="103"/>
        <location filename="../../desktop/ui/pages/dashboard_page.py" line="105"/>
        <location filename="../../desktop/ui/pages/dashboard_page.py" line="119"/>
        <source>Tableau de bord</source>
        <translation>Dashboard</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/dashboard_page.py" line="137"/>
        <source>Complets</source>
        <translation>Complete</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/dashboard_page.py" line="137"/>
        <source>Brouillons</source>
        <translation>Drafts</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/dashboard_page.py" line="137"/>
        <source>Avec avertissements</source>
        <translation>With warnings</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/dashboard_page.py" line="160"/>
        <source>brouillon</source>
        <translation>draft</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/pages/dashboard_page.py" line="162"/>
        <source>%n erreur(s)</source>
        <translation>
            <numerusform>%n error</numerusform>
            <numerusform>%n errors</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/pages/dashboard_page.py" line="164"/>
        <source>%n avertissement(s)</source>
        <translation>
            <numerusform>%n warning</numerusform>
            <numerusform>%n warnings</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/dashboard_page.py" line="168"/>
        <source>Cliquer pour ouvrir</source>
        <translation>Click to open</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/dashboard_page.py" line="173"/>
        <source>Brouillons et enregistrements avec avertissements : un clic ouvre l&apos;enregistrement.</source>
        <translation>Drafts and records with warnings: one click opens the record.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/dashboard_page.py" line="177"/>
        <source>Aucun enregistrement pour l&apos;instant. Commencez par vos offres de formation (les cohortes et les stages s&apos;y rattachent), une à une ou en important un classeur depuis la page « Import ».</source>
        <translation>No records yet. Start with your course offerings (cohorts and internships belong to them), one by one or by importing a workbook from the “Import” page.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/dashboard_page.py" line="180"/>
        <source>Aucun brouillon ni avertissement : tout est prêt pour l&apos;export.</source>
        <translation>No drafts and no warnings: everything is ready for export.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/dashboard_page.py" line="193"/>
        <source>Offres par domaine</source>
        <translation>Offerings by domain</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/dashboard_page.py" line="195"/>
        <source>Offres par type de formation</source>
        <translation>Offerings by training type</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/dashboard_page.py" line="197"/>
        <source>Stages par région d&apos;accueil</source>
        <translation>Internships by host region</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/dashboard_page.py" line="200"/>
        <source>Inscrits par année universitaire</source>
        <translation>Enrolled by academic year</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/dashboard_page.py" line="234"/>
        <source>Pas encore de données.</source>
        <translation>No data yet.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/dashboard_page.py" line="307"/>
        <source>Femmes</source>
        <translation>Women</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/dashboard_page.py" line="309"/>
        <source>Hommes</source>
        <translation>Men</translation>
    </message>
</context>
<context>
    <name>ExportPage</name>
    <message>
        <location filename="../../desktop/ui/pages/export_page.py" line="99"/>
        <source>Export vers le ministère</source>
        <translation>Export to the ministry</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/export_page.py" line="111"/>
        <source>Ce qui sera envoyé</source>
        <translation>What will be sent</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/export_page.py" line="113"/>
        <source>Calcul en cours…</source>
        <translation>Computing…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/export_page.py" line="123"/>
        <source>Brouillons laissés de côté (jamais envoyés) :</source>
        <translation>Drafts left out (never sent):</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/export_page.py" line="128"/>
        <source>Tout envoyer (lot complet), pas seulement les changements</source>
        <translation>Send everything (full bundle), not only the changes</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/export_page.py" line="134"/>
        <source>Écrire le lot</source>
        <translation>Write the bundle</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/export_page.py" line="139"/>
        <source>Phrase de passe des clés</source>
        <translation>Key passphrase</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/export_page.py" line="143"/>
        <source>Dossier de destination, par exemple une clé USB</source>
        <translation>Destination folder, e.g. a USB key</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/export_page.py" line="144"/>
        <source>Choisir…</source>
        <translation>Choose…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/export_page.py" line="149"/>
        <source>Destination</source>
        <translation>Destination</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/export_page.py" line="150"/>
        <source>Exporter le lot</source>
        <translation>Export the bundle</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/export_page.py" line="161"/>
        <source>Boîte d&apos;envoi</source>
        <translation>Outbox</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/export_page.py" line="165"/>
        <source>N°</source>
        <translation>No.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/export_page.py" line="165"/>
        <source>État</source>
        <translation>State</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/export_page.py" line="165"/>
        <source>Écrit le</source>
        <translation>Written on</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/export_page.py" line="166"/>
        <source>Enregistrements</source>
        <translation>Records</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/export_page.py" line="166"/>
        <source>Fichier</source>
        <translation>File</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/export_page.py" line="193"/>
        <source>Export</source>
        <translation>Export</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/export_page.py" line="200"/>
        <source>Prochain lot : n° {n}</source>
        <translation>Next bundle: no. {n}</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/export_page.py" line="201"/>
        <source> (complet)</source>
        <translation> (full)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/export_page.py" line="203"/>
        <source>{form} : {records}, {deletions}</source>
        <translation>{form}: {records}, {deletions}</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/pages/export_page.py" line="205"/>
        <source>%n enregistrement(s)</source>
        <translation>
            <numerusform>%n record</numerusform>
            <numerusform>%n records</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/pages/export_page.py" line="206"/>
        <source>%n suppression(s)</source>
        <translation>
            <numerusform>%n deletion</numerusform>
            <numerusform>%n deletions</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/export_page.py" line="245"/>
        <source>dernier lot exporté aujourd&apos;hui</source>
        <translation>last bundle exported today</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/export_page.py" line="246"/>
        <source>dernier lot exporté hier</source>
        <translation>last bundle exported yesterday</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/pages/export_page.py" line="247"/>
        <source>dernier lot exporté il y a %n jour(s)</source>
        <translation>
            <numerusform>last bundle exported %n day ago</numerusform>
            <numerusform>last bundle exported %n days ago</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/export_page.py" line="249"/>
        <source>{when} (période de {period}) : un export est attendu</source>
        <translation>{when} (period of {period}): an export is due</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/pages/export_page.py" line="250"/>
        <source>%n jour(s)</source>
        <translation>
            <numerusform>%n day</numerusform>
            <numerusform>%n days</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/export_page.py" line="207"/>
        <source>Destinataires : {names}</source>
        <translation>Recipients: {names}</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/export_page.py" line="209"/>
        <source>Créez d&apos;abord les clés de l&apos;établissement (encadré « Clés et destinataires »).</source>
        <translation>First create the establishment&apos;s keys (the “Keys and recipients” box).</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/export_page.py" line="211"/>
        <source>Ajoutez d&apos;abord un ministère destinataire (encadré « Clés et destinataires »).</source>
        <translation>First add a recipient ministry (the “Keys and recipients” box).</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/export_page.py" line="235"/>
        <source>réservé (pas encore écrit)</source>
        <translation>reserved (not written yet)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/export_page.py" line="236"/>
        <source>écrit, en attente d&apos;accusé</source>
        <translation>written, waiting for a receipt</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/export_page.py" line="237"/>
        <source>accusé de réception reçu</source>
        <translation>receipt received</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/export_page.py" line="243"/>
        <source>aucun lot n&apos;a encore été exporté</source>
        <translation>no bundle has been exported yet</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/export_page.py" line="258"/>
        <source>Dossier de destination</source>
        <translation>Destination folder</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/export_page.py" line="267"/>
        <source>Choisissez d&apos;abord le dossier de destination (par exemple une clé USB).</source>
        <translation>First choose the destination folder (e.g. a USB key).</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/export_page.py" line="270"/>
        <source>Saisissez la phrase de passe des clés de l&apos;établissement.</source>
        <translation>Enter the passphrase of the establishment&apos;s keys.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/export_page.py" line="275"/>
        <source>Export en cours…</source>
        <translation>Exporting…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/export_page.py" line="280"/>
        <source>Lot n° {n} écrit : {path}</source>
        <translation>Bundle no. {n} written: {path}</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/export_page.py" line="288"/>
        <source>Export annulé : aucun lot n&apos;a été écrit.</source>
        <translation>Export cancelled: no bundle was written.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/export_page.py" line="292"/>
        <source>Export du lot</source>
        <translation>Bundle export</translation>
    </message>
</context>
<context>
    <name>Fields</name>
    <message>
        <location filename="../../desktop/ui/fields.py" line="196"/>
        <source>Choisir dans le calendrier</source>
        <translation>Pick from the calendar</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/fields.py" line="490"/>
        <source>Oui</source>
        <translation>Yes</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/fields.py" line="490"/>
        <source>Non</source>
        <translation>No</translation>
    </message>
</context>
<context>
    <name>ImportPage</name>
    <message>
        <location filename="../../desktop/ui/pages/import_page.py" line="55"/>
        <source>Importer un fichier Excel ou CSV</source>
        <translation>Import an Excel or CSV file</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/import_page.py" line="59"/>
        <source>1. Fichier</source>
        <translation>1. File</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/import_page.py" line="66"/>
        <source>Classeur .xlsx ou fichier .csv</source>
        <translation>.xlsx workbook or .csv file</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/import_page.py" line="67"/>
        <source>Parcourir…</source>
        <translation>Browse…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/import_page.py" line="69"/>
        <source>Lire le fichier</source>
        <translation>Read the file</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/import_page.py" line="73"/>
        <source>Modèle vide…</source>
        <translation>Blank template…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/import_page.py" line="75"/>
        <source>Formulaire :</source>
        <translation>Form:</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/import_page.py" line="82"/>
        <source>2. Aperçu et correspondance des colonnes</source>
        <translation>2. Preview and column mapping</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/import_page.py" line="89"/>
        <location filename="../../desktop/ui/pages/import_page.py" line="118"/>
        <source>Colonne</source>
        <translation>Column</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/import_page.py" line="89"/>
        <source>En-tête du fichier</source>
        <translation>File header</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/import_page.py" line="90"/>
        <source>Champ Kafaat</source>
        <translation>Kafaat field</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/import_page.py" line="101"/>
        <source>3. Vérification et import (tout ou rien)</source>
        <translation>3. Check and import (all or nothing)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/import_page.py" line="104"/>
        <source>Vérifier</source>
        <translation>Check</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/import_page.py" line="106"/>
        <source>Importer</source>
        <translation>Import</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/import_page.py" line="108"/>
        <source>Enregistrer le rapport d&apos;erreurs…</source>
        <translation>Save the error report…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/import_page.py" line="118"/>
        <source>Ligne</source>
        <translation>Row</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/import_page.py" line="118"/>
        <source>Champ</source>
        <translation>Field</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/import_page.py" line="119"/>
        <source>Gravité</source>
        <translation>Severity</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/import_page.py" line="119"/>
        <source>Message</source>
        <translation>Message</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/import_page.py" line="167"/>
        <source>Opération annulée : rien n&apos;a été enregistré.</source>
        <translation>Operation cancelled: nothing was saved.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/import_page.py" line="179"/>
        <source>Fichier à importer</source>
        <translation>File to import</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/import_page.py" line="180"/>
        <source>Classeurs et CSV (*.xlsx *.csv);;Tous les fichiers (*)</source>
        <translation>Workbooks and CSV (*.xlsx *.csv);;All files (*)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/import_page.py" line="195"/>
        <source>Lecture du fichier</source>
        <translation>Reading the file</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/import_page.py" line="200"/>
        <location filename="../../desktop/ui/pages/import_page.py" line="207"/>
        <source>Modèle Excel</source>
        <translation>Excel template</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/import_page.py" line="200"/>
        <source>modèle</source>
        <translation>template</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/import_page.py" line="201"/>
        <location filename="../../desktop/ui/pages/import_page.py" line="315"/>
        <source>Classeur Excel (*.xlsx)</source>
        <translation>Excel workbook (*.xlsx)</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/pages/import_page.py" line="216"/>
        <source>Feuille « {sheet} », en-tête en ligne {row}, %n ligne(s) de données.</source>
        <translation>
            <numerusform>Sheet &apos;{sheet}&apos;, header on row {row}, %n data row.</numerusform>
            <numerusform>Sheet &apos;{sheet}&apos;, header on row {row}, %n data rows.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/pages/import_page.py" line="279"/>
        <source>%n problème(s) à corriger : rien ne sera importé tant qu&apos;il en reste. {summary}</source>
        <translation>
            <numerusform>%n problem to fix: nothing will be imported while any remain. {summary}</numerusform>
            <numerusform>%n problems to fix: nothing will be imported while any remain. {summary}</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/import_page.py" line="231"/>
        <source>— ignorer —</source>
        <translation>— ignore —</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/import_page.py" line="269"/>
        <source>Vérification</source>
        <translation>Checking</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/import_page.py" line="274"/>
        <source>Prêt à importer — {summary}</source>
        <translation>Ready to import — {summary}</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/import_page.py" line="288"/>
        <source>erreur</source>
        <translation>error</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/import_page.py" line="288"/>
        <source>avertissement</source>
        <translation>warning</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/import_page.py" line="313"/>
        <location filename="../../desktop/ui/pages/import_page.py" line="324"/>
        <source>Rapport d&apos;erreurs</source>
        <translation>Error report</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/import_page.py" line="314"/>
        <source>rapport</source>
        <translation>report</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/import_page.py" line="325"/>
        <source>Rapport d&apos;erreurs écrit : {path}</source>
        <translation>Error report written: {path}</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/import_page.py" line="334"/>
        <source>aucune ligne lue</source>
        <translation>no row read</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/pages/import_page.py" line="334"/>
        <source>%n ligne(s) lue(s)</source>
        <translation>
            <numerusform>%n row read</numerusform>
            <numerusform>%n rows read</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/import_page.py" line="335"/>
        <source>aucune création</source>
        <translation>no creation</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/pages/import_page.py" line="335"/>
        <source>%n création(s)</source>
        <translation>
            <numerusform>%n creation</numerusform>
            <numerusform>%n creations</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/import_page.py" line="336"/>
        <source>aucune mise à jour</source>
        <translation>no update</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/pages/import_page.py" line="336"/>
        <source>%n mise(s) à jour</source>
        <translation>
            <numerusform>%n update</numerusform>
            <numerusform>%n updates</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/import_page.py" line="337"/>
        <source>aucune ligne inchangée</source>
        <translation>no row unchanged</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/pages/import_page.py" line="338"/>
        <source>%n ligne(s) inchangée(s)</source>
        <translation>
            <numerusform>%n row unchanged</numerusform>
            <numerusform>%n rows unchanged</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/import_page.py" line="339"/>
        <source>aucune ligne refusée</source>
        <translation>no row refused</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/pages/import_page.py" line="340"/>
        <source>%n ligne(s) refusée(s)</source>
        <translation>
            <numerusform>%n row refused</numerusform>
            <numerusform>%n rows refused</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/import_page.py" line="342"/>
        <source>aucun avertissement</source>
        <translation>no warning</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/pages/import_page.py" line="342"/>
        <source>%n avertissement(s)</source>
        <translation>
            <numerusform>%n warning</numerusform>
            <numerusform>%n warnings</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/pages/import_page.py" line="343"/>
        <source> (dont %n brouillon(s))</source>
        <translation>
            <numerusform> (%n of them a draft)</numerusform>
            <numerusform> (%n of them drafts)</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/import_page.py" line="345"/>
        <source>{read} : {created}, {updated}, {unchanged}{drafts} ; {refused} ; {warnings}</source>
        <translation>{read}: {created}, {updated}, {unchanged}{drafts}; {refused}; {warnings}</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/import_page.py" line="347"/>
        <source>{read} : {created}, {updated} à faire, {unchanged}{drafts} ; {refused} ; {warnings}</source>
        <translation>{read}: {created}, {updated} to do, {unchanged}{drafts}; {refused}; {warnings}</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/import_page.py" line="358"/>
        <location filename="../../desktop/ui/pages/import_page.py" line="372"/>
        <source>Import</source>
        <translation>Import</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/import_page.py" line="363"/>
        <source>Import terminé — {summary}</source>
        <translation>Import finished — {summary}</translation>
    </message>
</context>
<context>
    <name>KeysBox</name>
    <message>
        <location filename="../../desktop/ui/keys_box.py" line="44"/>
        <source>Clés et destinataires</source>
        <translation>Keys and recipients</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/keys_box.py" line="54"/>
        <source>Créer les clés…</source>
        <translation>Create the keys…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/keys_box.py" line="55"/>
        <source>Demande d&apos;enregistrement…</source>
        <translation>Enrolment request…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/keys_box.py" line="57"/>
        <source>Ajouter un ministère destinataire…</source>
        <translation>Add a recipient ministry…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/keys_box.py" line="59"/>
        <source>Importer un accusé de réception…</source>
        <translation>Import a receipt…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/keys_box.py" line="83"/>
        <source>Empreinte de l&apos;établissement : {fp}</source>
        <translation>Establishment fingerprint: {fp}</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/keys_box.py" line="87"/>
        <source>Les clés de l&apos;établissement n&apos;existent pas encore : créez-les pour pouvoir exporter.</source>
        <translation>The establishment&apos;s keys do not exist yet: create them to be able to export.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/keys_box.py" line="95"/>
        <source>Ministères destinataires : {names}</source>
        <translation>Recipient ministries: {names}</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/keys_box.py" line="98"/>
        <source>Aucun ministère destinataire : ajoutez le fichier de clé publique reçu du ministère.</source>
        <translation>No recipient ministry: add the public-key file received from the ministry.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/keys_box.py" line="109"/>
        <location filename="../../desktop/ui/keys_box.py" line="127"/>
        <location filename="../../desktop/ui/keys_box.py" line="134"/>
        <location filename="../../desktop/ui/keys_box.py" line="157"/>
        <location filename="../../desktop/ui/keys_box.py" line="191"/>
        <location filename="../../desktop/ui/keys_box.py" line="213"/>
        <source>Kafaat</source>
        <translation>Kafaat</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/keys_box.py" line="113"/>
        <source>Phrase de passe</source>
        <translation>Passphrase</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/keys_box.py" line="119"/>
        <source>Choisissez la phrase de passe des clés ({n} caractères au moins) :</source>
        <translation>Choose the keys&apos; passphrase (at least {n} characters):</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/keys_box.py" line="123"/>
        <source>Saisissez-la une seconde fois :</source>
        <translation>Type it a second time:</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/keys_box.py" line="127"/>
        <source>Les deux phrases de passe diffèrent : aucune clé n&apos;a été créée.</source>
        <translation>The two passphrases differ: no key was created.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/keys_box.py" line="135"/>
        <source>Clés créées. Empreinte à communiquer au ministère : {fp}</source>
        <translation>Keys created. Fingerprint to give the ministry: {fp}</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/keys_box.py" line="137"/>
        <source>Création des clés</source>
        <translation>Creating the keys</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/keys_box.py" line="145"/>
        <source>demande</source>
        <translation>request</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/keys_box.py" line="146"/>
        <source>Demande d&apos;enregistrement</source>
        <translation>Enrolment request</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/keys_box.py" line="147"/>
        <location filename="../../desktop/ui/keys_box.py" line="201"/>
        <source>Fichiers Kafaat (*.json);;Tous les fichiers (*)</source>
        <translation>Kafaat files (*.json);;All files (*)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/keys_box.py" line="158"/>
        <source>Demande écrite : {path}
Envoyez-la au ministère et communiquez-lui par téléphone l&apos;empreinte : {fp}</source>
        <translation>Request written: {path}
Send it to the ministry and read them this fingerprint on the phone: {fp}</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/keys_box.py" line="165"/>
        <source>Clé publique du ministère</source>
        <translation>The ministry&apos;s public key</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/keys_box.py" line="167"/>
        <source>Clés publiques (*.pub *.pub.json *.json);;Tous les fichiers (*)</source>
        <translation>Public keys (*.pub *.pub.json *.json);;All files (*)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/keys_box.py" line="176"/>
        <source>Vérifier l&apos;empreinte</source>
        <translation>Check the fingerprint</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/keys_box.py" line="177"/>
        <source>Clé de {name} ({code}).
Empreinte : {fp}

Vérifiez cette empreinte avec le ministère (par téléphone) avant de l&apos;accepter. Faire confiance à cette clé ?</source>
        <translation>Key of {name} ({code}).
Fingerprint: {fp}

Check this fingerprint with the ministry (on the phone) before accepting it. Trust this key?</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/keys_box.py" line="192"/>
        <source>{code} était déjà un destinataire avec cette clé : rien n&apos;a changé.</source>
        <translation>{code} was already a recipient with this key: nothing changed.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/keys_box.py" line="200"/>
        <source>Accusé de réception</source>
        <translation>Receipt</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/keys_box.py" line="214"/>
        <source>Accusé de réception vérifié : le lot n° {n} est marqué comme reçu.</source>
        <translation>Receipt verified: bundle no. {n} is marked as received.</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../desktop/app.py" line="161"/>
        <location filename="../../desktop/ui/window.py" line="92"/>
        <source>Ouverture des données…</source>
        <translation>Opening the data…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/window.py" line="205"/>
        <source>Barre d&apos;état</source>
        <translation>Status bar</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/window.py" line="219"/>
        <source>{0} : {1}</source>
        <translation>{0}: {1}</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/window.py" line="217"/>
        <source>(%n brouillon(s))</source>
        <translation>
            <numerusform>(%n draft)</numerusform>
            <numerusform>(%n drafts)</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../desktop/ui/window.py" line="221"/>
        <source>jamais</source>
        <translation>never</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/window.py" line="222"/>
        <source>aucun</source>
        <translation>none</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/window.py" line="223"/>
        <source>Dernier export</source>
        <translation>Last export</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/window.py" line="224"/>
        <source>Dernier accusé de réception</source>
        <translation>Last acknowledgement</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/window.py" line="240"/>
        <source>Enregistrement introuvable</source>
        <translation>Record not found</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/window.py" line="241"/>
        <source>Cet enregistrement a été supprimé entre-temps.</source>
        <translation>This record was deleted in the meantime.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/window.py" line="301"/>
        <source>Modifications non enregistrées</source>
        <translation>Unsaved changes</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/window.py" line="302"/>
        <source>Des saisies ne sont pas enregistrées. Fermer quand même et les perdre ?</source>
        <translation>Some entries are not saved. Close anyway and lose them?</translation>
    </message>
</context>
<context>
    <name>OperationRunner</name>
    <message>
        <location filename="../../desktop/ui/operations.py" line="135"/>
        <source>Annuler</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/operations.py" line="248"/>
        <source>Opération impossible</source>
        <translation>Operation not possible</translation>
    </message>
</context>
<context>
    <name>Operations</name>
    <message>
        <location filename="../../desktop/ui/operations.py" line="294"/>
        <source>Une erreur inattendue est survenue. Rien n&apos;a été perdu de ce qui était déjà enregistré.</source>
        <translation>An unexpected error occurred. Nothing already saved was lost.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/operations.py" line="298"/>
        <source>Détails dans le journal : {0}</source>
        <translation>Details in the log: {0}</translation>
    </message>
</context>
<context>
    <name>PassphraseDialog</name>
    <message>
        <location filename="../../desktop/ui/pages/settings_page.py" line="238"/>
        <source>Changer la phrase de passe</source>
        <translation>Change the passphrase</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/settings_page.py" line="246"/>
        <source>Phrase de passe actuelle</source>
        <translation>Current passphrase</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/settings_page.py" line="247"/>
        <source>Nouvelle phrase de passe</source>
        <translation>New passphrase</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/settings_page.py" line="248"/>
        <source>Nouvelle phrase de passe (encore)</source>
        <translation>New passphrase (again)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/settings_page.py" line="263"/>
        <source>Tapez la phrase de passe actuelle.</source>
        <translation>Type the current passphrase.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/settings_page.py" line="265"/>
        <source>La nouvelle phrase de passe doit avoir au moins {0} caractères.</source>
        <translation>The new passphrase must have at least {0} characters.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/settings_page.py" line="267"/>
        <source>Les deux nouvelles phrases de passe sont différentes.</source>
        <translation>The two new passphrases differ.</translation>
    </message>
</context>
<context>
    <name>RecordEditor</name>
    <message>
        <location filename="../../desktop/ui/editor.py" line="158"/>
        <source>Annuler la saisie</source>
        <translation>Undo</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/editor.py" line="159"/>
        <source>Annuler la dernière modification (Ctrl+Z)</source>
        <translation>Undo the last change (Ctrl+Z)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/editor.py" line="163"/>
        <source>Rétablir</source>
        <translation>Redo</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/editor.py" line="164"/>
        <source>Rétablir la modification annulée (Ctrl+Y)</source>
        <translation>Redo the undone change (Ctrl+Y)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/editor.py" line="174"/>
        <source>Précédent</source>
        <translation>Previous</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/editor.py" line="175"/>
        <source>Enregistrement précédent de la liste (Ctrl+Page précédente)</source>
        <translation>Previous record in the list (Ctrl+PgUp)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/editor.py" line="179"/>
        <source>Suivant</source>
        <translation>Next</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/editor.py" line="180"/>
        <source>Enregistrement suivant de la liste (Ctrl+Page suivante)</source>
        <translation>Next record in the list (Ctrl+PgDown)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/editor.py" line="189"/>
        <source>Saisie</source>
        <translation>Entry</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/editor.py" line="192"/>
        <source>Date</source>
        <translation>Date</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/editor.py" line="192"/>
        <source>Par</source>
        <translation>By</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/editor.py" line="192"/>
        <source>Action</source>
        <translation>Action</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/editor.py" line="192"/>
        <source>Champ</source>
        <translation>Field</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/editor.py" line="193"/>
        <source>Valeur</source>
        <translation>Value</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/editor.py" line="197"/>
        <source>Historique</source>
        <translation>History</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/editor.py" line="205"/>
        <source>Cliquer sur un problème pour aller au champ</source>
        <translation>Click a problem to go to its field</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/editor.py" line="216"/>
        <source>Enregistrer comme brouillon</source>
        <translation>Save as draft</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/editor.py" line="218"/>
        <source>Un brouillon peut être incomplet ; il n&apos;est jamais envoyé au ministère (Ctrl+Maj+S)</source>
        <translation>A draft may be incomplete; it is never sent to the ministry (Ctrl+Shift+S)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/editor.py" line="220"/>
        <source>Enregistrer</source>
        <translation>Save</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/editor.py" line="222"/>
        <source>Enregistrer comme complet : toutes les règles doivent être respectées (Ctrl+S)</source>
        <translation>Save as complete: every rule must be met (Ctrl+S)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/editor.py" line="225"/>
        <source>Fermer</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/editor.py" line="298"/>
        <source>* champ obligatoire pour un enregistrement complet</source>
        <translation>* required for a complete record</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/editor.py" line="348"/>
        <source>Ne s&apos;applique pas quand « {field} » vaut « {value} »</source>
        <translation>Does not apply when « {field} » is « {value} »</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/editor.py" line="427"/>
        <source>Nouveau : {0}</source>
        <translation>New: {0}</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/editor.py" line="495"/>
        <source>{fields} : {message}</source>
        <translation>{fields}: {message}</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/editor.py" line="511"/>
        <source>Aucun problème : l&apos;enregistrement peut être enregistré comme complet.</source>
        <translation>No problem: the record can be saved as complete.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/editor.py" line="516"/>
        <source>%n erreur(s) : enregistrement possible seulement comme brouillon</source>
        <translation>
            <numerusform>%n error: can only be saved as a draft</numerusform>
            <numerusform>%n errors: can only be saved as a draft</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/editor.py" line="518"/>
        <source>%n avertissement(s)</source>
        <translation>
            <numerusform>%n warning</numerusform>
            <numerusform>%n warnings</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../desktop/ui/editor.py" line="542"/>
        <source>Pas d&apos;enregistrement précédent dans la liste.</source>
        <translation>No previous record in the list.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/editor.py" line="543"/>
        <source>Pas d&apos;enregistrement suivant dans la liste.</source>
        <translation>No next record in the list.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/editor.py" line="580"/>
        <source>Vos modifications ne sont pas enregistrées et comportent %n erreur(s) : elles ne peuvent être enregistrées que comme brouillon (jamais envoyé au ministère). Les enregistrer comme brouillon ?</source>
        <translation>
            <numerusform>Your changes are not saved and contain %n error: they can only be saved as a draft (never sent to the ministry). Save them as a draft?</numerusform>
            <numerusform>Your changes are not saved and contain %n errors: they can only be saved as a draft (never sent to the ministry). Save them as a draft?</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../desktop/ui/editor.py" line="607"/>
        <source>Enregistrement</source>
        <translation>Saving</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/editor.py" line="632"/>
        <source>Enregistrement refusé : %n problème(s) à corriger (voir à côté des champs). Rien n&apos;a été enregistré.</source>
        <translation>
            <numerusform>Saving refused: %n problem to fix (see beside the fields). Nothing was saved.</numerusform>
            <numerusform>Saving refused: %n problems to fix (see beside the fields). Nothing was saved.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../desktop/ui/editor.py" line="639"/>
        <source>Enregistrement impossible</source>
        <translation>Could not save</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/editor.py" line="647"/>
        <source>Création</source>
        <translation>Created</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/editor.py" line="647"/>
        <source>Modification</source>
        <translation>Changed</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/editor.py" line="647"/>
        <source>Suppression</source>
        <translation>Deletion</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/editor.py" line="648"/>
        <source>Import</source>
        <translation>Import</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/editor.py" line="654"/>
        <source>État</source>
        <translation>State</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/editor.py" line="586"/>
        <source>Modifications non enregistrées</source>
        <translation>Unsaved changes</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/editor.py" line="584"/>
        <source>Vos modifications ne sont pas enregistrées. Les enregistrer avant de fermer ?</source>
        <translation>Your changes are not saved. Save them before closing?</translation>
    </message>
</context>
<context>
    <name>RecordsModel</name>
    <message>
        <location filename="../../desktop/ui/records_model.py" line="398"/>
        <source>refusé par {0}</source>
        <translation>refused by {0}</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/records_model.py" line="402"/>
        <source>Refusé par {0} (lot n° {1}) : {2}</source>
        <translation>Refused by {0} (bundle no. {1}): {2}</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/records_model.py" line="337"/>
        <source>État</source>
        <translation>State</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/records_model.py" line="386"/>
        <source>Oui</source>
        <translation>Yes</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/records_model.py" line="386"/>
        <source>Non</source>
        <translation>No</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/records_model.py" line="392"/>
        <source>Brouillon</source>
        <translation>Draft</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/records_model.py" line="392"/>
        <source>Complet</source>
        <translation>Complete</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/records_model.py" line="394"/>
        <source>%n erreur(s)</source>
        <translation>
            <numerusform>%n error</numerusform>
            <numerusform>%n errors</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/records_model.py" line="396"/>
        <source>%n avertissement(s)</source>
        <translation>
            <numerusform>%n warning</numerusform>
            <numerusform>%n warnings</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>RecordsPage</name>
    <message>
        <location filename="../../desktop/ui/pages/records_page.py" line="166"/>
        <source>Effacer la recherche et les filtres</source>
        <translation>Clear the search and filters</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/records_page.py" line="331"/>
        <source>Recherche…</source>
        <translation>Searching…</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/pages/records_page.py" line="333"/>
        <source>%n affiché(s)…</source>
        <translation>
            <numerusform>%n shown…</numerusform>
            <numerusform>%n shown…</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/records_page.py" line="352"/>
        <source>Aucun résultat : aucun enregistrement ne contient « {0} »</source>
        <translation>No result: no record contains “{0}”</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/records_page.py" line="355"/>
        <source>(avec les filtres choisis)</source>
        <translation>(with the chosen filters)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/records_page.py" line="358"/>
        <source>Aucun résultat : aucun enregistrement ne correspond aux filtres choisis.</source>
        <translation>No result: no record matches the chosen filters.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/records_page.py" line="359"/>
        <source>Aucun enregistrement pour l&apos;instant. « Nouveau » (Ctrl+N) en crée un ; la page Import lit un classeur Excel.</source>
        <translation>No records yet. “New” (Ctrl+N) creates one; the Import page reads an Excel workbook.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/records_page.py" line="572"/>
        <source>Export annulé : aucun fichier n&apos;a été écrit.</source>
        <translation>Export cancelled: no file was written.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/records_page.py" line="105"/>
        <source>Rechercher (Ctrl+F)…</source>
        <translation>Search (Ctrl+F)…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/records_page.py" line="108"/>
        <source>Nouveau</source>
        <translation>New</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/records_page.py" line="110"/>
        <source>Nouvel enregistrement (Ctrl+N)</source>
        <translation>New record (Ctrl+N)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/records_page.py" line="111"/>
        <source>Ouvrir</source>
        <translation>Open</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/records_page.py" line="113"/>
        <location filename="../../desktop/ui/pages/records_page.py" line="464"/>
        <source>Supprimer</source>
        <translation>Delete</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/records_page.py" line="115"/>
        <location filename="../../desktop/ui/pages/records_page.py" line="532"/>
        <location filename="../../desktop/ui/pages/records_page.py" line="546"/>
        <source>Modèle Excel</source>
        <translation>Excel template</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/records_page.py" line="117"/>
        <location filename="../../desktop/ui/pages/records_page.py" line="549"/>
        <source>Exporter</source>
        <translation>Export</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/records_page.py" line="128"/>
        <source>Tous les états</source>
        <translation>All states</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/records_page.py" line="129"/>
        <source>Brouillons</source>
        <translation>Drafts</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/records_page.py" line="130"/>
        <source>Complets</source>
        <translation>Complete</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/records_page.py" line="131"/>
        <source>Avec avertissements</source>
        <translation>With warnings</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/records_page.py" line="132"/>
        <source>Avec erreurs</source>
        <translation>With errors</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/records_page.py" line="198"/>
        <source>Fond jaune : brouillon (jamais envoyé au ministère). Entrée ou double-clic : ouvrir. Suppr : supprimer.</source>
        <translation>Yellow background: draft (never sent to the ministry). Enter or double-click: open. Delete: delete.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/records_page.py" line="251"/>
        <source>{0} : tous</source>
        <translation>{0}: all</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/records_page.py" line="365"/>
        <source>Aucun enregistrement ne contient « {0} »</source>
        <translation>No record contains “{0}”</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/pages/records_page.py" line="366"/>
        <source>%n enregistrement(s)</source>
        <translation>
            <numerusform>%n record</numerusform>
            <numerusform>%n records</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/pages/records_page.py" line="465"/>
        <source>Supprimer %n enregistrement(s) ? La suppression sera transmise au ministère avec le prochain export.</source>
        <translation>
            <numerusform>Delete %n record? The deletion will reach the ministry with the next export.</numerusform>
            <numerusform>Delete %n records? The deletion will reach the ministry with the next export.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/records_page.py" line="471"/>
        <source>Suppression</source>
        <translation>Deletion</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/records_page.py" line="532"/>
        <source>Modèle</source>
        <translation>Template</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/records_page.py" line="533"/>
        <location filename="../../desktop/ui/pages/records_page.py" line="550"/>
        <source>Classeur Excel (*.xlsx)</source>
        <translation>Excel workbook (*.xlsx)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/records_page.py" line="543"/>
        <source>Modèle écrit : {0}</source>
        <translation>Template written: {0}</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/records_page.py" line="527"/>
        <location filename="../../desktop/ui/pages/records_page.py" line="549"/>
        <source>Export</source>
        <translation>Export</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/pages/records_page.py" line="569"/>
        <source>%n enregistrement(s) exporté(s) dans {0}</source>
        <translation>
            <numerusform>%n record exported to {0}</numerusform>
            <numerusform>%n records exported to {0}</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/records_page.py" line="564"/>
        <source>Export Excel</source>
        <translation>Excel export</translation>
    </message>
</context>
<context>
    <name>SettingsPage</name>
    <message>
        <location filename="../../desktop/ui/pages/settings_page.py" line="61"/>
        <source>Sauvegarde et restauration</source>
        <translation>Backup and restore</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/settings_page.py" line="64"/>
        <source>Une sauvegarde est une copie complète et vérifiée de la base, écrite dans le dossier « backups » des données (ou là où vous le choisissez : une clé USB…).</source>
        <translation>A backup is a complete, checked copy of the database, written to the data folder&apos;s “backups” folder (or wherever you choose: a USB key…).</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/settings_page.py" line="69"/>
        <source>Sauvegarder maintenant</source>
        <translation>Back up now</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/settings_page.py" line="72"/>
        <source>Sauvegarder sous…</source>
        <translation>Back up as…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/settings_page.py" line="75"/>
        <source>Restaurer une sauvegarde…</source>
        <translation>Restore a backup…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/settings_page.py" line="84"/>
        <source>Sauvegarde automatique chaque jour (7 jours et 4 semaines gardés)</source>
        <translation>Automatic daily backup (7 days and 4 weeks kept)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/settings_page.py" line="93"/>
        <source>Clés de l&apos;établissement</source>
        <translation>The establishment&apos;s keys</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/settings_page.py" line="95"/>
        <source>Changer la phrase de passe…</source>
        <translation>Change the passphrase…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/settings_page.py" line="122"/>
        <source>Sauvegarder sous</source>
        <translation>Back up as</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/settings_page.py" line="123"/>
        <location filename="../../desktop/ui/pages/settings_page.py" line="149"/>
        <source>Sauvegarde Kafaat (*.db)</source>
        <translation>Kafaat backup (*.db)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/settings_page.py" line="132"/>
        <source>Sauvegarde en cours…</source>
        <translation>Backing up…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/settings_page.py" line="133"/>
        <source>Sauvegarde</source>
        <translation>Backup</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/settings_page.py" line="138"/>
        <source>Sauvegarde écrite et vérifiée : {0}</source>
        <translation>Backup written and checked: {0}</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/settings_page.py" line="148"/>
        <location filename="../../desktop/ui/pages/settings_page.py" line="175"/>
        <source>Restaurer une sauvegarde</source>
        <translation>Restore a backup</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/settings_page.py" line="158"/>
        <source>des fiches sont ouvertes : fermez-les (et enregistrez-les) avant de restaurer</source>
        <translation>records are open: close (and save) them before restoring</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/settings_page.py" line="159"/>
        <source>opération</source>
        <translation>operation</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/settings_page.py" line="161"/>
        <source>une opération est en cours ({0}) : attendez qu&apos;elle se termine</source>
        <translation>an operation is running ({0}): wait until it ends</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/settings_page.py" line="172"/>
        <source>Rien n&apos;a été restauré : {0}.</source>
        <translation>Nothing was restored: {0}.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/settings_page.py" line="176"/>
        <source>Remplacer toutes les données de ce poste par la sauvegarde
{0}
(du {1}) ?

La base actuelle sera d&apos;abord conservée dans le dossier « backups ». Les saisies faites depuis cette sauvegarde ne seront plus dans la liste.</source>
        <translation>Replace all the data on this computer with the backup
{0}
(of {1})?

The current database will first be kept in the “backups” folder. What was entered since that backup will no longer be in the list.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/settings_page.py" line="181"/>
        <source>Restauration annulée : rien n&apos;a été modifié.</source>
        <translation>Restore cancelled: nothing was changed.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/settings_page.py" line="184"/>
        <source>Restauration en cours…</source>
        <translation>Restoring…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/settings_page.py" line="185"/>
        <source>Restauration</source>
        <translation>Restore</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/settings_page.py" line="193"/>
        <source>Base restaurée depuis {0}.</source>
        <translation>Database restored from {0}.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/settings_page.py" line="195"/>
        <source>L&apos;ancienne base est conservée dans {0}</source>
        <translation>The previous database is kept in {0}</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/settings_page.py" line="211"/>
        <source>La phrase de passe protège la clé privée qui signe les lots envoyés aux ministères.</source>
        <translation>The passphrase protects the private key that signs the bundles sent to the ministries.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/settings_page.py" line="213"/>
        <source>Aucune clé dans ce dossier : créez-les sur la page Export.</source>
        <translation>No keys in this folder: create them on the Export page.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/settings_page.py" line="226"/>
        <source>Phrase de passe</source>
        <translation>Passphrase</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/settings_page.py" line="227"/>
        <source>Phrase de passe changée.</source>
        <translation>Passphrase changed.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/settings_page.py" line="43"/>
        <source>Paramètres</source>
        <translation>Settings</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/settings_page.py" line="46"/>
        <source>Présentation</source>
        <translation>Display</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/settings_page.py" line="46"/>
        <source>Langue de l&apos;application</source>
        <translation>Application language</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/settings_page.py" line="48"/>
        <source>Saisie</source>
        <translation>Entry</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/settings_page.py" line="50"/>
        <source>Prénom et nom de la personne qui saisit</source>
        <translation>First and last name of the person entering data</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/settings_page.py" line="49"/>
        <source>Opérateur (inscrit dans l&apos;historique)</source>
        <translation>Operator (written in the history)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/settings_page.py" line="53"/>
        <source>Établissement et données</source>
        <translation>Establishment and data</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/settings_page.py" line="56"/>
        <source>Établissement</source>
        <translation>Establishment</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/settings_page.py" line="57"/>
        <source>Dossier de données</source>
        <translation>Data folder</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/settings_page.py" line="58"/>
        <source>Journal</source>
        <translation>Log</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/settings_page.py" line="57"/>
        <source>Version</source>
        <translation>Version</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/settings_page.py" line="105"/>
        <location filename="../../desktop/ui/smoke.py" line="57"/>
        <source>Appliquer</source>
        <translation>Apply</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/settings_page.py" line="115"/>
        <source>Paramètres enregistrés.</source>
        <translation>Settings saved.</translation>
    </message>
</context>
<context>
    <name>SetupWizard</name>
    <message>
        <location filename="../../desktop/ui/setup_wizard.py" line="49"/>
        <source>Kafaat — première utilisation</source>
        <translation>Kafaat — first use</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/setup_wizard.py" line="56"/>
        <source>Votre établissement</source>
        <translation>Your establishment</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/setup_wizard.py" line="59"/>
        <source>Kafaat garde les {forms} de votre établissement sur cet ordinateur, et prépare les exports chiffrés pour le ministère.</source>
        <translation>Kafaat keeps the {forms} of your establishment on this computer and prepares the encrypted exports for the ministry.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/setup_wizard.py" line="71"/>
        <source>Langue / اللغة / Language</source>
        <translation>Language / Langue / اللغة</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/setup_wizard.py" line="83"/>
        <source>Établissement</source>
        <translation>Establishment</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/setup_wizard.py" line="86"/>
        <source>Prénom et nom</source>
        <translation>First and last name</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/setup_wizard.py" line="87"/>
        <source>Votre nom (inscrit dans l&apos;historique des saisies)</source>
        <translation>Your name (written in the history of entries)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/setup_wizard.py" line="93"/>
        <location filename="../../desktop/ui/setup_wizard.py" line="141"/>
        <source>Dossier de données</source>
        <translation>Data folder</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/setup_wizard.py" line="94"/>
        <source>La base de données, les clés et les exports y sont rangés. Gardez le dossier proposé sauf consigne de votre service informatique.</source>
        <translation>The database, keys and exports are kept there. Keep the proposed folder unless your IT department says otherwise.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/setup_wizard.py" line="99"/>
        <source>Parcourir…</source>
        <translation>Browse…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/setup_wizard.py" line="110"/>
        <source>Phrase de passe des clés</source>
        <translation>Key passphrase</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/setup_wizard.py" line="118"/>
        <source>Elle protège la clé qui signe vos exports. Elle vous sera demandée à chaque export : choisissez une phrase longue et notez-la en lieu sûr.</source>
        <translation>It protects the key that signs your exports. It will be asked at every export: choose a long phrase and keep it somewhere safe.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/setup_wizard.py" line="120"/>
        <source>Phrase de passe</source>
        <translation>Passphrase</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/setup_wizard.py" line="121"/>
        <source>Confirmation</source>
        <translation>Confirmation</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/setup_wizard.py" line="160"/>
        <source>« {typed} » n&apos;est pas dans la liste des établissements du programme. Tapez une partie de son nom ou de son code (par exemple « Centrale » ou « ECC ») et choisissez-le dans la liste qui s&apos;ouvre. S&apos;il n&apos;y figure pas, demandez la liste à jour à votre ministère de tutelle.</source>
        <translation>“{typed}” is not in the programme&apos;s list of establishments. Type part of its name or code (for example “Centrale” or “ECC”) and choose it in the list that opens. If it is not there, ask your supervising ministry for the updated list.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/setup_wizard.py" line="165"/>
        <source>Choisissez votre établissement dans la liste.</source>
        <translation>Choose your establishment from the list.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/setup_wizard.py" line="174"/>
        <source>Indiquez un dossier de données.</source>
        <translation>Give a data folder.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/setup_wizard.py" line="177"/>
        <source>Ce dossier contient déjà des données Kafaat : il sera ouvert tel quel.</source>
        <translation>This folder already holds Kafaat data: it will be opened as it is.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/setup_wizard.py" line="193"/>
        <source>Les deux phrases de passe diffèrent.</source>
        <translation>The two passphrases differ.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/setup_wizard.py" line="196"/>
        <source>Phrase de passe trop courte : au moins {0} caractères.</source>
        <translation>Passphrase too short: at least {0} characters.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/setup_wizard.py" line="206"/>
        <source>Création impossible : {0}</source>
        <translation>Could not create: {0}</translation>
    </message>
</context>
</TS>
