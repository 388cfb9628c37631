"""Validators compiled from a form's declaration: one generated function per form, and a batch validator
that checks a column at a time and runs each cross-field rule once per distinct combination of its inputs.

``forms.validation.check_field`` stays the one place where a field rule and its message are written. From
each ``Field`` this module derives one Python expression that is true exactly when ``check_field`` would
find nothing (length, control characters, e-mail shape, pattern, bounds); only a value that fails it goes to
``check_field``, which says why. The form's cross-field rules (``Rule.check``) are called as declared.

* ``CompiledForm.one(values)`` — one record: the generated source of a single function (every field's
  test inlined, each rule guarded by its ``needs``), compiled once with ``compile()``.
* ``CompiledForm.batch(rows)`` — many records, a column at a time (``ColumnChecks``): chunks of rows cut
  into columns; per field, a conservative column predicate derived from the declaration (``column_test``:
  lengths, bounds, presence, patterns as one run over the joined values) and, where it is not plainly
  true, the per-value ``ok_expression`` flag the rows that might have a finding; the rules, and the field
  checks of the fields they read, run once per distinct combination of the values the rules read
  (administrative data repeats: dates, types, regions, outcomes), their verdict remembered from batch to
  batch until the day changes. Only flagged rows go through ``one``, which writes the messages. Which
  values a rule reads is learnt by running it on a mapping that records each look-up (a rule that reads a
  field it was not given is run again with that field too; one that iterates its mapping is run record by
  record). This relies on what ``Rule`` already asks: a rule is a function of the values it reads (and of
  the day). Values are the typed values ``parse_record`` gives (decimals to the cent), as for ``validate``.

* ``CompiledForm.parse_and_validate(raws)`` / ``parse_many(raws)`` — many raw records, a column at a time
  (``ColumnParser``): each chunk cut into raw columns, each column converted by C passes when
  ``column_converter`` is sure of every value (tidy text, codes, ISO dates, spreadsheet numbers), else value
  by value by the field's own parser (which writes the messages); the typed columns then go to the column
  checks as they are (``ColumnChecks.flags``).

All give exactly what the interpreted references give, issue for issue and in the same order
(``tests/forms/test_validation_compiled.py`` checks it on generated records for every form).
The compiled object is built lazily and kept on the ``Form`` itself, derived forms
(``Form.as_received()``) included.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import replace
from datetime import date, datetime
from decimal import Decimal
from itertools import accumulate, compress, repeat
from operator import is_not, itemgetter, mul
from typing import Any

from forms.schema import Field, FieldType, Form, Issue, Severity

_TEXTUAL = (FieldType.TEXT, FieldType.EMAIL, FieldType.IDENTIFIER)
_ORDERED = (FieldType.INTEGER, FieldType.DECIMAL, FieldType.DATE)


def ok_expression(field: Field, name: str, constants: dict[str, Any], tag: str, *, controls: bool | None = None
                  ) -> str | None:
    """A Python expression over the (non-``None``) value ``name`` that is true only when ``check_field``
    finds nothing in it; ``None`` when a present value of this field is never wrong. Constants it needs are
    put in ``constants`` under names ending in ``tag`` (and ``control``, the same for every field).
    ``controls``: whether to test for control characters; by default unless the field's pattern already
    excludes them (``never_holds_control``: a value that matches holds none)."""
    from forms.validation import CONTROL_CHARS, EMAIL_RE

    kind = field.type
    tests: list[str] = []
    if kind in _TEXTUAL:
        tests.append(f"len({name}) <= {int(field.max_length)}")
        shape = EMAIL_RE if kind is FieldType.EMAIL else (
            field.compiled_pattern if kind is FieldType.IDENTIFIER else None)
        if shape is not None:
            constants[f"shape{tag}"] = shape.fullmatch
            tests.append(f"shape{tag}({name}) is not None")
        if controls is None:
            controls = shape is None or not never_holds_control(shape)
        if controls:  # ``isprintable`` answers in C for the usual text, the search runs on the others
            constants["control"] = CONTROL_CHARS.search
            tests.append(f"({name}.isprintable() or control({name}) is None)")
    elif kind in _ORDERED:
        if field.min is not None:
            constants[f"low{tag}"] = field.min
            tests.append(f"low{tag} <= {name}")
        if field.max is not None:
            constants[f"high{tag}"] = field.max
            tests.append(f"{name} <= high{tag}")
    return " and ".join(tests) if tests else None


CENT = Decimal("0.01")


def parse_statements(field: Field, name: str, value: str, constants: dict[str, Any], tag: str) -> list[str]:
    """Statements (indented by four spaces) that set ``name`` to what ``parse_value`` gives for the
    non-``None`` raw value ``value``: the common well-formed values are converted inline; any other goes
    to the field's own parser (``forms.validation._fast_parser``, then ``parse_value``), whose
    ``ValueProblem`` the caller's ``try`` catches."""
    from forms.validation import FAR_TOO_LARGE, _fast_parser

    constants[f"parse{tag}"] = _fast_parser(field)
    general = ["else:", f"    {name} = parse{tag}({value})"]
    kind = field.type
    if kind in _TEXTUAL and field.strip:
        # a printable text holds no control character (``forms.validation.collapse`` for the others)
        return [f"if type({value}) is str and {value}.isprintable():", f"    {name} = ' '.join({value}.split()) or None",
                *general]
    if kind is FieldType.LINK:
        return [f"if type({value}) is str and {value} and {value}.strip() == {value}:",
                f"    {name} = {value}.lower()", *general]
    if kind is FieldType.INTEGER:
        return [f"if type({value}) is int and {-FAR_TOO_LARGE} < {value} < {FAR_TOO_LARGE}:",
                f"    {name} = {value}",
                f"elif type({value}) is float and {value}.is_integer() and "
                f"{-FAR_TOO_LARGE} < {value} < {FAR_TOO_LARGE}:",  # a spreadsheet's number
                f"    {name} = int({value})", *general]
    if kind is FieldType.DECIMAL:
        # what parse_decimal gives: Decimal(str(value)) to the cent; below 10**15, a finite float or int
        # always passes its checks
        constants["Decimal"], constants["CENT"] = Decimal, CENT
        return [f"if (type({value}) is float or type({value}) is int) and "
                f"{-FAR_TOO_LARGE} < {value} < {FAR_TOO_LARGE}:",
                f"    {name} = Decimal(str({value})).quantize(CENT)", *general]
    if kind is FieldType.DATE:
        constants["date"], constants["datetime"] = date, datetime
        return [f"if type({value}) is date:", f"    {name} = {value}",
                f"elif type({value}) is datetime:", f"    {name} = {value}.date()", *general]
    if kind is FieldType.CHOICE:
        table = field.choices()
        assert table is not None
        constants[f"codes{tag}"] = frozenset(table.codes)
        return [f"if type({value}) is str and {value} in codes{tag}:", f"    {name} = {value}", *general]
    if kind is FieldType.BOOLEAN:
        return [f"if type({value}) is bool:", f"    {name} = {value}", *general]
    return [f"{name} = parse{tag}({value})"]


