"""The vocabulary of form declarations: field types, fields, cross-field rules and forms.

A form is declared once (see ``forms.definitions``); the store's tables, validation, the command line,
the editor widgets, Excel templates and the bundle payload are all derived from that declaration.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field, replace
from datetime import date
from decimal import Decimal
from enum import StrEnum
from typing import Any

from forms.i18n import NO_TEXT, Text
from forms.reference import Choice, ReferenceTable, reference


class FieldType(StrEnum):
    TEXT = "text"
    INTEGER = "integer"
    DECIMAL = "decimal"
    DATE = "date"
    BOOLEAN = "boolean"
    CHOICE = "choice"
    MULTI_CHOICE = "multi_choice"
    LINK = "link"
    EMAIL = "email"
    IDENTIFIER = "identifier"


class Sharing(StrEnum):
    """What a field is for the bundle that goes to the ministries (law 09-08: only what they need leaves)."""

    SENT = "sent"
    """Sent as is."""
    WITHHELD = "withheld"
    """Never leaves the establishment (names, e-mail addresses…)."""
    PSEUDONYMISED = "pseudonymised"
    """Replaced by a keyed hash (``sync.pseudonym``): countable and linkable, not reversible."""


SHARING_NOTES = {
    Sharing.WITHHELD: (Text("non transmis", "لا يُرسَل", "not sent"),
                       Text("Reste à l'établissement : jamais envoyé aux ministères (loi 09-08).",
                            "يبقى لدى المؤسسة: لا يُرسَل أبدا إلى الوزارات (القانون 09-08).",
                            "Stays at the establishment: never sent to the ministries (law 09-08).")),
    Sharing.PSEUDONYMISED: (Text("pseudonymisé", "باسم مستعار", "pseudonymised"),
                            Text("Envoyé aux ministères sous un pseudonyme chiffré, jamais en clair : ils peuvent "
                                 "compter les étudiants sans savoir qui ils sont.",
                                 "يُرسَل إلى الوزارات باسم مستعار مشفَّر، وليس بوضوح أبدا: يمكنها عدّ الطلبة دون معرفة "
                                 "هويتهم.",
                                 "Sent to the ministries as an encrypted pseudonym, never in clear: they can count "
                                 "students without knowing who they are.")),
}
"""What the editor and the Excel template say of a field that does not leave as typed: (marker, explanation)."""

PSEUDONYM_PATTERN = r"p[1-9][0-9]{0,3}-[a-z2-7]{26}"
"""What a pseudonymised value looks like in a bundle and at the ministry (``docs/bundle-format.md`` § 7)."""


class Severity(StrEnum):
    ERROR = "error"
    WARNING = "warning"


@dataclass(frozen=True, slots=True)
class Issue:
    """One validation finding, attached to one or more fields."""

    fields: tuple[str, ...]
    message: Text
    severity: Severity = Severity.ERROR
    code: str = ""

    @property
    def field(self) -> str:
        return self.fields[0] if self.fields else ""

    def render(self, lang: str = "fr") -> str:
        return f"{', '.join(self.fields)}: {self.message.get(lang)}"


@dataclass(frozen=True, slots=True)
class AppliesWhen:
    """A field that has a meaning only for some values of another field of its form (the accreditation
    date, when the offering is subject to accreditation). The editor disables it otherwise, from this
    declaration. While the other field is empty, the field applies."""

    field: str
    unless: tuple[Any, ...] = ()
    """The other field's values (codes) for which this one does not apply."""

    def __call__(self, values: Mapping[str, Any]) -> bool:
        return values.get(self.field) not in self.unless


@dataclass(frozen=True)
class LinkCondition:
    """What the record named by a link field must be, declared beside the field.

    Either the linked record's ``field`` holds one of ``codes`` (a continuing-education session belongs to an
    offering whose training type is « formation continue »), or it holds the same value as this record's
    field ``same_as`` (an internship's cohort belongs to the internship's offering). The store checks it when
    a record is saved or imported; the editor's pickers and the Excel template list only the records that
    meet it."""

    field: str
    message: Text
    codes: tuple[str, ...] = ()
    same_as: str | None = None
    severity: Severity = Severity.ERROR
    code: str = "link"

    def met(self, values: Mapping[str, Any], linked: Mapping[str, Any]) -> bool:
        held = linked.get(self.field)
        if self.codes:
            if isinstance(held, list | tuple):
                return any(c in self.codes for c in held)
            return held in self.codes
        if self.same_as is not None:
            mine = values.get(self.same_as)
            return mine is None or held == mine
        return True


