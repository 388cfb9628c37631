"""Importing a spreadsheet into the store: plan (read, map, convert, validate every row; nothing written),
then apply (the same pipeline inside one write transaction: all or nothing).

Decisions, kept in one place:

* Every row is checked by the store's own ``RecordStore.check`` — the editor's rules, links and natural
  keys included — so a sheet can never hold what the editor would refuse.
* A row is saved **complete** unless its ``Statut`` column says ``Brouillon``. A complete row must have
  no error; its warnings do not refuse it (they are saved in ``warning_count`` and reported). A draft
  row may be incomplete, but values that cannot be kept (unreadable, unknown link, duplicate) still
  refuse it.
* **All or nothing**: if any row is refused, nothing is written; every problem is reported with its row,
  column and field.
* A row whose natural key (or ``Identifiant Kafaat``) names an existing record updates it; a row equal
  to the stored record is left alone (no new version); columns absent from the sheet keep the stored
  values. Two rows with the same natural key are refused.
* Empty rows are skipped; columns that match no field are ignored and listed in the plan's notes.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, select

from forms.collector import collector_paused
from forms.definitions import FORMS
from forms.excel.columns import (
    ID_KEY,
    IGNORED_HEADERS,
    STATUS_KEY,
    LinkNames,
    _fold_header,
    column_converter,
    column_header,
    column_label,
    converter,
    header_names,
    match_header,
    parse_status,
)
from forms.excel.reading import FileRefused, Sheet, cell_text, column_letter, read_sheet
from forms.i18n import Text
from forms.messages import Localizable, Message, localized
from forms.schema import FieldType, Severity
from forms.store.records import COMPLETE, DRAFT, Checked, LinkContext, RecordStore, bulk_load
from forms.store.tables import record_table
from forms.tasks import TaskState, step
from forms.validation import ValueProblem

BATCH = 2_000
HEADER_SEARCH_ROWS = 10
FORMULAS_READ = "dans les colonnes importées"
PARTIAL_NEW = "n'a cette clé : pour le créer"
QUESTION_MARKS = re.compile(r"[?\s]+")
"""A text made only of « ? »: what a CSV saved in Windows-1252 leaves of Arabic letters."""


@dataclass
class Problem:
    """One finding, located: ``row`` 0 and ``column`` empty for a problem with the whole file."""

    row: int
    column: str
    field: str
    message: Localizable
    severity: str = "error"
    header: str = ""
    """The column's header as the file has it (``located`` fills it in)."""
    label: str = ""
    """The field's label in the user's language (``located`` fills it in)."""

    def where(self, lang: str = "fr") -> str:
        """« colonne E « Code offre » (Offre de formation) », as an administrator reads the sheet."""
        label = self.label or self.field
        if self.column:
            text = Message("import.column", column=self.column).get(lang)
            if self.header:
                text += f" « {self.header} »"
            if label and _fold_header(label) not in _fold_header(self.header):
                text += f" ({label})"
            return text
        return Message("import.field", label=label).get(lang) if label else ""

    def render(self, file_name: str, lang: str = "fr") -> str:
        where = [file_name]
        if self.row:
            where.append(Message("import.row", row=self.row).get(lang))
        if self.column or self.field:
            where.append(self.where(lang))
        key = "import.problem" if self.severity == "error" else "import.warning"
        return Message(key, where=where, message=self.message).get(lang)


@dataclass
class ImportPlan:
    form_key: str
    path: Path
    sheet: str = ""
    kind: str = ""
    header_row: int = 0
    headers: dict[int, str] = field(default_factory=dict)
    """Absolute column index (0 = A) → header text as found."""
    mapping: dict[int, str] = field(default_factory=dict)
    """Absolute column index → field key (or ``status`` / ``id``)."""
    notes: list[Any] = field(default_factory=list)
    """Said once about the file: a ``str`` or a ``Message`` (rendered in the reader's language)."""
    problems: list[Problem] = field(default_factory=list)
    rows: int = 0
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    drafts: int = 0
    refused_rows: int = 0
    applied: bool = False
    lang: str = "fr"
    partial: list[str] = field(default_factory=list)
    """Required fields without a column: only rows updating a stored record can do without them."""

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.severity == "error"]

    @property
    def warnings(self) -> list[Problem]:
        return [p for p in self.problems if p.severity != "error"]

    @property
    def ok(self) -> bool:
        return not self.errors

    @property
    def file_refused(self) -> bool:
        """Refused as a whole (unreadable, no data, a column missing…): no problem names a data row."""
        return bool(self.errors) and all(not p.row or p.row == self.header_row for p in self.problems)

    def lines(self, lang: str = "fr") -> list[str]:
        return [p.render(self.path.name, lang) for p in self.problems]

    def summary(self, lang: str = "fr") -> str:
        """« 3 lignes lues : 2 créations, 1 mise à jour, aucune ligne inchangée ; aucune ligne refusée ;
        1 avertissement » (what would be done, when nothing was written), in ``lang``."""
        def count(key: str, n: int) -> Message:
            return Message(f"{key}.none") if n == 0 else Message(key, n=n)

        return Message(
            "import.summary" if self.applied else "import.summary_plan",
            read=count("import.rows_read", self.rows), created=count("import.created", self.created),
            updated=count("import.updated", self.updated), unchanged=count("import.unchanged", self.unchanged),
            drafts=Message("import.drafts", n=self.drafts) if self.drafts else "",
            refused=count("import.rows_refused", self.refused_rows),
            warnings=count("import.warnings", len(self.warnings))).get(lang)


