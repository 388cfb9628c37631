"""An uncaught exception anywhere in the window: a readable dialog in the user's language, the traceback in the
log file only, and the window goes on (or closes cleanly, as the person chooses).

``CrashHandler.install()`` takes over ``sys.excepthook`` (slots, event handlers, timers: PySide6 reports their
exceptions there), ``threading.excepthook`` (a plain Python thread; operations of the runner report their own
failures) and Qt's message handler (critical and fatal messages go to the log, a fatal one before Qt aborts).

The data stays safe by construction, and the test checks it: every write of the application is one transaction
in a ``with engine.begin()`` block, so an exception that reaches this hook has already rolled its transaction
back and returned its connection (nothing half written, no write lock left behind); records already saved are
committed. The dialog says so, and points at the log (a button opens its folder).

The dialog is not modal to the application (``open()``, never ``exec()``), so that tests can look at it and
so that a second error while it is shown only counts one more (no pile of dialogs).
"""

from __future__ import annotations

import contextlib
import html
import logging
import sys
import threading
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from types import TracebackType
from typing import Any

from PySide6.QtCore import QObject, Qt, QtMsgType, QUrl, Signal, qInstallMessageHandler
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QStyle,
    QVBoxLayout,
    QWidget,
)

from desktop.logfile import LOG_FILE
from forms.i18n import Text

log = logging.getLogger("kafaat.crash")

TITLE = Text("Kafaat — erreur inattendue", "كفاءات — خطأ غير متوقع", "Kafaat — unexpected error")
HEADLINE = Text(
    "Une erreur inattendue s'est produite dans Kafaat.",
    "حدث خطأ غير متوقع في كفاءات.",
    "An unexpected error occurred in Kafaat.")
SAFE = Text(
    "Ce qui était déjà enregistré est intact : l'action interrompue n'a rien écrit à moitié dans la base. "
    "Vous pouvez continuer à travailler, ou fermer Kafaat et le rouvrir.",
    "ما سبق حفظه سليم: العملية المتوقفة لم تكتب شيئاً ناقصاً في قاعدة البيانات. "
    "يمكنكم مواصلة العمل، أو إغلاق كفاءات وإعادة فتحه.",
    "What was already saved is intact: the interrupted action wrote nothing half-way into the database. "
    "You can keep working, or close Kafaat and open it again.")
WHERE = Text(
    "Le détail technique est dans le journal : {link}. Si l'erreur revient, envoyez ce fichier au support "
    "(il ne contient aucune phrase de passe).",
    "التفاصيل التقنية في السجل: {link}. إذا تكرر الخطأ، أرسلوا هذا الملف إلى الدعم التقني "
    "(لا يحتوي على أي عبارة مرور).",
    "The technical details are in the log: {link}. If the error comes back, send this file to support "
    "(it holds no passphrase).")
NO_LOG = Text(
    "Le journal n'a pas pu être écrit (dossier de données en lecture seule ?).",
    "تعذرت الكتابة في السجل (مجلد البيانات للقراءة فقط؟).",
    "The log could not be written (read-only data folder?).")
REFERENCE = Text("Référence : {when} ({kind})", "المرجع: {when} ({kind})", "Reference: {when} ({kind})")
AGAIN = Text("La même erreur s'est reproduite {n} fois.", "تكرر الخطأ نفسه {n} مرات.",
             "The same error happened {n} times.")
OPEN_FOLDER = Text("Ouvrir le dossier du journal", "فتح مجلد السجل", "Open the log folder")
CONTINUE = Text("Continuer", "متابعة", "Continue")
QUIT = Text("Fermer Kafaat", "إغلاق كفاءات", "Close Kafaat")


