<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ar" sourcelanguage="fr">
<context>
    <name>DashboardPage</name>
    <message>
        <location filename="../../desktop/ui/pages/dashboard_page.py" line="54"/>
        <source>Enregistrements</source>
        <translation>السجلات</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/dashboard_page.py" line="57"/>
        <source>Qualité des données</source>
        <translation>جودة المعطيات</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/dashboard_page.py" line="74"/>
        <source>Calcul des indicateurs…</source>
        <translation>جارٍ حساب المؤشرات…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/dashboard_page.py" line="50"/>
        <location filename="../../desktop/ui/pages/dashboard_page.py" line="85"/>
        <location filename="../../desktop/ui/pages/dashboard_page.py" line="90"/>
        <source>Tableau de bord</source>
        <translation>لوحة القيادة</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/dashboard_page.py" line="102"/>
        <source>Complets</source>
        <translation>مكتملة</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/dashboard_page.py" line="102"/>
        <source>Brouillons</source>
        <translation>مسودات</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/dashboard_page.py" line="102"/>
        <source>Avec avertissements</source>
        <translation>مع تنبيهات</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/dashboard_page.py" line="125"/>
        <source>brouillon</source>
        <translation>مسودة</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/pages/dashboard_page.py" line="127"/>
        <source>%n erreur(s)</source>
        <translation>
            <numerusform>%n خطأ</numerusform>
            <numerusform>%n خطأ</numerusform>
            <numerusform>%n خطأ</numerusform>
            <numerusform>%n خطأ</numerusform>
            <numerusform>%n خطأ</numerusform>
            <numerusform>%n خطأ</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/pages/dashboard_page.py" line="129"/>
        <source>%n avertissement(s)</source>
        <translation>
            <numerusform>%n تنبيه</numerusform>
            <numerusform>%n تنبيه</numerusform>
            <numerusform>%n تنبيه</numerusform>
            <numerusform>%n تنبيه</numerusform>
            <numerusform>%n تنبيه</numerusform>
            <numerusform>%n تنبيه</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/dashboard_page.py" line="133"/>
        <source>Cliquer pour ouvrir</source>
        <translation>انقر للفتح</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/dashboard_page.py" line="136"/>
        <source>Brouillons et enregistrements avec avertissements : un clic ouvre l&apos;enregistrement.</source>
        <translation>المسودات والسجلات التي بها تنبيهات: نقرة واحدة تفتح السجل.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/dashboard_page.py" line="139"/>
        <source>Aucun brouillon ni avertissement : tout est prêt pour l&apos;export.</source>
        <translation>لا مسودات ولا تنبيهات: كل شيء جاهز للتصدير.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/dashboard_page.py" line="152"/>
        <source>Offres par domaine</source>
        <translation>العروض حسب المجال</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/dashboard_page.py" line="154"/>
        <source>Offres par type de formation</source>
        <translation>العروض حسب نوع التكوين</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/dashboard_page.py" line="156"/>
        <source>Stages par région d&apos;accueil</source>
        <translation>التداريب حسب جهة الاستقبال</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/dashboard_page.py" line="159"/>
        <source>Inscrits par année universitaire</source>
        <translation>المسجلون حسب السنة الجامعية</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/dashboard_page.py" line="182"/>
        <source>Pas encore de données.</source>
        <translation>لا توجد معطيات بعد.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/dashboard_page.py" line="215"/>
        <source>Femmes</source>
        <translation>الإناث</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/dashboard_page.py" line="217"/>
        <source>Hommes</source>
        <translation>الذكور</translation>
    </message>
