"""Shared fixtures: real data folders, real databases, in temporary folders."""

from __future__ import annotations

import atexit
import os
import shutil
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

from forms.workspace import ESTABLISHMENT, Workspace

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# The person's own settings are not the tests': QSettings (the last folder chosen, the data folder remembered at
# first run) live under XDG_CONFIG_HOME, which the tests and the programs they start get fresh for the run. They
# wrote to ~/.config/Kafaat/Kafaat.conf, shared by every run on the machine and read back by the next one.
_CONFIG_HOME = tempfile.mkdtemp(prefix="kafaat-tests-config-")
os.environ["XDG_CONFIG_HOME"] = _CONFIG_HOME
atexit.register(shutil.rmtree, _CONFIG_HOME, ignore_errors=True)

# Property tests: no deadline and no « too slow » health check anywhere (both measure wall-clock time, which a
# loaded or three times slower CI machine exceeds: a failure that says nothing about the code). On CI the
# examples are derived from each test, not drawn at random: a run passes or fails the same way every time; a
# developer's runs keep drawing new examples (and replay the failures they found, from .hypothesis/).
settings.register_profile("kafaat", deadline=None, suppress_health_check=[HealthCheck.too_slow])
settings.register_profile("kafaat-ci", settings.get_profile("kafaat"), derandomize=True, database=None)
settings.load_profile("kafaat-ci" if os.environ.get("CI", "").lower() == "true" else "kafaat")

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


CE_OFFERING = {
    **OFFERING,
    "code": "FC-IA",
    "title": "Intelligence artificielle pour cadres",
    "domains": ["AI", "DATA"],
    "training_type": "CONTINUING",
    "duration": 120,
    "duration_unit": "HOURS",
    "industry_partnered": False,
    "partner_name": None,
    "accreditation_status": "NOT_REQUIRED",
    "accreditation_date": None,
}
"""A continuing-education offering (what a ``ce_session`` links to)."""


def rd_project_values(offering_id: str | None = None, **changes: object) -> dict[str, object]:
    values: dict[str, object] = {
        "code": "RD-2025-01",
        "title": "Détection d'intrusions par apprentissage automatique",
        "domains": ["CYBER", "AI"],
        "project_status": "ONGOING",
        "start_date": "2025-01-15",
        "end_date": "2027-01-14",
        "offering": offering_id,
        "lead_name": "Pr. Nadia Tazi",
        "lead_email": "n.tazi@centrale-casablanca.ma",
        "partners": "Société Marocaine de Sécurité; Atlas Cloud",
        "partner_ices": "001525312000088; 002233445000077",
        "partner_type": "LARGE",
        "budget_total": "1200000",
        "partner_contribution": "450000.50",
        "funding_sources": ["PARTNER", "PUBLIC_PROGRAMME"],
        "researchers": 4,
        "doctoral_students": 3,
        "master_students": 5,
        "team_women": 6,
        "publications": 2,
        "patents": 1,
        "prototypes": 1,
        "startups": 0,
    }
    values.update(changes)
    return values


def ce_session_values(offering_id: str, **changes: object) -> dict[str, object]:
    values: dict[str, object] = {
        "offering": offering_id,
        "code": "FC-IA-2025-1",
        "domain": "AI",
        "start_date": "2025-10-06",
        "end_date": "2025-12-12",
        "hours": 120,
        "delivery_mode": "HYBRID",
        "city": "Casablanca",
        "employers": "OCP; Banque Populaire",
        "employer_ices": "001234567000012",
        "enrolled": 24,
        "women": 10,
        "men": 14,
        "completed": 22,
        "certified": 20,
        "satisfaction": "87.5",
    }
    values.update(changes)
    return values


SOME_ID = "9b7a3b1c-0000-4000-8000-000000000001"


def sample_values(form_key: str, link_id: str = SOME_ID) -> dict[str, object]:
    """A complete, clean record of any form whose links all name ``link_id`` (for tests that run over
    every declared form without a database)."""
    samples = {
        "offering": lambda: dict(OFFERING),
        "cohort": lambda: cohort_values(link_id),
        "internship": lambda: internship_values(link_id),
        "rd_project": lambda: rd_project_values(link_id),
        "ce_session": lambda: ce_session_values(link_id),
    }
    return samples[form_key]()


def fill_every_form(store) -> dict[str, str]:
    """One complete record of every form, saved in dependency order: form key → id (``ce_offering`` too)."""
    ids: dict[str, str] = {}
    ids["offering"] = store.save("offering", OFFERING)[0].id
    ids["ce_offering"] = store.save("offering", CE_OFFERING)[0].id
    ids["cohort"] = store.save("cohort", cohort_values(ids["offering"]))[0].id
    ids["internship"] = store.save("internship", internship_values(ids["offering"], ids["cohort"]))[0].id
    ids["rd_project"] = store.save("rd_project", rd_project_values(ids["offering"]))[0].id
    ids["ce_session"] = store.save("ce_session", ce_session_values(ids["ce_offering"]))[0].id
    return ids


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
