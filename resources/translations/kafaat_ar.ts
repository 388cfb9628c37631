<?xml version='1.0' encoding='utf-8'?>
<!DOCTYPE TS>
<TS version="2.1" language="ar" sourcelanguage="fr">
<context>
    <name>DashboardPage</name>
    <message>
        <location filename="../../desktop/ui/pages/dashboard_page.py" line="54" />
        <source>Enregistrements</source>
        <translation>السجلات</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/dashboard_page.py" line="57" />
        <source>Qualité des données</source>
        <translation>جودة المعطيات</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/dashboard_page.py" line="72" />
        <source>Calcul des indicateurs…</source>
        <translation>جارٍ حساب المؤشرات…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/dashboard_page.py" line="50" />
        <location filename="../../desktop/ui/pages/dashboard_page.py" line="83" />
        <location filename="../../desktop/ui/pages/dashboard_page.py" line="88" />
        <source>Tableau de bord</source>
        <translation>لوحة القيادة</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/dashboard_page.py" line="103" />
        <source>Complets</source>
        <translation>مكتملة</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/dashboard_page.py" line="103" />
        <source>Brouillons</source>
        <translation>مسودات</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/dashboard_page.py" line="103" />
        <source>Avec avertissements</source>
        <translation>مع تنبيهات</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/dashboard_page.py" line="125" />
        <source>brouillon</source>
        <translation>مسودة</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/pages/dashboard_page.py" line="127" />
        <source>%n erreur(s)</source>
        <translation><numerusform>%n خطأ</numerusform><numerusform>%n خطأ</numerusform><numerusform>%n خطأ</numerusform><numerusform>%n خطأ</numerusform><numerusform>%n خطأ</numerusform><numerusform>%n خطأ</numerusform></translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/pages/dashboard_page.py" line="129" />
        <source>%n avertissement(s)</source>
        <translation><numerusform>%n تنبيه</numerusform><numerusform>%n تنبيه</numerusform><numerusform>%n تنبيه</numerusform><numerusform>%n تنبيه</numerusform><numerusform>%n تنبيه</numerusform><numerusform>%n تنبيه</numerusform></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/dashboard_page.py" line="133" />
        <source>Cliquer pour ouvrir</source>
        <translation>انقر للفتح</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/dashboard_page.py" line="136" />
        <source>Brouillons et enregistrements avec avertissements : un clic ouvre l'enregistrement.</source>
        <translation>المسودات والسجلات التي بها تنبيهات: نقرة واحدة تفتح السجل.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/dashboard_page.py" line="139" />
        <source>Aucun brouillon ni avertissement : tout est prêt pour l'export.</source>
        <translation>لا مسودات ولا تنبيهات: كل شيء جاهز للتصدير.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/dashboard_page.py" line="155" />
        <source>Offres par domaine</source>
        <translation>العروض حسب المجال</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/dashboard_page.py" line="157" />
        <source>Offres par type de formation</source>
        <translation>العروض حسب نوع التكوين</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/dashboard_page.py" line="159" />
        <source>Stages par région d'accueil</source>
        <translation>التداريب حسب جهة الاستقبال</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/dashboard_page.py" line="162" />
        <source>Inscrits par année universitaire</source>
        <translation>المسجلون حسب السنة الجامعية</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/dashboard_page.py" line="184" />
        <source>Pas encore de données.</source>
        <translation>لا توجد معطيات بعد.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/dashboard_page.py" line="225" />
        <source>Femmes</source>
        <translation>الإناث</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/dashboard_page.py" line="227" />
        <source>Hommes</source>
        <translation>الذكور</translation>
    </message>
