#!/usr/bin/env python3
"""Write a screenshot of every screen, in French and in Arabic, to ``docs/screenshots/``.

A throw-away data folder is filled with a small, plausible establishment (offerings, cohorts,
internships, a draft, records with warnings) through the real store; the real window is then shown
offscreen (or on a real X display) at 1280×720, the size of a modest office laptop, and each page, the
record editor of each form and the first-run assistant are grabbed. A window that cannot shrink to that
size is reported (its pages must scroll instead).

    QT_QPA_PLATFORM=offscreen .venv/bin/python scripts/screenshots.py [--out docs/screenshots]
    Xvfb :7 -screen 0 1280x720x24 & DISPLAY=:7 QT_QPA_PLATFORM=xcb .venv/bin/python scripts/screenshots.py
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

OFFERINGS = [
    ("MS-CYBER", "Master spécialisé en cybersécurité", ["CYBER"], "INITIAL", "MASTER_SPEC", 24, "MONTHS", 30, "06"),
    ("ING-DATA", "Cycle ingénieur en science des données", ["DATA", "AI"], "INITIAL", "INGENIEUR", 36, "MONTHS", 45,
     "06"),
    ("LP-CLOUD", "Licence professionnelle cloud et DevOps", ["CLOUD", "DEVOPS"], "ALTERNANCE", "LICENCE_PRO", 12,
     "MONTHS", 25, "04"),
    ("FC-TEST", "Certificat en test logiciel", ["TESTING"], "CONTINUING", "CERTIF", 120, "HOURS", 20, "04"),
]
STUDENTS = [("Benali", "Salma", "F"), ("El Idrissi", "Youssef", "M"), ("Tazi", "Nadia", "F"), ("Alaoui", "Omar", "M"),
            ("Chraibi", "Imane", "F"), ("Bennani", "Hamza", "M"), ("العلوي", "مريم", "F"), ("Berrada", "Mehdi", "M")]
HOSTS = [("OCP Group", "Casablanca", "06"), ("Maroc Telecom", "Rabat", "04"), ("Capgemini", "Casablanca", "06"),
         ("Inwi", "Tanger", "01"), ("CDG Invest", "Rabat", "04"), ("Orange Maroc", "Marrakech", "07")]


def populate(store) -> None:
    offering_ids = []
    for i, (code, title, domains, kind, level, duration, unit, capacity, region) in enumerate(OFFERINGS):
        record, _ = store.save("offering", {
            "code": code, "title": title, "domains": domains, "training_type": kind, "level": level,
            "duration": duration, "duration_unit": unit, "capacity": capacity, "first_academic_year": "2023-2024",
            "delivery_mode": "HYBRID" if i % 2 else "ONSITE", "languages": ["FR", "EN"],
            "campus_city": "Casablanca" if region == "06" else "Rabat", "region": region,
            "industry_partnered": i % 2 == 0, "partner_name": "Partenaire Industriel SA" if i % 2 == 0 else None,
            "accreditation_status": "ACCREDITED", "accreditation_date": "2023-06-15",
            "contact_email": f"{code.lower()}@etablissement.ma"})
        offering_ids.append(record.id)
    cohort_ids = []
    for i, oid in enumerate(offering_ids):
        for year in (2023, 2024, 2025):
            women, men = 10 + (i * 3 + year) % 9, 12 + (i + year) % 7
            record, _ = store.save("cohort", {
                "offering": oid, "academic_year": f"{year}-{year + 1}", "year_of_study": 1, "final_year": False,
                "enrolled": women + men, "women": women, "men": men, "work_study": 2, "scholarship": 5,
                "foreign": 1, "dropouts": 1})
            cohort_ids.append((oid, record.id))
    for n in range(24):
        last, first, gender = STUDENTS[n % len(STUDENTS)]
        host, city, region = HOSTS[n % len(HOSTS)]
        oid, cid = cohort_ids[n % len(cohort_ids)]
        month = 1 + n % 6
        values = {
            "student_code": f"R1300{45000 + n}", "last_name": last, "first_name": first, "gender": gender,
            "offering": oid, "cohort": cid, "internship_type": "PFE" if n % 3 == 0 else "APPLICATION",
            "domain": "CYBER" if n % 4 == 0 else "DATA", "host_name": host, "host_city": city, "host_region": region,
            "start_date": f"2025-{month:02d}-01", "end_date": f"2025-{month + 3 if n % 5 else month + 1:02d}-28",
            "weekly_hours": 40, "monthly_stipend": "2500", "tutor_name": "Karim Alaoui",
            "outcome": "COMPLETED" if n % 2 else "ONGOING", "hired": "UNKNOWN"}
        store.save("internship", values, status="draft" if n == 5 else "complete")
    partners = [("OCP Group; Capgemini", "LARGE", ["PARTNER", "PUBLIC_PROGRAMME"]),
                ("DataLab Maroc", "STARTUP", ["PARTNER"]), (None, None, ["OWN_FUNDS"]),
                ("Société Générale Maroc", "LARGE", ["PARTNER", "INTERNATIONAL"])]
    for n, (names, kind, sources) in enumerate(partners):
        store.save("rd_project", {
            "code": f"RD-2025-{n + 1:02d}", "title": ["Détection d'intrusions par apprentissage automatique",
                                                      "Jumeau numérique d'une ligne textile",
                                                      "Tests automatisés des applications mobiles",
                                                      "Analyse de la fraude bancaire"][n],
            "domains": [["CYBER", "AI"], ["DATA"], ["TESTING"], ["AI", "DATA"]][n],
            "project_status": ["ONGOING", "ONGOING", "PROPOSED", "COMPLETED"][n], "start_date": f"202{3 + n % 2}-01-15",
            "end_date": "2025-06-30" if n == 3 else "2027-01-14", "offering": offering_ids[n % 3],
            "lead_name": STUDENTS[n][0], "partners": names, "partner_type": kind,
            "budget_total": str(400000 + 150000 * n), "partner_contribution": "150000" if names else None,
            "funding_sources": sources, "researchers": 3 + n, "doctoral_students": 2, "master_students": 4,
            "team_women": 4 + n % 3, "publications": 0 if n == 2 else n + 1, "patents": n % 2,
            "prototypes": 0 if n == 2 else 1, "startups": 1 if n == 3 else 0})
    for n in range(5):
        enrolled, women = 18 + n, 8 + n % 3
        store.save("ce_session", {
            "offering": offering_ids[3], "code": f"FC-TEST-2025-{n + 1}", "domain": "TESTING",
            "start_date": f"2025-{2 * n + 1:02d}-06", "end_date": f"2025-{2 * n + 2:02d}-20",
            "hours": 120 if n != 2 else 40, "delivery_mode": ["ONSITE", "HYBRID", "REMOTE"][n % 3],
            "city": "Rabat", "employers": ["Maroc Telecom", "CDG Invest; Inwi", None, "Orange Maroc", "OCP Group"][n],
            "enrolled": enrolled, "women": women, "men": enrolled - women, "completed": enrolled - 2,
            "certified": enrolled - 4, "satisfaction": str(78 + n * 3)})


def pump(app, seconds: float = 0.3) -> None:
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        app.processEvents()
        time.sleep(0.01)


WIDTH, HEIGHT = 1280, 720
TOO_BIG: list[str] = []


def shoot(widget, path: Path) -> None:
    widget.grab().save(str(path))
    name = path.relative_to(ROOT) if path.is_relative_to(ROOT) else path
    size = widget.size()
    if size.width() > WIDTH or size.height() > HEIGHT:
        TOO_BIG.append(f"{name}: {size.width()}×{size.height()}")
    print(name, f"{size.width()}×{size.height()}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "screenshots")
    args = parser.parse_args(argv)
    out: Path = args.out
    out.mkdir(parents=True, exist_ok=True)

    import subprocess

    subprocess.run([sys.executable, str(ROOT / "scripts" / "build_translations.py")], check=True)

    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication([])
    app.setApplicationName("Kafaat")
    from desktop.app import Application
    from desktop.ui.i18n import install_language
    from desktop.ui.pages import PAGES
    from desktop.ui.setup_wizard import SetupWizard
    from forms.workspace import ESTABLISHMENT, Workspace

    with tempfile.TemporaryDirectory(prefix="kafaat-captures-") as tmp:
        workspace = Workspace.create(Path(tmp) / "data", ESTABLISHMENT, establishment="ECC",
                                     operator="Amina El Idrissi")
        store = workspace.records()
        populate(store)
        draft = store.list("internship", status="draft")[0]
        from forms.definitions import FORMS

        sample = {key: store.list(key, status="complete")[0] for key in FORMS}
        changed = dict(sample["offering"].values, capacity=35, delivery_mode="HYBRID")
        sample["offering"], _ = store.save("offering", changed, record_id=sample["offering"].id,
                                           operator="Youssef Bennani")
        for lang in ("fr", "ar"):
            install_language(lang)
            wizard = SetupWizard(Path(tmp) / "new", lang)
            wizard.resize(720, 480)
            wizard.show()
            pump(app)
            shoot(wizard, out / f"{lang}-assistant.png")
            wizard.close()

            application = Application(workspace, lang)
            window = application.attach_now()
            window.resize(WIDTH, HEIGHT)
            pump(app, 1.0)
            for spec in PAGES:
                window.navigate(spec.key)
                pump(app, 0.6)
                shoot(window, out / f"{lang}-{spec.key}.png")
            page = window.navigate("internship")  # a search that finds nothing says so
            page.search.setText("Zzqx")
            pump(app, 0.8)
            shoot(window, out / f"{lang}-internship-no-result.png")
            page.clear_filters()
            dashboard = window.navigate("dashboard")  # the charts, below the counts
            pump(app, 0.6)
            holder = window.holders["dashboard"]
            for area in (holder, *dashboard.findChildren(type(holder))):
                area.verticalScrollBar().setValue(area.verticalScrollBar().maximum())
            pump(app, 0.4)
            shoot(window, out / f"{lang}-dashboard-charts.png")
            for key, record in sample.items():
                editor = window.open_record(key, record.id)
                editor.resize(820, HEIGHT - 40)
                pump(app, 0.5)
                shoot(editor, out / f"{lang}-editor-{key}.png")
                if key == "offering":
                    editor.tabs.setCurrentIndex(1)
                    pump(app, 0.2)
                    shoot(editor, out / f"{lang}-history.png")
                editor.done(0)
            editor = window.open_record("internship", draft.id)
            editor.resize(820, HEIGHT - 40)
            pump(app, 0.5)
            shoot(editor, out / f"{lang}-editor-draft.png")
            editor.done(0)
            window.close_without_asking()
            application.context.runner.wait_all()
            pump(app, 0.2)
        install_language("fr")
        workspace.close()
    if TOO_BIG:
        print(f"Plus grand que {WIDTH}×{HEIGHT} :", *TOO_BIG, sep="\n  ", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
