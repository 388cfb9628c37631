"""The spreadsheet face of a form, derived from its declaration: columns and their headers, header
matching, cell conversions in both directions, and links written the way people write them.

Headers read ``Libellé [clé]`` (e.g. ``Femmes [women]``): French for people, the field key for an
unambiguous import. On import a header matches a field by its key, by its label in any language, or by
both, ignoring case, accents, spaces and punctuation.

Links: a sheet names a linked record by its natural key rather than a UUID. An offering is written as its
code (``MS-CYBER``); a cohort as ``2025-2026 / 2`` (academic year / year of study), its offering being the
row's own offering. A UUID is accepted too.
"""

from __future__ import annotations

import re
import uuid
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from forms.definitions import FORMS
from forms.excel.reading import serial_to_date
from forms.i18n import Text, lowered
from forms.reference import fold
from forms.schema import Field, FieldType, Form
from forms.validation import CONTROL_CHARS, ValueProblem, control_character_problem, parse_value

if TYPE_CHECKING:  # the database layer is loaded by the links' first query, not by ``kafaat template``
    from sqlalchemy import Connection

STATUS_KEY = "status"
ID_KEY = "id"
STATUS_LABEL = Text("Statut", "الحالة", "Status")
ID_LABEL = Text("Identifiant Kafaat", "معرف كفاءات", "Kafaat identifier")
PROBLEMS_LABEL = Text("Problèmes", "المشاكل", "Problems")
STATUS_WORDS = {
    "complete": "complete", "complet": "complete", "complete e": "complete", "valide": "complete",
    "draft": "draft", "brouillon": "draft", "مسودة": "draft", "مكتمل": "complete",
}
STATUS_SHOWN = {"complete": Text("Complet", "مكتمل", "Complete"), "draft": Text("Brouillon", "مسودة", "Draft")}
FORMULA_PREFIXES = ("=", "+", "-", "@")
DATE_FORMAT = "DD/MM/YYYY"
MANGLED_TEXT = re.compile(r"\d([.,]\d+)?[eE]\+?\d+")
US_DATE = re.compile(r"(\d{1,2})/(\d{1,2})/(\d{4})")
UUID_RE = re.compile(r"[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}")
PARENTHESIS = re.compile(r"\(([^)]*)\)")
BRACKET_KEY = re.compile(r"\[\s*([A-Za-z0-9_]+)\s*\]\s*$")


@dataclass(frozen=True)
class Column:
    key: str
    label: Text
    field: Field | None = None

    def header(self, lang: str = "fr") -> str:
        return f"{self.label.get(lang)} [{self.key}]"


def form_columns(form: Form, *, with_status: bool = True, with_id: bool = False) -> list[Column]:
    columns = [Column(f.key, f.label, f) for f in form.fields]
    if with_status:
        columns.append(Column(STATUS_KEY, STATUS_LABEL))
    if with_id:
        columns.append(Column(ID_KEY, ID_LABEL))
    return columns


_header_indexes: dict[str, dict[str, str]] = {}


def _header_index(form: Form) -> dict[str, str]:
    cached = _header_indexes.get(form.key)
    if cached is not None and len(cached) >= len(form.fields):
        return cached
    index: dict[str, str] = {}
    for column in form_columns(form, with_id=True):
        for text in (column.key, column.label.fr, column.label.ar, column.label.en, column.header("fr")):
            if text:
                index.setdefault(_fold_header(text), column.key)
    for alias, key in (("statut", STATUS_KEY), ("etat", STATUS_KEY), ("uuid", ID_KEY), ("identifiant", ID_KEY)):
        index.setdefault(alias, key)
    # Shorter names people use, derived from the labels themselves: the label without its parenthesis
    # (« Code national de l'étudiant ») and each name given inside it (« CNE », « Massar », « MAD »…),
    # kept only when one field alone claims them.
    claims: dict[str, set[str]] = {}
    for f in form.fields:
        for label in (f.label.fr, f.label.en):
            outside = PARENTHESIS.sub(" ", label)
            names = [outside] + [part for inside in PARENTHESIS.findall(label) for part in inside.split("/")]
            for name in names:
                folded = _fold_header(name)
                if len(folded) >= 3:
                    claims.setdefault(folded, set()).add(f.key)
    for folded, keys in claims.items():
        if len(keys) == 1:
            index.setdefault(folded, next(iter(keys)))
    _header_indexes[form.key] = index
    return index


