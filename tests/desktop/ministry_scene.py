"""A ministry's data folder with real establishments behind it, for the ministry window's tests and its
screenshots (``scripts/ministry_screenshots.py``): the MIC ministry with its keys; ECC, ESITH and ISCAE
with their own folders and keys, enrolled, each with offerings, cohorts over two academic years,
internships, R&D projects and a continuing-education offering with its sessions, and their bundles exported
into an inbox folder (real files, real keys, nothing mocked)."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from forms.workspace import ESTABLISHMENT, MINISTRY, Workspace
from sync.keys import Identity, identity_name, public_document, seal_identity
from sync.ministry import enroll
from sync.outbox import export_bundle
from tests.conftest import (
    CE_OFFERING,
    OFFERING,
    ce_session_values,
    cohort_values,
    internship_values,
    rd_project_values,
)
from tests.sync.conftest import PASSPHRASE, install_keys, trust

SCHOOLS = ("ECC", "ESITH", "ISCAE")
DOMAINS = (["CYBER", "CLOUD"], ["DATA"], ["CYBER"])


@dataclass
class Scene:
    root: Path
    ministry: Workspace
    ministry_identity: Identity
    schools: dict[str, Workspace] = field(default_factory=dict)
    identities: dict[str, Identity] = field(default_factory=dict)
    inbox: Path = Path()

    def export(self, code: str, folder: Path | None = None) -> Path:
        return export_bundle(self.schools[code], self.identities[code], folder or self.inbox / code).path

    def close(self) -> None:
        from sync.ministry.store import close_national_store

        close_national_store(self.ministry)
        for ws in self.schools.values():
            ws.close()


def identities() -> dict[str, Identity]:
    out = {code: Identity.generate(ESTABLISHMENT, code, identity_name(ESTABLISHMENT, code)) for code in SCHOOLS}
    out["MIC"] = Identity.generate(MINISTRY, "MIC", identity_name(MINISTRY, "MIC"))
    return out


def sealed(keys: dict[str, Identity]) -> dict[str, bytes]:
    return {code: seal_identity(identity, PASSPHRASE) for code, identity in keys.items()}


def populate(ws: Workspace, index: int, internships: int = 3) -> None:
    store = ws.records()
    code = ws.establishment
    for n, domains in enumerate(DOMAINS[: 2 + index % 2]):
        offering, _ = store.save("offering", {**OFFERING, "code": f"MS-{code}-{n}", "domains": domains,
                                              "capacity": 30 + 10 * n + 5 * index,
                                              "training_type": ("INITIAL", "ALTERNANCE")[n % 2]})
        for year, enrolled in (("2024-2025", 24 + index), ("2025-2026", 28 + 2 * index)):
            women = enrolled // 2 - n
            cohort, _ = store.save("cohort", cohort_values(offering.id, academic_year=year, enrolled=enrolled,
                                                           women=women, men=enrolled - women,
                                                           graduates=enrolled - 4, dropouts=1,
                                                           employed_6m=enrolled - 10))
        for i in range(internships):
            store.save("internship", internship_values(
                offering.id, cohort.id, student_code=f"R{index}{n}{i:07d}", gender="FM"[i % 2],
                hired=("YES", "NO", "UNKNOWN")[i % 3], internship_type=("PFE", "APPLICATION")[i % 2]))
        store.save("rd_project", rd_project_values(offering.id, code=f"RD-{code}-{n}", domains=domains,
                                                   budget_total=str(800000 + 100000 * n + 50000 * index)))
    continuing, _ = store.save("offering", {**CE_OFFERING, "code": f"FC-{code}"})
    for n, domain in enumerate(("AI", "CYBER")[: 1 + index % 2]):
        store.save("ce_session", ce_session_values(continuing.id, code=f"FC-{code}-{n}", domain=domain,
                                                   enrolled=24 + index, women=8 + n, men=16 + index - n, completed=20,
                                                   certified=18 - n))


def build(root: Path, keys: dict[str, Identity], sealed_keys: dict[str, bytes], *, schools: tuple[str, ...] = SCHOOLS,
          enrol: tuple[str, ...] = SCHOOLS) -> Scene:
    root.mkdir(parents=True, exist_ok=True)
    ministry = Workspace.create(root / "mic", MINISTRY, ministry="MIC", operator="Analyste")
    install_keys(ministry, keys["MIC"], sealed_keys["MIC"])
    for code in enrol:
        enroll(ministry, public_document(keys[code]))
    scene = Scene(root, ministry, keys["MIC"], inbox=root / "usb")
    for index, code in enumerate(schools):
        ws = Workspace.create(root / code.lower(), ESTABLISHMENT, establishment=code, operator=f"Saisie {code}")
        install_keys(ws, keys[code], sealed_keys[code])
        trust(ws, keys["MIC"], root)
        populate(ws, index)
        scene.schools[code] = ws
        scene.identities[code] = keys[code]
    return scene


def enrollment_file(scene: Scene, identity: Identity, folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{identity.code}.pub.json"
    path.write_bytes(public_document(identity))
    return path


def edit_one(ws: Workspace) -> Any:
    """Change one cohort (a later bundle then carries it)."""
    store = ws.records()
    from sqlalchemy import select

    from forms.store.tables import record_table

    table = record_table("cohort")
    with ws.engine.connect() as conn:
        rid = conn.execute(select(table.c.id).where(table.c.deleted.is_(False)).limit(1)).scalar()
    record = store.get("cohort", rid)
    store.save("cohort", {**record.values, "dropouts": (record.values.get("dropouts") or 0) + 1}, record_id=rid,
               expected_version=record.version)
