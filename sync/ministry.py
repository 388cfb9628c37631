"""The ministry's half of the loop for this issue: its keys (``sync.keys``), the registry of enrolled
establishments, verifying one bundle, and signing receipts. Consolidation is built on ``open_bundle``.

The registry is a folder, ``registry/CODE.json``: each file is the establishment's self-signed enrollment
request as received, verified again whenever it is read.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from forms.atomic import write_atomic
from forms.reference import reference
from sync.bundle import CODE, DEFAULT_LIMITS, Limits, OpenedBundle, open_bundle
from sync.errors import DocumentInvalid, SyncError
from sync.keys import ESTABLISHMENT, Identity, PublicKeys, parse_public_document

REGISTRY_DIR = "registry"


def registry_dir(workspace: Any) -> Path:
    return Path(workspace.root) / REGISTRY_DIR


def read_enrollment(data: bytes, what: str) -> PublicKeys:
    public = parse_public_document(data, what, ESTABLISHMENT)
    if reference("establishments").get(public.code) is None:
        raise DocumentInvalid(f"{what} : établissement inconnu « {public.code[:40]} »")
    return public


def enroll(workspace: Any, data: bytes, what: str = "demande d'enregistrement") -> tuple[PublicKeys, bool]:
    """Register an establishment from its verified request. Returns (keys, newly enrolled). The same key
    again is a no-op; another key for an enrolled establishment is refused (nothing is replaced)."""
    public = read_enrollment(data, what)
    target = registry_dir(workspace) / f"{public.code}.json"
    current = enrolled(workspace, public.code)
    if current is not None:
        if current.key_id == public.key_id:
            return public, False
        raise SyncError(f"{public.code} est déjà enregistré avec une autre clé (empreinte {current.fingerprint}) : "
                        "rien n'a été modifié")
    write_atomic(target, data)
    return public, True


def enrolled(workspace: Any, code: str) -> PublicKeys | None:
    if not CODE.fullmatch(code):
        return None
    path = registry_dir(workspace) / f"{code}.json"
    if not path.exists():
        return None
    public = read_enrollment(path.read_bytes(), str(path))
    return public if public.code == code else None


def list_enrolled(workspace: Any) -> list[PublicKeys]:
    folder = registry_dir(workspace)
    return [read_enrollment(p.read_bytes(), str(p)) for p in sorted(folder.glob("*.json"))] if folder.is_dir() else []


def verify_bundle(workspace: Any, identity: Identity, data: bytes, limits: Limits = DEFAULT_LIMITS) -> OpenedBundle:
    """Check one bundle against the registry and decrypt it with this ministry's keys (nothing is stored)."""
    return open_bundle(data, lambda code: enrolled(workspace, code), identity, limits)
