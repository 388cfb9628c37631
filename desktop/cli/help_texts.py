"""The command line's ``--help`` in Arabic and English: each option's and sub-command's help, written in
French in the ``register`` functions, with its two translations (French text → Arabic, English), as Qt's
.ts files and gettext key them. ``translate_help`` applies them to the built parser; a test walks the parser
and fails on a help text left without its translations. The page of import rules (``kafaat import --help``'s
epilog, ``IMPORT_RULES``) is written out in the three languages."""

from __future__ import annotations

import argparse

HELP: dict[str, tuple[str, str]] = {
    "(dépositaire du programme) créer une clé à distribuer aux établissements": (
        "(أمين البرنامج) إنشاء مفتاح يوزَّع على المؤسسات", "(programme custodian) create a key to give the establishments"),
    "(ministère) URL SQLAlchemy du magasin consolidé": (
        "(الوزارة) عنوان SQLAlchemy للمخزن المدمج", "(ministry) SQLAlchemy URL of the consolidated store"),
    "(ministère) clés publiques, enregistrement, vérification": (
        "(الوزارة) المفاتيح العمومية، التسجيل، التحقق", "(ministry) public keys, enrolment, verification"),
    "(établissement) installer la clé reçue": ("(المؤسسة) تثبيت المفتاح المستلم", "(establishment) install the key received"),
    "(établissement) la clé installée et son empreinte": (
        "(المؤسسة) المفتاح المثبَّت وبصمته", "(establishment) the installed key and its fingerprint"),
    "accusés de réception des ministères": ("إشعارات التوصل من الوزارات", "the ministries' receipts"),
    "afficher les empreintes des clés": ("عرض بصمات المفاتيح", "show the keys' fingerprints"),
    "ajouter ou corriger des établissements (CSV)": ("إضافة مؤسسات أو تصحيحها (CSV)", "add or correct establishments (CSV)"),
    "année universitaire (par défaut : la plus récente pour laquelle il y a des données)": (
        "السنة الجامعية (افتراضيا: أحدث سنة لها بيانات)", "academic year (default: the latest with data)"),
    "appliquer une mise à jour signée de la liste des établissements": (
        "تطبيق تحديث موقَّع لقائمة المؤسسات", "apply a signed update of the list of establishments"),
    "ce que contiendra le prochain lot": ("ما ستحتويه الحزمة القادمة", "what the next bundle will hold"),
    "changer la phrase de passe (nouvelle : KAFAAT_NEW_PASSPHRASE ou saisie)": (
        "تغيير عبارة المرور (الجديدة: KAFAAT_NEW_PASSPHRASE أو إدخالها)",
        "change the passphrase (new one: KAFAAT_NEW_PASSPHRASE or typed)"),
    "clé publique du ministère (dossier pas encore initialisé)": (
        "المفتاح العمومي للوزارة (مجلد غير مهيأ بعد)", "the ministry's public key (folder not initialised yet)"),
    "code de l'établissement (rôle establishment)": ("رمز المؤسسة (الدور establishment)", "the establishment's code (role establishment)"),
    "code du ministère (rôle ministry)": ("رمز الوزارة (الدور ministry)", "the ministry's code (role ministry)"),
    "consolider des lots (fichiers ou dossiers) dans le magasin national": (
        "دمج حزم (ملفات أو مجلدات) في المخزن الوطني", "consolidate bundles (files or folders) into the national store"),
    "copie cohérente de la base de données": ("نسخة متسقة من قاعدة البيانات", "a consistent copy of the database"),
    "corriger la correspondance : lettre de colonne ou en-tête = clé du champ (CHAMP vide : ignorer la colonne), "
    "par ex. --map \"N° Massar=student_code\" ; répétable": (
        "تصحيح المطابقة: حرف العمود أو الترويسة = مفتاح الحقل (FIELD فارغ: تجاهل العمود)، مثلا "
        "--map \"N° Massar=student_code\"؛ قابل للتكرار",
        "correct the mapping: column letter or header = field key (empty FIELD: ignore the column), e.g. "
        "--map \"N° Massar=student_code\"; repeatable"),
    "créer le dossier de données, la base et les clés": (
        "إنشاء مجلد البيانات والقاعدة والمفاتيح", "create the data folder, the database and the keys"),
    "créer les clés (si « init » ne l'a pas fait)": (
        "إنشاء المفاتيح (إن لم يفعل ذلك « init »)", "create the keys (if « init » did not)"),
    "dossier de données (par défaut : KAFAAT_HOME, sinon le dossier de l'utilisateur)": (
        "مجلد البيانات (افتراضيا: KAFAAT_HOME، وإلا مجلد المستخدم)", "data folder (default: KAFAAT_HOME, else the user's folder)"),
    "empreinte déjà vérifiée (pas de question)": ("البصمة متحقق منها من قبل (دون سؤال)", "fingerprint already checked (no question)"),
    "enregistrer comme brouillon (peut être incomplet)": ("الحفظ كمسودة (قد تكون ناقصة)", "save as a draft (may be incomplete)"),
    "enregistrer un établissement depuis sa demande": ("تسجيل مؤسسة انطلاقا من طلبها", "enrol an establishment from its request"),
    "exporter les enregistrements consolidés (Excel)": ("تصدير السجلات المدمجة (إكسل)", "export the consolidated records (Excel)"),
    "exporter les enregistrements d'un formulaire vers Excel": ("تصدير سجلات استمارة إلى إكسل", "export a form's records to Excel"),
    "faire confiance à la clé publique d'un ministère": ("الوثوق بالمفتاح العمومي لوزارة", "trust a ministry's public key"),
    "fichier ou dossier (par défaut : DONNÉES/backups/)": ("ملف أو مجلد (افتراضيا: DONNÉES/backups/)", "file or folder (default: DATA/backups/)"),
    "fichier, ou dossier (nom standard accuse-MIN-ÉTAB-N.json)": (
        "ملف، أو مجلد (الاسم المعياري accuse-MIN-ÉTAB-N.json)", "file, or folder (standard name accuse-MIN-EST-N.json)"),
    "fichiers .kfb ou dossiers (clé USB, téléchargements)": (
        "ملفات .kfb أو مجلدات (مفتاح USB، التنزيلات)", ".kfb files or folders (USB key, downloads)"),
    "importer un fichier .xlsx ou .csv (tout ou rien, rapport d'erreurs par ligne)": (
        "استيراد ملف .xlsx أو .csv (الكل أو لا شيء، تقرير أخطاء لكل سطر)",
        "import an .xlsx or .csv file (all or nothing, error report per row)"),
    "inclure les enregistrements supprimés": ("تضمين السجلات المحذوفة", "include deleted records"),
    "l'enregistrement en JSON, ou @fichier.json (avec « id » pour modifier)": (
        "السجل بصيغة JSON، أو @fichier.json (مع « id » للتعديل)", "the record as JSON, or @file.json (with « id » to update)"),
    "la clé de programme qui pseudonymise les codes des étudiants": (
        "مفتاح البرنامج الذي يضع أسماء مستعارة لرموز الطلبة", "the programme key that pseudonymises the students' codes"),
    "la liste des établissements du ministère": ("قائمة مؤسسات الوزارة", "the ministry's list of establishments"),
    "la sauvegarde du jour dans DONNÉES/backups/ (une par jour au plus, vérifiée, rotation : 7 quotidiennes et "
    "4 hebdomadaires), pour une tâche planifiée": (
        "النسخة الاحتياطية لليوم في DONNÉES/backups/ (واحدة في اليوم على الأكثر، متحقق منها، بالتدوير: 7 يومية و4 "
        "أسبوعية)، لمهمة مجدولة",
        "the day's backup in DATA/backups/ (at most one a day, checked, rotation: 7 daily and 4 weekly), for a "
        "scheduled task"),
    "langue des messages (fr par défaut)": ("لغة الرسائل (fr افتراضيا)", "language of the messages (fr by default)"),
    "le classeur d'indicateurs du comité de suivi (Excel) ; --lang : sa langue": (
        "مصنف مؤشرات لجنة التتبع (إكسل)؛ --lang: لغته", "the steering committee's indicators workbook (Excel); --lang: its language"),
    "le lot signé et chiffré pour les ministères": ("الحزمة الموقَّعة والمشفَّرة للوزارات", "the signed, encrypted bundle for the ministries"),
    "les clés de ce dossier (création, empreinte…)": ("مفاتيح هذا المجلد (الإنشاء، البصمة…)", "this folder's keys (creation, fingerprint…)"),
    "les enregistrements consolidés d'un formulaire": ("السجلات المدمجة لاستمارة", "a form's consolidated records"),
    "les lots écrits, accusés ou en attente": ("الحزم المكتوبة، المستلمة أو المنتظرة", "the bundles written, acknowledged or waiting"),
    "les ministères destinataires des lots": ("الوزارات المرسَل إليها الحزم", "the ministries the bundles go to"),
    "lister les enregistrements d'un formulaire": ("عرض سجلات استمارة", "list a form's records"),
    "lister les formulaires et leurs champs": ("عرض الاستمارات وحقولها", "list the forms and their fields"),
    "lister les ministères destinataires": ("عرض الوزارات المرسَل إليها", "list the recipient ministries"),
    "lister les établissements enregistrés": ("عرض المؤسسات المسجَّلة", "list the enrolled establishments"),
    "lister, ajouter, supprimer des enregistrements": ("عرض السجلات وإضافتها وحذفها", "list, add, delete records"),
    "mises à jour signées des listes de référence": ("التحديثات الموقَّعة للقوائم المرجعية", "signed updates of the reference lists"),
    "ne pas demander de confirmation": ("عدم طلب التأكيد", "do not ask for confirmation"),
    "nom de la personne qui importe": ("اسم الشخص الذي يستورد", "name of the person importing"),
    "nom de la personne qui saisit": ("اسم الشخص الذي يُدخل البيانات", "name of the person entering data"),
    "nouvelle période, en jours (1 à 366)": ("مدة جديدة بالأيام (1 إلى 366)", "new period, in days (1 to 366)"),
    "nouvelles clés, et la demande de rotation à envoyer aux ministères": (
        "مفاتيح جديدة، وطلب تغيير المفتاح الذي يُرسل إلى الوزارات", "new keys, and the rotation request to send the ministries"),
    "numéro de version (1 d'abord, puis 2… à chaque rotation)": (
        "رقم الإصدار (1 أولا، ثم 2… عند كل تغيير)", "version number (1 first, then 2… at each rotation)"),
    "offering | cohort | internship | rd_project | ce_session": (
        "offering | cohort | internship | rd_project | ce_session", "offering | cohort | internship | rd_project | ce_session"),
    "où en est chaque établissement (retardataires en premier)": (
        "وضعية كل مؤسسة (المتأخرة أولا)", "where each establishment stands (late ones first)"),
    "où écrire la demande (défaut : dans keys/)": ("أين يُكتب الطلب (افتراضيا: في keys/)", "where to write the request (default: in keys/)"),
    "période de rappel d'export (jours ; 30 par défaut) et si un export est attendu": (
        "مدة التذكير بالتصدير (بالأيام؛ 30 افتراضيا) وهل التصدير منتظر", "export reminder period (days; 30 by default) and whether an export is due"),
    "remplacer la clé d'un établissement déjà enregistré (poste perdu) : nouvelle chaîne de lots": (
        "استبدال مفتاح مؤسسة مسجَّلة (جهاز مفقود): سلسلة حزم جديدة",
        "replace the key of an establishment already enrolled (lost computer): new chain of bundles"),
    "restaurer une sauvegarde après vérification": ("استعادة نسخة احتياطية بعد التحقق", "restore a backup after checking it"),
    "révoquer la clé d'un établissement (ses lots sont refusés)": (
        "إبطال مفتاح مؤسسة (تُرفض حزمها)", "revoke an establishment's key (its bundles are refused)"),
    "seulement les brouillons ou les complets": ("المسودات فقط أو المكتملة فقط", "only the drafts or only the complete ones"),
    "sortie JSON": ("إخراج بصيغة JSON", "JSON output"),
    "supprimer un enregistrement (pierre tombale)": ("حذف سجل (علامة حذف)", "delete a record (tombstone)"),
    "tout envoyer, pas seulement les changements": ("إرسال الكل، وليس التغييرات فقط", "send everything, not only the changes"),
    "tout vérifier sans rien enregistrer": ("التحقق من كل شيء دون حفظ أي شيء", "check everything without saving anything"),
    "un seul établissement": ("مؤسسة واحدة فقط", "one establishment only"),
    "valider et enregistrer un enregistrement": ("التحقق من سجل وحفظه", "validate and save a record"),
    "vérifier Qt (hors écran), la base de données, Excel et la cryptographie": (
        "التحقق من Qt (دون شاشة) وقاعدة البيانات وإكسل والتشفير", "check Qt (offscreen), the database, Excel and cryptography"),
    "vérifier et déchiffrer un lot (rien n'est enregistré)": (
        "التحقق من حزمة وفك تشفيرها (لا يُحفظ شيء)", "verify and decrypt a bundle (nothing is stored)"),
    "vérifier un accusé et marquer le lot reçu": ("التحقق من إشعار وتسجيل الحزمة كمستلمة", "verify a receipt and mark the bundle received"),
    "écrire aussi l'accusé de réception signé": ("كتابة الإشعار بالتوصل الموقَّع أيضا", "also write the signed receipt"),
    "écrire l'accusé de réception signé de chaque lot appliqué": (
        "كتابة الإشعار بالتوصل الموقَّع لكل حزمة مطبَّقة", "write the signed receipt of each bundle applied"),
    "écrire la demande d'enregistrement à envoyer au ministère": (
        "كتابة طلب التسجيل الذي يُرسل إلى الوزارة", "write the enrolment request to send the ministry"),
    "écrire la mise à jour signée de la liste des établissements": (
        "كتابة التحديث الموقَّع لقائمة المؤسسات", "write the signed update of the list of establishments"),
    "écrire le fichier de clé publique du ministère": ("كتابة ملف المفتاح العمومي للوزارة", "write the ministry's public key file"),
    "écrire le modèle Excel d'un formulaire": ("كتابة نموذج إكسل لاستمارة", "write a form's Excel template"),
    "écrire le prochain lot dans un dossier (clé USB…)": ("كتابة الحزمة القادمة في مجلد (مفتاح USB…)", "write the next bundle into a folder (USB key…)"),
    "écrire le rapport d'erreurs (lignes d'origine, colonne « Problèmes », cellules en couleur)": (
        "كتابة تقرير الأخطاء (الأسطر الأصلية، عمود « المشاكل »، خلايا ملوَّنة)",
        "write the error report (original rows, « Problems » column, cells in colour)"),
    "écrire à nouveau l'accusé de réception d'un lot consolidé": (
        "كتابة الإشعار بالتوصل لحزمة مدمجة من جديد", "write again the receipt of a consolidated bundle"),
}
ARGPARSE_OWN = ("show this help message and exit", "show program's version number and exit")
"""argparse's own help texts: ``desktop.cli._words`` puts them in the language."""


