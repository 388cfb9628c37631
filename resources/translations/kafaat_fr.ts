<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr" sourcelanguage="fr">
<context>
    <name>DashboardPage</name>
    <message numerus="yes">
        <location filename="../../desktop/ui/pages/dashboard_page.py" line="162"/>
        <source>%n erreur(s)</source>
        <translation>
            <numerusform>%n erreur</numerusform>
            <numerusform>%n erreurs</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/pages/dashboard_page.py" line="164"/>
        <source>%n avertissement(s)</source>
        <translation>
            <numerusform>%n avertissement</numerusform>
            <numerusform>%n avertissements</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ExportPage</name>
    <message numerus="yes">
        <location filename="../../desktop/ui/pages/export_page.py" line="205"/>
        <source>%n enregistrement(s)</source>
        <translation>
            <numerusform>%n enregistrement</numerusform>
            <numerusform>%n enregistrements</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/pages/export_page.py" line="206"/>
        <source>%n suppression(s)</source>
        <translation>
            <numerusform>%n suppression</numerusform>
            <numerusform>%n suppressions</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/pages/export_page.py" line="247"/>
        <source>dernier lot exporté il y a %n jour(s)</source>
        <translation>
            <numerusform>dernier lot exporté il y a %n jour</numerusform>
            <numerusform>dernier lot exporté il y a %n jours</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/pages/export_page.py" line="250"/>
        <source>%n jour(s)</source>
        <translation>
            <numerusform>%n jour</numerusform>
            <numerusform>%n jours</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ImportPage</name>
    <message numerus="yes">
        <location filename="../../desktop/ui/pages/import_page.py" line="216"/>
        <source>Feuille « {sheet} », en-tête en ligne {row}, %n ligne(s) de données.</source>
        <translation>
            <numerusform>Feuille « {sheet} », en-tête en ligne {row}, %n ligne de données.</numerusform>
            <numerusform>Feuille « {sheet} », en-tête en ligne {row}, %n lignes de données.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/pages/import_page.py" line="279"/>
        <source>%n problème(s) à corriger : rien ne sera importé tant qu&apos;il en reste. {summary}</source>
        <translation>
            <numerusform>%n problème à corriger : rien ne sera importé tant qu&apos;il en reste. {summary}</numerusform>
            <numerusform>%n problèmes à corriger : rien ne sera importé tant qu&apos;il en reste. {summary}</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/pages/import_page.py" line="334"/>
        <source>%n ligne(s) lue(s)</source>
        <translation>
            <numerusform>%n ligne lue</numerusform>
            <numerusform>%n lignes lues</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/pages/import_page.py" line="335"/>
        <source>%n création(s)</source>
        <translation>
            <numerusform>%n création</numerusform>
            <numerusform>%n créations</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/pages/import_page.py" line="336"/>
        <source>%n mise(s) à jour</source>
        <translation>
            <numerusform>%n mise à jour</numerusform>
            <numerusform>%n mises à jour</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/pages/import_page.py" line="338"/>
        <source>%n ligne(s) inchangée(s)</source>
        <translation>
            <numerusform>%n ligne inchangée</numerusform>
            <numerusform>%n lignes inchangées</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/pages/import_page.py" line="340"/>
        <source>%n ligne(s) refusée(s)</source>
        <translation>
            <numerusform>%n ligne refusée</numerusform>
            <numerusform>%n lignes refusées</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/pages/import_page.py" line="342"/>
        <source>%n avertissement(s)</source>
        <translation>
            <numerusform>%n avertissement</numerusform>
            <numerusform>%n avertissements</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/pages/import_page.py" line="343"/>
        <source> (dont %n brouillon(s))</source>
        <translation>
            <numerusform> (dont %n brouillon)</numerusform>
            <numerusform> (dont %n brouillons)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message numerus="yes">
        <location filename="../../desktop/ui/window.py" line="217"/>
        <source>(%n brouillon(s))</source>
        <translation>
            <numerusform>(%n brouillon)</numerusform>
            <numerusform>(%n brouillons)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>RecordEditor</name>
    <message numerus="yes">
        <location filename="../../desktop/ui/editor.py" line="516"/>
        <source>%n erreur(s) : enregistrement possible seulement comme brouillon</source>
        <translation>
            <numerusform>%n erreur : enregistrement possible seulement comme brouillon</numerusform>
            <numerusform>%n erreurs : enregistrement possible seulement comme brouillon</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/editor.py" line="518"/>
        <source>%n avertissement(s)</source>
        <translation>
            <numerusform>%n avertissement</numerusform>
            <numerusform>%n avertissements</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/editor.py" line="580"/>
        <source>Vos modifications ne sont pas enregistrées et comportent %n erreur(s) : elles ne peuvent être enregistrées que comme brouillon (jamais envoyé au ministère). Les enregistrer comme brouillon ?</source>
        <translation>
            <numerusform>Vos modifications ne sont pas enregistrées et comportent %n erreur : elles ne peuvent être enregistrées que comme brouillon (jamais envoyé au ministère). Les enregistrer comme brouillon ?</numerusform>
            <numerusform>Vos modifications ne sont pas enregistrées et comportent %n erreurs : elles ne peuvent être enregistrées que comme brouillon (jamais envoyé au ministère). Les enregistrer comme brouillon ?</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/editor.py" line="632"/>
        <source>Enregistrement refusé : %n problème(s) à corriger (voir à côté des champs). Rien n&apos;a été enregistré.</source>
        <translation>
            <numerusform>Enregistrement refusé : %n problème à corriger (voir à côté des champs). Rien n&apos;a été enregistré.</numerusform>
            <numerusform>Enregistrement refusé : %n problèmes à corriger (voir à côté des champs). Rien n&apos;a été enregistré.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>RecordsModel</name>
    <message numerus="yes">
        <location filename="../../desktop/ui/records_model.py" line="394"/>
        <source>%n erreur(s)</source>
        <translation>
            <numerusform>%n erreur</numerusform>
            <numerusform>%n erreurs</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/records_model.py" line="396"/>
        <source>%n avertissement(s)</source>
        <translation>
            <numerusform>%n avertissement</numerusform>
            <numerusform>%n avertissements</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>RecordsPage</name>
    <message numerus="yes">
        <location filename="../../desktop/ui/pages/records_page.py" line="333"/>
        <source>%n affiché(s)…</source>
        <translation>
            <numerusform>%n affiché…</numerusform>
            <numerusform>%n affichés…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/pages/records_page.py" line="366"/>
        <source>%n enregistrement(s)</source>
        <translation>
            <numerusform>%n enregistrement</numerusform>
            <numerusform>%n enregistrements</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/pages/records_page.py" line="465"/>
        <source>Supprimer %n enregistrement(s) ? La suppression sera transmise au ministère avec le prochain export.</source>
        <translation>
            <numerusform>Supprimer %n enregistrement ? La suppression sera transmise au ministère avec le prochain export.</numerusform>
            <numerusform>Supprimer %n enregistrements ? La suppression sera transmise au ministère avec le prochain export.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/pages/records_page.py" line="569"/>
        <source>%n enregistrement(s) exporté(s) dans {0}</source>
        <translation>
            <numerusform>%n enregistrement exporté dans {0}</numerusform>
            <numerusform>%n enregistrements exportés dans {0}</numerusform>
        </translation>
    </message>
</context>
</TS>
