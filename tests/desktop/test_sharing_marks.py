"""The editor says which fields never leave the establishment as typed (declared with the field: withheld
or pseudonymised), in the user's language, before anything is saved or exported."""

from __future__ import annotations

from forms.definitions import FORMS
from forms.schema import SHARING_NOTES, Sharing
from tests.desktop.test_records_ui import new_editor


def test_the_editor_marks_withheld_and_pseudonymised_fields(qtbot, application) -> None:
    _page, editor = new_editor(qtbot, application, "internship")
    form = FORMS["internship"]
    for f in form.fields:
        label = editor.labels[f.key]
        if f.sharing is Sharing.SENT:
            assert "non transmis" not in label.text() and "pseudonymisé" not in label.text()
            continue
        marker, why = SHARING_NOTES[f.sharing]
        assert marker.fr in label.text(), f.key
        assert why.fr in label.toolTip() and why.fr in editor.bindings[f.key].widget.toolTip()
    assert "non transmis" in editor.labels["last_name"].text()
    assert "pseudonymisé" in editor.labels["student_code"].text()
    editor._closing_ok = True
    editor.reject()
