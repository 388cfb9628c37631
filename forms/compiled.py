"""Validators compiled from a form's declaration: one generated function per form, and a batch validator
that checks a column at a time.

``forms.validation.check_field`` stays the one place where a field rule and its message are written. From
each ``Field`` this module derives one Python expression that is true exactly when ``check_field`` would
find nothing (length, e-mail shape, pattern, bounds); only a value that fails it goes to ``check_field``,
which says why. The form's cross-field rules (``Rule.check``) are called as declared.

* ``CompiledForm.one(values)`` — one record: the generated source of a single function (every field's
  test inlined, each rule guarded by its ``needs``), compiled once with ``compile()``.
* ``CompiledForm.batch(rows)`` — many records: each field's test runs once per *distinct* value of its
  column (administrative data repeats: dates, codes, towns), missing required values are found with one
  ``None in column``; each rule runs once per distinct combination of the values it reads. Which values a
  rule reads is learnt by running it on a mapping that records each look-up (a rule that reads a field it
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
from itertools import repeat
from typing import Any

from forms.schema import Field, FieldType, Form, Issue, Rule

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
        from forms.validation import check_field

        self.form = form
        self.source = self._generate(form)
        namespace = dict(self._constants)
        exec(compile(self.source, f"<validator {form.key}>", "exec"), namespace)
        self.one: Callable[[Mapping[str, Any]], list[Issue]] = namespace["validate_one"]
        self._check_field = check_field
        self._rule_reads: list[tuple[str, ...]] = [tuple(dict.fromkeys(r.needs)) for r in form.rules]
        self._rule_opaque = [False] * len(form.rules)
        self._fields: list[tuple[Field, Callable[[Any], bool] | None, tuple[Issue, ...]]] = []
        for index, f in enumerate(form.fields):
            constants: dict[str, Any] = {}
            expression = ok_expression(f, "value", constants, str(index))
            ok = eval(f"lambda value: {expression}", constants) if expression else None
            self._fields.append((f, ok, tuple(check_field(f, None))))

    # ------------------------------------------------------------------------------------- one record

    def _generate(self, form: Form) -> str:
        from forms.validation import check_field

        self._constants: dict[str, Any] = {"check_field": check_field}
        lines = ["def validate_one(values):", "    get = values.get", "    out = []"]
        local: dict[str, str] = {}
        wanted = {k for r in form.rules for k in r.needs}
        for index, f in enumerate(form.fields):
            name = f"v{index}"
            expression = ok_expression(f, name, self._constants, str(index))
            if not (f.required or expression or f.key in wanted):
                continue
            local[f.key] = name
            lines.append(f"    {name} = get({f.key!r})")
            self._constants[f"field{index}"] = f
            if f.required:
                self._constants[f"missing{index}"] = tuple(check_field(f, None))
                lines.append(f"    if {name} is None:")
                lines.append(f"        out.extend(missing{index})")
                if expression:
                    lines.append(f"    elif not ({expression}):")
                    lines.append(f"        out.extend(check_field(field{index}, {name}))")
            elif expression:
                lines.append(f"    if {name} is not None and not ({expression}):")
                lines.append(f"        out.extend(check_field(field{index}, {name}))")
        for index, rule in enumerate(form.rules):
            self._constants[f"rule{index}"] = rule.check
            guard = " and ".join(f"{local[k]} is not None" if k in local else f"get({k!r}) is not None"
                                 for k in rule.needs)
            if guard:
                lines.append(f"    if {guard}:")
                lines.append(f"        out.extend(rule{index}(values))")
            else:
                lines.append(f"    out.extend(rule{index}(values))")
        lines.append("    return out")
        return "\n".join(lines) + "\n"

    # ------------------------------------------------------------------------------------ many records

    def batch(self, rows: Sequence[Mapping[str, Any]]) -> list[list[Issue]]:
        """The findings of each row, in the order of ``rows``; each list as ``validate`` gives it."""
        count = len(rows)
        out: list[list[Issue]] = [[] for _ in range(count)]
        if not count:
            return out
        plain = set(map(type, rows)) == {dict}
        columns: dict[tuple[str, Any], list[Any]] = {}

        def column(key: str, default: Any = None) -> list[Any]:
            found = columns.get((key, default))
            if found is None:
                found = columns[key, default] = (list(map(dict.get, rows, repeat(key), repeat(default))) if plain
                                                 else [row.get(key, default) for row in rows])
            return found

        for f, ok, missing in self._fields:
            if ok is None and not missing:
                continue
            self._check_column(f, ok, missing, column(f.key), out)
        for index, rule in enumerate(self.form.rules):
            self._check_rule(index, rule, rows, column, out)
        return out

    def _check_column(self, f: Field, ok: Callable[[Any], bool] | None, missing: tuple[Issue, ...],
                      values: list[Any], out: list[list[Issue]]) -> None:
        absent = bool(missing) and None in values
        if ok is None:
            bad: set[Any] | None = set()
        else:
            try:
                distinct = set(values)
            except TypeError:  # unhashable values (not typed ones): each value on its own
                bad = None
            else:
                distinct.discard(None)
                bad = {v for v in distinct if not ok(v)}
        if not absent and bad is not None and not bad:
            return
        check = self._check_field
        for index, value in enumerate(values):
            if value is None:
                if missing:
                    out[index].extend(missing)
            elif bad is None or value in bad:
                out[index].extend(check(f, value))

    def _check_rule(self, index: int, rule: Rule, rows: Sequence[Mapping[str, Any]],
                    column: Callable[[str, Any], list[Any]], out: list[list[Issue]]) -> None:
        if not self._rule_opaque[index]:
            while True:
                reads = self._rule_reads[index]
                try:
                    self._rule_by_distinct(rule, reads, column, out)
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

    @staticmethod
    def _rule_by_distinct(rule: Rule, reads: tuple[str, ...], column: Callable[[str, Any], list[Any]],
                          out: list[list[Issue]]) -> None:
        keys = list(zip(*(column(k, ABSENT) for k in reads), strict=True)) if reads else [()] * len(out)
        needs = rule.needs
        results: dict[tuple[Any, ...], tuple[Issue, ...]] = {}
        for key in set(keys):
            known = dict(zip(reads, key, strict=True))
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


def compiled(form: Form) -> CompiledForm:
    """The compiled validators of ``form``, built on first use and kept on the form."""
    found = form.__dict__.get("_compiled")
    if found is None:
        found = CompiledForm(form)
        object.__setattr__(form, "_compiled", found)
    return found
