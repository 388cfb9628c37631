"""The command line's refusals in the language of ``--lang`` (French by default).

The messages are written in French where they arise (in ``forms/`` and ``sync/`` too); the ones support staff
and scripts meet most (folder not initialised or of the other role, passphrase, fingerprint to confirm, a
record or an import refused, a file missing or unreadable, unknown codes) are rendered here in English and
Arabic, by their shape. Any other message stays in French, whole: a message is never half translated.
"""

from __future__ import annotations

import re

from forms.i18n import plural

PROBLEMS_AR = "لا مشاكل|مشكلة واحدة|مشكلتان|{n} مشاكل|{n} مشكلة|{n} مشكلة"

MESSAGES: tuple[tuple[re.Pattern[str], str, str], ...] = tuple(
    (re.compile(pattern, re.S), en, ar) for pattern, en, ar in (
        (r"le dossier (?P<d>.+) n'est pas un dossier de données Kafaat : lancez d'abord « kafaat init »",
         "the folder {d} is not a Kafaat data folder: run « kafaat init » first",
         "المجلد {d} ليس مجلد بيانات كفاءات: شغّلوا أولا « kafaat init »"),
        (r"le dossier (?P<d>.+) est déjà initialisé : rien n'a été modifié",
         "the folder {d} is already initialised: nothing was changed",
         "المجلد {d} مهيأ من قبل: لم يتغير شيء"),
        (r"cette commande s'utilise dans le dossier d'un établissement ; (?P<d>.+) est un dossier « (?P<r>\w+) »",
         "this command is used in an establishment's data folder; {d} is a « {r} » folder",
         "يُستعمل هذا الأمر في مجلد بيانات مؤسسة؛ المجلد {d} من نوع « {r} »"),
        (r"cette commande s'utilise dans le dossier d'un ministère ; (?P<d>.+) est un dossier « (?P<r>\w+) »",
         "this command is used in a ministry's data folder; {d} is a « {r} » folder",
         "يُستعمل هذا الأمر في مجلد بيانات وزارة؛ المجلد {d} من نوع « {r} »"),
        (r"phrase de passe incorrecte \(ou fichier de clé altéré\) : rien n'a été modifié",
         "wrong passphrase (or altered key file): nothing was changed",
         "عبارة المرور غير صحيحة (أو ملف المفاتيح معدَّل): لم يتغير شيء"),
        (r"phrase de passe requise : définissez (?P<v>\w+) ou lancez la commande dans un terminal",
         "a passphrase is needed: set {v} or run the command in a terminal",
         "عبارة المرور مطلوبة: حدّدوا {v} أو شغّلوا الأمر في طرفية"),
        (r"vérifiez cette empreinte avec l'expéditeur \(par téléphone\), puis relancez avec --yes ; "
         r"rien n'a été modifié",
         "check this fingerprint with the sender (by phone), then run again with --yes; nothing was changed",
         "تحققوا من هذه البصمة مع المرسل (بالهاتف)، ثم أعيدوا التشغيل مع --yes؛ لم يتغير شيء"),
        (r"(?P<f>.+) : enregistrement refusé, (?P<n>\d+) problèmes?, rien n'a été enregistré",
         "{f}: record refused, {problems}, nothing was saved",
         "{f}: رُفض التسجيل، {problems}، لم يُحفظ أي شيء"),
        (r"(?P<f>.+) : fichier introuvable : vérifiez le nom et le dossier du fichier",
         "{f}: file not found: check the file's name and folder",
         "{f}: الملف غير موجود: تحققوا من اسم الملف ومجلده"),
        (r"(?P<f>.+) : import refusé, (?P<n>\d+) problèmes? (?P<rest>.*): rien n'a été enregistré(?P<tail>.*)",
         "{f}: import refused, {problems}: nothing was saved",
         "{f}: رُفض الاستيراد، {problems}: لم يُحفظ أي شيء"),
        (r"introuvable : (?P<p>.+) ; rien n'a été consolidé",
         "not found: {p}; nothing was consolidated",
         "غير موجود: {p}؛ لم يُدمج أي شيء"),
        (r"établissement inconnu « (?P<c>[^»]+) » \(codes connus : (?P<k>.+)\)",
         "unknown establishment « {c} » (known codes: {k})",
         "مؤسسة غير معروفة « {c} » (الرموز المعروفة: {k})"),
        (r"ministère inconnu « (?P<c>[^»]+) » \(codes connus : (?P<k>.+)\)",
         "unknown ministry « {c} » (known codes: {k})",
         "وزارة غير معروفة « {c} » (الرموز المعروفة: {k})"),
        (r"aucun\(e\) (?P<f>.+) vivant\(e\) n'a l'identifiant (?P<i>.+)",
         "no live record of this form has the identifier {i}",
         "لا يوجد سجل قائم من هذه الاستمارة بالمعرّف {i}"),
    ))


ERRORS_HINT = {"en": "; --errors REPORT.xlsx marks them in the file",
               "ar": "؛ الخيار --errors REPORT.xlsx يعلّمها في الملف"}


def translate(message: str, lang: str | None) -> str:
    """``message`` in ``lang`` when its shape is known, else unchanged (French)."""
    if lang not in ("en", "ar"):
        return message
    for pattern, en, ar in MESSAGES:
        found = pattern.fullmatch(message)
        if found is not None:
            values = found.groupdict()
            if values.get("n"):  # « 1 problem », « 3 problems »; Arabic's six forms
                values["problems"] = plural(int(values["n"]), "{n} problème|{n} problèmes", PROBLEMS_AR,
                                            "{n} problem|{n} problems", lang)
            text = (en if lang == "en" else ar).format(**values)
            if "--errors" in (found.groupdict().get("tail") or ""):
                text += ERRORS_HINT[lang]
            return text
    return message
