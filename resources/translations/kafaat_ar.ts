<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ar" sourcelanguage="fr">
<context>
    <name>DashboardPage</name>
    <message>
        <location filename="../../desktop/ui/pages/dashboard_page.py" line="64"/>
        <source>Enregistrements</source>
        <translation>السجلات</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/dashboard_page.py" line="67"/>
        <source>Qualité des données</source>
        <translation>جودة المعطيات</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/dashboard_page.py" line="86"/>
        <source>Calcul des indicateurs…</source>
        <translation>جارٍ حساب المؤشرات…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/dashboard_page.py" line="60"/>
        <location filename="../../desktop/ui/pages/dashboard_page.py" line="103"/>
        <location filename="../../desktop/ui/pages/dashboard_page.py" line="105"/>
        <location filename="../../desktop/ui/pages/dashboard_page.py" line="119"/>
        <source>Tableau de bord</source>
        <translation>لوحة القيادة</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/dashboard_page.py" line="137"/>
        <source>Complets</source>
        <translation>مكتملة</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/dashboard_page.py" line="137"/>
        <source>Brouillons</source>
        <translation>مسودات</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/dashboard_page.py" line="137"/>
        <source>Avec avertissements</source>
        <translation>مع تنبيهات</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/dashboard_page.py" line="160"/>
        <source>brouillon</source>
        <translation>مسودة</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/pages/dashboard_page.py" line="162"/>
        <source>%n erreur(s)</source>
        <translation>
            <numerusform>%n خطأ</numerusform>
            <numerusform>خطأ واحد</numerusform>
            <numerusform>خطآن</numerusform>
            <numerusform>%n أخطاء</numerusform>
            <numerusform>%n خطأً</numerusform>
            <numerusform>%n خطأ</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/pages/dashboard_page.py" line="164"/>
        <source>%n avertissement(s)</source>
        <translation>
            <numerusform>%n تنبيه</numerusform>
            <numerusform>تنبيه واحد</numerusform>
            <numerusform>تنبيهان</numerusform>
            <numerusform>%n تنبيهات</numerusform>
            <numerusform>%n تنبيهًا</numerusform>
            <numerusform>%n تنبيه</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/dashboard_page.py" line="168"/>
        <source>Cliquer pour ouvrir</source>
        <translation>انقر للفتح</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/dashboard_page.py" line="173"/>
        <source>Brouillons et enregistrements avec avertissements : un clic ouvre l&apos;enregistrement.</source>
        <translation>المسودات والسجلات التي بها تنبيهات: نقرة واحدة تفتح السجل.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/dashboard_page.py" line="177"/>
        <source>Aucun enregistrement pour l&apos;instant. Commencez par vos offres de formation (les cohortes et les stages s&apos;y rattachent), une à une ou en important un classeur depuis la page « Import ».</source>
        <translation>لا يوجد أي تسجيل بعد. ابدأ بعروض التكوين (إليها تُلحق الأفواج والتداريب)، واحدا تلو الآخر أو باستيراد مصنف من صفحة « الاستيراد ».</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/dashboard_page.py" line="180"/>
        <source>Aucun brouillon ni avertissement : tout est prêt pour l&apos;export.</source>
        <translation>لا مسودات ولا تنبيهات: كل شيء جاهز للتصدير.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/dashboard_page.py" line="193"/>
        <source>Offres par domaine</source>
        <translation>العروض حسب المجال</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/dashboard_page.py" line="195"/>
        <source>Offres par type de formation</source>
        <translation>العروض حسب نوع التكوين</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/dashboard_page.py" line="197"/>
        <source>Stages par région d&apos;accueil</source>
        <translation>التداريب حسب جهة الاستقبال</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/dashboard_page.py" line="200"/>
        <source>Inscrits par année universitaire</source>
        <translation>المسجلون حسب السنة الجامعية</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/dashboard_page.py" line="234"/>
        <source>Pas encore de données.</source>
        <translation>لا توجد معطيات بعد.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/dashboard_page.py" line="307"/>
        <source>Femmes</source>
        <translation>الإناث</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/dashboard_page.py" line="309"/>
        <source>Hommes</source>
        <translation>الذكور</translation>
    </message>