def _fold_header(text: str) -> str:
    return re.sub(r"[^0-9a-z\u0600-\u06ff]+", " ", fold(text)).strip()


IGNORED_HEADERS = {_fold_header(PROBLEMS_LABEL.fr), _fold_header(PROBLEMS_LABEL.ar), _fold_header(PROBLEMS_LABEL.en),
                   "problems"}
"""The error report's « Problèmes » column, in any of the three languages: never data."""


def match_header(form: Form, header: Any) -> str | None:
    """The field key (or ``status``/``id``) a header names, or ``None``."""
    if header is None:
        return None
    text = str(header).strip()
    if not text:
        return None
    bracket = BRACKET_KEY.search(text)
    if bracket and (form.has_field(bracket.group(1)) or bracket.group(1) in (STATUS_KEY, ID_KEY)):
        return bracket.group(1)
    return _header_index(form).get(_fold_header(text))


def header_names(form: Form) -> dict[str, str]:
    """Every name a header may give a field (folded) → the field key (or ``status``/``id``)."""
    return _header_index(form)


def column_header(form: Form, key: str, lang: str = "fr") -> str:
    """The header the template gives a field's column (« Genre [gender] »)."""
    return f"{column_label(form, key, lang)} [{key}]"


def column_label(form: Form, key: str, lang: str = "fr") -> str:
    if form.has_field(key):
        return form.field(key).label.get(lang)
    return {STATUS_KEY: STATUS_LABEL, ID_KEY: ID_LABEL}.get(key, Text(key)).get(lang)


# ------------------------------------------------------------------------------------------ to cells

def boolean_word(value: bool, lang: str = "fr") -> str:
    return {"fr": ("Oui", "Non"), "ar": ("نعم", "لا"), "en": ("Yes", "No")}.get(lang, ("Oui", "Non"))[0 if value
                                                                                                     else 1]


def cell_value(field: Field, value: Any, lang: str = "fr", links: LinkNames | None = None) -> Any:
    """A typed field value as written in a spreadsheet cell (labels, Oui/Non, dates, link names)."""
    if value is None:
        return None
    kind = field.type
    if kind is FieldType.CHOICE:
        table = field.choices()
        return table.label(value, lang) if table else value
    if kind is FieldType.MULTI_CHOICE:
        table = field.choices()
        return "; ".join(table.label(code, lang) if table else code for code in value)
    if kind is FieldType.BOOLEAN:
        return boolean_word(bool(value), lang)
    if kind is FieldType.DECIMAL:
        return float(value) if isinstance(value, Decimal) else value
    if kind is FieldType.LINK:
        return links.name(field, value) if links else value
    return value


def status_word(status: str, lang: str = "fr") -> str:
    return STATUS_SHOWN[status].get(lang)


# ---------------------------------------------------------------------------------------- from cells