</context>
<context>
    <name>Fields</name>
    <message>
        <location filename="../../desktop/ui/fields.py" line="249" />
        <source>Oui</source>
        <translation>نعم</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/fields.py" line="249" />
        <source>Non</source>
        <translation>لا</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../desktop/ui/window.py" line="61" />
        <source>Pas disponible dans cette version</source>
        <translation>غير متوفر في هذه النسخة</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/window.py" line="66" />
        <source>Ouverture des données…</source>
        <translation>جارٍ فتح المعطيات…</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/window.py" line="157" />
        <source>(%n brouillon(s))</source>
        <translation><numerusform>(%n مسودة)</numerusform><numerusform>(%n مسودة)</numerusform><numerusform>(%n مسودة)</numerusform><numerusform>(%n مسودة)</numerusform><numerusform>(%n مسودة)</numerusform><numerusform>(%n مسودة)</numerusform></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/window.py" line="161" />
        <source>jamais</source>
        <translation>أبدا</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/window.py" line="162" />
        <source>aucun</source>
        <translation>لا شيء</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/window.py" line="163" />
        <source>Dernier export : {0}   ·   Dernier accusé de réception : {1}</source>
        <translation>آخر تصدير: {0}   ·   آخر إشعار بالتوصل: {1}</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/window.py" line="179" />
        <source>Enregistrement introuvable</source>
        <translation>السجل غير موجود</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/window.py" line="180" />
        <source>Cet enregistrement a été supprimé entre-temps.</source>
        <translation>تم حذف هذا السجل في الأثناء.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/window.py" line="203" />
        <source>Modifications non enregistrées</source>
        <translation>تعديلات غير محفوظة</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/window.py" line="204" />
        <source>Des saisies ne sont pas enregistrées. Fermer quand même et les perdre ?</source>
        <translation>بعض المدخلات غير محفوظة. هل تريد الإغلاق رغم ذلك وفقدانها؟</translation>
    </message>
</context>
<context>
    <name>OperationRunner</name>
    <message>
        <location filename="../../desktop/ui/operations.py" line="117" />
        <source>Annuler</source>
        <translation>إلغاء</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/operations.py" line="191" />
        <source>Opération impossible</source>
        <translation>تعذرت العملية</translation>
    </message>
</context>
<context>
    <name>Operations</name>
    <message>
        <location filename="../../desktop/ui/operations.py" line="236" />
        <source>Une erreur inattendue est survenue. Rien n'a été perdu de ce qui était déjà enregistré.</source>
        <translation>حدث خطأ غير متوقع. لم يضع شيء مما كان محفوظا.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/operations.py" line="240" />
        <source>Détails dans le journal : {0}</source>
        <translation>التفاصيل في السجل: {0}</translation>
    </message>
