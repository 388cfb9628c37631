"""Table headers, lists and import preview alike: a title wider than its column ends in « … » (Qt's headers cut
it at both ends by default, centred, with no sign that anything is missing), and the whole title is the
section's tooltip, in every language and direction."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QHelpEvent
from PySide6.QtWidgets import QApplication, QHeaderView, QToolTip


class HeaderElision(QObject):
    """Watched from the application: every header of every window, the ministry's too, as it is polished."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind == QEvent.Type.Polish and isinstance(watched, QHeaderView):
            watched.setTextElideMode(Qt.TextElideMode.ElideRight)
            return False
        if kind == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
            header = watched.parent()
            if isinstance(header, QHeaderView) and watched is header.viewport():
                return self._tooltip(header, event)
        return False

    @staticmethod
    def _tooltip(header: QHeaderView, event: QHelpEvent) -> bool:
        model = header.model()
        section = header.logicalIndexAt(event.pos())
        if model is None or section < 0:
            return False
        if model.headerData(section, header.orientation(), Qt.ItemDataRole.ToolTipRole):
            return False  # the model says it itself (the lists do): Qt shows it
        text = model.headerData(section, header.orientation(), Qt.ItemDataRole.DisplayRole)
        if not text:
            return False
        QToolTip.showText(event.globalPos(), str(text), header.viewport())
        return True


def elide_headers_everywhere() -> None:
    """Install ``HeaderElision`` on the application (once)."""
    app = QApplication.instance()
    if app is None or app.property("kafaat_header_elision"):
        return
    app.installEventFilter(HeaderElision(app))
    app.setProperty("kafaat_header_elision", True)
