<?xml version='1.0' encoding='utf-8'?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="fr">
<context>
    <name>DashboardPage</name>
    <message>
        <location filename="../../desktop/ui/pages/dashboard_page.py" line="54" />
        <source>Enregistrements</source>
        <translation>Records</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/dashboard_page.py" line="57" />
        <source>Qualité des données</source>
        <translation>Data quality</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/dashboard_page.py" line="72" />
        <source>Calcul des indicateurs…</source>
        <translation>Computing indicators…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/dashboard_page.py" line="50" />
        <location filename="../../desktop/ui/pages/dashboard_page.py" line="83" />
        <location filename="../../desktop/ui/pages/dashboard_page.py" line="88" />
        <source>Tableau de bord</source>
        <translation>Dashboard</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/dashboard_page.py" line="103" />
        <source>Complets</source>
        <translation>Complete</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/dashboard_page.py" line="103" />
        <source>Brouillons</source>
        <translation>Drafts</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/dashboard_page.py" line="103" />
        <source>Avec avertissements</source>
        <translation>With warnings</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/dashboard_page.py" line="125" />
        <source>brouillon</source>
        <translation>draft</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/pages/dashboard_page.py" line="127" />
        <source>%n erreur(s)</source>
        <translation><numerusform>%n error</numerusform><numerusform>%n errors</numerusform></translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/pages/dashboard_page.py" line="129" />
        <source>%n avertissement(s)</source>
        <translation><numerusform>%n warning</numerusform><numerusform>%n warnings</numerusform></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/dashboard_page.py" line="133" />
        <source>Cliquer pour ouvrir</source>
        <translation>Click to open</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/dashboard_page.py" line="136" />
        <source>Brouillons et enregistrements avec avertissements : un clic ouvre l'enregistrement.</source>
        <translation>Drafts and records with warnings: one click opens the record.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/dashboard_page.py" line="139" />
        <source>Aucun brouillon ni avertissement : tout est prêt pour l'export.</source>
        <translation>No drafts and no warnings: everything is ready for export.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/dashboard_page.py" line="155" />
        <source>Offres par domaine</source>
        <translation>Offerings by domain</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/dashboard_page.py" line="157" />
        <source>Offres par type de formation</source>
        <translation>Offerings by training type</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/dashboard_page.py" line="159" />
        <source>Stages par région d'accueil</source>
        <translation>Internships by host region</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/dashboard_page.py" line="162" />
        <source>Inscrits par année universitaire</source>
        <translation>Enrolled by academic year</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/dashboard_page.py" line="184" />
        <source>Pas encore de données.</source>
        <translation>No data yet.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/dashboard_page.py" line="225" />
        <source>Femmes</source>
        <translation>Women</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/dashboard_page.py" line="227" />
        <source>Hommes</source>
        <translation>Men</translation>
    </message>
</context>
<context>
    <name>Fields</name>
    <message>
        <location filename="../../desktop/ui/fields.py" line="249" />
        <source>Oui</source>
        <translation>Yes</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/fields.py" line="249" />
        <source>Non</source>
        <translation>No</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../desktop/ui/window.py" line="61" />
        <source>Pas disponible dans cette version</source>
        <translation>Not available in this version</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/window.py" line="66" />
        <source>Ouverture des données…</source>
        <translation>Opening the data…</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/window.py" line="157" />
        <source>(%n brouillon(s))</source>
        <translation><numerusform>(%n draft)</numerusform><numerusform>(%n drafts)</numerusform></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/window.py" line="161" />
        <source>jamais</source>
        <translation>never</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/window.py" line="162" />
        <source>aucun</source>
        <translation>none</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/window.py" line="163" />
        <source>Dernier export : {0}   ·   Dernier accusé de réception : {1}</source>
        <translation>Last export: {0}   ·   Last acknowledgement: {1}</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/window.py" line="179" />
        <source>Enregistrement introuvable</source>
        <translation>Record not found</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/window.py" line="180" />
        <source>Cet enregistrement a été supprimé entre-temps.</source>
        <translation>This record was deleted in the meantime.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/window.py" line="203" />
        <source>Modifications non enregistrées</source>
        <translation>Unsaved changes</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/window.py" line="204" />
        <source>Des saisies ne sont pas enregistrées. Fermer quand même et les perdre ?</source>
        <translation>Some entries are not saved. Close anyway and lose them?</translation>
    </message>
</context>
<context>
    <name>OperationRunner</name>
    <message>
        <location filename="../../desktop/ui/operations.py" line="117" />
        <source>Annuler</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/operations.py" line="191" />
        <source>Opération impossible</source>
        <translation>Operation not possible</translation>
    </message>