class ImportRefused(Exception):
    """The import was refused (nothing written); ``plan.problems`` says why, row by row."""

    def __init__(self, plan: ImportPlan) -> None:
        super().__init__(Message("import.refused", file=plan.path.name,
                                 problems=Message("count.problems", n=len(plan.errors))))
        self.plan = plan


class _Rollback(Exception):
    pass


# ------------------------------------------------------------------------------------------- public

def plan_import(store: RecordStore, form_key: str, path: Path, mapping: Mapping[int, str] | None = None,
                state: TaskState | None = None, lang: str = "fr", *,
                overrides: Mapping[str, str] | None = None) -> ImportPlan:
    """Read, map, convert and validate every row of ``path``; nothing is written.

    A file that cannot be read at all gives a plan with one file-level problem (never an exception)."""
    return _run(store, form_key, Path(path), mapping, state, write=False, lang=lang, overrides=overrides)


def apply_import(store: RecordStore, plan: ImportPlan, state: TaskState | None = None) -> ImportPlan:
    """Write what ``plan`` describes, in one transaction (the file is read and checked again inside it, so
    a database changed in between cannot slip through). Raises ``ImportRefused`` and writes nothing if
    any row is refused."""
    if not plan.ok:
        raise ImportRefused(plan)
    result = _run(store, plan.form_key, plan.path, plan.mapping, state, write=True, lang=plan.lang)
    if not result.ok:
        raise ImportRefused(result)
    return result


def run_import(store: RecordStore, form_key: str, path: Path, mapping: Mapping[int, str] | None = None,
               state: TaskState | None = None, *, dry_run: bool = False, lang: str = "fr",
               overrides: Mapping[str, str] | None = None) -> ImportPlan:
    """Plan and apply in one pass (the command line): rows are written as they are checked, inside one
    transaction that is rolled back if any row is refused. Check ``plan.applied``.

    ``mapping`` (column index → field key) replaces the automatic header matching; ``overrides``
    (column letter or header text → field key, ``""`` to ignore the column) corrects it."""
    return _run(store, form_key, Path(path), mapping, state, write=not dry_run, lang=lang, overrides=overrides)


@dataclass
class Preview:
    """The first rows of a file and the column mapping Kafaat proposes (for the import assistant)."""

    form_key: str
    path: Path
    sheet: str = ""
    header_row: int = 0
    headers: dict[int, str] = field(default_factory=dict)
    mapping: dict[int, str] = field(default_factory=dict)
    sample: list[list[str]] = field(default_factory=list)
    """Rows after the header as text, one cell per column of ``columns``."""
    columns: list[int] = field(default_factory=list)
    """Absolute column indexes shown (0 = A)."""
    rows: int = 0
    """Rows after the header (empty ones included)."""
    notes: list[Any] = field(default_factory=list)
    """Said once about the file: a ``str`` or a ``Message`` (rendered in the reader's language)."""
    problems: list[Problem] = field(default_factory=list)