def raw_value(field: Field, value: Any, date1904: bool = False) -> Any:
    """What a spreadsheet cell holds, made ready for ``forms.validation.parse_value``.

    Excel stores every number as a float: whole floats become ints; a date column that lost its format
    holds the date serial; a region typed as ``6`` means code ``06``. Text is left to the form's own
    parsing (``15/01/2024``, ``Oui``, ``1 234,5``).
    """
    if value is None:
        return None
    if isinstance(value, str):
        value = value.strip()
        if not value:
            return None
        control = control_character_problem(value)  # the field check's rule, said before any other
        if control is not None:
            raise ValueProblem(control, "control")
        if field.type is FieldType.CHOICE and value.isdigit():
            return _padded_code(field, value)
        if field.type is FieldType.DATE:
            if not value[:1].isdigit() or (" " in value and not TIME_AFTER_DATE.fullmatch(value)):
                return written_date(value)
            us = US_DATE.fullmatch(value)
            if us and int(us.group(1)) <= 12 < int(us.group(2)) <= 31:
                raise ValueProblem(Text(
                    f"« {value} » est une date écrite mois/jour/année (format américain) : les autres dates du "
                    f"fichier peuvent être lues à l'envers ; réenregistrez-le avec des dates jj/mm/aaaa (ou "
                    f"importez le classeur .xlsx)",
                    f"« {value} » تاريخ بصيغة شهر/يوم/سنة: أعد حفظ الملف بتواريخ يوم/شهر/سنة",
                    f"'{value}' is a month/day/year date: other dates in the file may be read the wrong way "
                    f"round; save it again with dd/mm/yyyy dates"), "type")
        if field.type is FieldType.IDENTIFIER and MANGLED_TEXT.fullmatch(value):
            # Excel in French writes 1,23E+14 in CSV exports: report it as the mangled identifier it is
            raise ValueProblem(Text(
                f"« {value} » ressemble à un identifiant déformé par Excel (notation scientifique) : formatez la "
                f"colonne en texte et saisissez-le tel quel",
                f"« {value} » يبدو معرفا شوهه إكسل: اجعل العمود نصيا",
                f"'{value}' looks like an identifier mangled by Excel (scientific notation): format the column as "
                f"text"), "mangled")
        return value
    kind = field.type
    if isinstance(value, bool):  # an Excel TRUE/FALSE cell: « Oui »/« Non » for anything but a yes/no field
        return value if kind is FieldType.BOOLEAN else ("Oui" if value else "Non")
    if isinstance(value, float):
        if kind is FieldType.DATE:
            return serial_to_date(value, date1904) or value
        if kind is FieldType.IDENTIFIER and value.is_integer() and abs(value) >= 1e15:
            # Excel keeps 15 significant digits: a longer number typed in a cell has lost some
            shown = f"{value:.14E}".replace(".", ",")
            raise ValueProblem(Text(
                f"« {shown} » : identifiant saisi comme un nombre de plus de 15 chiffres, Excel en a perdu "
                f"(notation scientifique) : formatez la colonne en texte et saisissez-le tel quel",
                f"« {shown} »: معرف قُرئ كعدد من أكثر من 15 رقما: اجعل العمود نصيا",
                f"'{shown}': identifier typed as a number of more than 15 digits, Excel lost some: format the "
                f"column as text"), "mangled")
        if value.is_integer():
            value = int(value)
    if isinstance(value, int) and kind is FieldType.DATE:
        return serial_to_date(float(value), date1904) or value
    if isinstance(value, int) and kind is FieldType.CHOICE:
        return _padded_code(field, str(value))
    if isinstance(value, datetime) and kind is not FieldType.DATE:
        return value.strftime("%d/%m/%Y")
    if isinstance(value, date) and kind not in (FieldType.DATE,):
        return value.strftime("%d/%m/%Y")
    if not isinstance(value, str | int | float | date | Decimal):
        return str(value)
    return value


