"""The declared conditions across records, re-checked on arrival: what the record a link names must be
(``Field.link_conditions``: a continuing-education session's offering is of type « formation continue »,
an internship's cohort belongs to the internship's offering) and the form's ``link_rules``. The
establishment refuses such records when they are saved or imported; a crafted bundle, or one written
before a condition was declared, could still carry them, so the ministry checks them again, from the
declarations alone, as ``forms.store.records`` does at the establishment.

The linked record is the one the store will hold once the bundle is applied: accepted from the same bundle
(its values as received), or live in the store from an earlier bundle of the same establishment (read once
per bundle, only the records the bundle's links name). A missing link (an optional one, left empty) has
nothing to check; a link to a record that does not exist is refused by the checker itself. Only errors
refuse a record: a warning (the rules that compare a record with its offering) is the establishment's to
see, as for every other rule. A condition on a field the ministry does not receive (withheld) cannot be
checked here and is left to the establishment.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, false, select

from forms.definitions import FORMS
from forms.schema import Field, Form, LinkCondition, LinkRule, Severity
from sync.ministry.received import received_form
from sync.ministry.tables import record_table

CHUNK = 500
"""Ids per ``IN (…)`` when linked records are read from the store."""


@dataclass(frozen=True)
class CrossChecks:
    """What one form (as received) declares across records."""

    conditions: tuple[tuple[Field, tuple[LinkCondition, ...]], ...]
    """Link fields and their error conditions that the ministry can check."""
    rules: tuple[LinkRule, ...]
    needed: tuple[Field, ...]
    """The link fields whose linked record's values are needed (by a condition or a rule)."""

    def __bool__(self) -> bool:
        return bool(self.needed)

    @functools.cached_property
    def flat_conditions(self) -> tuple[tuple[str, LinkCondition], ...]:
        return tuple((f.key, c) for f, conditions in self.conditions for c in conditions)

    @functools.cached_property
    def rule_links(self) -> tuple[tuple[LinkRule, frozenset[str]], ...]:
        return tuple((r, frozenset(r.links)) for r in self.rules)


@functools.cache
def cross_checks(form_key: str) -> CrossChecks:
    form = received_form(form_key)
    conditions = []
    for f in form.links:
        target = received_form(f.link) if f.link in FORMS else None
        usable = tuple(c for c in f.link_conditions if c.severity is Severity.ERROR and target is not None
                       and target.has_field(c.field))
        if usable:
            conditions.append((f, usable))
    rules = tuple(r for r in form.link_rules if all(form.has_field(k) for k in r.links))
    keys = {f.key for f, _c in conditions} | {k for r in rules for k in r.links}
    return CrossChecks(tuple(conditions), rules, tuple(f for f in form.links if f.key in keys and f.link in FORMS))


@functools.cache
def targets() -> frozenset[str]:
    """The forms whose records some declared condition or rule reads."""
    return frozenset(f.link or "" for key in FORMS for f in cross_checks(key).needed)


def load_live(conn: Connection, form_key: str, establishment: str, ids: Iterable[str]) -> dict[str, dict[str, Any]]:
    """The values (typed, as received) of the establishment's live records ``ids`` of ``form_key``."""
    table = record_table(form_key)
    fields = received_form(form_key).field_keys
    columns = [table.c.id, *(table.c[k] for k in fields)]
    wanted = sorted(set(ids))
    out: dict[str, dict[str, Any]] = {}
    for start in range(0, len(wanted), CHUNK):
        stmt = (select(*columns).where(table.c.establishment == establishment).where(table.c.deleted == false())
                .where(table.c.id.in_(wanted[start:start + CHUNK])))
        for row in conn.execute(stmt):
            out[row[0]] = dict(zip(fields, row[1:], strict=True))
    return out


def _label(form: Form, key: str) -> str:
    return form.field(key).label.fr if form.has_field(key) else key


def reasons(form: Form, checks: CrossChecks, values: Mapping[str, Any],
            linked: Mapping[str, Mapping[str, Any]]) -> list[str] | None:
    """The French reasons why a record whose links name the live records ``linked`` (link field → that
    record's values) breaks a declared condition or an error rule; None when it does not. (Called for
    every record of a bundle: kept lean.)"""
    out: list[str] | None = None
    for key, condition in checks.flat_conditions:
        target = linked.get(key)
        if target is not None and not condition.met(values, target):
            out = out or []
            out.append(f"{_label(form, key)} : {condition.message.fr} (enregistrement lié {values.get(key)})")
    present = linked.keys()
    for rule, links in checks.rule_links:
        if present >= links:
            for issue in rule.check(values, linked):
                if issue.severity is Severity.ERROR:
                    out = out or []
                    out.append(f"{_label(form, issue.field)} : {issue.message.fr}")
    return out