</context>
<context>
    <name>Operations</name>
    <message>
        <location filename="../../desktop/ui/operations.py" line="236" />
        <source>Une erreur inattendue est survenue. Rien n'a été perdu de ce qui était déjà enregistré.</source>
        <translation>An unexpected error occurred. Nothing already saved was lost.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/operations.py" line="240" />
        <source>Détails dans le journal : {0}</source>
        <translation>Details in the log: {0}</translation>
    </message>
</context>
<context>
    <name>RecordEditor</name>
    <message>
        <location filename="../../desktop/ui/editor.py" line="133" />
        <source>Annuler la saisie</source>
        <translation>Undo</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/editor.py" line="134" />
        <source>Annuler la dernière modification (Ctrl+Z)</source>
        <translation>Undo the last change (Ctrl+Z)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/editor.py" line="138" />
        <source>Rétablir</source>
        <translation>Redo</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/editor.py" line="139" />
        <source>Rétablir la modification annulée (Ctrl+Y)</source>
        <translation>Redo the undone change (Ctrl+Y)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/editor.py" line="151" />
        <source>Saisie</source>
        <translation>Entry</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/editor.py" line="154" />
        <source>Date</source>
        <translation>Date</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/editor.py" line="154" />
        <source>Par</source>
        <translation>By</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/editor.py" line="154" />
        <source>Action</source>
        <translation>Action</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/editor.py" line="154" />
        <source>Champ</source>
        <translation>Field</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/editor.py" line="155" />
        <source>Valeur</source>
        <translation>Value</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/editor.py" line="159" />
        <source>Historique</source>
        <translation>History</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/editor.py" line="167" />
        <source>Enregistrer comme brouillon</source>
        <translation>Save as draft</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/editor.py" line="169" />
        <source>Un brouillon peut être incomplet ; il n'est jamais envoyé au ministère (Ctrl+Maj+S)</source>
        <translation>A draft may be incomplete; it is never sent to the ministry (Ctrl+Shift+S)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/editor.py" line="171" />
        <source>Enregistrer</source>
        <translation>Save</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/editor.py" line="173" />
        <source>Enregistrer comme complet : toutes les règles doivent être respectées (Ctrl+S)</source>
        <translation>Save as complete: every rule must be met (Ctrl+S)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/editor.py" line="176" />
        <source>Fermer</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/editor.py" line="228" />
        <source>* champ obligatoire pour un enregistrement complet</source>
        <translation>* required for a complete record</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/editor.py" line="308" />
        <source>Nouveau : {0}</source>
        <translation>New: {0}</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/editor.py" line="344" />
        <source>Aucun problème : l'enregistrement peut être enregistré comme complet.</source>
        <translation>No problem: the record can be saved as complete.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/editor.py" line="349" />
        <source>%n erreur(s) : enregistrement possible seulement comme brouillon</source>
        <translation><numerusform>%n error: can only be saved as a draft</numerusform><numerusform>%n errors: can only be saved as a draft</numerusform></translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/editor.py" line="351" />
        <source>%n avertissement(s)</source>
        <translation><numerusform>%n warning</numerusform><numerusform>%n warnings</numerusform></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/editor.py" line="372" />
        <source>Enregistrement</source>
        <translation>Saving</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/editor.py" line="390" />
        <source>Enregistrement refusé : %n problème(s) à corriger (voir à côté des champs). Rien n'a été enregistré.</source>
        <translation><numerusform>Saving refused: %n problem to fix (see beside the fields). Nothing was saved.</numerusform><numerusform>Saving refused: %n problems to fix (see beside the fields). Nothing was saved.</numerusform></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/editor.py" line="397" />
        <source>Enregistrement impossible</source>
        <translation>Could not save</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/editor.py" line="405" />
        <source>Création</source>
        <translation>Created</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/editor.py" line="405" />
        <source>Modification</source>
        <translation>Changed</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/editor.py" line="405" />
        <source>Suppression</source>
        <translation>Deletion</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/editor.py" line="406" />
        <source>Import</source>
        <translation>Import</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/editor.py" line="412" />
        <source>État</source>
        <translation>State</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/editor.py" line="429" />
        <source>Modifications non enregistrées</source>
        <translation>Unsaved changes</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/editor.py" line="430" />
        <source>Vos modifications ne sont pas enregistrées. Les enregistrer avant de fermer ?</source>
        <translation>Your changes are not saved. Save them before closing?</translation>
    </message>