@dataclass(frozen=True)
class Field:
    """One field of a form.

    ``reference`` names a table in ``resources/reference``; ``options`` declares a short closed list
    inline. ``link`` names the form whose records this field points to. ``pattern`` (identifiers) is a
    Python regular expression that the whole value must match; ``min``/``max`` bound numbers and dates.
    """

    key: str
    type: FieldType
    label: Text
    help: Text = NO_TEXT
    required: bool = False
    reference: str | None = None
    options: tuple[Choice, ...] = ()
    link: str | None = None
    pattern: str | None = None
    pattern_hint: Text | None = None
    min: int | Decimal | date | None = None
    max: int | Decimal | date | None = None
    max_length: int = 200
    section: Text | None = None
    list_column: bool = False
    """Shown as a column in lists by default."""
    strip: bool = True
    sharing: Sharing = Sharing.SENT
    """What the bundle carries of this field: the value, nothing, or a pseudonym."""
    link_conditions: tuple[LinkCondition, ...] = ()
    """(Link fields) what the linked record must be (see ``LinkCondition``)."""
    applies_when: AppliesWhen | None = None
    """When the field has a meaning (``None``: always)."""

    @property
    def is_choice(self) -> bool:
        return self.type in (FieldType.CHOICE, FieldType.MULTI_CHOICE)

    def choices(self) -> ReferenceTable | None:
        if self.reference:
            return reference(self.reference)
        if self.options:
            return _inline_table(self.key, self.options)
        return None

    @property
    def compiled_pattern(self) -> re.Pattern[str] | None:
        return _compile(self.pattern) if self.pattern else None


_inline_cache: dict[tuple[str, tuple[Choice, ...]], ReferenceTable] = {}


def _inline_table(key: str, options: tuple[Choice, ...]) -> ReferenceTable:
    cache_key = (key, options)
    table = _inline_cache.get(cache_key)
    if table is None:
        table = _inline_cache[cache_key] = ReferenceTable(key, options)
    return table


_pattern_cache: dict[str, re.Pattern[str]] = {}


def _compile(pattern: str) -> re.Pattern[str]:
    compiled = _pattern_cache.get(pattern)
    if compiled is None:
        compiled = _pattern_cache[pattern] = re.compile(pattern)
    return compiled


RuleFn = Callable[[Mapping[str, Any]], Iterable[Issue]]


@dataclass(frozen=True)
class Rule:
    """A cross-field rule. ``check`` receives the typed values (absent fields are ``None``) and
    yields issues; it only runs when every field in ``needs`` has a value."""

    key: str
    needs: tuple[str, ...]
    check: RuleFn
    description: Text


RESERVED_KEYS = frozenset({"id", "establishment", "status", "version", "deleted", "created_at", "created_by",
                           "updated_at", "updated_by", "change_seq", "error_count", "warning_count"})
"""Names a field cannot take: every record's own columns (``forms.store.tables.SYSTEM_COLUMNS``) and members."""

SORTABLE_SYSTEM_COLUMNS = frozenset({"updated_at", "status"})
"""System columns a list sorts on (last change, the state column) and ``Form.sort_indexes`` may name."""


def sort_index_columns(sort_indexes: Iterable[str | tuple[str, ...]]) -> tuple[str, ...]:
    """Every column named by ``Form.sort_indexes`` entries (a name, or a composite index's names)."""
    return tuple(c for entry in sort_indexes for c in ((entry,) if isinstance(entry, str) else entry))


LinkRuleFn = Callable[[Mapping[str, Any], Mapping[str, Mapping[str, Any]]], Iterable[Issue]]


@dataclass(frozen=True)
class LinkRule:
    """A rule across records: ``check`` receives the typed values and, per link field named in ``links``,
    the values of the live record it names; it only runs when every link in ``links`` names one (a missing
    or dead record is reported by the store itself). Used for warnings that compare a record with the one it
    belongs to (a session's hours against its offering's duration)."""

    key: str
    links: tuple[str, ...]
    check: LinkRuleFn
    description: Text


