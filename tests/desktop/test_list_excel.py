"""The lists' « Modèle Excel » and « Exporter » buttons: real .xlsx files, exporting what the filter shows."""

from __future__ import annotations

from openpyxl import load_workbook
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog

from tests.conftest import internship_values


def test_export_writes_the_filtered_records_in_list_order(qtbot, application, store, offering_id, tmp_path,
                                                          monkeypatch):
    for n, (outcome, name) in enumerate([("ONGOING", "Zerhouni"), ("COMPLETED", "Amrani"), ("COMPLETED", "Naciri"),
                                         ("ABANDONED", "Berrada")]):
        store.save("internship", internship_values(offering_id, student_code=f"R13000{n}", last_name=name,
                                                   outcome=outcome, final_mark="15" if outcome == "COMPLETED"
                                                   else None, start_date="2025-02-01", end_date="2025-06-30"))
    page = application.window.navigate("internship")
    combo = page.field_filters["outcome"]
    combo.setCurrentIndex(combo.findData("COMPLETED"))
    page.view.sortByColumn(1 + [f.key for f in page.model.fields].index("last_name"), Qt.SortOrder.DescendingOrder)
    out = tmp_path / "stages.xlsx"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(out), ""))
    qtbot.mouseClick(page.export_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: out.exists() and "2" in page.export_message.text(), timeout=10_000)
    ws = load_workbook(out, read_only=True).worksheets[0]
    rows = list(ws.iter_rows(values_only=True))
    header = list(rows[0])
    last_name = next(i for i, h in enumerate(header) if h and "Nom" in str(h) and "Prénom" not in str(h))
    assert [r[last_name] for r in rows[1:] if any(r)] == ["Naciri", "Amrani"]


def test_template_button_writes_the_template(qtbot, application, tmp_path, monkeypatch):
    out = tmp_path / "modele-offres.xlsx"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(out), ""))
    page = application.window.navigate("offering")
    assert page.template_button.isEnabled()
    qtbot.mouseClick(page.template_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: out.exists() and "Modèle" in page.export_message.text(), timeout=10_000)
    wb = load_workbook(out)
    headers = [c.value for c in wb.worksheets[0][1]]
    assert any("Code de l'offre" in str(h) for h in headers)