def preview_import(form_key: str, path: Path, rows: int = 15, lang: str = "fr") -> Preview:
    """Read ``path`` just enough to show it and propose a mapping; nothing is validated or written. The
    problems name their fields in ``lang``, the reader's language."""
    path = Path(path)
    preview = Preview(form_key, path)
    try:
        sheet = read_sheet(path, _wanted_sheets(form_key))
    except FileRefused as exc:
        preview.problems.append(_file_problem(path, exc))
        return preview
    plan = ImportPlan(form_key, path, lang=lang)  # the expected headers named in the reader's language
    header_index = _find_header(sheet, form_key)
    _map_columns(plan, sheet, header_index, None)
    preview.sheet, preview.header_row = sheet.name, plan.header_row
    preview.headers, preview.mapping = plan.headers, plan.mapping
    preview.notes = sheet.notes + plan.notes
    preview.problems = plan.problems
    located(preview, form_key, lang)
    preview.columns = list(range(sheet.first_col, sheet.first_col + sheet.width))
    preview.rows = max(sheet.height - header_index - 1, 0)
    for cells in sheet.head[header_index + 1: header_index + 1 + rows]:
        padded = list(cells) + [None] * (sheet.width - len(cells))
        preview.sample.append([cell_text(v) for v in padded])
    return preview


# ----------------------------------------------------------------------------------------- pipeline

def _label(form: Any, key: str) -> Text:
    """A column's field label in the three languages (``column_label``)."""
    return Text(*(column_label(form, key, lang) for lang in ("fr", "ar", "en")))


def _quoted(form: Any, key: str) -> Text:
    """« label », in the three languages."""
    return Text(*(f"« {column_label(form, key, lang)} »" for lang in ("fr", "ar", "en")))


def _wanted_sheets(form_key: str) -> tuple[str, ...]:
    form = FORMS[form_key]
    return (form.key, form.label.fr, form.plural.fr, form.label.en, form.plural.en, form.label.ar, form.plural.ar)


def _file_problem(path: Path, exc: FileRefused) -> Problem:
    """A refused file as a file-level problem, without the file name its message starts with (``render``
    puts it back)."""
    def bare(text: str) -> str:
        for prefix in (f"{path.name} : ", f"{path.name}: ", f"{path.name}, ", f"{path.name}، "):
            text = text.removeprefix(prefix)
        return text

    return Problem(0, "", "", Text(*(bare(localized(exc.text, lang)) for lang in ("fr", "ar", "en"))))


def _find_header(sheet: Sheet, form_key: str) -> int:
    """Index (in ``sheet.iter_rows()``) of the header row: the one among the first rows naming most fields."""
    form = FORMS[form_key]
    best, best_hits = 0, -1
    for index, row in enumerate(sheet.head[:HEADER_SEARCH_ROWS]):
        hits = len({k for k in (match_header(form, v) for v in row) if k})
        if hits > best_hits:
            best, best_hits = index, hits
    return best