</context>
<context>
    <name>ExportPage</name>
    <message>
        <location filename="../../desktop/ui/pages/export_page.py" line="99"/>
        <source>Export vers le ministère</source>
        <translation>التصدير إلى الوزارة</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/export_page.py" line="111"/>
        <source>Ce qui sera envoyé</source>
        <translation>ما سيتم إرساله</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/export_page.py" line="113"/>
        <source>Calcul en cours…</source>
        <translation>جارٍ الحساب…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/export_page.py" line="123"/>
        <source>Brouillons laissés de côté (jamais envoyés) :</source>
        <translation>مسودات مستبعدة (لا تُرسل أبدا):</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/export_page.py" line="128"/>
        <source>Tout envoyer (lot complet), pas seulement les changements</source>
        <translation>إرسال الكل (حزمة كاملة)، وليس التغييرات فقط</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/export_page.py" line="134"/>
        <source>Écrire le lot</source>
        <translation>كتابة الحزمة</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/export_page.py" line="139"/>
        <source>Phrase de passe des clés</source>
        <translation>عبارة مرور المفاتيح</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/export_page.py" line="143"/>
        <source>Dossier de destination, par exemple une clé USB</source>
        <translation>مجلد الوجهة، مثلا مفتاح USB</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/export_page.py" line="144"/>
        <source>Choisir…</source>
        <translation>اختيار…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/export_page.py" line="149"/>
        <source>Destination</source>
        <translation>الوجهة</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/export_page.py" line="150"/>
        <source>Exporter le lot</source>
        <translation>تصدير الحزمة</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/export_page.py" line="161"/>
        <source>Boîte d&apos;envoi</source>
        <translation>صندوق الإرسال</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/export_page.py" line="165"/>
        <source>N°</source>
        <translation>رقم</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/export_page.py" line="165"/>
        <source>État</source>
        <translation>الحالة</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/export_page.py" line="165"/>
        <source>Écrit le</source>
        <translation>كُتب في</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/export_page.py" line="166"/>
        <source>Enregistrements</source>
        <translation>السجلات</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/export_page.py" line="166"/>
        <source>Fichier</source>
        <translation>الملف</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/export_page.py" line="193"/>
        <source>Export</source>
        <translation>التصدير</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/export_page.py" line="200"/>
        <source>Prochain lot : n° {n}</source>
        <translation>الحزمة القادمة: رقم {n}</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/export_page.py" line="201"/>
        <source> (complet)</source>
        <translation> (كاملة)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/export_page.py" line="203"/>
        <source>{form} : {records}, {deletions}</source>
        <translation>{form}: {records}، {deletions}</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/pages/export_page.py" line="205"/>
        <source>%n enregistrement(s)</source>
        <translation>
            <numerusform>%n سجل</numerusform>
            <numerusform>سجل واحد</numerusform>
            <numerusform>سجلان</numerusform>
            <numerusform>%n سجلات</numerusform>
            <numerusform>%n سجلًا</numerusform>
            <numerusform>%n سجل</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/pages/export_page.py" line="206"/>
        <source>%n suppression(s)</source>
        <translation>
            <numerusform>%n عملية حذف</numerusform>
            <numerusform>عملية حذف واحدة</numerusform>
            <numerusform>عمليتا حذف</numerusform>
            <numerusform>%n عمليات حذف</numerusform>
            <numerusform>%n عملية حذف</numerusform>
            <numerusform>%n عملية حذف</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/export_page.py" line="245"/>
        <source>dernier lot exporté aujourd&apos;hui</source>
        <translation>آخر حزمة صُدّرت اليوم</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/export_page.py" line="246"/>
        <source>dernier lot exporté hier</source>
        <translation>آخر حزمة صُدّرت أمس</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/pages/export_page.py" line="247"/>
        <source>dernier lot exporté il y a %n jour(s)</source>
        <translation>
            <numerusform>آخر حزمة صُدّرت منذ %n يوم</numerusform>
            <numerusform>آخر حزمة صُدّرت منذ يوم واحد</numerusform>
            <numerusform>آخر حزمة صُدّرت منذ يومين</numerusform>
            <numerusform>آخر حزمة صُدّرت منذ %n أيام</numerusform>
            <numerusform>آخر حزمة صُدّرت منذ %n يومًا</numerusform>
            <numerusform>آخر حزمة صُدّرت منذ %n يوم</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/export_page.py" line="249"/>
        <source>{when} (période de {period}) : un export est attendu</source>
        <translation>{when} (الفترة {period}): تصدير جديد مُنتظر</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/pages/export_page.py" line="250"/>
        <source>%n jour(s)</source>
        <translation>
            <numerusform>%n يوم</numerusform>
            <numerusform>يوم واحد</numerusform>
            <numerusform>يومين</numerusform>
            <numerusform>%n أيام</numerusform>
            <numerusform>%n يومًا</numerusform>
            <numerusform>%n يوم</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/export_page.py" line="207"/>
        <source>Destinataires : {names}</source>
        <translation>المستلمون: {names}</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/export_page.py" line="209"/>
        <source>Créez d&apos;abord les clés de l&apos;établissement (encadré « Clés et destinataires »).</source>
        <translation>أنشئ أولا مفاتيح المؤسسة (إطار « المفاتيح والجهات المستقبلة »).</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/export_page.py" line="211"/>
        <source>Ajoutez d&apos;abord un ministère destinataire (encadré « Clés et destinataires »).</source>
        <translation>أضف أولا وزارة مستقبلة (إطار « المفاتيح والجهات المستقبلة »).</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/export_page.py" line="235"/>
        <source>réservé (pas encore écrit)</source>
        <translation>محجوزة (لم تُكتب بعد)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/export_page.py" line="236"/>
        <source>écrit, en attente d&apos;accusé</source>
        <translation>مكتوبة، في انتظار الإشعار بالتوصل</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/export_page.py" line="237"/>
        <source>accusé de réception reçu</source>
        <translation>تم التوصل بالإشعار</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/export_page.py" line="243"/>
        <source>aucun lot n&apos;a encore été exporté</source>
        <translation>لم يتم تصدير أي حزمة بعد</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/export_page.py" line="258"/>
        <source>Dossier de destination</source>
        <translation>مجلد الوجهة</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/export_page.py" line="267"/>
        <source>Choisissez d&apos;abord le dossier de destination (par exemple une clé USB).</source>
        <translation>اختر أولا مجلد الوجهة (مثلا مفتاح USB).</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/export_page.py" line="270"/>
        <source>Saisissez la phrase de passe des clés de l&apos;établissement.</source>
        <translation>أدخل عبارة مرور مفاتيح المؤسسة.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/export_page.py" line="275"/>
        <source>Export en cours…</source>
        <translation>جارٍ التصدير…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/export_page.py" line="280"/>
        <source>Lot n° {n} écrit : {path}</source>
        <translation>كُتبت الحزمة رقم {n}: {path}</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/export_page.py" line="288"/>
        <source>Export annulé : aucun lot n&apos;a été écrit.</source>
        <translation>أُلغي التصدير: لم تُكتب أي حزمة.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/export_page.py" line="292"/>
        <source>Export du lot</source>
        <translation>تصدير الحزمة</translation>
    </message>
</context>
<context>
    <name>Fields</name>
    <message>
        <location filename="../../desktop/ui/fields.py" line="196"/>
        <source>Choisir dans le calendrier</source>
        <translation>اختيار من التقويم</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/fields.py" line="490"/>
        <source>Oui</source>
        <translation>نعم</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/fields.py" line="490"/>
        <source>Non</source>
        <translation>لا</translation>
    </message>