</context>
<context>
    <name>ExportPage</name>
    <message>
        <location filename="../../desktop/ui/pages/export_page.py" line="61"/>
        <source>Export vers le ministère</source>
        <translation>التصدير إلى الوزارة</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/export_page.py" line="73"/>
        <source>Ce qui sera envoyé</source>
        <translation>ما سيتم إرساله</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/export_page.py" line="75"/>
        <source>Calcul en cours…</source>
        <translation>جارٍ الحساب…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/export_page.py" line="80"/>
        <source>Brouillons laissés de côté (jamais envoyés) :</source>
        <translation>مسودات مستبعدة (لا تُرسل أبدا):</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/export_page.py" line="85"/>
        <source>Tout envoyer (lot complet), pas seulement les changements</source>
        <translation>إرسال الكل (حزمة كاملة)، وليس التغييرات فقط</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/export_page.py" line="91"/>
        <source>Écrire le lot</source>
        <translation>كتابة الحزمة</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/export_page.py" line="96"/>
        <source>Phrase de passe des clés</source>
        <translation>عبارة مرور المفاتيح</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/export_page.py" line="100"/>
        <source>Dossier de destination, par exemple une clé USB</source>
        <translation>مجلد الوجهة، مثلا مفتاح USB</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/export_page.py" line="101"/>
        <source>Choisir…</source>
        <translation>اختيار…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/export_page.py" line="106"/>
        <source>Destination</source>
        <translation>الوجهة</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/export_page.py" line="107"/>
        <source>Exporter le lot</source>
        <translation>تصدير الحزمة</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/export_page.py" line="118"/>
        <source>Boîte d&apos;envoi</source>
        <translation>صندوق الإرسال</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/export_page.py" line="122"/>
        <source>N°</source>
        <translation>رقم</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/export_page.py" line="122"/>
        <source>État</source>
        <translation>الحالة</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/export_page.py" line="122"/>
        <source>Écrit le</source>
        <translation>كُتب في</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/export_page.py" line="123"/>
        <source>Enregistrements</source>
        <translation>السجلات</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/export_page.py" line="123"/>
        <source>Fichier</source>
        <translation>الملف</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/export_page.py" line="150"/>
        <source>Export</source>
        <translation>التصدير</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/export_page.py" line="156"/>
        <source>Prochain lot : n° {n}</source>
        <translation>الحزمة القادمة: رقم {n}</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/export_page.py" line="157"/>
        <source> (complet)</source>
        <translation> (كاملة)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/export_page.py" line="159"/>
        <source>{form} : {n} enregistrement(s), {d} suppression(s)</source>
        <translation>{form}: {n} سجل، {d} حذف</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/export_page.py" line="161"/>
        <source>Destinataires : {names}</source>
        <translation>المستلمون: {names}</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/export_page.py" line="163"/>
        <source>Créez d&apos;abord les clés de l&apos;établissement (encadré « Clés et destinataires »).</source>
        <translation>أنشئ أولا مفاتيح المؤسسة (إطار « المفاتيح والجهات المستقبلة »).</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/export_page.py" line="165"/>
        <source>Ajoutez d&apos;abord un ministère destinataire (encadré « Clés et destinataires »).</source>
        <translation>أضف أولا وزارة مستقبلة (إطار « المفاتيح والجهات المستقبلة »).</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/export_page.py" line="182"/>
        <source>réservé (pas encore écrit)</source>
        <translation>محجوزة (لم تُكتب بعد)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/export_page.py" line="183"/>
        <source>écrit, en attente d&apos;accusé</source>
        <translation>مكتوبة، في انتظار الإشعار بالتوصل</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/export_page.py" line="184"/>
        <source>accusé de réception reçu</source>
        <translation>تم التوصل بالإشعار</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/export_page.py" line="190"/>
        <source>aucun lot n&apos;a encore été exporté</source>
        <translation>لم يتم تصدير أي حزمة بعد</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/export_page.py" line="193"/>
        <source>dernier lot exporté il y a {d} jours (période de {p} jours) : un export est attendu</source>
        <translation>آخر حزمة صُدّرت منذ {d} يوما (الفترة {p} يوما): تصدير جديد مُنتظر</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/export_page.py" line="195"/>
        <source>dernier lot exporté il y a {d} jours</source>
        <translation>آخر حزمة صُدّرت منذ {d} يوما</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/export_page.py" line="202"/>
        <source>Dossier de destination</source>
        <translation>مجلد الوجهة</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/export_page.py" line="209"/>
        <source>Choisissez d&apos;abord le dossier de destination (par exemple une clé USB).</source>
        <translation>اختر أولا مجلد الوجهة (مثلا مفتاح USB).</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/export_page.py" line="212"/>
        <source>Saisissez la phrase de passe des clés de l&apos;établissement.</source>
        <translation>أدخل عبارة مرور مفاتيح المؤسسة.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/export_page.py" line="217"/>
        <source>Export en cours…</source>
        <translation>جارٍ التصدير…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/export_page.py" line="222"/>
        <source>Lot n° {n} écrit : {path}</source>
        <translation>كُتبت الحزمة رقم {n}: {path}</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/export_page.py" line="230"/>
        <source>Export annulé : aucun lot n&apos;a été écrit.</source>
        <translation>أُلغي التصدير: لم تُكتب أي حزمة.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/export_page.py" line="234"/>
        <source>Export du lot</source>
        <translation>تصدير الحزمة</translation>
    </message>
</context>
<context>
    <name>Fields</name>
    <message>
        <location filename="../../desktop/ui/fields.py" line="168"/>
        <source>Choisir dans le calendrier</source>
        <translation>اختيار من التقويم</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/fields.py" line="370"/>
        <source>Oui</source>
        <translation>نعم</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/fields.py" line="370"/>
        <source>Non</source>
        <translation>لا</translation>
    </message>