class CrashDialog(QDialog):
    """What the person sees: what happened, that the data is safe, where the details are."""

    def __init__(self, lang: str, log_file: Path | None, kind: str, when: str, parent: QWidget | None) -> None:
        super().__init__(parent)
        self.setObjectName("crash_dialog")
        self.lang = lang
        self.log_file = log_file
        self.occurrences = 1
        self.quit_requested = False
        self.setWindowTitle(TITLE.get(lang))
        self.setLayoutDirection(Qt.LayoutDirection.RightToLeft if lang == "ar" else Qt.LayoutDirection.LeftToRight)
        self.setMinimumWidth(520)
        self.setMaximumWidth(760)

        icon = QLabel()
        icon.setPixmap(self.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxCritical).pixmap(48, 48))
        icon.setAlignment(Qt.AlignmentFlag.AlignTop)
        self.headline = QLabel(f"<b>{html.escape(HEADLINE.get(lang))}</b>")
        self.safe = QLabel(SAFE.get(lang))
        self.where = QLabel()
        self.where.setObjectName("crash_log_link")
        self.where.setTextFormat(Qt.TextFormat.RichText)
        self.where.setTextInteractionFlags(Qt.TextInteractionFlag.TextBrowserInteraction)
        self.where.linkActivated.connect(lambda _link: self.open_log_folder())
        if log_file is not None:
            shown = f"\u2066{log_file}\u2069" if lang == "ar" else str(log_file)
            link = f'<a href="{QUrl.fromLocalFile(str(log_file)).toString()}">{html.escape(shown)}</a>'
            self.where.setText(html.escape(WHERE.get(lang)).replace("{link}", link))
        else:
            self.where.setText(html.escape(NO_LOG.get(lang)))
        ltr = (lambda t: f"\u2066{t}\u2069") if lang == "ar" else (lambda t: t)  # dates read left to right
        self.reference = QLabel(REFERENCE.get(lang).format(when=ltr(when), kind=ltr(kind)))
        self.reference.setObjectName("crash_reference")
        self.reference.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.reference.setStyleSheet("color: palette(placeholder-text);")
        self.again = QLabel()
        self.again.setObjectName("crash_again")
        self.again.hide()
        for label in (self.headline, self.safe, self.where, self.reference, self.again):
            label.setWordWrap(True)

        text = QVBoxLayout()
        for label in (self.headline, self.safe, self.where, self.again, self.reference):
            text.addWidget(label)
        top = QHBoxLayout()
        top.addWidget(icon)
        top.addLayout(text, 1)

        buttons = QDialogButtonBox()
        self.open_button = QPushButton(OPEN_FOLDER.get(lang))
        self.open_button.setObjectName("crash_open_log")
        self.open_button.setEnabled(log_file is not None)
        self.open_button.clicked.connect(self.open_log_folder)
        self.continue_button = QPushButton(CONTINUE.get(lang))
        self.continue_button.setObjectName("crash_continue")
        self.continue_button.setDefault(True)
        self.continue_button.clicked.connect(self.accept)
        self.quit_button = QPushButton(QUIT.get(lang))
        self.quit_button.setObjectName("crash_quit")
        self.quit_button.clicked.connect(self._quit)
        buttons.addButton(self.open_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.quit_button, QDialogButtonBox.ButtonRole.RejectRole)
        buttons.addButton(self.continue_button, QDialogButtonBox.ButtonRole.AcceptRole)

        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(buttons)
        self.continue_button.setFocus()

    def open_log_folder(self) -> None:
        if self.log_file is not None:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.log_file.parent)))

    def repeated(self) -> None:
        self.occurrences += 1
        self.again.setText(AGAIN.get(self.lang).format(n=self.occurrences))
        self.again.show()

    def _quit(self) -> None:
        self.quit_requested = True
        self.reject()