</context>
<context>
    <name>ImportPage</name>
    <message>
        <location filename="../../desktop/ui/pages/import_page.py" line="55"/>
        <source>Importer un fichier Excel ou CSV</source>
        <translation>استيراد ملف Excel أو CSV</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/import_page.py" line="59"/>
        <source>1. Fichier</source>
        <translation>1. الملف</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/import_page.py" line="66"/>
        <source>Classeur .xlsx ou fichier .csv</source>
        <translation>مصنف ‎.xlsx أو ملف ‎.csv</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/import_page.py" line="67"/>
        <source>Parcourir…</source>
        <translation>تصفح…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/import_page.py" line="69"/>
        <source>Lire le fichier</source>
        <translation>قراءة الملف</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/import_page.py" line="73"/>
        <source>Modèle vide…</source>
        <translation>نموذج فارغ…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/import_page.py" line="75"/>
        <source>Formulaire :</source>
        <translation>الاستمارة:</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/import_page.py" line="82"/>
        <source>2. Aperçu et correspondance des colonnes</source>
        <translation>2. معاينة ومطابقة الأعمدة</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/import_page.py" line="89"/>
        <location filename="../../desktop/ui/pages/import_page.py" line="118"/>
        <source>Colonne</source>
        <translation>العمود</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/import_page.py" line="89"/>
        <source>En-tête du fichier</source>
        <translation>رأس الملف</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/import_page.py" line="90"/>
        <source>Champ Kafaat</source>
        <translation>حقل كفاءات</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/import_page.py" line="101"/>
        <source>3. Vérification et import (tout ou rien)</source>
        <translation>3. التحقق والاستيراد (الكل أو لا شيء)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/import_page.py" line="104"/>
        <source>Vérifier</source>
        <translation>تحقق</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/import_page.py" line="106"/>
        <source>Importer</source>
        <translation>استيراد</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/import_page.py" line="108"/>
        <source>Enregistrer le rapport d&apos;erreurs…</source>
        <translation>حفظ تقرير الأخطاء…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/import_page.py" line="118"/>
        <source>Ligne</source>
        <translation>السطر</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/import_page.py" line="118"/>
        <source>Champ</source>
        <translation>الحقل</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/import_page.py" line="119"/>
        <source>Gravité</source>
        <translation>الخطورة</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/import_page.py" line="119"/>
        <source>Message</source>
        <translation>الرسالة</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/import_page.py" line="167"/>
        <source>Opération annulée : rien n&apos;a été enregistré.</source>
        <translation>أُلغيت العملية: لم يُحفظ أي شيء.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/import_page.py" line="179"/>
        <source>Fichier à importer</source>
        <translation>الملف المراد استيراده</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/import_page.py" line="180"/>
        <source>Classeurs et CSV (*.xlsx *.csv);;Tous les fichiers (*)</source>
        <translation>مصنفات وCSV (*.xlsx *.csv);;كل الملفات (*)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/import_page.py" line="195"/>
        <source>Lecture du fichier</source>
        <translation>قراءة الملف</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/import_page.py" line="200"/>
        <location filename="../../desktop/ui/pages/import_page.py" line="207"/>
        <source>Modèle Excel</source>
        <translation>نموذج إكسل</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/import_page.py" line="200"/>
        <source>modèle</source>
        <translation>نموذج</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/import_page.py" line="201"/>
        <location filename="../../desktop/ui/pages/import_page.py" line="315"/>
        <source>Classeur Excel (*.xlsx)</source>
        <translation>مصنف إكسل (*.xlsx)</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/pages/import_page.py" line="216"/>
        <source>Feuille « {sheet} », en-tête en ligne {row}, %n ligne(s) de données.</source>
        <translation>
            <numerusform>الورقة « {sheet} »، الرأس في السطر {row}، عدد أسطر المعطيات: %n.</numerusform>
            <numerusform>الورقة « {sheet} »، الرأس في السطر {row}، عدد أسطر المعطيات: %n.</numerusform>
            <numerusform>الورقة « {sheet} »، الرأس في السطر {row}، عدد أسطر المعطيات: %n.</numerusform>
            <numerusform>الورقة « {sheet} »، الرأس في السطر {row}، عدد أسطر المعطيات: %n.</numerusform>
            <numerusform>الورقة « {sheet} »، الرأس في السطر {row}، عدد أسطر المعطيات: %n.</numerusform>
            <numerusform>الورقة « {sheet} »، الرأس في السطر {row}، عدد أسطر المعطيات: %n.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/pages/import_page.py" line="279"/>
        <source>%n problème(s) à corriger : rien ne sera importé tant qu&apos;il en reste. {summary}</source>
        <translation>
            <numerusform>عدد المشاكل التي يجب تصحيحها: %n؛ لن يُستورد شيء ما دامت قائمة. {summary}</numerusform>
            <numerusform>عدد المشاكل التي يجب تصحيحها: %n؛ لن يُستورد شيء ما دامت قائمة. {summary}</numerusform>
            <numerusform>عدد المشاكل التي يجب تصحيحها: %n؛ لن يُستورد شيء ما دامت قائمة. {summary}</numerusform>
            <numerusform>عدد المشاكل التي يجب تصحيحها: %n؛ لن يُستورد شيء ما دامت قائمة. {summary}</numerusform>
            <numerusform>عدد المشاكل التي يجب تصحيحها: %n؛ لن يُستورد شيء ما دامت قائمة. {summary}</numerusform>
            <numerusform>عدد المشاكل التي يجب تصحيحها: %n؛ لن يُستورد شيء ما دامت قائمة. {summary}</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/import_page.py" line="231"/>
        <source>— ignorer —</source>
        <translation>— تجاهل —</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/import_page.py" line="269"/>
        <source>Vérification</source>
        <translation>التحقق</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/import_page.py" line="274"/>
        <source>Prêt à importer — {summary}</source>
        <translation>جاهز للاستيراد — {summary}</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/import_page.py" line="288"/>
        <source>erreur</source>
        <translation>خطأ</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/import_page.py" line="288"/>
        <source>avertissement</source>
        <translation>تنبيه</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/import_page.py" line="313"/>
        <location filename="../../desktop/ui/pages/import_page.py" line="324"/>
        <source>Rapport d&apos;erreurs</source>
        <translation>تقرير الأخطاء</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/import_page.py" line="314"/>
        <source>rapport</source>
        <translation>تقرير</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/import_page.py" line="325"/>
        <source>Rapport d&apos;erreurs écrit : {path}</source>
        <translation>كُتب تقرير الأخطاء: {path}</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/import_page.py" line="334"/>
        <source>aucune ligne lue</source>
        <translation>لم يُقرأ أي سطر</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/pages/import_page.py" line="334"/>
        <source>%n ligne(s) lue(s)</source>
        <translation>
            <numerusform>الأسطر المقروءة: %n</numerusform>
            <numerusform>الأسطر المقروءة: %n</numerusform>
            <numerusform>الأسطر المقروءة: %n</numerusform>
            <numerusform>الأسطر المقروءة: %n</numerusform>
            <numerusform>الأسطر المقروءة: %n</numerusform>
            <numerusform>الأسطر المقروءة: %n</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/import_page.py" line="335"/>
        <source>aucune création</source>
        <translation>لا إنشاء</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/pages/import_page.py" line="335"/>
        <source>%n création(s)</source>
        <translation>
            <numerusform>الإنشاءات: %n</numerusform>
            <numerusform>الإنشاءات: %n</numerusform>
            <numerusform>الإنشاءات: %n</numerusform>
            <numerusform>الإنشاءات: %n</numerusform>
            <numerusform>الإنشاءات: %n</numerusform>
            <numerusform>الإنشاءات: %n</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/import_page.py" line="336"/>
        <source>aucune mise à jour</source>
        <translation>لا تحديث</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/pages/import_page.py" line="336"/>
        <source>%n mise(s) à jour</source>
        <translation>
            <numerusform>التحديثات: %n</numerusform>
            <numerusform>التحديثات: %n</numerusform>
            <numerusform>التحديثات: %n</numerusform>
            <numerusform>التحديثات: %n</numerusform>
            <numerusform>التحديثات: %n</numerusform>
            <numerusform>التحديثات: %n</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/import_page.py" line="337"/>
        <source>aucune ligne inchangée</source>
        <translation>لا سطر دون تغيير</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/pages/import_page.py" line="338"/>
        <source>%n ligne(s) inchangée(s)</source>
        <translation>
            <numerusform>الأسطر دون تغيير: %n</numerusform>
            <numerusform>الأسطر دون تغيير: %n</numerusform>
            <numerusform>الأسطر دون تغيير: %n</numerusform>
            <numerusform>الأسطر دون تغيير: %n</numerusform>
            <numerusform>الأسطر دون تغيير: %n</numerusform>
            <numerusform>الأسطر دون تغيير: %n</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/import_page.py" line="339"/>
        <source>aucune ligne refusée</source>
        <translation>لا سطر مرفوض</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/pages/import_page.py" line="340"/>
        <source>%n ligne(s) refusée(s)</source>
        <translation>
            <numerusform>الأسطر المرفوضة: %n</numerusform>
            <numerusform>الأسطر المرفوضة: %n</numerusform>
            <numerusform>الأسطر المرفوضة: %n</numerusform>
            <numerusform>الأسطر المرفوضة: %n</numerusform>
            <numerusform>الأسطر المرفوضة: %n</numerusform>
            <numerusform>الأسطر المرفوضة: %n</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/import_page.py" line="342"/>
        <source>aucun avertissement</source>
        <translation>لا تنبيه</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/pages/import_page.py" line="342"/>
        <source>%n avertissement(s)</source>
        <translation>
            <numerusform>%n تنبيه</numerusform>
            <numerusform>تنبيه واحد</numerusform>
            <numerusform>تنبيهان</numerusform>
            <numerusform>%n تنبيهات</numerusform>
            <numerusform>%n تنبيهًا</numerusform>
            <numerusform>%n تنبيه</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/pages/import_page.py" line="343"/>
        <source> (dont %n brouillon(s))</source>
        <translation>
            <numerusform> (منها %n مسودة)</numerusform>
            <numerusform> (منها مسودة واحدة)</numerusform>
            <numerusform> (منها مسودتان)</numerusform>
            <numerusform> (منها %n مسودات)</numerusform>
            <numerusform> (منها %n مسودة)</numerusform>
            <numerusform> (منها %n مسودة)</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/import_page.py" line="345"/>
        <source>{read} : {created}, {updated}, {unchanged}{drafts} ; {refused} ; {warnings}</source>
        <translation>{read}: {created}، {updated}، {unchanged}{drafts}؛ {refused}؛ {warnings}</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/import_page.py" line="347"/>
        <source>{read} : {created}, {updated} à faire, {unchanged}{drafts} ; {refused} ; {warnings}</source>
        <translation>{read}: {created}، {updated} منتظرة، {unchanged}{drafts}؛ {refused}؛ {warnings}</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/import_page.py" line="358"/>
        <location filename="../../desktop/ui/pages/import_page.py" line="372"/>
        <source>Import</source>
        <translation>الاستيراد</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/import_page.py" line="363"/>
        <source>Import terminé — {summary}</source>
        <translation>انتهى الاستيراد — {summary}</translation>
    </message>