def _no_op(lines: list[str]) -> list[str]:
    """``x = x`` written as ``pass``."""
    out = []
    for line in lines:
        left, _eq, right = line.strip().partition(" = ")
        out.append(line.replace(line.strip(), "pass") if left and left == right else line)
    return out


def parser_source(form: Form, constants: dict[str, Any]) -> str:
    """The source of ``parse_one(raw) -> (values, issues)``: ``parse_record`` for ``form``, every field's
    conversion inlined (its common well-formed values converted in place, the others through the field's
    parser), a problem caught and reported as ``parse_record`` reports it, unknown keys named."""
    from forms.validation import ValueProblem

    constants.update(ValueProblem=ValueProblem, Issue=Issue, ERROR=Severity.ERROR,
                     known=frozenset(form.field_keys), unknown=_unknown_field(form))
    lines = ["def parse_one(raw):", "    issues = []", "    get = raw.get"]
    names = []
    for index, f in enumerate(form.fields):
        name, tag = f"p{index}", f"{index}"
        names.append((f.key, name))
        lines += [f"    {name} = get({f.key!r})", f"    if {name} is not None:", "        try:"]
        lines += [f"            {s}" for s in _no_op(parse_statements(f, name, name, constants, tag))]
        lines += ["        except ValueProblem as problem:", f"            {name} = None",
                  f"            issues.append(Issue(({f.key!r},), problem.message, ERROR, problem.code))"]
    lines.append("    values = {" + ", ".join(f"{k!r}: {n}" for k, n in names) + "}")
    lines += ["    if not known.issuperset(raw):", "        for key in raw:", "            if key not in known:",
              "                issues.append(unknown(key))", "    return values, issues"]
    return "\n".join(lines) + "\n"


def _unknown_field(form: Form) -> Callable[[str], Issue]:
    from forms.validation import unknown_field_message

    message = unknown_field_message(form)

    def unknown(key: str) -> Issue:
        return Issue((key,), message, Severity.ERROR, "unknown_field")
    return unknown


class _NeedsMore(BaseException):
    """A rule read a value it was not given (not an ``Exception``: a rule's own ``except`` cannot swallow it)."""

    def __init__(self, key: str) -> None:
        super().__init__(key)
        self.key = key


class _Opaque(BaseException):
    """A rule looked at its mapping as a whole (iterated it, measured it): it is run record by record."""


ABSENT: Any = object()
"""A key the record does not have at all (``get`` with a default tells it from ``None``)."""


class _Reads(Mapping[str, Any]):
    """The values a rule was given; a look-up of any other key asks for it (``_NeedsMore``)."""

    __slots__ = ("_known",)

    def __init__(self, known: dict[str, Any]) -> None:
        self._known = known

    def __getitem__(self, key: str) -> Any:
        known = self._known
        if key not in known:
            raise _NeedsMore(key)
        value = known[key]
        if value is ABSENT:
            raise KeyError(key)
        return value

    def get(self, key: str, default: Any = None) -> Any:  # type: ignore[override]
        known = self._known
        if key not in known:
            raise _NeedsMore(key)
        value = known[key]
        return default if value is ABSENT else value

    def __contains__(self, key: object) -> bool:
        raise _Opaque

    def __iter__(self) -> Iterator[str]:
        raise _Opaque

    def __len__(self) -> int:
        raise _Opaque