</context>
<context>
    <name>ImportPage</name>
    <message>
        <location filename="../../desktop/ui/pages/import_page.py" line="46"/>
        <source>Importer un fichier Excel ou CSV</source>
        <translation>استيراد ملف Excel أو CSV</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/import_page.py" line="50"/>
        <source>1. Fichier</source>
        <translation>1. الملف</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/import_page.py" line="57"/>
        <source>Classeur .xlsx ou fichier .csv</source>
        <translation>مصنف ‎.xlsx أو ملف ‎.csv</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/import_page.py" line="58"/>
        <source>Parcourir…</source>
        <translation>تصفح…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/import_page.py" line="60"/>
        <source>Lire le fichier</source>
        <translation>قراءة الملف</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/import_page.py" line="62"/>
        <source>Modèle vide…</source>
        <translation>نموذج فارغ…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/import_page.py" line="64"/>
        <source>Formulaire :</source>
        <translation>الاستمارة:</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/import_page.py" line="71"/>
        <source>2. Aperçu et correspondance des colonnes</source>
        <translation>2. معاينة ومطابقة الأعمدة</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/import_page.py" line="78"/>
        <location filename="../../desktop/ui/pages/import_page.py" line="107"/>
        <source>Colonne</source>
        <translation>العمود</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/import_page.py" line="78"/>
        <source>En-tête du fichier</source>
        <translation>رأس الملف</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/import_page.py" line="79"/>
        <source>Champ Kafaat</source>
        <translation>حقل كفاءات</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/import_page.py" line="90"/>
        <source>3. Vérification et import (tout ou rien)</source>
        <translation>3. التحقق والاستيراد (الكل أو لا شيء)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/import_page.py" line="93"/>
        <source>Vérifier</source>
        <translation>تحقق</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/import_page.py" line="95"/>
        <source>Importer</source>
        <translation>استيراد</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/import_page.py" line="97"/>
        <source>Enregistrer le rapport d&apos;erreurs…</source>
        <translation>حفظ تقرير الأخطاء…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/import_page.py" line="107"/>
        <source>Ligne</source>
        <translation>السطر</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/import_page.py" line="107"/>
        <source>Champ</source>
        <translation>الحقل</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/import_page.py" line="108"/>
        <source>Gravité</source>
        <translation>الخطورة</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/import_page.py" line="108"/>
        <source>Message</source>
        <translation>الرسالة</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/import_page.py" line="156"/>
        <source>Opération annulée : rien n&apos;a été enregistré.</source>
        <translation>أُلغيت العملية: لم يُحفظ أي شيء.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/import_page.py" line="168"/>
        <source>Fichier à importer</source>
        <translation>الملف المراد استيراده</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/import_page.py" line="169"/>
        <source>Classeurs et CSV (*.xlsx *.csv);;Tous les fichiers (*)</source>
        <translation>مصنفات وCSV (*.xlsx *.csv);;كل الملفات (*)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/import_page.py" line="183"/>
        <source>Lecture du fichier</source>
        <translation>قراءة الملف</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/import_page.py" line="187"/>
        <location filename="../../desktop/ui/pages/import_page.py" line="193"/>
        <source>Modèle Excel</source>
        <translation>نموذج إكسل</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/import_page.py" line="188"/>
        <location filename="../../desktop/ui/pages/import_page.py" line="277"/>
        <source>Classeur Excel (*.xlsx)</source>
        <translation>مصنف إكسل (*.xlsx)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/import_page.py" line="202"/>
        <source>Feuille « {sheet} », en-tête en ligne {row}, {n} ligne(s) de données.</source>
        <translation>الورقة « {sheet} »، الرأس في السطر {row}، {n} سطر من المعطيات.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/import_page.py" line="216"/>
        <source>— ignorer —</source>
        <translation>— تجاهل —</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/import_page.py" line="252"/>
        <source>Vérification</source>
        <translation>التحقق</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/import_page.py" line="257"/>
        <source>Prêt à importer — {summary}</source>
        <translation>جاهز للاستيراد — {summary}</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/import_page.py" line="259"/>
        <source>{n} problème(s) à corriger : rien ne sera importé tant qu&apos;il en reste. {summary}</source>
        <translation>{n} مشكلة يجب تصحيحها: لن يُستورد شيء ما دامت قائمة. {summary}</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/import_page.py" line="268"/>
        <source>erreur</source>
        <translation>خطأ</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/import_page.py" line="268"/>
        <source>avertissement</source>
        <translation>تنبيه</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/import_page.py" line="275"/>
        <location filename="../../desktop/ui/pages/import_page.py" line="285"/>
        <source>Rapport d&apos;erreurs</source>
        <translation>تقرير الأخطاء</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/import_page.py" line="286"/>
        <source>Rapport d&apos;erreurs écrit : {path}</source>
        <translation>كُتب تقرير الأخطاء: {path}</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/import_page.py" line="296"/>
        <location filename="../../desktop/ui/pages/import_page.py" line="310"/>
        <source>Import</source>
        <translation>الاستيراد</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/import_page.py" line="301"/>
        <source>Import terminé — {summary}</source>
        <translation>انتهى الاستيراد — {summary}</translation>
    </message>
</context>
<context>
    <name>KeysBox</name>
    <message>
        <location filename="../../desktop/ui/keys_box.py" line="42"/>
        <source>Clés et destinataires</source>
        <translation>المفاتيح والجهات المستقبلة</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/keys_box.py" line="52"/>
        <source>Créer les clés…</source>
        <translation>إنشاء المفاتيح…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/keys_box.py" line="53"/>
        <source>Demande d&apos;enregistrement…</source>
        <translation>طلب التسجيل…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/keys_box.py" line="55"/>
        <source>Ajouter un ministère destinataire…</source>
        <translation>إضافة وزارة مستقبلة…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/keys_box.py" line="57"/>
        <source>Importer un accusé de réception…</source>
        <translation>استيراد إشعار بالتوصل…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/keys_box.py" line="81"/>
        <source>Empreinte de l&apos;établissement : {fp}</source>
        <translation>بصمة المؤسسة: {fp}</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/keys_box.py" line="85"/>
        <source>Les clés de l&apos;établissement n&apos;existent pas encore : créez-les pour pouvoir exporter.</source>
        <translation>مفاتيح المؤسسة غير موجودة بعد: أنشئها لتتمكن من التصدير.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/keys_box.py" line="93"/>
        <source>Ministères destinataires : {names}</source>
        <translation>الوزارات المستقبلة: {names}</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/keys_box.py" line="96"/>
        <source>Aucun ministère destinataire : ajoutez le fichier de clé publique reçu du ministère.</source>
        <translation>لا توجد وزارة مستقبلة: أضف ملف المفتاح العمومي الذي توصلت به من الوزارة.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/keys_box.py" line="107"/>
        <location filename="../../desktop/ui/keys_box.py" line="125"/>
        <location filename="../../desktop/ui/keys_box.py" line="132"/>
        <location filename="../../desktop/ui/keys_box.py" line="153"/>
        <location filename="../../desktop/ui/keys_box.py" line="182"/>
        <location filename="../../desktop/ui/keys_box.py" line="202"/>
        <source>Kafaat</source>
        <translation>كفاءات</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/keys_box.py" line="111"/>
        <source>Phrase de passe</source>
        <translation>عبارة المرور</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/keys_box.py" line="117"/>
        <source>Choisissez la phrase de passe des clés ({n} caractères au moins) :</source>
        <translation>اختر عبارة مرور المفاتيح ({n} أحرف على الأقل):</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/keys_box.py" line="121"/>
        <source>Saisissez-la une seconde fois :</source>
        <translation>أدخلها مرة ثانية:</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/keys_box.py" line="125"/>
        <source>Les deux phrases de passe diffèrent : aucune clé n&apos;a été créée.</source>
        <translation>عبارتا المرور مختلفتان: لم يتم إنشاء أي مفتاح.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/keys_box.py" line="133"/>
        <source>Clés créées. Empreinte à communiquer au ministère : {fp}</source>
        <translation>تم إنشاء المفاتيح. البصمة التي يجب إبلاغها للوزارة: {fp}</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/keys_box.py" line="135"/>
        <source>Création des clés</source>
        <translation>إنشاء المفاتيح</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/keys_box.py" line="144"/>
        <source>Demande d&apos;enregistrement</source>
        <translation>طلب التسجيل</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/keys_box.py" line="154"/>
        <source>Demande écrite : {path}
