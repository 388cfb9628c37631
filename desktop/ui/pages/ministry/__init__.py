"""The ministry's pages, in navigation order (the window is the establishment's ``MainWindow`` given this
list instead of ``desktop.ui.pages.PAGES``). Each page is a ``MinistryPage`` built as
``PageClass(context)`` with a ``desktop.ui.ministry_context.MinistryContext``; it calls ``sync.ministry``
functions only, through the operation runner for anything long or anything that writes.

Their words are written here in the three languages (``words(lang, fr, ar, en)``), beside the French,
rather than in the Qt translation files: the ministry's vocabulary stays in one place per page.

This module does not import Qt.
"""

from __future__ import annotations

from desktop.ui.pages import PageSpec
from forms.i18n import Text


def words(lang: str, fr: str, ar: str, en: str) -> str:
    """The text in ``lang`` (French when the language is unknown)."""
    return Text(fr, ar, en).get(lang)


def isolate(text: str) -> str:
    """``text`` kept left to right inside a right-to-left sentence (U+2066 LEFT-TO-RIGHT ISOLATE …
    U+2069 POP DIRECTIONAL ISOLATE): fingerprints, hashes, codes and file names in Arabic text."""
    return f"\u2066{text}\u2069"


_M = "desktop.ui.pages.ministry"

MINISTRY_PAGES: list[PageSpec] = [
    PageSpec("inbox", Text("Boîte de réception", "صندوق الوارد", "Inbox"), "SP_DriveFDIcon",
             f"{_M}.inbox_page:InboxPage"),
    PageSpec("establishments", Text("Établissements", "المؤسسات", "Establishments"), "SP_DirHomeIcon",
             f"{_M}.establishments_page:EstablishmentsPage"),
    PageSpec("national_dashboard", Text("Tableau de bord national", "لوحة القيادة الوطنية", "National dashboard"),
             "SP_FileDialogInfoView", f"{_M}.national_dashboard_page:NationalDashboardPage"),
    PageSpec("data", Text("Données", "البيانات", "Data"), "SP_FileDialogDetailedView",
             f"{_M}.national_data_page:NationalDataPage"),
    PageSpec("report", Text("Rapport", "التقرير", "Report"), "SP_DialogSaveButton",
             f"{_M}.report_page:ReportPage"),
    PageSpec("settings", Text("Paramètres", "الإعدادات", "Settings"), "SP_FileDialogContentsView",
             f"{_M}.ministry_settings_page:MinistrySettingsPage"),
]
