"""Checking what a bundle carries with the form declarations, as a ministry receives them
(``Form.as_received``: withheld fields absent, pseudonymised ones holding a pseudonym). The signature
proves who sent a record, not that it is right: every live record is re-validated, field rules and
cross-field rules alike. Checks that need the national store (links, natural keys) belong to the
consolidation; ``kafaat ministry verify`` reports what can be checked from the bundle alone.
"""

from __future__ import annotations

from collections.abc import Container, Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any

from forms.definitions import FORMS
from forms.schema import Issue, Severity
from forms.validation import parse_and_validate_batch
from sync.bundle import LIVE_SYSTEM, OpenedBundle


def not_sent(issue: Issue, sent: Container[str]) -> bool:
    """Whether ``issue`` only says that a field the bundle does not carry is empty. A column not sent (an
    older writer, a withheld field, a field added by a newer version) is absent, not missing: it never
    counts as « champ obligatoire ». The one statement of that rule, for ``ministry verify`` (here) and
    for the consolidation (``sync.ministry.checking``)."""
    return issue.code == "required" and issue.field not in sent


def sent_errors(issues: Iterable[Issue], sent: Container[str]) -> list[Issue]:
    """The errors among ``issues``, without the « required » of fields not sent."""
    return [i for i in issues if i.severity is Severity.ERROR and not not_sent(i, sent)]


def check_row(form_key: str, columns: list[str], row: list[Any]) -> tuple[dict[str, Any], list[Issue]]:
    """Typed values and the errors of one live record of a bundle (see ``not_sent``)."""
    return check_rows(form_key, columns, [row])[0]


def check_rows(form_key: str, columns: list[str], rows: list[list[Any]]
               ) -> list[tuple[dict[str, Any], list[Issue]]]:
    """``check_row`` for many live records of one form, validated together (``parse_and_validate_batch``)."""
    form = FORMS[form_key].as_received()
    names = columns[len(LIVE_SYSTEM):]
    skip = len(LIVE_SYSTEM)
    raws = [dict(zip(names, row[skip:], strict=True)) for row in rows]
    sent = frozenset(names)
    return [(values, sent_errors(issues, sent)) for values, issues in parse_and_validate_batch(form, raws)]


@dataclass
class FormOutcome:
    accepted: int = 0
    refused: list[tuple[str, list[str]]] = field(default_factory=list)
    """(record id, French reasons) of each refused record."""


def check_bundle(opened: OpenedBundle, lang: str = "fr") -> dict[str, FormOutcome]:
    """Per form, how many records pass the declarations' rules and which do not (and why)."""
    out = {form: FormOutcome() for form in opened.columns}
    for form_key, part, columns, rows in opened.batches():
        outcome = out[form_key]
        if part == "tombstones":
            outcome.accepted += len(rows)
            continue
        for row, (_values, errors) in zip(rows, check_rows(form_key, columns, rows), strict=True):
            if errors:
                outcome.refused.append((row[0], [i.render(lang) for i in errors]))
            else:
                outcome.accepted += 1
    return out


def problems(outcomes: dict[str, FormOutcome]) -> Iterator[str]:
    for form_key, outcome in outcomes.items():
        for record_id, reasons in outcome.refused:
            yield f"{form_key} {record_id} : {' ; '.join(reasons)}"