def _map_columns(plan: ImportPlan, sheet: Sheet, header_index: int, mapping: Mapping[int, str] | None,
                 overrides: Mapping[str, str] | None = None) -> None:
    form = FORMS[plan.form_key]
    header = sheet.head[header_index] if sheet.head else []
    plan.header_row = sheet.row_number(header_index)
    for j, value in enumerate(header):
        text = "" if value is None else str(value).strip()
        if text:
            plan.headers[sheet.first_col + j] = text
    for ref in sheet.merged:
        first, _, last = ref.partition(":")
        r0, r1 = _split_ref(first)[1], _split_ref(last or first)[1]
        if r0 <= plan.header_row <= r1:
            plan.problems.append(Problem(plan.header_row, ref, "", Message("import.merged_header", ref=ref)))
        elif r1 > plan.header_row:
            plan.problems.append(Problem(r0, ref, "", Message("import.merged_cells", ref=ref)))
    unmatched: dict[int, str] = {}
    if mapping is not None:
        chosen = {int(col): key for col, key in mapping.items() if key}
    else:
        chosen = {}
        for col, text in plan.headers.items():
            key = match_header(form, text)
            if key is None:
                if _fold_header(text) not in IGNORED_HEADERS:
                    unmatched[col] = text
                continue
            chosen[col] = key
    for name, key in (overrides or {}).items():
        letter = name.strip().upper()
        # a header first: « ICE » or « Nom » name a column by its title, not the column ICE or NOM
        col = next((c for c, text in plan.headers.items() if _fold_header(text) == _fold_header(name)), -1)
        if col < 0 and re.fullmatch(r"[A-Z]{1,3}", letter):
            col = _column_index(letter)
        if col < 0:
            plan.problems.append(Problem(plan.header_row, "", "", Message("import.column_not_found", name=name,
                                                                           row=plan.header_row)))
            continue
        unmatched.pop(col, None)
        if key and not sheet.first_col <= col < sheet.first_col + sheet.width:
            # an empty column: every row would take a blank (and blank the stored value on an update)
            plan.problems.append(Problem(plan.header_row, column_letter(col), key, Message(
                "import.column_outside", column=column_letter(col), first=column_letter(sheet.first_col),
                last=column_letter(sheet.first_col + sheet.width - 1))))
            continue
        if key:
            chosen[col] = key
        else:
            chosen.pop(col, None)
    seen: dict[str, int] = {}
    for col, key in sorted(chosen.items()):
        if key not in (STATUS_KEY, ID_KEY) and not form.has_field(key):
            plan.problems.append(Problem(plan.header_row, column_letter(col), key,
                                         Message("import.not_a_field", key=key, form=form.label)))
            continue
        if key in seen:
            plan.problems.append(Problem(plan.header_row, column_letter(col), key, Message(
                "import.two_columns", label=_label(form, key), first=column_letter(seen[key]),
                second=column_letter(col))))
            continue
        seen[key] = col
        plan.mapping[col] = key
    _check_formulas(plan, sheet)
    _check_error_cells(plan, sheet)
    lang = plan.lang
    guesses = {col: guess for col, text in unmatched.items()
               if (guess := near_miss(form, text)) is not None and guess not in seen}
    for col, text in unmatched.items():
        guess = guesses.get(col)
        if guess is None:
            plan.notes.append(Message("import.column_ignored", column=column_letter(col), header=text))
            continue
        label = column_label(form, guess, lang)
        plan.problems.append(Problem(plan.header_row, column_letter(col), "", Message(
            "import.did_you_mean", header=text, label=label, rename=column_header(form, guess, lang)), "warning"))
    missing = [f for f in form.fields if f.required and f.key not in seen]
    # A file naming records by their key (or their « Identifiant Kafaat ») may hold only the columns to change:
    # the rows updating a record keep its other values, and a row creating one is refused for what it lacks.
    keyed = ID_KEY in seen or (bool(form.natural_key) and all(k in seen for k in form.natural_key))
    for f in missing:
        guess_col = next((c for c, g in guesses.items() if g == f.key), None)
        hint = (Message("import.is_it_this_column", column=column_letter(guess_col), header=unmatched[guess_col])
                if guess_col is not None else "")
        if keyed:
            plan.partial.append(f.key)
            continue
        plan.problems.append(Problem(plan.header_row, "", f.key, Message(
            "import.required_column", header=column_header(form, f.key, lang), hint=hint, form=form.key)))
    if plan.partial:
        shown = ", ".join(f"« {column_label(form, k, lang)} »" for k in plan.partial)
        plan.notes.append(Message("import.partial", columns=shown))


def near_miss(form: Any, header: str) -> str | None:
    """The field a header that names none probably meant (« Email du tuteur » → ``tutor_email``), or ``None``."""
    folded = _fold_header(header)
    if len(folded) < 4:
        return None
    names = header_names(form)
    close = difflib.get_close_matches(folded, list(names), n=1, cutoff=0.8)
    return names[close[0]] if close else None


def located(plan: ImportPlan | Preview, form_key: str, lang: str) -> None:
    """Give each problem its column's header as the file has it and its field's label in ``lang``."""
    form = FORMS[form_key]
    for p in plan.problems:
        if p.column and p.column.isalpha() and not p.header:
            p.header = plan.headers.get(_column_index(p.column), "")
        if p.field and not p.label and (p.field in (STATUS_KEY, ID_KEY) or form.has_field(p.field)):
            p.label = column_label(form, p.field, lang)


def _check_formulas(plan: ImportPlan, sheet: Sheet) -> None:
    """Formula cells in the columns read (header row and below) refuse the file; elsewhere they are
    ignored and said. Their cached values are never used: a formula is never evaluated nor trusted."""
    if not sheet.formulas:
        return
    read, ignored = [], []
    for ref in sheet.formulas:
        letters, row = _split_ref(ref)
        (read if _column_index(letters) in plan.mapping and row >= plan.header_row else ignored).append(ref)
    if read:
        shown = ", ".join(read[:10]) + ("…" if len(read) > 10 else "")
        plan.problems.append(Problem(0, "", "", Message(
            "import.formulas", sheet=sheet.name, formulas=Message("import.formula_count", n=len(read)), cells=shown)))
    if ignored:
        shown = ", ".join(ignored[:5]) + ("…" if len(ignored) > 5 else "")
        plan.notes.append(Message("import.formulas_ignored", n=len(ignored), cells=shown))


def _check_error_cells(plan: ImportPlan, sheet: Sheet) -> None:
    """Cells holding an Excel error (« #N/A », « #REF! »…) below the header in the columns read refuse the
    file, each one located: read as empty, they would import a blank or blank a stored value in silence."""
    for ref, value in sheet.errors:
        letters, row = _split_ref(ref)
        col = _column_index(letters) if letters else -1
        if ref == "?" or (col in plan.mapping and row > plan.header_row):
            plan.problems.append(Problem(row, letters, plan.mapping.get(col, ""),
                                         Message("import.error_cell", value=value)))


