#!/usr/bin/env python3
"""Screenshots of the crash dialog and of the daily backup's refusal, over the real window at 1280×720, in French
and Arabic (``docs/screenshots/{fr,ar}-erreur-inattendue.png`` and ``…-sauvegarde-refusee.png``).

On a real X display the whole screen is grabbed (window, dialog and its decorations as placed by Qt);
offscreen, the window and the dialog are grabbed apart.

    Xvfb :31 -screen 0 1280x720x24 & DISPLAY=:31 QT_QPA_PLATFORM=xcb .venv/bin/python scripts/crash_screens.py
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


def pump(app, seconds: float = 0.3) -> None:
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        app.processEvents()
        time.sleep(0.01)


def grab(app, window, dialog, path: Path) -> None:
    if app.platformName() == "xcb":
        app.primaryScreen().grabWindow(0).save(str(path))
    else:
        window.grab().save(str(path))
        dialog.grab().save(str(path.with_name(path.stem + "-dialogue.png")))
    print(path, f"fenêtre {window.width()}×{window.height()}, dialogue {dialog.width()}×{dialog.height()}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "screenshots")
    args = parser.parse_args(argv)
    args.out.mkdir(parents=True, exist_ok=True)

    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication([])
    app.setApplicationName("Kafaat")
    import forms.daily_backup as daily
    from desktop.app import Application, install_crash_handler
    from desktop.logfile import remove_logging
    from desktop.ui.i18n import install_language
    from forms.workspace import ESTABLISHMENT, Workspace

    with tempfile.TemporaryDirectory(prefix="kafaat-crash-") as tmp:
        workspace = Workspace.create(Path(tmp) / "Données Kafaat", ESTABLISHMENT, establishment="ECC",
                                     operator="Amina El Idrissi")
        for lang in ("fr", "ar"):
            install_language(lang)
            application = Application(workspace, lang)
            window = application.attach_now()
            window.resize(1280, 690)
            window.move(0, 0)
            crash = install_crash_handler(app, workspace.root, application)
            pump(app, 1.0)
            QTimer.singleShot(0, lambda: 1 / 0)
            pump(app, 0.8)
            assert crash.dialog is not None
            grab(app, window, crash.dialog, args.out / f"{lang}-erreur-inattendue.png")
            crash.dialog.done(0)
            crash.uninstall()

            # The daily backup refused: a disk with 3 MB left (the real refusal, on a pretended disk size).
            real_usage = daily.shutil.disk_usage
            daily.shutil.disk_usage = lambda _p, real=real_usage, at=tmp: real(at)._replace(free=3 << 20)
            try:
                application.daily_backup = True
                application._context_ready()
                application.context.runner.wait_all()
                pump(app, 0.5)
            finally:
                daily.shutil.disk_usage = real_usage
            notice = application.backup_watch.notice
            assert notice is not None
            grab(app, window, notice, args.out / f"{lang}-sauvegarde-refusee.png")
            notice.close()
            window.close_without_asking()
            application.context.runner.wait_all()
            pump(app, 0.2)
        install_language("fr")
        remove_logging(workspace.logs_dir)
        workspace.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