</context>
<context>
    <name>KeysBox</name>
    <message>
        <location filename="../../desktop/ui/keys_box.py" line="44"/>
        <source>Clés et destinataires</source>
        <translation>المفاتيح والجهات المستقبلة</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/keys_box.py" line="54"/>
        <source>Créer les clés…</source>
        <translation>إنشاء المفاتيح…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/keys_box.py" line="55"/>
        <source>Demande d&apos;enregistrement…</source>
        <translation>طلب التسجيل…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/keys_box.py" line="57"/>
        <source>Ajouter un ministère destinataire…</source>
        <translation>إضافة وزارة مستقبلة…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/keys_box.py" line="59"/>
        <source>Importer un accusé de réception…</source>
        <translation>استيراد إشعار بالتوصل…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/keys_box.py" line="83"/>
        <source>Empreinte de l&apos;établissement : {fp}</source>
        <translation>بصمة المؤسسة: {fp}</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/keys_box.py" line="87"/>
        <source>Les clés de l&apos;établissement n&apos;existent pas encore : créez-les pour pouvoir exporter.</source>
        <translation>مفاتيح المؤسسة غير موجودة بعد: أنشئها لتتمكن من التصدير.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/keys_box.py" line="95"/>
        <source>Ministères destinataires : {names}</source>
        <translation>الوزارات المستقبلة: {names}</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/keys_box.py" line="98"/>
        <source>Aucun ministère destinataire : ajoutez le fichier de clé publique reçu du ministère.</source>
        <translation>لا توجد وزارة مستقبلة: أضف ملف المفتاح العمومي الذي توصلت به من الوزارة.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/keys_box.py" line="109"/>
        <location filename="../../desktop/ui/keys_box.py" line="127"/>
        <location filename="../../desktop/ui/keys_box.py" line="134"/>
        <location filename="../../desktop/ui/keys_box.py" line="157"/>
        <location filename="../../desktop/ui/keys_box.py" line="191"/>
        <location filename="../../desktop/ui/keys_box.py" line="213"/>
        <source>Kafaat</source>
        <translation>كفاءات</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/keys_box.py" line="113"/>
        <source>Phrase de passe</source>
        <translation>عبارة المرور</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/keys_box.py" line="119"/>
        <source>Choisissez la phrase de passe des clés ({n} caractères au moins) :</source>
        <translation>اختر عبارة مرور المفاتيح ({n} أحرف على الأقل):</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/keys_box.py" line="123"/>
        <source>Saisissez-la une seconde fois :</source>
        <translation>أدخلها مرة ثانية:</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/keys_box.py" line="127"/>
        <source>Les deux phrases de passe diffèrent : aucune clé n&apos;a été créée.</source>
        <translation>عبارتا المرور مختلفتان: لم يتم إنشاء أي مفتاح.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/keys_box.py" line="135"/>
        <source>Clés créées. Empreinte à communiquer au ministère : {fp}</source>
        <translation>تم إنشاء المفاتيح. البصمة التي يجب إبلاغها للوزارة: {fp}</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/keys_box.py" line="137"/>
        <source>Création des clés</source>
        <translation>إنشاء المفاتيح</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/keys_box.py" line="145"/>
        <source>demande</source>
        <translation>طلب</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/keys_box.py" line="146"/>
        <source>Demande d&apos;enregistrement</source>
        <translation>طلب التسجيل</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/keys_box.py" line="147"/>
        <location filename="../../desktop/ui/keys_box.py" line="201"/>
        <source>Fichiers Kafaat (*.json);;Tous les fichiers (*)</source>
        <translation>ملفات كفاءات (*.json);;كل الملفات (*)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/keys_box.py" line="158"/>
        <source>Demande écrite : {path}
Envoyez-la au ministère et communiquez-lui par téléphone l&apos;empreinte : {fp}</source>
        <translation>تمت كتابة الطلب: {path}
أرسله إلى الوزارة وأبلغها هاتفيا بالبصمة: {fp}</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/keys_box.py" line="165"/>
        <source>Clé publique du ministère</source>
        <translation>المفتاح العمومي للوزارة</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/keys_box.py" line="167"/>
        <source>Clés publiques (*.pub *.pub.json *.json);;Tous les fichiers (*)</source>
        <translation>مفاتيح عامة (*.pub *.pub.json *.json);;كل الملفات (*)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/keys_box.py" line="176"/>
        <source>Vérifier l&apos;empreinte</source>
        <translation>التحقق من البصمة</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/keys_box.py" line="177"/>
        <source>Clé de {name} ({code}).
Empreinte : {fp}

Vérifiez cette empreinte avec le ministère (par téléphone) avant de l&apos;accepter. Faire confiance à cette clé ?</source>
        <translation>مفتاح {name} ({code}).
البصمة: {fp}

تحقق من هذه البصمة مع الوزارة (هاتفيا) قبل قبولها. هل تثق بهذا المفتاح؟</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/keys_box.py" line="192"/>
        <source>{code} était déjà un destinataire avec cette clé : rien n&apos;a changé.</source>
        <translation>{code} كانت مستقبلة بهذا المفتاح من قبل: لم يتغير شيء.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/keys_box.py" line="200"/>
        <source>Accusé de réception</source>
        <translation>إشعار بالتوصل</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/keys_box.py" line="214"/>
        <source>Accusé de réception vérifié : le lot n° {n} est marqué comme reçu.</source>
        <translation>تم التحقق من الإشعار بالتوصل: الدفعة رقم {n} مسجلة كمستلمة.</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../desktop/app.py" line="161"/>
        <location filename="../../desktop/ui/window.py" line="92"/>
        <source>Ouverture des données…</source>
        <translation>جارٍ فتح المعطيات…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/window.py" line="205"/>
        <source>Barre d&apos;état</source>
        <translation>شريط الحالة</translation>
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
            <numerusform>(%n مسودة)</numerusform>
            <numerusform>(مسودة واحدة)</numerusform>
            <numerusform>(مسودتان)</numerusform>
            <numerusform>(%n مسودات)</numerusform>
            <numerusform>(%n مسودة)</numerusform>
            <numerusform>(%n مسودة)</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../desktop/ui/window.py" line="221"/>
        <source>jamais</source>
        <translation>أبدا</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/window.py" line="222"/>
        <source>aucun</source>
        <translation>لا شيء</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/window.py" line="223"/>
        <source>Dernier export</source>
        <translation>آخر تصدير</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/window.py" line="224"/>
        <source>Dernier accusé de réception</source>
        <translation>آخر إشعار بالتوصل</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/window.py" line="240"/>
        <source>Enregistrement introuvable</source>
        <translation>السجل غير موجود</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/window.py" line="241"/>
        <source>Cet enregistrement a été supprimé entre-temps.</source>
        <translation>تم حذف هذا السجل في الأثناء.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/window.py" line="301"/>
        <source>Modifications non enregistrées</source>
        <translation>تعديلات غير محفوظة</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/window.py" line="302"/>
        <source>Des saisies ne sont pas enregistrées. Fermer quand même et les perdre ?</source>
        <translation>بعض المدخلات غير محفوظة. هل تريد الإغلاق رغم ذلك وفقدانها؟</translation>
    </message>
</context>
<context>
    <name>OperationRunner</name>
    <message>
        <location filename="../../desktop/ui/operations.py" line="135"/>
        <source>Annuler</source>
        <translation>إلغاء</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/operations.py" line="248"/>
        <source>Opération impossible</source>
        <translation>تعذرت العملية</translation>
    </message>