def _split_ref(ref: str) -> tuple[str, int]:
    """``("H", 2)`` for ``H2`` (``("", 0)`` for ``?``)."""
    return "".join(ch for ch in ref if ch.isalpha()), int("".join(ch for ch in ref if ch.isdigit()) or 0)


def _column_index(letters: str) -> int:
    index = 0
    for ch in letters:
        index = index * 26 + ord(ch) - 64
    return index - 1


def _run(store: RecordStore, form_key: str, path: Path, mapping: Mapping[int, str] | None,
         state: TaskState | None, *, write: bool, lang: str, overrides: Mapping[str, str] | None = None
         ) -> ImportPlan:
    plan = _plan(store, form_key, path, mapping, state, write=write, lang=lang, overrides=overrides)
    located(plan, form_key, lang)
    return plan


def _plan(store: RecordStore, form_key: str, path: Path, mapping: Mapping[int, str] | None,
          state: TaskState | None, *, write: bool, lang: str, overrides: Mapping[str, str] | None = None
          ) -> ImportPlan:
    if form_key not in FORMS:
        raise KeyError(form_key)
    plan = ImportPlan(form_key, path, lang=lang)
    step(state, 0, 0, Message("progress.reading_file"))

    def formulas_first(head: Sheet) -> None:
        """A large sheet with formulas: its header read apart, a formula in an imported column refuses the
        file before the whole sheet is parsed."""
        trial = ImportPlan(form_key, path, lang=lang)
        _map_columns(trial, head, _find_header(head, form_key), mapping, overrides)
        found = next((p for p in trial.problems if FORMULAS_READ in str(p.message)), None)
        if found is not None:
            raise FileRefused(Message("file.named", file=path.name, message=found.message))

    try:
        sheet = read_sheet(path, _wanted_sheets(form_key), formulas_first)
    except FileRefused as exc:
        plan.problems.append(_file_problem(path, exc))
        return plan
    plan.sheet, plan.kind = sheet.name, sheet.kind
    plan.notes.extend(sheet.notes)
    if all(_blank(row) for row in sheet.head):
        plan.problems.append(Problem(0, "", "", Message("import.empty_sheet", sheet=sheet.name)))
        return plan
    header_index = _find_header(sheet, form_key)
    _map_columns(plan, sheet, header_index, mapping, overrides)
    if plan.errors:
        return plan
    # The cyclic collector would walk this import's many small objects over and over (``forms.collector``).
    with collector_paused():
        try:
            if write:
                with (store.writer.begin() as conn, _page_cache(conn),
                      bulk_load(conn, form_key, sheet.height - header_index - 1)):
                    _rows(store, plan, sheet, header_index, conn, state, write=True)
                    if not plan.ok:
                        raise _Rollback()
                    plan.applied = True
            else:
                with store.engine.connect() as conn:
                    _rows(store, plan, sheet, header_index, conn, state, write=False)
        except _Rollback:
            plan.applied = False
    if plan.partial and plan.rows and not (plan.updated or plan.unchanged):
        # no row named a stored record: the file was not made for updates, it lacks columns
        plan.problems = [p for p in plan.problems if PARTIAL_NEW not in str(p.message)]
        form = FORMS[form_key]
        for key in plan.partial:
            plan.problems.append(Problem(plan.header_row, "", key, Message(
                "import.required_column_new", header=column_header(form, key, lang), form=form.key)))
    if not plan.rows and plan.ok:
        label = FORMS[form_key].label
        plan.problems.append(Problem(0, "", "", Message(
            "import.no_rows", row=plan.header_row, next=plan.header_row + 1,
            form=Text(label.fr.lower(), label.ar, label.en.lower()))))
    plan.problems.sort(key=lambda p: p.row)  # rows are checked by chunks: messages back in row order
    return plan


def _blank(cells: list[Any]) -> bool:
    """A row with nothing in it but blanks: empty cells, spaces, non-breaking spaces."""
    for value in cells:
        if value is None or value == "" or (type(value) is str and value.isspace()):
            continue
        return False
    return True


IMPORT_CACHE_KIB = 32 * 1024
"""SQLite page cache while an import writes. The default (2 MiB) makes inserts under random UUID keys
and the natural-key index thrash once a table outgrows it: 100 000 rows took 5.5 s to write with it."""