class CompiledForm:
    """The validators of one form. Obtain it with ``compiled(form)``."""

    def __init__(self, form: Form) -> None:
        self.form = form
        self.source = self._generate(form)
        namespace = dict(self._constants)
        exec(compile(self.source, f"<validator {form.key}>", "exec"), namespace)
        self.one: Callable[[Mapping[str, Any]], list[Issue]] = namespace["validate_one"]
        self.fields_one: Callable[[Mapping[str, Any]], list[Issue]] = namespace["check_fields"]
        """The field rules alone, for one record (the batch runs the cross-field rules its own way)."""
        self.parse_source = parser_source(form, parsing := {})
        exec(compile(self.parse_source, f"<parser {form.key}>", "exec"), parsing)
        self.parse: Callable[[Mapping[str, Any]], tuple[dict[str, Any], list[Issue]]] = parsing["parse_one"]
        """``parse_record`` for this form."""
        self._columns = ColumnChecks(form, tuple(tuple(dict.fromkeys(r.needs)) for r in form.rules), frozenset())
        self._parser = ColumnParser(form)

    # ------------------------------------------------------------------------------------- one record

    def _generate(self, form: Form) -> str:
        from forms.validation import check_field

        self._constants: dict[str, Any] = {"check_field": check_field}
        wanted = {k for r in form.rules for k in r.needs}
        fetched: list[tuple[str, str]] = []  # (key, local name) of every value a check or a guard needs
        checks: list[str] = []
        for index, f in enumerate(form.fields):
            name = f"v{index}"
            expression = ok_expression(f, name, self._constants, str(index))
            if not (f.required or expression or f.key in wanted):
                continue
            fetched.append((f.key, name))
            self._constants[f"field{index}"] = f
            if f.required:
                self._constants[f"missing{index}"] = tuple(check_field(f, None))
                checks.append(f"    if {name} is None:")
                checks.append(f"        out.extend(missing{index})")
                if expression:
                    checks.append(f"    elif not ({expression}):")
                    checks.append(f"        out.extend(check_field(field{index}, {name}))")
            elif expression:
                checks.append(f"    if {name} is not None and not ({expression}):")
                checks.append(f"        out.extend(check_field(field{index}, {name}))")
        # One C call fetches every value (a record from parse_record holds every key); a record lacking one
        # takes the look-up per key.
        local = dict(fetched)
        names = ", ".join(n for _k, n in fetched)
        lines = ["def {name}(values):", "    out = []"]
        if fetched:
            self._constants["fetch"] = _fetcher(tuple(local))
            lines += ["    try:", f"        {names}, = fetch(values)", "    except KeyError:",
                      "        get = values.get",
                      *(f"        {n} = get({k!r})" for k, n in fetched)]
        lines += checks
        fields_only = [*lines, "    return out"]
        for index, rule in enumerate(form.rules):
            self._constants[f"rule{index}"] = rule.check
            guard = " and ".join(f"{local[k]} is not None" if k in local else f"values.get({k!r}) is not None"
                                 for k in rule.needs)
            if guard:
                lines.append(f"    if {guard}:")
                lines.append(f"        out.extend(rule{index}(values))")
            else:
                lines.append(f"    out.extend(rule{index}(values))")
        lines.append("    return out")
        head = lines[0].format(name="validate_one"), fields_only[0].format(name="check_fields")
        return "\n".join((head[0], *lines[1:], "", "", head[1], *fields_only[1:])) + "\n"

    # ------------------------------------------------------------------------------------ many records

    def batch(self, rows: Sequence[Mapping[str, Any]]) -> list[list[Issue]]:
        """The findings of each row, in the order of ``rows``; each list as ``validate`` gives it.

        Column-at-a-time predicates over chunks of rows flag every row that might have a finding; only the
        flagged rows go through ``one``, which writes the messages. A clean row costs a share of a few C
        passes over its chunk's columns."""
        if not isinstance(rows, list):
            rows = list(rows)
        while True:
            try:
                return self._columns.run(rows, self.one)
            except _Learnt as learnt:  # once per process: a rule reads one more value, or its whole mapping
                self._columns = learnt.checks


    def parse_many(self, raws: Sequence[Mapping[str, Any]]) -> list[tuple[dict[str, Any], list[Issue]]]:
        """``parse`` for many raw records, a column at a time (``ColumnParser``)."""
        out: list[tuple[dict[str, Any], list[Issue]]] = []
        for start in range(0, len(raws), CHUNK):
            values, _typed, problems = self._parser.chunk(raws[start:start + CHUNK])
            issues = list(map(list.copy, repeat(_EMPTY, len(values))))
            for i, found in problems.items():
                issues[i] = found
            out += zip(values, issues, strict=True)
        return out

    def parse_and_validate(self, raws: Sequence[Mapping[str, Any]]) -> list[tuple[dict[str, Any], list[Issue]]]:
        """``parse`` then ``one`` for many raw records, as ``forms.validation.parse_and_validate`` gives each:
        each chunk parsed a column at a time (``ColumnParser``), its typed columns checked as they are
        (``ColumnChecks.flags``, no gathering again), only the flagged rows through ``one``."""
        if not isinstance(raws, list):
            raws = list(raws)
        out: list[tuple[dict[str, Any], list[Issue]]] = []
        self._columns.begin()
        for start in range(0, len(raws), CHUNK):
            out += self._checked(*self._parser.chunk(raws[start:start + CHUNK]))
        return out

    def parse_and_validate_rows(self, names: Sequence[str | None], rows: Sequence[Sequence[Any]]
                                ) -> list[tuple[dict[str, Any], list[Issue]]]:
        """``parse_and_validate`` for records given as rows of values, ``names[i]`` naming each row's ``i``-th
        value (``None``: a value that is no part of the record, such as a bundle's system members): what
        ``parse_and_validate`` gives for ``{n: row[i] for i, n in enumerate(names) if n is not None}`` (a name
        given twice: its last value, as ``dict(zip(names, row))``), without making those dictionaries —
        each chunk of rows is cut into columns at once. Every row holds ``len(names)`` values (``ValueError``
        otherwise, as ``zip(…, strict=True)``)."""
        if not isinstance(rows, list):
            rows = list(rows)
        where: dict[str, int] = {}
        for i, name in enumerate(names):
            if name is not None:
                where[name] = i
        parser = self._parser
        unknown = [name for name in where if name not in parser.known]
        positions = [where.get(key) for key in parser.keys]
        width = len(names)
        out: list[tuple[dict[str, Any], list[Issue]]] = []
        self._columns.begin()
        for start in range(0, len(rows), CHUNK):
            chunk = rows[start:start + CHUNK]
            count = len(chunk)
            raw = list(zip(*chunk, strict=True))
            if len(raw) != width:
                raise ValueError(f"rows of {len(raw)} values for {width} names")
            blank = (None,) * count
            cols = [blank if p is None else raw[p] for p in positions]
            out += self._checked(*parser.chunk_columns(cols, count, unknown))
        return out

    def _checked(self, values: list[dict[str, Any]], typed: list[Sequence[Any]], problems: dict[int, list[Issue]]
                 ) -> zip[tuple[dict[str, Any], list[Issue]]]:
        """One parsed chunk validated: each record's values and issues (its problems first, then its findings
        but « required » for a field it could not read)."""
        issues = self.check_parsed(values, typed)
        for i, found in problems.items():
            unreadable = {issue.field for issue in found}
            found.extend(issue for issue in issues[i]
                         if not (issue.code == "required" and issue.field in unreadable))
            issues[i] = found
        return zip(values, issues, strict=True)

    def check_parsed(self, values: list[dict[str, Any]], typed: list[Sequence[Any]]) -> list[list[Issue]]:
        """The validation step of ``parse_and_validate`` for one chunk the column parser read: ``values`` its
        records' typed values, ``typed`` its typed columns in the form's field order (``ColumnParser.chunk``).
        The columns are checked as they are (``ColumnChecks.flags``, no gathering again), only the flagged
        rows go through ``one``; each row's findings in a fresh list. ``_columns.begin()`` comes first, once
        per batch."""
        while True:
            checks = self._columns
            try:
                if None in checks.positions:  # a rule reads a key that is no field: record by record
                    flagged: Any = range(len(values))
                else:
                    flagged = checks.flags(values, [typed[p] for p in checks.positions])
                break
            except _Learnt as learnt:  # once per process, as in ``batch``
                self._columns = learnt.checks
                self._columns.begin()
        issues = list(map(list.copy, repeat(_EMPTY, len(values))))
        one = self.one
        for i in flagged:
            issues[i] = one(values[i])
        return issues


def _fetcher(keys: tuple[str, ...]) -> Callable[[Mapping[str, Any]], tuple[Any, ...]]:
    """The values of ``keys`` as a tuple in one call (``KeyError`` when one is missing)."""
    if len(keys) == 1:
        one = itemgetter(keys[0])
        return lambda values: (one(values),)
    return itemgetter(*keys)


def parse_and_validate_rows(form: Form, names: Sequence[str | None], rows: Sequence[Sequence[Any]]
                            ) -> list[tuple[dict[str, Any], list[Issue]]]:
    """``forms.validation.parse_and_validate_batch`` for records given as rows of values named by ``names``
    (``None``: a value to leave out), without a dictionary a record: ``CompiledForm.parse_and_validate_rows``."""
    return compiled(form).parse_and_validate_rows(names, rows)