Envoyez-la au ministère et communiquez-lui par téléphone l&apos;empreinte : {fp}</source>
        <translation>تمت كتابة الطلب: {path}
أرسله إلى الوزارة وأبلغها هاتفيا بالبصمة: {fp}</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/keys_box.py" line="160"/>
        <source>Clé publique du ministère</source>
        <translation>المفتاح العمومي للوزارة</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/keys_box.py" line="169"/>
        <source>Vérifier l&apos;empreinte</source>
        <translation>التحقق من البصمة</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/keys_box.py" line="170"/>
        <source>Clé de {name} ({code}).
Empreinte : {fp}

Vérifiez cette empreinte avec le ministère (par téléphone) avant de l&apos;accepter. Faire confiance à cette clé ?</source>
        <translation>مفتاح {name} ({code}).
البصمة: {fp}

تحقق من هذه البصمة مع الوزارة (هاتفيا) قبل قبولها. هل تثق بهذا المفتاح؟</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/keys_box.py" line="183"/>
        <source>{code} était déjà un destinataire avec cette clé : rien n&apos;a changé.</source>
        <translation>{code} كانت مستقبلة بهذا المفتاح من قبل: لم يتغير شيء.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/keys_box.py" line="191"/>
        <source>Accusé de réception</source>
        <translation>إشعار بالتوصل</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/keys_box.py" line="203"/>
        <source>Accusé de réception vérifié : le lot n° {n} est marqué comme reçu.</source>
        <translation>تم التحقق من الإشعار بالتوصل: الدفعة رقم {n} مسجلة كمستلمة.</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../desktop/app.py" line="152"/>
        <location filename="../../desktop/ui/window.py" line="69"/>
        <source>Ouverture des données…</source>
        <translation>جارٍ فتح المعطيات…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/window.py" line="169"/>
        <source>Barre d&apos;état</source>
        <translation>شريط الحالة</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/window.py" line="180"/>
        <source>{0} : {1}</source>
        <translation>{0}: {1}</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/window.py" line="182"/>
        <source>(%n brouillon(s))</source>
        <translation>
            <numerusform>(%n مسودة)</numerusform>
            <numerusform>(%n مسودة)</numerusform>
            <numerusform>(%n مسودة)</numerusform>
            <numerusform>(%n مسودة)</numerusform>
            <numerusform>(%n مسودة)</numerusform>
            <numerusform>(%n مسودة)</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../desktop/ui/window.py" line="186"/>
        <source>jamais</source>
        <translation>أبدا</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/window.py" line="187"/>
        <source>aucun</source>
        <translation>لا شيء</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/window.py" line="188"/>
        <source>Dernier export : {0}   ·   Dernier accusé de réception : {1}</source>
        <translation>آخر تصدير: {0}   ·   آخر إشعار بالتوصل: {1}</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/window.py" line="206"/>
        <source>Enregistrement introuvable</source>
        <translation>السجل غير موجود</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/window.py" line="207"/>
        <source>Cet enregistrement a été supprimé entre-temps.</source>
        <translation>تم حذف هذا السجل في الأثناء.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/window.py" line="230"/>
        <source>Modifications non enregistrées</source>
        <translation>تعديلات غير محفوظة</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/window.py" line="231"/>
        <source>Des saisies ne sont pas enregistrées. Fermer quand même et les perdre ?</source>
        <translation>بعض المدخلات غير محفوظة. هل تريد الإغلاق رغم ذلك وفقدانها؟</translation>
    </message>
</context>
<context>
    <name>OperationRunner</name>
    <message>
        <location filename="../../desktop/ui/operations.py" line="128"/>
        <source>Annuler</source>
        <translation>إلغاء</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/operations.py" line="241"/>
        <source>Opération impossible</source>
        <translation>تعذرت العملية</translation>
    </message>
</context>
<context>
    <name>Operations</name>
    <message>
        <location filename="../../desktop/ui/operations.py" line="286"/>
        <source>Une erreur inattendue est survenue. Rien n&apos;a été perdu de ce qui était déjà enregistré.</source>
        <translation>حدث خطأ غير متوقع. لم يضع شيء مما كان محفوظا.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/operations.py" line="290"/>
        <source>Détails dans le journal : {0}</source>
        <translation>التفاصيل في السجل: {0}</translation>
    </message>