</context>
<context>
    <name>RecordEditor</name>
    <message>
        <location filename="../../desktop/ui/editor.py" line="133" />
        <source>Annuler la saisie</source>
        <translation>تراجع</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/editor.py" line="134" />
        <source>Annuler la dernière modification (Ctrl+Z)</source>
        <translation>التراجع عن آخر تعديل (Ctrl+Z)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/editor.py" line="138" />
        <source>Rétablir</source>
        <translation>إعادة</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/editor.py" line="139" />
        <source>Rétablir la modification annulée (Ctrl+Y)</source>
        <translation>إعادة التعديل الملغى (Ctrl+Y)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/editor.py" line="151" />
        <source>Saisie</source>
        <translation>الإدخال</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/editor.py" line="154" />
        <source>Date</source>
        <translation>التاريخ</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/editor.py" line="154" />
        <source>Par</source>
        <translation>بواسطة</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/editor.py" line="154" />
        <source>Action</source>
        <translation>العملية</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/editor.py" line="154" />
        <source>Champ</source>
        <translation>الحقل</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/editor.py" line="155" />
        <source>Valeur</source>
        <translation>القيمة</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/editor.py" line="159" />
        <source>Historique</source>
        <translation>السجل التاريخي</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/editor.py" line="167" />
        <source>Enregistrer comme brouillon</source>
        <translation>حفظ كمسودة</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/editor.py" line="169" />
        <source>Un brouillon peut être incomplet ; il n'est jamais envoyé au ministère (Ctrl+Maj+S)</source>
        <translation>يمكن أن تكون المسودة غير مكتملة؛ ولا تُرسل أبدا إلى الوزارة (Ctrl+Shift+S)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/editor.py" line="171" />
        <source>Enregistrer</source>
        <translation>حفظ</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/editor.py" line="173" />
        <source>Enregistrer comme complet : toutes les règles doivent être respectées (Ctrl+S)</source>
        <translation>حفظ كسجل مكتمل: يجب احترام جميع القواعد (Ctrl+S)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/editor.py" line="176" />
        <source>Fermer</source>
        <translation>إغلاق</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/editor.py" line="228" />
        <source>* champ obligatoire pour un enregistrement complet</source>
        <translation>* حقل إلزامي لسجل مكتمل</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/editor.py" line="308" />
        <source>Nouveau : {0}</source>
        <translation>جديد: {0}</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/editor.py" line="344" />
        <source>Aucun problème : l'enregistrement peut être enregistré comme complet.</source>
        <translation>لا مشكلة: يمكن حفظ السجل كسجل مكتمل.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/editor.py" line="349" />
        <source>%n erreur(s) : enregistrement possible seulement comme brouillon</source>
        <translation><numerusform>%n خطأ: الحفظ ممكن كمسودة فقط</numerusform><numerusform>%n خطأ: الحفظ ممكن كمسودة فقط</numerusform><numerusform>%n خطأ: الحفظ ممكن كمسودة فقط</numerusform><numerusform>%n خطأ: الحفظ ممكن كمسودة فقط</numerusform><numerusform>%n خطأ: الحفظ ممكن كمسودة فقط</numerusform><numerusform>%n خطأ: الحفظ ممكن كمسودة فقط</numerusform></translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/editor.py" line="351" />
        <source>%n avertissement(s)</source>
        <translation><numerusform>%n تنبيه</numerusform><numerusform>%n تنبيه</numerusform><numerusform>%n تنبيه</numerusform><numerusform>%n تنبيه</numerusform><numerusform>%n تنبيه</numerusform><numerusform>%n تنبيه</numerusform></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/editor.py" line="372" />
        <source>Enregistrement</source>
        <translation>الحفظ</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/editor.py" line="390" />
        <source>Enregistrement refusé : %n problème(s) à corriger (voir à côté des champs). Rien n'a été enregistré.</source>
        <translation><numerusform>تم رفض الحفظ: %n مشكلة يجب تصحيحها (انظر بجانب الحقول). لم يُحفظ أي شيء.</numerusform><numerusform>تم رفض الحفظ: %n مشكلة يجب تصحيحها (انظر بجانب الحقول). لم يُحفظ أي شيء.</numerusform><numerusform>تم رفض الحفظ: %n مشكلة يجب تصحيحها (انظر بجانب الحقول). لم يُحفظ أي شيء.</numerusform><numerusform>تم رفض الحفظ: %n مشكلة يجب تصحيحها (انظر بجانب الحقول). لم يُحفظ أي شيء.</numerusform><numerusform>تم رفض الحفظ: %n مشكلة يجب تصحيحها (انظر بجانب الحقول). لم يُحفظ أي شيء.</numerusform><numerusform>تم رفض الحفظ: %n مشكلة يجب تصحيحها (انظر بجانب الحقول). لم يُحفظ أي شيء.</numerusform></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/editor.py" line="397" />
        <source>Enregistrement impossible</source>
        <translation>تعذر الحفظ</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/editor.py" line="405" />
        <source>Création</source>
        <translation>إنشاء</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/editor.py" line="405" />
        <source>Modification</source>
        <translation>تعديل</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/editor.py" line="405" />
        <source>Suppression</source>
        <translation>حذف</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/editor.py" line="406" />
        <source>Import</source>
        <translation>استيراد</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/editor.py" line="412" />
        <source>État</source>
        <translation>الحالة</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/editor.py" line="429" />
        <source>Modifications non enregistrées</source>
        <translation>تعديلات غير محفوظة</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/editor.py" line="430" />
        <source>Vos modifications ne sont pas enregistrées. Les enregistrer avant de fermer ?</source>
        <translation>تعديلاتك غير محفوظة. هل تريد حفظها قبل الإغلاق؟</translation>
    </message>
