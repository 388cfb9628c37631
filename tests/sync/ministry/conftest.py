"""The national store on both back-ends, three establishments with their own data folders and keys.

PostgreSQL: ``KAFAAT_TEST_PG_URL`` names a server (``scripts/postgres.sh start`` starts a throwaway one;
``.ci/run`` does it). Each test gets a fresh database on it. Without a server the PostgreSQL cases FAIL,
unless ``KAFAAT_SKIP_POSTGRES=1`` says to skip them (a developer machine; never in CI, where ``CI=true``
makes a missing server a failure whatever that variable says).
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import create_engine, select, text
from sqlalchemy.engine import make_url

from forms.workspace import ESTABLISHMENT, MINISTRY, Workspace
from sync.keys import Identity, identity_name, public_document, seal_identity
from sync.ministry import enroll
from sync.ministry.store import close_national_store, national_store
from sync.ministry.tables import record_table
from sync.outbox import export_bundle
from tests.conftest import OFFERING, cohort_values, internship_values
from tests.sync.conftest import PASSPHRASE, install_keys, trust

SCHOOLS = ("ECC", "ESITH", "ISCAE")
BACKENDS = ("sqlite", "postgresql")


def postgres_url() -> str | None:
    """The test server's URL, or None after printing why the PostgreSQL cases are skipped."""
    url = os.environ.get("KAFAAT_TEST_PG_URL")
    if url:
        return url
    if os.environ.get("CI", "").lower() == "true":
        pytest.fail("CI : aucun serveur PostgreSQL (KAFAAT_TEST_PG_URL) ; .ci/run en démarre un")
    if os.environ.get("KAFAAT_SKIP_POSTGRES") == "1":
        reason = "PostgreSQL ignoré sur ce poste (KAFAAT_SKIP_POSTGRES=1)"
        print(f"\n*** {reason}")
        pytest.skip(reason)
    pytest.fail("aucun serveur PostgreSQL : lancez « eval \"$(bash scripts/postgres.sh start)\" », ou "
                "KAFAAT_SKIP_POSTGRES=1 pour ignorer ces cas sur ce poste")


def fresh_postgres_database() -> tuple[str, Any]:
    """A new, empty database on the test server: its URL and a function that drops it."""
    url = postgres_url()
    assert url is not None
    name = f"kafaat_test_{uuid.uuid4().hex[:12]}"
    admin = create_engine(url, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    db_url = make_url(url).set(database=name).render_as_string(hide_password=False)

    def drop() -> None:
        with admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()
    return db_url, drop


@pytest.fixture(params=BACKENDS)
def backend(request) -> Iterator[dict[str, Any]]:
    """Settings for a ministry folder: the default SQLite store, or a fresh PostgreSQL database."""
    if request.param == "sqlite":
        yield {}
        return
    url, drop = fresh_postgres_database()
    yield {"db_url": url}
    drop()


@pytest.fixture(scope="session")
def schools_identities(identities) -> dict[str, Identity]:
    out = {code: identities[code] for code in ("ECC", "ESITH")}
    out["ISCAE"] = Identity.generate(ESTABLISHMENT, "ISCAE", identity_name(ESTABLISHMENT, "ISCAE"))
    return out


@pytest.fixture(scope="session")
def schools_sealed(sealed, schools_identities) -> dict[str, bytes]:
    return {**sealed, "ISCAE": seal_identity(schools_identities["ISCAE"], PASSPHRASE)}


@dataclass
class School:
    """One simulated establishment: its data folder, keys, and helpers to enter data and export."""

    ws: Workspace
    identity: Identity
    outbox: Path

    @property
    def code(self) -> str:
        return self.ws.establishment

    def records(self):
        return self.ws.records()

    def populate(self, internships: int = 2, prefix: str = "") -> dict[str, Any]:
        store = self.records()
        offering, _ = store.save("offering", {**OFFERING, "code": f"MS-{self.code}{prefix}"})
        cohort, _ = store.save("cohort", cohort_values(offering.id))
        ids = []
        for i in range(internships):
            rec, _ = store.save("internship", internship_values(offering.id, cohort.id,
                                                                student_code=f"R{self.code[:3]}{prefix}{i:05d}"))
            ids.append(rec.id)
        return {"offering": offering.id, "cohort": cohort.id, "internships": ids}

    def edit(self, form: str, record_id: str, **changes: Any) -> None:
        store = self.records()
        record = store.get(form, record_id)
        store.save(form, {**record.values, **changes}, record_id=record_id, expected_version=record.version)

    def export(self, folder: Path | None = None) -> Path:
        return export_bundle(self.ws, self.identity, folder or self.outbox).path


@pytest.fixture
def ministry(tmp_path: Path, identities, sealed, schools_identities, backend) -> Iterator[Workspace]:
    """The MIC ministry folder (SQLite or PostgreSQL store), its keys, the three schools enrolled."""
    ws = Workspace.create(tmp_path / "mic", MINISTRY, ministry="MIC", operator="Analyste", **backend)
    install_keys(ws, identities["MIC"], sealed["MIC"])
    for code in SCHOOLS:
        enroll(ws, public_document(schools_identities[code]))
    yield ws
    close_national_store(ws)


@pytest.fixture
def schools(tmp_path: Path, identities, schools_identities, schools_sealed) -> dict[str, School]:
    out = {}
    for code in SCHOOLS:
        ws = Workspace.create(tmp_path / code.lower(), ESTABLISHMENT, establishment=code, operator=f"Saisie {code}")
        install_keys(ws, schools_identities[code], schools_sealed[code])
        trust(ws, identities["MIC"], tmp_path)
        out[code] = School(ws, schools_identities[code], tmp_path / "inbox" / code)
    yield out
    for school in out.values():
        school.ws.close()


def national_rows(ministry: Workspace, form: str, establishment: str | None = None) -> dict[str, dict[str, Any]]:
    """The national store read back: id → row (as a dict), for one form (and establishment)."""
    table = record_table(form)
    stmt = select(table)
    if establishment:
        stmt = stmt.where(table.c.establishment == establishment)
    with national_store(ministry).read() as conn:
        return {row["id"]: dict(row) for row in conn.execute(stmt).mappings()}


def craft(school: School, ministry_identity: Identity, sequence: int, previous_hash: str | None,
          records: dict[str, Any], *, full: bool = False, name: str | None = None) -> Path:
    """A bundle written by hand with the establishment's own key through ``sync.bundle`` (a validly signed
    file whose content the establishment's application would never produce)."""
    import uuid as _uuid

    from sync.bundle import seal_bundle
    from sync.outbox import bundle_file_name

    data = seal_bundle(school.identity, [ministry_identity.public], bundle_id=str(_uuid.uuid4()), sequence=sequence,
                       previous_hash=previous_hash, created_at="2026-11-30T10:00:00Z",
                       manifest={"full": full, "establishment_name": school.identity.name,
                                 "changes": {"after": 0, "up_to": 1 << 40}}, records=records)
    path = school.outbox.parent / "crafted" / (name or bundle_file_name(school.code, sequence))
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    return path


def bundle_rows(path: Path, ministry_identity: Identity, school: School) -> dict[str, Any]:
    """The records of a real bundle file, as ``FormRecords`` (to build crafted variants of it)."""
    from sync.bundle import open_bundle

    opened = open_bundle(path.read_bytes(), lambda code: school.identity.public, ministry_identity)
    return opened.tables