</context>
<context>
    <name>RecordEditor</name>
    <message>
        <location filename="../../desktop/ui/editor.py" line="133"/>
        <source>Annuler la saisie</source>
        <translation>تراجع</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/editor.py" line="134"/>
        <source>Annuler la dernière modification (Ctrl+Z)</source>
        <translation>التراجع عن آخر تعديل (Ctrl+Z)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/editor.py" line="138"/>
        <source>Rétablir</source>
        <translation>إعادة</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/editor.py" line="139"/>
        <source>Rétablir la modification annulée (Ctrl+Y)</source>
        <translation>إعادة التعديل الملغى (Ctrl+Y)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/editor.py" line="151"/>
        <source>Saisie</source>
        <translation>الإدخال</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/editor.py" line="154"/>
        <source>Date</source>
        <translation>التاريخ</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/editor.py" line="154"/>
        <source>Par</source>
        <translation>بواسطة</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/editor.py" line="154"/>
        <source>Action</source>
        <translation>العملية</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/editor.py" line="154"/>
        <source>Champ</source>
        <translation>الحقل</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/editor.py" line="155"/>
        <source>Valeur</source>
        <translation>القيمة</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/editor.py" line="159"/>
        <source>Historique</source>
        <translation>السجل التاريخي</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/editor.py" line="167"/>
        <source>Enregistrer comme brouillon</source>
        <translation>حفظ كمسودة</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/editor.py" line="169"/>
        <source>Un brouillon peut être incomplet ; il n&apos;est jamais envoyé au ministère (Ctrl+Maj+S)</source>
        <translation>يمكن أن تكون المسودة غير مكتملة؛ ولا تُرسل أبدا إلى الوزارة (Ctrl+Shift+S)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/editor.py" line="171"/>
        <source>Enregistrer</source>
        <translation>حفظ</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/editor.py" line="173"/>
        <source>Enregistrer comme complet : toutes les règles doivent être respectées (Ctrl+S)</source>
        <translation>حفظ كسجل مكتمل: يجب احترام جميع القواعد (Ctrl+S)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/editor.py" line="176"/>
        <source>Fermer</source>
        <translation>إغلاق</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/editor.py" line="228"/>
        <source>* champ obligatoire pour un enregistrement complet</source>
        <translation>* حقل إلزامي لسجل مكتمل</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/editor.py" line="306"/>
        <source>Nouveau : {0}</source>
        <translation>جديد: {0}</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/editor.py" line="359"/>
        <source>Aucun problème : l&apos;enregistrement peut être enregistré comme complet.</source>
        <translation>لا مشكلة: يمكن حفظ السجل كسجل مكتمل.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/editor.py" line="364"/>
        <source>%n erreur(s) : enregistrement possible seulement comme brouillon</source>
        <translation>
            <numerusform>%n خطأ: الحفظ ممكن كمسودة فقط</numerusform>
            <numerusform>%n خطأ: الحفظ ممكن كمسودة فقط</numerusform>
            <numerusform>%n خطأ: الحفظ ممكن كمسودة فقط</numerusform>
            <numerusform>%n خطأ: الحفظ ممكن كمسودة فقط</numerusform>
            <numerusform>%n خطأ: الحفظ ممكن كمسودة فقط</numerusform>
            <numerusform>%n خطأ: الحفظ ممكن كمسودة فقط</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/editor.py" line="366"/>
        <source>%n avertissement(s)</source>
        <translation>
            <numerusform>%n تنبيه</numerusform>
            <numerusform>%n تنبيه</numerusform>
            <numerusform>%n تنبيه</numerusform>
            <numerusform>%n تنبيه</numerusform>
            <numerusform>%n تنبيه</numerusform>
            <numerusform>%n تنبيه</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../desktop/ui/editor.py" line="387"/>
        <source>Enregistrement</source>
        <translation>الحفظ</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/editor.py" line="405"/>
        <source>Enregistrement refusé : %n problème(s) à corriger (voir à côté des champs). Rien n&apos;a été enregistré.</source>
        <translation>
            <numerusform>تم رفض الحفظ: %n مشكلة يجب تصحيحها (انظر بجانب الحقول). لم يُحفظ أي شيء.</numerusform>
            <numerusform>تم رفض الحفظ: %n مشكلة يجب تصحيحها (انظر بجانب الحقول). لم يُحفظ أي شيء.</numerusform>
            <numerusform>تم رفض الحفظ: %n مشكلة يجب تصحيحها (انظر بجانب الحقول). لم يُحفظ أي شيء.</numerusform>
            <numerusform>تم رفض الحفظ: %n مشكلة يجب تصحيحها (انظر بجانب الحقول). لم يُحفظ أي شيء.</numerusform>
            <numerusform>تم رفض الحفظ: %n مشكلة يجب تصحيحها (انظر بجانب الحقول). لم يُحفظ أي شيء.</numerusform>
            <numerusform>تم رفض الحفظ: %n مشكلة يجب تصحيحها (انظر بجانب الحقول). لم يُحفظ أي شيء.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../desktop/ui/editor.py" line="412"/>
        <source>Enregistrement impossible</source>
        <translation>تعذر الحفظ</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/editor.py" line="420"/>
        <source>Création</source>
        <translation>إنشاء</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/editor.py" line="420"/>
        <source>Modification</source>
        <translation>تعديل</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/editor.py" line="420"/>
        <source>Suppression</source>
        <translation>حذف</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/editor.py" line="421"/>
        <source>Import</source>
        <translation>استيراد</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/editor.py" line="427"/>
        <source>État</source>
        <translation>الحالة</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/editor.py" line="446"/>
        <source>Modifications non enregistrées</source>
        <translation>تعديلات غير محفوظة</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/editor.py" line="447"/>
        <source>Vos modifications ne sont pas enregistrées. Les enregistrer avant de fermer ?</source>
        <translation>تعديلاتك غير محفوظة. هل تريد حفظها قبل الإغلاق؟</translation>
    </message>
