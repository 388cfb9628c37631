"""Converting what people type (or what JSON and spreadsheets hold) into typed values, and checking them.

``parse_value`` is lenient about formats (``15/01/2024`` and ``2024-01-15``, ``Oui``/``true``/``1``,
reference labels in any language, numbers stored as text) and strict about meaning. ``validate`` runs
field rules then the form's cross-field rules and returns every finding, errors and warnings alike.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from datetime import date, datetime
from decimal import Decimal, DecimalException
from typing import Any

from forms.compiled import compiled
from forms.i18n import Text
from forms.reference import fold
from forms.schema import Field, FieldType, Form, Issue, Severity

EMAIL_RE = re.compile(r"[^@\s]+@[^@\s]+\.[A-Za-z]{2,}")
CONTROL_CHARS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
"""Invisible control characters, refused in any text (a worksheet cannot even hold the C0 ones; a terminal, a
log or a report would act on them: U+009B is a terminal's escape sequence introducer as ESC [ is): the C0
controls, DEL (U+007F) and the C1 controls (U+0080–U+009F, what a file read in the wrong encoding brings). Tab,
line feed and carriage return are not among them: they are white space, which a field that keeps its text as
typed (``Field.strip`` false) may hold, and which the others collapse to one space. The rule, written once:
what follows and the fast paths of ``forms.compiled`` are derived from it (``str.isprintable`` is false for
each of them, so a printable text needs no search)."""
CONTROL_POINTS = frozenset(p for p in range(0x100) if CONTROL_CHARS.match(chr(p)))
"""The same characters as code points (all below U+0100)."""
CONTROL_BYTES = bytes(sorted(p for p in CONTROL_POINTS if p < 0x80))
"""Those of them that are one byte in UTF-8 (each its own byte; no other character's encoding holds one)."""
CONTROL_SEQUENCES = re.compile(b"|".join(re.escape(chr(p).encode()) for p in sorted(CONTROL_POINTS) if p >= 0x80))
"""The others, two bytes each in UTF-8 (``\xc2`` and a byte that other characters' encodings hold too, so only
the pair says it): searched for in UTF-8 text."""
CONTROL_LEADS = frozenset(chr(p).encode()[:1] for p in CONTROL_POINTS if p >= 0x80)
"""The first byte of each of those pairs: a text without it holds none of them."""


def collapse(text: str) -> str:
    """``text`` with each run of white space made one space and its ends trimmed (what a field that does not keep
    its text as typed stores) — unless it holds a control character (``CONTROL_CHARS``): ``str.split`` takes
    some of them for white space (U+000B, U+000C, U+001C–U+001F, U+0085) and would turn them into spaces, so such
    a text is given back whole, for the field's check to refuse it as it refuses the others."""
    if text.isprintable() or CONTROL_CHARS.search(text) is None:
        return " ".join(text.split())
    return text


TRUE_WORDS = {"oui", "o", "yes", "y", "true", "vrai", "1", "x", "نعم"}
FALSE_WORDS = {"non", "n", "no", "false", "faux", "0", "لا"}
DATE_FORMATS = ("%Y-%m-%d", "%d/%m/%Y", "%d-%m-%Y", "%d.%m.%Y", "%d/%m/%y", "%Y/%m/%d")


class ValueProblem(ValueError):
    """A value that cannot be read as its field's type."""

    def __init__(self, message: Text, code: str = "type") -> None:
        super().__init__(message.fr)
        self.message = message
        self.code = code


def _problem(fr: str, ar: str, en: str, code: str = "type", **kw: Any) -> ValueProblem:
    return ValueProblem(Text(fr, ar, en).format(**kw), code)


def is_blank(value: Any) -> bool:
    if value is None:
        return True
    if isinstance(value, str):
        return not value.strip()
    if isinstance(value, list | tuple | set | frozenset):
        return len(value) == 0
    return False


def _as_text(value: Any) -> str:
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def parse_date(value: Any) -> date:
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    text = str(value).strip()
    if "T" in text or " " in text:
        text = text.replace("T", " ").split(" ")[0]
    for fmt in DATE_FORMATS:
        try:
            return datetime.strptime(text, fmt).date()
        except ValueError:
            continue
    raise _problem("« {v} » n'est pas une date (jj/mm/aaaa)", "« {v} » ليس تاريخا (يوم/شهر/سنة)",
                   "'{v}' is not a date (dd/mm/yyyy)", v=text)


FAR_TOO_LARGE = 10**15
"""Numbers from 10^15 on are refused as unreadable (written as text, as a JSON number or as a spreadsheet
number alike): no field needs them, and SQLite's integers stop at 2^63."""


def _far_too_large(value: Any) -> ValueProblem:
    return _problem("« {v} » est un nombre bien trop grand", "« {v} » عدد كبير جدا", "'{v}' is far too large a number",
                    v=str(value).strip())


def parse_integer(value: Any) -> int:
    if isinstance(value, bool):
        raise _problem("« {v} » n'est pas un nombre entier", "« {v} » ليس عددا صحيحا", "'{v}' is not a whole number",
                       v=value)
    if isinstance(value, int):
        if not -FAR_TOO_LARGE < value < FAR_TOO_LARGE:
            raise _far_too_large(value)
        return value
    if isinstance(value, float):
        if value.is_integer():
            if not -FAR_TOO_LARGE < value < FAR_TOO_LARGE:
                raise _far_too_large(value)
            return int(value)
        raise _problem("« {v} » n'est pas un nombre entier", "« {v} » ليس عددا صحيحا", "'{v}' is not a whole number",
                       v=value)
    text = str(value).strip().replace("\u00a0", "").replace("\u202f", "").replace(" ", "")
    try:
        number = Decimal(text.replace(",", "."))
    except DecimalException:
        number = None
    if number is not None and number.is_finite() and number.adjusted() >= 15:
        raise _far_too_large(value)
    if number is None or not number.is_finite() or number != number.to_integral_value():
        raise _problem("« {v} » n'est pas un nombre entier", "« {v} » ليس عددا صحيحا", "'{v}' is not a whole number",
                       v=str(value).strip())
    return int(number)


def parse_decimal(value: Any) -> Decimal:
    if isinstance(value, bool):
        raise _problem("« {v} » n'est pas un nombre", "« {v} » ليس عددا", "'{v}' is not a number", v=value)
    if isinstance(value, Decimal):
        number = value
    elif isinstance(value, int | float):
        number = Decimal(str(value))
    else:
        text = str(value).strip().replace("\u00a0", "").replace("\u202f", "").replace(" ", "").replace(",", ".")
        try:
            number = Decimal(text)
        except DecimalException:
            raise _problem("« {v} » n'est pas un nombre", "« {v} » ليس عددا", "'{v}' is not a number",
                           v=str(value).strip()) from None
    if not number.is_finite():
        raise _problem("« {v} » n'est pas un nombre", "« {v} » ليس عددا", "'{v}' is not a number", v=value)
    if number.adjusted() >= 15:
        raise _problem("« {v} » est un nombre bien trop grand", "« {v} » عدد كبير جدا", "'{v}' is far too large a number",
                       code="type", v=value)
    return number.quantize(Decimal("0.01"))


def parse_boolean(value: Any) -> bool:
    if isinstance(value, bool):
        return value
    if isinstance(value, int | float) and value in (0, 1):
        return bool(value)
    word = fold(str(value))
    if word in TRUE_WORDS:
        return True
    if word in FALSE_WORDS:
        return False
    raise _problem("« {v} » : répondez Oui ou Non", "« {v} »: أجب بنعم أو لا", "'{v}': answer Yes or No",
                   v=str(value).strip())


def parse_choice(field: Field, value: Any) -> str:
    table = field.choices()
    assert table is not None
    text = _as_text(value).strip()
    code = table.match(text)
    if code is None:
        allowed = ", ".join(table.codes)
        raise _problem("« {v} » n'est pas une valeur permise ({allowed})", "« {v} » ليست قيمة مسموحة ({allowed})",
                       "'{v}' is not an allowed value ({allowed})", code="choice", v=text, allowed=allowed)
    return code


def parse_multi_choice(field: Field, value: Any) -> tuple[str, ...]:
    if isinstance(value, str):
        parts = [p for p in re.split(r"[;,|\n]", value) if p.strip()]
    elif isinstance(value, list | tuple | set | frozenset):
        parts = [_as_text(p) for p in value if not is_blank(p)]
    else:
        parts = [_as_text(value)]
    codes: list[str] = []
    for part in parts:
        code = parse_choice(field, part)
        if code not in codes:
            codes.append(code)
    return tuple(codes)


def parse_value(field: Field, value: Any) -> Any:
    """One raw value as the field's Python type; ``None`` for blanks. Raises ``ValueProblem``."""
    if is_blank(value):
        return None
    kind = field.type
    if kind in (FieldType.TEXT, FieldType.EMAIL, FieldType.IDENTIFIER, FieldType.LINK):
        if not isinstance(value, str | int | float) or isinstance(value, bool):
            raise _problem("valeur de texte attendue", "يُنتظر نص", "text expected")
        if kind is FieldType.IDENTIFIER and isinstance(value, float) and not value.is_integer():
            raise _problem("« {v} » ressemble à un identifiant déformé par Excel (notation scientifique) : "
                           "saisissez-le comme texte", "« {v} » يبدو معرفا شوهه إكسل: أدخله كنص",
                           "'{v}' looks like an identifier mangled by Excel (scientific notation): enter it as text",
                           code="mangled", v=value)
        text = _as_text(value)
        if (kind is FieldType.IDENTIFIER and not isinstance(value, str) and field.compiled_pattern
                and not field.compiled_pattern.fullmatch(text)):
            raise _problem("« {v} » : identifiant lu comme un nombre, les zéros en tête ou des chiffres ont pu "
                           "être perdus : formatez la colonne en texte et saisissez-le tel quel",
                           "« {v} »: معرف قُرئ كعدد وربما ضاعت الأصفار في بدايته: اجعل العمود نصيا",
                           "'{v}': identifier read as a number, leading zeros or digits may have been lost: "
                           "format the column as text", code="mangled", v=text)
        text = collapse(text) if field.strip else text
        if kind is FieldType.LINK:
            return text.lower()
        return text
    if kind is FieldType.INTEGER:
        return parse_integer(value)
    if kind is FieldType.DECIMAL:
        return parse_decimal(value)
    if kind is FieldType.DATE:
        return parse_date(value)
    if kind is FieldType.BOOLEAN:
        return parse_boolean(value)
    if kind is FieldType.CHOICE:
        return parse_choice(field, value)
    if kind is FieldType.MULTI_CHOICE:
        return parse_multi_choice(field, value) or None
    raise AssertionError(kind)


Parser = Callable[[Any], Any]


def _fast_parser(field: Field) -> Parser:
    """``parse_value`` for one field, with a fast path for the values that are already well formed
    (imports of 100 000 rows spend most of their time here); anything else takes the general path."""
    kind = field.type

    def general(value: Any) -> Any:
        return parse_value(field, value)

    if kind in (FieldType.TEXT, FieldType.EMAIL, FieldType.IDENTIFIER) and field.strip:
        def text(value: Any) -> Any:
            if type(value) is str:
                return collapse(value) or None
            return general(value)
        return text
    if kind is FieldType.LINK:
        def link(value: Any) -> Any:
            if type(value) is str and value.strip() == value and value:
                return value.lower()
            return general(value)
        return link
    if kind is FieldType.INTEGER:
        def integer(value: Any) -> Any:
            return value if type(value) is int and -FAR_TOO_LARGE < value < FAR_TOO_LARGE else general(value)
        return integer
    if kind is FieldType.DATE:
        def a_date(value: Any) -> Any:
            if type(value) is str and len(value) == 10 and value[4] == "-" and value[7] == "-":
                try:
                    return date.fromisoformat(value)
                except ValueError:
                    pass
            elif type(value) is datetime:
                return value.date()
            elif type(value) is date:
                return value
            return general(value)
        return a_date
    if kind is FieldType.CHOICE:
        table = field.choices()
        assert table is not None
        codes = frozenset(table.codes)

        def choice(value: Any) -> Any:
            return value if type(value) is str and value in codes else general(value)
        return choice
    if kind is FieldType.BOOLEAN:
        def boolean(value: Any) -> Any:
            return value if type(value) is bool else general(value)
        return boolean
    return general


def _per_field(form: Form, name: str, make: Callable[[Field], Any]) -> tuple[tuple[str, Any], ...]:
    """``make(field)`` for every field of ``form``, computed once and kept on the form itself."""
    compiled = form.__dict__.get(name)
    if compiled is None:
        compiled = tuple((f.key, make(f)) for f in form.fields)
        object.__setattr__(form, name, compiled)
    return compiled


def _form_parsers(form: Form) -> tuple[tuple[str, Parser], ...]:
    return _per_field(form, "_parsers", _fast_parser)


def parse_record(form: Form, raw: Mapping[str, Any]) -> tuple[dict[str, Any], list[Issue]]:
    """Typed values for every field of ``form`` (``None`` when blank or unreadable) and the problems met.

    Unknown keys are reported, so that a misspelt column or JSON member is never silently dropped.
    Runs the form's compiled parser (``forms.compiled``); ``parse_record_interpreted`` is the reference it
    must agree with.
    """
    return compiled(form).parse(raw)


def parse_record_interpreted(form: Form, raw: Mapping[str, Any]) -> tuple[dict[str, Any], list[Issue]]:
    """The reference parser, field by field through the declaration (what ``parse_record`` was before it
    was compiled): kept to test the compiled parser against, and for reading."""
    values: dict[str, Any] = {}
    issues: list[Issue] = []
    get = raw.get
    for key, parser in _form_parsers(form):
        value = get(key)
        if value is None:
            values[key] = None
            continue
        try:
            values[key] = parser(value)
        except ValueProblem as problem:
            values[key] = None
            issues.append(Issue((key,), problem.message, Severity.ERROR, problem.code))
    for key in raw:
        if key not in values:
            issues.append(Issue((key,), unknown_field_message(form), Severity.ERROR, "unknown_field"))
    return values, issues


def unknown_field_message(form: Form) -> Text:
    """« unknown field in form … », the form named in each language (its French label inside Arabic text
    read « حقل غير معروف في الاستمارة « Cohorte » »)."""
    return Text(f"champ inconnu dans le formulaire « {form.label.fr} »",
                f"حقل غير معروف في الاستمارة « {form.label.get('ar')} »",
                f"unknown field in form '{form.label.get('en')}'")


SPREADSHEET_MANGLED = re.compile(r"\d(\.\d+)?[eE]\+\d+")


def control_character_problem(value: str) -> Text | None:
    """The message for a text holding an invisible control character (``CONTROL_CHARS``): the text quoted
    with each such character shown as « \ufffd », and the first one named by its code point; ``None`` when
    there is none. The one wording of this rule: the field check and the spreadsheet import both say it."""
    if value.isprintable():
        return None
    control = CONTROL_CHARS.search(value)
    if control is None:
        return None
    shown, point = CONTROL_CHARS.sub("\ufffd", value), f"U+{ord(control.group()):04X}"
    return Text(f"« {shown} » contient un caractère de contrôle invisible ({point}) : supprimez-le",
                f"« {shown} » يحتوي على حرف تحكم غير مرئي ({point}): احذفه",
                f"'{shown}' holds an invisible control character ({point}): remove it")


def check_field(field: Field, value: Any) -> list[Issue]:
    """Rules that concern one field alone: required, bounds, length, no control character (``CONTROL_CHARS``),
    patterns, e-mail shape."""
    if value is None:
        if field.required:
            return [Issue((field.key,), Text("champ obligatoire", "حقل إلزامي", "required field"), Severity.ERROR,
                          "required")]
        return []
    out: list[Issue] = []

    def err(fr: str, ar: str, en: str, code: str, **kw: Any) -> None:
        out.append(Issue((field.key,), Text(fr, ar, en).format(**kw), Severity.ERROR, code))

    kind = field.type
    if kind in (FieldType.TEXT, FieldType.EMAIL, FieldType.IDENTIFIER):
        control = control_character_problem(value)
        if control is not None:  # and no shape message: it would quote the invisible character as is
            out.append(Issue((field.key,), control, Severity.ERROR, "control"))
        if len(value) > field.max_length:
            err("{n} caractères, {m} au plus", "{n} حرفا، {m} على الأكثر", "{n} characters, at most {m}", "too_long",
                n=len(value), m=field.max_length)
        if control is not None:
            return out
        if kind is FieldType.EMAIL and not EMAIL_RE.fullmatch(value):
            err("« {v} » n'est pas une adresse e-mail valide", "« {v} » ليس بريدا إلكترونيا صالحا",
                "'{v}' is not a valid e-mail address", "email", v=value)
        if kind is FieldType.IDENTIFIER and field.compiled_pattern and not field.compiled_pattern.fullmatch(value):
            if SPREADSHEET_MANGLED.fullmatch(value):
                err("« {v} » ressemble à un identifiant déformé par Excel (notation scientifique) : saisissez-le "
                    "comme texte", "« {v} » يبدو معرفا شوهه إكسل: أدخله كنص",
                    "'{v}' looks like an identifier mangled by Excel (scientific notation): enter it as text",
                    "mangled", v=value)
            else:
                hint = field.pattern_hint or Text("format attendu", "الصيغة المنتظرة", "expected format")
                out.append(Issue((field.key,), Text(f"« {value} » n'a pas le format attendu : {hint.fr}",
                                                    f"« {value} » ليس بالصيغة المنتظرة: {hint.get('ar')}",
                                                    f"'{value}' does not have the expected format: {hint.get('en')}"),
                                 Severity.ERROR, "pattern"))
    elif kind in (FieldType.INTEGER, FieldType.DECIMAL, FieldType.DATE):
        shown = (lambda v: v.strftime("%d/%m/%Y")) if kind is FieldType.DATE else str
        if field.min is not None and value < field.min:
            err("{v} est inférieur au minimum ({m})", "{v} أقل من الحد الأدنى ({m})", "{v} is below the minimum ({m})",
                "min", v=shown(value), m=shown(field.min))
        if field.max is not None and value > field.max:
            err("{v} dépasse le maximum ({m})", "{v} يتجاوز الحد الأقصى ({m})", "{v} is above the maximum ({m})",
                "max", v=shown(value), m=shown(field.max))
    return out


Checker = Callable[[Any], "list[Issue] | tuple[Issue, ...]"]
_NOTHING: tuple[Issue, ...] = ()


def _fast_checker(field: Field) -> Checker:
    """``check_field`` for one field, answering at once for the common valid value; any doubt takes
    the general path, which builds the messages."""
    missing: tuple[Issue, ...] = tuple(check_field(field, None))
    kind = field.type

    def general(value: Any) -> list[Issue]:
        return check_field(field, value)

    if kind in (FieldType.TEXT, FieldType.EMAIL, FieldType.IDENTIFIER):
        longest = field.max_length
        pattern = field.compiled_pattern if kind is FieldType.IDENTIFIER else None
        shape = EMAIL_RE if kind is FieldType.EMAIL else pattern
        control = CONTROL_CHARS.search

        def text(value: Any) -> Any:
            if value is None:
                return missing
            if len(value) <= longest and (shape is None or shape.fullmatch(value)) and (
                    value.isprintable() or not control(value)):
                return _NOTHING
            return general(value)
        return text
    if kind in (FieldType.INTEGER, FieldType.DECIMAL, FieldType.DATE):
        low, high = field.min, field.max

        def bounded(value: Any) -> Any:
            if value is None:
                return missing
            if (low is None or value >= low) and (high is None or value <= high):
                return _NOTHING
            return general(value)
        return bounded

    def presence(value: Any) -> Any:
        return missing if value is None else _NOTHING
    return presence


def _form_checkers(form: Form) -> tuple[tuple[str, Checker], ...]:
    return _per_field(form, "_checkers", _fast_checker)


def validate(form: Form, values: Mapping[str, Any]) -> list[Issue]:
    """Every finding on typed values: field rules first, then cross-field rules whose inputs are present.

    Runs the form's compiled validator (``forms.compiled``); ``validate_interpreted`` is the reference it
    must agree with."""
    return compiled(form).one(values)


def validate_batch(form: Form, rows: Sequence[Mapping[str, Any]]) -> list[list[Issue]]:
    """``validate`` for many records of one form at once (imports, consolidation): the findings of each row,
    in order. Checks a column at a time, each distinct value once; far faster than a loop over ``validate``
    from a few hundred rows on."""
    return compiled(form).batch(rows)


def validate_interpreted(form: Form, values: Mapping[str, Any]) -> list[Issue]:
    """The reference validator, field by field through the declaration (what ``validate`` was before it was
    compiled): kept to test the compiled validators against, and for reading."""
    issues: list[Issue] = []
    get = values.get
    for key, checker in _form_checkers(form):
        found = checker(get(key))
        if found:
            issues.extend(found)
    for rule in form.rules:
        if all(values.get(key) is not None for key in rule.needs):
            issues.extend(rule.check(values))
    return issues


def parse_and_validate(form: Form, raw: Mapping[str, Any]) -> tuple[dict[str, Any], list[Issue]]:
    """``parse_record`` then ``validate``; a field whose value could not be read is reported once (not
    also as "required")."""
    values, issues = compiled(form).parse(raw)
    unreadable = {i.field for i in issues}
    issues.extend(i for i in validate(form, values) if not (i.code == "required" and i.field in unreadable))
    return values, issues


def parse_and_validate_batch(form: Form, raws: Sequence[Mapping[str, Any]]
                             ) -> list[tuple[dict[str, Any], list[Issue]]]:
    """``parse_and_validate`` for many raw records, a column at a time: parsed together (each column
    converted in C when its values are well formed, else value by value), then validated together on the
    typed columns."""
    return compiled(form).parse_and_validate(raws)


def errors(issues: list[Issue]) -> list[Issue]:
    return [i for i in issues if i.severity is Severity.ERROR]


def warnings(issues: list[Issue]) -> list[Issue]:
    return [i for i in issues if i.severity is Severity.WARNING]