</context>
<context>
    <name>RecordsModel</name>
    <message>
        <location filename="../../desktop/ui/records_model.py" line="89" />
        <source>État</source>
        <translation>الحالة</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/records_model.py" line="123" />
        <source>Oui</source>
        <translation>نعم</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/records_model.py" line="123" />
        <source>Non</source>
        <translation>لا</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/records_model.py" line="129" />
        <source>Brouillon</source>
        <translation>مسودة</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/records_model.py" line="129" />
        <source>Complet</source>
        <translation>مكتمل</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/records_model.py" line="131" />
        <source>%n erreur(s)</source>
        <translation><numerusform>%n خطأ</numerusform><numerusform>%n خطأ</numerusform><numerusform>%n خطأ</numerusform><numerusform>%n خطأ</numerusform><numerusform>%n خطأ</numerusform><numerusform>%n خطأ</numerusform></translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/records_model.py" line="133" />
        <source>%n avertissement(s)</source>
        <translation><numerusform>%n تنبيه</numerusform><numerusform>%n تنبيه</numerusform><numerusform>%n تنبيه</numerusform><numerusform>%n تنبيه</numerusform><numerusform>%n تنبيه</numerusform><numerusform>%n تنبيه</numerusform></translation>
    </message>
</context>
<context>
    <name>RecordsPage</name>
    <message>
        <location filename="../../desktop/ui/pages/records_page.py" line="79" />
        <source>Rechercher (Ctrl+F)…</source>
        <translation>بحث (Ctrl+F)…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/records_page.py" line="82" />
        <source>Nouveau</source>
        <translation>جديد</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/records_page.py" line="84" />
        <source>Nouvel enregistrement (Ctrl+N)</source>
        <translation>سجل جديد (Ctrl+N)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/records_page.py" line="85" />
        <source>Ouvrir</source>
        <translation>فتح</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/records_page.py" line="87" />
        <location filename="../../desktop/ui/pages/records_page.py" line="255" />
        <source>Supprimer</source>
        <translation>حذف</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/records_page.py" line="89" />
        <location filename="../../desktop/ui/pages/records_page.py" line="297" />
        <location filename="../../desktop/ui/pages/records_page.py" line="305" />
        <source>Modèle Excel</source>
        <translation>نموذج إكسل</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/records_page.py" line="91" />
        <location filename="../../desktop/ui/pages/records_page.py" line="311" />
        <source>Exporter</source>
        <translation>تصدير</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/records_page.py" line="101" />
        <source>Tous les états</source>
        <translation>كل الحالات</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/records_page.py" line="102" />
        <source>Brouillons</source>
        <translation>مسودات</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/records_page.py" line="103" />
        <source>Complets</source>
        <translation>مكتملة</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/records_page.py" line="104" />
        <source>Avec avertissements</source>
        <translation>مع تنبيهات</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/records_page.py" line="105" />
        <source>Avec erreurs</source>
        <translation>مع أخطاء</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/records_page.py" line="138" />
        <source>Fond jaune : brouillon (jamais envoyé au ministère). Entrée ou double-clic : ouvrir. Suppr : supprimer.</source>
        <translation>خلفية صفراء: مسودة (لا تُرسل إلى الوزارة). Entrée أو نقرة مزدوجة: فتح. Suppr: حذف.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/records_page.py" line="173" />
        <source>{0} : tous</source>
        <translation>{0}: الكل</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/records_page.py" line="208" />
        <source>{0} affiché(s)…</source>
        <translation>{0} معروض…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/records_page.py" line="221" />
        <source>Comptage</source>
        <translation>العد</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/pages/records_page.py" line="225" />
        <source>%n enregistrement(s)</source>
        <translation><numerusform>%n سجل</numerusform><numerusform>%n سجل</numerusform><numerusform>%n سجل</numerusform><numerusform>%n سجل</numerusform><numerusform>%n سجل</numerusform><numerusform>%n سجل</numerusform></translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/pages/records_page.py" line="256" />
        <source>Supprimer %n enregistrement(s) ? La suppression sera transmise au ministère avec le prochain export.</source>
        <translation><numerusform>حذف %n سجل؟ سيُبلَّغ الحذف إلى الوزارة مع التصدير القادم.</numerusform><numerusform>حذف %n سجل؟ سيُبلَّغ الحذف إلى الوزارة مع التصدير القادم.</numerusform><numerusform>حذف %n سجل؟ سيُبلَّغ الحذف إلى الوزارة مع التصدير القادم.</numerusform><numerusform>حذف %n سجل؟ سيُبلَّغ الحذف إلى الوزارة مع التصدير القادم.</numerusform><numerusform>حذف %n سجل؟ سيُبلَّغ الحذف إلى الوزارة مع التصدير القادم.</numerusform><numerusform>حذف %n سجل؟ سيُبلَّغ الحذف إلى الوزارة مع التصدير القادم.</numerusform></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/records_page.py" line="262" />
        <source>Suppression</source>
        <translation>حذف</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/records_page.py" line="291" />
        <source>L'échange Excel n'est pas disponible dans cette version.</source>
        <translation>تبادل ملفات إكسل غير متوفر في هذه النسخة.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/records_page.py" line="298" />
        <location filename="../../desktop/ui/pages/records_page.py" line="312" />
        <source>Classeur Excel (*.xlsx)</source>
        <translation>مصنف إكسل (*.xlsx)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/records_page.py" line="327" />
        <source>Export Excel</source>
        <translation>تصدير إكسل</translation>
    </message>
