"""Alembic environment for the Kafaat local store.

Batch mode for SQLite (ALTER TABLE is limited), one transaction per migration, and the connection is
always handed in by ``forms.store.database.run_migrations`` (foreign keys already switched off).
"""

from __future__ import annotations

from alembic import context

from forms.store.tables import metadata

connection = context.config.attributes.get("connection")
if connection is None:  # pragma: no cover - we never run Alembic from its own command line
    raise RuntimeError("les migrations Kafaat s'exécutent depuis l'application (forms.store.database)")

context.configure(
    connection=connection,
    target_metadata=metadata,
    render_as_batch=True,
    transaction_per_migration=True,
    compare_type=True,
)
with context.begin_transaction():
    context.run_migrations()
