"""A list over a large generated database: sort and filter run in SQL and reach the right rows, and the
model holds only the windows it fetched."""

from __future__ import annotations

import sqlite3

import pytest
from PySide6.QtCore import Qt

from desktop.ui.list_query import PAGE_SIZE
from tests.desktop.generate import populate

ROWS = 200_000

pytestmark = pytest.mark.slow


@pytest.fixture
def big_workspace(workspace):
    workspace.close()
    populate(workspace.db_path, ROWS)
    return workspace


def sql(workspace, query: str, *params):
    conn = sqlite3.connect(workspace.db_path)
    try:
        return conn.execute(query, params).fetchall()
    finally:
        conn.close()


def column_of(page, key: str) -> int:
    return 1 + [f.key for f in page.model.fields].index(key)


def test_sort_and_filter_reach_the_right_rows(qtbot, big_workspace, application):
    page = application.window.navigate("internship")
    model = page.model
    qtbot.waitUntil(lambda: not model.loading, timeout=10_000)
    assert len(model.rows) == PAGE_SIZE  # a window, not 200 000 rows
    (last_changed,), = sql(big_workspace, "SELECT id FROM internship WHERE deleted = 0 "
                           "ORDER BY updated_at DESC, rowid DESC LIMIT 1")
    assert model.sort_key is None and model.record_id(0) == last_changed  # opens on the last changed
    qtbot.waitUntil(lambda: page.total == ROWS, timeout=10_000)
    assert "200" in page.count_label.text()

    # sort on a text column, descending: the first row is SQL's maximum
    page.view.sortByColumn(column_of(page, "last_name"), Qt.SortOrder.DescendingOrder)
    qtbot.waitUntil(lambda: not model.loading, timeout=10_000)
    (expected_last,), = sql(big_workspace, "SELECT max(last_name) FROM internship WHERE deleted = 0")
    assert model.data(model.index(0, column_of(page, "last_name"))) == expected_last

    # sort on a date column, ascending: the earliest start, shown dd/mm/yyyy
    page.view.sortByColumn(column_of(page, "start_date"), Qt.SortOrder.AscendingOrder)
    qtbot.waitUntil(lambda: not model.loading, timeout=10_000)
    (first_start,), = sql(big_workspace, "SELECT min(start_date) FROM internship WHERE deleted = 0")
    year, month, day = first_start.split("-")
    assert model.data(model.index(0, column_of(page, "start_date"))) == f"{day}/{month}/{year}"

    # filter on a choice: every fetched row has it, the count is SQL's
    combo = page.field_filters["outcome"]
    combo.setCurrentIndex(combo.findData("COMPLETED"))
    (completed,), = sql(big_workspace, "SELECT count(*) FROM internship WHERE deleted = 0 AND outcome = 'COMPLETED'")
    qtbot.waitUntil(lambda: page.total == completed and not model.loading, timeout=10_000)
    outcome_column = column_of(page, "outcome")
    assert {model.data(model.index(r, outcome_column)) for r in range(len(model.rows))} == {"Terminé"}

    # search (with the filter still on), then the drafts only
    page.search.setText("Tazi 12")
    qtbot.waitUntil(lambda: not page.search_timer.isActive() and page.model.filter.search == "Tazi 12",
                    timeout=5000)
    # full-text search (migration 0005): every typed word begins a word of one of the searched columns
    import re

    def matches(values) -> bool:
        words = [w.casefold() for v in values if v for w in re.findall(r"\w+", v)]
        return all(any(w.startswith(t) for w in words) for t in ("tazi", "12"))

    searched = "student_code, last_name, first_name, host_name"
    found = sum(1 for row in sql(big_workspace, f"SELECT {searched} FROM internship WHERE deleted = 0 AND "
                                 "outcome = 'COMPLETED'") if matches(row))
    qtbot.waitUntil(lambda: page.total == found and not model.loading, timeout=10_000)
    assert 0 < found < completed
    shown = [[model.data(model.index(r, column_of(page, k))) for k in searched.split(", ")]
             for r in range(len(model.rows))]
    assert shown and all(matches(values) for values in shown)
    page.search.setText("")
    combo.setCurrentIndex(0)
    page.status_filter.setCurrentIndex(page.status_filter.findData("draft"))
    (drafts,), = sql(big_workspace, "SELECT count(*) FROM internship WHERE deleted = 0 AND status = 'draft'")
    qtbot.waitUntil(lambda: page.total == drafts and not model.loading, timeout=10_000)
    assert {model.data(model.index(r, 0), Qt.ItemDataRole.UserRole + 2) for r in range(len(model.rows))} == {"draft"}

    # every row is reachable: scrolling to the end reads the last window only
    page.status_filter.setCurrentIndex(0)
    qtbot.waitUntil(lambda: page.total == ROWS, timeout=10_000)
    assert model.rowCount() == ROWS
    page.view.scrollToBottom()
    qtbot.waitUntil(lambda: model.record_id(ROWS - 1) is not None, timeout=10_000)
    # (still sorted by start date: the last row read from the end is the one a forward read reaches last)
    (last,) = page.query.fetch(model.filter, model.sort_key, model.descending, offset=ROWS - 1, limit=1)
    assert model.record_id(ROWS - 1) == last[0]
    assert len(model.pages) <= 4
