#!/usr/bin/env python3
"""Write a screenshot of every page of the ministry's window, in French and in Arabic, at 1280×720, to
``docs/screenshots/ministere-*.png``.

A throw-away ministry folder is built with real keys and three real establishments
(``tests/desktop/ministry_scene.py``; ECC filled like ``scripts/screenshots.py``'s establishment); their
bundles are exported into an « USB key » folder, one is consolidated beforehand, then the window is shown
and each page grabbed. Run it on a real display server (the xcb platform under Xvfb):

    xvfb-run -a -s "-screen 0 1280x720x24" env QT_QPA_PLATFORM=xcb .venv/bin/python scripts/ministry_screenshots.py
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
SIZE = (1280, 720)


def pump(app, seconds: float = 0.3) -> None:
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        app.processEvents()
        time.sleep(0.01)


def settle(app, application, seconds: float = 0.4) -> None:
    end = time.monotonic() + 30
    while application.context.runner.active and time.monotonic() < end:
        pump(app, 0.05)
    pump(app, seconds)


def shoot(widget, path: Path) -> None:
    widget.grab().save(str(path))
    print(path.relative_to(ROOT) if path.is_relative_to(ROOT) else path)


def scene_for(tmp: Path, keys, sealed):
    from scripts.screenshots import populate as populate_establishment
    from sync.keys import load_identity
    from sync.ministry.consolidation import consolidate
    from tests.desktop import ministry_scene
    from tests.sync.conftest import PASSPHRASE

    scene = ministry_scene.build(tmp, keys, sealed, schools=("ESITH", "ISCAE"), enrol=("ECC", "ESITH"))
    from forms.workspace import ESTABLISHMENT, Workspace
    from tests.sync.conftest import install_keys, trust

    ecc = Workspace.create(tmp / "ecc", ESTABLISHMENT, establishment="ECC", operator="Amina El Idrissi")
    install_keys(ecc, keys["ECC"], sealed["ECC"])
    trust(ecc, keys["MIC"], tmp)
    populate_establishment(ecc.records())
    scene.schools["ECC"], scene.identities["ECC"] = ecc, keys["ECC"]
    first = scene.export("ECC")
    consolidate(scene.ministry, load_identity(scene.ministry, PASSPHRASE), [first])
    ministry_scene.edit_one(ecc)
    scene.export("ECC")  # n° 2 stays at the establishment: n° 3 will wait for it
    ministry_scene.edit_one(ecc)
    third = scene.export("ECC", tmp / "usb" / "ECC-3")
    (tmp / "usb" / "ECC" / first.name).exists()
    files = [first, third, scene.export("ESITH"), scene.export("ISCAE")]
    return scene, files


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "screenshots")
    args = parser.parse_args(argv)
    out: Path = args.out
    out.mkdir(parents=True, exist_ok=True)

    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication([])
    app.setApplicationName("Kafaat")
    from desktop.ministry_app import MinistryApplication
    from desktop.ui.i18n import install_language
    from tests.desktop import ministry_scene
    from tests.sync.conftest import PASSPHRASE

    keys = ministry_scene.identities()
    sealed = ministry_scene.sealed(keys)
    for lang in ("fr", "ar"):
        with tempfile.TemporaryDirectory(prefix="kafaat-ministere-") as tmp:
            scene, files = scene_for(Path(tmp), keys, sealed)
            install_language(lang)
            application = MinistryApplication(scene.ministry, lang)
            window = application.attach_now()
            window.resize(*SIZE)
            settle(app, application, 1.0)

            inbox = window.navigate("inbox")
            inbox.add_paths(files)
            inbox.receipts.setText(str(Path(tmp) / "accuses"))
            settle(app, application)
            shoot(window, out / f"ministere-{lang}-boite-de-reception.png")
            inbox.passphrase.setText(PASSPHRASE)
            inbox.consolidate()
            settle(app, application)
            shoot(window, out / f"ministere-{lang}-consolidation.png")

            page = window.navigate("establishments")
            settle(app, application)
            page.select("ECC")
            settle(app, application)
            shoot(window, out / f"ministere-{lang}-etablissements.png")
            page.detail.setCurrentIndex(2)
            pump(app, 0.3)
            shoot(window, out / f"ministere-{lang}-cles.png")

            window.navigate("national_dashboard")
            settle(app, application, 1.0)
            shoot(window, out / f"ministere-{lang}-tableau-de-bord.png")

            data = window.navigate("data")
            data.form_box.setCurrentIndex(data.form_box.findData("internship"))
            settle(app, application)
            shoot(window, out / f"ministere-{lang}-donnees.png")
            for form, name in (("rd_project", "projets-rd"), ("ce_session", "formation-continue")):
                data.form_box.setCurrentIndex(data.form_box.findData(form))
                settle(app, application)
                shoot(window, out / f"ministere-{lang}-donnees-{name}.png")

            window.navigate("report")
            settle(app, application)
            shoot(window, out / f"ministere-{lang}-rapport.png")
            window.navigate("settings")
            settle(app, application)
            shoot(window, out / f"ministere-{lang}-parametres.png")
            window.close_without_asking()
            application.context.runner.wait_all()
            pump(app, 0.2)
            scene.close()
    install_language("fr")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