MONTHS: dict[str, int] = {
    # French, whole and abbreviated (folded: no accents, lower case)
    "janvier": 1, "janv": 1, "jan": 1, "fevrier": 2, "fevr": 2, "fev": 2, "mars": 3, "avril": 4, "avr": 4,
    "mai": 5, "juin": 6, "juillet": 7, "juil": 7, "aout": 8, "septembre": 9, "sept": 9, "sep": 9,
    "octobre": 10, "oct": 10, "novembre": 11, "nov": 11, "decembre": 12, "dec": 12,
    # Arabic as written in Morocco, in the Middle East (Egypt…) and in the Levant
    "يناير": 1, "فبراير": 2, "مارس": 3, "ابريل": 4, "ماي": 5, "مايو": 5, "يونيو": 6, "يونيه": 6, "يوليوز": 7,
    "يوليو": 7, "يوليه": 7, "غشت": 8, "اغسطس": 8, "شتنبر": 9, "سبتمبر": 9, "اكتوبر": 10, "نونبر": 11,
    "نوفمبر": 11, "دجنبر": 12, "ديسمبر": 12, "كانون الثاني": 1, "شباط": 2, "اذار": 3, "نيسان": 4, "ايار": 5,
    "حزيران": 6, "تموز": 7, "اب": 8, "ايلول": 9, "تشرين الاول": 10, "تشرين الثاني": 11, "كانون الاول": 12,
}
"""Month names of dates written out (« 3 février 2025 », « 3 فبراير 2025 »)."""
WRITTEN_DATE = re.compile(r"(?:[^\W\d]+\.?,?\s+)??(\d{1,2})(?:er|ᵉʳ)?\s+(\D+?)\.?,?\s+(\d{4})")
TIME_AFTER_DATE = re.compile(r"\S+[ T]\d{1,2}:\d{2}(:\d{2}(\.\d+)?)?")
"""« 15/01/2024 08:30 »: a date and a time, which the form's own parsing reads."""
ARABIC_FOLD = str.maketrans({"أ": "ا", "إ": "ا", "آ": "ا", "ـ": None, "،": ","})


def written_date(text: str) -> date:
    """A date written out with its month's name, in French or Arabic (« lundi 3 février 2025 », « 1er mars
    2025 », « ٣ فبراير ٢٠٢٥ »); raises ``ValueProblem`` quoting the whole cell otherwise."""
    folded = " ".join(fold(text).translate(ARABIC_FOLD).split())
    match = WRITTEN_DATE.fullmatch(folded)
    month = MONTHS.get(match.group(2).strip()) if match else None
    if match and month:
        try:
            return date(int(match.group(3)), month, int(match.group(1)))
        except ValueError:
            pass
    raise ValueProblem(Text(
        f"« {text} » n'est pas une date : écrivez-la jj/mm/aaaa (par exemple 03/02/2025) ou « 3 février 2025 »",
        f"« {text} » ليس تاريخا: اكتبه يوم/شهر/سنة (مثلا 03/02/2025)",
        f"'{text}' is not a date: write it dd/mm/yyyy (e.g. 03/02/2025)"), "type")


MEMO_LIMIT = 20_000
"""Distinct values remembered per column: reference labels, dates and links repeat down a sheet."""
MEMO_KINDS = frozenset({FieldType.CHOICE, FieldType.MULTI_CHOICE, FieldType.BOOLEAN, FieldType.DATE,
                        FieldType.DECIMAL, FieldType.INTEGER})


def converter(field: Field, date1904: bool = False) -> Any:
    """``cell -> value`` for one column: ``raw_value`` then, for fields whose values repeat, the form's
    own ``parse_value`` (remembered per distinct cell, so 100 000 rows of « Cybersécurité » are matched
    once). Raises ``ValueProblem``. What it returns is what ``parse_value`` returns, or the cleaned text
    for text, identifier and link fields (the store's check parses those)."""
    if field.type not in MEMO_KINDS:
        if field.type is FieldType.IDENTIFIER:
            def identifier(value: Any) -> Any:
                if type(value) is str:
                    value = value.strip()
                    if not value:
                        return None
                    if not MANGLED_TEXT.fullmatch(value) and (value.isprintable() or not CONTROL_CHARS.search(value)):
                        return value
                return raw_value(field, value, date1904)
            return identifier

        def text(value: Any) -> Any:
            # isprintable() answers in C for the usual cell; the expression only runs on the others
            if type(value) is str and (value.isprintable() or not CONTROL_CHARS.search(value)):
                return value.strip() or None
            return raw_value(field, value, date1904)
        return text
    memo: dict[tuple[type, Any], Any] = {}

    def typed(value: Any) -> Any:
        if value is None or value == "":
            return None
        key = (type(value), value)
        try:
            found = memo[key]
        except KeyError:
            try:
                found = parse_value(field, raw_value(field, value, date1904))
            except ValueProblem as exc:
                found = with_labels(field, exc) if exc.code == "choice" else exc
            if len(memo) < MEMO_LIMIT:
                memo[key] = found
        if isinstance(found, ValueProblem):
            raise found
        return found
    return typed