</context>
<context>
    <name>Operations</name>
    <message>
        <location filename="../../desktop/ui/operations.py" line="294"/>
        <source>Une erreur inattendue est survenue. Rien n&apos;a été perdu de ce qui était déjà enregistré.</source>
        <translation>حدث خطأ غير متوقع. لم يضع شيء مما كان محفوظا.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/operations.py" line="298"/>
        <source>Détails dans le journal : {0}</source>
        <translation>التفاصيل في السجل: {0}</translation>
    </message>
</context>
<context>
    <name>PassphraseDialog</name>
    <message>
        <location filename="../../desktop/ui/pages/settings_page.py" line="238"/>
        <source>Changer la phrase de passe</source>
        <translation>تغيير عبارة المرور</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/settings_page.py" line="246"/>
        <source>Phrase de passe actuelle</source>
        <translation>عبارة المرور الحالية</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/settings_page.py" line="247"/>
        <source>Nouvelle phrase de passe</source>
        <translation>عبارة المرور الجديدة</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/settings_page.py" line="248"/>
        <source>Nouvelle phrase de passe (encore)</source>
        <translation>عبارة المرور الجديدة (مرة أخرى)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/settings_page.py" line="263"/>
        <source>Tapez la phrase de passe actuelle.</source>
        <translation>اكتب عبارة المرور الحالية.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/settings_page.py" line="265"/>
        <source>La nouvelle phrase de passe doit avoir au moins {0} caractères.</source>
        <translation>يجب أن تتكون عبارة المرور الجديدة من {0} أحرف على الأقل.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/settings_page.py" line="267"/>
        <source>Les deux nouvelles phrases de passe sont différentes.</source>
        <translation>عبارتا المرور الجديدتان مختلفتان.</translation>
    </message>
</context>
<context>
    <name>RecordEditor</name>
    <message>
        <location filename="../../desktop/ui/editor.py" line="158"/>
        <source>Annuler la saisie</source>
        <translation>تراجع</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/editor.py" line="159"/>
        <source>Annuler la dernière modification (Ctrl+Z)</source>
        <translation>التراجع عن آخر تعديل (Ctrl+Z)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/editor.py" line="163"/>
        <source>Rétablir</source>
        <translation>إعادة</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/editor.py" line="164"/>
        <source>Rétablir la modification annulée (Ctrl+Y)</source>
        <translation>إعادة التعديل الملغى (Ctrl+Y)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/editor.py" line="174"/>
        <source>Précédent</source>
        <translation>السابق</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/editor.py" line="175"/>
        <source>Enregistrement précédent de la liste (Ctrl+Page précédente)</source>
        <translation>التسجيل السابق في القائمة (Ctrl+PgUp)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/editor.py" line="179"/>
        <source>Suivant</source>
        <translation>التالي</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/editor.py" line="180"/>
        <source>Enregistrement suivant de la liste (Ctrl+Page suivante)</source>
        <translation>التسجيل التالي في القائمة (Ctrl+PgDown)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/editor.py" line="189"/>
        <source>Saisie</source>
        <translation>الإدخال</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/editor.py" line="192"/>
        <source>Date</source>
        <translation>التاريخ</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/editor.py" line="192"/>
        <source>Par</source>
        <translation>بواسطة</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/editor.py" line="192"/>
        <source>Action</source>
        <translation>العملية</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/editor.py" line="192"/>
        <source>Champ</source>
        <translation>الحقل</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/editor.py" line="193"/>
        <source>Valeur</source>
        <translation>القيمة</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/editor.py" line="197"/>
        <source>Historique</source>
        <translation>السجل التاريخي</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/editor.py" line="205"/>
        <source>Cliquer sur un problème pour aller au champ</source>
        <translation>انقر على مشكلة للانتقال إلى حقلها</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/editor.py" line="216"/>
        <source>Enregistrer comme brouillon</source>
        <translation>حفظ كمسودة</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/editor.py" line="218"/>
        <source>Un brouillon peut être incomplet ; il n&apos;est jamais envoyé au ministère (Ctrl+Maj+S)</source>
        <translation>يمكن أن تكون المسودة غير مكتملة؛ ولا تُرسل أبدا إلى الوزارة (Ctrl+Shift+S)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/editor.py" line="220"/>
        <source>Enregistrer</source>
        <translation>حفظ</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/editor.py" line="222"/>
        <source>Enregistrer comme complet : toutes les règles doivent être respectées (Ctrl+S)</source>
        <translation>حفظ كسجل مكتمل: يجب احترام جميع القواعد (Ctrl+S)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/editor.py" line="225"/>
        <source>Fermer</source>
        <translation>إغلاق</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/editor.py" line="298"/>
        <source>* champ obligatoire pour un enregistrement complet</source>
        <translation>* حقل إلزامي لسجل مكتمل</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/editor.py" line="348"/>
        <source>Ne s&apos;applique pas quand « {field} » vaut « {value} »</source>
        <translation>لا ينطبق عندما تكون قيمة « {field} » هي « {value} »</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/editor.py" line="427"/>
        <source>Nouveau : {0}</source>
        <translation>جديد: {0}</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/editor.py" line="495"/>
        <source>{fields} : {message}</source>
        <translation>{fields}: {message}</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/editor.py" line="511"/>
        <source>Aucun problème : l&apos;enregistrement peut être enregistré comme complet.</source>
        <translation>لا مشكلة: يمكن حفظ السجل كسجل مكتمل.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/editor.py" line="516"/>
        <source>%n erreur(s) : enregistrement possible seulement comme brouillon</source>
        <translation>
            <numerusform>%n خطأ: الحفظ ممكن كمسودة فقط</numerusform>
            <numerusform>خطأ واحد: الحفظ ممكن كمسودة فقط</numerusform>
            <numerusform>خطآن: الحفظ ممكن كمسودة فقط</numerusform>
            <numerusform>%n أخطاء: الحفظ ممكن كمسودة فقط</numerusform>
            <numerusform>%n خطأً: الحفظ ممكن كمسودة فقط</numerusform>
            <numerusform>%n خطأ: الحفظ ممكن كمسودة فقط</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/editor.py" line="518"/>
        <source>%n avertissement(s)</source>
        <translation>
            <numerusform>%n تنبيه</numerusform>
            <numerusform>تنبيه واحد</numerusform>
            <numerusform>تنبيهان</numerusform>
            <numerusform>%n تنبيهات</numerusform>
            <numerusform>%n تنبيهًا</numerusform>
            <numerusform>%n تنبيه</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../desktop/ui/editor.py" line="542"/>
        <source>Pas d&apos;enregistrement précédent dans la liste.</source>
        <translation>لا يوجد تسجيل سابق في القائمة.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/editor.py" line="543"/>
        <source>Pas d&apos;enregistrement suivant dans la liste.</source>
        <translation>لا يوجد تسجيل تالٍ في القائمة.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/editor.py" line="580"/>
        <source>Vos modifications ne sont pas enregistrées et comportent %n erreur(s) : elles ne peuvent être enregistrées que comme brouillon (jamais envoyé au ministère). Les enregistrer comme brouillon ?</source>
        <translation>
            <numerusform>تعديلاتك غير محفوظة وفيها %n خطأ: لا يمكن حفظها إلا كمسودة (لا تُرسل أبدا إلى الوزارة). هل تريد حفظها كمسودة؟</numerusform>
            <numerusform>تعديلاتك غير محفوظة وفيها خطأ واحد: لا يمكن حفظها إلا كمسودة (لا تُرسل أبدا إلى الوزارة). هل تريد حفظها كمسودة؟</numerusform>
            <numerusform>تعديلاتك غير محفوظة وفيها خطآن: لا يمكن حفظها إلا كمسودة (لا تُرسل أبدا إلى الوزارة). هل تريد حفظها كمسودة؟</numerusform>
            <numerusform>تعديلاتك غير محفوظة وفيها %n أخطاء: لا يمكن حفظها إلا كمسودة (لا تُرسل أبدا إلى الوزارة). هل تريد حفظها كمسودة؟</numerusform>
            <numerusform>تعديلاتك غير محفوظة وفيها %n خطأً: لا يمكن حفظها إلا كمسودة (لا تُرسل أبدا إلى الوزارة). هل تريد حفظها كمسودة؟</numerusform>
            <numerusform>تعديلاتك غير محفوظة وفيها %n خطأ: لا يمكن حفظها إلا كمسودة (لا تُرسل أبدا إلى الوزارة). هل تريد حفظها كمسودة؟</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../desktop/ui/editor.py" line="607"/>
        <source>Enregistrement</source>
        <translation>الحفظ</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/editor.py" line="632"/>
        <source>Enregistrement refusé : %n problème(s) à corriger (voir à côté des champs). Rien n&apos;a été enregistré.</source>
        <translation>
            <numerusform>تم رفض الحفظ: عدد المشاكل التي يجب تصحيحها: %n (انظر بجانب الحقول). لم يُحفظ أي شيء.</numerusform>
            <numerusform>تم رفض الحفظ: عدد المشاكل التي يجب تصحيحها: %n (انظر بجانب الحقول). لم يُحفظ أي شيء.</numerusform>
            <numerusform>تم رفض الحفظ: عدد المشاكل التي يجب تصحيحها: %n (انظر بجانب الحقول). لم يُحفظ أي شيء.</numerusform>
            <numerusform>تم رفض الحفظ: عدد المشاكل التي يجب تصحيحها: %n (انظر بجانب الحقول). لم يُحفظ أي شيء.</numerusform>
            <numerusform>تم رفض الحفظ: عدد المشاكل التي يجب تصحيحها: %n (انظر بجانب الحقول). لم يُحفظ أي شيء.</numerusform>
            <numerusform>تم رفض الحفظ: عدد المشاكل التي يجب تصحيحها: %n (انظر بجانب الحقول). لم يُحفظ أي شيء.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../desktop/ui/editor.py" line="639"/>
        <source>Enregistrement impossible</source>
        <translation>تعذر الحفظ</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/editor.py" line="647"/>
        <source>Création</source>
        <translation>إنشاء</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/editor.py" line="647"/>
        <source>Modification</source>
        <translation>تعديل</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/editor.py" line="647"/>
        <source>Suppression</source>
        <translation>حذف</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/editor.py" line="648"/>
        <source>Import</source>
        <translation>استيراد</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/editor.py" line="654"/>
        <source>État</source>
        <translation>الحالة</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/editor.py" line="586"/>
        <source>Modifications non enregistrées</source>
        <translation>تعديلات غير محفوظة</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/editor.py" line="584"/>
        <source>Vos modifications ne sont pas enregistrées. Les enregistrer avant de fermer ?</source>
        <translation>تعديلاتك غير محفوظة. هل تريد حفظها قبل الإغلاق؟</translation>
    </message>