def compiled(form: Form) -> CompiledForm:
    """The compiled validators of ``form``, built on first use and kept on the form."""
    found = form.__dict__.get("_compiled")
    if found is None:
        found = CompiledForm(form)
        object.__setattr__(form, "_compiled", found)
    return found


# ------------------------------------------------------------------------------------------------------
# Many records, a column at a time
# ------------------------------------------------------------------------------------------------------

CHUNK = 256
"""Rows checked together: their columns stay in the processor's cache between the passes over them."""

MEMO_LIMIT = 50_000
"""Combinations of rule inputs remembered (with their verdict) from one batch to the next, at most."""


_EMPTY: list[Any] = []
"""Copied for each clean row's (fresh, empty) list of findings; never changed itself."""


class _Learnt(BaseException):
    """A rule read a value outside what the batch gathers for it, or looked at its mapping as a whole: the
    batch starts again with ``checks``, which knows it."""

    def __init__(self, checks: ColumnChecks) -> None:
        super().__init__()
        self.checks = checks


_SAFE_CATEGORIES = frozenset({"CATEGORY_DIGIT", "CATEGORY_NOT_SPACE", "CATEGORY_WORD"})
r"""Character classes that never hold a newline (``\d``, ``\S``, ``\w``)."""
_NEWLINE_CATEGORIES = frozenset({"CATEGORY_SPACE", "CATEGORY_NOT_DIGIT", "CATEGORY_NOT_WORD", "CATEGORY_LINEBREAK"})
_NARROWER_IN_ASCII = frozenset({"CATEGORY_DIGIT", "CATEGORY_SPACE", "CATEGORY_WORD"})
r"""Classes whose ASCII meaning holds fewer characters than their Unicode one (``\d``, ``\s``, ``\w``)."""


def _every_leaf(items: Any, leaf: Callable[[Any, Any], bool]) -> bool:
    """Whether ``leaf(op, arg)`` holds for every leaf of a parsed pattern (``re._parser``): alternatives, groups
    without flags and repeats are looked into; a group with flags, or any node ``leaf`` answers ``False`` for
    (an anchor, a look-around, a back-reference…), answers ``False``."""
    from re import _constants as c  # type: ignore[attr-defined]

    for op, arg in items:
        if op is c.BRANCH:
            ok = all(_every_leaf(branch, leaf) for branch in arg[1])
        elif op is c.SUBPATTERN:
            ok = not arg[1] and not arg[2] and _every_leaf(arg[3], leaf)
        elif op is c.MAX_REPEAT or op is c.MIN_REPEAT:
            ok = _every_leaf(arg[2], leaf)
        else:
            ok = leaf(op, arg)
        if not ok:
            return False
    return True


def shape_analysis(shape: re.Pattern[str]) -> tuple[bool, bool]:
    """``(joinable, ascii)`` for a pattern.

    ``joinable``: no match of ``shape`` can hold a newline, and nothing in it looks outside its own match
    (anchors, look-arounds, back-references, flags, atomic groups): then values joined by newlines all match
    ``shape`` exactly when the joined text is a run of (``shape``, newline). ``ascii``: compiled with
    ``re.ASCII``, the pattern matches only strings it matches without (its classes only get narrower), so a
    match in ASCII mode (faster) proves one in Unicode mode. Anything unknown answers ``False``."""
    try:
        from re import _constants as c  # type: ignore[attr-defined]
        from re import _parser as parser  # type: ignore[attr-defined]
        tree = parser.parse(shape.pattern)
    except Exception:
        return False, False
    if shape.flags != re.UNICODE or tree.state.flags & ~c.SRE_FLAG_UNICODE:
        return False, False
    newline = ord("\n")
    narrower = [True]

    def class_excludes_newline(items: list[tuple[Any, Any]]) -> bool:
        negated = holds = False
        for op, arg in items:
            if op is c.NEGATE:
                negated = True
            elif op is c.LITERAL:
                holds = holds or arg == newline
            elif op is c.RANGE:
                holds = holds or arg[0] <= newline <= arg[1]
            elif op is c.CATEGORY and str(arg) in _SAFE_CATEGORIES | _NEWLINE_CATEGORIES:
                holds = holds or str(arg) in _NEWLINE_CATEGORIES
                narrower[0] = narrower[0] and str(arg) in _NARROWER_IN_ASCII
            else:
                return False
        if negated and any(op is c.CATEGORY for op, _arg in items):
            narrower[0] = False
        return holds if negated else not holds

    def leaf(op: Any, arg: Any) -> bool:
        if op is c.LITERAL:
            return arg != newline
        if op is c.NOT_LITERAL:
            return arg == newline
        if op is c.ANY:  # « . » without DOTALL
            return True
        return op is c.IN and class_excludes_newline(arg)

    joinable = _every_leaf(tree, leaf)
    return joinable, joinable and narrower[0]


def _widest(shape: re.Pattern[str]) -> float:
    """The most characters a match of ``shape`` can hold (infinity when unknown or unbounded)."""
    try:
        from re import _constants as c  # type: ignore[attr-defined]
        from re import _parser as parser  # type: ignore[attr-defined]
        widest = parser.parse(shape.pattern, shape.flags).getwidth()[1]
    except Exception:
        return float("inf")
    return float("inf") if widest >= c.MAXREPEAT else widest


def never_spans_lines(shape: re.Pattern[str]) -> bool:
    """See ``shape_analysis``."""
    return shape_analysis(shape)[0]


_CONTROL_FREE_CATEGORIES = frozenset({"CATEGORY_DIGIT", "CATEGORY_WORD"})
r"""Classes that never hold a control character (``\d``, ``\w``: digits, letters, underscore)."""


def never_holds_control(shape: re.Pattern[str]) -> bool:
    r"""Whether no match of ``shape`` can hold a control character (``forms.validation.CONTROL_CHARS``): only
    literals, classes of literals, ranges, ``\d`` and ``\w``, groups, alternatives and repeats of them, none
    naming such a character. Anything else (``.``, a negated class, ``\S``, flags…) answers ``False``."""
    from forms.validation import CONTROL_POINTS

    points = CONTROL_POINTS
    try:
        from re import _constants as c  # type: ignore[attr-defined]
        from re import _parser as parser  # type: ignore[attr-defined]
        tree = parser.parse(shape.pattern)
    except Exception:
        return False
    if shape.flags != re.UNICODE or tree.state.flags & ~c.SRE_FLAG_UNICODE:
        return False

    def in_class(items: list[tuple[Any, Any]]) -> bool:
        for op, arg in items:
            if op is c.LITERAL:
                ok = arg not in points
            elif op is c.RANGE:
                ok = not any(arg[0] <= point <= arg[1] for point in points)
            elif op is c.CATEGORY:
                ok = str(arg) in _CONTROL_FREE_CATEGORIES
            else:  # a negation, or anything unknown
                return False
            if not ok:
                return False
        return True

    def leaf(op: Any, arg: Any) -> bool:
        if op is c.LITERAL:
            return arg not in points
        return op is c.IN and in_class(arg)

    return _every_leaf(tree, leaf)