_MISSING = object()


def column_converter(field: Field, date1904: bool = False) -> Any:
    """``cells -> (values, problems)`` for one column of a chunk of rows: exactly what ``converter`` gives cell
    by cell, with the common cell converted without a call (text already clean; a value of a repeating column
    seen before). A cell that cannot be read gives its ``ValueProblem`` in ``values`` at its place, and
    ``problems`` is then true (it lists them)."""
    one = converter(field, date1904)

    def column(cells: Any) -> tuple[list[Any], list[ValueProblem]]:
        problems: list[ValueProblem] = []

        def slow(value: Any) -> Any:
            try:
                found = one(value)
            except ValueProblem as exc:
                problems.append(exc)
                return exc
            if good is not None and len(good) < MEMO_LIMIT:
                good[(type(value), value)] = found
            return found

        if good is not None:
            get = good.get
            out = [found if (found := get((type(v), v), _MISSING)) is not _MISSING else slow(v) for v in cells]
        elif field.type is FieldType.IDENTIFIER:
            out = [slow(v) for v in cells]
        else:  # text: ``converter``'s own fast path, inline
            out = [v.strip() or None if type(v) is str and v.isprintable() else slow(v) for v in cells]
        return out, problems

    good: dict[tuple[type, Any], Any] | None = None
    if field.type in MEMO_KINDS:
        good = {(type(None), None): None, (str, ""): None}
    return column


def with_labels(field: Field, exc: ValueProblem) -> ValueProblem:
    """A value not in a list, told with the labels the template's drop-down list offers rather than codes
    (« « Féminin » n'est pas une valeur permise : choisissez Femme ou Homme »)."""
    table = field.choices()
    if table is None:
        return exc
    codes = f"({', '.join(table.codes)})"
    words = {"fr": ("choisissez", "ou", "dans la liste déroulante du modèle"), "ar": ("اختر", "أو", "من قائمة النموذج"),
             "en": ("choose", "or", "from the template's drop-down list")}
    texts = []
    for lang in ("fr", "ar", "en"):
        labels = [c.label.get(lang) for c in table.choices]
        choose, either, where = words[lang]
        listed = f"{', '.join(labels[:-1])} {either} {labels[-1]}" if len(labels) > 1 else labels[0]
        original = exc.message.get(lang)
        texts.append(original.replace(f" {codes}", f" : {choose} {listed} ({where})") if codes in original
                     else original)
    return ValueProblem(Text(*texts), exc.code)


def _padded_code(field: Field, text: str) -> str:
    """``6`` for a table whose codes are ``01``…``12``: the code ``06`` (Excel and CSV drop the zero)."""
    table = field.choices()
    if table is not None and table.match(text) is None:
        for width in sorted({len(c) for c in table.codes if c.isdigit()}):
            if table.match(text.zfill(width)):
                return text.zfill(width)
    return text


