"""A draft may hold values outside a field's bounds (drafts keep what was typed or imported, with its
errors): the editor must show them as they are and never change them behind the person's back."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from PySide6.QtCore import Qt

from forms.store.records import DRAFT
from tests.conftest import OFFERING, cohort_values, internship_values


def test_out_of_range_draft_values_survive_the_editor(qtbot, application, store):
    offering, _ = store.save("offering", {**OFFERING, "capacity": 0, "accreditation_date": "1985-06-30",
                                           "title": "T" * 300},
                             status=DRAFT)
    cohort, _ = store.save("cohort", cohort_values(offering.id), status=DRAFT)
    internship, _ = store.save("internship", internship_values(offering.id, cohort.id, weekly_hours=70,
                                                                final_mark="25"), status=DRAFT)
    window = application.window
    for form_key, record_id, expected in (
            ("offering", offering.id, {"capacity": 0, "accreditation_date": date(1985, 6, 30),
                                          "title": "T" * 300}),
            ("internship", internship.id, {"weekly_hours": 70, "final_mark": Decimal(25)})):
        before = store.get(form_key, record_id).values
        editor = window.open_record(form_key, record_id)
        shown = editor.values()
        for key, value in expected.items():
            assert shown[key] == value, (key, shown[key])
        assert not editor.is_dirty()
        with qtbot.waitSignal(editor.finished, timeout=10_000):
            qtbot.mouseClick(editor.draft_button, Qt.MouseButton.LeftButton)
        after = store.get(form_key, record_id).values
        assert {k: after[k] for k in expected} == {k: before[k] for k in expected}