def no_control(values: Any) -> bool:
    """Whether no value (strings) holds a control character (``forms.validation.CONTROL_CHARS``): one C pass
    over their UTF-8 bytes, where each one-byte such character (C0, DEL) is its own byte and no other character
    has one; then, only when the lead byte of the two-byte ones (C1) is there at all, one search for those
    pairs. It raises on a value that is not text (or a lone surrogate): the values are then looked at one by
    one."""
    from forms.validation import CONTROL_BYTES, CONTROL_LEADS, CONTROL_SEQUENCES

    encoded = "".join(values).encode()
    if len(encoded.translate(None, CONTROL_BYTES)) != len(encoded):
        return False
    return not any(lead in encoded for lead in CONTROL_LEADS) or CONTROL_SEQUENCES.search(encoded) is None


class _Adaptive:
    """Whether remembering or deduplicating a column's values pays: off for a while after chunks whose
    values were mostly new."""

    __slots__ = ("misses", "pause")

    def __init__(self) -> None:
        self.misses = self.pause = 0

    def wanted(self) -> bool:
        if self.pause:
            self.pause -= 1
            return False
        return True

    def saw(self, new: int, total: int) -> None:
        if new * 2 > total:
            self.misses += 1
            if self.misses >= 2:
                self.misses, self.pause = 0, 32
        else:
            self.misses = 0


def _all_match(shape: re.Pattern[str], controls: bool = False) -> Callable[[Sequence[Any]], bool]:
    """A test that every value of a column (strings) fully matches ``shape``: one regular-expression run over
    the values joined by newlines when ``shape_analysis`` allows it (in ASCII mode when that is as strict),
    else one match per value. ``controls``: and that none holds a control character (``no_control``, over
    the same joined text). Values already seen to pass are remembered (up to ``MEMO_LIMIT``) and not
    matched again, while that pays. Its ``failing`` finds the values that do not match (control characters
    aside)."""
    fullmatch = shape.fullmatch
    joined = run = None
    joinable, ascii = shape_analysis(shape)
    if joinable:
        try:  # each value and its newline matched atomically: a failure never backtracks into earlier values
            compiled_run = re.compile(f"(?:(?>(?:{shape.pattern})\n))*", re.ASCII if ascii else 0)
            joined, run = compiled_run.fullmatch, compiled_run.match
        except re.error:
            joined = run = None

    def test(values: Any) -> bool:
        if joined is not None:
            text = "\n".join(values)
            return (text.count("\n") == len(values) - 1 and joined(text + "\n") is not None
                    and (not controls or no_control((text,))))
        return all(map(fullmatch, values)) and (not controls or no_control(values))

    known: set[Any] = set()
    adaptive = _Adaptive()

    def every(col: Sequence[Any]) -> bool:
        if not adaptive.wanted():
            return test(col)
        new = set(col)
        new -= known
        adaptive.saw(len(new), len(col))
        if not new:
            return True
        if not test(new):
            return False
        if len(known) > MEMO_LIMIT:
            known.clear()
        known.update(new)
        return True

    def failing(col: Sequence[Any]) -> list[int]:
        """Positions in ``col`` of the values (``None`` aside) that may not match: the joined run stops at
        each one, so that a few faults in a long column cost a few runs, not one match per value."""
        at = [i for i, v in enumerate(col) if v is not None]
        values = [col[i] for i in at]
        text = "\n".join(values) + "\n" if run is not None else ""
        if run is None or text.count("\n") != len(values):
            return [i for i, v in zip(at, values, strict=True) if not fullmatch(v)]
        out = []
        pos = item = 0
        while True:
            end = run(text, pos).end()  # type: ignore[union-attr]
            item += text.count("\n", pos, end)
            if end == len(text):
                return out
            out.append(at[item])
            pos = text.index("\n", end) + 1
            item += 1

    every.failing = failing  # type: ignore[attr-defined]
    return every


def _distinct_first(ok: Callable[[Sequence[Any]], bool]) -> Callable[[Sequence[Any]], bool]:
    """``ok`` over a column's distinct values, while values repeat (a comparison of decimals costs more
    than hashing them)."""
    adaptive = _Adaptive()

    def deduplicated(col: Sequence[Any]) -> bool:
        if not adaptive.wanted():
            return ok(col)
        distinct = set(col)
        adaptive.saw(len(distinct), len(col))
        return ok(distinct)  # type: ignore[arg-type]
    return deduplicated


def _text_column(longest: int, required: bool) -> Callable[[Sequence[Any]], bool]:
    """The column test of a text without a pattern: no value longer than ``longest``, none holding a control
    character. Values already seen to pass are remembered (up to ``MEMO_LIMIT``), while that pays: names,
    hosts and towns repeat down a column, and one look-up a value costs less than measuring it. A ``None``
    passes when the field is not ``required``; otherwise it raises (the values are looked at one by one)."""
    known: set[Any] = set() if required else {None}
    adaptive = _Adaptive()

    def clean(values: Any) -> bool:
        return max(map(len, values)) <= longest and no_control(values)

    def ok(col: Sequence[Any]) -> bool:
        if not adaptive.wanted():
            return clean(col)  # a None raises: the caller looks at the present values
        if known.issuperset(col):
            adaptive.saw(0, len(col))
            return True
        new = set(col)
        new -= known
        adaptive.saw(len(new), len(col))
        if not clean(new):
            return False
        if len(known) > MEMO_LIMIT:
            known.clear()
            if not required:
                known.add(None)
        known.update(new)
        return True
    return ok


