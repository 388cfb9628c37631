"""The texts of ``forms.messages``: each message's French, Arabic and English, side by side.

One table, grouped by what the messages are about (the data folder, records and imports, bundles, the
ministry…), so that a reviewer compares the three languages of a message in one place and a test
(``tests/forms/test_messages.py``) checks them all; it is long because it is data, not code. Keys are
``area.what``; a counted message holds its plural forms separated by ``|`` and takes ``n``.
"""

from __future__ import annotations

CATALOGUE: dict[str, tuple[str, str, str]] = {
    # ------------------------------------------------------------------ counts (plural forms, « n »)
    "count.problems": ("{n} problème|{n} problèmes",
                       "لا مشاكل|مشكلة واحدة|مشكلتان|{n} مشاكل|{n} مشكلة|{n} مشكلة",
                       "{n} problem|{n} problems"),
    "count.records": ("{n} enregistrement|{n} enregistrements",
                      "لا سجلات|سجل واحد|سجلان|{n} سجلات|{n} سجلا|{n} سجل",
                      "{n} record|{n} records"),
    "count.records_word": ("enregistrement|enregistrements",
                           "سجل|سجل|سجل|سجلات|سجلا|سجل",
                           "record|records"),
    "count.deletions": ("{n} suppression|{n} suppressions",
                        "لا حذف|حذف واحد|حذفان|{n} عمليات حذف|{n} عملية حذف|{n} عملية حذف",
                        "{n} deletion|{n} deletions"),
    "count.invalid": (", dont {n} invalide|, dont {n} invalides",
                      "، منها {n} غير صالح|، منها سجل واحد غير صالح|، منها سجلان غير صالحين"
                      "|، منها {n} سجلات غير صالحة|، منها {n} سجلا غير صالح|، منها {n} سجل غير صالح",
                      ", {n} of them invalid|, {n} of them invalid"),
    "count.accepted": ("{n} accepté|{n} acceptés",
                       "لا سجل مقبول|سجل واحد مقبول|سجلان مقبولان|{n} سجلات مقبولة|{n} سجلا مقبولا"
                       "|{n} سجل مقبول",
                       "{n} accepted|{n} accepted"),
    "count.refused": ("{n} refusé|{n} refusés",
                      "لا سجل مرفوض|سجل واحد مرفوض|سجلان مرفوضان|{n} سجلات مرفوضة|{n} سجلا مرفوضا"
                      "|{n} سجل مرفوض",
                      "{n} refused|{n} refused"),
    "count.days": ("{n} jour|{n} jours",
                   "0 يوم|يوم واحد|يومان|{n} أيام|{n} يوما|{n} يوم",
                   "{n} day|{n} days"),
    "count.establishments": ("{n} établissement|{n} établissements",
                             "لا مؤسسات|مؤسسة واحدة|مؤسستان|{n} مؤسسات|{n} مؤسسة|{n} مؤسسة",
                             "{n} establishment|{n} establishments"),
}
CATALOGUE |= {
    # ------------------------------------------------------------------ the data folder
    "folder.not_initialised": (
        "le dossier {folder} n'est pas un dossier de données Kafaat : lancez d'abord « kafaat init »",
        "المجلد {folder} ليس مجلد بيانات كفاءات: شغّلوا أولا « kafaat init »",
        "the folder {folder} is not a Kafaat data folder: run « kafaat init » first"),
    "folder.already_initialised": (
        "le dossier {folder} est déjà initialisé : rien n'a été modifié",
        "المجلد {folder} مهيأ من قبل: لم يتغير شيء",
        "the folder {folder} is already initialised: nothing was changed"),
    "folder.not_establishment": (
        "cette commande s'utilise dans le dossier d'un établissement ; {folder} est un dossier « {role} »",
        "يُستعمل هذا الأمر في مجلد بيانات مؤسسة؛ المجلد {folder} من نوع « {role} »",
        "this command is used in an establishment's data folder; {folder} is a « {role} » folder"),
    "folder.not_ministry": (
        "cette commande s'utilise dans le dossier d'un ministère ; {folder} est un dossier « {role} »",
        "يُستعمل هذا الأمر في مجلد بيانات وزارة؛ المجلد {folder} من نوع « {role} »",
        "this command is used in a ministry's data folder; {folder} is a « {role} » folder"),
    "establishment.unknown": (
        "établissement inconnu « {code} » (codes connus : {known})",
        "مؤسسة غير معروفة « {code} » (الرموز المعروفة: {known})",
        "unknown establishment « {code} » (known codes: {known})"),
    "ministry.unknown": (
        "ministère inconnu « {code} » (codes connus : {known})",
        "وزارة غير معروفة « {code} » (الرموز المعروفة: {known})",
        "unknown ministry « {code} » (known codes: {known})"),
    # ------------------------------------------------------------------ passphrases and fingerprints
    "prompt.passphrase": ("Phrase de passe : ", "عبارة المرور: ", "Passphrase: "),
    "prompt.passphrase_confirm": ("Confirmez la phrase de passe : ", "أكّدوا عبارة المرور: ",
                                  "Confirm the passphrase: "),
    "prompt.passphrase_new_keys": ("Phrase de passe qui protégera les clés : ", "عبارة المرور التي ستحمي المفاتيح: ",
                                   "Passphrase that will protect the keys: "),
    "prompt.passphrase_current": ("Phrase de passe actuelle : ", "عبارة المرور الحالية: ", "Current passphrase: "),
    "prompt.passphrase_next": ("Nouvelle phrase de passe : ", "عبارة المرور الجديدة: ", "New passphrase: "),
    "passphrase.needed": (
        "phrase de passe requise : définissez {variable} ou lancez la commande dans un terminal",
        "عبارة المرور مطلوبة: حدّدوا {variable} أو شغّلوا الأمر في طرفية",
        "a passphrase is needed: set {variable} or run the command in a terminal"),
    "passphrase.differ": (
        "les deux phrases de passe saisies diffèrent : rien n'a été modifié",
        "عبارتا المرور المدخلتان مختلفتان: لم يتغير شيء",
        "the two passphrases typed differ: nothing was changed"),
    "passphrase.wrong": (
        "phrase de passe incorrecte (ou fichier de clé altéré) : rien n'a été modifié",
        "عبارة المرور غير صحيحة (أو ملف المفاتيح معدَّل): لم يتغير شيء",
        "wrong passphrase (or altered key file): nothing was changed"),
    "fingerprint.confirm_yes": (
        "vérifiez cette empreinte avec l'expéditeur (par téléphone), puis relancez avec --yes ; "
        "rien n'a été modifié",
        "تحققوا من هذه البصمة مع المرسل (بالهاتف)، ثم أعيدوا التشغيل مع --yes؛ لم يتغير شيء",
        "check this fingerprint with the sender (by phone), then run again with --yes; nothing was changed"),
    "fingerprint.not_confirmed": (
        "empreinte non confirmée : rien n'a été modifié",
        "لم تُؤكَّد البصمة: لم يتغير شيء",
        "fingerprint not confirmed: nothing was changed"),
    "fingerprint.question": (
        "Cette empreinte est-elle celle que l'expéditeur vous a lue ? [o/N] ",
        "هل هذه البصمة هي التي قرأها عليكم المرسل؟ [y/N] ",
        "Is this the fingerprint the sender read to you? [y/N] "),
    "fingerprint.line": ("  empreinte : {fingerprint}", "  البصمة: {fingerprint}", "  fingerprint: {fingerprint}"),
    # ------------------------------------------------------------------ files
    "file.not_found": (
        "{file} : fichier introuvable : vérifiez le nom et le dossier du fichier",
        "{file}: الملف غير موجود: تحققوا من اسم الملف ومجلده",
        "{file}: file not found: check the file's name and folder"),
    "file.unreadable": (
        "{file} : fichier illisible ({reason})",
        "{file}: تعذّرت قراءة الملف ({reason})",
        "{file}: the file cannot be read ({reason})"),
    "file.not_writable": (
        "{file} : écriture impossible ({reason})",
        "{file}: تعذّرت الكتابة ({reason})",
        "{file}: cannot be written ({reason})"),
    "file.named": ("{file} : {message}", "{file}: {message}", "{file}: {message}"),
    "json.invalid": ("JSON invalide ({start}…) : {reason}", "JSON غير صالح ({start}…): {reason}",
                     "invalid JSON ({start}…): {reason}"),
    "json.position": ("erreur à la ligne {line}, colonne {column}", "خطأ في السطر {line}، العمود {column}",
                      "error at line {line}, column {column}"),
    "output.disk_full": (
        "{file} n'a pas été écrit : le disque est plein ({folder}) ; libérez de la place puis relancez ; "
        "aucun fichier à moitié écrit n'a été laissé",
        "لم يُكتب {file}: القرص ممتلئ ({folder})؛ حرّروا مساحة ثم أعيدوا التشغيل؛ لم يُترك أي ملف مكتوب جزئيا",
        "{file} was not written: the disk is full ({folder}); free some space and run again; no half-written "
        "file was left"),
    "output.not_written": (
        "{file} n'a pas été écrit ({reason}) : vérifiez que le dossier existe et peut être écrit",
        "لم يُكتب {file} ({reason}): تحققوا من أن المجلد موجود وتمكن الكتابة فيه",
        "{file} was not written ({reason}): check that the folder exists and can be written"),
    "interrupted": ("interrompu : rien n'a été modifié par l'opération en cours",
                    "توقّف: لم تغيّر العملية الجارية شيئا",
                    "interrupted: the operation under way changed nothing"),
    # why the system refused (an OSError's errno), inside the sentences above: ``forms.messages.os_reason``
    "oserror.ENOENT": ("fichier ou dossier introuvable", "الملف أو المجلد غير موجود", "no such file or folder"),
    "oserror.EACCES": ("permission refusée", "الإذن مرفوض", "permission denied"),
    "oserror.EPERM": ("opération non permise", "العملية غير مسموح بها", "operation not permitted"),
    "oserror.EISDIR": ("c'est un dossier, pas un fichier", "هذا مجلد وليس ملفا", "it is a folder, not a file"),
    "oserror.ENOTDIR": ("une partie du chemin n'est pas un dossier", "جزء من المسار ليس مجلدا",
                        "part of the path is not a folder"),
    "oserror.ENOSPC": ("plus de place sur le disque", "لم تبق مساحة على القرص", "no space left on the disk"),
    "oserror.EROFS": ("support en lecture seule", "وسيط للقراءة فقط", "read-only medium"),
    "oserror.EEXIST": ("le fichier existe déjà", "الملف موجود من قبل", "the file already exists"),
    "oserror.ENAMETOOLONG": ("nom de fichier trop long", "اسم الملف طويل جدا", "file name too long"),
    "oserror.EBUSY": ("fichier ou périphérique occupé", "الملف أو الجهاز مشغول", "file or device busy"),
    "oserror.EDQUOT": ("quota de disque dépassé", "تم تجاوز الحصة المسموحة على القرص", "disk quota exceeded"),
    "oserror.ELOOP": ("trop de liens symboliques (une boucle de liens ?)", "روابط رمزية كثيرة جدا (حلقة روابط؟)",
                      "too many levels of symbolic links (a loop of links?)"),
    "oserror.not_regular": ("ce n'est pas un fichier mais un périphérique ou un tube", "ليس ملفا بل جهازا أو أنبوبا",
                            "not a file but a device or a pipe"),
    "oserror.EIO": ("erreur de lecture ou d'écriture du support (défectueux ou retiré ?)",
                    "خطأ في القراءة أو الكتابة على الوسيط (معطوب أو منزوع؟)",
                    "input/output error on the medium (faulty or removed?)"),
    "os.access": ("{file} : accès au fichier impossible ({reason})", "{file}: تعذّر الوصول إلى الملف ({reason})",
                  "{file}: the file cannot be accessed ({reason})"),
    "database.failed": (
        "erreur de la base de données {file} ({reason}) : l'opération a été annulée, rien n'a été enregistré",
        "خطأ في قاعدة البيانات {file} ({reason}): أُلغيت العملية، لم يُحفظ أي شيء",
        "database error {file} ({reason}): the operation was cancelled, nothing was saved"),
    # ------------------------------------------------------------------ records and imports
    "record.refused": (
        "{form} : enregistrement refusé, {problems}, rien n'a été enregistré",
        "{form}: رُفض التسجيل، {problems}، لم يُحفظ أي شيء",
        "{form}: record refused, {problems}, nothing was saved"),
    "record.not_found": (
        "aucun(e) {form} vivant(e) n'a l'identifiant {id}",
        "لا يوجد سجل قائم في « {form} » بالمعرّف {id}",
        "no live record of « {form} » has the identifier {id}"),
    "import.refused": (
        "{file} : import refusé, {problems} : rien n'a été enregistré",
        "{file}: رُفض الاستيراد، {problems}: لم يُحفظ أي شيء",
        "{file}: import refused, {problems}: nothing was saved"),
    "consolidate.missing": (
        "introuvable : {paths} ; rien n'a été consolidé",
        "غير موجود: {paths}؛ لم يُدمج أي شيء",
        "not found: {paths}; nothing was consolidated"),
}
CATALOGUE |= {
    # ------------------------------------------------------------------ the command line itself
    "usage.error": ("{prog} : erreur d'utilisation : {message}", "{prog}: خطأ في الاستعمال: {message}",
                    "{prog}: usage error: {message}"),
    "help.description": (
        "Kafaat : saisie hors ligne, export chiffré et consolidation des indicateurs du programme.",
        "كفاءات: إدخال البيانات دون اتصال، وتصديرها مشفّرة، ودمج مؤشرات البرنامج.",
        "Kafaat: offline data entry, encrypted export and consolidation of the programme's indicators."),
}
CATALOGUE |= {
    # ------------------------------------------------------------------ Excel: templates, exports, imports
    "xlsx.extension": ("{file} : le fichier à écrire doit avoir l'extension .xlsx",
                       "{file}: يجب أن يكون امتداد الملف المراد كتابته .xlsx",
                       "{file}: the file to write must have the .xlsx extension"),
    "template.written": ("Modèle « {form} » écrit : {file}", "كُتب نموذج « {form} »: {file}",
                         "Template « {form} » written: {file}"),
    "records.exported": ("{n} enregistrement exporté : {file}|{n} enregistrements exportés : {file}",
                         "لم يُصدَّر أي سجل: {file}|صُدّر سجل واحد: {file}|صُدّر سجلان: {file}"
                         "|صُدّرت {n} سجلات: {file}|صُدّر {n} سجلا: {file}|صُدّر {n} سجل: {file}",
                         "{n} record exported: {file}|{n} records exported: {file}"),
    "import.report_overwrites": (
        "--errors {file} : le rapport écraserait le fichier importé ; choisissez un autre nom",
        "--errors {file}: التقرير سيحلّ محل الملف المستورد؛ اختاروا اسما آخر",
        "--errors {file}: the report would overwrite the imported file; choose another name"),
    "import.map_syntax": (
        "--map « {item} » : écrivez COLONNE=CHAMP (ex. F=women ou « N° Massar=student_code »)",
        "--map « {item} »: اكتبوا COLONNE=CHAMP (مثلا F=women أو « N° Massar=student_code »)",
        "--map « {item} »: write COLUMN=FIELD (e.g. F=women or « N° Massar=student_code »)"),
    "import.map_field": (
        "--map « {item} » : « {key} » n'est pas un champ de « {form} » (voir kafaat forms)",
        "--map « {item} »: « {key} » ليس حقلا من حقول « {form} » (انظروا kafaat forms)",
        "--map « {item} »: « {key} » is not a field of « {form} » (see kafaat forms)"),
    "import.more_lines": ("… et {n} autre message|… et {n} autres messages",
                          "…|… ورسالة أخرى|… ورسالتان أخريان|… و{n} رسائل أخرى|… و{n} رسالة أخرى|… و{n} رسالة أخرى",
                          "… and {n} more message|… and {n} more messages"),
    "import.more_lines_hint": (
        "… et {n} autre message ; --errors RAPPORT.xlsx les donne toutes"
        "|… et {n} autres messages ; --errors RAPPORT.xlsx les donne toutes",
        "…؛ الخيار --errors REPORT.xlsx يعطيها كلها|… ورسالة أخرى؛ الخيار --errors REPORT.xlsx يعطيها كلها"
        "|… ورسالتان أخريان؛ الخيار --errors REPORT.xlsx يعطيها كلها"
        "|… و{n} رسائل أخرى؛ الخيار --errors REPORT.xlsx يعطيها كلها"
        "|… و{n} رسالة أخرى؛ الخيار --errors REPORT.xlsx يعطيها كلها"
        "|… و{n} رسالة أخرى؛ الخيار --errors REPORT.xlsx يعطيها كلها",
        "… and {n} more message; --errors REPORT.xlsx gives them all"
        "|… and {n} more messages; --errors REPORT.xlsx gives them all"),
    "import.report_written": ("rapport d'erreurs écrit : {file}", "كُتب تقرير الأخطاء: {file}",
                              "error report written: {file}"),
    "import.on_rows": (" sur {n} ligne| sur {n} lignes",
                       "| في سطر واحد| في سطرين| في {n} أسطر| في {n} سطرا| في {n} سطر",
                       " on {n} row| on {n} rows"),
    "import.errors_hint": (" ; --errors RAPPORT.xlsx les marque dans le fichier",
                           "؛ الخيار --errors REPORT.xlsx يعلّمها في الملف",
                           "; --errors REPORT.xlsx marks them in the file"),
    "import.refused_rows": (
        "{file} : import refusé, {problems}{rows} : rien n'a été enregistré{hint}",
        "{file}: رُفض الاستيراد، {problems}{rows}: لم يُحفظ أي شيء{hint}",
        "{file}: import refused, {problems}{rows}: nothing was saved{hint}"),
    "import.checked": ("Vérification seule (rien n'a été enregistré) — {summary}",
                       "تحقق فقط (لم يُحفظ أي شيء) — {summary}",
                       "Check only (nothing was saved) — {summary}"),
    "import.done": ("Import terminé — {summary}", "انتهى الاستيراد — {summary}", "Import finished — {summary}"),
}
CATALOGUE |= {
    # ------------------------------------------------------------------ an import's problems and summary
    "import.column": ("colonne {column}", "العمود {column}", "column {column}"),
    "import.field": ("champ « {label} »", "الحقل « {label} »", "field « {label} »"),
    "import.row": ("ligne {row}", "السطر {row}", "row {row}"),
    "import.problem": ("{where} : {message}", "{where}: {message}", "{where}: {message}"),
    "import.warning": ("{where} : avertissement : {message}", "{where}: تنبيه: {message}",
                       "{where}: warning: {message}"),
    "import.summary": ("{read} : {created}, {updated}, {unchanged}{drafts} ; {refused} ; {warnings}",
                       "{read}: {created}، {updated}، {unchanged}{drafts}؛ {refused}؛ {warnings}",
                       "{read}: {created}, {updated}, {unchanged}{drafts}; {refused}; {warnings}"),
    "import.summary_plan": (
        "{read} : {created}, {updated} à faire, {unchanged}{drafts} ; {refused} ; {warnings}",
        "{read}: {created}، {updated} مرتقبة، {unchanged}{drafts}؛ {refused}؛ {warnings}",
        "{read}: {created}, {updated} to do, {unchanged}{drafts}; {refused}; {warnings}"),
    "import.rows_read": ("{n} ligne lue|{n} lignes lues",
                         "لا سطر مقروء|سطر واحد مقروء|سطران مقروءان|{n} أسطر مقروءة|{n} سطرا مقروءا|{n} سطر مقروء",
                         "{n} row read|{n} rows read"),
    "import.rows_read.none": ("aucune ligne lue", "لم يُقرأ أي سطر", "no row read"),
    "import.created": ("{n} création|{n} créations",
                       "لا إنشاء|إنشاء واحد|إنشاءان|{n} عمليات إنشاء|{n} عملية إنشاء|{n} عملية إنشاء",
                       "{n} creation|{n} creations"),
    "import.created.none": ("aucune création", "لا إنشاء", "no creation"),
    "import.updated": ("{n} mise à jour|{n} mises à jour",
                       "لا تحديث|تحديث واحد|تحديثان|{n} تحديثات|{n} تحديثا|{n} تحديث",
                       "{n} update|{n} updates"),
    "import.updated.none": ("aucune mise à jour", "لا تحديث", "no update"),
    "import.unchanged": ("{n} ligne inchangée|{n} lignes inchangées",
                         "لا سطر دون تغيير|سطر واحد دون تغيير|سطران دون تغيير|{n} أسطر دون تغيير"
                         "|{n} سطرا دون تغيير|{n} سطر دون تغيير",
                         "{n} row unchanged|{n} rows unchanged"),
    "import.unchanged.none": ("aucune ligne inchangée", "لا سطر دون تغيير", "no row unchanged"),
    "import.rows_refused": ("{n} ligne refusée|{n} lignes refusées",
                            "لا سطر مرفوض|سطر واحد مرفوض|سطران مرفوضان|{n} أسطر مرفوضة|{n} سطرا مرفوضا"
                            "|{n} سطر مرفوض",
                            "{n} row refused|{n} rows refused"),
    "import.rows_refused.none": ("aucune ligne refusée", "لا سطر مرفوض", "no row refused"),
    "import.warnings": ("{n} avertissement|{n} avertissements",
                        "لا تنبيه|تنبيه واحد|تنبيهان|{n} تنبيهات|{n} تنبيها|{n} تنبيه",
                        "{n} warning|{n} warnings"),
    "import.warnings.none": ("aucun avertissement", "لا تنبيه", "no warning"),
    "import.drafts": (" (dont {n} brouillon)| (dont {n} brouillons)",
                      "| (منها مسودة واحدة)| (منها مسودتان)| (منها {n} مسودات)| (منها {n} مسودة)| (منها {n} مسودة)",
                      " ({n} of them a draft)| ({n} of them drafts)"),
}
CATALOGUE |= {
    # ------------------------------------------------------------------ records list / add / delete
    "records.none": ("{form} : aucun enregistrement.", "{form}: لا توجد سجلات.", "{form}: no records."),
    "records.count": ("{n} enregistrement.|{n} enregistrements.",
                      "لا سجلات.|سجل واحد.|سجلان.|{n} سجلات.|{n} سجلا.|{n} سجل.",
                      "{n} record.|{n} records."),
    "records.deleted": ("{n} enregistrement supprimé.|{n} enregistrements supprimés.",
                        "لم يُحذف أي سجل.|حُذف سجل واحد.|حُذف سجلان.|حُذفت {n} سجلات.|حُذف {n} سجلا.|حُذف {n} سجل.",
                        "{n} record deleted.|{n} records deleted."),
    "record.draft": ("brouillon", "مسودة", "draft"),
    "record.complete": ("complet", "مكتمل", "complete"),
    "record.deleted": (" (supprimé)", " (محذوف)", " (deleted)"),
    "record.refused_by": (" ✖ refusé par {ministry} (lot n° {sequence}) : {reasons}",
                          " ✖ رفضته {ministry} (الحزمة رقم {sequence}): {reasons}",
                          " ✖ refused by {ministry} (bundle no. {sequence}): {reasons}"),
    "record.no_reason": ("sans motif", "دون سبب", "no reason given"),
    "record.warning": ("avertissement — {issue}", "تنبيه — {issue}", "warning — {issue}"),
    "record.draft_error": ("erreur (brouillon) — {issue}", "خطأ (مسودة) — {issue}", "error (draft) — {issue}"),
    "records.json_object": ("--json attend un objet JSON ({{...}}) décrivant un enregistrement",
                            "--json ينتظر كائن JSON ({{...}}) يصف سجلا",
                            "--json expects a JSON object ({{...}}) describing a record"),
    "records.bad_status": ("status : « {status} » n'est pas un statut (draft ou complete)",
                           "status: « {status} » ليست حالة (draft أو complete)",
                           "status: « {status} » is not a status (draft or complete)"),
    "records.bad_id": ("id : « {id} » n'est pas un identifiant (UUID entre guillemets)",
                       "id: « {id} » ليس معرّفا (UUID بين علامتي تنصيص)",
                       "id: « {id} » is not an identifier (a UUID in quotes)"),
}
CATALOGUE |= {
    # ------------------------------------------------------------------ keys and recipients
    "keys.establishment": ("Établissement : {name} ({code})", "المؤسسة: {name} ({code})",
                           "Establishment: {name} ({code})"),
    "keys.ministry": ("Ministère : {name} ({code})", "الوزارة: {name} ({code})", "Ministry: {name} ({code})"),
    "keys.fingerprint": ("Empreinte (à lire au téléphone) : {fingerprint}", "البصمة (تُقرأ بالهاتف): {fingerprint}",
                         "Fingerprint (to read out by phone): {fingerprint}"),
    "keys.key_id": ("Identifiant de clé : {key_id}", "معرّف المفتاح: {key_id}", "Key identifier: {key_id}"),
    "keys.algorithms": ("Algorithmes : {algorithms}", "الخوارزميات: {algorithms}", "Algorithms: {algorithms}"),
    "keys.not_created_no_passphrase": (
        "Attention : les clés ne sont pas encore créées (aucune phrase de passe : KAFAAT_PASSPHRASE n'est pas "
        "définie et il n'y a pas de terminal). Créez-les avec « kafaat keys create » avant tout export.",
        "تنبيه: لم تُنشأ المفاتيح بعد (لا توجد عبارة مرور: KAFAAT_PASSPHRASE غير محدد ولا توجد طرفية). "
        "أنشئوها بالأمر « kafaat keys create » قبل أي تصدير.",
        "Warning: the keys are not created yet (no passphrase: KAFAAT_PASSPHRASE is not set and there is no "
        "terminal). Create them with « kafaat keys create » before any export."),
    "keys.not_created": ("Attention : les clés ne sont pas créées ({reason}). Créez-les avec « kafaat keys create ».",
                         "تنبيه: لم تُنشأ المفاتيح ({reason}). أنشئوها بالأمر « kafaat keys create ».",
                         "Warning: the keys are not created ({reason}). Create them with « kafaat keys create »."),
    "keys.created": ("Clés créées. Empreinte : {fingerprint}", "تم إنشاء المفاتيح. البصمة: {fingerprint}",
                     "Keys created. Fingerprint: {fingerprint}"),
    "keys.passphrase_changed": ("Phrase de passe changée.", "تم تغيير عبارة المرور.", "Passphrase changed."),
    "keys.request_written": ("Demande d'enregistrement écrite : {file}", "كُتب طلب التسجيل: {file}",
                             "Enrolment request written: {file}"),
    "keys.fingerprint_for_ministry": (
        "Empreinte à communiquer au ministère : {fingerprint}", "البصمة التي يجب إبلاغها للوزارة: {fingerprint}",
        "Fingerprint to give the ministry: {fingerprint}"),
    "keys.fingerprint_for_establishments": (
        "Empreinte à communiquer aux établissements : {fingerprint}",
        "البصمة التي يجب إبلاغها للمؤسسات: {fingerprint}",
        "Fingerprint to give the establishments: {fingerprint}"),
    "keys.public_written": ("Clé publique écrite : {file}", "كُتب المفتاح العمومي: {file}",
                            "Public key written: {file}"),
    "recipients.added": ("{code} ajouté aux destinataires des lots.", "أُضيفت {code} إلى الجهات المرسَل إليها الحزم.",
                         "{code} added to the bundles' recipients."),
    "recipients.already": ("{code} était déjà un destinataire avec cette clé : rien n'a changé.",
                           "{code} جهة مرسَل إليها من قبل بهذا المفتاح: لم يتغير شيء.",
                           "{code} was already a recipient with this key: nothing changed."),
    "recipients.none": ("Aucun destinataire : « kafaat recipients add FICHIER ».",
                        "لا توجد جهة مرسَل إليها: « kafaat recipients add FICHIER ».",
                        "No recipient: « kafaat recipients add FILE »."),
}
CATALOGUE |= {
    # ------------------------------------------------------------------ bundle export (establishment)
    "export.foreign_keys": (
        "ces clés ne sont pas celles de cet établissement : utilisez le dossier de données où elles ont été "
        "créées ; aucun lot n'a été écrit",
        "هذه المفاتيح ليست مفاتيح هذه المؤسسة: استعملوا مجلد البيانات الذي أُنشئت فيه؛ لم تُكتب أي حزمة",
        "these keys are not this establishment's: use the data folder they were created in; no bundle was "
        "written"),
    "export.no_keys": (
        "les clés de l'établissement n'existent pas encore : créez-les avec « kafaat keys create » ; aucun lot "
        "n'a été écrit",
        "مفاتيح المؤسسة غير موجودة بعد: أنشئوها بالأمر « kafaat keys create »؛ لم تُكتب أي حزمة",
        "the establishment's keys do not exist yet: create them with « kafaat keys create »; no bundle was "
        "written"),
    "export.no_recipient": (
        "aucun ministère destinataire : ajoutez sa clé publique avec « kafaat recipients add FICHIER » ; aucun "
        "lot n'a été écrit",
        "لا توجد وزارة مرسَل إليها: أضيفوا مفتاحها العمومي بالأمر « kafaat recipients add FICHIER »؛ "
        "لم تُكتب أي حزمة",
        "no recipient ministry: add its public key with « kafaat recipients add FILE »; no bundle was written"),
    "export.busy": (
        "un autre export de ce dossier est en cours (fenêtre ou ligne de commande) : attendez qu'il se termine ; "
        "rien n'a été écrit",
        "تصدير آخر لهذا المجلد جارٍ (النافذة أو سطر الأوامر): انتظروا انتهاءه؛ لم يُكتب شيء",
        "another export of this folder is under way (window or command line): wait until it ends; nothing was "
        "written"),
    "export.damaged": (
        "la base de données est endommagée (PRAGMA integrity_check) : restaurez une sauvegarde avant "
        "d'exporter ; aucun lot n'a été écrit ({detail})",
        "قاعدة البيانات تالفة (PRAGMA integrity_check): استعيدوا نسخة احتياطية قبل التصدير؛ لم تُكتب أي حزمة "
        "({detail})",
        "the database is damaged (PRAGMA integrity_check): restore a backup before exporting; no bundle was "
        "written ({detail})"),
    "export.copy_failed": (
        "le lot n° {sequence} est écrit dans {outbox}, mais la copie vers {folder} a échoué ({reason}) : "
        "copiez ce fichier à la main",
        "الحزمة رقم {sequence} مكتوبة في {outbox}، لكن نسخها إلى {folder} فشل ({reason}): انسخوا هذا الملف يدويا",
        "bundle no. {sequence} is written in {outbox}, but copying it to {folder} failed ({reason}): copy "
        "that file by hand"),
    "export.destination_differs": (
        "le lot n° {sequence} est écrit dans {outbox}, mais {file} existe déjà avec un autre contenu et n'a pas "
        "été remplacé : copiez le fichier de la boîte d'envoi à la main après avoir vérifié celui de la "
        "destination",
        "الحزمة رقم {sequence} مكتوبة في {outbox}، لكن {file} موجود من قبل بمحتوى آخر ولم يُستبدل: انسخوا ملف "
        "صندوق الإرسال يدويا بعد التحقق من الملف الموجود في الوجهة",
        "bundle no. {sequence} is written in {outbox}, but {file} already exists with other content and was "
        "not replaced: copy the outbox's file by hand after checking the one at the destination"),
    "export.unknown_in_outbox": (
        "la boîte d'envoi contient déjà {file}, un lot n° {sequence} que cette base de données ne connaît pas "
        "(base vidée, remplacée ou restaurée sans sa boîte d'envoi) : aucun lot n'a été écrit et ce numéro ne "
        "sera pas réutilisé ; restaurez la dernière sauvegarde de ce dossier (« kafaat restore FICHIER »)",
        "صندوق الإرسال يحتوي من قبل على {file}، وهي حزمة رقم {sequence} لا تعرفها قاعدة البيانات هذه (قاعدة "
        "أُفرغت أو استُبدلت أو استُعيدت دون صندوق إرسالها): لم تُكتب أي حزمة ولن يُعاد استعمال هذا الرقم؛ "
        "استعيدوا آخر نسخة احتياطية لهذا المجلد (« kafaat restore FICHIER »)",
        "the outbox already holds {file}, a bundle no. {sequence} this database does not know (a database "
        "emptied, replaced or restored without its outbox): no bundle was written and this number will not be "
        "reused; restore this folder's last backup (« kafaat restore FILE »)"),
    "export.plan_no_keys": (
        "les clés de l'établissement n'existent pas encore : « kafaat keys create »",
        "مفاتيح المؤسسة غير موجودة بعد: « kafaat keys create »",
        "the establishment's keys do not exist yet: « kafaat keys create »"),
    "export.plan_no_recipient": (
        "aucun ministère destinataire : ajoutez sa clé publique (« kafaat recipients add FICHIER »)",
        "لا توجد وزارة مرسَل إليها: أضيفوا مفتاحها العمومي (« kafaat recipients add FICHIER »)",
        "no recipient ministry: add its public key (« kafaat recipients add FILE »)"),
    "due.never": ("aucun lot n'a encore été exporté", "لم يتم تصدير أي حزمة بعد", "no bundle has been exported yet"),
    "due.late": (
        "dernier lot exporté il y a {n} jour (période de {period} jours) : un export est attendu"
        "|dernier lot exporté il y a {n} jours (période de {period} jours) : un export est attendu",
        "آخر حزمة صُدّرت اليوم (المدة {period} يوما): تصدير منتظر|آخر حزمة صُدّرت منذ يوم واحد (المدة {period} "
        "يوما): تصدير منتظر|آخر حزمة صُدّرت منذ يومين (المدة {period} يوما): تصدير منتظر|آخر حزمة صُدّرت منذ "
        "{n} أيام (المدة {period} يوما): تصدير منتظر|آخر حزمة صُدّرت منذ {n} يوما (المدة {period} يوما): "
        "تصدير منتظر|آخر حزمة صُدّرت منذ {n} يوم (المدة {period} يوما): تصدير منتظر",
        "last bundle exported {n} day ago (period of {period} days): an export is due"
        "|last bundle exported {n} days ago (period of {period} days): an export is due"),
    "due.ok": ("dernier lot exporté il y a {n} jour|dernier lot exporté il y a {n} jours",
               "آخر حزمة صُدّرت اليوم|آخر حزمة صُدّرت منذ يوم واحد|آخر حزمة صُدّرت منذ يومين"
               "|آخر حزمة صُدّرت منذ {n} أيام|آخر حزمة صُدّرت منذ {n} يوما|آخر حزمة صُدّرت منذ {n} يوم",
               "last bundle exported {n} day ago|last bundle exported {n} days ago"),
    # ------------------------------------------------------------------ receipts (establishment)
    "receipt.untrusted_ministry": (
        "{what} : le ministère « {ministry} » n'est pas parmi les destinataires de confiance de cet établissement "
        ": ajoutez sa clé publique (« kafaat recipients add FICHIER ») puis importez l'accusé à nouveau",
        "{what}: الوزارة « {ministry} » ليست من الجهات الموثوقة المرسَل إليها لهذه المؤسسة: أضيفوا مفتاحها "
        "العمومي (« kafaat recipients add FICHIER ») ثم استوردوا الإشعار من جديد",
        "{what}: the ministry « {ministry} » is not among this establishment's trusted recipients: add its "
        "public key (« kafaat recipients add FILE ») then import the receipt again"),
    "receipt.other_key": (
        "{what} : signé par une autre clé que celle de {ministry} ({fingerprint}) : demandez au ministère un "
        "accusé signé avec sa clé actuelle ; rien n'a été modifié",
        "{what}: موقَّع بمفتاح غير مفتاح {ministry} ({fingerprint}): اطلبوا من الوزارة إشعارا موقَّعا بمفتاحها "
        "الحالي؛ لم يتغير شيء",
        "{what}: signed by another key than {ministry}'s ({fingerprint}): ask the ministry for a receipt "
        "signed with its current key; nothing was changed"),
    "receipt.other_establishment": (
        "{what} : accusé destiné à l'établissement {establishment}, pas à {here} : importez-le dans le dossier "
        "de cet établissement ; rien n'a été modifié",
        "{what}: إشعار موجَّه إلى المؤسسة {establishment} وليس إلى {here}: استوردوه في مجلد تلك المؤسسة؛ "
        "لم يتغير شيء",
        "{what}: a receipt for the establishment {establishment}, not {here}: import it in that "
        "establishment's folder; nothing was changed"),
    "receipt.unknown_bundle": (
        "{what} : aucun lot n° {sequence} n'a été écrit par cet établissement : vérifiez le dossier de données "
        "(« kafaat bundle outbox ») ; rien n'a été modifié",
        "{what}: لم تكتب هذه المؤسسة أي حزمة رقم {sequence}: تحققوا من مجلد البيانات (« kafaat bundle outbox »)؛ "
        "لم يتغير شيء",
        "{what}: this establishment wrote no bundle no. {sequence}: check the data folder "
        "(« kafaat bundle outbox »); nothing was changed"),
    "receipt.hash_differs": (
        "{what} : l'empreinte du lot n° {sequence} ne correspond pas au lot écrit ici : rien n'a été modifié",
        "{what}: بصمة الحزمة رقم {sequence} لا تطابق الحزمة المكتوبة هنا: لم يتغير شيء",
        "{what}: the hash of bundle no. {sequence} does not match the bundle written here: nothing was changed"),
    "receipt.not_addressed": (
        "{what} : le lot n° {sequence} n'était pas adressé à {ministry} : rien n'a été modifié",
        "{what}: الحزمة رقم {sequence} لم تكن موجَّهة إلى {ministry}: لم يتغير شيء",
        "{what}: bundle no. {sequence} was not addressed to {ministry}: nothing was changed"),
}
CATALOGUE |= {
    "colon": (" : ", ": ", ": "),
    # ------------------------------------------------------------------ bundle preview / export / outbox
    "export.next": ("Prochain lot : n° {sequence}{full}, pour {recipients}",
                    "الحزمة القادمة: رقم {sequence}{full}، إلى {recipients}",
                    "Next bundle: no. {sequence}{full}, for {recipients}"),
    "export.full": (" (complet)", " (كاملة)", " (complete)"),
    "export.drafts_left": ("Brouillons laissés de côté (jamais envoyés) : {counts}",
                           "مسودات تُركت جانبا (لا تُرسل أبدا): {counts}",
                           "Drafts left out (never sent): {counts}"),
    "export.withheld": ("{form} — restent à l'établissement (jamais envoyés) : {fields}",
                        "{form} — تبقى في المؤسسة (لا تُرسل أبدا): {fields}",
                        "{form} — stay at the establishment (never sent): {fields}"),
    "export.pseudonymised": ("{form} — envoyés sous pseudonyme (clé de programme n° {key}) : {fields}",
                             "{form} — تُرسل باسم مستعار (مفتاح البرنامج رقم {key}): {fields}",
                             "{form} — sent under a pseudonym (programme key no. {key}): {fields}"),
    "export.no_programme_key": (
        "Aucune clé de programme installée : le code national des étudiants n'est pas envoyé "
        "(« kafaat programme-key import FICHIER » pour l'envoyer sous pseudonyme).",
        "لا يوجد مفتاح برنامج مثبَّت: لا يُرسل الرمز الوطني للطلبة (« kafaat programme-key import FICHIER » "
        "لإرساله باسم مستعار).",
        "No programme key installed: the students' national code is not sent "
        "(« kafaat programme-key import FILE » to send it under a pseudonym)."),
    "export.recovered": (
        "Lot n° {sequence} retrouvé dans la boîte d'envoi après une interruption : enregistré comme écrit.",
        "عُثر على الحزمة رقم {sequence} في صندوق الإرسال بعد انقطاع: سُجّلت كمكتوبة.",
        "Bundle no. {sequence} found in the outbox after an interruption: recorded as written."),
    "export.written": ("Lot n° {sequence} écrit : {file}", "كُتبت الحزمة رقم {sequence}: {file}",
                       "Bundle no. {sequence} written: {file}"),
    "export.recipients": ("Destinataires : {recipients} ; empreinte du lot : {hash}",
                          "الجهات المرسَل إليها: {recipients}؛ بصمة الحزمة: {hash}",
                          "Recipients: {recipients}; bundle hash: {hash}"),
    "export.delivered": (
        "Lot n° {sequence} copié aussi vers {folder} : il n'avait jamais quitté la boîte d'envoi.",
        "نُسخت الحزمة رقم {sequence} أيضا إلى {folder}: لم تكن قد غادرت صندوق الإرسال قط.",
        "Bundle no. {sequence} also copied to {folder}: it had never left the outbox."),
    "export.to_carry": ("à porter au ministère : {line}", "يجب حمله إلى الوزارة: {line}",
                        "to carry to the ministry: {line}"),
    "outbox.number": ("n° {sequence}", "رقم {sequence}", "no. {sequence}"),
    "outbox.reserved": ("réservé (non écrit)", "محجوزة (غير مكتوبة)", "reserved (not written)"),
    "outbox.written": ("écrit, en attente d'accusé", "مكتوبة، في انتظار الإشعار بالتوصل",
                       "written, awaiting receipt"),
    "outbox.acknowledged": ("accusé de réception reçu", "تم التوصل بالإشعار", "receipt received"),
    "outbox.never_out": ("écrit, jamais sorti du poste", "مكتوبة، لم تغادر الجهاز قط",
                         "written, never left this computer"),
    "outbox.undelivered": (
        "Jamais copiés hors de la boîte d'envoi : n° {numbers} ({folder}) ; le prochain « kafaat bundle export "
        "DOSSIER » les copie aussi, ou portez ces fichiers au ministère.",
        "لم تُنسخ قط خارج صندوق الإرسال: رقم {numbers} ({folder})؛ الأمر « kafaat bundle export DOSSIER » "
        "القادم ينسخها أيضا، أو احملوا هذه الملفات إلى الوزارة.",
        "Never copied out of the outbox: no. {numbers} ({folder}); the next « kafaat bundle export FOLDER » "
        "copies them too, or carry these files to the ministry."),
    "reminder.bad_days": (
        "--days {days} : la période doit être comprise entre {low} et {high} jours ; rien n'a été modifié",
        "--days {days}: يجب أن تكون المدة بين {low} و{high} يوما؛ لم يتغير شيء",
        "--days {days}: the period must be between {low} and {high} days; nothing was changed"),
    "reminder.set": ("Période de rappel : {days}.", "مدة التذكير: {days}.", "Reminder period: {days}."),
    "reminder.period": ("Période : {days} ; {due}", "المدة: {days}؛ {due}", "Period: {days}; {due}"),
    "receipt.imported": ("Accusé de réception vérifié : lot n° {sequence} marqué comme reçu.",
                         "تم التحقق من الإشعار بالتوصل: الحزمة رقم {sequence} مسجلة كمستلمة.",
                         "Receipt verified: bundle no. {sequence} marked as received."),
    "receipt.counts": ("  {ministry} : {accepted}, {refused}", "  {ministry}: {accepted}، {refused}",
                       "  {ministry}: {accepted}, {refused}"),
}
CATALOGUE |= {
    # ------------------------------------------------------------------ consolidation (ministry)
    "outcome.who": ("{establishment} n° {sequence}", "{establishment} رقم {sequence}", "{establishment} no. {sequence}"),
    "outcome.file": (" (fichier {file})", " (الملف {file})", " (file {file})"),
    "outcome.accepted": ("{n} enregistrement accepté|{n} enregistrements acceptés",
                         "لا سجل مقبول|سجل واحد مقبول|سجلان مقبولان|{n} سجلات مقبولة|{n} سجلا مقبولا|{n} سجل مقبول",
                         "{n} record accepted|{n} records accepted"),
    "outcome.refused": (", {n} refusé|, {n} refusés",
                        "، لا سجل مرفوض|، سجل واحد مرفوض|، سجلان مرفوضان|، {n} سجلات مرفوضة|، {n} سجلا مرفوضا"
                        "|، {n} سجل مرفوض",
                        ", {n} refused|, {n} refused"),
    "outcome.later": (" (lot qui était en attente)", " (حزمة كانت في الانتظار)", " (a bundle that was held)"),
    "outcome.applied": ("{who} : appliqué, {accepted} sur {total}{refused}{later}{notes}",
                        "{who}: طُبّقت، {accepted} من {total}{refused}{later}{notes}",
                        "{who}: applied, {accepted} of {total}{refused}{later}{notes}"),
    "outcome.duplicate": ("{who} : déjà consolidé (doublon, rien à faire)", "{who}: مدمجة من قبل (مكررة، لا شيء للقيام به)",
                          "{who}: already consolidated (duplicate, nothing to do)"),
    "receipt.more_refused": (
        "{n} autre enregistrement refusé, non détaillé ici (l'accusé est limité à 64 Kio) : demandez-en la liste au ministère|{n} autres enregistrements refusés, non détaillés ici (l'accusé est limité à 64 Kio) : demandez-en la liste au ministère",
        'لا سجلات مرفوضة أخرى (الإشعار محدود في 64 كيلوبايت): اطلبوا قائمتها من الوزارة|سجل مرفوض آخر غير مفصل هنا (الإشعار محدود في 64 كيلوبايت): اطلبوا قائمتها من الوزارة|سجلان مرفوضان آخران غير مفصلين هنا (الإشعار محدود في 64 كيلوبايت): اطلبوا قائمتها من الوزارة|{n} سجلات مرفوضة أخرى غير مفصلة هنا (الإشعار محدود في 64 كيلوبايت): اطلبوا قائمتها من الوزارة|{n} سجلا مرفوضا آخر غير مفصل هنا (الإشعار محدود في 64 كيلوبايت): اطلبوا قائمتها من الوزارة|{n} سجل مرفوض آخر غير مفصل هنا (الإشعار محدود في 64 كيلوبايت): اطلبوا قائمتها من الوزارة',
        '{n} more refused record, not detailed here (a receipt is limited to 64 KiB): ask the ministry for the list|{n} more refused records, not detailed here (a receipt is limited to 64 KiB): ask the ministry for the list'),
    "outcome.superseded": ("{who} : déjà couvert par l'export complet n° {full} qui a commencé la chaîne (rien à faire)",
                           "{who}: مشمولة من قبل بالتصدير الكامل رقم {full} الذي بدأ السلسلة (لا شيء للقيام به)",
                           "{who}: already covered by the complete export no. {full} that began the chain "
                           "(nothing to do)"),
    "outcome.superseded_note": ("plus ancien que l'export complet n° {full} qui a commencé la chaîne et le contient",
                                "أقدم من التصدير الكامل رقم {full} الذي بدأ السلسلة ويتضمنها",
                                "older than the complete export no. {full} that began the chain and holds it"),
    "outcome.held": ("{who} : mis en attente du lot n° {waiting}", "{who}: وُضعت في انتظار الحزمة رقم {waiting}",
                     "{who}: held, waiting for bundle no. {waiting}"),
    "outcome.already_held": ("{who} : déjà mis en attente du lot n° {waiting}",
                             "{who}: موضوعة من قبل في انتظار الحزمة رقم {waiting}",
                             "{who}: already held, waiting for bundle no. {waiting}"),
    "outcome.fork": ("{who} : REFUSÉ — incident de sécurité (FOURCHE) : {reason}{where}",
                     "{who}: مرفوضة — حادث أمني (تفرّع): {reason}{where}",
                     "{who}: REFUSED — security incident (FORK): {reason}{where}"),
    "outcome.rollback": ("{who} : REFUSÉ — incident de sécurité (RETOUR EN ARRIÈRE) : {reason}{where}",
                         "{who}: مرفوضة — حادث أمني (رجوع إلى الوراء): {reason}{where}",
                         "{who}: REFUSED — security incident (ROLLBACK): {reason}{where}"),
    "outcome.refused_bundle": ("{who} : refusé : {reason}{where}", "{who}: مرفوضة: {reason}{where}",
                               "{who}: refused: {reason}{where}"),
    "summary.line": (
        "{bundles} : {applied}, {duplicates}, {held} en attente, {refused}, {incidents} ; {accepted}, "
        "{records_refused}",
        "{bundles}: {applied}، {duplicates}، في الانتظار: {held}، {refused}، {incidents}؛ {accepted}، "
        "{records_refused}",
        "{bundles}: {applied}, {duplicates}, {held} held, {refused}, {incidents}; {accepted}, {records_refused}"),
    "summary.bundles": ("{n} lot|{n} lots", "لا حزم|حزمة واحدة|حزمتان|{n} حزم|{n} حزمة|{n} حزمة",
                        "{n} bundle|{n} bundles"),
    "summary.applied": ("{n} appliqué|{n} appliqués",
                        "لا حزمة مطبّقة|حزمة واحدة مطبّقة|حزمتان مطبّقتان|{n} حزم مطبّقة|{n} حزمة مطبّقة"
                        "|{n} حزمة مطبّقة",
                        "{n} applied|{n} applied"),
    "summary.duplicates": ("{n} doublon|{n} doublons", "لا مكرر|مكرر واحد|مكرران|{n} مكررات|{n} مكررا|{n} مكرر",
                           "{n} duplicate|{n} duplicates"),
    "summary.refused": ("{n} refusé|{n} refusés", "المرفوضة: {n}", "{n} refused|{n} refused"),
    "summary.incidents": ("{n} incident de sécurité|{n} incidents de sécurité",
                          "لا حوادث أمنية|حادث أمني واحد|حادثان أمنيان|{n} حوادث أمنية|{n} حادثا أمنيا|{n} حادث أمني",
                          "{n} security incident|{n} security incidents"),
    "chain.none": ("aucune chaîne de lots pour {code}", "لا توجد سلسلة حزم للمؤسسة {code}",
                   "no chain of bundles for {code}"),
    "chain.rollback_same": (
        "un lot n° {sequence} d'empreinte {applied} est déjà appliqué (chaîne arrivée au n° {last}) ; ce fichier "
        "porte le même numéro avec l'empreinte {hash}",
        "حزمة رقم {sequence} ببصمة {applied} مطبّقة من قبل (السلسلة وصلت إلى الرقم {last})؛ هذا الملف يحمل الرقم "
        "نفسه ببصمة {hash}",
        "a bundle no. {sequence} with hash {applied} is already applied (chain at no. {last}); this file has the "
        "same number with hash {hash}"),
    "chain.fork_same": (
        "un autre lot n° {sequence} a déjà été reçu (empreinte {received}) ; ce fichier porte l'empreinte {hash}",
        "سبق استلام حزمة أخرى رقم {sequence} (البصمة {received})؛ هذا الملف يحمل البصمة {hash}",
        "another bundle no. {sequence} was already received (hash {received}); this file has hash {hash}"),
    "chain.held_limit": (
        "{code} a déjà {held} lots en attente du lot n° {waiting} ({size} Mo) ; au plus {max_count} lots et "
        "{max_size} Mo en attente par établissement : ce lot n'est pas gardé ; demandez à l'établissement le lot "
        "n° {waiting}, consolidez-le, puis consolidez de nouveau ce fichier",
        "لدى {code} من قبل {held} حزم في انتظار الحزمة رقم {waiting} ({size} ميغابايت)؛ الحد الأقصى {max_count} "
        "حزمة و{max_size} ميغابايت في الانتظار لكل مؤسسة: لا تُحفظ هذه الحزمة؛ اطلبوا من المؤسسة الحزمة رقم "
        "{waiting}، ووحّدوها، ثم وحّدوا هذا الملف من جديد",
        "{code} already has {held} bundles held waiting for bundle no. {waiting} ({size} MB); at most "
        "{max_count} bundles and {max_size} MB held per establishment: this bundle is not kept; ask the "
        "establishment for bundle no. {waiting}, consolidate it, then consolidate this file again"),
    "chain.rollback_older": (
        "la chaîne de {code} est déjà au lot n° {last} (empreinte {last_hash}) ; ce lot n° {sequence} plus "
        "ancien, d'empreinte {hash}, n'a jamais été reçu",
        "سلسلة {code} وصلت من قبل إلى الحزمة رقم {last} (البصمة {last_hash})؛ هذه الحزمة الأقدم رقم {sequence}، "
        "ببصمة {hash}، لم تُستلم قط",
        "{code}'s chain is already at bundle no. {last} (hash {last_hash}); this older bundle no. {sequence}, "
        "with hash {hash}, was never received"),
    "chain.fork_previous": (
        "le lot n° {sequence} dit suivre un lot n° {last} d'empreinte {previous}, mais le lot n° {last} appliqué "
        "a l'empreinte {last_hash}",
        "الحزمة رقم {sequence} تقول إنها تلي حزمة رقم {last} ببصمة {previous}، لكن الحزمة رقم {last} المطبّقة "
        "بصمتها {last_hash}",
        "bundle no. {sequence} says it follows a bundle no. {last} with hash {previous}, but the applied bundle "
        "no. {last} has hash {last_hash}"),
}
CATALOGUE |= {
    "consolidate.record_refused": ("    refusé : {form} {id} — {reasons}", "    مرفوض: {form} {id} — {reasons}",
                                   "    refused: {form} {id} — {reasons}"),
    "consolidate.more_refused": (
        "    … et {n} autre (voir l'accusé de réception)|    … et {n} autres (voir l'accusé de réception)",
        "    …|    … وسجل آخر (انظروا الإشعار بالتوصل)|    … وسجلان آخران (انظروا الإشعار بالتوصل)"
        "|    … و{n} سجلات أخرى (انظروا الإشعار بالتوصل)|    … و{n} سجلا آخر (انظروا الإشعار بالتوصل)"
        "|    … و{n} سجل آخر (انظروا الإشعار بالتوصل)",
        "    … and {n} more (see the receipt)|    … and {n} more (see the receipt)"),
    "consolidate.remark": ("    remarque : {problem}", "    ملاحظة: {problem}", "    note: {problem}"),
    "receipt.written": ("Accusé de réception écrit : {file}", "كُتب الإشعار بالتوصل: {file}", "Receipt written: {file}"),
    # ------------------------------------------------------------------ ministry status
    "status.late": ("EN RETARD", "متأخرة", "LATE"),
    "status.up_to_date": ("à jour", "محيَّنة", "up to date"),
    "status.enrolled": ("enregistré", "مسجَّلة", "enrolled"),
    "status.not_enrolled": ("non enregistré", "غير مسجَّلة", "not enrolled"),
    "status.key_state": ("clé {state}", "المفتاح {state}", "key {state}"),
    "status.line": (
        "{name} ({region}) — {enrolled} ; dernier lot n° {sequence} (fait le {made}, reçu le {got}) ; {records}",
        "{name} ({region}) — {enrolled}؛ آخر حزمة رقم {sequence} (أُعدّت في {made}، استُلمت في {got})؛ {records}",
        "{name} ({region}) — {enrolled}; last bundle no. {sequence} (made {made}, received {got}); {records}"),
    "status.held": ("lots en attente : {held} (attendent le n° {waiting})",
                    "حزم في الانتظار: {held} (تنتظر الرقم {waiting})",
                    "bundles held: {held} (waiting for no. {waiting})"),
    "status.refused_records": (
        "{n} enregistrement refusé non encore corrigé|{n} enregistrements refusés non encore corrigés",
        "لا سجلات مرفوضة|سجل واحد مرفوض لم يُصحَّح بعد|سجلان مرفوضان لم يُصحَّحا بعد"
        "|{n} سجلات مرفوضة لم تُصحَّح بعد|{n} سجلا مرفوضا لم يُصحَّح بعد|{n} سجل مرفوض لم يُصحَّح بعد",
        "{n} refused record not corrected yet|{n} refused records not corrected yet"),
}
CATALOGUE |= {
    # ------------------------------------------------------------------ the ministry's registry
    "enroll.rotation": ("{code} : rotation de clé appliquée ({old} → {new}) ; la chaîne de lots continue.",
                        "{code}: طُبّق تغيير المفتاح ({old} → {new})؛ سلسلة الحزم مستمرة.",
                        "{code}: key rotation applied ({old} → {new}); the chain of bundles goes on."),
    "enroll.rotation_already": (
        "{code} : rotation de clé déjà appliquée ({old} → {new}) ; la chaîne de lots continue.",
        "{code}: تغيير المفتاح مطبَّق من قبل ({old} → {new})؛ سلسلة الحزم مستمرة.",
        "{code}: key rotation already applied ({old} → {new}); the chain of bundles goes on."),
    "enroll.replaced": (
        "{code} enregistré avec sa nouvelle clé : ses lots repartent du n° 1 (nouvelle chaîne).",
        "سُجّلت {code} بمفتاحها الجديد: تبدأ حزمها من جديد من الرقم 1 (سلسلة جديدة).",
        "{code} enrolled with its new key: its bundles start again at no. 1 (new chain)."),
    "enroll.done": ("{code} enregistré.", "سُجّلت {code}.", "{code} enrolled."),
    "enroll.already": ("{code} était déjà enregistré avec cette clé.", "{code} مسجَّلة من قبل بهذا المفتاح.",
                       "{code} was already enrolled with this key."),
    "revoke.confirm_yes": (
        "la révocation refusera tous les lots signés par la clé actuelle de {code} : relancez avec --yes pour "
        "confirmer ; rien n'a été modifié",
        "الإبطال سيرفض كل الحزم الموقَّعة بالمفتاح الحالي للمؤسسة {code}: أعيدوا التشغيل مع --yes للتأكيد؛ لم يتغير شيء",
        "revoking will refuse every bundle signed by {code}'s current key: run again with --yes to confirm; "
        "nothing was changed"),
    "revoke.question": ("Révoquer la clé de {code} ? [o/N] ", "إبطال مفتاح {code}؟ [y/N] ",
                        "Revoke {code}'s key? [y/N] "),
    "revoke.not_confirmed": ("révocation non confirmée : rien n'a été modifié", "لم يُؤكَّد الإبطال: لم يتغير شيء",
                             "revocation not confirmed: nothing was changed"),
    "revoke.done": ("Clé de {code} révoquée ({fingerprint}) : ses lots seront refusés.",
                    "أُبطل مفتاح {code} ({fingerprint}): ستُرفض حزمها.",
                    "{code}'s key revoked ({fingerprint}): its bundles will be refused."),
    # ------------------------------------------------------------------ ministry verify
    "verify.valid": ("Lot valide : {name} ({code}), n° {sequence} (format {version})",
                     "حزمة صالحة: {name} ({code})، رقم {sequence} (الصيغة {version})",
                     "Valid bundle: {name} ({code}), no. {sequence} (format {version})"),
    "verify.signed": ("  signé par la clé {fingerprint} ; empreinte du lot : {hash}",
                      "  موقَّعة بالمفتاح {fingerprint}؛ بصمة الحزمة: {hash}",
                      "  signed by the key {fingerprint}; bundle hash: {hash}"),
    "verify.created": ("  créé le {created} ; lot précédent : {previous}",
                       "  أُنشئت في {created}؛ الحزمة السابقة: {previous}",
                       "  created {created}; previous bundle: {previous}"),
    "verify.first": ("aucun (premier lot)", "لا شيء (أول حزمة)", "none (first bundle)"),
    "verify.period": ("  période : {start} → {end}{full}", "  الفترة: {start} → {end}{full}",
                      "  period: {start} → {end}{full}"),
    "verify.start": ("début", "البداية", "start"),
    "verify.versions": ("  schéma {schema}, application {application}", "  المخطط {schema}، التطبيق {application}",
                        "  schema {schema}, application {application}"),
    "verify.dropped": ("  {form} : champs personnels écartés à l'arrivée ({fields})",
                       "  {form}: حقول شخصية استُبعدت عند الوصول ({fields})",
                       "  {form}: personal fields dropped on arrival ({fields})"),
    "verify.refused": ("  refusé : {line}", "  مرفوض: {line}", "  refused: {line}"),
    # ------------------------------------------------------------------ the establishments list
    "establishments.imported": ("{added}, {corrected}, {same}.", "{added}، {corrected}، {same}.",
                                "{added}, {corrected}, {same}."),
    "establishments.added": ("{n} établissement ajouté|{n} établissements ajoutés",
                             "لم تُضف أي مؤسسة|أُضيفت مؤسسة واحدة|أُضيفت مؤسستان|أُضيفت {n} مؤسسات|أُضيفت {n} مؤسسة"
                             "|أُضيفت {n} مؤسسة",
                             "{n} establishment added|{n} establishments added"),
    "establishments.corrected": ("{n} corrigé|{n} corrigés", "المصحَّحة: {n}", "{n} corrected|{n} corrected"),
    "establishments.same": ("{n} inchangé|{n} inchangés", "دون تغيير: {n}", "{n} unchanged|{n} unchanged"),
    "establishments.added_one": ("  ajouté : {code}", "  أُضيفت: {code}", "  added: {code}"),
    "establishments.corrected_one": ("  corrigé : {code}", "  صُحّحت: {code}", "  corrected: {code}"),
    "reference.written": ("Mise à jour n° {serial} écrite ({establishments}) : {file}",
                          "كُتب التحديث رقم {serial} ({establishments}): {file}",
                          "Update no. {serial} written ({establishments}): {file}"),
    "reference.how": ("Les établissements l'appliquent avec « kafaat reference import FICHIER ».",
                      "تطبّقه المؤسسات بالأمر « kafaat reference import FICHIER ».",
                      "Establishments apply it with « kafaat reference import FILE »."),
}
CATALOGUE |= {
    # ------------------------------------------------------------------ bundles refused on arrival
    "bundle.what": ("lot {code} n° {sequence}", "الحزمة {code} رقم {sequence}", "bundle {code} no. {sequence}"),
    "bundle.truncated": (
        "fichier tronqué ({part} incomplet) : demandez à l'établissement de copier à nouveau le lot",
        "ملف مبتور (نقص في {part}): اطلبوا من المؤسسة نسخ الحزمة من جديد",
        "truncated file ({part} incomplete): ask the establishment to copy the bundle again"),
    "bundle.too_large": (
        "fichier de {size} octets : au-delà de la limite de {limit} octets",
        "ملف حجمه {size} بايت: يتجاوز الحد الأقصى البالغ {limit} بايت",
        "a file of {size} bytes: beyond the limit of {limit} bytes"),
    "bundle.not_a_bundle": (
        "ce fichier n'est pas un lot Kafaat (signature de format absente) : choisissez un fichier .kfb écrit "
        "par « kafaat bundle export »",
        "هذا الملف ليس حزمة كفاءات (توقيع الصيغة غائب): اختاروا ملف .kfb كتبه الأمر « kafaat bundle export »",
        "this file is not a Kafaat bundle (format signature missing): choose a .kfb file written by "
        "« kafaat bundle export »"),
    "bundle.newer": (
        "lot au format {version} : créé par une version plus récente de Kafaat ; mettez l'application à jour",
        "حزمة بالصيغة {version}: أنشأها إصدار أحدث من كفاءات؛ حدّثوا التطبيق",
        "a bundle in format {version}: made by a newer version of Kafaat; update the application"),
    "bundle.unknown_version": (
        "lot au format {version} : version inconnue ; demandez à l'établissement un nouvel export",
        "حزمة بالصيغة {version}: صيغة غير معروفة؛ اطلبوا من المؤسسة تصديرا جديدا",
        "a bundle in format {version}: unknown version; ask the establishment for a new export"),
    "bundle.other_signer": (
        "lot déclaré signé par la clé {declared}… ; la clé enregistrée pour {code} est {enrolled}… "
        "({fingerprint}) : si l'établissement a changé de clé, appliquez sa demande (« kafaat ministry enroll »)",
        "حزمة يُدّعى أنها موقَّعة بالمفتاح {declared}…؛ المفتاح المسجَّل للمؤسسة {code} هو {enrolled}… "
        "({fingerprint}): إن غيّرت المؤسسة مفتاحها، طبّقوا طلبها (« kafaat ministry enroll »)",
        "a bundle declared signed by the key {declared}…; the key enrolled for {code} is {enrolled}… "
        "({fingerprint}): if the establishment changed its key, apply its request (« kafaat ministry enroll »)"),
    "signature.invalid": (
        "{what} : signature invalide (clé {code}, empreinte {fingerprint}) : le fichier a été modifié ou "
        "n'a pas été signé par cette clé ; demandez l'original à l'expéditeur",
        "{what}: توقيع غير صالح (المفتاح {code}، البصمة {fingerprint}): عُدّل الملف أو لم يُوقَّع بهذا المفتاح؛ "
        "اطلبوا الأصل من المرسل",
        "{what}: invalid signature (key {code}, fingerprint {fingerprint}): the file was changed or not signed "
        "by this key; ask the sender for the original"),
    "bundle.length": (
        "fichier tronqué ou prolongé : contenu de {size} octets, {announced} annoncés ; demandez à "
        "l'établissement de copier à nouveau le lot",
        "ملف مبتور أو ممدَّد: المحتوى {size} بايت بدل {announced} المعلنة؛ اطلبوا من المؤسسة نسخ الحزمة من جديد",
        "truncated or extended file: {size} bytes of content, {announced} announced; ask the establishment to "
        "copy the bundle again"),
    "bundle.tampered": (
        "le contenu chiffré a été modifié après la signature : demandez à l'établissement de copier à nouveau "
        "le lot",
        "عُدّل المحتوى المشفَّر بعد التوقيع: اطلبوا من المؤسسة نسخ الحزمة من جديد",
        "the encrypted content was changed after signing: ask the establishment to copy the bundle again"),
    "bundle.unknown_establishment": (
        "l'établissement {code} n'est pas enregistré : enregistrez d'abord sa demande (« kafaat ministry enroll »)",
        "المؤسسة {code} غير مسجَّلة: سجّلوا طلبها أولا (« kafaat ministry enroll »)",
        "the establishment {code} is not enrolled: enrol its request first (« kafaat ministry enroll »)"),
    "bundle.not_for_us": (
        "ce lot n'est pas adressé à {code} (destinataires : {recipients}) : il est à consolider par son "
        "destinataire",
        "هذه الحزمة ليست موجَّهة إلى {code} (الجهات المرسَل إليها: {recipients}): يدمجها من أُرسلت إليه",
        "this bundle is not addressed to {code} (recipients: {recipients}): its recipient consolidates it"),
    "bundle.key_does_not_open": (
        "la clé du lot ne s'ouvre pas avec la clé de {code} : vérifiez que l'établissement a la clé publique "
        "actuelle du ministère (« kafaat ministry public-key »)",
        "مفتاح الحزمة لا يُفتح بمفتاح {code}: تحققوا من أن لدى المؤسسة المفتاح العمومي الحالي للوزارة "
        "(« kafaat ministry public-key »)",
        "the bundle's key does not open with {code}'s key: check that the establishment has the ministry's "
        "current public key (« kafaat ministry public-key »)"),
    "bundle.segment": (
        "le segment n° {index} ne se déchiffre pas (données altérées, réordonnées ou tronquées) : demandez à "
        "l'établissement de copier à nouveau le lot",
        "الجزء رقم {index} لا يُفكّ تشفيره (بيانات معدَّلة أو معاد ترتيبها أو مبتورة): اطلبوا من المؤسسة نسخ "
        "الحزمة من جديد",
        "segment no. {index} does not decrypt (data altered, reordered or truncated): ask the establishment to "
        "copy the bundle again"),
    "bundle.key_revoked": (
        "lot signé par la clé de {code} révoquée le {date} : refusé ; l'établissement doit être enregistré à "
        "nouveau (« kafaat ministry enroll FICHIER --replace »)",
        "حزمة موقَّعة بمفتاح {code} الذي أُبطل في {date}: مرفوضة؛ يجب تسجيل المؤسسة من جديد "
        "(« kafaat ministry enroll FICHIER --replace »)",
        "a bundle signed by {code}'s key revoked on {date}: refused; the establishment must be enrolled again "
        "(« kafaat ministry enroll FILE --replace »)"),
    "bundle.key_closed_chain": (
        "lot signé par une ancienne clé de {code}, d'une chaîne close depuis : refusé ; demandez à "
        "l'établissement un export avec sa clé actuelle",
        "حزمة موقَّعة بمفتاح قديم للمؤسسة {code}، من سلسلة أُغلقت منذئذ: مرفوضة؛ اطلبوا من المؤسسة تصديرا "
        "بمفتاحها الحالي",
        "a bundle signed by an old key of {code}, from a chain closed since: refused; ask the establishment "
        "for an export with its current key"),
    "bundle.key_replaced": (
        "lot signé par l'ancienne clé de {code}, remplacée le {date} par un nouvel enregistrement : refusé ; "
        "demandez à l'établissement un export avec sa clé actuelle",
        "حزمة موقَّعة بالمفتاح القديم للمؤسسة {code}، المستبدَل في {date} بتسجيل جديد: مرفوضة؛ اطلبوا من "
        "المؤسسة تصديرا بمفتاحها الحالي",
        "a bundle signed by {code}'s old key, replaced on {date} by a new enrolment: refused; ask the "
        "establishment for an export with its current key"),
    "enroll.other_key": (
        "{code} est déjà enregistré avec une autre clé (empreinte {fingerprint}) : rien n'a été modifié (après "
        "la perte d'un poste : « kafaat ministry enroll FICHIER --replace », qui ouvre une nouvelle chaîne de lots)",
        "{code} مسجَّلة من قبل بمفتاح آخر (البصمة {fingerprint}): لم يتغير شيء (بعد فقدان جهاز: "
        "« kafaat ministry enroll FICHIER --replace »، الذي يفتح سلسلة حزم جديدة)",
        "{code} is already enrolled with another key (fingerprint {fingerprint}): nothing was changed (after a "
        "lost computer: « kafaat ministry enroll FILE --replace », which starts a new chain of bundles)"),
    "enroll.key_ended": (
        "cette clé de {code} est {state} depuis le {date} : elle ne peut pas être enregistrée à nouveau ; "
        "demandez à l'établissement une nouvelle demande (« kafaat keys rotate »)",
        "مفتاح {code} هذا في حالة « {state} » منذ {date}: لا يمكن تسجيله من جديد؛ اطلبوا من المؤسسة طلبا جديدا "
        "(« kafaat keys rotate »)",
        "this key of {code} is « {state} » since {date}: it cannot be enrolled again; ask the establishment for "
        "a new request (« kafaat keys rotate »)"),
    "enroll.unknown_establishment": (
        "{what} : établissement inconnu « {code} » : ajoutez-le à la liste (« kafaat ministry establishments "
        "import FICHIER.csv ») puis enregistrez-le",
        "{what}: مؤسسة غير معروفة « {code} »: أضيفوها إلى القائمة (« kafaat ministry establishments import "
        "FICHIER.csv ») ثم سجّلوها",
        "{what}: unknown establishment « {code} »: add it to the list (« kafaat ministry establishments import "
        "FILE.csv ») then enrol it"),
    "revoke.no_active_key": ("aucune clé active pour {code} : rien n'a été modifié",
                             "لا يوجد مفتاح نشط للمؤسسة {code}: لم يتغير شيء",
                             "no active key for {code}: nothing was changed"),
}
CATALOGUE |= {
    "key_state.active": ("active", "نشط", "active"),
    "key_state.rotated": ("remplacée par rotation", "مستبدَل بتغيير المفتاح", "replaced by rotation"),
    "key_state.replaced": ("remplacée (nouvel enregistrement)", "مستبدَل (تسجيل جديد)", "replaced (new enrolment)"),
    "key_state.revoked": ("révoquée", "مُبطَل", "revoked"),
}
CATALOGUE |= {
    # ------------------------------------------------------------------ init, backups, selftest
    "init.option_needed": ("{option} CODE est obligatoire pour le rôle {role}", "{option} CODE إلزامي للدور {role}",
                           "{option} CODE is required for the role {role}"),
    "init.establishment": ("Dossier initialisé pour {name} ({code}) : {folder}", "هُيّئ المجلد للمؤسسة {name} ({code}): {folder}",
                           "Folder initialised for {name} ({code}): {folder}"),
    "init.ministry": ("Dossier ministère initialisé pour {name} ({code}) : {folder}",
                      "هُيّئ مجلد الوزارة {name} ({code}): {folder}",
                      "Ministry folder initialised for {name} ({code}): {folder}"),
    "init.store": ("Magasin national : {url}", "المخزن الوطني: {url}", "National store: {url}"),
    "backup.written": ("Sauvegarde écrite : {file}", "كُتبت النسخة الاحتياطية: {file}", "Backup written: {file}"),
    "backup.daily_out": ("--daily écrit toujours dans le dossier backups/ des données : retirez SORTIE",
                         "--daily يكتب دائما في المجلد backups/ لمجلد البيانات: احذفوا SORTIE",
                         "--daily always writes into the data folder's backups/ folder: remove OUT"),
    "backup.rotated": ("  rotation : {file} supprimée", "  تدوير: حُذفت {file}", "  rotation: {file} deleted"),
    "backup.nothing": ("aucune base SQLite à sauvegarder dans ce dossier (magasin national sur PostgreSQL)",
                       "لا توجد قاعدة SQLite لنسخها احتياطيا في هذا المجلد (المخزن الوطني على PostgreSQL)",
                       "no SQLite database to back up in this folder (national store on PostgreSQL)"),
    "restore.done": ("Base restaurée depuis {file}.", "استُعيدت القاعدة من {file}.", "Database restored from {file}."),
    "restore.kept": ("L'ancienne base est conservée dans {file}", "القاعدة القديمة محفوظة في {file}",
                     "The former database is kept in {file}"),
    "selftest.line": ("{mark} {name} : {detail}", "{mark} {name}: {detail}", "{mark} {name}: {detail}"),
    "selftest.failed": ("ÉCHEC", "فشل ", "FAIL "),
    "selftest.failures": ("{n} vérification en échec|{n} vérifications en échec",
                          "لا فحص فاشل|فحص واحد فاشل|فحصان فاشلان|{n} فحوص فاشلة|{n} فحصا فاشلا|{n} فحص فاشل",
                          "{n} check failed|{n} checks failed"),
    "selftest.passed": ("Toutes les vérifications sont passées.", "نجحت كل الفحوص.", "Every check passed."),
    # ------------------------------------------------------------------ reference updates, reports, rotation
    "reference.no_trusted_key": (
        "aucune clé de ministère de confiance pour vérifier cette mise à jour : « --ministry-key FICHIER » "
        "(dossier pas encore initialisé) ou « kafaat recipients add »",
        "لا يوجد مفتاح وزارة موثوق للتحقق من هذا التحديث: « --ministry-key FICHIER » (مجلد غير مهيأ بعد) أو "
        "« kafaat recipients add »",
        "no trusted ministry key to verify this update: « --ministry-key FILE » (folder not initialised yet) "
        "or « kafaat recipients add »"),
    "reference.applied": ("Liste des établissements mise à jour (n° {serial} de {ministry}, {establishments}).",
                          "حُدّثت قائمة المؤسسات (رقم {serial} من {ministry}، {establishments}).",
                          "List of establishments updated (no. {serial} from {ministry}, {establishments})."),
    "reference.already": ("Mise à jour n° {serial} de {ministry} déjà appliquée : rien à faire.",
                          "التحديث رقم {serial} من {ministry} مطبَّق من قبل: لا شيء للقيام به.",
                          "Update no. {serial} from {ministry} already applied: nothing to do."),
    "report.written": ("Classeur écrit : {file} ({sheets}, année {year}, {covered} sur {expected} avec des données)",
                       "كُتب المصنف: {file} ({sheets}، السنة {year}، {covered} من {expected} لديها بيانات)",
                       "Workbook written: {file} ({sheets}, year {year}, {covered} of {expected} with data)"),
    "report.sheets": ("{n} feuille|{n} feuilles", "لا أوراق|ورقة واحدة|ورقتان|{n} أوراق|{n} ورقة|{n} ورقة",
                      "{n} sheet|{n} sheets"),
    "rotation.new_keys": ("Nouvelles clés de {code} ; ancienne empreinte {old}", "مفاتيح جديدة للمؤسسة {code}؛ البصمة القديمة {old}",
                          "New keys for {code}; former fingerprint {old}"),
    "rotation.fingerprint": ("Nouvelle empreinte : {fingerprint}", "البصمة الجديدة: {fingerprint}",
                             "New fingerprint: {fingerprint}"),
    "rotation.written": (
        "Demande de rotation écrite : {file} — envoyez-la à chaque ministère (« kafaat ministry enroll »)",
        "كُتب طلب تغيير المفتاح: {file} — أرسلوه إلى كل وزارة (« kafaat ministry enroll »)",
        "Rotation request written: {file} — send it to each ministry (« kafaat ministry enroll »)"),
    # ------------------------------------------------------------------ the programme key
    "programme.bad_version": ("--key-version {version} : entre 1 et {max}", "--key-version {version}: بين 1 و{max}",
                              "--key-version {version}: between 1 and {max}"),
    "programme.exists": ("{file} existe déjà : rien n'a été écrit (une clé de programme ne s'écrase jamais)",
                         "{file} موجود من قبل: لم يُكتب شيء (مفتاح البرنامج لا يُستبدل أبدا)",
                         "{file} already exists: nothing was written (a programme key is never overwritten)"),
    "programme.written": ("Clé de programme n° {version} écrite : {file}", "كُتب مفتاح البرنامج رقم {version}: {file}",
                          "Programme key no. {version} written: {file}"),
    "programme.only_establishments": (
        "Remettez-la aux seuls établissements ; aucun ministère ne doit la détenir.",
        "سلّموه للمؤسسات وحدها؛ يجب ألا تحوزه أي وزارة.",
        "Give it to the establishments only; no ministry may hold it."),
    "programme.key": ("Clé de programme n° {version}", "مفتاح البرنامج رقم {version}", "Programme key no. {version}"),
    "programme.installed": ("Clé de programme n° {version} installée.", "ثُبّت مفتاح البرنامج رقم {version}.",
                            "Programme key no. {version} installed."),
    "programme.already": ("La clé de programme n° {version} était déjà installée.",
                          "مفتاح البرنامج رقم {version} مثبَّت من قبل.",
                          "Programme key no. {version} was already installed."),
    "programme.none": ("Aucune clé de programme : le code national des étudiants n'est pas envoyé aux ministères.",
                       "لا يوجد مفتاح برنامج: لا يُرسل الرمز الوطني للطلبة إلى الوزارات.",
                       "No programme key: the students' national code is not sent to the ministries."),
    "programme.show": ("Clé de programme n° {version}, empreinte {fingerprint}",
                       "مفتاح البرنامج رقم {version}، البصمة {fingerprint}",
                       "Programme key no. {version}, fingerprint {fingerprint}"),
}
CATALOGUE |= {
    # ------------------------------------------------------------------ files refused by the import
    "import.is_folder": (
        "{file} : c'est un dossier, pas un fichier : indiquez le fichier .xlsx ou .csv qu'il contient",
        "{file}: هذا مجلد وليس ملفا: حدّدوا ملف .xlsx أو .csv الذي يحتويه",
        "{file}: this is a folder, not a file: name the .xlsx or .csv file it holds"),
    "import.access_denied": (
        "{file} : accès refusé à ce fichier : fermez-le s'il est ouvert dans Excel, ou copiez-le dans vos "
        "Documents, puis réessayez",
        "{file}: الوصول إلى هذا الملف مرفوض: أغلقوه إن كان مفتوحا في إكسل، أو انسخوه إلى مجلد المستندات، ثم أعيدوا "
        "المحاولة",
        "{file}: access to this file is denied: close it if it is open in Excel, or copy it into your "
        "Documents, then try again"),
    "import.unreadable": (
        "{file} : le fichier n'a pas pu être lu (disque ou clé USB retiré ?) : copiez-le dans vos Documents puis "
        "réessayez",
        "{file}: تعذّرت قراءة الملف (قرص أو مفتاح USB مسحوب؟): انسخوه إلى مجلد المستندات ثم أعيدوا المحاولة",
        "{file}: the file could not be read (disk or USB key removed?): copy it into your Documents then try "
        "again"),
    "import.empty_file": ("{file} : le fichier est vide", "{file}: الملف فارغ", "{file}: the file is empty"),
    "import.too_large": (
        "{file} : fichier trop volumineux ({size}, {limit} au plus) : découpez-le en plusieurs fichiers",
        "{file}: الملف كبير جدا ({size}، والحد الأقصى {limit}): قسّموه إلى عدة ملفات",
        "{file}: file too large ({size}, {limit} at most): split it into several files"),
    "import.password": (
        "{file} : le classeur est protégé par un mot de passe : enregistrez-en une copie sans mot de passe "
        "(Fichier > Informations > Protéger le classeur) puis importez-la",
        "{file}: المصنف محمي بكلمة مرور: احفظوا نسخة منه دون كلمة مرور (ملف > معلومات > حماية المصنف) ثم "
        "استوردوها",
        "{file}: the workbook is protected by a password: save a copy without a password (File > Info > "
        "Protect Workbook) then import it"),
    "import.xls": (
        "{file} : ancien format Excel (.xls) non accepté : ouvrez-le dans Excel ou LibreOffice et enregistrez-le "
        "au format .xlsx",
        "{file}: صيغة إكسل القديمة (.xls) غير مقبولة: افتحوه في إكسل أو ليبر أوفيس واحفظوه بصيغة .xlsx",
        "{file}: old Excel format (.xls) not accepted: open it in Excel or LibreOffice and save it as .xlsx"),
    "import.not_a_sheet": (
        "{file} : ce n'est ni un classeur Excel (.xlsx) ni un fichier CSV : enregistrez vos données dans l'un de "
        "ces formats",
        "{file}: ليس مصنف إكسل (.xlsx) ولا ملف CSV: احفظوا بياناتكم بإحدى هاتين الصيغتين",
        "{file}: neither an Excel workbook (.xlsx) nor a CSV file: save your data in one of these formats"),
    # ------------------------------------------------------------------ an import's columns
    "import.column_ignored": ("colonne {column} « {header} » ignorée (aucun champ de ce nom)",
                              "تُجوهل العمود {column} « {header} » (لا حقل بهذا الاسم)",
                              "column {column} « {header} » ignored (no field of that name)"),
    "import.did_you_mean": (
        "colonne ignorée : aucun champ ne s'appelle « {header} » ; vouliez-vous dire « {label} » ? Renommez "
        "l'en-tête « {rename} » pour l'importer",
        "تُجوهل العمود: لا يوجد حقل اسمه « {header} »؛ هل تقصدون « {label} »؟ أعيدوا تسمية الترويسة « {rename} » "
        "لاستيراده",
        "column ignored: no field is called « {header} »; did you mean « {label} »? Rename the header "
        "« {rename} » to import it"),
    "import.is_it_this_column": (" ; la colonne {column} « {header} » est-elle celle-ci ? renommez son en-tête",
                                 "؛ هل العمود {column} « {header} » هو هذا؟ أعيدوا تسمية ترويسته",
                                 "; is column {column} « {header} » this one? rename its header"),
    "import.required_column": (
        "colonne obligatoire absente : « {header} »{hint} (voir le modèle : kafaat template {form})",
        "عمود إلزامي غائب: « {header} »{hint} (انظروا النموذج: kafaat template {form})",
        "required column missing: « {header} »{hint} (see the template: kafaat template {form})"),
    "import.required_column_here": (
        "colonne obligatoire absente : « {header} »{hint} (voir le modèle : bouton « {button} »)",
        "عمود إلزامي غائب: « {header} »{hint} (انظروا النموذج: زر « {button} »)",
        "required column missing: « {header} »{hint} (see the template: « {button} » button)"),
    "import.required_column_new_here": (
        "colonne obligatoire absente : « {header} » (aucune ligne ne désigne un enregistrement existant ; voir le "
        "modèle : bouton « {button} »)",
        "عمود إلزامي غائب: « {header} » (لا يشير أي سطر إلى سجل موجود؛ انظروا النموذج: زر « {button} »)",
        "required column missing: « {header} » (no row names an existing record; see the template: "
        "« {button} » button)"),
    "import.required_column_new": (
        "colonne obligatoire absente : « {header} » (aucune ligne ne désigne un enregistrement existant ; voir le "
        "modèle : kafaat template {form})",
        "عمود إلزامي غائب: « {header} » (لا يشير أي سطر إلى سجل موجود؛ انظروا النموذج: kafaat template {form})",
        "required column missing: « {header} » (no row names an existing record; see the template: kafaat "
        "template {form})"),
    "import.partial": (
        "colonnes obligatoires absentes ({columns}) : les lignes qui désignent un enregistrement existant le "
        "mettent à jour et gardent ses autres valeurs ; une ligne nouvelle est refusée sans elles",
        "أعمدة إلزامية غائبة ({columns}): الأسطر التي تشير إلى سجل موجود تحدّثه وتحتفظ بقيمه الأخرى؛ ويُرفض "
        "السطر الجديد بدونها",
        "required columns missing ({columns}): rows naming an existing record update it and keep its other "
        "values; a new row is refused without them"),
    "import.empty_sheet": (
        "la feuille « {sheet} » est vide : rien à importer ; vérifiez que vous avez choisi le bon fichier",
        "الورقة « {sheet} » فارغة: لا شيء للاستيراد؛ تحققوا من أنكم اخترتم الملف الصحيح",
        "the sheet « {sheet} » is empty: nothing to import; check that you chose the right file"),
    "import.no_rows": (
        "le fichier ne contient aucune ligne de données sous l'en-tête (ligne {row}) : rien à importer ; "
        "remplissez une ligne par {form} à partir de la ligne {next}",
        "لا يحتوي الملف على أي سطر بيانات تحت الترويسة (السطر {row}): لا شيء للاستيراد؛ املؤوا سطرا لكل « {form} » "
        "ابتداء من السطر {next}",
        "the file holds no data row under the header (row {row}): nothing to import; fill one row per {form} "
        "from row {next}"),
    "record.version_conflict": (
        "{form} {id} a été modifié(e) entre-temps (version {version}, vous aviez la version {yours}) : rechargez-le "
        "avant d'enregistrer",
        "عُدّل « {form} » {id} في الأثناء (النسخة {version}، وكانت لديكم النسخة {yours}): أعيدوا تحميله قبل الحفظ",
        "{form} {id} was changed meanwhile (version {version}; you had version {yours}): reload it before saving"),
    "record.still_used": (
        "{form} {title} est encore utilisé(e) par {n} {others} : supprimez-les ou rattachez-les ailleurs d'abord",
        "« {form} » {title} ما زال مستعملا من طرف {others} (العدد: {n}): احذفوها أو اربطوها بسجل آخر أولا",
        "{form} {title} is still used by {n} {others}: delete them or attach them elsewhere first"),
    "bundle.file_changed": (
        "le fichier a changé pendant la consolidation (ce n'est plus le lot lu au début) : relancez la "
        "consolidation une fois la copie terminée",
        "تغيّر الملف أثناء التجميع (لم يعد الحزمة التي قُرئت في البداية): أعيدوا التجميع بعد انتهاء النسخ",
        "the file changed during the consolidation (it is no longer the bundle read at the start): run the "
        "consolidation again once the copy is finished"),
    "task.cancelled": ("opération annulée : rien n'a été modifié", "أُلغيت العملية: لم يتغير شيء",
                       "operation cancelled: nothing was changed"),
    "progress.reading_file": ("Lecture du fichier…", "قراءة الملف…", "Reading the file…"),
    "progress.checking_rows": ("Vérification des lignes…", "التحقق من الأسطر…", "Checking the rows…"),
    "progress.writing": ("Écriture…", "الكتابة…", "Writing…"),
    "progress.checked": ("Vérification terminée", "انتهى التحقق", "Check finished"),
    "progress.exporting": ("Export…", "التصدير…", "Exporting…"),
    "progress.exported": ("Export terminé", "انتهى التصدير", "Export finished"),
    "progress.report_establishments": ("état des établissements", "حالة المؤسسات", "establishments' status"),
    "progress.report_saving": ("enregistrement du classeur", "حفظ المصنف", "saving the workbook"),
    "progress.report_indicators": ("indicateurs : {form}", "المؤشرات: {form}", "indicators: {form}"),
    "progress.report_completeness": ("complétude", "الاكتمال", "completeness"),
    "progress.bundles_reading": ("lecture des lots", "قراءة الحزم", "reading the bundles"),
    "progress.bundles_known": ("reconnaissance des lots déjà consolidés", "التعرف على الحزم المجمعة من قبل",
                               "recognising the bundles already consolidated"),
    "progress.bundle": ("lot {establishment} n° {sequence}", "حزمة {establishment} رقم {sequence}",
                        "bundle {establishment} no. {sequence}"),
    "progress.consolidated": ("consolidation terminée", "انتهى التجميع", "consolidation finished"),
    "progress.checking_database": ("vérification de la base de données", "التحقق من قاعدة البيانات",
                                   "checking the database"),
    "progress.sealing": ("lecture, chiffrement et signature du lot n° {sequence}",
                         "قراءة الحزمة رقم {sequence} وتشفيرها وتوقيعها",
                         "reading, encrypting and signing bundle no. {sequence}"),
    "progress.outbox_writing": ("écriture dans la boîte d'envoi", "الكتابة في صندوق الإرسال", "writing to the outbox"),
    "progress.copying": ("copie vers {folder}", "النسخ إلى {folder}", "copying to {folder}"),
    "progress.done": ("terminé", "انتهى", "done"),
    "import.merged_header": (
        "en-tête en cellules fusionnées ({ref}) : défusionnez-les pour que chaque colonne ait son propre titre",
        "ترويسة في خلايا مدمجة ({ref}): ألغوا دمجها ليكون لكل عمود عنوانه الخاص",
        "header in merged cells ({ref}): unmerge them so that each column has its own title"),
    "import.merged_cells": (
        "cellules fusionnées ({ref}) : défusionnez-les et recopiez la valeur dans chaque ligne (seule la première "
        "cellule a une valeur)",
        "خلايا مدمجة ({ref}): ألغوا دمجها وانسخوا القيمة في كل سطر (الخلية الأولى وحدها تحمل قيمة)",
        "merged cells ({ref}): unmerge them and copy the value into each row (only the first cell holds a value)"),
    "import.column_not_found": ("colonne « {name} » introuvable dans l'en-tête (ligne {row})",
                                "العمود « {name} » غير موجود في الترويسة (السطر {row})",
                                "column « {name} » not found in the header (row {row})"),
    "import.column_outside": ("colonne {column} hors de la feuille (colonnes {first} à {last})",
                              "العمود {column} خارج الورقة (الأعمدة من {first} إلى {last})",
                              "column {column} is outside the sheet (columns {first} to {last})"),
    "import.not_a_field": ("« {key} » n'est pas un champ du formulaire « {form} »",
                           "« {key} » ليس حقلا من حقول الاستمارة « {form} »",
                           "« {key} » is not a field of the form « {form} »"),
    "import.two_columns": ("deux colonnes pour le même champ « {label} » ({first} et {second}) : gardez-en une",
                           "عمودان للحقل نفسه « {label} » ({first} و{second}): احتفظوا بواحد منهما",
                           "two columns for the same field « {label} » ({first} and {second}): keep one"),
    "import.formula_count": ("{n} formule|{n} formules", "لا صيغة|صيغة واحدة|صيغتين|{n} صيغ|{n} صيغة|{n} صيغة",
                             "{n} formula|{n} formulas"),
    "import.formulas": (
        "la feuille « {sheet} » contient {formulas} dans les colonnes importées ({cells}) : Kafaat n'évalue jamais "
        "de formules ; copiez ces colonnes puis « Collage spécial > Valeurs » et réessayez",
        "تحتوي الورقة « {sheet} » على {formulas} في الأعمدة المستوردة ({cells}): لا يحسب كفاءات الصيغ أبدا؛ انسخوا "
        "هذه الأعمدة ثم « لصق خاص > القيم » وأعيدوا المحاولة",
        "the sheet « {sheet} » holds {formulas} in the imported columns ({cells}): Kafaat never evaluates formulas; "
        "copy these columns, then « Paste special > Values », and try again"),
    "import.formulas_ignored": (
        "{n} formule hors des colonnes importées ignorée ({cells})|{n} formules hors des colonnes importées "
        "ignorées ({cells})",
        "لا صيغة خارج الأعمدة المستوردة ({cells})|تُجوهلت صيغة واحدة خارج الأعمدة المستوردة ({cells})"
        "|تُجوهلت صيغتان خارج الأعمدة المستوردة ({cells})|تُجوهلت {n} صيغ خارج الأعمدة المستوردة ({cells})"
        "|تُجوهلت {n} صيغة خارج الأعمدة المستوردة ({cells})|تُجوهلت {n} صيغة خارج الأعمدة المستوردة ({cells})",
        "{n} formula outside the imported columns ignored ({cells})|{n} formulas outside the imported columns "
        "ignored ({cells})"),
    "import.error_cell": ("la cellule contient l'erreur Excel « {value} » : corrigez la valeur ou videz la cellule",
                          "تحتوي الخلية على خطأ Excel « {value} »: صححوا القيمة أو أفرغوا الخلية",
                          "the cell holds the Excel error « {value} »: correct the value or empty the cell"),
    "import.question_marks": (
        "« {value} » : le texte n'est fait que de « ? » : ses lettres (arabes par exemple) ont sans doute été "
        "perdues à l'enregistrement du CSV ; ré-enregistrez le fichier au format « CSV UTF-8 » ou importez le "
        "classeur .xlsx",
        "« {value} »: النص مكوّن من « ? » فقط: ضاعت حروفه (العربية مثلا) على الأرجح عند حفظ ملف CSV؛ أعيدوا حفظ "
        "الملف بصيغة « CSV UTF-8 » أو استوردوا مصنف xlsx",
        "« {value} »: the text is only « ? »: its letters (Arabic, for instance) were probably lost when the CSV "
        "was saved; save the file again as « CSV UTF-8 » or import the .xlsx workbook"),
    "import.unknown_status": ("« {word} » : statut inconnu (Complet ou Brouillon)",
                              "« {word} »: حالة غير معروفة (مكتمل أو مسودة)",
                              "« {word} »: unknown status (Complete or Draft)"),
    "import.number_identifier": (
        "« {shown} » était un nombre dans le fichier : si l'identifiant commençait par des zéros (0{shown}), Excel "
        "les a supprimés ; formatez la colonne en texte et saisissez-le tel quel",
        "« {shown} » كان رقما في الملف: إذا كان المعرف يبدأ بأصفار (0{shown}) فقد حذفها Excel؛ نسّقوا العمود "
        "كنص وأدخلوه كما هو",
        "« {shown} » was a number in the file: if the identifier began with zeros (0{shown}), Excel removed them; "
        "format the column as text and type it as it is"),
    "import.partial_new": (
        "aucun(e) {form} enregistré(e) n'a cette clé : pour le créer, il faut les colonnes obligatoires absentes "
        "du fichier ({columns}) ; ajoutez-les ou corrigez la clé",
        "لا يوجد « {form} » محفوظ بهذا المفتاح: لإنشائه تلزم الأعمدة الإلزامية الغائبة عن الملف ({columns})؛ "
        "أضيفوها أو صححوا المفتاح",
        "no stored {form} has this key: to create one, the file needs the required columns it lacks ({columns}); "
        "add them or correct the key"),
    "import.draft_issue": ("(brouillon) {text}", "(مسودة) {text}", "(draft) {text}"),
    "import.same_key": ("même {fields} que la ligne {first} : une seule ligne par {form}",
                        "نفس {fields} الموجود في السطر {first}: سطر واحد فقط لكل « {form} »",
                        "same {fields} as row {first}: one row only per {form}"),
    "import.same_id": (
        "même identifiant que la ligne {first} ({id}) : une ligne copiée garde l'identifiant de l'autre ; videz "
        "cette cellule pour créer un nouvel enregistrement",
        "نفس المعرف الموجود في السطر {first} ({id}): السطر المنسوخ يحتفظ بمعرف السطر الآخر؛ أفرغوا هذه الخلية "
        "لإنشاء سجل جديد",
        "same identifier as row {first} ({id}): a copied row keeps the other's identifier; empty this cell to "
        "create a new record"),
    "import.same_record": ("désigne le même enregistrement que la ligne {first} : une seule ligne par {form}",
                           "يشير إلى نفس السجل الذي يشير إليه السطر {first}: سطر واحد فقط لكل « {form} »",
                           "names the same record as row {first}: one row only per {form}"),
    "import.hidden_row": (
        "ligne masquée dans le classeur : elle est importée comme les autres ; supprimez-la du fichier si elle ne "
        "doit pas l'être",
        "سطر مخفي في المصنف: يُستورد كباقي الأسطر؛ احذفوه من الملف إن كان لا ينبغي استيراده",
        "row hidden in the workbook: it is imported like the others; delete it from the file if it should not be"),
    "import.hidden_row_filtered": (
        "ligne masquée dans le classeur (par un filtre ou à la main) : elle est importée comme les autres ; "
        "supprimez-la du fichier si elle ne doit pas l'être",
        "سطر مخفي في المصنف (بمرشِّح أو يدويا): يُستورد كباقي الأسطر؛ احذفوه من الملف إن كان لا ينبغي استيراده",
        "row hidden in the workbook (by a filter or by hand): it is imported like the others; delete it from the "
        "file if it should not be"),
    "import.hidden_rows": (
        "{n} ligne masquée dans le classeur : elle est importée comme les autres ; affichez-la (ou retirez le "
        "filtre) pour la vérifier|{n} lignes masquées dans le classeur : elles sont importées comme les autres ; "
        "affichez-les (ou retirez le filtre) pour les vérifier",
        "لا سطر مخفي في المصنف|سطر واحد مخفي في المصنف: يُستورد كباقي الأسطر؛ أظهروه (أو أزيلوا المرشِّح) "
        "للتحقق منه|سطران مخفيان في المصنف: يُستوردان كباقي الأسطر؛ أظهروهما (أو أزيلوا المرشِّح) للتحقق منهما"
        "|{n} أسطر مخفية في المصنف: تُستورد كباقي الأسطر؛ أظهروها (أو أزيلوا المرشِّح) للتحقق منها"
        "|{n} سطرا مخفيا في المصنف: تُستورد كباقي الأسطر؛ أظهروها (أو أزيلوا المرشِّح) للتحقق منها"
        "|{n} سطر مخفي في المصنف: تُستورد كباقي الأسطر؛ أظهروها (أو أزيلوا المرشِّح) للتحقق منها",
        "{n} row hidden in the workbook: it is imported like the others; show it (or remove the filter) to check "
        "it|{n} rows hidden in the workbook: they are imported like the others; show them (or remove the filter) "
        "to check them"),
}
CATALOGUE |= {
    # ------------------------------------------------------------------ keys and signed documents
    "passphrase.short": (
        "phrase de passe trop courte : au moins {n} caractères ; rien n'a été créé ni modifié",
        "عبارة المرور قصيرة جدا: {n} حرفا على الأقل؛ لم يُنشأ ولم يتغير شيء",
        "passphrase too short: at least {n} characters; nothing was created or changed"),
    "keys.exist": (
        "les clés de {folder} existent déjà : rien n'a été modifié (« kafaat keys passphrase » pour changer la "
        "phrase de passe)",
        "مفاتيح {folder} موجودة من قبل: لم يتغير شيء (« kafaat keys passphrase » لتغيير عبارة المرور)",
        "the keys of {folder} already exist: nothing was changed (« kafaat keys passphrase » to change the "
        "passphrase)"),
    "keys.missing": ("aucune clé dans {folder} : créez-les avec « kafaat keys create »",
                     "لا توجد مفاتيح في {folder}: أنشئوها بالأمر « kafaat keys create »",
                     "no keys in {folder}: create them with « kafaat keys create »"),
    "keys.other_folder": (
        "{file} : clé de {role} {code}, pas de ce dossier ({here}) : utilisez le dossier de données de {code}",
        "{file}: مفتاح {role} {code}، وليس لهذا المجلد ({here}): استعملوا مجلد بيانات {code}",
        "{file}: a key of {role} {code}, not of this folder ({here}): use {code}'s data folder"),
    "document.too_large": (
        "{what} : fichier trop grand ({size} octets, maximum {limit}) : vérifiez que c'est le bon fichier",
        "{what}: ملف كبير جدا ({size} بايت، والحد الأقصى {limit}): تحققوا من أنه الملف الصحيح",
        "{what}: file too large ({size} bytes, at most {limit}): check that it is the right file"),
    "document.other_type": (
        "{what} : ce n'est pas un document « {type} » : vérifiez que c'est le bon fichier",
        "{what}: ليس وثيقة من نوع « {type} »: تحققوا من أنه الملف الصحيح",
        "{what}: not a « {type} » document: check that it is the right file"),
    "document.not_establishment": (
        "{what} : ce fichier n'est pas celui d'un établissement (rôle « {role} ») : demandez à l'établissement "
        "sa demande d'enregistrement (« kafaat keys enrollment-request »)",
        "{what}: هذا الملف ليس ملف مؤسسة (الدور « {role} »): اطلبوا من المؤسسة طلب تسجيلها "
        "(« kafaat keys enrollment-request »)",
        "{what}: this file is not an establishment's (role « {role} »): ask the establishment for its "
        "enrolment request (« kafaat keys enrollment-request »)"),
    "document.not_ministry": (
        "{what} : ce fichier n'est pas celui d'un ministère (rôle « {role} ») : demandez au ministère sa clé "
        "publique (« kafaat ministry public-key »)",
        "{what}: هذا الملف ليس ملف وزارة (الدور « {role} »): اطلبوا من الوزارة مفتاحها العمومي "
        "(« kafaat ministry public-key »)",
        "{what}: this file is not a ministry's (role « {role} »): ask the ministry for its public key "
        "(« kafaat ministry public-key »)"),
    "document.not_utf8": ("{what} : texte UTF-8 invalide : vérifiez que c'est le bon fichier",
                          "{what}: نص UTF-8 غير صالح: تحققوا من أنه الملف الصحيح",
                          "{what}: invalid UTF-8 text: check that it is the right file"),
    "document.not_json": ("{what} : JSON invalide : vérifiez que c'est le bon fichier",
                          "{what}: JSON غير صالح: تحققوا من أنه الملف الصحيح",
                          "{what}: invalid JSON: check that it is the right file"),
}
CATALOGUE |= {
    "csv.read": ("CSV lu en {encoding}, séparateur {separator}", "قُرئ ملف CSV بترميز {encoding}، والفاصل {separator}",
                 "CSV read as {encoding}, separator {separator}"),
    "csv.semicolon": ("point-virgule", "الفاصلة المنقوطة", "semicolon"),
    "csv.comma": ("virgule", "الفاصلة", "comma"),
    "csv.tab": ("tabulation", "علامة الجدولة", "tab"),
    "sheet.hidden_ignored": ("feuille masquée « {sheet} » ignorée", "تُجوهلت الورقة المخفية « {sheet} »",
                             "hidden sheet « {sheet} » ignored"),
    "sheet.ignored": ("feuille « {sheet} » ignorée (seule la feuille « {chosen} » est importée)",
                      "تُجوهلت الورقة « {sheet} » (لا تُستورد إلا الورقة « {chosen} »)",
                      "sheet « {sheet} » ignored (only the sheet « {chosen} » is imported)"),
}
CATALOGUE |= {
    # ------------------------------------------------------------------ the database
    "db.restore_latest": (
        "restaurez la dernière sauvegarde avec « kafaat restore \"{file}\" » (la base actuelle sera conservée à "
        "part dans backups/)",
        "استعيدوا آخر نسخة احتياطية بالأمر « kafaat restore \"{file}\" » (ستُحفظ القاعدة الحالية جانبا في backups/)",
        "restore the latest backup with « kafaat restore \"{file}\" » (the current database will be kept aside in "
        "backups/)"),
    "db.restore_any": (
        "restaurez une sauvegarde avec « kafaat restore FICHIER » (la base actuelle sera conservée à part dans "
        "backups/)",
        "استعيدوا نسخة احتياطية بالأمر « kafaat restore FICHIER » (ستُحفظ القاعدة الحالية جانبا في backups/)",
        "restore a backup with « kafaat restore FILE » (the current database will be kept aside in backups/)"),
    "db.or_if_lost": (" ; ou, si elle a été perdue, {way_out}", "؛ أو، إن ضاعت، {way_out}", "; or, if it was lost, {way_out}"),
    "db.missing": (
        "aucune base de données dans {folder} : initialisez d'abord le dossier avec « kafaat init »{hint}",
        "لا توجد قاعدة بيانات في {folder}: هيّئوا المجلد أولا بالأمر « kafaat init »{hint}",
        "no database in {folder}: initialise the folder first with « kafaat init »{hint}"),
    "db.disk_full": (
        "le disque du dossier {folder} est plein : rien n'a été enregistré ni écrit à moitié ; libérez de la "
        "place puis relancez",
        "قرص المجلد {folder} ممتلئ: لم يُحفظ شيء ولم يُكتب أي شيء جزئيا؛ حرّروا مساحة ثم أعيدوا التشغيل",
        "the disk of the folder {folder} is full: nothing was saved or half-written; free some space then run "
        "again"),
    "db.busy_by": ("par {who}", "من طرف {who}", "by {who}"),
    "db.busy_other": ("par une autre opération (la fenêtre Kafaat ou une autre commande)",
                      "من طرف عملية أخرى (نافذة كفاءات أو أمر آخر)",
                      "by another operation (the Kafaat window or another command)"),
    "db.busy": (
        "la base {file} est occupée {by} depuis plus de {seconds} s : attendez la fin de cette opération puis "
        "relancez ; rien n'a été enregistré",
        "القاعدة {file} مشغولة {by} منذ أكثر من {seconds} ثانية: انتظروا انتهاء هذه العملية ثم أعيدوا التشغيل؛ "
        "لم يُحفظ شيء",
        "the database {file} has been busy {by} for more than {seconds} s: wait until that operation ends then "
        "run again; nothing was saved"),
    "db.read_only": (
        "le dossier de données {folder} ne peut pas être écrit (lecture seule : clé USB verrouillée, partage ou "
        "droits insuffisants) : rien n'a été modifié ; les commandes de consultation restent possibles, copiez le "
        "dossier ailleurs (avec « kafaat backup ») pour y travailler",
        "لا يمكن الكتابة في مجلد البيانات {folder} (للقراءة فقط: مفتاح USB مقفل، أو مشاركة، أو صلاحيات غير كافية): "
        "لم يتغير شيء؛ تبقى أوامر الاطلاع ممكنة، انسخوا المجلد إلى مكان آخر (بالأمر « kafaat backup ») للعمل فيه",
        "the data folder {folder} cannot be written (read-only: locked USB key, share or missing rights): nothing "
        "was changed; read-only commands still work, copy the folder elsewhere (with « kafaat backup ») to work "
        "in it"),
    "db.damaged": (
        "la base {file} est endommagée ({detail}) : plus rien n'y est écrit ; {way_out}",
        "القاعدة {file} تالفة ({detail}): لم يعد يُكتب فيها شيء؛ {way_out}",
        "the database {file} is damaged ({detail}): nothing more is written to it; {way_out}"),
    "db.unreadable": (
        "{file} n'est pas une base de données Kafaat lisible ({reason}) : {way_out}",
        "{file} ليست قاعدة بيانات كفاءات مقروءة ({reason}): {way_out}",
        "{file} is not a readable Kafaat database ({reason}): {way_out}"),
    "db.no_tables": (
        "{file} ne contient aucune des tables de Kafaat (base vide ou remplacée) : rien n'a été modifié ; {way_out}",
        "{file} لا تحتوي أي جدول من جداول كفاءات (قاعدة فارغة أو مستبدلة): لم يتغير شيء؛ {way_out}",
        "{file} holds none of Kafaat's tables (empty or replaced database): nothing was changed; {way_out}"),
    "db.too_new": (
        "la base de données {file} a été écrite par une version plus récente de Kafaat (schéma {revision}) : "
        "installez cette version ou une plus récente ; rien n'a été modifié",
        "كتب قاعدةَ البيانات {file} إصدارٌ أحدث من كفاءات (المخطط {revision}): ثبّتوا ذلك الإصدار أو أحدث منه؛ "
        "لم يتغير شيء",
        "the database {file} was written by a newer version of Kafaat (schema {revision}): install that version "
        "or a newer one; nothing was changed"),
    "db.foreign": (
        "{file} est la base de l'établissement « {owner} », pas de « {establishment} » (fichier copié depuis un "
        "autre dossier ?) : rien n'a été lu ni écrit ; {way_out}",
        "{file} قاعدة المؤسسة « {owner} » وليست قاعدة « {establishment} » (ملف منسوخ من مجلد آخر؟): لم يُقرأ ولم "
        "يُكتب شيء؛ {way_out}",
        "{file} is the database of the establishment « {owner} », not « {establishment} » (a file copied from "
        "another folder?): nothing was read or written; {way_out}"),
    "db.empty": (
        "{file} est vide (0 octet) : ce n'est plus la base de données de ce dossier ; rien n'a été modifié ; "
        "{way_out}",
        "{file} فارغة (0 بايت): لم تعد قاعدة بيانات هذا المجلد؛ لم يتغير شيء؛ {way_out}",
        "{file} is empty (0 bytes): it is no longer this folder's database; nothing was changed; {way_out}"),
    "db.bad_header": (
        "{file} n'est pas une base de données Kafaat lisible (en-tête endommagé) : rien n'a été modifié ; "
        "{way_out}",
        "{file} ليست قاعدة بيانات كفاءات مقروءة (ترويسة تالفة): لم يتغير شيء؛ {way_out}",
        "{file} is not a readable Kafaat database (damaged header): nothing was changed; {way_out}"),
    "db.other_application": (
        "{file} est une base SQLite d'une autre application : rien n'a été modifié ; choisissez un dossier de "
        "données Kafaat",
        "{file} قاعدة SQLite لتطبيق آخر: لم يتغير شيء؛ اختاروا مجلد بيانات كفاءات",
        "{file} is another application's SQLite database: nothing was changed; choose a Kafaat data folder"),
}
CATALOGUE |= {
    "record.unknown_id": ("aucun(e) {form} n'a l'identifiant {id}", "لا يوجد سجل في « {form} » بالمعرّف {id}",
                          "no record of « {form} » has the identifier {id}"),
    "recipients.other_key": (
        "une autre clé est déjà enregistrée pour {code} (empreinte {fingerprint}) : rien n'a été modifié ; "
        "supprimez {file} après vérification auprès du ministère",
        "مفتاح آخر مسجَّل من قبل للجهة {code} (البصمة {fingerprint}): لم يتغير شيء؛ احذفوا {file} بعد التحقق "
        "مع الوزارة",
        "another key is already recorded for {code} (fingerprint {fingerprint}): nothing was changed; delete "
        "{file} after checking with the ministry"),
    "recipients.unknown_ministry": (
        "{file} : ministère inconnu « {code} » : vérifiez que c'est la clé publique d'un ministère du programme",
        "{file}: وزارة غير معروفة « {code} »: تحققوا من أنه المفتاح العمومي لوزارة من وزارات البرنامج",
        "{file}: unknown ministry « {code} »: check that it is the public key of one of the programme's "
        "ministries"),
    "rotation.unknown_old": (
        "{what} : signée par une clé de {code} que ce ministère n'a pas enregistrée : rien n'a été modifié",
        "{what}: موقَّع بمفتاح للمؤسسة {code} لم تسجّله هذه الوزارة: لم يتغير شيء",
        "{what}: signed by a key of {code} this ministry has not enrolled: nothing was changed"),
    "rotation.new_known": ("{what} : la nouvelle clé est déjà enregistrée ({state})",
                           "{what}: المفتاح الجديد مسجَّل من قبل ({state})",
                           "{what}: the new key is already enrolled ({state})"),
    "rotation.old_ended": ("{what} : l'ancienne clé de {code} est {state} : rien n'a été modifié",
                           "{what}: المفتاح القديم للمؤسسة {code} في حالة « {state} »: لم يتغير شيء",
                           "{what}: {code}'s old key is « {state} »: nothing was changed"),
    "receipt.not_consolidated": (
        "aucun lot n° {sequence} de {code} n'a été consolidé : pas d'accusé à écrire ; vérifiez le numéro "
        "(« kafaat ministry status »)",
        "لم تُدمج أي حزمة رقم {sequence} من {code}: لا إشعار للكتابة؛ تحققوا من الرقم (« kafaat ministry status »)",
        "no bundle no. {sequence} from {code} was consolidated: no receipt to write; check the number "
        "(« kafaat ministry status »)"),
}
# hostile inputs (outside the end of the file, where other branches append)
CATALOGUE |= {
    "national.store_empty": (
        "le magasin national {file} est vide (0 octet) : ce n'est plus la base de ce dossier ministère ; rien n'a "
        "été modifié ; remettez à sa place la dernière sauvegarde de ce fichier (sauvegardes quotidiennes dans "
        "{backups}) puis consolidez de nouveau les lots reçus depuis : ceux déjà appliqués sont reconnus",
        "المخزن الوطني {file} فارغ (0 بايت): لم يعد قاعدة مجلد الوزارة هذا؛ لم يتغير شيء؛ ضعوا مكانه آخر نسخة "
        "احتياطية من هذا الملف (النسخ اليومية في {backups}) ثم أعيدوا توحيد الحزم المستلمة منذ ذلك الحين: "
        "يُتعرَّف على ما طُبّق منها",
        "the national store {file} is empty (0 bytes): it is no longer this ministry folder's database; nothing "
        "was changed; put the latest backup of this file in its place (daily backups in {backups}) then "
        "consolidate again the bundles received since: those already applied are recognised"),
    "xlsx.strict": (
        "{file} : classeur enregistré au format « Feuille de calcul Open XML Strict », que Kafaat ne lit pas : "
        "ouvrez-le dans Excel et enregistrez-le sous le type « Classeur Excel (*.xlsx) »",
        "{file}: مصنف محفوظ بصيغة « Strict Open XML Spreadsheet » التي لا يقرؤها كفاءات: افتحوه في إكسل واحفظوه "
        "بنوع « Excel Workbook (*.xlsx) »",
        "{file}: workbook saved as « Strict Open XML Spreadsheet », which Kafaat does not read: open it in Excel "
        "and save it as type « Excel Workbook (*.xlsx) »"),
    "file.not_regular": (
        "{file} : ce n'est pas un fichier mais un périphérique ou un tube : choisissez le fichier lui-même",
        "{file}: ليس ملفا بل جهازا أو أنبوبا: اختاروا الملف نفسه",
        "{file}: not a file but a device or a pipe: choose the file itself"),
    "export.outdir_unusable": (
        "{folder} ne peut pas servir de dossier ({reason}) : nommez le dossier (la clé USB…) où écrire le lot ; "
        "aucun lot n'a été écrit",
        "لا يمكن استعمال {folder} مجلدا ({reason}): سمّوا المجلد (مفتاح USB…) الذي تُكتب فيه الحزمة؛ لم تُكتب أي حزمة",
        "{folder} cannot be used as a folder ({reason}): name the folder (the USB key…) to write the bundle to; no "
        "bundle was written"),
    "export.outdir_not_folder": (
        "{folder} est un fichier, pas un dossier : nommez le dossier (la clé USB…) où écrire le lot ; aucun lot "
        "n'a été écrit",
        "{folder} ملف وليس مجلدا: سمّوا المجلد (مفتاح USB…) الذي تُكتب فيه الحزمة؛ لم تُكتب أي حزمة",
        "{folder} is a file, not a folder: name the folder (the USB key…) to write the bundle to; no bundle was "
        "written"),
    "restore.send_full": (
        "Les ministères ont pu recevoir des lots faits après cette sauvegarde : envoyez-leur maintenant un lot "
        "complet (« kafaat bundle export --full ») pour que leurs données redeviennent celles-ci",
        "ربما تلقت الوزارات حزما أُعدّت بعد هذه النسخة الاحتياطية: أرسلوا إليها الآن حزمة كاملة "
        "(« kafaat bundle export --full ») لتعود بياناتها مطابقة لهذه",
        "The ministries may have received bundles made after this backup: send them a complete bundle now "
        "(« kafaat bundle export --full ») so that their data become these again"),
    "backup.not_written": ("{file} n'a pas été écrite : {reason}", "لم تُكتب {file}: {reason}",
                           "{file} was not written: {reason}"),
    "consolidate.receipts_not_written": (
        "les accusés de réception n'ont pas tous pu être écrits dans {folder} ({reason}) : les lots ci-dessus sont "
        "bien consolidés ; libérez de la place puis écrivez chaque accusé manquant avec « kafaat ministry receipt "
        "ÉTABLISSEMENT NUMÉRO {folder} »",
        "تعذّرت كتابة كل إشعارات الاستلام في {folder} ({reason}): الحزم أعلاه موحَّدة فعلا؛ حرّروا مساحة ثم اكتبوا كل "
        "إشعار ناقص بالأمر « kafaat ministry receipt المؤسسة الرقم {folder} »",
        "not every receipt could be written into {folder} ({reason}): the bundles above are consolidated; free some "
        "space then write each missing receipt with « kafaat ministry receipt ESTABLISHMENT SEQ {folder} »"),
    "national.store_damaged": (
        "le magasin national {file} est illisible ou endommagé ({reason}) : rien n'a été modifié ; remettez à "
        "sa place la dernière sauvegarde de ce fichier (sauvegardes quotidiennes dans {backups}) puis consolidez "
        "de nouveau les lots reçus depuis : ceux déjà appliqués sont reconnus",
        "المخزن الوطني {file} غير مقروء أو تالف ({reason}): لم يتغير شيء؛ ضعوا مكانه آخر نسخة احتياطية من هذا "
        "الملف (النسخ اليومية في {backups}) ثم أعيدوا توحيد الحزم المستلمة منذ ذلك الحين: يُتعرَّف على ما طُبّق منها",
        "the national store {file} is unreadable or damaged ({reason}): nothing was changed; put the latest "
        "backup of this file in its place (daily backups in {backups}) then consolidate again the bundles "
        "received since: those already applied are recognised"),
}
CATALOGUE |= {
    # ------------------------------------------------------------------ restore
    "sqlite.not_a_database": ("ce n'est pas une base SQLite", "ليس قاعدة SQLite", "not an SQLite database"),
    "sqlite.malformed": ("base endommagée", "قاعدة معطوبة", "damaged database"),
    "restore.unreadable": ("{file} n'est pas une sauvegarde Kafaat lisible : {reason} ; choisissez une autre "
                           "sauvegarde",
                           "{file} ليست نسخة احتياطية مقروءة لكفاءات: {reason}؛ اختاروا نسخة أخرى",
                           "{file} is not a readable Kafaat backup: {reason}; choose another backup"),
    "restore.not_a_backup": ("{file} n'est pas une sauvegarde Kafaat (aucun schéma) : choisissez un fichier de "
                             "backups/",
                             "{file} ليست نسخة احتياطية لكفاءات (لا مخطط): اختاروا ملفا من backups/",
                             "{file} is not a Kafaat backup (no schema): choose a file from backups/"),
    "restore.too_new": ("{file} vient d'une version plus récente de Kafaat (schéma {revision}) : installez cette "
                        "version pour la restaurer",
                        "{file} من إصدار أحدث من كفاءات (المخطط {revision}): ثبّتوا ذلك الإصدار لاستعادتها",
                        "{file} comes from a newer version of Kafaat (schema {revision}): install that version to "
                        "restore it"),
    "restore.damaged": ("{file} est endommagée ({detail}) : choisissez une autre sauvegarde",
                        "{file} تالفة ({detail}): اختاروا نسخة احتياطية أخرى",
                        "{file} is damaged ({detail}): choose another backup"),
    "restore.national_here": (
        "{file} est la sauvegarde du magasin national d'un ministère : restaurez-la dans le dossier de ce "
        "ministère ; rien n'a été restauré",
        "{file} نسخة احتياطية للمخزن الوطني لوزارة: استعيدوها في مجلد تلك الوزارة؛ لم يُستعد شيء",
        "{file} is the backup of a ministry's national store: restore it in that ministry's folder; nothing was "
        "restored"),
    "restore.not_national": (
        "{file} n'est pas une sauvegarde du magasin national (aucun schéma national) : choisissez un fichier "
        "national-….db de backups/ ; rien n'a été restauré",
        "{file} ليست نسخة احتياطية للمخزن الوطني (لا مخطط وطني): اختاروا ملفا national-….db من backups/؛ "
        "لم يُستعد شيء",
        "{file} is not a backup of the national store (no national schema): choose a national-….db file from "
        "backups/; nothing was restored"),
    "restore.establishment_db": (
        "{file} est la base d'un établissement, pas un magasin national : choisissez un fichier national-….db "
        "de backups/ ; rien n'a été restauré",
        "{file} قاعدة مؤسسة وليست مخزنا وطنيا: اختاروا ملفا national-….db من backups/؛ لم يُستعد شيء",
        "{file} is an establishment's database, not a national store: choose a national-….db file from "
        "backups/; nothing was restored"),
    "restore.other_ministry": (
        "{file} est le magasin national de « {owner} », pas de « {ministry} » : rien n'a été restauré",
        "{file} هو المخزن الوطني لـ « {owner} » وليس لـ « {ministry} »: لم يُستعد شيء",
        "{file} is the national store of « {owner} », not « {ministry} »: nothing was restored"),
    "restore.postgresql": (
        "le magasin national de ce dossier est sur un serveur PostgreSQL : restaurez-le avec les outils du "
        "serveur (pg_restore) ; rien n'a été modifié",
        "المخزن الوطني لهذا المجلد على خادم PostgreSQL: استعيدوه بأدوات الخادم (pg_restore)؛ لم يتغير شيء",
        "this folder's national store is on a PostgreSQL server: restore it with the server's tools "
        "(pg_restore); nothing was changed"),
    "restore.national_again": (
        "Consolidez de nouveau les lots reçus depuis cette sauvegarde : ceux déjà appliqués sont reconnus.",
        "أعيدوا دمج الحزم المستلمة منذ هذه النسخة: الحزم المطبقة من قبل يُتعرف عليها.",
        "Consolidate again the bundles received since this backup: those already applied are recognised."),
    "restore.foreign": ("{file} est la sauvegarde de l'établissement « {owner} », pas de « {establishment} » : "
                        "rien n'a été restauré",
                        "{file} نسخة احتياطية للمؤسسة « {owner} » وليست للمؤسسة « {establishment} »: لم يُستعد شيء",
                        "{file} is the backup of the establishment « {owner} », not « {establishment} »: nothing "
                        "was restored"),
    "restore.busy": (
        "la base {file} est en cours d'écriture {by} : rien n'a été restauré ; attendez la fin de cette "
        "opération (ou fermez la fenêtre) puis relancez « kafaat restore »",
        "القاعدة {file} قيد الكتابة {by}: لم يُستعد شيء؛ انتظروا انتهاء هذه العملية (أو أغلقوا النافذة) ثم أعيدوا "
        "تشغيل « kafaat restore »",
        "the database {file} is being written {by}: nothing was restored; wait until that operation ends (or "
        "close the window) then run « kafaat restore » again"),
}
CATALOGUE |= {
    # ------------------------------------------------------------------ damaged or crafted workbooks, CSV files
    "size.mb": ("{size} Mo", "{size} ميغابايت", "{size} MB"),
    "count.formulas": ("{n} formule|{n} formules",
                       "لا صيغ|صيغة واحدة|صيغتين|{n} صيغ|{n} صيغة|{n} صيغة",
                       "{n} formula|{n} formulas"),
    "count.text_cells": ("{n} cellule de texte|{n} cellules de texte",
                         "لا خلايا نصية|خلية نصية واحدة|خليتان نصيتان|{n} خلايا نصية|{n} خلية نصية|{n} خلية نصية",
                         "{n} text cell|{n} text cells"),
    "csv.utf8_bom": ("UTF-8 (avec BOM)", "UTF-8 (مع BOM)", "UTF-8 (with BOM)"),
    "csv.cp1256": ("Windows-1256 (arabe)", "Windows-1256 (عربي)", "Windows-1256 (Arabic)"),
    "xlsx.damaged_archive": (
        "{file} : archive .xlsx endommagée ou incomplète : ouvrez-le dans Excel et ré-enregistrez-le "
        "(Fichier > Enregistrer sous > .xlsx)",
        "{file}: أرشيف .xlsx تالف أو ناقص: افتحوه في Excel وأعيدوا حفظه (ملف > حفظ باسم > .xlsx)",
        "{file}: damaged or incomplete .xlsx archive: open it in Excel and save it again (File > Save As > .xlsx)"),
    "xlsx.too_many_members": (
        "{file} : structure anormale ({count} éléments dans l'archive) : fichier refusé",
        "{file}: بنية غير عادية (عدد العناصر في الأرشيف: {count}): الملف مرفوض",
        "{file}: abnormal structure ({count} items in the archive): file refused"),
    "xlsx.ods": (
        "{file} : classeur OpenDocument (.ods) : enregistrez-le au format .xlsx (Fichier > Enregistrer sous > "
        "Excel 2007-365)",
        "{file}: مصنف OpenDocument (.ods): احفظوه بصيغة .xlsx (ملف > حفظ باسم > Excel 2007-365)",
        "{file}: OpenDocument workbook (.ods): save it as .xlsx (File > Save As > Excel 2007-365)"),
    "xlsx.not_excel": (
        "{file} : ce n'est pas un classeur Excel (.xlsx) : enregistrez vos données au format .xlsx ou .csv",
        "{file}: ليس مصنف Excel (.xlsx): احفظوا بياناتكم بصيغة .xlsx أو .csv",
        "{file}: not an Excel workbook (.xlsx): save your data as .xlsx or .csv"),
    "xlsx.odd_compression": (
        "{file} : archive compressée d'une façon qu'Excel n'utilise pas ({member}) : ouvrez le fichier dans Excel "
        "ou LibreOffice et ré-enregistrez-le au format .xlsx",
        "{file}: أرشيف مضغوط بطريقة لا يستعملها Excel ({member}): افتحوا الملف في Excel أو LibreOffice وأعيدوا "
        "حفظه بصيغة .xlsx",
        "{file}: an archive compressed in a way Excel does not use ({member}): open the file in Excel or "
        "LibreOffice and save it again as .xlsx"),
    "xlsx.ratio": (
        "{file} : taux de compression anormal pour {member} ({ratio} pour 1, {limit} au plus) : fichier refusé "
        "par sécurité",
        "{file}: نسبة ضغط غير عادية للعنصر {member} ({ratio} إلى 1، والحد الأقصى {limit}): رُفض الملف احتياطا",
        "{file}: abnormal compression ratio for {member} ({ratio} to 1, at most {limit}): file refused for "
        "safety"),
    "xlsx.too_big_uncompressed": (
        "{file} : le classeur décompressé ferait {size} ({limit} au plus) : découpez-le en plusieurs fichiers",
        "{file}: سيبلغ حجم المصنف بعد فك ضغطه {size} (والحد الأقصى {limit}): قسّموه إلى عدة ملفات",
        "{file}: the uncompressed workbook would take {size} (at most {limit}): split it into several files"),
    "xlsx.member_damaged": (
        "{file} : archive .xlsx endommagée ({member} illisible) : ouvrez-le dans Excel et ré-enregistrez-le",
        "{file}: أرشيف .xlsx تالف (تعذّرت قراءة {member}): افتحوه في Excel وأعيدوا حفظه",
        "{file}: damaged .xlsx archive ({member} unreadable): open it in Excel and save it again"),
    "xlsx.doctype": (
        "{file} : {member} déclare des entités XML (<!DOCTYPE>), ce qu'Excel ne fait jamais : fichier refusé "
        "par sécurité ; demandez le fichier d'origine",
        "{file}: يعلن {member} كيانات XML (<!DOCTYPE>)، وهو ما لا يفعله Excel أبدا: رُفض الملف احتياطا؛ اطلبوا "
        "الملف الأصلي",
        "{file}: {member} declares XML entities (<!DOCTYPE>), which Excel never does: file refused for safety; "
        "ask for the original file"),
    "xlsx.count": (
        "{file} : {member} annonce {value} éléments « {element} » ({attribute}) alors qu'il ne peut en contenir "
        "plus de {most} : fichier endommagé ou fabriqué, refusé sans être lu ; ouvrez-le dans Excel et "
        "ré-enregistrez-le, ou demandez le fichier d'origine",
        "{file}: يعلن {member} عن عناصر « {element} » عددها {value} ({attribute}) في حين لا يتسع لأكثر من {most}: "
        "ملف تالف أو مصطنع، رُفض دون قراءته؛ افتحوه في Excel وأعيدوا حفظه، أو اطلبوا الملف الأصلي",
        "{file}: {member} announces {value} « {element} » elements ({attribute}) although it cannot hold more "
        "than {most}: a damaged or crafted file, refused unread; open it in Excel and save it again, or ask for "
        "the original file"),
    "xlsx.member_too_large": (
        "{file} : {member} anormalement volumineux : fichier refusé",
        "{file}: حجم {member} كبير على نحو غير عادي: الملف مرفوض",
        "{file}: {member} is abnormally large: file refused"),
    "xlsx.no_relations": (
        "{file} : classeur .xlsx incomplet (relations absentes) : ré-enregistrez-le",
        "{file}: مصنف .xlsx ناقص (العلاقات بين أجزائه غائبة): أعيدوا حفظه",
        "{file}: incomplete .xlsx workbook (relationships missing): save it again"),
    "xlsx.bad_xml": (
        "{file} : XML du classeur refusé ({why}) : ouvrez-le dans Excel et ré-enregistrez-le, ou demandez le "
        "fichier d'origine",
        "{file}: رُفض XML المصنف ({why}): افتحوه في Excel وأعيدوا حفظه، أو اطلبوا الملف الأصلي",
        "{file}: the workbook's XML was refused ({why}): open it in Excel and save it again, or ask for the "
        "original file"),
    "xlsx.why_entities": ("il déclare des entités XML, ce qu'Excel ne fait jamais",
                          "يعلن كيانات XML، وهو ما لا يفعله Excel أبدا",
                          "it declares XML entities, which Excel never does"),
    "xlsx.why_malformed": ("son XML est mal formé", "بنية XML فيه غير سليمة", "its XML is malformed"),
    "xlsx.no_visible_sheet": (
        "{file} : aucune feuille visible à importer (les feuilles masquées sont ignorées : affichez la feuille "
        "de données)",
        "{file}: لا توجد ورقة ظاهرة للاستيراد (تُتجاهل الأوراق المخفية: أظهروا ورقة البيانات)",
        "{file}: no visible sheet to import (hidden sheets are ignored: unhide the data sheet)"),
    "xlsx.same_sheet_name": (
        "{file} : plusieurs feuilles portent le nom « {sheet} », ce qu'Excel ne permet pas : fichier refusé",
        "{file}: عدة أوراق تحمل الاسم « {sheet} »، وهو ما لا يسمح به Excel: الملف مرفوض",
        "{file}: several sheets are named « {sheet} », which Excel does not allow: file refused"),
    "xlsx.too_many_rows": (
        "{file} : plus de {limit} lignes dans la feuille « {sheet} » ({limit} au plus par import) : découpez le "
        "fichier en plusieurs",
        "{file}: عدد الأسطر في الورقة « {sheet} » يتجاوز {limit} (الحد الأقصى {limit} في كل استيراد): قسّموا "
        "الملف إلى عدة ملفات",
        "{file}: more than {limit} rows in the sheet « {sheet} » (at most {limit} per import): split the file "
        "into several"),
    "xlsx.sheet_missing": (
        "{file} : la feuille « {sheet} » est absente de l'archive : ré-enregistrez le fichier",
        "{file}: الورقة « {sheet} » غائبة عن الأرشيف: أعيدوا حفظ الملف",
        "{file}: the sheet « {sheet} » is missing from the archive: save the file again"),
    "xlsx.sheet_damaged": (
        "{file} : archive .xlsx endommagée (la feuille « {sheet} » est illisible) : ouvrez-le dans Excel et "
        "ré-enregistrez-le",
        "{file}: أرشيف .xlsx تالف (تعذّرت قراءة الورقة « {sheet} »): افتحوه في Excel وأعيدوا حفظه",
        "{file}: damaged .xlsx archive (the sheet « {sheet} » is unreadable): open it in Excel and save it again"),
    "xlsx.sheet_doctype": (
        "{file} : la feuille « {sheet} » déclare des entités XML (<!DOCTYPE>), ce qu'Excel ne fait jamais : "
        "fichier refusé par sécurité",
        "{file}: تعلن الورقة « {sheet} » كيانات XML (<!DOCTYPE>)، وهو ما لا يفعله Excel أبدا: رُفض الملف احتياطا",
        "{file}: the sheet « {sheet} » declares XML entities (<!DOCTYPE>), which Excel never does: file refused "
        "for safety"),
    "xlsx.extent": (
        "{file} : la feuille « {sheet} » a des cellules jusqu'à la ligne {rows} et la colonne {column} "
        "({max_rows} lignes et {max_columns} colonnes au plus, {max_cells} cellules en tout) : supprimez les "
        "lignes et colonnes inutiles ou découpez le fichier",
        "{file}: في الورقة « {sheet} » خلايا حتى السطر {rows} والعمود {column} (الحد الأقصى للأسطر: {max_rows}، "
        "وللأعمدة: {max_columns}، وللخلايا إجمالا: {max_cells}): احذفوا الأسطر والأعمدة غير اللازمة أو قسّموا "
        "الملف",
        "{file}: the sheet « {sheet} » has cells down to row {rows} and column {column} (at most {max_rows} "
        "rows and {max_columns} columns, {max_cells} cells in all): delete the unused rows and columns or split "
        "the file"),
    "xlsx.formulas": (
        "{file} : la feuille « {sheet} » contient {formulas} ({cells}) : Kafaat n'évalue jamais de formules ; "
        "copiez les colonnes puis « Collage spécial > Valeurs » et réessayez",
        "{file}: تحتوي الورقة « {sheet} » على {formulas} ({cells}): لا يحسب كفاءات الصيغ أبدا؛ انسخوا الأعمدة "
        "ثم « لصق خاص > قيم » وأعيدوا المحاولة",
        "{file}: the sheet « {sheet} » contains {formulas} ({cells}): Kafaat never evaluates formulas; copy "
        "the columns then « Paste Special > Values » and try again"),
    "xlsx.string_index": (
        "{file} : dans la feuille « {sheet} », {cells_count} ({cells}) : valeur qui ne désigne "
        "aucun texte du classeur (ce n'est pas un numéro de texte partagé) ; le fichier n'a pas été écrit par Excel ou "
        "est endommagé ; ouvrez-le dans Excel ou LibreOffice, vérifiez ces cellules et ré-enregistrez-le au "
        "format .xlsx",
        "{file}: في الورقة « {sheet} »، {cells_count} ({cells}): قيمة لا تدل على أي نص في المصنف (ليست "
        "رقم نص مشترك)؛ لم يكتب Excel هذا الملف أو أنه تالف؛ افتحوه في Excel أو LibreOffice وتحققوا من هذه الخلايا "
        "وأعيدوا حفظه بصيغة .xlsx",
        "{file}: in the sheet « {sheet} », {cells_count} ({cells}): a value that names "
        "no text of the workbook (it is not a shared-string number); the file was not written by Excel or is damaged; open it in Excel "
        "or LibreOffice, check these cells and save it again as .xlsx"),
    "xlsx.unreadable": (
        "{file} : classeur illisible (son contenu XML est endommagé ou n'a pas été écrit par Excel) : ouvrez-le "
        "dans Excel ou LibreOffice et ré-enregistrez-le au format .xlsx",
        "{file}: مصنف غير مقروء (محتواه XML تالف أو لم يكتبه Excel): افتحوه في Excel أو LibreOffice وأعيدوا "
        "حفظه بصيغة .xlsx",
        "{file}: unreadable workbook (its XML content is damaged or was not written by Excel): open it in Excel "
        "or LibreOffice and save it again as .xlsx"),
    "csv.bad_text": (
        "{file} : texte {encoding} invalide vers l'octet {offset} : ré-enregistrez le fichier au format "
        "« CSV UTF-8 »",
        "{file}: نص {encoding} غير صالح قرب البايت {offset}: أعيدوا حفظ الملف بصيغة « CSV UTF-8 »",
        "{file}: invalid {encoding} text near byte {offset}: save the file again as « CSV UTF-8 »"),
    "csv.too_many_rows": (
        "{file} : plus de {limit} lignes ({limit} au plus par import) : découpez le fichier en plusieurs",
        "{file}: عدد الأسطر يتجاوز {limit} (الحد الأقصى {limit} في كل استيراد): قسّموا الملف إلى عدة ملفات",
        "{file}: more than {limit} rows (at most {limit} per import): split the file into several"),
    "csv.unreadable_line": (
        "{file}, ligne {line} : CSV illisible (cellule démesurée ou guillemet jamais refermé) : vérifiez cette "
        "ligne dans un éditeur de texte, ou ré-enregistrez le fichier depuis Excel",
        "{file}، السطر {line}: ملف CSV غير مقروء (خلية مفرطة الطول أو علامة اقتباس لم تُغلق): تحققوا من هذا "
        "السطر في محرر نصوص، أو أعيدوا حفظ الملف من Excel",
        "{file}, line {line}: unreadable CSV (an oversized cell or a quote never closed): check this line in a "
        "text editor, or save the file again from Excel"),
    "sheet.too_wide": ("{file} : {width} colonnes, {limit} au plus",
                       "{file}: عدد الأعمدة {width}، والحد الأقصى {limit}",
                       "{file}: {width} columns, at most {limit}"),
}
CATALOGUE |= {
    # ------------------------------------------------------------------ key files and signed documents: their inside
    "part.of": ("{what} : {part}", "{what}: {part}", "{what}: {part}"),
    "part.salt": ("sel", "الملح", "salt"),
    "part.nonce": ("nonce", "الرقم العابر (nonce)", "nonce"),
    "part.ciphertext": ("données chiffrées", "البيانات المشفَّرة", "encrypted data"),
    "part.public_key": ("clé publique {alg}", "المفتاح العمومي {alg}", "public key {alg}"),
    "part.key": ("clé {alg}", "المفتاح {alg}", "key {alg}"),
    "part.programme_key": ("clé", "المفتاح", "key"),
    "part.signature": ("signature {alg}", "التوقيع {alg}", "signature {alg}"),
    "b64.expected": ("{what} : valeur base64 attendue", "{what}: يُنتظر هنا نص base64", "{what}: a base64 value expected"),
    "b64.invalid": ("{what} : base64 invalide", "{what}: نص base64 غير صالح", "{what}: invalid base64"),
    "b64.not_canonical": ("{what} : base64 non canonique", "{what}: نص base64 بصيغة غير قياسية",
                          "{what}: non-canonical base64"),
    "b64.length": ("{what} : {size} octets au lieu de {length}", "{what}: {size} بايت بدلا من {length}",
                   "{what}: {size} bytes instead of {length}"),
    "json.duplicate": ("{what} : membre JSON « {key} » en double", "{what}: العنصر « {key} » مكرَّر في JSON",
                       "{what}: JSON member « {key} » given twice"),
    "json.constant": ("{what} : valeur JSON non autorisée ({name})", "{what}: قيمة JSON غير مسموح بها ({name})",
                      "{what}: JSON value not allowed ({name})"),
    "file.beyond_limit": (
        "{what} : fichier de {size} octets, au-delà de la limite de {limit} octets",
        "{what}: ملف حجمه {size} بايت، يتجاوز الحد الأقصى البالغ {limit} بايت",
        "{what}: a file of {size} bytes, beyond the limit of {limit} bytes"),
    "keyfile.too_large": ("{what} : fichier trop grand pour un fichier de clé",
                          "{what}: ملف أكبر من أن يكون ملف مفتاح",
                          "{what}: too large for a key file"),
    "keyfile.not_a_key": ("{what} : ce n'est pas un fichier de clé Kafaat", "{what}: ليس ملف مفتاح كفاءات",
                          "{what}: not a Kafaat key file"),
    "keyfile.version": ("{what} : version de fichier de clé {version} non prise en charge",
                        "{what}: إصدار ملف المفتاح {version} غير مدعوم",
                        "{what}: key file version {version} not supported"),
    "keyfile.algorithms": ("{what} : algorithmes inconnus ({kdf}, {aead})",
                           "{what}: خوارزميات غير معروفة ({kdf}، {aead})",
                           "{what}: unknown algorithms ({kdf}, {aead})"),
    "keyfile.scrypt_invalid": ("{what} : paramètre scrypt {name} invalide", "{what}: معامل scrypt {name} غير صالح",
                               "{what}: invalid scrypt parameter {name}"),
    "keyfile.scrypt_low": ("{what} : paramètre scrypt {name} = {value} sous le minimum {limit}",
                           "{what}: معامل scrypt {name} = {value} أقل من الحد الأدنى {limit}",
                           "{what}: scrypt parameter {name} = {value} below the minimum {limit}"),
    "keyfile.scrypt_high": ("{what} : paramètre scrypt {name} = {value} au-dessus du maximum {limit}",
                            "{what}: معامل scrypt {name} = {value} أعلى من الحد الأقصى {limit}",
                            "{what}: scrypt parameter {name} = {value} above the maximum {limit}"),
    "keyfile.scrypt_memory": ("{what} : paramètres scrypt demandant plus de {limit} Mio",
                              "{what}: معاملات scrypt تتطلب أكثر من {limit} ميبيبايت من الذاكرة",
                              "{what}: scrypt parameters asking for more than {limit} MiB"),
    "keyfile.member": ("{what} : membre manquant ou invalide ({member})", "{what}: عنصر ناقص أو غير صالح ({member})",
                       "{what}: a missing or invalid member ({member})"),
    "keyfile.mismatch": ("{what} : les clés publiques ne correspondent pas aux clés privées",
                         "{what}: المفاتيح العمومية لا تطابق المفاتيح الخاصة",
                         "{what}: the public keys do not match the private keys"),
    "document.version": ("{what} : version {version} non prise en charge", "{what}: الإصدار {version} غير مدعوم",
                         "{what}: version {version} not supported"),
    "document.members": (
        "{what} : membres inattendus (seuls type, version, signed et signatures sont permis)",
        "{what}: عناصر غير متوقعة (لا يُسمح إلا بالعناصر type وversion وsigned وsignatures)",
        "{what}: unexpected members (only type, version, signed and signatures are allowed)"),
    "document.signed_expected": ("{what} : membres « signed » et « signatures » attendus",
                                 "{what}: يُنتظر العنصران « signed » و« signatures »",
                                 "{what}: members « signed » and « signatures » expected"),
    "document.two_signatures": ("{what} : signatures Ed25519 et ML-DSA-65 attendues, et rien d'autre",
                                "{what}: يُنتظر توقيعا Ed25519 وML-DSA-65، ولا شيء غيرهما",
                                "{what}: Ed25519 and ML-DSA-65 signatures expected, and nothing else"),
    "document.signed_invalid": ("{what} : contenu signé invalide", "{what}: المحتوى الموقَّع غير صالح",
                                "{what}: invalid signed content"),
    "document.signed_members": ("{what} : membres inattendus ou manquants dans le contenu signé",
                                "{what}: عناصر غير متوقعة أو ناقصة في المحتوى الموقَّع",
                                "{what}: unexpected or missing members in the signed content"),
    "document.signed_member": ("{what} : membre manquant ou invalide dans le contenu signé",
                               "{what}: عنصر ناقص أو غير صالح في المحتوى الموقَّع",
                               "{what}: a missing or invalid member in the signed content"),
    "document.identity": ("{what} : code, nom ou date invalides (caractères de contrôle, format)",
                          "{what}: رمز أو اسم أو تاريخ غير صالح (محارف تحكم، صيغة)",
                          "{what}: invalid code, name or date (control characters, format)"),
    "document.key_algorithm": ("{what} : algorithme de clé inconnu", "{what}: خوارزمية مفتاح غير معروفة",
                               "{what}: unknown key algorithm"),
    "document.role": ("{what} : rôle inconnu « {role} »", "{what}: دور غير معروف « {role} »",
                      "{what}: unknown role « {role} »"),
    "document.keys_missing": ("{what} : clé manquante : {keys}|{what} : clés manquantes : {keys}",
                              "{what}: المفاتيح الناقصة ({n}): {keys}",
                              "{what}: missing key: {keys}|{what}: missing keys: {keys}"),
    "document.encryption_key": ("{what} : clé publique de chiffrement invalide",
                                "{what}: المفتاح العمومي للتشفير غير صالح",
                                "{what}: invalid public encryption key"),
}
CATALOGUE |= {
    # ------------------------------------------------------------------ receipts: their signed content
    "receipt.refused_records": ("{what} : « refused_records » invalide", "{what}: « refused_records » غير صالح",
                                "{what}: « refused_records » invalid"),
    "receipt.members": ("{what} : membres inattendus ou manquants dans l'accusé",
                        "{what}: عناصر غير متوقعة أو ناقصة في الإشعار بالاستلام",
                        "{what}: unexpected or missing members in the receipt"),
    "receipt.member": ("{what} : membre « {key} » manquant ou invalide", "{what}: العنصر « {key} » ناقص أو غير صالح",
                       "{what}: member « {key} » missing or invalid"),
    "receipt.hash": ("{what} : empreinte mal formée", "{what}: بصمة غير سليمة الصيغة", "{what}: malformed hash"),
    "receipt.sequence": ("{what} : numéro de lot invalide", "{what}: رقم الحزمة غير صالح",
                         "{what}: invalid bundle number"),
    "receipt.invalid_member": ("{what} : « {key} » invalide", "{what}: « {key} » غير صالح", "{what}: « {key} » invalid"),
    "receipt.codes": ("{what} : code de ministère ou d'établissement invalide",
                      "{what}: رمز الوزارة أو المؤسسة غير صالح",
                      "{what}: invalid ministry or establishment code"),
    # ------------------------------------------------------------------ the establishments list (CSV)
    "establishments.too_large": ("{what} : fichier trop grand ({size} octets)",
                                 "{what}: الملف كبير جدا ({size} بايت)",
                                 "{what}: file too large ({size} bytes)"),
    "establishments.not_utf8": ("{what} : le fichier n'est pas en UTF-8",
                                "{what}: الملف ليس بترميز UTF-8",
                                "{what}: the file is not in UTF-8"),
    "establishments.columns_missing": (
        "{what} : colonne manquante : {missing} (attendu : {expected})"
        "|{what} : colonnes manquantes : {missing} (attendu : {expected})",
        "{what}: الأعمدة الناقصة ({n}): {missing} (المنتظر: {expected})",
        "{what}: missing column: {missing} (expected: {expected})"
        "|{what}: missing columns: {missing} (expected: {expected})"),
    "establishments.problems": (
        "{what} : {n} problème, rien n'a été importé|{what} : {n} problèmes, rien n'a été importé",
        "{what}: لا مشاكل، لم يُستورد شيء|{what}: مشكلة واحدة، لم يُستورد أي شيء|{what}: مشكلتان، لم يُستورد أي شيء"
        "|{what}: {n} مشاكل، لم يُستورد أي شيء|{what}: {n} مشكلة، لم يُستورد أي شيء|{what}: {n} مشكلة، لم يُستورد أي شيء",
        "{what}: {n} problem, nothing was imported|{what}: {n} problems, nothing was imported"),
    "establishments.none": ("{what} : aucun établissement dans le fichier", "{what}: لا توجد أي مؤسسة في الملف",
                            "{what}: no establishment in the file"),
    "establishments.unreadable": ("{file} : fichier illisible ({reason})", "{file}: ملف غير مقروء ({reason})",
                                  "{file}: unreadable file ({reason})"),
    "establishments.line": ("ligne {line}", "السطر {line}", "line {line}"),
    "establishments.bad_code": (
        "{where} : code « {code} » invalide (lettres, chiffres, - et _, 20 au plus)",
        "{where}: الرمز « {code} » غير صالح (حروف لاتينية وأرقام و- و_، 20 محرفا على الأكثر)",
        "{where}: invalid code « {code} » (letters, digits, - and _, 20 at most)"),
    "establishments.twice": ("{where} : le code {code} apparaît deux fois", "{where}: الرمز {code} يرد مرتين",
                             "{where}: the code {code} appears twice"),
    "establishments.too_long": (
        "{where} : « {column} » trop long ou avec des caractères de contrôle",
        "{where}: « {column} » طويل جدا أو فيه محارف تحكم",
        "{where}: « {column} » too long or holding control characters"),
    "establishments.required": ("{where} : « {column} » est obligatoire", "{where}: « {column} » إلزامي",
                                "{where}: « {column} » is required"),
    "establishments.region": ("{where} : région « {region} » inconnue (codes : {codes})",
                              "{where}: الجهة « {region} » غير معروفة (الرموز: {codes})",
                              "{where}: unknown region « {region} » (codes: {codes})"),
    "establishments.ministry": ("{where} : ministère de tutelle « {ministry} » inconnu (codes : {codes})",
                                "{where}: الوزارة الوصية « {ministry} » غير معروفة (الرموز: {codes})",
                                "{where}: unknown supervising ministry « {ministry} » (codes: {codes})"),
    # ------------------------------------------------------------------ the national store's address (PostgreSQL)
    "store.bad_url": (
        "adresse de base de données invalide « {url} » : attendu postgresql+psycopg://utilisateur@serveur/base",
        "عنوان قاعدة البيانات « {url} » غير صالح: المنتظر postgresql+psycopg://utilisateur@serveur/base",
        "invalid database address « {url} »: expected postgresql+psycopg://user@server/database"),
    "store.bad_driver": ("pilote « {driver} » non pris en charge : écrivez postgresql+psycopg://…",
                         "المشغّل « {driver} » غير مدعوم: اكتبوا postgresql+psycopg://…",
                         "driver « {driver} » not supported: write postgresql+psycopg://…"),
    "store.password_in_url": (
        "l'adresse contient un mot de passe : il ne doit jamais être écrit dans les réglages ; retirez-le de "
        "l'adresse et donnez-le par la variable PGPASSWORD ou un fichier .pgpass",
        "العنوان يتضمن كلمة مرور: يجب ألا تُكتب أبدا في الإعدادات؛ احذفوها من العنوان وأعطوها عبر المتغير "
        "PGPASSWORD أو ملف .pgpass",
        "the address holds a password: it must never be written in the settings; remove it from the address "
        "and give it through the PGPASSWORD variable or a .pgpass file"),
    "store.bad_backend": ("base « {backend} » non prise en charge : SQLite ou PostgreSQL (postgresql+psycopg://…)",
                          "قاعدة « {backend} » غير مدعومة: SQLite أو PostgreSQL (postgresql+psycopg://…)",
                          "database « {backend} » not supported: SQLite or PostgreSQL (postgresql+psycopg://…)"),
    "store.no_driver": ("pilote de base de données absent pour {url}", "مشغّل قاعدة البيانات غائب للعنوان {url}",
                        "database driver missing for {url}"),
    "store.foreign_tables": (
        "{url} contient déjà des tables qui ne sont pas celles d'un magasin national Kafaat : rien n'a été modifié",
        "{url} يحتوي من قبل على جداول ليست جداول مخزن وطني لكفاءات: لم يتغير شيء",
        "{url} already holds tables that are not those of a Kafaat national store: nothing was changed"),
    "store.missing": (
        "aucun magasin national dans {folder} : initialisez d'abord le dossier avec « kafaat init --role ministry »",
        "لا يوجد مخزن وطني في {folder}: هيّئوا المجلد أولا بالأمر « kafaat init --role ministry »",
        "no national store in {folder}: first initialise the folder with « kafaat init --role ministry »"),
    "store.unreachable": ("magasin national inaccessible ({url}) : {reason}",
                          "تعذّر الوصول إلى المخزن الوطني ({url}): {reason}",
                          "the national store cannot be reached ({url}): {reason}"),
    "store.too_new": (
        "le magasin national a été écrit par une version plus récente de Kafaat (schéma {revision}) : installez "
        "cette version ou une plus récente ; rien n'a été modifié",
        "كتب المخزنَ الوطني إصدارٌ أحدث من كفاءات (المخطط {revision}): ثبّتوا ذلك الإصدار أو أحدث منه؛ لم يتغير شيء",
        "the national store was written by a newer version of Kafaat (schema {revision}): install that version "
        "or a newer one; nothing was changed"),
    "store.upgrade_failed": ("la mise à jour du magasin national a échoué : {reason}",
                             "فشل تحديث المخزن الوطني: {reason}",
                             "the national store's upgrade failed: {reason}"),
    # ------------------------------------------------------------------ backups
    "backup.no_database": ("aucune base de données à sauvegarder dans {folder}",
                           "لا توجد قاعدة بيانات لنسخها احتياطيا في {folder}",
                           "no database to back up in {folder}"),
    "backup.damaged": (
        "la base {file} est endommagée ({detail}) : une sauvegarde copierait les dommages, aucune n'a été "
        "écrite ; {way_out}",
        "القاعدة {file} تالفة ({detail}): النسخة الاحتياطية ستنقل التلف، فلم تُكتب أي نسخة؛ {way_out}",
        "the database {file} is damaged ({detail}): a backup would copy the damage, none was written; {way_out}"),
    "backup.not_written": ("{file} n'a pas été écrite : {reason}", "لم تُكتب {file}: {reason}",
                           "{file} was not written: {reason}"),
    "backup.inconsistent": ("la sauvegarde {file} est incohérente : {detail}",
                            "النسخة الاحتياطية {file} غير متسقة: {detail}",
                            "the backup {file} is inconsistent: {detail}"),
    # ------------------------------------------------------------------ the programme key
    "programme_key.too_large": ("{what} : fichier trop grand pour une clé de programme",
                                "{what}: ملف أكبر من أن يكون مفتاح برنامج",
                                "{what}: too large for a programme key"),
    "programme_key.not_a_key": ("{what} : ce n'est pas une clé de programme Kafaat",
                                "{what}: ليس مفتاح برنامج كفاءات",
                                "{what}: not a Kafaat programme key"),
    "programme_key.members": ("{what} : membres inattendus ou version non prise en charge",
                              "{what}: عناصر غير متوقعة أو إصدار غير مدعوم",
                              "{what}: unexpected members or a version not supported"),
    "programme_key.version": ("{what} : numéro de version de clé invalide", "{what}: رقم إصدار المفتاح غير صالح",
                              "{what}: invalid key version number"),
    "programme_key.date": ("{what} : date de création invalide", "{what}: تاريخ الإنشاء غير صالح",
                           "{what}: invalid creation date"),
    "programme_key.ministry": (
        "la clé de programme ne s'installe que chez un établissement : un ministère ne doit pas la détenir "
        "(elle permettrait de retrouver les codes des étudiants)",
        "لا يُثبَّت مفتاح البرنامج إلا لدى مؤسسة: يجب ألا تحوزه الوزارة (إذ يسمح باسترجاع رموز الطلبة)",
        "the programme key is installed only at an establishment: a ministry must not hold it (it would "
        "give back the students' codes)"),
    "programme_key.older": (
        "{what} : clé de programme version {version}, mais la version {current} est déjà installée : rien n'a "
        "été modifié",
        "{what}: مفتاح برنامج بالإصدار {version}، لكن الإصدار {current} مثبَّت من قبل: لم يتغير شيء",
        "{what}: programme key version {version}, but version {current} is already installed: nothing was "
        "changed"),
    # ------------------------------------------------------------------ reference updates
    "reference.unknown_key": (
        "{what} : signé par une clé de ministère que ce dossier ne connaît pas (« {ministry} ») : rien n'a été "
        "modifié",
        "{what}: موقَّع بمفتاح وزارة لا يعرفه هذا المجلد (« {ministry} »): لم يتغير شيء",
        "{what}: signed by a ministry key this folder does not know (« {ministry} »): nothing was changed"),
    "reference.invalid": ("{what} : mise à jour invalide", "{what}: تحديث غير صالح", "{what}: invalid update"),
    "reference.bad_row": ("{what} : une ligne de la mise à jour est invalide", "{what}: سطر من التحديث غير صالح",
                          "{what}: a row of the update is invalid"),
    "reference.older": (
        "{what} : mise à jour n° {serial} de {ministry}, plus ancienne que la n° {current} déjà appliquée : rien "
        "n'a été modifié",
        "{what}: التحديث رقم {serial} من {ministry} أقدم من التحديث رقم {current} المطبَّق من قبل: لم يتغير شيء",
        "{what}: update no. {serial} from {ministry}, older than no. {current} already applied: nothing was "
        "changed"),
}
CATALOGUE |= {
    "detail.line": ("  {detail}", "  {detail}", "  {detail}"),
}
CATALOGUE |= {
    # ------------------------------------------------------------------ a bundle's structure, read strictly
    # (a damaged or crafted .kfb: each part named, in the reader's language; what to do is said by the frame)
    "bundle.in_header": ("en-tête : {detail}", "الترويسة: {detail}", "header: {detail}"),
    "bundle.in_content": ("contenu : {detail}", "المحتوى: {detail}", "content: {detail}"),
    "bundle.in_signatures": ("bloc de signatures : {detail}", "كتلة التوقيعات: {detail}", "signature block: {detail}"),
    "bundle.in_decrypted": ("contenu déchiffré : {detail}", "المحتوى بعد فك التشفير: {detail}",
                            "decrypted content: {detail}"),
    "bmember.missing_or_invalid": ("« {member} » manquant ou invalide", "« {member} » ناقص أو غير صالح",
                                   "« {member} » missing or invalid"),
    "bmember.malformed": ("« {member} » mal formé", "« {member} » غير سليم الصيغة", "« {member} » malformed"),
    "bmember.invalid": ("« {member} » invalide", "« {member} » غير صالح", "« {member} » invalid"),
    "bmember.unknown": ("« {member} » inconnu", "« {member} » غير معروف", "« {member} » unknown"),
    "bmember.unknown_plural": ("« {member} » inconnus", "« {member} » غير معروفة", "« {member} » unknown"),
    "bmember.object": ("« {member} » : objet attendu", "« {member} »: يُنتظر كائن JSON",
                       "« {member} »: an object expected"),
    "bmember.members": ("« {member} » : membres inattendus {extra} ou manquants {missing}",
                        "« {member} »: عناصر غير متوقعة {extra} أو ناقصة {missing}",
                        "« {member} »: unexpected members {extra} or missing ones {missing}"),
    "bmember.text": ("« {member} » : texte invalide", "« {member} »: نص غير صالح", "« {member} »: invalid text"),
    "bmember.malformed_colon": ("« {member} » : mal formé", "« {member} »: غير سليم الصيغة",
                                "« {member} »: malformed"),
    "bmember.boolean": ("« {member} » : booléen attendu", "« {member} »: تُنتظر قيمة منطقية (true أو false)",
                        "« {member} »: a boolean expected"),
    "bmember.integer": ("« {member} » : entier attendu", "« {member} »: يُنتظر عدد صحيح",
                        "« {member} »: an integer expected"),
    "bmember.one_per_form": ("« {member} » : un membre par formulaire attendu",
                             "« {member} »: يُنتظر عنصر واحد لكل استمارة",
                             "« {member} »: one member per form expected"),
    "bheader.object": ("objet JSON attendu", "يُنتظر كائن JSON", "a JSON object expected"),
    "bheader.not_bundle": ("ce n'est pas un lot Kafaat", "ليست حزمة كفاءات", "not a Kafaat bundle"),
    "bheader.version": ("version différente de celle du préambule", "إصدار يخالف إصدار التمهيد",
                        "a version other than the preamble's"),
    "bheader.members": ("membres inattendus ou manquants", "عناصر غير متوقعة أو ناقصة",
                        "unexpected or missing members"),
    "bheader.uuid_canonical": ("« bundle_id » n'est pas un UUID canonique", "« bundle_id » ليس UUID بالصيغة القياسية",
                               "« bundle_id » is not a canonical UUID"),
    "bheader.uuid": ("« bundle_id » n'est pas un UUID", "« bundle_id » ليس UUID", "« bundle_id » is not a UUID"),
    "bheader.previous": ("« previous_hash » doit être nul pour le lot n° 1 et seulement pour lui",
                         "يجب أن يكون « previous_hash » فارغا للحزمة رقم 1 ولها وحدها",
                         "« previous_hash » must be null for bundle no. 1 and only for it"),
    "bheader.recipients": ("1 à {limit} destinataires attendus", "يُنتظر من 1 إلى {limit} من الجهات المرسَل إليها",
                           "1 to {limit} recipients expected"),
    "bheader.recipient_members": ("membres de « {member} » inattendus", "عناصر « {member} » غير متوقعة",
                                  "unexpected members in « {member} »"),
    "bheader.duplicate_recipient": ("destinataire en double", "جهة مرسَل إليها مكرَّرة",
                                    "a recipient given twice"),
    "bheader.payload_missing": ("« payload » manquant", "« payload » غائب", "« payload » missing"),
    "bheader.payload_algorithms": ("compression ou chiffrement du contenu inconnus",
                                   "ضغط المحتوى أو تشفيره غير معروف",
                                   "unknown compression or encryption of the content"),
    "bheader.payload_members": ("membres de « payload » inattendus ou manquants",
                                "عناصر « payload » غير متوقعة أو ناقصة",
                                "unexpected or missing members in « payload »"),
    "bheader.payload_members_missing": ("membres de « payload » manquants", "عناصر « payload » ناقصة",
                                        "missing members in « payload »"),
    "bheader.payload_length": ("« payload.length » incompatible avec le nombre de segments",
                               "« payload.length » لا يتوافق مع عدد الأجزاء",
                               "« payload.length » does not fit the number of segments"),
    "bundle.plain_budget": (
        "contenu déclaré de {size} octets une fois décompressé : au-delà du budget de {limit} octets",
        "محتوى معلن حجمه بعد فك الضغط {size} بايت: يتجاوز الحد المسموح البالغ {limit} بايت",
        "content declared as {size} bytes once decompressed: beyond the budget of {limit} bytes"),
    "bundle.header_too_large": ("en-tête de {size} octets : au-delà de la limite de {limit} octets",
                                "ترويسة حجمها {size} بايت: تتجاوز الحد البالغ {limit} بايت",
                                "a header of {size} bytes: beyond the limit of {limit} bytes"),
    "bundle.signatures_too_large": ("bloc de signatures de {size} octets : au-delà de la limite",
                                    "كتلة توقيعات حجمها {size} بايت: تتجاوز الحد",
                                    "a signature block of {size} bytes: beyond the limit"),
    "bundle.signatures_size": ("bloc de signatures de {size} octets au lieu de {expected}",
                               "كتلة توقيعات حجمها {size} بايت بدلا من {expected}",
                               "a signature block of {size} bytes instead of {expected}"),
    "bsig.empty": ("bloc de signatures vide", "كتلة التوقيعات فارغة", "empty signature block"),
    "bsig.truncated": ("bloc de signatures tronqué", "كتلة التوقيعات مبتورة", "truncated signature block"),
    "bsig.two": ("deux signatures attendues", "يُنتظر توقيعان", "two signatures expected"),
    "bsig.algorithm": ("algorithme {tag} inconnu ou répété", "الخوارزمية {tag} غير معروفة أو مكرَّرة",
                       "algorithm {tag} unknown or repeated"),
    "bsig.order": ("Ed25519 puis ML-DSA-65 attendus, dans cet ordre", "يُنتظر Ed25519 ثم ML-DSA-65، بهذا الترتيب",
                   "Ed25519 then ML-DSA-65 expected, in this order"),
    "bsig.length": ("longueur {length} invalide pour {alg}", "الطول {length} غير صالح للخوارزمية {alg}",
                    "invalid length {length} for {alg}"),
    "bsig.extra": ("octets en trop", "بايتات زائدة", "extra bytes"),
    "bundle.kem": ("la clé du lot est enveloppée avec {kem}, la clé de {code} attend {expected}",
                   "مفتاح الحزمة مغلَّف بـ {kem}، ومفتاح {code} ينتظر {expected}",
                   "the bundle's key is wrapped with {kem}, {code}'s key expects {expected}"),
    "bundle.key_length": ("clé du lot de longueur invalide", "طول مفتاح الحزمة غير صالح",
                          "the bundle's key has an invalid length"),
    "bundle.commitment": (
        "la clé du lot ne correspond pas à l'engagement signé par l'établissement : lot refusé (il pourrait se "
        "lire autrement chez un autre destinataire)",
        "مفتاح الحزمة لا يطابق الالتزام الذي وقّعته المؤسسة: رُفضت الحزمة (قد تُقرأ على نحو آخر لدى جهة أخرى "
        "مرسَل إليها)",
        "the bundle's key does not match the commitment signed by the establishment: bundle refused (it could "
        "read otherwise at another recipient)"),
    "bseg.beyond_last": ("segment attendu au-delà du dernier", "يُنتظر جزء بعد الجزء الأخير",
                         "a segment expected beyond the last one"),
    "bseg.truncated": ("contenu tronqué (segment)", "المحتوى مبتور (جزء)", "truncated content (segment)"),
    "bseg.size": ("segment de {size} octets hors limites", "جزء حجمه {size} بايت خارج الحدود",
                  "a segment of {size} bytes out of bounds"),
    "bseg.unknown_size": ("segment de taille décompressée inconnue ou au-delà de {limit} octets",
                          "جزء حجمه بعد فك الضغط مجهول أو يتجاوز {limit} بايت",
                          "a segment of unknown decompressed size or beyond {limit} bytes"),
    "bseg.other_size": ("segment d'une autre taille que celle annoncée", "جزء بحجم غير الحجم المعلن",
                        "a segment of another size than announced"),
    "bseg.json": ("segment : JSON invalide", "الجزء: JSON غير صالح", "segment: invalid JSON"),
    "bseg.shape": ("segment : [partie, formulaire, enregistrements] attendu",
                   "الجزء: يُنتظر [الجزء، الاستمارة، السجلات]",
                   "segment: [part, form, records] expected"),
    "bseg.order": ("segment « {form} / {part} » hors de l'ordre déclaré", "الجزء « {form} / {part} » خارج الترتيب المعلن",
                   "segment « {form} / {part} » out of the declared order"),
    "bseg.final": ("segment final invalide", "الجزء الأخير غير صالح", "invalid final segment"),
    "bundle.changed_while_read": ("le fichier a changé pendant sa lecture", "تغيّر الملف أثناء قراءته",
                                  "the file changed while it was read"),
    "bundle.larger_than_signed": ("contenu décompressé plus grand que sa taille signée : refusé",
                                  "المحتوى بعد فك الضغط أكبر من حجمه الموقَّع: مرفوض",
                                  "decompressed content larger than its signed size: refused"),
    "bundle.bad_zstd": ("contenu compressé invalide (une trame zstd par segment, sans rien après)",
                        "محتوى مضغوط غير صالح (إطار zstd واحد لكل جزء، دون شيء بعده)",
                        "invalid compressed content (one zstd frame per segment, nothing after it)"),
    "bundle.too_many_records": ("plus de {limit} enregistrements dans un lot : au-delà du budget du lecteur",
                                "عدد السجلات في الحزمة يتجاوز {limit}: أكثر مما يسمح به القارئ",
                                "more than {limit} records in a bundle: beyond the reader's budget"),
    "bundle.counts": ("le contenu annonce d'autres nombres d'enregistrements que ceux qu'il contient",
                      "يعلن المحتوى أعداد سجلات غير التي يحتويها",
                      "the content announces other record counts than those it holds"),
    "bundle.plain_size": ("contenu décompressé de {size} octets au lieu des {expected} annoncés",
                          "المحتوى بعد فك الضغط {size} بايت بدلا من {expected} المعلنة",
                          "decompressed content of {size} bytes instead of the {expected} announced"),
    "bundle.unknown_form": ("formulaire inconnu « {form} »", "استمارة غير معروفة « {form} »", "unknown form « {form} »"),
    "bundle.unknown_field": ("champ inconnu « {column} » dans « {form} »", "حقل غير معروف « {column} » في « {form} »",
                             "unknown field « {column} » in « {form} »"),
    "bundle.newer_form": (
        "lot créé par une version plus récente de Kafaat (formulaire inconnu « {form} ») : mettez l'application "
        "à jour",
        "حزمة أنشأها إصدار أحدث من كفاءات (استمارة غير معروفة « {form} »): حدّثوا التطبيق",
        "a bundle made by a newer version of Kafaat (unknown form « {form} »): update the application"),
    "bundle.newer_field": (
        "lot créé par une version plus récente de Kafaat (champ inconnu « {column} » dans « {form} ») : mettez "
        "l'application à jour",
        "حزمة أنشأها إصدار أحدث من كفاءات (حقل غير معروف « {column} » في « {form} »): حدّثوا التطبيق",
        "a bundle made by a newer version of Kafaat (unknown field « {column} » in « {form} »): update the "
        "application"),
    "bundle.manifest_contradicts": ("le manifeste chiffré contredit l'en-tête signé ({member})",
                                    "البيان المشفَّر يناقض الترويسة الموقَّعة ({member})",
                                    "the encrypted manifest contradicts the signed header ({member})"),
    "bundle.recipients_word": ("destinataires", "الجهات المرسَل إليها", "recipients"),
    "bdoc.no_manifest": ("manifeste absent", "البيان (manifest) غائب", "manifest missing"),
    "bdoc.tables": ("« tables » : au moins un formulaire attendu", "« tables »: تُنتظر استمارة واحدة على الأقل",
                    "« tables »: at least one form expected"),
    "bdoc.withheld": ("« withheld.{form} » : doit nommer les champs retenus {expected}",
                      "« withheld.{form} »: يجب أن يسمّي الحقول المحجوبة {expected}",
                      "« withheld.{form} »: must name the withheld fields {expected}"),
    "bdoc.where_columns": ("colonnes de « {form} »", "أعمدة « {form} »", "columns of « {form} »"),
    "bdoc.columns_invalid": ("{where} invalides", "{where} غير صالحة", "{where} invalid"),
    "bdoc.tombstone_columns_invalid": ("{where} (suppressions) invalides", "{where} (عمليات الحذف) غير صالحة",
                                       "{where} (deletions) invalid"),
    "bdoc.field_stays": ("le champ « {column} » de « {form} » ne doit jamais quitter l'établissement",
                         "الحقل « {column} » من « {form} » يجب ألا يغادر المؤسسة أبدا",
                         "the field « {column} » of « {form} » must never leave the establishment"),
    "bdoc.type": ("{where} : valeur de type inattendu dans « {column} »",
                  "{where}: قيمة من نوع غير متوقع في « {column} »",
                  "{where}: a value of an unexpected type in « {column} »"),
    "bdoc.value": ("{where} : valeur invalide dans « {column} »", "{where}: قيمة غير صالحة في « {column} »",
                   "{where}: an invalid value in « {column} »"),
    "bdoc.unknown_part": ("partie inconnue « {form} / {part} »", "جزء غير معروف « {form} / {part} »",
                          "unknown part « {form} / {part} »"),
    "bdoc.where_rows": ("« {form} » (enregistrements)", "« {form} » (السجلات)", "« {form} » (records)"),
    "bdoc.where_tombstones": ("« {form} » (suppressions)", "« {form} » (عمليات الحذف)", "« {form} » (deletions)"),
    "bdoc.empty_batch": ("{where} : lot d'enregistrements vide ou invalide", "{where}: دفعة سجلات فارغة أو غير صالحة",
                         "{where}: an empty or invalid batch of records"),
    "bdoc.shape": ("{where} : un enregistrement n'a pas la forme déclarée", "{where}: سجل لا يطابق الشكل المعلن",
                   "{where}: a record does not have the declared shape"),
    "bdoc.order": ("{where} : enregistrements hors de l'ordre des modifications",
                   "{where}: سجلات خارج ترتيب التعديلات",
                   "{where}: records out of the order of changes"),
    "bdoc.duplicate_id": ("{where} : un même identifiant figure deux fois dans le lot",
                          "{where}: المعرِّف نفسه يرد مرتين في الحزمة",
                          "{where}: the same identifier appears twice in the bundle"),
    "bv1.budget": ("le contenu décompressé dépasse les {budget} octets annoncés : refusé",
                   "المحتوى بعد فك الضغط يتجاوز {budget} بايت المعلنة: مرفوض",
                   "the decompressed content exceeds the {budget} bytes announced: refused"),
    "bv1.zstd": ("contenu compressé invalide ({reason})", "محتوى مضغوط غير صالح ({reason})",
                 "invalid compressed content ({reason})"),
    "bv1.decrypt": ("le contenu ne se déchiffre pas (clé ou données altérées)",
                    "المحتوى لا يُفكّ تشفيره (مفتاح أو بيانات معدَّلة)",
                    "the content does not decrypt (key or data altered)"),
    "bv1.json": ("JSON invalide", "JSON غير صالح", "invalid JSON"),
    "bv1.members": ("« manifest » et « records » attendus", "يُنتظر « manifest » و« records »",
                    "« manifest » and « records » expected"),
    "bv1.forms": ("le manifeste ne compte pas les mêmes formulaires que le contenu",
                  "البيان لا يعدّ الاستمارات نفسها التي في المحتوى",
                  "the manifest does not count the same forms as the content"),
    "bv1.record": ("un enregistrement de « {form} » est invalide ou d'un autre établissement",
                   "سجل من « {form} » غير صالح أو من مؤسسة أخرى",
                   "a record of « {form} » is invalid or from another establishment"),
    "bv1.counts": ("le manifeste annonce d'autres nombres que le contenu pour « {form} »",
                   "يعلن البيان أعدادا غير التي في المحتوى للاستمارة « {form} »",
                   "the manifest announces other counts than the content for « {form} »"),
}
CATALOGUE |= {
    # ------------------------------------------------------------------ key rotation, the registry, folders
    "rotation.invalid": ("{what} : demande de rotation invalide", "{what}: طلب تغيير المفتاح غير صالح",
                         "{what}: invalid key rotation request"),
    "rotation.other_code": ("{what} : la nouvelle clé est celle de {code}, pas de {establishment}",
                            "{what}: المفتاح الجديد مفتاح {code}، لا مفتاح {establishment}",
                            "{what}: the new key is {code}'s, not {establishment}'s"),
    "rotation.ministry": (
        "la rotation des clés concerne un établissement ; un ministère publie une nouvelle clé",
        "تغيير المفاتيح خاص بالمؤسسات؛ أما الوزارة فتنشر مفتاحا جديدا",
        "key rotation is for an establishment; a ministry publishes a new key"),
    "registry.what": ("registre : clé de {code}", "السجل: مفتاح {code}", "registry: key of {code}"),
    "registry.altered": ("registre : la clé enregistrée pour {code} a été altérée",
                         "السجل: المفتاح المسجَّل للمؤسسة {code} عُدِّل",
                         "registry: the key enrolled for {code} was altered"),
    "registry.file_of_other": ("{file} : le fichier porte la clé de {code} : rien n'a été importé",
                               "{file}: يحمل الملف مفتاح {code}: لم يُستورد شيء",
                               "{file}: the file holds {code}'s key: nothing was imported"),
    "registry.other_key_in_store": (
        "{folder} : {code} est déjà enregistré avec une autre clé dans le magasin national : rien n'a été importé",
        "{folder}: {code} مسجَّلة من قبل بمفتاح آخر في المخزن الوطني: لم يُستورد شيء",
        "{folder}: {code} is already enrolled with another key in the national store: nothing was imported"),
    "bundle.file_unreadable": ("fichier illisible ({reason})", "ملف غير مقروء ({reason})",
                               "unreadable file ({reason})"),
    "bundle.file_too_large": ("fichier de {size} octets : au-delà de la limite de {limit} octets",
                              "ملف حجمه {size} بايت: يتجاوز الحد البالغ {limit} بايت",
                              "a file of {size} bytes: beyond the limit of {limit} bytes"),
    "folder.ministry_no_records": (
        "ce dossier est celui d'un ministère : il ne contient pas de saisie d'établissement",
        "هذا المجلد مجلد وزارة: لا يحتوي على إدخالات مؤسسة",
        "this folder is a ministry's: it holds no establishment's data entry"),
    "folder.settings_unreadable": ("{file} est illisible : {reason}", "{file} غير مقروء: {reason}",
                                   "{file} is unreadable: {reason}"),
    "folder.settings_not_object": ("un objet JSON est attendu", "يُنتظر كائن JSON", "a JSON object is expected"),
    "settings.bad_period": (
        "{file} : {key} vaut {value} ; la période doit être un nombre entier de jours de {low} à {high}. "
        "Corrigez ce fichier, ou choisissez la période dans Paramètres (ministère) ou avec "
        "« kafaat bundle reminder --days N » (établissement) ; rien n'a été modifié",
        "{file}: قيمة {key} هي {value}؛ يجب أن تكون المدة عددا صحيحا من الأيام بين {low} و{high}. "
        "صحح هذا الملف، أو اختر المدة في الإعدادات (الوزارة) أو بالأمر « kafaat bundle reminder --days N » "
        "(المؤسسة)؛ لم يتغير شيء",
        "{file}: {key} is {value}; the period must be a whole number of days from {low} to {high}. "
        "Correct this file, or choose the period in Settings (ministry) or with "
        "« kafaat bundle reminder --days N » (establishment); nothing was changed"),
    "folder.unknown_role": ("{file} : rôle inconnu « {role} »", "{file}: دور غير معروف « {role} »",
                            "{file}: unknown role « {role} »"),
    "store.other_ministry": (
        "ce magasin national est celui du ministère {current}, pas de {ministry} : rien n'a été modifié",
        "هذا المخزن الوطني خاص بالوزارة {current}، لا بالوزارة {ministry}: لم يتغير شيء",
        "this national store is ministry {current}'s, not {ministry}'s: nothing was changed"),
    "store.establishment_folder": (
        "ce dossier est celui d'un établissement : il n'a pas de magasin national",
        "هذا المجلد مجلد مؤسسة: ليس له مخزن وطني",
        "this folder is an establishment's: it has no national store"),
    "db.orphans": ("la migration a laissé des références orphelines : {problems}",
                   "خلّف الترحيل مراجع يتيمة: {problems}",
                   "the migration left orphan references: {problems}"),
    "db.read_only_upgrade": (
        "{read_only} ; la base doit d'abord être mise à jour (schéma {revision}), ce qui demande d'écrire",
        "{read_only}؛ يجب أولا تحديث القاعدة (المخطط {revision})، وهو ما يتطلب الكتابة",
        "{read_only}; the database must first be upgraded (schema {revision}), which needs writing"),
    "db.cannot_read": ("{file} ne peut pas être lu ({reason})", "تعذّرت قراءة {file} ({reason})",
                       "{file} cannot be read ({reason})"),
    "report.bad_year": ("année universitaire « {year} » invalide : écrivez-la comme 2025-2026",
                        "السنة الجامعية « {year} » غير صالحة: اكتبوها هكذا 2025-2026",
                        "invalid academic year « {year} »: write it as 2025-2026"),
    "extract.unknown_form": ("formulaire inconnu « {form} » (formulaires : {forms})",
                             "استمارة غير معروفة « {form} » (الاستمارات: {forms})",
                             "unknown form « {form} » (forms: {forms})"),
}
CATALOGUE |= {
    "db.cannot_write_path": (
        "{file} ne peut pas être écrit (dossier en lecture seule ou droits insuffisants) : rien n'a été modifié ; "
        "les commandes de consultation restent possibles",
        "تعذّرت الكتابة في {file} (مجلد للقراءة فقط أو صلاحيات غير كافية): لم يتغير شيء؛ تبقى أوامر الاطلاع ممكنة",
        "{file} cannot be written (a read-only folder or insufficient rights): nothing was changed; the commands "
        "that only read still work"),
    "db.file_read_only": (
        "la base {file} ne peut pas être écrite (fichier en lecture seule ou droits insuffisants) : rien n'a été "
        "modifié ({reason})",
        "تعذّرت الكتابة في القاعدة {file} (ملف للقراءة فقط أو صلاحيات غير كافية): لم يتغير شيء ({reason})",
        "the database {file} cannot be written (a read-only file or insufficient rights): nothing was changed "
        "({reason})"),
}