</context>
<context>
    <name>RecordsModel</name>
    <message>
        <source>refusé par {0}</source>
        <translation>رفضته {0}</translation>
    </message>
    <message>
        <source>Refusé par {0} (lot n° {1}) : {2}</source>
        <translation>رفضته {0} (الدفعة رقم {1}): {2}</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/records_model.py" line="89"/>
        <source>État</source>
        <translation>الحالة</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/records_model.py" line="129"/>
        <source>Oui</source>
        <translation>نعم</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/records_model.py" line="129"/>
        <source>Non</source>
        <translation>لا</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/records_model.py" line="135"/>
        <source>Brouillon</source>
        <translation>مسودة</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/records_model.py" line="135"/>
        <source>Complet</source>
        <translation>مكتمل</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/records_model.py" line="137"/>
        <source>%n erreur(s)</source>
        <translation>
            <numerusform>%n خطأ</numerusform>
            <numerusform>%n خطأ</numerusform>
            <numerusform>%n خطأ</numerusform>
            <numerusform>%n خطأ</numerusform>
            <numerusform>%n خطأ</numerusform>
            <numerusform>%n خطأ</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/records_model.py" line="139"/>
        <source>%n avertissement(s)</source>
        <translation>
            <numerusform>%n تنبيه</numerusform>
            <numerusform>%n تنبيه</numerusform>
            <numerusform>%n تنبيه</numerusform>
            <numerusform>%n تنبيه</numerusform>
            <numerusform>%n تنبيه</numerusform>
            <numerusform>%n تنبيه</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>RecordsPage</name>
    <message>
        <source>Effacer la recherche et les filtres</source>
        <translation>مسح البحث والمرشحات</translation>
    </message>
    <message>
        <source>Recherche…</source>
        <translation>جارٍ البحث…</translation>
    </message>
    <message>
        <source>Aucun résultat : aucun enregistrement ne contient « {0} »</source>
        <translation>لا نتيجة: لا يوجد أي تسجيل يحتوي على «{0}»</translation>
    </message>
    <message>
        <source>(avec les filtres choisis)</source>
        <translation>(مع المرشحات المختارة)</translation>
    </message>
    <message>
        <source>Aucun résultat : aucun enregistrement ne correspond aux filtres choisis.</source>
        <translation>لا نتيجة: لا يوجد أي تسجيل يطابق المرشحات المختارة.</translation>
    </message>
    <message>
        <source>Aucun enregistrement pour l'instant. « Nouveau » (Ctrl+N) en crée un ; la page Import lit un classeur Excel.</source>
        <translation>لا توجد تسجيلات بعد. «جديد» (Ctrl+N) ينشئ تسجيلاً؛ وصفحة الاستيراد تقرأ مصنف إكسل.</translation>
    </message>
    <message>
        <source>Export annulé : aucun fichier n'a été écrit.</source>
        <translation>أُلغي التصدير: لم يُكتب أي ملف.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/records_page.py" line="78"/>
        <source>Rechercher (Ctrl+F)…</source>
        <translation>بحث (Ctrl+F)…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/records_page.py" line="81"/>
        <source>Nouveau</source>
        <translation>جديد</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/records_page.py" line="83"/>
        <source>Nouvel enregistrement (Ctrl+N)</source>
        <translation>سجل جديد (Ctrl+N)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/records_page.py" line="84"/>
        <source>Ouvrir</source>
        <translation>فتح</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/records_page.py" line="86"/>
        <location filename="../../desktop/ui/pages/records_page.py" line="259"/>
        <source>Supprimer</source>
        <translation>حذف</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/records_page.py" line="88"/>
        <location filename="../../desktop/ui/pages/records_page.py" line="290"/>
        <location filename="../../desktop/ui/pages/records_page.py" line="304"/>
        <source>Modèle Excel</source>
        <translation>نموذج إكسل</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/records_page.py" line="90"/>
        <location filename="../../desktop/ui/pages/records_page.py" line="307"/>
        <source>Exporter</source>
        <translation>تصدير</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/records_page.py" line="100"/>
        <source>Tous les états</source>
        <translation>كل الحالات</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/records_page.py" line="101"/>
        <source>Brouillons</source>
        <translation>مسودات</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/records_page.py" line="102"/>
        <source>Complets</source>
        <translation>مكتملة</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/records_page.py" line="103"/>
        <source>Avec avertissements</source>
        <translation>مع تنبيهات</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/records_page.py" line="104"/>
        <source>Avec erreurs</source>
        <translation>مع أخطاء</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/records_page.py" line="136"/>
        <source>Fond jaune : brouillon (jamais envoyé au ministère). Entrée ou double-clic : ouvrir. Suppr : supprimer.</source>
        <translation>خلفية صفراء: مسودة (لا تُرسل إلى الوزارة). Entrée أو نقرة مزدوجة: فتح. Suppr: حذف.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/records_page.py" line="175"/>
        <source>{0} : tous</source>
        <translation>{0}: الكل</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/records_page.py" line="209"/>
        <source>{0} affiché(s)…</source>
        <translation>{0} معروض…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/records_page.py" line="222"/>
        <source>Comptage</source>
        <translation>العد</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/records_page.py" line="228"/>
        <source>Aucun enregistrement ne contient « {0} »</source>
        <translation>لا يوجد سجل يحتوي على « {0} »</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/pages/records_page.py" line="229"/>
        <source>%n enregistrement(s)</source>
        <translation>
            <numerusform>%n سجل</numerusform>
            <numerusform>%n سجل</numerusform>
            <numerusform>%n سجل</numerusform>
            <numerusform>%n سجل</numerusform>
            <numerusform>%n سجل</numerusform>
            <numerusform>%n سجل</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/pages/records_page.py" line="260"/>
        <source>Supprimer %n enregistrement(s) ? La suppression sera transmise au ministère avec le prochain export.</source>
        <translation>
            <numerusform>حذف %n سجل؟ سيُبلَّغ الحذف إلى الوزارة مع التصدير القادم.</numerusform>
            <numerusform>حذف %n سجل؟ سيُبلَّغ الحذف إلى الوزارة مع التصدير القادم.</numerusform>
            <numerusform>حذف %n سجل؟ سيُبلَّغ الحذف إلى الوزارة مع التصدير القادم.</numerusform>
            <numerusform>حذف %n سجل؟ سيُبلَّغ الحذف إلى الوزارة مع التصدير القادم.</numerusform>
            <numerusform>حذف %n سجل؟ سيُبلَّغ الحذف إلى الوزارة مع التصدير القادم.</numerusform>
            <numerusform>حذف %n سجل؟ سيُبلَّغ الحذف إلى الوزارة مع التصدير القادم.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/records_page.py" line="266"/>
        <source>Suppression</source>
        <translation>حذف</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/records_page.py" line="290"/>
        <source>Modèle</source>
        <translation>نموذج</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/records_page.py" line="291"/>
        <location filename="../../desktop/ui/pages/records_page.py" line="308"/>
        <source>Classeur Excel (*.xlsx)</source>
        <translation>مصنف إكسل (*.xlsx)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/records_page.py" line="301"/>
        <source>Modèle écrit : {0}</source>
        <translation>كُتب النموذج: {0}</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/records_page.py" line="307"/>
        <source>Export</source>
        <translation>تصدير</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/pages/records_page.py" line="329"/>
        <source>%n enregistrement(s) exporté(s) dans {0}</source>
        <translation>
            <numerusform>تم تصدير %n سجل إلى {0}</numerusform>
            <numerusform>تم تصدير %n سجل إلى {0}</numerusform>
            <numerusform>تم تصدير %n سجل إلى {0}</numerusform>
            <numerusform>تم تصدير %n سجل إلى {0}</numerusform>
            <numerusform>تم تصدير %n سجل إلى {0}</numerusform>
            <numerusform>تم تصدير %n سجل إلى {0}</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/records_page.py" line="331"/>
        <source>Export Excel</source>
        <translation>تصدير إكسل</translation>
    </message>
