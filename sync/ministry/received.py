"""The forms as a ministry receives them (data minimisation): ``Form.as_received`` from the declarations —
withheld fields absent, pseudonymised ones holding a pseudonym. The national tables, the re-validation and
the extracts all derive from ``received_form``.
"""

from __future__ import annotations

from forms.definitions import FORMS
from forms.schema import Form, Sharing

PSEUDONYM_MAX_LENGTH = 100
"""Width of a pseudonymised column in the national store (migration n0001; a pseudonym takes 40 at most)."""


def received_form(key: str) -> Form:
    return FORMS[key].as_received()


def received_forms() -> dict[str, Form]:
    return {key: received_form(key) for key in FORMS}


def pseudonymised(form_key: str, field_key: str) -> bool:
    form = FORMS[form_key]
    return form.has_field(field_key) and form.field(field_key).sharing is Sharing.PSEUDONYMISED


def kept(form_key: str, column: str) -> bool:
    """Whether a bundle column of ``form_key`` is kept by the ministry (withheld fields never are)."""
    form = FORMS.get(form_key)
    return form is None or not form.has_field(column) or form.field(column).sharing is not Sharing.WITHHELD