</context>
<context>
    <name>RecordsModel</name>
    <message>
        <location filename="../../desktop/ui/records_model.py" line="398"/>
        <source>refusé par {0}</source>
        <translation>رفضته {0}</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/records_model.py" line="402"/>
        <source>Refusé par {0} (lot n° {1}) : {2}</source>
        <translation>رفضته {0} (الدفعة رقم {1}): {2}</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/records_model.py" line="337"/>
        <source>État</source>
        <translation>الحالة</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/records_model.py" line="386"/>
        <source>Oui</source>
        <translation>نعم</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/records_model.py" line="386"/>
        <source>Non</source>
        <translation>لا</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/records_model.py" line="392"/>
        <source>Brouillon</source>
        <translation>مسودة</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/records_model.py" line="392"/>
        <source>Complet</source>
        <translation>مكتمل</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/records_model.py" line="394"/>
        <source>%n erreur(s)</source>
        <translation>
            <numerusform>%n خطأ</numerusform>
            <numerusform>خطأ واحد</numerusform>
            <numerusform>خطآن</numerusform>
            <numerusform>%n أخطاء</numerusform>
            <numerusform>%n خطأً</numerusform>
            <numerusform>%n خطأ</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/records_model.py" line="396"/>
        <source>%n avertissement(s)</source>
        <translation>
            <numerusform>%n تنبيه</numerusform>
            <numerusform>تنبيه واحد</numerusform>
            <numerusform>تنبيهان</numerusform>
            <numerusform>%n تنبيهات</numerusform>
            <numerusform>%n تنبيهًا</numerusform>
            <numerusform>%n تنبيه</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>RecordsPage</name>
    <message>
        <location filename="../../desktop/ui/pages/records_page.py" line="166"/>
        <source>Effacer la recherche et les filtres</source>
        <translation>مسح البحث والمرشحات</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/records_page.py" line="331"/>
        <source>Recherche…</source>
        <translation>جارٍ البحث…</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/pages/records_page.py" line="333"/>
        <source>%n affiché(s)…</source>
        <translation>
            <numerusform>المعروض: %n…</numerusform>
            <numerusform>المعروض: %n…</numerusform>
            <numerusform>المعروض: %n…</numerusform>
            <numerusform>المعروض: %n…</numerusform>
            <numerusform>المعروض: %n…</numerusform>
            <numerusform>المعروض: %n…</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/records_page.py" line="352"/>
        <source>Aucun résultat : aucun enregistrement ne contient « {0} »</source>
        <translation>لا نتيجة: لا يوجد أي تسجيل يحتوي على «{0}»</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/records_page.py" line="355"/>
        <source>(avec les filtres choisis)</source>
        <translation>(مع المرشحات المختارة)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/records_page.py" line="358"/>
        <source>Aucun résultat : aucun enregistrement ne correspond aux filtres choisis.</source>
        <translation>لا نتيجة: لا يوجد أي تسجيل يطابق المرشحات المختارة.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/records_page.py" line="359"/>
        <source>Aucun enregistrement pour l&apos;instant. « Nouveau » (Ctrl+N) en crée un ; la page Import lit un classeur Excel.</source>
        <translation>لا توجد تسجيلات بعد. «جديد» (Ctrl+N) ينشئ تسجيلاً؛ وصفحة الاستيراد تقرأ مصنف إكسل.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/records_page.py" line="572"/>
        <source>Export annulé : aucun fichier n&apos;a été écrit.</source>
        <translation>أُلغي التصدير: لم يُكتب أي ملف.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/records_page.py" line="105"/>
        <source>Rechercher (Ctrl+F)…</source>
        <translation>بحث (Ctrl+F)…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/records_page.py" line="108"/>
        <source>Nouveau</source>
        <translation>جديد</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/records_page.py" line="110"/>
        <source>Nouvel enregistrement (Ctrl+N)</source>
        <translation>سجل جديد (Ctrl+N)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/records_page.py" line="111"/>
        <source>Ouvrir</source>
        <translation>فتح</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/records_page.py" line="113"/>
        <location filename="../../desktop/ui/pages/records_page.py" line="464"/>
        <source>Supprimer</source>
        <translation>حذف</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/records_page.py" line="115"/>
        <location filename="../../desktop/ui/pages/records_page.py" line="532"/>
        <location filename="../../desktop/ui/pages/records_page.py" line="546"/>
        <source>Modèle Excel</source>
        <translation>نموذج إكسل</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/records_page.py" line="117"/>
        <location filename="../../desktop/ui/pages/records_page.py" line="549"/>
        <source>Exporter</source>
        <translation>تصدير</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/records_page.py" line="128"/>
        <source>Tous les états</source>
        <translation>كل الحالات</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/records_page.py" line="129"/>
        <source>Brouillons</source>
        <translation>مسودات</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/records_page.py" line="130"/>
        <source>Complets</source>
        <translation>مكتملة</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/records_page.py" line="131"/>
        <source>Avec avertissements</source>
        <translation>مع تنبيهات</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/records_page.py" line="132"/>
        <source>Avec erreurs</source>
        <translation>مع أخطاء</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/records_page.py" line="198"/>
        <source>Fond jaune : brouillon (jamais envoyé au ministère). Entrée ou double-clic : ouvrir. Suppr : supprimer.</source>
        <translation>خلفية صفراء: مسودة (لا تُرسل إلى الوزارة). مفتاح الإدخال (Enter) أو نقرة مزدوجة: فتح. مفتاح الحذف (Delete): حذف.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/records_page.py" line="251"/>
        <source>{0} : tous</source>
        <translation>{0}: الكل</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/records_page.py" line="365"/>
        <source>Aucun enregistrement ne contient « {0} »</source>
        <translation>لا يوجد سجل يحتوي على « {0} »</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/pages/records_page.py" line="366"/>
        <source>%n enregistrement(s)</source>
        <translation>
            <numerusform>%n سجل</numerusform>
            <numerusform>سجل واحد</numerusform>
            <numerusform>سجلان</numerusform>
            <numerusform>%n سجلات</numerusform>
            <numerusform>%n سجلًا</numerusform>
            <numerusform>%n سجل</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/pages/records_page.py" line="465"/>
        <source>Supprimer %n enregistrement(s) ? La suppression sera transmise au ministère avec le prochain export.</source>
        <translation>
            <numerusform>حذف %n سجل؟ سيُبلَّغ الحذف إلى الوزارة مع التصدير القادم.</numerusform>
            <numerusform>حذف سجل واحد؟ سيُبلَّغ الحذف إلى الوزارة مع التصدير القادم.</numerusform>
            <numerusform>حذف سجلين؟ سيُبلَّغ الحذف إلى الوزارة مع التصدير القادم.</numerusform>
            <numerusform>حذف %n سجلات؟ سيُبلَّغ الحذف إلى الوزارة مع التصدير القادم.</numerusform>
            <numerusform>حذف %n سجلًا؟ سيُبلَّغ الحذف إلى الوزارة مع التصدير القادم.</numerusform>
            <numerusform>حذف %n سجل؟ سيُبلَّغ الحذف إلى الوزارة مع التصدير القادم.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/records_page.py" line="471"/>
        <source>Suppression</source>
        <translation>حذف</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/records_page.py" line="532"/>
        <source>Modèle</source>
        <translation>نموذج</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/records_page.py" line="533"/>
        <location filename="../../desktop/ui/pages/records_page.py" line="550"/>
        <source>Classeur Excel (*.xlsx)</source>
        <translation>مصنف إكسل (*.xlsx)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/records_page.py" line="543"/>
        <source>Modèle écrit : {0}</source>
        <translation>كُتب النموذج: {0}</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/records_page.py" line="527"/>
        <location filename="../../desktop/ui/pages/records_page.py" line="549"/>
        <source>Export</source>
        <translation>تصدير</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/pages/records_page.py" line="569"/>
        <source>%n enregistrement(s) exporté(s) dans {0}</source>
        <translation>
            <numerusform>تم تصدير %n سجل إلى {0}</numerusform>
            <numerusform>تم تصدير سجل واحد إلى {0}</numerusform>
            <numerusform>تم تصدير سجلين إلى {0}</numerusform>
            <numerusform>تم تصدير %n سجلات إلى {0}</numerusform>
            <numerusform>تم تصدير %n سجلًا إلى {0}</numerusform>
            <numerusform>تم تصدير %n سجل إلى {0}</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/records_page.py" line="564"/>
        <source>Export Excel</source>
        <translation>تصدير إكسل</translation>
    </message>