</context>
<context>
    <name>SettingsPage</name>
    <message>
        <source>Sauvegarde et restauration</source>
        <translation>النسخ الاحتياطي والاستعادة</translation>
    </message>
    <message>
        <source>Une sauvegarde est une copie complète et vérifiée de la base, écrite dans le dossier « backups » des données (ou là où vous le choisissez : une clé USB…).</source>
        <translation>النسخة الاحتياطية نسخة كاملة ومُتحقَّق منها من قاعدة المعطيات، تُكتب في مجلد «backups» داخل مجلد المعطيات (أو حيث تختار: مفتاح USB…).</translation>
    </message>
    <message>
        <source>Sauvegarder maintenant</source>
        <translation>نسخ احتياطي الآن</translation>
    </message>
    <message>
        <source>Sauvegarder sous…</source>
        <translation>نسخ احتياطي باسم…</translation>
    </message>
    <message>
        <source>Restaurer une sauvegarde…</source>
        <translation>استعادة نسخة احتياطية…</translation>
    </message>
    <message>
        <source>Sauvegarde automatique chaque jour (7 jours et 4 semaines gardés)</source>
        <translation>نسخ احتياطي تلقائي كل يوم (يُحتفظ بـ 7 أيام و4 أسابيع)</translation>
    </message>
    <message>
        <source>Clés de l'établissement</source>
        <translation>مفاتيح المؤسسة</translation>
    </message>
    <message>
        <source>Changer la phrase de passe…</source>
        <translation>تغيير عبارة المرور…</translation>
    </message>
    <message>
        <source>Sauvegarder sous</source>
        <translation>نسخ احتياطي باسم</translation>
    </message>
    <message>
        <source>Sauvegarde Kafaat (*.db)</source>
        <translation>نسخة Kafaat الاحتياطية (*.db)</translation>
    </message>
    <message>
        <source>Sauvegarde en cours…</source>
        <translation>جارٍ النسخ الاحتياطي…</translation>
    </message>
    <message>
        <source>Sauvegarde</source>
        <translation>النسخ الاحتياطي</translation>
    </message>
    <message>
        <source>Sauvegarde écrite et vérifiée : {0}</source>
        <translation>كُتبت النسخة الاحتياطية وتُحقِّق منها: {0}</translation>
    </message>
    <message>
        <source>Restaurer une sauvegarde</source>
        <translation>استعادة نسخة احتياطية</translation>
    </message>
    <message>
        <source>des fiches sont ouvertes : fermez-les (et enregistrez-les) avant de restaurer</source>
        <translation>هناك بطاقات مفتوحة: أغلقها (واحفظها) قبل الاستعادة</translation>
    </message>
    <message>
        <source>opération</source>
        <translation>عملية</translation>
    </message>
    <message>
        <source>une opération est en cours ({0}) : attendez qu'elle se termine</source>
        <translation>هناك عملية جارية ({0}): انتظر حتى تنتهي</translation>
    </message>
    <message>
        <source>Rien n'a été restauré : {0}.</source>
        <translation>لم تُستعد أي معطيات: {0}.</translation>
    </message>
    <message>
        <source>Remplacer toutes les données de ce poste par la sauvegarde
{0}
(du {1}) ?

La base actuelle sera d'abord conservée dans le dossier « backups ». Les saisies faites depuis cette sauvegarde ne seront plus dans la liste.</source>
        <translation>استبدال كل معطيات هذا الجهاز بالنسخة الاحتياطية
{0}
(بتاريخ {1})؟

ستُحفظ قاعدة المعطيات الحالية أولاً في مجلد «backups». لن تظهر في القائمة الإدخالات التي تمت بعد هذه النسخة.</translation>
    </message>
    <message>
        <source>Restauration annulée : rien n'a été modifié.</source>
        <translation>أُلغيت الاستعادة: لم يُغيَّر أي شيء.</translation>
    </message>
    <message>
        <source>Restauration en cours…</source>
        <translation>جارٍ الاستعادة…</translation>
    </message>
    <message>
        <source>Restauration</source>
        <translation>الاستعادة</translation>
    </message>
    <message>
        <source>Base restaurée depuis {0}.</source>
        <translation>استُعيدت قاعدة المعطيات من {0}.</translation>
    </message>
    <message>
        <source>L'ancienne base est conservée dans {0}</source>
        <translation>القاعدة السابقة محفوظة في {0}</translation>
    </message>
    <message>
        <source>La phrase de passe protège la clé privée qui signe les lots envoyés aux ministères.</source>
        <translation>تحمي عبارة المرور المفتاح الخاص الذي يوقّع الدفعات المرسلة إلى الوزارات.</translation>
    </message>
    <message>
        <source>Aucune clé dans ce dossier : créez-les sur la page Export.</source>
        <translation>لا توجد مفاتيح في هذا المجلد: أنشئها في صفحة التصدير.</translation>
    </message>
    <message>
        <source>Phrase de passe</source>
        <translation>عبارة المرور</translation>
    </message>
    <message>
        <source>Phrase de passe changée.</source>
        <translation>تم تغيير عبارة المرور.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/settings_page.py" line="33"/>
        <source>Paramètres</source>
        <translation>الإعدادات</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/settings_page.py" line="36"/>
        <source>Présentation</source>
        <translation>العرض</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/settings_page.py" line="43"/>
        <source>Langue de l&apos;application</source>
        <translation>لغة التطبيق</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/settings_page.py" line="46"/>
        <source>Saisie</source>
        <translation>الإدخال</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/settings_page.py" line="51"/>
        <source>Prénom et nom de la personne qui saisit</source>
        <translation>الاسم الشخصي والعائلي للشخص الذي يُدخل المعطيات</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/settings_page.py" line="52"/>
        <source>Opérateur (inscrit dans l&apos;historique)</source>
        <translation>المُدخِل (يُسجَّل في السجل التاريخي)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/settings_page.py" line="55"/>
        <source>Établissement et données</source>
        <translation>المؤسسة والمعطيات</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/settings_page.py" line="58"/>
        <source>Établissement</source>
        <translation>المؤسسة</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/settings_page.py" line="62"/>
        <source>Dossier de données</source>
        <translation>مجلد المعطيات</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/settings_page.py" line="63"/>
        <source>Journal</source>
        <translation>السجل</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/settings_page.py" line="64"/>
        <source>Version</source>
        <translation>النسخة</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/settings_page.py" line="67"/>
        <location filename="../../desktop/ui/smoke.py" line="54"/>
        <source>Appliquer</source>
        <translation>تطبيق</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/settings_page.py" line="85"/>
        <source>Paramètres enregistrés.</source>
        <translation>تم حفظ الإعدادات.</translation>
    </message>
