"""A large establishment database made quickly with raw sqlite3 ``executemany`` into a schema made by
the migrations (used by the big-list test and by ``benchmarks/``). Values are deterministic."""

from __future__ import annotations

import random
import sqlite3
import uuid
from datetime import date, timedelta
from pathlib import Path

LAST_NAMES = ("Benali", "El Idrissi", "Alaoui", "Tazi", "Bennani", "Chraibi", "Ouazzani", "Fassi", "Berrada",
              "Naciri", "Amrani", "Zeroual", "Lahlou", "Sqalli", "Kettani", "بنعلي", "العلوي")
FIRST_NAMES = ("Salma", "Youssef", "Amina", "Omar", "Khadija", "Mehdi", "Sara", "Hamza", "Imane", "Ayoub")
HOSTS = ("OCP", "Maroc Telecom", "Attijariwafa bank", "CDG", "Inwi", "Capgemini", "Société Générale", "ONCF",
         "Royal Air Maroc", "Orange", "BMCE", "Dell", "CGI", "Atos", "Sopra")
TYPES = ("INITIATION", "APPLICATION", "PFE", "ALTERNANCE", "IMMERSION")
DOMAINS = ("CYBER", "DATA", "AI", "CLOUD", "DEVOPS", "TESTING")
OUTCOMES = ("ONGOING", "COMPLETED", "ABANDONED")
REGIONS = tuple(f"{i:02d}" for i in range(1, 13))
STAMP = "2026-01-01T00:00:00.000000Z"


def _system(establishment: str, seq: int, status: str = "complete", warnings: int = 0) -> tuple:
    return (establishment, status, 1, 0, STAMP, "generator", f"2026-01-01T00:00:{seq % 60:02d}.{seq:06d}Z",
            "generator", seq, 0, warnings)


SYSTEM_COLUMNS = ("establishment", "status", "version", "deleted", "created_at", "created_by", "updated_at",
                  "updated_by", "change_seq", "error_count", "warning_count")


def populate(db_path: Path, internships: int, *, offerings: int = 40, cohorts_per_offering: int = 4,
             establishment: str = "ECC", seed: int = 7) -> dict[str, int]:
    """Fill an empty, migrated database. Returns the number of rows per table."""
    rng = random.Random(seed)
    conn = sqlite3.connect(db_path)
    conn.execute("PRAGMA journal_mode = WAL")
    conn.execute("PRAGMA synchronous = OFF")
    # the search indexes' insert triggers (migration 0005) are set aside during the bulk insert and the
    # indexes rebuilt once at the end: same content, a fraction of the time
    triggers = conn.execute("SELECT name, sql FROM sqlite_master WHERE type = 'trigger' "
                            "AND name LIKE '%\\_search\\_insert' ESCAPE '\\'").fetchall()
    for name, _sql in triggers:
        conn.execute(f"DROP TRIGGER {name}")
    seq = 0
    offering_rows, offering_ids = [], []
    for i in range(offerings):
        seq += 1
        oid = str(uuid.UUID(int=rng.getrandbits(128)))
        offering_ids.append(oid)
        domains = ";".join(sorted(rng.sample(DOMAINS, rng.randint(1, 2))))
        training = "CONTINUING" if i % 7 == 0 else ("ALTERNANCE" if i % 3 == 0 else "INITIAL")
        offering_rows.append((oid, *_system(establishment, seq), f"OFF-{i:03d}", f"Formation numéro {i}",
                              domains, training, "MASTER", 24 if training != "CONTINUING" else 120,
                              "MONTHS" if training != "CONTINUING" else "HOURS", 30 + i % 20, "2024-2025",
                              "ONSITE", "FR;EN", "Casablanca", REGIONS[i % 12], 0, None, "PENDING", None,
                              "contact@example.ma"))
    conn.executemany(
        f"INSERT INTO offering (id, {', '.join(SYSTEM_COLUMNS)}, code, title, domains, training_type, level, "
        "duration, duration_unit, capacity, first_academic_year, delivery_mode, languages, campus_city, region, "
        "industry_partnered, partner_name, accreditation_status, accreditation_date, contact_email) VALUES "
        f"({', '.join('?' * 30)})", offering_rows)
    cohort_rows, cohort_of = [], []
    for oid in offering_ids:
        for k in range(cohorts_per_offering):
            seq += 1
            cid = str(uuid.UUID(int=rng.getrandbits(128)))
            cohort_of.append((oid, cid))
            women = rng.randint(5, 20)
            men = rng.randint(5, 20)
            year = 2022 + k
            cohort_rows.append((cid, *_system(establishment, seq), oid, f"{year}-{year + 1}", 1 + k % 2,
                                k % 2 == 1, women + men, women, men, 0, 0, 0, None, 0, None))
    conn.executemany(
        f"INSERT INTO cohort (id, {', '.join(SYSTEM_COLUMNS)}, offering, academic_year, year_of_study, final_year, "
        "enrolled, women, men, work_study, scholarship, \"foreign\", graduates, dropouts, employed_6m) VALUES "
        f"({', '.join('?' * 25)})", cohort_rows)
    start0 = date(2023, 1, 2)
    batch = []
    sql = (f"INSERT INTO internship (id, {', '.join(SYSTEM_COLUMNS)}, student_code, last_name, first_name, gender, "
           "offering, cohort, internship_type, domain, host_name, host_ice, host_sector, host_city, host_region, "
           "host_country, start_date, end_date, weekly_hours, monthly_stipend, tutor_name, tutor_email, supervisor, "
           f"outcome, final_mark, hired) VALUES ({', '.join('?' * 36)})")
    for n in range(internships):
        seq += 1
        oid, cid = cohort_of[n % len(cohort_of)]
        start = start0 + timedelta(days=n % 900)
        status = "draft" if n % 50 == 0 else "complete"
        batch.append((str(uuid.UUID(int=rng.getrandbits(128))), *_system(establishment, seq, status, int(n % 37 == 0)),
                      f"S{n:09d}", LAST_NAMES[n % len(LAST_NAMES)] + f" {n % 997}", FIRST_NAMES[n % len(FIRST_NAMES)],
                      "F" if n % 2 else "M", oid, cid, TYPES[n % len(TYPES)], DOMAINS[n % len(DOMAINS)],
                      HOSTS[n % len(HOSTS)] + f" {n % 101}", None, "Services", "Rabat", REGIONS[n % 12], None,
                      start.isoformat(), (start + timedelta(days=120)).isoformat(), 40, 2500.0, None, None, None,
                      OUTCOMES[n % 3], None, None))
        if len(batch) == 50_000:
            conn.executemany(sql, batch)
            batch.clear()
    if batch:
        conn.executemany(sql, batch)
    conn.execute("INSERT OR REPLACE INTO meta (key, value) VALUES ('change_seq', ?)", (str(seq),))
    for name, trigger_sql in triggers:
        index = name.removesuffix("_insert")
        conn.execute(f"INSERT INTO {index}({index}) VALUES ('rebuild')")
        conn.execute(trigger_sql)
    conn.commit()
    conn.close()
    return {"offering": offerings, "cohort": len(cohort_rows), "internship": internships}