</context>
<context>
    <name>SettingsPage</name>
    <message>
        <location filename="../../desktop/ui/pages/settings_page.py" line="61"/>
        <source>Sauvegarde et restauration</source>
        <translation>النسخ الاحتياطي والاستعادة</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/settings_page.py" line="64"/>
        <source>Une sauvegarde est une copie complète et vérifiée de la base, écrite dans le dossier « backups » des données (ou là où vous le choisissez : une clé USB…).</source>
        <translation>النسخة الاحتياطية نسخة كاملة ومُتحقَّق منها من قاعدة المعطيات، تُكتب في مجلد «backups» داخل مجلد المعطيات (أو حيث تختار: مفتاح USB…).</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/settings_page.py" line="69"/>
        <source>Sauvegarder maintenant</source>
        <translation>نسخ احتياطي الآن</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/settings_page.py" line="72"/>
        <source>Sauvegarder sous…</source>
        <translation>نسخ احتياطي باسم…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/settings_page.py" line="75"/>
        <source>Restaurer une sauvegarde…</source>
        <translation>استعادة نسخة احتياطية…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/settings_page.py" line="84"/>
        <source>Sauvegarde automatique chaque jour (7 jours et 4 semaines gardés)</source>
        <translation>نسخ احتياطي تلقائي كل يوم (يُحتفظ بـ 7 أيام و4 أسابيع)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/settings_page.py" line="93"/>
        <source>Clés de l&apos;établissement</source>
        <translation>مفاتيح المؤسسة</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/settings_page.py" line="95"/>
        <source>Changer la phrase de passe…</source>
        <translation>تغيير عبارة المرور…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/settings_page.py" line="122"/>
        <source>Sauvegarder sous</source>
        <translation>نسخ احتياطي باسم</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/settings_page.py" line="123"/>
        <location filename="../../desktop/ui/pages/settings_page.py" line="149"/>
        <source>Sauvegarde Kafaat (*.db)</source>
        <translation>نسخة Kafaat الاحتياطية (*.db)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/settings_page.py" line="132"/>
        <source>Sauvegarde en cours…</source>
        <translation>جارٍ النسخ الاحتياطي…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/settings_page.py" line="133"/>
        <source>Sauvegarde</source>
        <translation>النسخ الاحتياطي</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/settings_page.py" line="138"/>
        <source>Sauvegarde écrite et vérifiée : {0}</source>
        <translation>كُتبت النسخة الاحتياطية وتُحقِّق منها: {0}</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/settings_page.py" line="148"/>
        <location filename="../../desktop/ui/pages/settings_page.py" line="175"/>
        <source>Restaurer une sauvegarde</source>
        <translation>استعادة نسخة احتياطية</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/settings_page.py" line="158"/>
        <source>des fiches sont ouvertes : fermez-les (et enregistrez-les) avant de restaurer</source>
        <translation>هناك بطاقات مفتوحة: أغلقها (واحفظها) قبل الاستعادة</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/settings_page.py" line="159"/>
        <source>opération</source>
        <translation>عملية</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/settings_page.py" line="161"/>
        <source>une opération est en cours ({0}) : attendez qu&apos;elle se termine</source>
        <translation>هناك عملية جارية ({0}): انتظر حتى تنتهي</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/settings_page.py" line="172"/>
        <source>Rien n&apos;a été restauré : {0}.</source>
        <translation>لم تُستعد أي معطيات: {0}.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/settings_page.py" line="176"/>
        <source>Remplacer toutes les données de ce poste par la sauvegarde
{0}
(du {1}) ?

La base actuelle sera d&apos;abord conservée dans le dossier « backups ». Les saisies faites depuis cette sauvegarde ne seront plus dans la liste.</source>
        <translation>استبدال كل معطيات هذا الجهاز بالنسخة الاحتياطية
{0}
(بتاريخ {1})؟