def parsers(parser: argparse.ArgumentParser) -> list[argparse.ArgumentParser]:
    """``parser`` and every sub-command's parser, each once."""
    out, todo = [], [parser]
    while todo:
        current = todo.pop()
        if any(current is p for p in out):
            continue
        out.append(current)
        for action in current._actions:
            if isinstance(action, argparse._SubParsersAction):
                todo.extend(action.choices.values())
    return out


def help_texts(parser: argparse.ArgumentParser) -> list[str]:
    """Every help text the parser shows (options, sub-commands), argparse's own left out."""
    texts = []
    for p in parsers(parser):
        for action in p._actions:
            texts.append(action.help)
            if isinstance(action, argparse._SubParsersAction):
                texts.extend(choice.help for choice in action._choices_actions)
    return [t for t in texts if isinstance(t, str) and t and t != argparse.SUPPRESS and t not in ARGPARSE_OWN]


METAVARS = {
    "FICHIER": "FILE", "ACTION": "ACTION", "FORMULAIRE": "FORM", "SORTIE.xlsx": "OUT.xlsx", "NOM": "NAME",
    "CODE": "CODE", "SORTIE": "OUT", "DOSSIER": "FOLDER", "ÉTABLISSEMENT": "ESTABLISHMENT", "UUID": "UUID",
    "URL": "URL", "TEXTE_OU_@FICHIER": "TEXT_OR_@FILE", "RAPPORT.xlsx": "REPORT.xlsx", "NUMÉRO": "SEQ",
    "JOURS": "DAYS", "FICHIER.csv": "FILE.csv", "DEMANDE": "REQUEST", "COMMANDE": "COMMAND",
    "COLONNE=CHAMP": "COLUMN=FIELD", "CHEMIN": "PATH", "AAAA-AAAA": "YYYY-YYYY",
}
"""The placeholders of the usage lines (French as written) in English, for ``--lang en`` and ``--lang ar``
alike: the names of cli.md, and in a terminal Latin placeholders keep their place in a usage line that
Arabic ones, written right to left, would scramble."""


