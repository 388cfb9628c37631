"""The forms as a ministry receives them (data minimisation): fields withheld by the establishment are
dropped on arrival, pseudonymised identifiers are kept but not pattern-checked.

This is the one place that says so; the national tables, the re-validation and the extracts all derive
from ``received_form``. (The « minimisation » issue will move this vocabulary into ``forms.schema``.)
"""

from __future__ import annotations

import dataclasses
from functools import cache

from forms.definitions import FORMS
from forms.schema import Form

WITHHELD: dict[str, frozenset[str]] = {
    "internship": frozenset({"last_name", "first_name", "tutor_name", "tutor_email", "supervisor"}),
}
"""Fields an establishment never sends; if an older bundle carries them, they are dropped on arrival."""

PSEUDONYMISED: dict[str, frozenset[str]] = {"internship": frozenset({"student_code"})}
"""Fields that may arrive as a keyed hash instead of the value: kept, compared, never pattern-checked."""

PSEUDONYM_MAX_LENGTH = 100


@cache
def received_form(key: str) -> Form:
    """The declaration of ``key`` minus its withheld fields, its pseudonymised fields without pattern."""
    form = FORMS[key]
    withheld = WITHHELD.get(key, frozenset())
    pseudo = PSEUDONYMISED.get(key, frozenset())
    fields = tuple(
        dataclasses.replace(f, pattern=None, pattern_hint=None, max_length=PSEUDONYM_MAX_LENGTH)
        if f.key in pseudo else f
        for f in form.fields if f.key not in withheld)
    return Form(form.key, form.label, form.plural, fields, form.rules, form.natural_key, form.title)


def received_forms() -> dict[str, Form]:
    return {key: received_form(key) for key in FORMS}


def kept(form_key: str, column: str) -> bool:
    """Whether a bundle column of ``form_key`` is kept by the ministry."""
    return column not in WITHHELD.get(form_key, frozenset())