def column_test(field: Field) -> Callable[[Sequence[Any]], bool] | None:
    """A test over a column of ``field``'s typed values that is true only when ``check_field`` finds nothing
    in any of them (``None`` when nothing is ever wrong): lengths, control characters, patterns, bounds. It may be false, or raise, when all is well: the
    values are then looked at one by one."""
    from forms.validation import EMAIL_RE

    kind = field.type
    ok: Callable[[Sequence[Any]], bool]
    if kind in _TEXTUAL:
        longest = field.max_length
        shape = EMAIL_RE if kind is FieldType.EMAIL else (
            field.compiled_pattern if kind is FieldType.IDENTIFIER else None)
        # a value that matches a pattern made of digits, letters and punctuation holds no control character
        every = _all_match(shape, not never_holds_control(shape)) if shape is not None else None
        if every is not None and _widest(shape) <= longest:  # type: ignore[arg-type]
            ok = every  # a value that matches is never too long: no length pass
        elif every is None:
            ok = _text_column(longest, field.required)
        else:
            def ok(col: Sequence[Any]) -> bool:
                return max(map(len, col)) <= longest and every(col)
            ok.failing = every.failing  # type: ignore[attr-defined]
    elif kind in _ORDERED and (field.min is not None or field.max is not None):
        low, high = field.min, field.max
        if low is not None and high is not None:
            def ok(col: Sequence[Any]) -> bool:
                return low <= min(col) and max(col) <= high  # type: ignore[operator]
        elif low is not None:
            def ok(col: Sequence[Any]) -> bool:
                return low <= min(col)  # type: ignore[operator]
        else:
            def ok(col: Sequence[Any]) -> bool:
                return max(col) <= high  # type: ignore[operator]
    else:
        # present: no falsy value at all (a falsy one that is not None is looked at one by one)
        return all if field.required else None
    test = ok
    if not field.required:
        def test(col: Sequence[Any]) -> bool:
            try:
                return ok(col)
            except TypeError:
                present = [v for v in col if v is not None]
                return not present or ok(present)
        if hasattr(ok, "failing"):
            test.failing = ok.failing  # type: ignore[attr-defined]
    return _distinct_first(test) if kind is FieldType.DECIMAL else test


class ColumnChecks:
    """``CompiledForm.batch``: the columns a chunk of rows is cut into, the generated field predicates over
    them, and what the rules read.

    For each chunk: one C pass gathers the columns; each checked field's column goes through its
    ``column_test`` and, only when that is not plainly true, through the generated per-value test of
    ``ok_expression`` (the one ``CompiledForm.one`` uses), which flags the rows that might have a finding.
    The rules are run once per distinct combination of the values they read (as a ``_Reads`` mapping), and
    that verdict is remembered from batch to batch (until the day changes: a rule may compare with today);
    rows whose combination has a finding are flagged. Flagged rows, and every row of a chunk where a doubt
    arises (a key missing, a value of another type, an unhashable value, an error), go through
    ``CompiledForm.one``, which agrees with the reference validator. This relies on what ``Rule`` asks: a
    rule is a function of the values it reads (and of the day)."""

    def __init__(self, form: Form, rule_reads: tuple[tuple[str, ...], ...], opaque: frozenset[int]) -> None:
        from forms.validation import EMAIL_RE

        self.form, self.rule_reads, self.opaque = form, rule_reads, opaque
        self.rules = tuple((index, rule, rule.needs) for index, rule in enumerate(form.rules) if index not in opaque)
        self.opaque_rules = tuple(rule for index, rule in enumerate(form.rules) if index in opaque)
        self.union = tuple(dict.fromkeys(k for index, reads in enumerate(rule_reads) if index not in opaque
                                         for k in reads))
        constants: dict[str, Any] = {}
        keys: list[str] = []
        columns = ["def flag_fields(cols):", "    flagged = []", "    try:", "        pass"]
        distinct = ["def key_ok(key):", "    try:", "        pass"]
        for index, f in enumerate(form.fields):
            expression = ok_expression(f, "v", constants, f"_{index}")
            if f.required:
                bad = "v is None" + (f" or not ({expression})" if expression else "")
            elif expression:
                bad = f"v is not None and not ({expression})"
            else:
                continue
            if f.key in self.union:  # checked once per distinct combination of the rules' inputs
                distinct += [f"        v = key[{self.union.index(f.key)}]", f"        if {bad}:", "            return False"]
                continue
            position = len(keys)
            keys.append(f.key)
            test = constants[f"ok{index}"] = column_test(f)
            locate = [f"            flagged += [i for i, v in enumerate(col) if {bad}]"]
            failing = getattr(test, "failing", None)
            if failing is not None:  # the pattern's positions apart: one joined run finds them
                constants[f"failing{index}"] = failing
                # the pattern apart (``failing`` finds the values it refuses, control characters among them
                # when it excludes them)
                shape = EMAIL_RE if f.type is FieldType.EMAIL else f.compiled_pattern
                short = ok_expression(replace(f, type=FieldType.TEXT), "v", constants, f"_{index}",
                                      controls=not never_holds_control(shape))
                bad = f"v is None or not ({short})" if f.required else f"v is not None and not ({short})"
                locate = [f"            flagged += [i for i, v in enumerate(col) if {bad}]",
                          f"            flagged += failing{index}(col)"]
            columns += [f"        col = cols[{position}]",
                        "        try:", f"            clean = ok{index}(col)",
                        "        except Exception:", "            clean = False",
                        "        if not clean:", *locate]
        columns += ["    except Exception:", "        return None", "    return flagged"]
        distinct += ["    except Exception:", "        return False", "    return True"]
        self.source = "\n".join(columns) + "\n\n\n" + "\n".join(distinct) + "\n"
        exec(compile(self.source, f"<column checks {form.key}>", "exec"), constants)
        self.flag_fields: Callable[[list[Sequence[Any]]], list[int] | None] = constants["flag_fields"]
        self.key_ok: Callable[[tuple[Any, ...]], bool] = constants["key_ok"]
        """The field checks of the fields the rules read, on one combination of their values."""
        for key in self.union:
            if key not in keys:
                keys.append(key)
        self.keys = tuple(keys)
        self.union_at = tuple(keys.index(k) for k in self.union)
        fields = {k: i for i, k in enumerate(form.field_keys)}
        self.positions = tuple(fields.get(k) for k in keys)
        """Where each of ``keys`` is among the form's fields (``None``: no field of the form)."""
        self.fetch: Callable[[Mapping[str, Any]], tuple[Any, ...]] = (
            itemgetter(*keys) if len(keys) > 1 else _fetcher(self.keys) if keys else tuple)
        self.seen: set[tuple[Any, ...]] = set()
        self.bad: set[tuple[Any, ...]] = set()
        self.day: date | None = None

    def learnt(self, index: int, key: str | None) -> _Learnt:
        """This checker, knowing that rule ``index`` reads ``key`` too (``None``: its whole mapping)."""
        if key is None:
            return _Learnt(ColumnChecks(self.form, self.rule_reads, self.opaque | {index}))
        reads = list(self.rule_reads)
        reads[index] = (*reads[index], key)
        return _Learnt(ColumnChecks(self.form, tuple(reads), self.opaque))

    def run(self, rows: list[Mapping[str, Any]], one: Callable[[Mapping[str, Any]], list[Issue]]
            ) -> list[list[Issue]]:
        count = len(rows)
        out: list[list[Issue]] = list(map(list.copy, repeat(_EMPTY, count)))  # fresh lists, made in C
        if not count:
            return out
        self.begin()
        for start in range(0, count, CHUNK):
            chunk = rows[start:start + CHUNK]
            for i in self.flags(chunk, None):
                out[start + i] = one(chunk[i])
        return out

    def begin(self) -> None:
        """Before a batch: forget the rules' verdicts when the day changed (or too many are remembered)."""
        today = date.today()
        if today != self.day or len(self.seen) > MEMO_LIMIT:
            self.seen, self.bad, self.day = set(), set(), today

    def flags(self, chunk: Sequence[Mapping[str, Any]], cols: Sequence[Sequence[Any]] | None) -> set[int] | range:
        """Positions in ``chunk`` of the rows that may have a finding. ``cols``: the chunk's columns of
        ``self.keys`` when the caller already has them (the parser's typed columns), else gathered here."""
        flagged: Any = []
        if cols is None:
            cols = ()
            if self.keys:
                try:
                    cols = list(zip(*map(self.fetch, chunk), strict=False))
                except KeyError:  # a row lacks a key: ``one`` reads it as None
                    flagged = None
        if flagged is not None and self.keys:
            flagged = self.flag_fields(cols)  # type: ignore[arg-type]
        if flagged is not None and self.rules:
            union_at, seen, bad = self.union_at, self.seen, self.bad
            try:
                distinct = set(zip(*[cols[j] for j in union_at], strict=False)) if union_at else {()}
            except TypeError:  # an unhashable value
                flagged = None
            else:
                for key in distinct - seen:
                    if self._finds(key):
                        bad.add(key)
                    seen.add(key)
                if bad and not bad.isdisjoint(distinct):
                    flagged += [i for i, key in enumerate(zip(*[cols[j] for j in union_at], strict=False))
                                if key in bad] if union_at else range(len(chunk))
        if flagged is None:
            return range(len(chunk))
        if self.opaque_rules:
            flagged += self._opaque_flags(chunk)
        return set(flagged)

    def _finds(self, key: tuple[Any, ...]) -> bool:
        """Whether some rule has a finding on this combination of the values the rules read (an error raised
        by a rule counts as one: ``one`` raises it again, as the reference does)."""
        if not self.key_ok(key):
            return True
        known = dict(zip(self.union, key, strict=True))
        values = _Reads(known)
        for index, rule, needs in self.rules:
            if any(known[k] is None for k in needs):
                continue
            try:
                for _found in rule.check(values):
                    return True
            except _NeedsMore as more:
                raise self.learnt(index, more.key) from None
            except _Opaque:
                raise self.learnt(index, None) from None
            except Exception:
                return True
        return False

    def _opaque_flags(self, chunk: list[Mapping[str, Any]]) -> list[int]:
        """Rows on which a rule that looks at its whole mapping has a finding (run row by row)."""
        flagged = []
        for i, row in enumerate(chunk):
            for rule in self.opaque_rules:
                if all(row.get(k) is not None for k in rule.needs):
                    try:
                        if any(True for _found in rule.check(row)):
                            flagged.append(i)
                            break
                    except Exception:
                        flagged.append(i)
                        break
        return flagged