</context>
<context>
    <name>RecordsModel</name>
    <message>
        <location filename="../../desktop/ui/records_model.py" line="89" />
        <source>État</source>
        <translation>State</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/records_model.py" line="123" />
        <source>Oui</source>
        <translation>Yes</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/records_model.py" line="123" />
        <source>Non</source>
        <translation>No</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/records_model.py" line="129" />
        <source>Brouillon</source>
        <translation>Draft</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/records_model.py" line="129" />
        <source>Complet</source>
        <translation>Complete</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/records_model.py" line="131" />
        <source>%n erreur(s)</source>
        <translation><numerusform>%n error</numerusform><numerusform>%n errors</numerusform></translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/records_model.py" line="133" />
        <source>%n avertissement(s)</source>
        <translation><numerusform>%n warning</numerusform><numerusform>%n warnings</numerusform></translation>
    </message>
</context>
<context>
    <name>RecordsPage</name>
    <message>
        <location filename="../../desktop/ui/pages/records_page.py" line="79" />
        <source>Rechercher (Ctrl+F)…</source>
        <translation>Search (Ctrl+F)…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/records_page.py" line="82" />
        <source>Nouveau</source>
        <translation>New</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/records_page.py" line="84" />
        <source>Nouvel enregistrement (Ctrl+N)</source>
        <translation>New record (Ctrl+N)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/records_page.py" line="85" />
        <source>Ouvrir</source>
        <translation>Open</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/records_page.py" line="87" />
        <location filename="../../desktop/ui/pages/records_page.py" line="255" />
        <source>Supprimer</source>
        <translation>Delete</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/records_page.py" line="89" />
        <location filename="../../desktop/ui/pages/records_page.py" line="297" />
        <location filename="../../desktop/ui/pages/records_page.py" line="305" />
        <source>Modèle Excel</source>
        <translation>Excel template</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/records_page.py" line="91" />
        <location filename="../../desktop/ui/pages/records_page.py" line="311" />
        <source>Exporter</source>
        <translation>Export</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/records_page.py" line="101" />
        <source>Tous les états</source>
        <translation>All states</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/records_page.py" line="102" />
        <source>Brouillons</source>
        <translation>Drafts</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/records_page.py" line="103" />
        <source>Complets</source>
        <translation>Complete</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/records_page.py" line="104" />
        <source>Avec avertissements</source>
        <translation>With warnings</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/records_page.py" line="105" />
        <source>Avec erreurs</source>
        <translation>With errors</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/records_page.py" line="138" />
        <source>Fond jaune : brouillon (jamais envoyé au ministère). Entrée ou double-clic : ouvrir. Suppr : supprimer.</source>
        <translation>Yellow background: draft (never sent to the ministry). Enter or double-click: open. Delete: delete.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/records_page.py" line="173" />
        <source>{0} : tous</source>
        <translation>{0}: all</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/records_page.py" line="208" />
        <source>{0} affiché(s)…</source>
        <translation>{0} shown…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/records_page.py" line="221" />
        <source>Comptage</source>
        <translation>Counting</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/pages/records_page.py" line="225" />
        <source>%n enregistrement(s)</source>
        <translation><numerusform>%n record</numerusform><numerusform>%n records</numerusform></translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/pages/records_page.py" line="256" />
        <source>Supprimer %n enregistrement(s) ? La suppression sera transmise au ministère avec le prochain export.</source>
        <translation><numerusform>Delete %n record? The deletion will reach the ministry with the next export.</numerusform><numerusform>Delete %n records? The deletion will reach the ministry with the next export.</numerusform></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/records_page.py" line="262" />
        <source>Suppression</source>
        <translation>Deletion</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/records_page.py" line="291" />
        <source>L'échange Excel n'est pas disponible dans cette version.</source>
        <translation>Excel exchange is not available in this version.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/records_page.py" line="298" />
        <location filename="../../desktop/ui/pages/records_page.py" line="312" />
        <source>Classeur Excel (*.xlsx)</source>
        <translation>Excel workbook (*.xlsx)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/records_page.py" line="327" />
        <source>Export Excel</source>
        <translation>Excel export</translation>
    </message>
