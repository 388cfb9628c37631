"""The plans behind a list's first screen (``desktop.ui.list_query``) on a real generated database: a search
for frequent words walks the sort index, a rare one reads its matches, a walk that runs long gives way —
and every plan gives the very same rows in the same order, the rows a search must find (every typed word
beginning a word of a searched column, case and accents folded). Also: the indexes of migration 0007 serve
the sorts and the code filters, and a read whose list was replaced stops inside SQLite."""

from __future__ import annotations

import re
import sqlite3
import unicodedata

import pytest

import desktop.ui.list_query as list_query
from desktop.ui.list_query import PAGE_SIZE, ListFilter, ListQuery
from forms.tasks import Cancelled
from forms.workspace import ESTABLISHMENT, Workspace
from tests.desktop.generate import populate

ROWS = 20_000
SEARCHED = ("student_code", "last_name", "first_name", "host_name")

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def big(tmp_path_factory):
    root = tmp_path_factory.mktemp("plans") / "data"
    workspace = Workspace.create(root, ESTABLISHMENT, establishment="ECC", operator="test")
    workspace.close()
    populate(workspace.db_path, ROWS)
    workspace = Workspace.open(root)
    yield workspace
    workspace.close()


@pytest.fixture(scope="module")
def query(big) -> ListQuery:
    return ListQuery(big.engine, "internship", "ECC")


def sql(big, text: str, *params) -> list[tuple]:
    conn = sqlite3.connect(big.db_path)
    try:
        return conn.execute(text, params).fetchall()
    finally:
        conn.close()


def fold(text: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c)).casefold()


def expected_ids(big, typed: str, where: str = "1") -> set[str]:
    """What the search must find, computed in Python from the rows themselves."""
    wanted = [fold(w) for w in typed.split()]
    out = set()
    for row in sql(big, f"SELECT id, {', '.join(SEARCHED)} FROM internship WHERE deleted = 0 AND {where}"):
        words = [fold(w) for value in row[1:] if value for w in re.findall(r"\w+", value)]
        if all(any(w.startswith(t) for w in words) for t in wanted):
            out.add(row[0])
    return out


def read_only_matches(monkeypatch):
    """The plan of a rare term forced for every search (the reference the walk must equal)."""
    monkeypatch.setattr(ListQuery, "walk_budget", lambda self, conn, flt, sort_key: None)


CASES = [
    # (typed, filter equals, status, quality, sort key, descending)
    ("tazi", {}, None, None, None, True),
    ("taz", {}, None, None, None, True),
    ("Societe", {}, None, None, None, True),
    ("société générale", {}, None, None, "host_name", False),
    ("omar", {}, None, None, "student_code", False),
    ("omar", {}, None, None, "first_name", True),
    ("Tazi 12", {}, None, None, "last_name", False),
    ("S00001234", {}, None, None, None, True),
    ("بن", {}, None, None, "end_date", True),
    ("zzzz", {}, None, None, None, True),
    ("tazi", {"outcome": "COMPLETED"}, None, None, None, True),
    ("tazi", {"outcome": "COMPLETED"}, None, None, "last_name", True),
    ("sal", {"internship_type": "PFE", "outcome": "ONGOING"}, None, None, "start_date", False),
    ("sal", {}, "complete", None, "outcome", True),
    ("Societe", {}, "draft", None, None, True),
    ("omar", {}, None, "warnings", "status", False),
]


@pytest.mark.parametrize("typed, equals, status, quality, key, descending", CASES)
def test_every_plan_gives_the_rows_the_search_must_find_in_list_order(big, query, monkeypatch, typed, equals,
                                                                      status, quality, key, descending):
    flt = ListFilter(search=typed, equals=equals, status=status, quality=quality)
    conditions = [f"{k} = '{v}'" for k, v in equals.items()]
    conditions += [f"status = '{status}'"] if status else []
    conditions += ["warning_count > 0"] if quality else []
    must = expected_ids(big, typed, " AND ".join(conditions) or "1")
    total = query.count(flt)
    assert total == len(must)

    windows = [0, PAGE_SIZE, 7 * PAGE_SIZE]
    chosen = {offset: query.fetch(flt, key, descending, offset=offset) for offset in windows}
    backwards = query.fetch(flt, key, descending, offset=0, limit=PAGE_SIZE, reverse=True)
    with monkeypatch.context() as m:
        read_only_matches(m)
        whole = [row for row in query.records(flt, key, descending)]
        reference = {offset: query.fetch(flt, key, descending, offset=offset) for offset in windows}
    ids = [record.id for record in whole]
    assert set(ids) == must and len(ids) == len(must)
    for offset in windows:
        assert chosen[offset] == reference[offset]
        assert [row[0] for row in chosen[offset]] == ids[offset:offset + PAGE_SIZE]
    assert [row[0] for row in reversed(backwards)] == ids[-PAGE_SIZE:]


