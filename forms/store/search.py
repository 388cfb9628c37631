"""Full-text search over the list columns (SQLite FTS5, migration 0005): what a person types into a list's
search box, as an FTS5 query.

Every word must appear (in any searched column, in any order), each as the beginning of a word: « tazi
om » finds « Omar Tazi »; case and accents do not matter (« Societe Generale » finds « Société Générale »):
the index folds them (``unicode61 remove_diacritics 2``), and so does the query, read by the same
tokenizer. Whatever is typed (quotes, operators, a lone « - ») is searched as text, never run as FTS5
syntax. No Qt here.
"""

from __future__ import annotations

import re

from sqlalchemy import ColumnElement, Engine, Table, text

_WORD = re.compile(r"\w", re.UNICODE)


def search_table(form_key: str) -> str:
    return f"{form_key}_search"


SHADOW_SUFFIXES = ("", "_data", "_idx", "_docsize", "_config", "_content")


def is_search_table(name: str) -> bool:
    """The FTS5 table of a form or one of the shadow tables SQLite keeps for it (not in ``metadata``:
    migration 0005 creates them with SQL that SQLAlchemy cannot declare)."""
    from forms.definitions import FORMS

    return any(name == search_table(form) + suffix for form in FORMS for suffix in SHADOW_SUFFIXES)


def fts_query(typed: str) -> str | None:
    """``"tazi"* AND "om"*`` for « Tazi  om »; ``None`` when nothing searchable was typed."""
    terms = []
    for word in typed.split():
        if not _WORD.search(word):
            continue  # punctuation alone matches nothing: ignored rather than matching every row
        terms.append('"' + word.replace('"', '""') + '"*')
    return " AND ".join(terms) if terms else None


def matching(table: Table, typed: str, *, driving: bool = True) -> ColumnElement[bool] | None:
    """A condition on ``table``: its row is in the form's search index for ``typed``.

    ``driving=True``: SQLite reads the matching rows by their rowid (the rows a query starts from);
    ``driving=False`` (``+rowid``): the matches are gathered once into a set and each row another index
    gives is checked against it — the same rows, for a query that walks its sort index."""
    query = fts_query(typed)
    if query is None:
        return None
    index = search_table(table.name)
    plus = "" if driving else "+"
    return text(f'{plus}"{table.name}".rowid IN (SELECT rowid FROM {index} WHERE {index} MATCH :fts_query)'
                ).bindparams(fts_query=query)


def has_search_index(engine: Engine, form_key: str) -> bool:
    """Whether the database has the form's search index (every database migrated to 0005 or later)."""
    with engine.connect() as conn:
        found = conn.execute(text("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = :name"),
                             {"name": search_table(form_key)}).first()
    return found is not None