ستُحفظ قاعدة المعطيات الحالية أولاً في مجلد «backups». لن تظهر في القائمة الإدخالات التي تمت بعد هذه النسخة.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/settings_page.py" line="181"/>
        <source>Restauration annulée : rien n&apos;a été modifié.</source>
        <translation>أُلغيت الاستعادة: لم يُغيَّر أي شيء.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/settings_page.py" line="184"/>
        <source>Restauration en cours…</source>
        <translation>جارٍ الاستعادة…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/settings_page.py" line="185"/>
        <source>Restauration</source>
        <translation>الاستعادة</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/settings_page.py" line="193"/>
        <source>Base restaurée depuis {0}.</source>
        <translation>استُعيدت قاعدة المعطيات من {0}.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/settings_page.py" line="195"/>
        <source>L&apos;ancienne base est conservée dans {0}</source>
        <translation>القاعدة السابقة محفوظة في {0}</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/settings_page.py" line="211"/>
        <source>La phrase de passe protège la clé privée qui signe les lots envoyés aux ministères.</source>
        <translation>تحمي عبارة المرور المفتاح الخاص الذي يوقّع الدفعات المرسلة إلى الوزارات.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/settings_page.py" line="213"/>
        <source>Aucune clé dans ce dossier : créez-les sur la page Export.</source>
        <translation>لا توجد مفاتيح في هذا المجلد: أنشئها في صفحة التصدير.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/settings_page.py" line="226"/>
        <source>Phrase de passe</source>
        <translation>عبارة المرور</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/settings_page.py" line="227"/>
        <source>Phrase de passe changée.</source>
        <translation>تم تغيير عبارة المرور.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/settings_page.py" line="43"/>
        <source>Paramètres</source>
        <translation>الإعدادات</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/settings_page.py" line="46"/>
        <source>Présentation</source>
        <translation>العرض</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/settings_page.py" line="46"/>
        <source>Langue de l&apos;application</source>
        <translation>لغة التطبيق</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/settings_page.py" line="48"/>
        <source>Saisie</source>
        <translation>الإدخال</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/settings_page.py" line="50"/>
        <source>Prénom et nom de la personne qui saisit</source>
        <translation>الاسم الشخصي والعائلي للشخص الذي يُدخل المعطيات</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/settings_page.py" line="49"/>
        <source>Opérateur (inscrit dans l&apos;historique)</source>
        <translation>المُدخِل (يُسجَّل في السجل التاريخي)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/settings_page.py" line="53"/>
        <source>Établissement et données</source>
        <translation>المؤسسة والمعطيات</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/settings_page.py" line="56"/>
        <source>Établissement</source>
        <translation>المؤسسة</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/settings_page.py" line="57"/>
        <source>Dossier de données</source>
        <translation>مجلد المعطيات</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/settings_page.py" line="58"/>
        <source>Journal</source>
        <translation>السجل</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/settings_page.py" line="57"/>
        <source>Version</source>
        <translation>النسخة</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/settings_page.py" line="105"/>
        <location filename="../../desktop/ui/smoke.py" line="57"/>
        <source>Appliquer</source>
        <translation>تطبيق</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/settings_page.py" line="115"/>
        <source>Paramètres enregistrés.</source>
        <translation>تم حفظ الإعدادات.</translation>
    </message>
</context>
<context>
    <name>SetupWizard</name>
    <message>
        <location filename="../../desktop/ui/setup_wizard.py" line="49"/>
        <source>Kafaat — première utilisation</source>
        <translation>كفاءات — الاستعمال الأول</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/setup_wizard.py" line="56"/>
        <source>Votre établissement</source>
        <translation>مؤسستك</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/setup_wizard.py" line="59"/>
        <source>Kafaat garde les {forms} de votre établissement sur cet ordinateur, et prépare les exports chiffrés pour le ministère.</source>
        <translation>يحفظ كفاءات {forms} الخاصة بمؤسستك على هذا الحاسوب، ويُعد التصديرات المشفرة للوزارة.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/setup_wizard.py" line="71"/>
        <source>Langue / اللغة / Language</source>
        <translation>اللغة / Langue / Language</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/setup_wizard.py" line="83"/>
        <source>Établissement</source>
        <translation>المؤسسة</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/setup_wizard.py" line="86"/>
        <source>Prénom et nom</source>
        <translation>الاسم الشخصي والعائلي</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/setup_wizard.py" line="87"/>
        <source>Votre nom (inscrit dans l&apos;historique des saisies)</source>
        <translation>اسمك (يُسجَّل في السجل التاريخي)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/setup_wizard.py" line="93"/>
        <location filename="../../desktop/ui/setup_wizard.py" line="141"/>
        <source>Dossier de données</source>
        <translation>مجلد المعطيات</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/setup_wizard.py" line="94"/>
        <source>La base de données, les clés et les exports y sont rangés. Gardez le dossier proposé sauf consigne de votre service informatique.</source>
        <translation>تُحفظ فيه قاعدة المعطيات والمفاتيح والتصديرات. احتفظ بالمجلد المقترح ما لم تطلب مصلحة المعلوميات غير ذلك.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/setup_wizard.py" line="99"/>
        <source>Parcourir…</source>
        <translation>تصفح…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/setup_wizard.py" line="110"/>
        <source>Phrase de passe des clés</source>
        <translation>عبارة مرور المفاتيح</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/setup_wizard.py" line="118"/>
        <source>Elle protège la clé qui signe vos exports. Elle vous sera demandée à chaque export : choisissez une phrase longue et notez-la en lieu sûr.</source>
        <translation>تحمي المفتاح الذي يوقّع تصديراتك. ستُطلب منك عند كل تصدير: اختر عبارة طويلة واحفظها في مكان آمن.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/setup_wizard.py" line="120"/>
        <source>Phrase de passe</source>
        <translation>عبارة المرور</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/setup_wizard.py" line="121"/>
        <source>Confirmation</source>
        <translation>التأكيد</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/setup_wizard.py" line="160"/>
        <source>« {typed} » n&apos;est pas dans la liste des établissements du programme. Tapez une partie de son nom ou de son code (par exemple « Centrale » ou « ECC ») et choisissez-le dans la liste qui s&apos;ouvre. S&apos;il n&apos;y figure pas, demandez la liste à jour à votre ministère de tutelle.</source>
        <translation>المؤسسة « {typed} » ليست ضمن لائحة مؤسسات البرنامج. اكتب جزءا من اسمها أو من رمزها (مثلا « المركزية » أو « ECC ») ثم اخترها من اللائحة التي تنفتح. إن لم تكن فيها، اطلب اللائحة المحيّنة من الوزارة الوصية.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/setup_wizard.py" line="165"/>
        <source>Choisissez votre établissement dans la liste.</source>
        <translation>اختر مؤسستك من اللائحة.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/setup_wizard.py" line="174"/>
        <source>Indiquez un dossier de données.</source>
        <translation>حدد مجلدا للمعطيات.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/setup_wizard.py" line="177"/>
        <source>Ce dossier contient déjà des données Kafaat : il sera ouvert tel quel.</source>
        <translation>يحتوي هذا المجلد على معطيات كفاءات: سيُفتح كما هو.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/setup_wizard.py" line="193"/>
        <source>Les deux phrases de passe diffèrent.</source>
        <translation>عبارتا المرور مختلفتان.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/setup_wizard.py" line="196"/>
        <source>Phrase de passe trop courte : au moins {0} caractères.</source>
        <translation>عبارة المرور قصيرة جدا: {0} أحرف على الأقل.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/setup_wizard.py" line="206"/>
        <source>Création impossible : {0}</source>
        <translation>تعذر الإنشاء: {0}</translation>
    </message>
</context>
</TS>
