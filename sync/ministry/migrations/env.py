"""Alembic environment for the national store (SQLite or PostgreSQL).

Its own version table (``kafaat_national_version``), batch mode for SQLite, one transaction per migration;
the connection is always handed in by ``sync.ministry.database.run_migrations``.
"""

from __future__ import annotations

from alembic import context

from sync.ministry.database import VERSION_TABLE
from sync.ministry.tables import metadata

connection = context.config.attributes.get("connection")
if connection is None:  # pragma: no cover - never run from Alembic's own command line
    raise RuntimeError("les migrations du magasin national s'exécutent depuis l'application")

context.configure(
    connection=connection,
    target_metadata=metadata,
    version_table=VERSION_TABLE,
    render_as_batch=connection.dialect.name == "sqlite",
    transaction_per_migration=True,
    compare_type=True,
)
with context.begin_transaction():
    context.run_migrations()
