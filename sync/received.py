"""Checking what a bundle carries with the form declarations, as a ministry receives them
(``Form.as_received``: withheld fields absent, pseudonymised ones holding a pseudonym). The signature
proves who sent a record, not that it is right: every live record is re-validated, field rules and
cross-field rules alike. Checks that need the national store (links, natural keys) belong to the
consolidation; ``kafaat ministry verify`` reports what can be checked from the bundle alone.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from forms.definitions import FORMS
from forms.schema import Issue, Severity
from forms.validation import parse_and_validate
from sync.bundle import LIVE_SYSTEM, OpenedBundle


def check_row(form_key: str, columns: list[str], row: list[Any]) -> tuple[dict[str, Any], list[Issue]]:
    """Typed values and the errors of one live record of a bundle. A field the bundle does not carry (an
    older writer, a withheld field) is absent, not missing: it never counts as « champ obligatoire »."""
    form = FORMS[form_key].as_received()
    raw = {c: v for c, v in zip(columns[len(LIVE_SYSTEM):], row[len(LIVE_SYSTEM):], strict=True)}
    values, issues = parse_and_validate(form, raw)
    errors = [i for i in issues if i.severity is Severity.ERROR and not (i.code == "required" and i.field not in raw)]
    return values, errors


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
        for row in rows:
            _values, errors = check_row(form_key, columns, row)
            if errors:
                outcome.refused.append((row[0], [i.render(lang) for i in errors]))
            else:
                outcome.accepted += 1
    return out


def problems(outcomes: dict[str, FormOutcome]) -> Iterator[str]:
    for form_key, outcome in outcomes.items():
        for record_id, reasons in outcome.refused:
            yield f"{form_key} {record_id} : {' ; '.join(reasons)}"