# ------------------------------------------------------------------------------------------------------
# Many raw records, a column at a time
# ------------------------------------------------------------------------------------------------------

_NONE_TYPE = type(None)
_STR, _INT, _FLOAT, _BOOL = frozenset({str}), frozenset({int}), frozenset({float}), frozenset({bool})
_NUMBERS = frozenset({int, float})
_DATE, _DATETIME = frozenset({date}), frozenset({datetime})
_ISO_DAYS = re.compile(r"(?:\d{4}-\d{2}-\d{2}\n)*", re.ASCII).fullmatch
"""Values ``YYYY-MM-DD`` (ASCII digits), each followed by a newline."""

def _tidy(col: Sequence[str]) -> bool:
    """Whether every value of a column of text is already what ``" ".join(value.split())`` gives and not
    blank — told by C passes over the values joined by NUL (not white space): no value is empty, none starts
    or ends with a space, and the joined text's white space is all single spaces (as many words, less one,
    as there are spaces, and as there are white-space characters)."""
    if not all(col):
        return False
    text = "\x00".join(col)
    if text[0] == " " or text[-1] == " " or "\x00 " in text or " \x00" in text:
        return False
    words = text.split()  # white space as ``str.split`` knows it
    return len(words) - 1 == text.count(" ") == len(text) - sum(map(len, words))


ColumnConverter = Callable[[Sequence[Any], frozenset[type]], "Sequence[Any] | None"]


