"""The window's lists as a user meets them: the whole list reachable (Ctrl+End, the scroll bar), reads off
the GUI thread with a superseded search dropped, a clear « aucun résultat », columns and filters readable
at 1280×720 in French, Arabic and English, and the Excel export of what is shown with progress and cancel."""

from __future__ import annotations

import sqlite3
import threading

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from desktop.ui.list_query import PAGE_SIZE, ListQuery
from desktop.ui.records_model import MAX_PAGES
from forms.definitions import FORMS
from tests.desktop.generate import populate

ROWS = 3_000  # 15 pages: enough to be far beyond what a scroll loads, quick to generate


@pytest.fixture
def listed(workspace):
    workspace.close()
    populate(workspace.db_path, ROWS, offerings=8, cohorts_per_offering=2)
    return workspace


def sql(workspace, query: str, *params):
    conn = sqlite3.connect(workspace.db_path)
    try:
        return conn.execute(query, params).fetchall()
    finally:
        conn.close()


def settle(qtbot, application) -> None:
    qtbot.waitUntil(lambda: not application.context.runner.active, timeout=20_000)
    QApplication.processEvents()


def column_of(page, key: str) -> int:
    return 1 + [f.key for f in page.model.fields].index(key)


def test_ctrl_end_and_the_scroll_bar_reach_the_last_record(qtbot, listed, application):
    page = application.window.navigate("internship")
    model = page.model
    qtbot.waitUntil(lambda: model.total == ROWS, timeout=20_000)
    assert model.rowCount() == ROWS  # every row is there for the view, not only the first pages

    # Ctrl+End: the last record of the list (the one changed first), read from the end of the list
    (last_id,), = sql(listed, "SELECT id FROM internship WHERE deleted = 0 ORDER BY updated_at DESC, rowid DESC "
                      "LIMIT 1 OFFSET ?", ROWS - 1)
    page.view.setFocus()
    page.view.setCurrentIndex(model.index(0, 1))
    qtbot.keyClick(page.view, Qt.Key.Key_End, Qt.KeyboardModifier.ControlModifier)
    assert page.view.currentIndex().row() == ROWS - 1
    qtbot.waitUntil(lambda: model.record_id(ROWS - 1) == last_id, timeout=10_000)

    # the scroll bar dragged to the middle: the rows there are the list's rows at that position
    bar = page.view.verticalScrollBar()
    bar.setValue(bar.maximum() // 2)
    QApplication.processEvents()
    middle = page.view.rowAt(page.view.viewport().height() // 2)
    assert 0.3 * ROWS < middle < 0.7 * ROWS
    qtbot.waitUntil(lambda: model.record_id(middle) is not None, timeout=10_000)
    (middle_id,), = sql(listed, "SELECT id FROM internship WHERE deleted = 0 ORDER BY updated_at DESC, rowid DESC "
                        "LIMIT 1 OFFSET ?", middle)
    assert model.record_id(middle) == middle_id

    # sorted on a column, the far end read backwards is exactly the list's end read forwards
    page.view.sortByColumn(column_of(page, "last_name"), Qt.SortOrder.DescendingOrder)
    qtbot.waitUntil(lambda: model.total == ROWS, timeout=20_000)
    page.view.setCurrentIndex(model.index(0, 1))
    qtbot.keyClick(page.view, Qt.Key.Key_End, Qt.KeyboardModifier.ControlModifier)
    tail = range(ROWS - PAGE_SIZE - 10, ROWS)
    for row in tail:
        model.row(row)
    qtbot.waitUntil(lambda: all(model.record_id(row) is not None for row in tail), timeout=10_000)
    forward = page.query.fetch(model.filter, "last_name", True, offset=ROWS - PAGE_SIZE - 10, limit=PAGE_SIZE + 10)
    assert [model.record_id(row) for row in tail] == [r[0] for r in forward]
    settle(qtbot, application)
    assert len(model.pages) <= MAX_PAGES


def test_reads_run_off_the_gui_thread_and_a_superseded_search_is_dropped(qtbot, listed, application,
                                                                         monkeypatch):
    on_gui_thread: list[str] = []
    held = threading.Event()
    fetch, count = ListQuery.fetch, ListQuery.count

    def watched_fetch(self, flt, *args, **kwargs):
        if threading.current_thread() is threading.main_thread():
            on_gui_thread.append(f"fetch {flt.search!r}")
        if flt.search == "Tazi":  # the first search is slow: the second one is typed meanwhile
            held.wait(60)
        return fetch(self, flt, *args, **kwargs)

    def watched_count(self, flt):
        if threading.current_thread() is threading.main_thread():
            on_gui_thread.append(f"count {flt.search!r}")
        return count(self, flt)

    monkeypatch.setattr(ListQuery, "fetch", watched_fetch)
    monkeypatch.setattr(ListQuery, "count", watched_count)
    page = application.window.navigate("internship")
    model = page.model
    settle(qtbot, application)
    page.search.setText("Tazi")
    page.apply_filter()
    assert model.loading  # the window did not wait for the read
    page.search.setText("Benali")
    page.apply_filter()
    (benali,), = sql(listed, "SELECT count(*) FROM internship WHERE deleted = 0 AND last_name LIKE 'Benali%'")
    qtbot.waitUntil(lambda: page.total == benali and not model.loading, timeout=20_000)
    held.set()  # the superseded read ends now: its rows must not replace the newer ones
    settle(qtbot, application)
    assert page.total == benali and model.filter.search == "Benali"
    names = {model.data(model.index(r, column_of(page, "last_name"))).split()[0] for r in range(len(model.rows))}
    assert names == {"Benali"}
    assert on_gui_thread == []


@pytest.mark.parametrize("form_key", list(FORMS))
def test_a_search_that_matches_nothing_says_so(qtbot, application, store, form_key):
    page = application.window.navigate(form_key)
    settle(qtbot, application)
    assert page.list_area.currentWidget() is page.empty  # an empty form says how to begin
    assert "Nouveau" in page.empty_label.text() and not page.clear_button.isVisibleTo(page)
    page.search.setText("zzqx")
    qtbot.waitUntil(lambda: page.model.filter.search == "zzqx" and not page.model.loading, timeout=10_000)
    settle(qtbot, application)
    assert page.list_area.currentWidget() is page.empty
    assert "Aucun résultat" in page.empty_label.text() and "« zzqx »" in page.empty_label.text()
    assert page.clear_button.isVisibleTo(page)
    qtbot.mouseClick(page.clear_button, Qt.MouseButton.LeftButton)
    assert page.search.text() == ""
    qtbot.waitUntil(lambda: page.model.filter.search == "" and not page.model.loading, timeout=10_000)


def test_a_search_with_matches_shows_the_table(qtbot, listed, application):
    page = application.window.navigate("internship")
    page.search.setText("Tazi")
    qtbot.waitUntil(lambda: page.model.filter.search == "Tazi" and (page.total or 0) > 0, timeout=10_000)
    settle(qtbot, application)
    assert page.list_area.currentWidget() is page.view


@pytest.mark.parametrize("lang", ["fr", "ar", "en"])
def test_columns_and_filters_are_readable_at_1280_by_720(qtbot, listed, compiled_translations, lang):
    from desktop.app import Application
    from desktop.ui.pages.records_page import COLUMN_MAX, HEADER_MAX

    app = Application(listed, lang)
    window = app.attach_now()
    try:
        window.resize(1280, 720)
        for form_key in FORMS:
            page = window.navigate(form_key)
            qtbot.waitUntil(lambda: not app.context.runner.active, timeout=20_000)
            QApplication.processEvents()
            # every filter shows its whole label (« Première année universitaire : tous »)
            for combo in (page.status_filter, *page.field_filters.values()):
                text = combo.itemText(0)
                needed = combo.fontMetrics().horizontalAdvance(text) + 24
                assert combo.width() >= needed, f"{lang} {form_key}: « {text} » cut ({combo.width()} < {needed})"
            if not page.model.length:
                continue
            # every column as wide as its cells need (up to COLUMN_MAX) and its header (up to HEADER_MAX), then
            # the tooltip reads it whole
            header, model = page.view.horizontalHeader(), page.model
            for column in range(model.columnCount()):
                label = model.headerData(column, Qt.Orientation.Horizontal)
                assert model.headerData(column, Qt.Orientation.Horizontal, Qt.ItemDataRole.ToolTipRole) == label
                needed = min(max(page.view.sizeHintForColumn(column), min(header.sectionSizeHint(column), HEADER_MAX)),
                             COLUMN_MAX)
                assert header.sectionSize(column) >= needed, f"{lang} {form_key}: « {label} » cut"
            widths = [header.sectionSize(c) for c in range(model.columnCount())]
            assert widths[-1] <= max(widths[:-1]) or widths[-1] <= COLUMN_MAX, widths  # no giant last column
    finally:
        window.close_without_asking()
        app.context.runner.wait_all(10_000)


def test_columns_fit_the_rows_that_arrive_after_the_page_opened(qtbot, application, store, offering_id, cohort_id):
    from desktop.ui.pages.records_page import COLUMN_MAX
    from tests.conftest import internship_values

    application.window.resize(1280, 720)
    page = application.window.navigate("internship")
    settle(qtbot, application)
    assert page.model.length == 0
    store.save("internship", {**internship_values(offering_id, cohort_id),
                              "host_name": "Société Marocaine des Technologies Avancées de l'Information"})
    application.context.runner.data_changed.emit()
    qtbot.waitUntil(lambda: page.model.length == 1, timeout=10_000)
    settle(qtbot, application)
    column = column_of(page, "host_name")
    needed = min(page.view.sizeHintForColumn(column), COLUMN_MAX)
    assert page.view.horizontalHeader().sectionSize(column) >= needed


def test_excel_export_shows_progress_and_cancel_leaves_no_file(qtbot, listed, application, tmp_path):
    page = application.window.navigate("internship")
    qtbot.waitUntil(lambda: page.total == ROWS, timeout=20_000)

    # progress is a fraction of the list's count (a bar, not a busy indicator)
    seen: list[tuple[int, int]] = []
    out = tmp_path / "exports"
    out.mkdir()
    target = out / "export.xlsx"
    op = page.export_to(str(target))
    assert op.dialog is not None  # the progress dialog with « Annuler »
    op.progress.connect(lambda done, total, _text: seen.append((done, total)))
    settle(qtbot, application)
    assert target.exists() and "3" in page.export_message.text()
    assert any(total == ROWS for _done, total in seen), seen

    # cancelled: the file that was there is untouched, nothing half-written left beside it
    target.write_bytes(b"previous")
    op = page.export_to(str(target))
    op.cancel()
    settle(qtbot, application)
    assert op.was_cancelled
    assert target.read_bytes() == b"previous"
    assert sorted(p.name for p in out.iterdir()) == ["export.xlsx"]
    assert "annulé" in page.export_message.text()
    fresh = out / "jamais.xlsx"
    op = page.export_to(str(fresh))
    op.cancel()
    settle(qtbot, application)
    assert not fresh.exists() and sorted(p.name for p in out.iterdir()) == ["export.xlsx"]
