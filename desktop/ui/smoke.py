"""A self-check of the window for packaged builds: ``KAFAAT_UI_SMOKE=report.json kafaat --data-dir DIR``
opens the real window, waits for the dashboard's figures, visits every page, opens and closes an editor
per form, writes what it saw to ``report.json`` and quits (exit code 0; 1 when a page failed).

Used to check a frozen build (QtCharts, translations, pages imported by name) on a machine with no
screen (``QT_QPA_PLATFORM=offscreen``)."""

from __future__ import annotations

import json
import time
import traceback
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QTimer

TIMEOUT_S = 60


def watch(application: Any, report_path: str) -> None:
    started = time.monotonic()
    report: dict[str, Any] = {"pages": {}, "editors": {}, "errors": []}

    def finish(code: int) -> None:
        report["seconds"] = round(time.monotonic() - started, 2)
        Path(report_path).write_text(json.dumps(report, ensure_ascii=False, indent=2), encoding="utf-8")
        window = application.window
        if window is not None:
            window.close_without_asking()
        QCoreApplication.exit(code)

    def check() -> None:
        window = application.window
        dashboard = window.pages.get("dashboard") if window is not None else None
        if dashboard is None or getattr(dashboard, "data", None) is None:
            if time.monotonic() - started > TIMEOUT_S:
                report["errors"].append("le tableau de bord ne s'est pas affiché à temps")
                finish(1)
            else:
                QTimer.singleShot(50, check)
            return
        try:
            from PySide6.QtGui import QGuiApplication

            from desktop.ui.i18n import current_language
            from desktop.ui.pages import PAGES
            from forms.definitions import FORMS

            report["language"] = current_language()
            report["platform"] = QGuiApplication.platformName()
            report["exposed"] = bool(window.isVisible() and window.windowHandle() is not None
                                     and window.windowHandle().isExposed())
            room, frame = window.screen().availableGeometry(), window.frameGeometry()
            report["window"] = [frame.x(), frame.y(), frame.width(), frame.height()]
            report["screen"] = [room.x(), room.y(), room.width(), room.height()]
            applied = QCoreApplication.translate("SettingsPage", "Appliquer")
            report["translations_loaded"] = applied != "Appliquer" if report["language"] != "fr" else None
            report["charts"] = len([w for w in dashboard.findChildren(object) if type(w).__name__ == "QChartView"])
            for spec in PAGES:
                page = window.navigate(spec.key)
                report["pages"][spec.key] = type(page).__name__ if page is not None else None
            for key in FORMS:
                editor = window.open_record(key, None)
                report["editors"][key] = len(editor.bindings)
                editor.done(0)
        except Exception:
            report["errors"].append(traceback.format_exc())
        finish(1 if report["errors"] else 0)

    QTimer.singleShot(0, check)