</context>
<context>
    <name>SettingsPage</name>
    <message>
        <location filename="../../desktop/ui/pages/settings_page.py" line="32" />
        <source>Paramètres</source>
        <translation>Settings</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/settings_page.py" line="35" />
        <source>Présentation</source>
        <translation>Display</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/settings_page.py" line="42" />
        <source>Langue de l'application</source>
        <translation>Application language</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/settings_page.py" line="45" />
        <source>Saisie</source>
        <translation>Entry</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/settings_page.py" line="50" />
        <source>Prénom et nom de la personne qui saisit</source>
        <translation>First and last name of the person entering data</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/settings_page.py" line="51" />
        <source>Opérateur (inscrit dans l'historique)</source>
        <translation>Operator (written in the history)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/settings_page.py" line="54" />
        <source>Établissement et données</source>
        <translation>Establishment and data</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/settings_page.py" line="57" />
        <source>Établissement</source>
        <translation>Establishment</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/settings_page.py" line="61" />
        <source>Dossier de données</source>
        <translation>Data folder</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/settings_page.py" line="62" />
        <source>Journal</source>
        <translation>Log</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/settings_page.py" line="63" />
        <source>Version</source>
        <translation>Version</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/settings_page.py" line="66" />
        <source>Appliquer</source>
        <translation>Apply</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/settings_page.py" line="81" />
        <source>Paramètres enregistrés.</source>
        <translation>Settings saved.</translation>
    </message>
</context>
<context>
    <name>SetupWizard</name>
    <message>
        <location filename="../../desktop/ui/setup_wizard.py" line="49" />
        <source>Kafaat — première utilisation</source>
        <translation>Kafaat — first use</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/setup_wizard.py" line="56" />
        <source>Votre établissement</source>
        <translation>Your establishment</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/setup_wizard.py" line="57" />
        <source>Kafaat garde les offres de formation, cohortes et stages de votre établissement sur cet ordinateur, et prépare les exports chiffrés pour le ministère.</source>
        <translation>Kafaat keeps the course offerings, cohorts and internships of your establishment on this computer and prepares the encrypted exports for the ministry.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/setup_wizard.py" line="71" />
        <source>Établissement</source>
        <translation>Establishment</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/setup_wizard.py" line="74" />
        <source>Prénom et nom</source>
        <translation>First and last name</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/setup_wizard.py" line="75" />
        <source>Votre nom (inscrit dans l'historique des saisies)</source>
        <translation>Your name (written in the history of entries)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/setup_wizard.py" line="81" />
        <location filename="../../desktop/ui/setup_wizard.py" line="120" />
        <source>Dossier de données</source>
        <translation>Data folder</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/setup_wizard.py" line="82" />
        <source>La base de données, les clés et les exports y sont rangés. Gardez le dossier proposé sauf consigne de votre service informatique.</source>
        <translation>The database, keys and exports are kept there. Keep the proposed folder unless your IT department says otherwise.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/setup_wizard.py" line="87" />
        <source>Parcourir…</source>
        <translation>Browse…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/setup_wizard.py" line="99" />
        <source>Phrase de passe des clés</source>
        <translation>Key passphrase</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/setup_wizard.py" line="108" />
        <source>Elle protège la clé qui signe vos exports. Elle vous sera demandée à chaque export : choisissez une phrase longue et notez-la en lieu sûr.</source>
        <translation>It protects the key that signs your exports. It will be asked at every export: choose a long phrase and keep it somewhere safe.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/setup_wizard.py" line="110" />
        <source>Phrase de passe</source>
        <translation>Passphrase</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/setup_wizard.py" line="111" />
        <source>Confirmation</source>
        <translation>Confirmation</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/setup_wizard.py" line="113" />
        <source>Les clés de signature ne sont pas disponibles dans cette version : elles seront créées plus tard avec « kafaat keys create ».</source>
        <translation>Signing keys are not available in this version: they will be created later with "kafaat keys create".</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/setup_wizard.py" line="134" />
        <source>Choisissez votre établissement dans la liste.</source>
        <translation>Choose your establishment from the list.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/setup_wizard.py" line="141" />
        <source>Indiquez un dossier de données.</source>
        <translation>Give a data folder.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/setup_wizard.py" line="144" />
        <source>Ce dossier contient déjà des données Kafaat : il sera ouvert tel quel.</source>
        <translation>This folder already holds Kafaat data: it will be opened as it is.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/setup_wizard.py" line="159" />
        <source>Les deux phrases de passe diffèrent.</source>
        <translation>The two passphrases differ.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/setup_wizard.py" line="166" />
        <source>Phrase de passe trop courte : au moins {0} caractères.</source>
        <translation>Passphrase too short: at least {0} characters.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/setup_wizard.py" line="179" />
        <source>Création impossible : {0}</source>
        <translation>Could not create: {0}</translation>
    </message>
</context>
<context>
    <name>UnavailablePage</name>
    <message>
        <location filename="../../desktop/ui/pages/base.py" line="39" />
        <source>Cette fonction n'est pas disponible dans cette version de Kafaat. Elle le sera dans une prochaine version ; en attendant, la ligne de commande « kafaat » peut offrir l'équivalent.</source>
        <translation>This feature is not available in this version of Kafaat. It will be in a later version; meanwhile the "kafaat" command line may offer the equivalent.</translation>
    </message>
</context>
</TS>