class CrashHandler(QObject):
    """Installs the hooks; shows ``CrashDialog`` on the GUI thread (``caught`` is queued from other threads).

    ``log_file()`` gives the current log file (``None`` when there is none), ``lang()`` the window's language,
    ``window()`` the window to put the dialog over and to close when the person chooses to."""

    caught = Signal(str, str)
    """(exception class name, time) — emitted from any thread, handled on the GUI thread."""
    shown = Signal(object)
    """The dialog, once shown (tests)."""

    def __init__(self, log_file: Callable[[], Path | None], lang: Callable[[], str],
                 window: Callable[[], QWidget | None] = lambda: None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.log_file = log_file
        self.lang = lang
        self.window = window
        self.dialog: CrashDialog | None = None
        self._previous: tuple[Any, Any, Any] | None = None
        self.broken = False
        """The dialog itself failed: errors are still logged, no dialog is tried again (no loop)."""
        self.caught.connect(self._show, Qt.ConnectionType.QueuedConnection)

    # ----------------------------------------------------------------------------------- hooks
    def install(self) -> CrashHandler:
        if self._previous is None:
            previous_qt = qInstallMessageHandler(qt_message)
            self._previous = (sys.excepthook, threading.excepthook, previous_qt)
            sys.excepthook = self.excepthook
            threading.excepthook = self.thread_excepthook
        return self

    def uninstall(self) -> None:
        if self._previous is not None:
            if sys.excepthook == self.excepthook:
                sys.excepthook = self._previous[0]
            if threading.excepthook == self.thread_excepthook:
                threading.excepthook = self._previous[1]
            qInstallMessageHandler(self._previous[2])
            self._previous = None

    def excepthook(self, kind: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
        if issubclass(kind, KeyboardInterrupt | SystemExit):
            previous = self._previous[0] if self._previous else sys.__excepthook__
            previous(kind, exc, tb)
            return
        self._report(kind, exc, tb, threading.current_thread().name)

    def thread_excepthook(self, args: threading.ExceptHookArgs) -> None:
        if args.exc_type is SystemExit or args.exc_value is None:
            return
        thread = args.thread.name if args.thread is not None else "?"
        self._report(args.exc_type, args.exc_value, args.exc_traceback, thread)

    def _report(self, kind: type[BaseException], exc: BaseException, tb: TracebackType | None, thread: str) -> None:
        when = datetime.now().strftime("%Y-%m-%d %H:%M:%S")
        with contextlib.suppress(Exception):  # the log cannot be written: the dialog still says what happened
            log.critical("erreur non rattrapée (fil %s), référence %s", thread, when, exc_info=(kind, exc, tb))
        if self.broken:
            return
        with contextlib.suppress(RuntimeError):  # the handler's C++ object is gone (application closing)
            self.caught.emit(kind.__name__, when)

    # ---------------------------------------------------------------------------------- dialog
    def _show(self, kind: str, when: str) -> None:
        try:
            self._show_dialog(kind, when)
        except Exception:
            self.broken = True
            log.critical("la fenêtre d'erreur n'a pas pu être affichée", exc_info=True)

    def _show_dialog(self, kind: str, when: str) -> None:
        if self.dialog is not None and self.dialog.isVisible():
            self.dialog.repeated()
            return
        path = self.log_file()
        log_file = path if path is not None and path.exists() else None
        dialog = CrashDialog(self.lang(), log_file, kind, when, self.window())
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.finished.connect(lambda _result, d=dialog: self._closed(d))
        self.dialog = dialog
        dialog.open()
        self.shown.emit(dialog)

    def _closed(self, dialog: CrashDialog) -> None:
        if self.dialog is dialog:
            self.dialog = None
        if dialog.quit_requested:
            window = self.window()
            if window is not None:
                window.close()  # asks about unsaved entries, waits for running operations
            if window is None or not window.isVisible():
                QApplication.quit()


QT_LEVELS = {
    QtMsgType.QtCriticalMsg: logging.ERROR,
    QtMsgType.QtFatalMsg: logging.CRITICAL,
}


def qt_message(kind: QtMsgType, context: Any, message: str) -> None:
    """Qt's critical and fatal messages go to the log (a fatal one is flushed before Qt aborts); its warnings
    stay on stderr, as before."""
    level = QT_LEVELS.get(kind)
    category = getattr(context, "category", None) or "default"
    if level is None:
        if kind == QtMsgType.QtWarningMsg and sys.stderr is not None:
            with contextlib.suppress(Exception):
                print(message if category == "default" else f"{category}: {message}", file=sys.stderr)
        return
    where = f" ({context.file}:{context.line})" if getattr(context, "file", None) else ""
    log.log(level, "Qt %s : %s%s", category, message, where)
    if kind == QtMsgType.QtFatalMsg:
        for handler in logging.getLogger("kafaat").handlers:
            with contextlib.suppress(Exception):
                handler.flush()


def log_file_in(logs_dir: Path) -> Path:
    return logs_dir / LOG_FILE
