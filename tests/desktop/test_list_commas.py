"""Lists of values in a list cell are joined with the comma of the list's language (« ، » in Arabic)."""

from __future__ import annotations

from forms.definitions import FORMS


def test_a_multi_choice_cell_uses_the_arabic_comma(qapp, workspace) -> None:
    from desktop.ui.list_query import ListQuery
    from desktop.ui.records_model import RecordsModel

    field = FORMS["offering"].field("domains")
    codes = list(field.choices().codes[:2])
    model = RecordsModel(ListQuery(workspace.engine, "offering", "ECC"))
    model.lang = "ar"
    shown = model.display(field, codes)
    assert "، " in shown and ", " not in shown
    model.lang = "fr"
    assert ", " in model.display(field, codes)