def parse_status(value: Any) -> str | None:
    """``complete`` or ``draft`` (blank: complete); ``None`` when the word is unknown."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return "complete"
    return STATUS_WORDS.get(fold(str(value)))


# -------------------------------------------------------------------------------------------- links

class LinkNames:
    """Linked records by their natural key, in both directions, for one import or export."""

    def __init__(self, conn: Connection, establishment: str) -> None:
        self.conn = conn
        self.establishment = establishment
        self._by_key: dict[str, dict[tuple[Any, ...], str]] = {}
        self._by_key_folded: dict[str, dict[tuple[Any, ...], str]] = {}
        self._by_id: dict[str, dict[str, tuple[Any, ...]]] = {}

    def _load(self, form_key: str) -> None:
        if form_key in self._by_key:
            return
        from sqlalchemy import select

        from forms.store.tables import record_table

        form, table = FORMS[form_key], record_table(form_key)
        cols = [table.c[k] for k in form.natural_key]
        stmt = (select(table.c.id, *cols)
                .where(table.c.deleted.is_(False))
                .where(table.c.establishment == self.establishment))
        by_key: dict[tuple[Any, ...], str] = {}
        by_id: dict[str, tuple[Any, ...]] = {}
        for row in self.conn.execute(stmt):
            by_key[tuple(row[1:])] = row[0]
            by_id[row[0]] = tuple(row[1:])
        self._by_key[form_key] = by_key
        self._by_key_folded[form_key] = {_fold_key(k): v for k, v in by_key.items()}
        self._by_id[form_key] = by_id

    @staticmethod
    def shown_parts(target: Form, row_form: Form) -> list[Field]:
        """The parts of the target's natural key a cell holds: the link components the row already
        has in its own columns are taken from the row."""
        return [target.field(k) for k in target.natural_key
                if not (target.field(k).type is FieldType.LINK and row_form.has_field(k))]

    def name(self, field: Field, record_id: str) -> str:
        target = FORMS[field.link or ""]
        self._load(target.key)
        key = self._by_id[target.key].get(record_id)
        if key is None:
            return record_id
        parts = []
        for k, v in zip(target.natural_key, key, strict=True):
            f = target.field(k)
            if f.type is FieldType.LINK:
                continue
            parts.append(v.strftime("%d/%m/%Y") if isinstance(v, date) else str(v))
        return " / ".join(parts)

    def resolve(self, row_form: Form, field: Field, text: Any, row: Mapping[str, Any]) -> str:
        """The id of the record a cell names; raises ``ValueProblem`` with a French message."""
        target = FORMS[field.link or ""]
        value = str(text).strip() if not isinstance(text, float) else str(int(text)) if text.is_integer() else str(text)
        self._load(target.key)
        if UUID_RE.fullmatch(value):
            value = str(uuid.UUID(value))
            if value in self._by_id[target.key]:
                return value
            raise ValueProblem(Text(f"aucun(e) {lowered(target.label.fr)} n'a l'identifiant {value}",
                                    f"لا يوجد {target.label.ar} بالمعرف {value}",
                                    f"no {lowered(target.label.en)} has the id {value}"), "link")
        shown = [f for f in target.fields if f.key in target.natural_key and f.type is not FieldType.LINK]
        parts = [p.strip() for p in value.split("/")] if len(shown) > 1 else [value]
        example = " / ".join(lowered(f.label.fr) for f in shown)
        if len(parts) != len(shown):
            raise ValueProblem(Text(f"« {value} » : indiquez {lowered(target.label.fr)} sous la forme « {example} »"
                                    f" (ex. : 2025-2026 / 2)",
                                    f"« {value} »: اكتب {target.label.ar} بالشكل « {example} »",
                                    f"'{value}': write the {lowered(target.label.en)} as '{example}'"), "link")
        typed = dict(zip((f.key for f in shown), parts, strict=True))
        key: list[Any] = []
        for k in target.natural_key:
            f = target.field(k)
            if f.type is FieldType.LINK:
                linked = row.get(k)
                if not linked:
                    raise ValueProblem(Text(f"« {value} » : {lowered(f.label.fr)} de la ligne manquante ou inconnue",
                                            f"« {value} »: {f.label.ar} غير معروف", f"'{value}': the row's "
                                            f"{lowered(f.label.en)} is missing or unknown"), "link")
                key.append(linked)
            else:
                key.append(parse_value(f, typed[k]))
        found = self._by_key[target.key].get(tuple(key)) or self._by_key_folded[target.key].get(_fold_key(key))
        if found is None:
            what = lowered(target.label.fr)
            raise ValueProblem(Text(f"aucun(e) {what} « {value} » dans la base : saisissez-la ou importez-la d'abord",
                                    f"لا يوجد {target.label.ar} « {value} »",
                                    f"no {lowered(target.label.en)} '{value}' in the database: add it first"),
                               "link")
        return found


def _fold_key(key: Any) -> tuple[Any, ...]:
    return tuple(fold(v) if isinstance(v, str) else v for v in key)
