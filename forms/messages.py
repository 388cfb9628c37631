"""Messages in the user's language, rendered where they are shown.

A refusal or an outcome is made where it arises (``forms/``, ``sync/``, the command line) as a ``Message``: a
key of ``CATALOGUE`` and its parameters. The command line renders it in the language of ``--lang``, the window
in its own; ``str(message)`` is the French text (logs, older callers). An exception raised with a ``Message``
(or a ``Text``) as its argument reads in French too, and ``localized(exc, lang)`` gives it in ``lang``.

Each entry holds the French, Arabic and English texts, with the same ``{name}`` parameters (a test checks it).
A counted entry holds its plural forms separated by ``|`` (``forms.i18n.plural``: French and English one|other,
Arabic zero|one|two|few|many|other) and takes the number as ``n``. A parameter may itself be a ``Message`` or a
``Text`` (rendered in the same language), a list (joined with the language's comma) or anything else (``str``).

Arabic: a path, a code or a fingerprint inside Arabic text keeps its own direction in the window when the
message is rendered with ``bidi=True`` (each parameter is isolated, U+2068…U+2069). The command line does not
insert them: a console that cannot show them would print escapes, and scripts read paths from stderr.
"""

from __future__ import annotations

import string
from collections.abc import Mapping

from forms.i18n import DEFAULT_LANGUAGE, Text, comma, normalise_lang, plural

FSI, PDI = "\u2068", "\u2069"


class Message:
    """One message of ``CATALOGUE`` with its parameters, rendered in any of the three languages."""

    __slots__ = ("key", "params")

    def __init__(self, key: str, /, **params: object) -> None:
        if key not in CATALOGUE:
            raise KeyError(f"message inconnu : {key}")
        self.key = key
        self.params = params

    def get(self, lang: str | None = DEFAULT_LANGUAGE, *, bidi: bool = False) -> str:
        lang = normalise_lang(lang)
        fr, ar, en = CATALOGUE[self.key]
        template = {"fr": fr, "ar": ar, "en": en}[lang]
        if "|" in fr:
            template = plural(int(self.params["n"]), fr, ar, en, lang=lang, number="{n}")  # type: ignore[call-overload]
        values = {name: _render(value, lang, bidi and lang == "ar") for name, value in self.params.items()}
        return template.format(**values)

    @property
    def fr(self) -> str:
        return self.get("fr")

    def text(self) -> Text:
        return Text(self.get("fr"), self.get("ar"), self.get("en"))

    def __str__(self) -> str:
        return self.fr

    def __repr__(self) -> str:
        return f"Message({self.key!r}, {self.params!r})"

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Message) and (self.key, self.params) == (other.key, other.params)

    def __hash__(self) -> int:
        return hash(self.key)


def _render(value: object, lang: str, bidi: bool) -> str:
    if isinstance(value, Message):
        return value.get(lang, bidi=bidi)
    if isinstance(value, Text):
        return value.get(lang)
    if isinstance(value, list | tuple):
        return comma(lang).join(_render(v, lang, bidi) for v in value)
    text = str(value)
    return f"{FSI}{text}{PDI}" if bidi and text else text


Localizable = Message | Text | str


def localized(value: object, lang: str | None = DEFAULT_LANGUAGE, *, bidi: bool = False) -> str:
    """``value`` in ``lang``: a ``Message``, a ``Text``, an exception raised with one of them (its first such
    argument, or its ``text`` attribute), else ``str(value)`` (French)."""
    if isinstance(value, Message):
        return value.get(lang, bidi=bidi)
    if isinstance(value, Text):
        return value.get(normalise_lang(lang))
    if isinstance(value, BaseException):
        held = message_of(value)
        if held is not None:
            return localized(held, lang, bidi=bidi)
    return str(value)


def message_of(exc: BaseException) -> Message | Text | None:
    """The ``Message`` (or ``Text``) an exception was raised with, if any."""
    held = getattr(exc, "text", None)
    if isinstance(held, Message | Text):
        return held
    for arg in exc.args:
        if isinstance(arg, Message | Text):
            return arg
    return None


def parameters(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


CATALOGUE: Mapping[str, tuple[str, str, str]] = {
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
CATALOGUE = {**CATALOGUE, **{
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
}}
CATALOGUE = {**CATALOGUE, **{
    # ------------------------------------------------------------------ the command line itself
    "usage.error": ("{prog} : erreur d'utilisation : {message}", "{prog}: خطأ في الاستعمال: {message}",
                    "{prog}: usage error: {message}"),
    "help.data_dir": ("dossier de données (par défaut : KAFAAT_HOME, sinon le dossier de l'utilisateur)",
                      "مجلد البيانات (افتراضيا: KAFAAT_HOME، وإلا مجلد المستخدم)",
                      "data folder (default: KAFAAT_HOME, else the user's folder)"),
    "help.lang": ("langue des messages (fr par défaut)", "لغة الرسائل (fr افتراضيا)",
                  "language of the messages (fr by default)"),
    "help.description": (
        "Kafaat : saisie hors ligne, export chiffré et consolidation des indicateurs du programme.",
        "كفاءات: إدخال البيانات دون اتصال، وتصديرها مشفّرة، ودمج مؤشرات البرنامج.",
        "Kafaat: offline data entry, encrypted export and consolidation of the programme's indicators."),
}}
CATALOGUE = {**CATALOGUE, **{
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
}}
CATALOGUE = {**CATALOGUE, **{
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
}}
CATALOGUE = {**CATALOGUE, **{
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
}}