def column_converter(field: Field) -> ColumnConverter | None:
    """A conversion of a column of raw values (none ``None``), given the set of their exact types, into what
    the field's parser (``forms.validation._fast_parser``) gives for each — in C passes over the column,
    for the well-formed columns of the usual types (text, codes, ISO dates, spreadsheet numbers). It answers
    ``None`` (or raises) whenever it is not sure: the column is then parsed value by value by the field's own
    parser, which writes the messages. ``None`` for a field whose values are always parsed one by one."""
    from forms.validation import FAR_TOO_LARGE

    kind = field.type
    low, high = -FAR_TOO_LARGE, FAR_TOO_LARGE
    if kind in _TEXTUAL and field.strip:
        join, split = " ".join, str.split

        def text(col: Sequence[Any], kinds: frozenset[type]) -> Sequence[Any] | None:
            if kinds != _STR:
                return None
            if _tidy(col):
                return col
            if not no_control(col):  # str.split would take some of them for spaces: each value by its parser
                return None
            out = list(map(join, map(split, col)))
            if "" in out:  # blank text reads as no value
                out = [v or None for v in out]
            return out
        return text
    if kind is FieldType.LINK:
        def link(col: Sequence[Any], kinds: frozenset[type]) -> Sequence[Any] | None:
            if kinds != _STR or not all(col) or not all(map(str.__eq__, col, map(str.strip, col))):
                return None
            return list(map(str.lower, col))
        return link
    if kind is FieldType.INTEGER:
        def integer(col: Sequence[Any], kinds: frozenset[type]) -> Sequence[Any] | None:
            if kinds not in (_INT, _FLOAT) or not (low < min(col) and max(col) < high):
                return None
            if kinds == _INT:
                return col
            return list(map(int, col)) if all(map(float.is_integer, col)) else None
        return integer
    if kind is FieldType.DECIMAL:
        from math import isfinite

        def decimal(col: Sequence[Any], kinds: frozenset[type]) -> Sequence[Any] | None:
            # parse_decimal: Decimal(str(value)) to the cent; finite and below 10**15, nothing else to say
            if not kinds <= _NUMBERS or bool in kinds or not all(map(isfinite, col)):
                return None
            if not (low < min(col) and max(col) < high):
                return None
            distinct = set(col)
            if len(distinct) * 4 <= len(col) and 0 not in distinct:  # amounts repeat (-0.0 == 0.0: not here)
                known = dict(zip(distinct, map(Decimal.quantize, map(Decimal, map(str, distinct)), repeat(CENT)),
                                 strict=True))
                return list(map(known.__getitem__, col))
            return list(map(Decimal.quantize, map(Decimal, map(str, col)), repeat(CENT)))
        return decimal
    if kind is FieldType.DATE:
        def a_date(col: Sequence[Any], kinds: frozenset[type]) -> Sequence[Any] | None:
            if kinds == _DATE:
                return col
            if kinds == _DATETIME:
                return list(map(datetime.date, col))
            if kinds != _STR:
                return None
            text = "\n".join(col)
            if text.count("\n") != len(col) - 1 or _ISO_DAYS(text + "\n") is None:
                return None
            return list(map(date.fromisoformat, col))  # a ValueError (no such day): value by value
        return a_date
    if kind is FieldType.BOOLEAN:
        def boolean(col: Sequence[Any], kinds: frozenset[type]) -> Sequence[Any] | None:
            return col if kinds == _BOOL else None
        return boolean
    if kind is FieldType.CHOICE:
        table = field.choices()
        assert table is not None
        codes = frozenset(table.codes)

        def choice(col: Sequence[Any], kinds: frozenset[type]) -> Sequence[Any] | None:
            return col if kinds == _STR and codes.issuperset(col) else None
        return choice
    return None


class ColumnParser:
    """``parse_record`` over a chunk of raw records, a column at a time: the chunk cut into columns (one C
    pass), each column converted by its ``column_converter`` when that is sure of every value, else value by
    value through the field's parser — as ``parse_record_interpreted`` does, message for message."""

    def __init__(self, form: Form) -> None:
        from forms.validation import _fast_parser

        self.form = form
        self.keys = tuple(form.field_keys)
        self.known = frozenset(self.keys)
        self.fetch = _fetcher(self.keys) if self.keys else (lambda raw: ())
        self.fields = tuple((f.key, column_converter(f), _fast_parser(f)) for f in form.fields)
        self.unknown = _unknown_field(form)

    def chunk(self, raws: Sequence[Mapping[str, Any]]
              ) -> tuple[list[dict[str, Any]], list[Sequence[Any]], dict[int, list[Issue]]]:
        """``(values, columns, problems)``: each record's typed values, the typed columns (in the form's field
        order) and, by position, the problems met (unreadable values, then unknown keys)."""
        count = len(raws)
        keys = self.keys
        if not count:
            return [], [() for _k in keys], {}
        rows: Any
        if set(map(type, raws)) == {dict}:
            try:
                rows = list(map(self.fetch, raws))
            except KeyError:  # a record lacks a key: read as None
                rows = None
        else:
            rows = None
        if rows is None:
            rows = [tuple(map(raw.get, keys)) for raw in raws]
        cols: list[Sequence[Any]] = list(zip(*rows, strict=True)) if keys else []
        typed, problems = self.convert(cols)
        known = self.known
        if not all(map(known.issuperset, raws)):
            for i, raw in enumerate(raws):
                if not known.issuperset(raw):
                    problems.setdefault(i, []).extend(self.unknown(k) for k in raw if k not in known)
        return self.records(typed, count), typed, problems

    def chunk_columns(self, cols: Sequence[Sequence[Any]], count: int, unknown: Sequence[str]
                      ) -> tuple[list[dict[str, Any]], list[Sequence[Any]], dict[int, list[Issue]]]:
        """``chunk`` for ``count`` records already cut into columns: ``cols`` the raw column of each of the
        form's fields, in field order (a column of ``None`` for a field the records do not carry);
        ``unknown`` the keys every record carries that are no field of the form."""
        if not count:
            return [], [() for _k in self.keys], {}
        typed, problems = self.convert(cols)
        if unknown:
            for i in range(count):
                problems.setdefault(i, []).extend(map(self.unknown, unknown))
        return self.records(typed, count), typed, problems

    def records(self, typed: list[Sequence[Any]], count: int) -> list[dict[str, Any]]:
        """Each record's typed values (one fresh dict a record, every field's key), from the typed columns."""
        keys = self.keys
        if not keys:
            return [{} for _i in range(count)]
        return list(map(dict, map(zip, repeat(keys), zip(*typed, strict=True))))

    def convert(self, cols: Sequence[Sequence[Any]]) -> tuple[list[Sequence[Any]], dict[int, list[Issue]]]:
        """The typed columns of the raw columns ``cols`` (one a field, in field order), and by position the
        problems met (each unreadable value, in field order)."""
        from forms.validation import ValueProblem

        problems: dict[int, list[Issue]] = {}
        typed: list[Sequence[Any]] = []
        for (key, convert, parse), col in zip(self.fields, cols, strict=True):
            kinds = frozenset(map(type, col))
            out: Sequence[Any] | None = None
            if convert is not None and kinds != {_NONE_TYPE}:
                try:
                    if _NONE_TYPE in kinds:
                        mask = list(map(is_not, col, repeat(None)))
                        present = convert(list(compress(col, mask)), kinds - {_NONE_TYPE})
                        if present is not None:  # put back in place, in C: the n-th present value, or None
                            at = map(mul, accumulate(mask), mask)
                            out = list(map([None, *present].__getitem__, at))
                    else:
                        out = convert(col, kinds)
                except Exception:
                    out = None
            elif kinds == {_NONE_TYPE}:
                out = col
            if out is None:
                out = []
                append = out.append
                for i, value in enumerate(col):
                    if value is None:
                        append(None)
                        continue
                    try:
                        append(parse(value))
                    except ValueProblem as problem:
                        append(None)
                        problems.setdefault(i, []).append(
                            Issue((key,), problem.message, Severity.ERROR, problem.code))
            typed.append(out)
        return typed, problems
