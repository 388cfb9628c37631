"""Shared fixtures: real data folders, real databases, in temporary folders."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from forms.workspace import ESTABLISHMENT, Workspace

OFFERING = {
    "code": "MS-CYBER",
    "title": "Master spécialisé en cybersécurité",
    "domains": ["CYBER", "CLOUD"],
    "training_type": "INITIAL",
    "level": "MASTER",
    "duration": 24,
    "duration_unit": "MONTHS",
    "capacity": 30,
    "first_academic_year": "2024-2025",
    "delivery_mode": "ONSITE",
    "languages": ["FR", "EN"],
    "campus_city": "Casablanca",
    "region": "06",
    "industry_partnered": True,
    "partner_name": "Partenaire Industriel SA",
    "accreditation_status": "ACCREDITED",
    "accreditation_date": "2024-06-15",
    "contact_email": "scolarite@centrale-casablanca.ma",
}


def cohort_values(offering_id: str, **changes: object) -> dict[str, object]:
    values: dict[str, object] = {
        "offering": offering_id,
        "academic_year": "2025-2026",
        "year_of_study": 2,
        "final_year": True,
        "enrolled": 30,
        "women": 13,
        "men": 17,
        "work_study": 4,
        "scholarship": 10,
        "foreign": 2,
        "graduates": 27,
        "dropouts": 1,
        "employed_6m": 20,
    }
    values.update(changes)
    return values


def internship_values(offering_id: str, cohort_id: str | None = None, **changes: object) -> dict[str, object]:
    values: dict[str, object] = {
        "student_code": "R130045678",
        "last_name": "Benali",
        "first_name": "Salma",
        "gender": "F",
        "offering": offering_id,
        "cohort": cohort_id,
        "internship_type": "PFE",
        "domain": "CYBER",
        "host_name": "Société Marocaine de Sécurité",
        "host_ice": "001525312000088",
        "host_sector": "Banque",
        "host_city": "Casablanca",
        "host_region": "06",
        "start_date": "2026-02-01",
        "end_date": "2026-07-15",
        "weekly_hours": 40,
        "monthly_stipend": "3000",
        "tutor_name": "Karim Alaoui",
        "tutor_email": "k.alaoui@example.ma",
        "supervisor": "Pr. Nadia Tazi",
        "outcome": "ONGOING",
        "hired": "UNKNOWN",
    }
    values.update(changes)
    return values


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    return tmp_path / "data"


@pytest.fixture
def workspace(data_dir: Path):
    ws = Workspace.create(data_dir, ESTABLISHMENT, establishment="ECC", operator="Amina")
    yield ws
    ws.close()


@pytest.fixture
def store(workspace):
    return workspace.records()


@pytest.fixture
def offering_id(store) -> str:
    record, _ = store.save("offering", OFFERING)
    return record.id


@pytest.fixture
def cohort_id(store, offering_id) -> str:
    record, _ = store.save("cohort", cohort_values(offering_id))
    return record.id
