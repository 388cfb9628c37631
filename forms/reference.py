"""Reference data (regions, domains, levels, establishments…) loaded once from ``resources/reference``."""

from __future__ import annotations

import csv
import unicodedata
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

import orjson

from forms.i18n import Text
from forms.paths import resources_dir


def _shipped_tables() -> tuple[str, ...]:
    """Every table shipped in ``resources/reference`` (one CSV each; ``synonyms.csv`` is not a table): a form
    that needs a new list only adds its file."""
    folder = resources_dir() / "reference"
    return tuple(sorted(p.stem for p in folder.glob("*.csv") if p.stem != "synonyms"))


REFERENCE_TABLES = _shipped_tables()


def fold(value: str) -> str:
    """Case- and accent-insensitive key used to match labels typed by people."""
    decomposed = unicodedata.normalize("NFKD", value.strip().casefold())
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return " ".join(stripped.replace("-", " ").replace("_", " ").replace("'", " ").split())


@dataclass(frozen=True, slots=True)
class Choice:
    code: str
    label: Text
    extra: dict[str, str] = field(default_factory=dict, compare=False, hash=False)


@dataclass(frozen=True)
class ReferenceTable:
    name: str
    choices: tuple[Choice, ...]

    def __post_init__(self) -> None:
        index: dict[str, str] = {}
        for choice in self.choices:
            for key in (choice.code, choice.label.fr, choice.label.ar, choice.label.en):
                if key:
                    index.setdefault(fold(key), choice.code)
        codes = {c.code for c in self.choices}
        for code, synonym in synonyms().get(self.name, ()):
            if code in codes:  # a label or a code of the table itself always wins over a synonym
                index.setdefault(fold(synonym), code)
        object.__setattr__(self, "_index", index)
        object.__setattr__(self, "_by_code", {c.code: c for c in self.choices})

    @property
    def codes(self) -> tuple[str, ...]:
        return tuple(c.code for c in self.choices)

    def get(self, code: str) -> Choice | None:
        return self._by_code.get(code)  # type: ignore[attr-defined]

    def label(self, code: str, lang: str = "fr") -> str:
        choice = self.get(code)
        return choice.label.get(lang) if choice else code

    def match(self, typed: str) -> str | None:
        """The code for a code or a label in any language, ignoring case and accents."""
        if typed in self._by_code:  # type: ignore[attr-defined]
            return typed
        return self._index.get(fold(typed))  # type: ignore[attr-defined]


def load_table(path: Path) -> ReferenceTable:
    with path.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    choices = []
    for row in rows:
        code = row.pop("code").strip()
        label = Text(row.pop("label_fr").strip(), row.pop("label_ar", "").strip(), row.pop("label_en", "").strip())
        choices.append(Choice(code, label, {k: (v or "").strip() for k, v in row.items()}))
    return ReferenceTable(path.stem, tuple(choices))


OVERLAY_DIR = "reference"
_overlay_dirs: list[Path] = []


def use_overlays(folder: Path, *, refresh: bool = False) -> None:
    """Read also the reference updates kept in ``folder`` (``DATA/reference/NAME-MINISTRY.json``, written by
    ``sync.reference_update`` after checking a ministry's signature): their rows add to or correct the
    shipped table, by code."""
    if folder not in _overlay_dirs:
        _overlay_dirs.append(folder)
        refresh = True
    if refresh:
        reference.cache_clear()


def _overlaid(table: ReferenceTable) -> ReferenceTable:
    by_code = {c.code: c for c in table.choices}
    changed = False
    for folder in _overlay_dirs:
        for path in sorted(folder.glob(f"{table.name}-*.json")):
            for row in orjson.loads(path.read_bytes()).get("rows", []):
                row = dict(row)
                code = row.pop("code")
                label = Text(row.pop("label_fr"), row.pop("label_ar", ""), row.pop("label_en", ""))
                by_code[code] = Choice(code, label, row)
                changed = True
    return ReferenceTable(table.name, tuple(by_code.values())) if changed else table


@cache
def reference(name: str) -> ReferenceTable:
    """One reference table, read from disk the first time it is asked for (with the updates of
    ``use_overlays``)."""
    if name not in REFERENCE_TABLES:
        raise KeyError(f"table de référence inconnue : {name}")
    return _overlaid(load_table(resources_dir() / "reference" / f"{name}.csv"))


@cache
def synonyms() -> dict[str, tuple[tuple[str, str], ...]]:
    """Other names people give a table's values, declared once in ``resources/reference/synonyms.csv``
    (``table,code,synonym``): « Féminin » and « H » for the genders, the 1997 names of the regions that became
    one region of 2015 whole (« Grand Casablanca »); a name that became two regions is left out. ``table`` is a
    reference table's name, or the key of a field whose options are declared inline (``gender``)."""
    path = resources_dir() / "reference" / "synonyms.csv"
    found: dict[str, list[tuple[str, str]]] = {}
    if path.exists():
        with path.open(encoding="utf-8", newline="") as handle:
            for row in csv.DictReader(handle):
                table, code, synonym = (row.get(k, "").strip() for k in ("table", "code", "synonym"))
                if table and code and synonym:
                    found.setdefault(table, []).append((code, synonym))
    return {table: tuple(pairs) for table, pairs in found.items()}