</context>
<context>
    <name>SetupWizard</name>
    <message>
        <location filename="../../desktop/ui/setup_wizard.py" line="43"/>
        <source>Kafaat — première utilisation</source>
        <translation>كفاءات — الاستعمال الأول</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/setup_wizard.py" line="50"/>
        <source>Votre établissement</source>
        <translation>مؤسستك</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/setup_wizard.py" line="51"/>
        <source>Kafaat garde les offres de formation, cohortes et stages de votre établissement sur cet ordinateur, et prépare les exports chiffrés pour le ministère.</source>
        <translation>يحفظ كفاءات عروض التكوين والأفواج والتداريب الخاصة بمؤسستك على هذا الحاسوب، ويُعد التصديرات المشفرة للوزارة.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/setup_wizard.py" line="60"/>
        <source>Langue / اللغة / Language</source>
        <translation>اللغة / Langue / Language</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/setup_wizard.py" line="72"/>
        <source>Établissement</source>
        <translation>المؤسسة</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/setup_wizard.py" line="75"/>
        <source>Prénom et nom</source>
        <translation>الاسم الشخصي والعائلي</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/setup_wizard.py" line="76"/>
        <source>Votre nom (inscrit dans l&apos;historique des saisies)</source>
        <translation>اسمك (يُسجَّل في السجل التاريخي)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/setup_wizard.py" line="82"/>
        <location filename="../../desktop/ui/setup_wizard.py" line="130"/>
        <source>Dossier de données</source>
        <translation>مجلد المعطيات</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/setup_wizard.py" line="83"/>
        <source>La base de données, les clés et les exports y sont rangés. Gardez le dossier proposé sauf consigne de votre service informatique.</source>
        <translation>تُحفظ فيه قاعدة المعطيات والمفاتيح والتصديرات. احتفظ بالمجلد المقترح ما لم تطلب مصلحة المعلوميات غير ذلك.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/setup_wizard.py" line="88"/>
        <source>Parcourir…</source>
        <translation>تصفح…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/setup_wizard.py" line="99"/>
        <source>Phrase de passe des clés</source>
        <translation>عبارة مرور المفاتيح</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/setup_wizard.py" line="107"/>
        <source>Elle protège la clé qui signe vos exports. Elle vous sera demandée à chaque export : choisissez une phrase longue et notez-la en lieu sûr.</source>
        <translation>تحمي المفتاح الذي يوقّع تصديراتك. ستُطلب منك عند كل تصدير: اختر عبارة طويلة واحفظها في مكان آمن.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/setup_wizard.py" line="109"/>
        <source>Phrase de passe</source>
        <translation>عبارة المرور</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/setup_wizard.py" line="110"/>
        <source>Confirmation</source>
        <translation>التأكيد</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/setup_wizard.py" line="146"/>
        <source>Choisissez votre établissement dans la liste.</source>
        <translation>اختر مؤسستك من اللائحة.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/setup_wizard.py" line="153"/>
        <source>Indiquez un dossier de données.</source>
        <translation>حدد مجلدا للمعطيات.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/setup_wizard.py" line="156"/>
        <source>Ce dossier contient déjà des données Kafaat : il sera ouvert tel quel.</source>
        <translation>يحتوي هذا المجلد على معطيات كفاءات: سيُفتح كما هو.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/setup_wizard.py" line="172"/>
        <source>Les deux phrases de passe diffèrent.</source>
        <translation>عبارتا المرور مختلفتان.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/setup_wizard.py" line="175"/>
        <source>Phrase de passe trop courte : au moins {0} caractères.</source>
        <translation>عبارة المرور قصيرة جدا: {0} أحرف على الأقل.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/setup_wizard.py" line="185"/>
        <source>Création impossible : {0}</source>
        <translation>تعذر الإنشاء: {0}</translation>
    </message>
</context>
<context>
    <name>PassphraseDialog</name>
    <message>
        <source>Changer la phrase de passe</source>
        <translation>تغيير عبارة المرور</translation>
    </message>
    <message>
        <source>Phrase de passe actuelle</source>
        <translation>عبارة المرور الحالية</translation>
    </message>
    <message>
        <source>Nouvelle phrase de passe</source>
        <translation>عبارة المرور الجديدة</translation>
    </message>
    <message>
        <source>Nouvelle phrase de passe (encore)</source>
        <translation>عبارة المرور الجديدة (مرة أخرى)</translation>
    </message>
    <message>
        <source>Tapez la phrase de passe actuelle.</source>
        <translation>اكتب عبارة المرور الحالية.</translation>
    </message>
    <message>
        <source>La nouvelle phrase de passe doit avoir au moins {0} caractères.</source>
        <translation>يجب أن تتكون عبارة المرور الجديدة من {0} أحرف على الأقل.</translation>
    </message>
    <message>
        <source>Les deux nouvelles phrases de passe sont différentes.</source>
        <translation>عبارتا المرور الجديدتان مختلفتان.</translation>
    </message>
</context>
</TS>
