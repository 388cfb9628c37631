"""The pages of the main window, in navigation order, and the interface every page follows.

A page is a ``desktop.ui.pages.base.Page`` (a ``QWidget``) constructed as ``PageClass(context,
**spec.options)`` where ``context`` is the window's ``desktop.ui.context.AppContext`` (``workspace``,
``store``, ``runner`` — the ``OperationRunner`` for anything long or anything that writes —, ``lang``,
``open_record``, ``navigate``). Optional hooks: ``activated()`` when the user navigates to it,
``refresh()`` after ``runner.data_changed``, ``can_leave() -> bool`` before the window closes.

Pages are imported only when first shown (start-up stays fast).

To add a page, add one ``PageSpec`` line to ``PAGES``:

    PageSpec("import", IMPORT_TITLE, "SP_DialogOpenButton", "desktop.ui.pages.import_page:ImportPage"),

Every declared form (``forms.definitions.FORMS``) gets its list page after the dashboard, titled with the
form's plural and shown with its declared ``icon``: a new form needs no line here.

This module does not import Qt.
"""

from __future__ import annotations

import importlib
from dataclasses import dataclass, field
from typing import Any

from forms.definitions import FORMS
from forms.i18n import Text


@dataclass(frozen=True)
class PageSpec:
    key: str
    """Navigation key (``context.navigate(key)``)."""
    title: Text
    icon: str
    """Name of a ``QStyle.StandardPixmap`` (``"SP_DirIcon"``…)."""
    target: str
    """``"package.module:ClassName"``."""
    options: dict[str, Any] = field(default_factory=dict)
    """Keyword arguments given to the page's constructor."""

    def load(self) -> type:
        """The page class (its module is imported now)."""
        module_name, _, class_name = self.target.partition(":")
        return getattr(importlib.import_module(module_name), class_name)


RECORDS = "desktop.ui.pages.records_page:RecordsPage"

PAGES: list[PageSpec] = [
    PageSpec("dashboard", Text("Tableau de bord", "لوحة القيادة", "Dashboard"), "SP_FileDialogInfoView",
             "desktop.ui.pages.dashboard_page:DashboardPage"),
    *(PageSpec(key, form.plural, form.icon or "SP_FileIcon", RECORDS, {"form_key": key})
      for key, form in FORMS.items()),
    PageSpec("import", Text("Import", "الاستيراد", "Import"), "SP_DialogOpenButton",
             "desktop.ui.pages.import_page:ImportPage"),
    PageSpec("export", Text("Export vers le ministère", "التصدير إلى الوزارة", "Export to the ministry"),
             "SP_DialogSaveButton", "desktop.ui.pages.export_page:ExportPage"),
    PageSpec("settings", Text("Paramètres", "الإعدادات", "Settings"), "SP_FileDialogContentsView",
             "desktop.ui.pages.settings_page:SettingsPage"),
]