@dataclass(frozen=True)
class Form:
    key: str
    label: Text
    plural: Text
    fields: tuple[Field, ...]
    rules: tuple[Rule, ...] = ()
    natural_key: tuple[str, ...] = ()
    """Fields that identify a record to people and to imports (unique among live records)."""
    title: Callable[[Mapping[str, Any]], str] = field(default=lambda values: "")
    link_rules: tuple[LinkRule, ...] = ()
    """Rules that compare a record with the records its links name (run by the store)."""
    search: tuple[str, ...] = ()
    """Fields the list's search box covers (the form's full-text index, created by its migration)."""
    icon: str = ""
    """The picture the window shows beside the form's page: the name of a Qt standard icon
    (``QStyle.StandardPixmap``, e.g. ``"SP_DirIcon"``), a plain string here (``forms`` does not import Qt)."""
    sort_indexes: tuple[str | tuple[str, ...], ...] = ()
    """Columns indexed so that a big list sorts on them in SQL (``ix_<form>_list_<first column>``, created by a
    migration; a large import drops and rebuilds them once). A tuple is a composite index: ``("outcome",
    "updated_at")`` sorts by outcome then last change, and serves the outcome filter in the default order.
    Besides fields, the system columns ``updated_at`` and ``status`` may be named."""

    def __post_init__(self) -> None:
        keys = [f.key for f in self.fields]
        if len(set(keys)) != len(keys):
            raise ValueError(f"champ déclaré deux fois dans {self.key}")
        clash = sorted(set(keys) & RESERVED_KEYS)
        if clash:
            raise ValueError(f"{self.key} : noms réservés aux colonnes système : {', '.join(clash)}")
        known = set(keys)
        for name, wanted in (("natural_key", self.natural_key), ("search", self.search),
                             ("link rules", tuple(k for r in self.link_rules for k in r.links)),
                             ("sort_indexes", tuple(k for k in sort_index_columns(self.sort_indexes)
                                                    if k not in SORTABLE_SYSTEM_COLUMNS))):
            missing = [k for k in wanted if k not in known]
            if missing:
                raise ValueError(f"{self.key} : {name} nomme des champs non déclarés : {', '.join(missing)}")
        for f in self.fields:
            if f.applies_when is not None and f.applies_when.field not in known:
                raise ValueError(f"{self.key}.{f.key} : applies_when nomme un champ absent ({f.applies_when.field})")
        object.__setattr__(self, "_by_key", {f.key: f for f in self.fields})
        object.__setattr__(self, "_keys", tuple(keys))
        object.__setattr__(self, "_links", tuple(f for f in self.fields if f.type is FieldType.LINK))

    def field(self, key: str) -> Field:
        return self._by_key[key]  # type: ignore[attr-defined]

    @property
    def sent_fields(self) -> tuple[Field, ...]:
        """The fields a bundle carries (withheld ones left out), in declaration order."""
        return tuple(f for f in self.fields if f.sharing is not Sharing.WITHHELD)

    @property
    def withheld_fields(self) -> tuple[Field, ...]:
        return tuple(f for f in self.fields if f.sharing is Sharing.WITHHELD)

    @property
    def pseudonymised_fields(self) -> tuple[Field, ...]:
        return tuple(f for f in self.fields if f.sharing is Sharing.PSEUDONYMISED)

    def as_received(self) -> Form:
        """The form as a ministry receives it: withheld fields gone, pseudonymised ones holding an optional
        pseudonym instead of the value (so the same validators re-check what arrives)."""
        cached = self.__dict__.get("_received")
        if cached is None:
            fields = tuple(
                replace(f, type=FieldType.IDENTIFIER, required=False, pattern=PSEUDONYM_PATTERN,
                        pattern_hint=None, max_length=40, min=None, max=None)
                if f.sharing is Sharing.PSEUDONYMISED else f
                for f in self.sent_fields)
            kept = {f.key for f in fields}
            cached = replace(self, fields=fields, natural_key=tuple(k for k in self.natural_key if k in kept),
                             search=tuple(k for k in self.search if k in kept),
                             sort_indexes=tuple(k for k in self.sort_indexes
                                                if all(c in kept or c in SORTABLE_SYSTEM_COLUMNS
                                                       for c in sort_index_columns((k,)))))
            cached.__dict__.pop("_received", None)
            object.__setattr__(self, "_received", cached)
        return cached

    def has_field(self, key: str) -> bool:
        return key in self._by_key  # type: ignore[attr-defined]

    @property
    def field_keys(self) -> tuple[str, ...]:
        return self._keys  # type: ignore[attr-defined]

    @property
    def links(self) -> tuple[Field, ...]:
        return self._links  # type: ignore[attr-defined]

    def describe(self) -> dict[str, Any]:
        """The JSON shape of ``kafaat forms --json``."""
        out_fields = []
        for f in self.fields:
            item: dict[str, Any] = {
                "key": f.key,
                "type": f.type.value,
                "required": f.required,
                "label": f.label.as_dict(),
                "sharing": f.sharing.value,
            }
            if f.help.fr:
                item["help"] = f.help.as_dict()
            table = f.choices()
            if table is not None:
                item["choices"] = [{"code": c.code, "label": c.label.as_dict()} for c in table.choices]
            if f.link:
                item["link"] = f.link
            if f.link_conditions:
                item["link_conditions"] = [
                    {"field": c.field, **({"codes": list(c.codes)} if c.codes else {}),
                     **({"same_as": c.same_as} if c.same_as else {}), "severity": c.severity.value,
                     "message": c.message.as_dict()} for c in f.link_conditions]
            if f.pattern:
                item["pattern"] = f.pattern
            for bound in ("min", "max"):
                value = getattr(f, bound)
                if value is not None:
                    item[bound] = value.isoformat() if isinstance(value, date) else (
                        float(value) if isinstance(value, Decimal) else value
                    )
            out_fields.append(item)
        return {"key": self.key, "label": self.label.as_dict(), "fields": out_fields}
