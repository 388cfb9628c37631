"""Key material shared by the sync tests: generated once per session (scrypt at its production cost is
paid once per identity, never lowered), installed into real data folders in temporary directories."""

from __future__ import annotations

from pathlib import Path

import pytest

from forms.workspace import MINISTRY, Workspace
from sync.keys import (
    ESTABLISHMENT,
    Identity,
    identity_name,
    key_path,
    public_document,
    public_path,
    seal_identity,
)
from sync.ministry import enroll
from sync.recipients import add_recipient, read_recipient_file

PASSPHRASE = "phrase de passe de test"
PEOPLE = {"ECC": ESTABLISHMENT, "ESITH": ESTABLISHMENT, "MIC": MINISTRY, "MTNRA": MINISTRY}


@pytest.fixture(scope="session")
def identities() -> dict[str, Identity]:
    return {code: Identity.generate(role, code, identity_name(role, code)) for code, role in PEOPLE.items()}


@pytest.fixture(scope="session")
def sealed(identities: dict[str, Identity]) -> dict[str, bytes]:
    return {code: seal_identity(identity, PASSPHRASE) for code, identity in identities.items()}


def install_keys(ws: Workspace, identity: Identity, sealed: bytes) -> None:
    key_path(ws).parent.mkdir(parents=True, exist_ok=True)
    key_path(ws).write_bytes(sealed)
    public_path(ws).write_bytes(public_document(identity))


def trust(ws: Workspace, ministry: Identity, tmp: Path) -> None:
    path = tmp / f"{ministry.code}.pub.json"
    path.write_bytes(public_document(ministry))
    add_recipient(ws, *read_recipient_file(path))


@pytest.fixture
def est(workspace: Workspace, identities, sealed, tmp_path: Path) -> Workspace:
    """The ECC establishment folder with its keys, trusting MIC."""
    install_keys(workspace, identities["ECC"], sealed["ECC"])
    trust(workspace, identities["MIC"], tmp_path)
    return workspace


@pytest.fixture
def mic(tmp_path: Path, identities, sealed) -> Workspace:
    """The MIC ministry folder with its keys, ECC and ESITH enrolled."""
    ws = Workspace.create(tmp_path / "mic", MINISTRY, ministry="MIC")
    install_keys(ws, identities["MIC"], sealed["MIC"])
    for code in ("ECC", "ESITH"):
        enroll(ws, public_document(identities[code]))
    return ws
