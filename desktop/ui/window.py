"""The main window: navigation on the side, one page at a time, a status bar with record counts and the
dates of the last export and acknowledgement.

The window is painted before the database is opened (``attach`` comes after the first paint) and pages
are built the first time they are shown, so that start-up stays fast. Heavy modules (SQLAlchemy, the
store, QtCharts) are imported only in ``attach`` and in the pages.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QSize, Qt, QTimer, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QApplication,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QMessageBox,
    QScrollArea,
    QStackedWidget,
    QStyle,
    QWidget,
)

from desktop.ui.pages import PAGES, PageSpec
from desktop.ui.status_line import FittedLine

if TYPE_CHECKING:
    from desktop.ui.context import AppContext
    from desktop.ui.pages.base import Page


DEFAULT_SIZE = QSize(1200, 760)
TITLE_BAR = 40
"""Room left above the window for the title bar a window manager adds (its frame is unknown before it shows)."""


def initial_size(screen: Any) -> QSize:
    """The window's first size: 1200×760, or less on a smaller screen (at 1280×720 the status bar was below
    the screen's edge): within the screen's available area, the title bar included."""
    if screen is None or QGuiApplication.platformName() == "offscreen":  # a canvas, not a person's screen
        return DEFAULT_SIZE
    room = screen.availableGeometry()
    return QSize(min(DEFAULT_SIZE.width(), room.width()), min(DEFAULT_SIZE.height(), room.height() - TITLE_BAR))


class MainWindow(QMainWindow):
    first_painted = Signal()
    """Emitted once, after the window's first paint (the application opens the data then)."""

    def __init__(self, lang: str = "fr", title: str = "", pages: list[PageSpec] | None = None) -> None:
        super().__init__()
        from desktop.ui.fields import guard_wheel_everywhere
        from desktop.ui.headers import elide_headers_everywhere

        guard_wheel_everywhere()  # the wheel scrolls pages, never changes an unfocused box's value
        elide_headers_everywhere()  # a header cut by its column ends in « … », whole in its tooltip
        self.lang = lang
        self.specs = pages if pages is not None else PAGES
        """The navigation's pages: the establishment's (``PAGES``) or the ministry's (``MINISTRY_PAGES``)."""
        self.context: AppContext | None = None
        self.pages: dict[str, Page] = {}
        self.holders: dict[str, QScrollArea] = {}
        self.stale: set[str] = set()
        self.editors: list[Any] = []
        self._closing_confirmed = False
        self._painted = False
        self.setObjectName("main_window")
        self.setWindowTitle("Kafaat — كفاءات" + (f" — {title}" if title else ""))
        self.resize(initial_size(self.screen()))

        central = QWidget()
        layout = QHBoxLayout(central)
        layout.setContentsMargins(6, 6, 6, 6)
        self.nav = QListWidget()
        self.nav.setObjectName("navigation")
        self.nav.setIconSize(QSize(20, 20))
        self.nav.setFixedWidth(230)
        self.nav.setSpacing(2)
        for spec in self.specs:
            item = QListWidgetItem(spec.title.get(lang))
            icon = getattr(QStyle.StandardPixmap, spec.icon, QStyle.StandardPixmap.SP_FileIcon)
            item.setIcon(self.style().standardIcon(icon))
            item.setData(Qt.ItemDataRole.UserRole, spec.key)
            self.nav.addItem(item)
        self.stack = QStackedWidget()
        self.stack.setObjectName("pages")
        self.loading = QLabel(self.tr("Ouverture des données…"))
        self.loading.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.stack.addWidget(self.loading)
        layout.addWidget(self.nav)
        layout.addWidget(self.stack, 1)
        self.setCentralWidget(central)

        # never widen the window; every figure kept (labels shortened first), the whole text as tooltip
        self.counts_label = FittedLine()
        self.counts_label.setObjectName("status_counts")
        self.export_label = FittedLine(natural=True)
        self.export_label.setObjectName("status_export")
        self.statusBar().addWidget(self.counts_label, 1)
        self.statusBar().addWidget(self.export_label)
        self.nav.currentRowChanged.connect(self._row_changed)
        # Enter on a page's name goes into the page (the arrows only show it: see _row_changed)
        self.nav.itemActivated.connect(lambda _item: self._enter_page())

    def paintEvent(self, event: Any) -> None:
        super().paintEvent(event)
        if not self._painted:
            self._painted = True
            self.first_painted.emit()

    # ------------------------------------------------------------------------------------- context
    def attach(self, context: AppContext, first_page: str = "dashboard") -> None:
        """Give the window its data (after the first paint) and show the first page."""
        from desktop.ui.context import weak_callback

        self.context = context
        context.open_record = weak_callback(self.open_record)
        context.navigate = weak_callback(self.navigate)
        context.neighbour = weak_callback(self.neighbour)
        context.runner.data_changed.connect(self.data_changed)
        self.update_status()
        self.navigate(first_page)

    def navigate(self, key: str) -> QWidget | None:
        for row in range(self.nav.count()):
            if self.nav.item(row).data(Qt.ItemDataRole.UserRole) == key:
                self._by_code = True
                try:
                    if self.nav.currentRow() == row:
                        self._row_changed(row)
                    else:
                        self.nav.setCurrentRow(row)
                finally:
                    self._by_code = False
                return self.pages.get(key)
        return None

    def _row_changed(self, row: int) -> None:
        if row < 0 or self.context is None:
            return
        spec = self.specs[row]
        page = self.page(spec)
        self.stack.setCurrentWidget(self.holders[spec.key])
        if spec.key in self.stale:
            self.stale.discard(spec.key)
            page.refresh()
        # The arrow keys in the navigation show one page after the other and stay there (the page took the
        # focus at the first arrow: the next page could not be reached with the keyboard); Enter or Tab goes in.
        if getattr(self, "_by_code", False) or not (self.nav.hasFocus() and not QApplication.mouseButtons()):
            page.activated()

    def _enter_page(self) -> None:
        page = self.current_page()
        if hasattr(page, "activated"):
            page.activated()

    def page(self, spec: PageSpec) -> Page:
        page = self.pages.get(spec.key)
        if page is None:
            assert self.context is not None
            page = spec.load()(self.context, **spec.options)
            page.setObjectName(page.objectName() or f"page_{spec.key}")
            self.pages[spec.key] = page
            # Every page scrolls when the window is smaller than it needs (1280×720 laptops): it never
            # forces the window's size. Lists keep their own scroll bars (the page then fits).
            holder = QScrollArea()
            holder.setObjectName(f"scroll_{spec.key}")
            holder.setWidgetResizable(True)
            holder.setFrameShape(QScrollArea.Shape.NoFrame)
            holder.setWidget(page)
            self.holders[spec.key] = holder
            self.stack.addWidget(holder)
        return page

    def current_page(self) -> QWidget:
        holder = self.stack.currentWidget()
        return holder.widget() if isinstance(holder, QScrollArea) else holder

    # --------------------------------------------------------------------------------- data changes
    def data_changed(self) -> None:
        current = self.current_page()
        for key, page in self.pages.items():
            if page is current:
                page.refresh()
            else:
                self.stale.add(key)
        self.update_status()

    def update_status(self) -> None:
        """Counts and export dates, read off the GUI thread (a full count of 10^6 rows takes ~0.2 s)."""
        if self.context is None:
            return
        from desktop.ui import dashboard_data

        engine = self.context.store.engine

        def read(state: Any) -> tuple[Any, Any]:
            return dashboard_data.counts(engine), dashboard_data.export_info(engine)

        self.context.runner.run(read, title=self.tr("Barre d'état"), on_success=self._show_status, parent=self)

    def _show_status(self, figures: tuple[Any, Any]) -> None:
        from desktop.ui.i18n import format_timestamp
        from forms.definitions import FORMS

        counts, info = figures
        parts = []
        for key, form in FORMS.items():  # every declared form, its figure never cut (labels shorten first)
            entry = counts.get(key, {})
            figure = self.locale().toString(entry.get("draft", 0) + entry.get("complete", 0))
            if entry.get("draft"):
                figure += " " + self.tr("(%n brouillon(s))", "", entry["draft"])
            parts.append((form.plural.get(self.lang), figure))
        pair = self.tr("{0} : {1}")
        self.counts_label.set_parts(parts, pair)
        exported = format_timestamp(info.last_export) if info.last_export else self.tr("jamais")
        acknowledged = format_timestamp(info.last_acknowledged) if info.last_acknowledged else self.tr("aucun")
        self.export_label.set_parts([(self.tr("Dernier export"), exported),
                                     (self.tr("Dernier accusé de réception"), acknowledged)], pair)
        self.export_label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)

    # -------------------------------------------------------------------------------------- editor
    def open_record(self, form_key: str, record_id: str | None) -> Any:
        from desktop.ui.editor import RecordEditor

        assert self.context is not None
        for editor in self.editors:
            if editor.form.key == form_key and editor.record is not None and editor.record.id == record_id:
                editor.raise_()
                editor.activateWindow()
                return editor
        try:
            editor = RecordEditor(self.context, form_key, record_id, self)
        except LookupError:
            QMessageBox.information(self, self.tr("Enregistrement introuvable"),
                                    self.tr("Cet enregistrement a été supprimé entre-temps."))
            return None
        self.editors.append(editor)
        editor.finished.connect(lambda _result, e=editor: self._editor_closed(e))
        editor.saved.connect(lambda rid, key=form_key: self._record_saved(key, rid))
        editor.open()
        return editor

    def neighbour(self, form_key: str, record_id: str, step: int) -> str | None:
        """The record before (-1) or after (+1) ``record_id`` in its list as shown (filter and order), which
        the list then selects; ``None`` at either end or when the record is not in the list."""
        page = self.pages.get(form_key)
        model = getattr(page, "model", None)
        if model is None:
            return None
        row = model.row_of(record_id)
        if row < 0:
            return None
        target = row + step
        if target >= model.rowCount() and model.canFetchMore():
            model.fetchMore()
        if not 0 <= target < model.rowCount():
            return None
        found = model.record_id(target)
        if found is None:  # that part of a long list is not loaded yet
            return None
        if hasattr(page, "select_record"):
            page.select_record(found)
        return found

    def _editor_closed(self, editor: Any) -> None:
        active = QApplication.activeWindow()
        # a completion list left open by the editor counts as the editor
        was_active = active in (None, editor, self) or active.windowType() == Qt.WindowType.Popup
        if editor in self.editors:
            self.editors.remove(editor)
        editor.deleteLater()
        if was_active and not any(e.isVisible() for e in self.editors):
            # the keyboard comes back to the window, on the page (the list, its record selected): it was nowhere
            # (once the editor's own going is done: activated before, the window lost it again)
            QTimer.singleShot(0, self, self._back_from_editor)

    def _back_from_editor(self) -> None:
        active = QApplication.activeWindow()
        if any(e.isVisible() for e in self.editors) or not (
                active in (None, self) or active.windowType() == Qt.WindowType.Popup):
            return
        self.activateWindow()
        self._enter_page()

    def _record_saved(self, form_key: str, record_id: str) -> None:
        page = self.pages.get(form_key)
        if page is not None and hasattr(page, "show_saved"):
            page.show_saved(record_id)

    # ------------------------------------------------------------------------------------- closing
    def can_close(self) -> bool:
        dirty = [e for e in self.editors if e.is_dirty()]
        if dirty:
            answer = QMessageBox.question(
                self, self.tr("Modifications non enregistrées"),
                self.tr("Des saisies ne sont pas enregistrées. Fermer quand même et les perdre ?"),
                QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, QMessageBox.StandardButton.No)
            if answer != QMessageBox.StandardButton.Yes:
                return False
        return all(page.can_leave() for page in self.pages.values())

    def closeEvent(self, event: Any) -> None:
        if not self._closing_confirmed and not self.can_close():
            event.ignore()
            return
        self.close_editors()
        if self.context is not None:
            self.context.runner.cancel_all()
            self.context.runner.wait_all(10_000)
        event.accept()

    def close_editors(self) -> None:
        """Close every open editor without asking (``done`` never goes through ``reject``)."""
        for editor in list(self.editors):
            editor.done(0)

    def close_without_asking(self) -> None:
        self._closing_confirmed = True
        self.close()
