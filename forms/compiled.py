"""Validators compiled from a form's declaration: one generated function per form, and a batch validator
that runs each cross-field rule once per distinct combination of the values it reads.

``forms.validation.check_field`` stays the one place where a field rule and its message are written. From
each ``Field`` this module derives one Python expression that is true exactly when ``check_field`` would
find nothing (length, e-mail shape, pattern, bounds); only a value that fails it goes to ``check_field``,
which says why. The form's cross-field rules (``Rule.check``) are called as declared.

* ``CompiledForm.one(values)`` — one record: the generated source of a single function (every field's
  test inlined, each rule guarded by its ``needs``), compiled once with ``compile()``.
* ``CompiledForm.batch(rows)`` — many records: the generated field checks row by row (the same source
  without the rules), then each rule once per distinct combination of the values it reads (administrative
  data repeats: dates, types, regions, outcomes), its findings given to every row with that combination.
  Checking each field a column at a time was tried and measured slower: gathering 24 columns from 100 000
  dicts costs more than the checks themselves. Which values a rule reads is learnt by running it on a mapping that records each look-up (a rule that reads a field it
  was not given is run again with that field too; one that iterates its mapping is run record by record).
  This relies on what ``Rule`` already asks: a rule is a function of the values it reads. Values are the
  typed values ``parse_record`` gives (decimals to the cent), as for ``validate``.

Both give exactly what the interpreted ``validate`` gives, issue for issue and in the same order
(``tests/forms/test_validation_compiled.py`` checks it on generated records for every form).
The compiled object is built lazily and kept on the ``Form`` itself, derived forms
(``Form.as_received()``) included.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping, Sequence
from datetime import date, datetime
from decimal import Decimal
from operator import itemgetter
from typing import Any

from forms.schema import Field, FieldType, Form, Issue, Rule, Severity

_TEXTUAL = (FieldType.TEXT, FieldType.EMAIL, FieldType.IDENTIFIER)
_ORDERED = (FieldType.INTEGER, FieldType.DECIMAL, FieldType.DATE)


def ok_expression(field: Field, name: str, constants: dict[str, Any], tag: str) -> str | None:
    """A Python expression over the (non-``None``) value ``name`` that is true only when ``check_field``
    finds nothing in it; ``None`` when a present value of this field is never wrong. Constants it needs are
    put in ``constants`` under names ending in ``tag``."""
    from forms.validation import EMAIL_RE

    kind = field.type
    tests: list[str] = []
    if kind in _TEXTUAL:
        tests.append(f"len({name}) <= {int(field.max_length)}")
        shape = EMAIL_RE if kind is FieldType.EMAIL else (
            field.compiled_pattern if kind is FieldType.IDENTIFIER else None)
        if shape is not None:
            constants[f"shape{tag}"] = shape.fullmatch
            tests.append(f"shape{tag}({name}) is not None")
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
        return [f"if type({value}) is str:", f"    {name} = ' '.join({value}.split()) or None", *general]
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
    from forms.i18n import Text

    message = Text("champ inconnu dans le formulaire « {f} »", "حقل غير معروف في الاستمارة « {f} »",
                   "unknown field in form '{f}'").format(f=form.label.fr)

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
        self._rule_reads: list[tuple[str, ...]] = [tuple(dict.fromkeys(r.needs)) for r in form.rules]
        self._rule_opaque = [False] * len(form.rules)

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
        """The findings of each row, in the order of ``rows``; each list as ``validate`` gives it."""
        out = list(map(self.fields_one, rows))
        if rows:
            for index, rule in enumerate(self.form.rules):
                self._check_rule(index, rule, rows, out)
        return out

    def _check_rule(self, index: int, rule: Rule, rows: Sequence[Mapping[str, Any]],
                    out: list[list[Issue]]) -> None:
        if not self._rule_opaque[index]:
            while True:
                reads = self._rule_reads[index]
                try:
                    _rule_by_distinct(rule, reads, rows, out)
                    return
                except _NeedsMore as more:  # learnt once per process: the rule reads this value too
                    if more.key in reads:
                        raise AssertionError(more.key) from None
                    self._rule_reads[index] = (*reads, more.key)
                except _Opaque:
                    self._rule_opaque[index] = True
                    break
                except TypeError:  # unhashable values (or the rule's own error, raised again below)
                    break
        needs = rule.needs
        for position, row in enumerate(rows):
            if all(row.get(k) is not None for k in needs):
                out[position].extend(rule.check(row))


def _rule_by_distinct(rule: Rule, reads: tuple[str, ...], rows: Sequence[Mapping[str, Any]],
                      out: list[list[Issue]]) -> None:
    """Run ``rule`` once per distinct combination of the values it reads, and give each row its findings."""
    single = len(reads) == 1
    if not reads:
        keys: list[Any] = [()] * len(rows)
    else:
        try:
            keys = list(map(itemgetter(*reads), rows))  # a tuple per row, or the value itself for one read
        except KeyError:
            keys = ([row.get(reads[0], ABSENT) for row in rows] if single
                    else [tuple(row.get(k, ABSENT) for k in reads) for row in rows])
    needs = rule.needs
    results: dict[Any, tuple[Issue, ...]] = {}
    for key in set(keys):
        known = {reads[0]: key} if single else dict(zip(reads, key, strict=True))
        if any(known[k] is None or known[k] is ABSENT for k in needs):
            continue
        found = tuple(rule.check(_Reads(known)))
        if found:
            results[key] = found
    if results:
        for position, key in enumerate(keys):
            found = results.get(key)
            if found:
                out[position].extend(found)


def _fetcher(keys: tuple[str, ...]) -> Callable[[Mapping[str, Any]], tuple[Any, ...]]:
    """The values of ``keys`` as a tuple in one call (``KeyError`` when one is missing)."""
    if len(keys) == 1:
        one = itemgetter(keys[0])
        return lambda values: (one(values),)
    return itemgetter(*keys)


def compiled(form: Form) -> CompiledForm:
    """The compiled validators of ``form``, built on first use and kept on the form."""
    found = form.__dict__.get("_compiled")
    if found is None:
        found = CompiledForm(form)
        object.__setattr__(form, "_compiled", found)
    return found