@contextmanager
def _page_cache(conn: Connection) -> Iterator[None]:
    if conn.dialect.name != "sqlite":
        yield
        return
    before = conn.exec_driver_sql("PRAGMA cache_size").scalar()
    conn.exec_driver_sql(f"PRAGMA cache_size = -{IMPORT_CACHE_KIB}")
    try:
        yield
    finally:
        conn.exec_driver_sql(f"PRAGMA cache_size = {int(before or -2000)}")


def _rows(store: RecordStore, plan: ImportPlan, sheet: Sheet, header_index: int, conn: Connection,
          state: TaskState | None, *, write: bool) -> None:
    form = FORMS[plan.form_key]
    table = record_table(form.key)
    ctx = LinkContext(store, conn)
    links = LinkNames(conn, store.establishment)
    columns = sorted(plan.mapping.items())
    mapped = {key for _c, key in columns}
    letters = {key: column_letter(col) for col, key in columns}
    field_columns = [(col - sheet.first_col, form.field(key), converter(form.field(key), sheet.date1904))
                     for col, key in columns if form.has_field(key)]
    link_fields = [(f, tuple(k for k in FORMS[f.link or ""].natural_key if k in mapped))
                   for f in form.fields if f.type is FieldType.LINK and f.key in mapped]
    link_memo: dict[tuple[Any, ...], Any] = {}
    identifier_columns = [(j, f.key) for j, f, _c in field_columns if f.type is FieldType.IDENTIFIER]
    text_columns = [(j, f.key) for j, f, _c in field_columns if f.type is FieldType.TEXT]
    partial = set(plan.partial)
    status_col = next((col - sheet.first_col for col, key in columns if key == STATUS_KEY), None)
    id_col = next((col - sheet.first_col for col, key in columns if key == ID_KEY), None)
    absent = [f.key for f in form.fields if f.key not in mapped]
    seen: dict[tuple[Any, ...], int] = {}
    targets: dict[str, int] = {}
    """Stored record id → the row that updates it."""
    batch: list[tuple[Checked, str]] = []
    total = sheet.height - header_index - 1
    problems = plan.problems
    natural_key = form.natural_key
    lowered_label = Text(form.label.fr.lower(), form.label.ar, form.label.en.lower())
    errors_before = len(plan.errors)
    counts = {"error": errors_before}

    def problem(row: int, keys: tuple[str, ...], message: Localizable, severity: str = "error") -> None:
        key = next((k for k in keys if k in letters), keys[0] if keys else "")
        problems.append(Problem(row, letters.get(key, ""), key, message, severity))
        if severity == "error":
            counts["error"] += 1

    def unreadable_cell(row: _Row, key: str, exc: ValueProblem) -> None:
        row.raw[key] = None
        row.unreadable = row.unreadable | {key}
        problem(row.number, (key,), exc.message.get(plan.lang))
        row.errors += 1

    field_keys = [f.key for _j, f, _c in field_columns]
    column_converters = [(j, f.key, column_converter(f, sheet.date1904)) for j, f, _c in field_columns]
    used = [j for j, _f, _c in field_columns] + [j for j in (status_col, id_col) if j is not None]
    needed = max(used) + 1 if used else 0

    def prepare(pending: list[tuple[int, list[Any]]]) -> list[_Row]:
        """Stage 1 for a chunk of rows, a column at a time: cells converted, status read, links resolved, the
        record each row names. Problems are appended stage by stage (every row's conversions, then every
        row's status…); ``_plan`` sorts them by row (a stable sort), so each row's come in the order a row by
        row pass would give."""
        table = [cells if len(cells) >= needed else [*cells, *([None] * (needed - len(cells)))]
                 for _index, cells in pending]
        cols = list(zip(*table, strict=False)) if needed else []  # rows may be wider: only the first are read
        columns: list[list[Any]] = []
        unreadable: list[tuple[str, list[Any]]] = []
        for j, key, convert in column_converters:
            values, failed = convert(cols[j])
            if failed:
                unreadable.append((key, values))
            columns.append(values)
        if columns:
            first = sheet.first_row
            rows = [_Row(first + index, dict(zip(field_keys, values, strict=True)))
                    for (index, _cells), values in zip(pending, zip(*columns, strict=True), strict=True)]
        else:
            rows = [_Row(sheet.row_number(index), {}) for index, _cells in pending]
        for key, values in unreadable:  # cells that could not be read, column after column
            for row, value in zip(rows, values, strict=True):
                if isinstance(value, ValueProblem):
                    unreadable_cell(row, key, value)
        for j, key in identifier_columns:
            for row, value in zip(rows, cols[j], strict=True):
                if type(value) is float or type(value) is int:
                    row.numbers = (*row.numbers, (key, cell_text(value)))
        for j, key in text_columns:
            for i in [i for i, v in enumerate(cols[j]) if type(v) is str and "?" in v]:
                value = cols[j][i]
                if QUESTION_MARKS.fullmatch(value):
                    problem(rows[i].number, (key,), Message("import.question_marks", value=value.strip()), "warning")
        if status_col is not None:
            for row, word in zip(rows, cols[status_col], strict=True):
                found = parse_status(word)
                if found is None:
                    problem(row.number, (STATUS_KEY,), Message("import.unknown_status", word=word))
                    row.errors += 1
                else:
                    row.status = found
        for f, context_keys in link_fields:
            for row in rows:
                raw = row.raw
                value = raw.get(f.key)
                if value is None or f.key in row.unreadable:
                    continue
                memo_key = (f.key, value, *(raw.get(k) for k in context_keys))
                found = link_memo.get(memo_key)
                if found is None:
                    try:
                        found = links.resolve(form, f, value, raw)
                    except ValueProblem as exc:
                        found = exc
                    if len(link_memo) < 20_000:
                        link_memo[memo_key] = found
                if isinstance(found, ValueProblem):
                    unreadable_cell(row, f.key, found)
                else:
                    raw[f.key] = found
        if id_col is not None:
            for row, given in zip(rows, cols[id_col], strict=True):
                if given not in (None, ""):
                    row.given_id = str(given).strip().lower()
        if natural_key:
            owner, form_key = ctx.natural_key_owner, form.key
            for row in rows:
                key = tuple([" ".join(v.split()) if type(v) is str else v for v in map(row.raw.get, natural_key)])
                if None not in key:
                    row.key = key
                    row.record_id = owner(form_key, key)
        return rows

    def finish(row: _Row, record_id: str | None, stored: tuple[dict[str, Any], str] | None,
               checked: Checked) -> None:
        """Stage 3: after the form's own check, counted, refused, skipped as unchanged or queued."""
        nonlocal batch
        row_number, status = row.number, row.status
        for key, shown in row.numbers:
            if not any(key in i.fields for i in checked.issues):  # a refused value says it already
                problem(row_number, (key,), Message("import.number_identifier", shown=shown), "warning")
        if checked.issues:
            if row.unreadable:
                checked.issues = [i for i in checked.issues
                                  if not (i.code == "required" and i.field in row.unreadable)]
            refusal = checked.refusal(status)
            refusing = {id(i) for i in refusal}
            lacking = [i for i in checked.issues if i.code == "required" and i.field in partial and stored is None]
            if lacking:
                # a new record in a file made for updates: one message for every column it lacks
                problem(row_number, (), Message("import.partial_new", form=lowered_label,
                                                columns=[_quoted(form, i.field) for i in lacking]),
                        "error" if any(id(i) in refusing for i in lacking) else "warning")
                skipped = {id(i) for i in lacking}
                checked.issues = [i for i in checked.issues if id(i) not in skipped]
            for issue in checked.issues:
                severity = "error" if id(issue) in refusing else "warning"
                text: Localizable = issue.message.get(plan.lang)
                if severity == "warning" and issue.severity is Severity.ERROR:
                    text = Message("import.draft_issue", text=issue.message)
                problem(row_number, issue.fields, text, severity)
            row.errors += len(refusal)
        duplicate = False
        if row.key is not None:
            first = seen.get(row.key)
            if first is not None:
                problem(row_number, form.natural_key, Message(
                    "import.same_key", fields=[form.field(k).label for k in form.natural_key], first=first,
                    form=lowered_label))
                row.errors += 1
                duplicate = True
            else:
                seen[row.key] = row_number
        if stored is not None and record_id is not None and not duplicate:
            # two rows updating one record: the second would silently overwrite the first (a row copied from
            # an export keeps the « Identifiant Kafaat » of the record it was copied from)
            first = targets.get(record_id)
            if first is None:
                targets[record_id] = row_number
            elif record_id == row.given_id:
                problem(row_number, (ID_KEY,), Message("import.same_id", first=first, id=record_id))
                row.errors += 1
            else:
                problem(row_number, form.natural_key, Message("import.same_record", first=first,
                                                              form=lowered_label))
                row.errors += 1
        if row.errors:
            plan.refused_rows += 1
            return
        if status == DRAFT:
            plan.drafts += 1
        if stored is not None:
            if stored[1] == status and _same(form.field_keys, stored[0], checked.values):
                plan.unchanged += 1
                return
            plan.updated += 1
        else:
            plan.created += 1  # write_checked gives it its id
        if write and not counts["error"]:
            batch.append((checked, status))
            if len(batch) >= BATCH:
                store.write_checked(batch, conn=conn)
                batch = []

    def flush(chunk: list[_Row]) -> None:
        """Stage 2 for a chunk of rows: the records they name, loaded with one query per 500, then the
        form's own check of the whole chunk at once (``RecordStore.check_many``: the same findings as
        ``check`` row by row)."""
        if not chunk:
            return
        wanted = [r.record_id for r in chunk if r.record_id] + [r.given_id for r in chunk if r.given_id]
        existing = _load_live(conn, form, table, store.establishment, wanted) if wanted else {}
        ids: list[str | None] = []
        stored_rows: list[tuple[dict[str, Any], str] | None] = []
        for row in chunk:
            record_id = row.given_id if row.given_id in existing else row.record_id
            stored = existing.get(record_id) if record_id is not None else None
            if stored is not None:
                raw = row.raw
                for k in absent:
                    raw[k] = stored[0].get(k)
            ids.append(record_id)
            stored_rows.append(stored)
        checked = store.check_many(form.key, [r.raw for r in chunk], record_ids=ids, conn=conn, context=ctx)
        for row, record_id, stored, one in zip(chunk, ids, stored_rows, checked, strict=True):
            finish(row, record_id, stored, one)

    hidden = set(sheet.hidden_rows)
    hidden_row = Message("import.hidden_row_filtered" if sheet.filtered else "import.hidden_row")
    if sheet.hidden_count > len(sheet.hidden_rows):
        plan.notes.append(Message("import.hidden_rows", n=sheet.hidden_count))
    pending: list[tuple[int, list[Any]]] = []
    checking = Message("progress.checking_rows")

    def run(pending: list[tuple[int, list[Any]]]) -> None:
        rows = prepare(pending)
        if hidden:
            for row in rows:
                if row.number in hidden:
                    problem(row.number, (), hidden_row, "warning")
        flush(rows)

    for index, cells in enumerate(sheet.iter_rows()):
        if index <= header_index:
            continue
        n = index - header_index - 1
        if n % 500 == 0:
            step(state, n, total, checking)
        if cells.count("") + cells.count(None) == len(cells) or _blank(cells):  # an empty row (or spaces only)
            continue
        plan.rows += 1
        pending.append((index, cells))
        if len(pending) >= CHUNK:
            run(pending)
            pending = []
    if pending:
        run(pending)
    step(state, total, total, Message("progress.writing" if write else "progress.checked"))
    if write and batch and not counts["error"]:
        store.write_checked(batch, conn=conn)