def test_frequent_words_walk_the_sort_index_and_rare_ones_read_their_matches(big, query):
    def budget(typed: str, key: str | None = None, **equals: str) -> int | None:
        with big.engine.connect() as conn:
            return query.walk_budget(conn, ListFilter(search=typed, equals=equals), key)

    for frequent in ("tazi", "taz", "Societe", "omar"):  # 6 to 10 % of the rows
        assert budget(frequent) is not None, frequent
    assert budget("omar", "start_date") is not None
    for rare in ("Tazi 12", "S00001234", "zzzz", "?"):
        assert budget(rare) is None, rare
    assert budget("tazi", "last_name") is None  # its matches lie together along the last-name index
    assert budget("omar", "last_name") is not None
    offering = sql(big, "SELECT offering FROM internship LIMIT 1")[0][0]
    assert budget("tazi", offering=offering) is None  # one offering: its own index finds its few records
    assert budget("tazi", outcome="COMPLETED") is not None


def test_a_walk_that_runs_long_gives_way_to_the_other_plan(big, query, monkeypatch):
    flt = ListFilter(search="omar", equals={"outcome": "ABANDONED"})
    walked = query.fetch(flt, "start_date", False, offset=3 * PAGE_SIZE)
    steps = []
    real = list_query._run

    def counting(conn, stmt, cancelled=None, budget=None):
        rows = real(conn, stmt, cancelled, budget)
        steps.append((budget, rows is None))
        return rows

    monkeypatch.setattr(list_query, "_run", counting)
    monkeypatch.setattr(list_query, "WALK_STEPS_PER_ROW", 0.001)  # a budget of a few steps
    assert query.fetch(flt, "start_date", False, offset=3 * PAGE_SIZE) == walked
    assert steps[0][0] is not None and steps[0][1]  # the walk stopped within its budget…
    assert steps[1] == (None, False)  # …and the matches were read instead


def test_a_replaced_read_stops_inside_sqlite_and_the_connection_stays_usable(big, query):
    flt = ListFilter(equals={"outcome": "COMPLETED"})
    with pytest.raises(Cancelled):
        query.count(flt, cancelled=lambda: True)
    with pytest.raises(Cancelled):
        query.fetch(ListFilter(search="omar"), "first_name", cancelled=lambda: True)
    assert query.count(flt) == sql(big, "SELECT count(*) FROM internship WHERE deleted = 0 "
                                   "AND outcome = 'COMPLETED'")[0][0]


def plan(big, query: ListQuery, flt: ListFilter, key: str | None, descending: bool) -> str:
    from sqlalchemy.dialects import sqlite as sqlite_dialect

    stmt = query.select_rows(flt, key, descending).limit(PAGE_SIZE)
    text = str(stmt.compile(dialect=sqlite_dialect.dialect(), compile_kwargs={"literal_binds": True}))
    return " | ".join(row[3] for row in sql(big, "EXPLAIN QUERY PLAN " + text))


@pytest.mark.parametrize("key", ["first_name", "internship_type", "end_date", "outcome", "status"])
@pytest.mark.parametrize("descending", [False, True])
def test_every_list_column_sorts_from_an_index(big, query, key, descending):
    found = plan(big, query, ListFilter(), key, descending)
    assert f"ix_internship_list_{key}" in found and "TEMP B-TREE" not in found, found


def test_a_code_filter_uses_its_index_only_when_it_gives_the_order(big, query):
    outcome = ListFilter(equals={"outcome": "COMPLETED"})
    found = plan(big, query, outcome, None, True)  # last changed first, among one outcome
    assert "ix_internship_list_outcome" in found and "TEMP B-TREE" not in found, found
    found = plan(big, query, outcome, "last_name", False)  # not the third of the table sorted by name
    assert "ix_internship_list_last_name" in found and "TEMP B-TREE" not in found, found
    complete = ListFilter(status="complete")
    found = plan(big, query, complete, "host_name", True)
    assert "ix_internship_list_host_name" in found and "TEMP B-TREE" not in found, found