</context>
<context>
    <name>SettingsPage</name>
    <message>
        <location filename="../../desktop/ui/pages/settings_page.py" line="32" />
        <source>Paramètres</source>
        <translation>الإعدادات</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/settings_page.py" line="35" />
        <source>Présentation</source>
        <translation>العرض</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/settings_page.py" line="42" />
        <source>Langue de l'application</source>
        <translation>لغة التطبيق</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/settings_page.py" line="45" />
        <source>Saisie</source>
        <translation>الإدخال</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/settings_page.py" line="50" />
        <source>Prénom et nom de la personne qui saisit</source>
        <translation>الاسم الشخصي والعائلي للشخص الذي يُدخل المعطيات</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/settings_page.py" line="51" />
        <source>Opérateur (inscrit dans l'historique)</source>
        <translation>المُدخِل (يُسجَّل في السجل التاريخي)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/settings_page.py" line="54" />
        <source>Établissement et données</source>
        <translation>المؤسسة والمعطيات</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/settings_page.py" line="57" />
        <source>Établissement</source>
        <translation>المؤسسة</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/settings_page.py" line="61" />
        <source>Dossier de données</source>
        <translation>مجلد المعطيات</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/settings_page.py" line="62" />
        <source>Journal</source>
        <translation>السجل</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/settings_page.py" line="63" />
        <source>Version</source>
        <translation>النسخة</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/settings_page.py" line="66" />
        <source>Appliquer</source>
        <translation>تطبيق</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/settings_page.py" line="81" />
        <source>Paramètres enregistrés.</source>
        <translation>تم حفظ الإعدادات.</translation>
    </message>
</context>
<context>
    <name>SetupWizard</name>
    <message>
        <location filename="../../desktop/ui/setup_wizard.py" line="49" />
        <source>Kafaat — première utilisation</source>
        <translation>كفاءات — الاستعمال الأول</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/setup_wizard.py" line="56" />
        <source>Votre établissement</source>
        <translation>مؤسستك</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/setup_wizard.py" line="57" />
        <source>Kafaat garde les offres de formation, cohortes et stages de votre établissement sur cet ordinateur, et prépare les exports chiffrés pour le ministère.</source>
        <translation>يحفظ كفاءات عروض التكوين والأفواج والتداريب الخاصة بمؤسستك على هذا الحاسوب، ويُعد التصديرات المشفرة للوزارة.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/setup_wizard.py" line="71" />
        <source>Établissement</source>
        <translation>المؤسسة</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/setup_wizard.py" line="74" />
        <source>Prénom et nom</source>
        <translation>الاسم الشخصي والعائلي</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/setup_wizard.py" line="75" />
        <source>Votre nom (inscrit dans l'historique des saisies)</source>
        <translation>اسمك (يُسجَّل في السجل التاريخي)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/setup_wizard.py" line="81" />
        <location filename="../../desktop/ui/setup_wizard.py" line="120" />
        <source>Dossier de données</source>
        <translation>مجلد المعطيات</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/setup_wizard.py" line="82" />
        <source>La base de données, les clés et les exports y sont rangés. Gardez le dossier proposé sauf consigne de votre service informatique.</source>
        <translation>تُحفظ فيه قاعدة المعطيات والمفاتيح والتصديرات. احتفظ بالمجلد المقترح ما لم تطلب مصلحة المعلوميات غير ذلك.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/setup_wizard.py" line="87" />
        <source>Parcourir…</source>
        <translation>تصفح…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/setup_wizard.py" line="99" />
        <source>Phrase de passe des clés</source>
        <translation>عبارة مرور المفاتيح</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/setup_wizard.py" line="108" />
        <source>Elle protège la clé qui signe vos exports. Elle vous sera demandée à chaque export : choisissez une phrase longue et notez-la en lieu sûr.</source>
        <translation>تحمي المفتاح الذي يوقّع تصديراتك. ستُطلب منك عند كل تصدير: اختر عبارة طويلة واحفظها في مكان آمن.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/setup_wizard.py" line="110" />
        <source>Phrase de passe</source>
        <translation>عبارة المرور</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/setup_wizard.py" line="111" />
        <source>Confirmation</source>
        <translation>التأكيد</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/setup_wizard.py" line="113" />
        <source>Les clés de signature ne sont pas disponibles dans cette version : elles seront créées plus tard avec « kafaat keys create ».</source>
        <translation>مفاتيح التوقيع غير متوفرة في هذه النسخة: ستُنشأ لاحقا بالأمر « kafaat keys create ».</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/setup_wizard.py" line="134" />
        <source>Choisissez votre établissement dans la liste.</source>
        <translation>اختر مؤسستك من اللائحة.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/setup_wizard.py" line="141" />
        <source>Indiquez un dossier de données.</source>
        <translation>حدد مجلدا للمعطيات.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/setup_wizard.py" line="144" />
        <source>Ce dossier contient déjà des données Kafaat : il sera ouvert tel quel.</source>
        <translation>يحتوي هذا المجلد على معطيات كفاءات: سيُفتح كما هو.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/setup_wizard.py" line="159" />
        <source>Les deux phrases de passe diffèrent.</source>
        <translation>عبارتا المرور مختلفتان.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/setup_wizard.py" line="166" />
        <source>Phrase de passe trop courte : au moins {0} caractères.</source>
        <translation>عبارة المرور قصيرة جدا: {0} أحرف على الأقل.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/setup_wizard.py" line="179" />
        <source>Création impossible : {0}</source>
        <translation>تعذر الإنشاء: {0}</translation>
    </message>
</context>
<context>
    <name>UnavailablePage</name>
    <message>
        <location filename="../../desktop/ui/pages/base.py" line="39" />
        <source>Cette fonction n'est pas disponible dans cette version de Kafaat. Elle le sera dans une prochaine version ; en attendant, la ligne de commande « kafaat » peut offrir l'équivalent.</source>
        <translation>هذه الوظيفة غير متوفرة في هذه النسخة من كفاءات. ستتوفر في نسخة قادمة؛ وفي الأثناء قد يوفر سطر الأوامر « kafaat » ما يعادلها.</translation>
    </message>
</context>
</TS>