def _same(keys: tuple[str, ...], existing: Mapping[str, Any], values: Mapping[str, Any]) -> bool:
    return all(existing.get(k) == values.get(k) for k in keys)


class _Row:
    """One row of the sheet on its way through the import (one is made per row: no default containers,
    the rare ones are replaced when something is found)."""

    __slots__ = ("errors", "given_id", "key", "number", "numbers", "raw", "record_id", "status", "unreadable")

    def __init__(self, number: int, raw: dict[str, Any]) -> None:
        self.number = number
        self.raw = raw
        self.unreadable: frozenset[str] = _NOTHING
        """Fields whose cell could not be read."""
        self.status = COMPLETE
        self.errors = 0
        self.key: tuple[Any, ...] | None = None
        self.record_id: str | None = None
        """The live record with the row's natural key."""
        self.given_id: str | None = None
        """The « Identifiant Kafaat » cell, when there is one."""
        self.numbers: tuple[tuple[str, str], ...] = ()
        """Identifier cells that held a number (key, as shown): leading zeros may have been lost."""


_NOTHING: frozenset[str] = frozenset()


CHUNK = 500


def _load_live(conn: Connection, form: Any, table: Any, establishment: str, ids: list[str]
               ) -> dict[str, tuple[dict[str, Any], str]]:
    """Field values and status of the live records among ``ids`` (500 per query)."""
    out: dict[str, tuple[dict[str, Any], str]] = {}
    keys = form.field_keys
    unique = list(dict.fromkeys(ids))
    for start in range(0, len(unique), 500):
        stmt = (select(table).where(table.c.id.in_(unique[start:start + 500]))
                .where(table.c.deleted.is_(False)).where(table.c.establishment == establishment))
        for row in conn.execute(stmt).mappings():
            out[row["id"]] = ({k: row[k] for k in keys}, row["status"])
    return out