def translate_help(parser: argparse.ArgumentParser, lang: str) -> None:
    """The help texts of ``parser`` in ``lang`` (``ar`` or ``en``; French as written otherwise)."""
    column = {"ar": 0, "en": 1}.get(lang)
    if column is None:
        return
    seen: set[int] = set()
    for p in parsers(parser):
        actions = list(p._actions)
        for action in p._actions:
            if isinstance(action, argparse._SubParsersAction):
                actions.extend(action._choices_actions)
        for action in actions:
            if id(action) in seen:  # the parents' options are shared by every sub-command
                continue
            seen.add(id(action))
            if isinstance(action.help, str) and action.help in HELP:
                action.help = HELP[action.help][column]
            if isinstance(action.metavar, str):
                action.metavar = METAVARS.get(action.metavar, action.metavar)
        if p.epilog and p.epilog == import_rules("fr"):
            p.epilog = import_rules(lang)


IMPORT_RULES = {
    "fr": """\
règles :
  - tout ou rien : si une seule ligne est refusée, rien n'est enregistré ; chaque problème est indiqué
    avec sa ligne, sa colonne et son champ (et dans le rapport --errors) ;
  - chaque ligne est vérifiée avec les mêmes règles que la saisie ; une ligne valide est enregistrée
    « complète », ses avertissements sont signalés sans la refuser ; une colonne « Statut » = Brouillon
    permet d'importer un brouillon incomplet ;
  - une ligne dont la clé existe déjà (NATURAL_KEYS) ou dont l'« Identifiant Kafaat » d'un export
    est connu met à jour l'enregistrement ; une ligne identique ne change rien ;
  - mise à jour partielle : un fichier qui garde les colonnes de la clé (ou l'« Identifiant Kafaat ») peut
    ne contenir que les colonnes à changer : les colonnes absentes gardent les valeurs enregistrées ; une
    ligne nouvelle doit avoir toutes les colonnes obligatoires ;
  - en-têtes : libellés français ou clés des champs (voir « kafaat template ») ; listes : libellé de la
    liste déroulante du modèle, code ou nom courant (F / H, Féminin, anciennes régions sans ambiguïté) ;
    dates jj/mm/aaaa, dates Excel ou « 3 février 2025 » ; un lien par la clé de l'enregistrement qu'il nomme
    (offre par son code, cohorte par « 2025-2026 / 2 ») ;
  - lignes vides ou faites d'espaces ignorées ; un fichier sans ligne de données est refusé (code 1) ;
  - CSV : séparateur « ; » ou « , », de préférence « CSV UTF-8 » (Windows-1252 remplace l'arabe par des
    « ? »).
""",
    "ar": """\
القواعد:
  - الكل أو لا شيء: إذا رُفض سطر واحد، لا يُحفظ أي شيء؛ تُذكر كل مشكلة
    بسطرها وعمودها وحقلها (وفي تقرير --errors كذلك)؛
  - يُتحقق من كل سطر بقواعد الإدخال نفسها؛ يُحفظ السطر الصالح « مكتملا »،
    وتُذكر تنبيهاته دون رفضه؛ عمود « الحالة » = مسودة يسمح باستيراد مسودة غير مكتملة؛
  - السطر الذي يوجد مفتاحه من قبل (NATURAL_KEYS) أو الذي يُعرف « معرف كفاءات » الوارد فيه
    من تصدير سابق يحدّث السجل؛ والسطر المطابق لا يغيّر شيئا؛
  - التحديث الجزئي: الملف الذي يحتفظ بأعمدة المفتاح (أو بعمود « معرف كفاءات ») يمكن أن
    يقتصر على الأعمدة المراد تغييرها: تحتفظ الأعمدة الغائبة بالقيم المحفوظة؛ ويجب أن
    يحتوي السطر الجديد على كل الأعمدة الإلزامية؛
  - العناوين: تسميات الحقول (بالفرنسية أو العربية أو الإنجليزية) أو مفاتيحها (انظروا « kafaat template »)؛
    القوائم: تسمية القائمة المنسدلة في النموذج، أو الرمز، أو الاسم الشائع (F / H، « Féminin »،
    أسماء الجهات القديمة إن لم يكن فيها لبس)؛ التواريخ dd/mm/yyyy أو تواريخ Excel أو « 3 فبراير 2025 »؛
    والرابط بمفتاح السجل الذي يسمّيه (العرض برمزه، والفوج بـ « 2025-2026 / 2 »)؛
  - تُتجاهل الأسطر الفارغة أو المكوّنة من مسافات؛ ويُرفض الملف الذي لا سطر بيانات فيه (الرمز 1)؛
  - CSV: الفاصل « ; » أو « , »، ويُفضَّل « CSV UTF-8 » (الترميز Windows-1252 يستبدل بالحروف العربية
    علامات « ? »).
""",
    "en": """\
rules:
  - all or nothing: if a single row is refused, nothing is saved; each problem is given with its
    row, its column and its field (and in the --errors report);
  - each row is checked with the same rules as data entry; a valid row is saved « complete », its
    warnings are reported without refusing it; a « Status » column = Draft imports an incomplete
    draft;
  - a row whose key already exists (NATURAL_KEYS) or whose « Kafaat identifier » from an export is
    known updates the record; an identical row changes nothing;
  - partial update: a file that keeps the key's columns (or the « Kafaat identifier ») may hold only
    the columns to change: the columns left out keep the saved values; a new row must have every
    required column;
  - headers: the fields' labels (French, Arabic or English) or keys (see « kafaat template »); lists:
    the label of the template's drop-down list, a code or a common name (F / H, « Féminin », former
    regions when unambiguous); dates dd/mm/yyyy, Excel dates or « 3 février 2025 »; a link by the key of
    the record it names (an offering by its code, a cohort by « 2025-2026 / 2 »);
  - empty rows or rows of spaces are ignored; a file without a data row is refused (code 1);
  - CSV: separator « ; » or « , », preferably « CSV UTF-8 » (Windows-1252 replaces Arabic letters with
    « ? »).
""",
}
"""``kafaat import --help``'s page of rules, in the three languages; NATURAL_KEYS stands for each form's key
(``import_rules``)."""


def import_rules(lang: str) -> str:
    """The import rules in ``lang``, each form's natural key named from the declarations."""
    from forms.definitions import FORMS
    from forms.i18n import comma, lowered, normalise_lang

    lang = normalise_lang(lang)

    def label(text: object) -> str:
        value = text.get(lang)  # type: ignore[attr-defined]
        return value if lang == "ar" else lowered(value)

    colon, separator = {"fr": (" : ", " ; "), "ar": (": ", "؛ "), "en": (": ", "; ")}[lang]
    keys = separator.join(
        f"{label(form.label)}{colon}{comma(lang).join(label(form.field(k).label) for k in form.natural_key)}"
        for form in FORMS.values() if form.natural_key)
    return IMPORT_RULES[lang].replace("NATURAL_KEYS", keys)
