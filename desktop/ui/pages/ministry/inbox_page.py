"""Boîte de réception: bundle files dropped on the page or picked (files, or a folder such as a USB key).
Before anything is decrypted each file shows its establishment, its number and what consolidation will
do with it (``sync.ministry.inbox.preview``: new, duplicate, waiting for n° k, fork…). « Consolider »
runs ``sync.ministry.consolidation.consolidate`` off the GUI thread with progress and cancel; the outcome
of each bundle fills the last column and the signed receipts go to the folder the analyst chose."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.ui.files import remember, start_folder
from desktop.ui.pages.ministry import isolate
from desktop.ui.pages.ministry.base import MinistryPage
from forms.i18n import comma
from forms.reference import reference

FILES = ("{n} fichier|{n} fichiers", "لا ملفات|ملف واحد|ملفان|{n} ملفات|{n} ملفًا|{n} ملف", "{n} file|{n} files")
COLUMNS = ("file", "establishment", "sequence", "created", "forecast", "outcome")
OK, NOTE, BAD = QColor("#1d7a3a"), QColor("#9a5000"), QColor("#b00020")


class InboxPage(MinistryPage):
    def __init__(self, context: Any, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self.setObjectName("page_inbox")
        self.setAcceptDrops(True)
        self.paths: list[Path] = []
        self.previews: list[Any] = []
        self.report: Any = None
        self.running = False
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading(
            "Boîte de réception", "صندوق الوارد", "Inbox",
            ("Déposez ici les fichiers de lots (.kfb) reçus par clé USB ou par courriel, ou choisissez-les. "
             "Avant tout déchiffrement, chaque fichier dit de quel établissement il vient, son numéro et ce "
             "que la consolidation en fera.",
             "اسحب هنا ملفات الحزم (‎.kfb‎) المستلمة عبر مفتاح USB أو البريد الإلكتروني، أو اخترها. قبل أي فك "
             "للتشفير، يبين كل ملف المؤسسة المرسلة ورقمه وما ستفعله به عملية التجميع.",
             "Drop here the bundle files (.kfb) received on USB keys or by e-mail, or pick them. Before anything "
             "is decrypted, each file shows its establishment, its number and what consolidation will do.")))

        buttons = QHBoxLayout()
        self.add_files_button = QPushButton(self.w("Ajouter des fichiers…", "إضافة ملفات…", "Add files…"))
        self.add_files_button.setObjectName("add_files")
        self.add_files_button.clicked.connect(self.pick_files)
        self.add_folder_button = QPushButton(self.w("Ajouter un dossier (clé USB)…", "إضافة مجلد (مفتاح USB)…",
                                                    "Add a folder (USB key)…"))
        self.add_folder_button.setObjectName("add_folder")
        self.add_folder_button.clicked.connect(self.pick_folder)
        self.clear_button = QPushButton(self.w("Vider la liste", "إفراغ القائمة", "Clear the list"))
        self.clear_button.setObjectName("clear")
        self.clear_button.clicked.connect(self.clear)
        for button in (self.add_files_button, self.add_folder_button, self.clear_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout.addLayout(buttons)

        self.table = QTableWidget(0, len(COLUMNS))
        self.table.setObjectName("inbox_table")
        self.table.setHorizontalHeaderLabels([
            self.w("Fichier", "الملف", "File"), self.w("Établissement", "المؤسسة", "Establishment"),
            self.w("N°", "الرقم", "No."), self.w("Créé le", "أنشئ في", "Made on"),
            self.w("Ce qui se passera", "ما سيحدث", "What will happen"),
            self.w("Résultat", "النتيجة", "Outcome")])
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        for column, width in enumerate((175, 210, 40, 125, 250)):
            self.table.setColumnWidth(column, width)
        self.table.setWordWrap(False)
        layout.addWidget(self.table, 1)
        self.forecast = QLabel(self.w("Aucun fichier pour l'instant.", "لا توجد ملفات بعد.", "No file yet."))
        self.forecast.setObjectName("forecast")
        self.forecast.setWordWrap(True)
        layout.addWidget(self.forecast)

        box = QGroupBox(self.w("Consolidation", "التجميع", "Consolidation"))
        form = QFormLayout(box)
        self.passphrase = QLineEdit()
        self.passphrase.setObjectName("passphrase")
        self.passphrase.setEchoMode(QLineEdit.EchoMode.Password)
        self.passphrase.setPlaceholderText(self.w("Phrase de passe de la clé du ministère",
                                                  "عبارة مرور مفتاح الوزارة", "Passphrase of the ministry's key"))
        form.addRow(self.w("Phrase de passe", "عبارة المرور", "Passphrase"), self.passphrase)
        self.passphrase.returnPressed.connect(lambda: self.consolidate())
        receipts_row = QHBoxLayout()
        self.receipts = QLineEdit(str(context.workspace.settings.get("receipts_dir") or ""))
        self.receipts.setObjectName("receipts_dir")
        self.receipts.setPlaceholderText(self.w("Dossier où écrire les accusés de réception à renvoyer",
                                                "المجلد الذي تكتب فيه إشعارات الاستلام المراد إرسالها",
                                                "Folder for the receipts to send back"))
        choose = QPushButton(self.w("Choisir…", "اختيار…", "Choose…"))
        choose.setObjectName("choose_receipts")
        choose.clicked.connect(self.pick_receipts_folder)
        receipts_row.addWidget(self.receipts, 1)
        receipts_row.addWidget(choose)
        form.addRow(self.w("Accusés de réception", "إشعارات الاستلام", "Receipts"), receipts_row)
        self.consolidate_button = QPushButton(self.w("Consolider", "تجميع", "Consolidate"))
        self.consolidate_button.setObjectName("consolidate")
        self.consolidate_button.setDefault(True)
        self.consolidate_button.clicked.connect(self.consolidate)
        form.addRow("", self.consolidate_button)
        layout.addWidget(box)
        self.summary = QLabel()
        self.summary.setObjectName("summary")
        self.summary.setWordWrap(True)
        self.summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.summary)
        self._update_buttons()

    # ------------------------------------------------------------------------------------ adding files
    def dragEnterEvent(self, event: Any) -> None:
        if event.mimeData().hasUrls():
            event.acceptProposedAction()

    def dropEvent(self, event: Any) -> None:
        paths = [Path(url.toLocalFile()) for url in event.mimeData().urls() if url.isLocalFile()]
        if paths:
            event.acceptProposedAction()
            self.add_paths(paths)

    def pick_files(self) -> None:
        names, _ = QFileDialog.getOpenFileNames(self, self.w("Fichiers de lots", "ملفات الحزم", "Bundle files"),
                                                str(start_folder()),
                                                self.w("Lots Kafaat (*.kfb)", "حزم كفاءات (*.kfb)",
                                                       "Kafaat bundles (*.kfb)"))
        if names:
            remember(names[0])
            self.add_paths([Path(n) for n in names])

    def pick_folder(self) -> None:
        name = QFileDialog.getExistingDirectory(self, self.w("Dossier de lots", "مجلد الحزم", "Folder of bundles"),
                                                str(start_folder()))
        if name:
            remember(name)
            self.add_paths([Path(name)])

    def pick_receipts_folder(self) -> None:
        name = QFileDialog.getExistingDirectory(self, self.w("Dossier des accusés", "مجلد الإشعارات", "Receipts folder"),
                                                self.receipts.text() or str(start_folder()))
        if name:
            self.receipts.setText(name)

    def add_paths(self, paths: list[Path]) -> None:
        for path in paths:
            if path not in self.paths:
                self.paths.append(path)
        self.report = None
        self.summary.clear()
        self._preview()

    def clear(self) -> None:
        self.paths, self.previews, self.report = [], [], None
        self.table.setRowCount(0)
        self.summary.clear()
        self.forecast.setText(self.w("Aucun fichier pour l'instant.", "لا توجد ملفات بعد.", "No file yet."))
        self._update_buttons()

    # ------------------------------------------------------------------------------------- forecast
    def _preview(self) -> None:
        from sync.ministry.inbox import preview

        workspace, paths = self.context.workspace, list(self.paths)
        self.forecast.setText(self.w("Lecture des en-têtes…", "قراءة الترويسات…", "Reading the headers…"))
        self.context.runner.run(lambda state: preview(workspace, paths),
                                title=self.w("Lecture des lots", "قراءة الحزم", "Reading bundles"),
                                on_success=self.show_previews, parent=self)

    def refresh(self) -> None:
        if self.paths and not self.running and self.report is None:
            self._preview()

    def show_previews(self, previews: list[Any]) -> None:
        from sync.ministry.inbox import summary

        self.previews = previews
        self.table.setRowCount(len(previews))
        for row, item in enumerate(previews):
            self._set(row, 0, isolate(Path(item.file).name), tooltip=item.file)
            if item.establishment:
                name = reference("establishments").label(item.establishment, self.lang)
                self._set(row, 1, f"{name} ({isolate(item.establishment)})" if name != item.establishment
                          else isolate(item.establishment))
                self._set(row, 2, self.locale().toString(item.sequence))
                self._set(row, 3, _stamp(item.created_at))
            else:
                for column in (1, 2, 3):
                    self._set(row, column, "")
            text, color = self.forecast_text(item)
            self._set(row, 4, text, color=color, tooltip=item.reason)
            self._set(row, 5, "")
        counts = summary(previews)
        colon = " : " if self.lang == "fr" else ": "
        parts = [f"{self.action_word(action)}{colon}{self.locale().toString(n)}" for action, n in counts.items() if n]
        self.forecast.setText(self.n(len(previews), *FILES) + " — " + " · ".join(parts))
        self._update_buttons()

    def action_word(self, action: str) -> str:
        return {
            "new": self.w("nouveau", "جديد", "new"),
            "duplicate": self.w("doublon", "مكرر", "duplicate"),
            "already_held": self.w("déjà en attente", "في الانتظار مسبقا", "already held"),
            "waiting": self.w("en attente", "في الانتظار", "waiting"),
            "fork": self.w("fourche", "تفرع", "fork"),
            "rollback": self.w("retour en arrière", "رجوع إلى الوراء", "rollback"),
            "unreadable": self.w("illisible", "غير مقروء", "unreadable"),
            "not_enrolled": self.w("non enregistré", "غير مسجل", "not enrolled"),
        }.get(action, action)

    def forecast_text(self, item: Any) -> tuple[str, QColor]:
        action = item.action
        if action == "new":
            return self.w("Nouveau : sera appliqué", "جديد: سيطبق", "New: will be applied"), OK
        if action == "duplicate":
            return self.w("Doublon : déjà consolidé, rien à faire", "مكرر: سبق تجميعه، لا شيء للقيام به",
                          "Duplicate: already consolidated, nothing to do"), NOTE
        if action == "already_held":
            return self.w("Déjà en attente d'un lot manquant", "في انتظار حزمة ناقصة مسبقا",
                          "Already held for a missing bundle"), NOTE
        if action == "waiting":
            return self.w("En attente du n° {0}", "في انتظار الحزمة رقم {0}", "Waiting for no. {0}").format(
                item.waiting_for), NOTE
        if action in ("fork", "rollback"):
            kind = self.action_word(action).upper()
            return self.w("Refusé — incident de sécurité ({0})", "مرفوض — حادث أمني ({0})",
                          "Refused — security incident ({0})").format(kind), BAD
        if action == "not_enrolled":
            return self.w("Refusé : établissement sans clé active", "مرفوض: مؤسسة بدون مفتاح نشط",
                          "Refused: establishment without an active key"), BAD
        return self.w("Illisible : {0}", "غير مقروء: {0}", "Unreadable: {0}").format(
            self.reason(item.reason, item.reason_text)), BAD

    def _make_room_for_outcomes(self) -> None:
        """Once consolidated, the outcome (« Appliqué : 16 acceptés sur 16 ») matters more than the forecast made
        before: the forecast column gives the outcome (the last column, which takes what is left) the width it
        needs, down to a width where its own start stays readable."""
        table = self.table
        needed = table.sizeHintForColumn(5)
        others = sum(table.columnWidth(c) for c in range(4))
        spare = table.viewport().width() - others - table.columnWidth(4)
        if needed > spare:
            table.setColumnWidth(4, max(120, table.columnWidth(4) - (needed - spare)))

    def _set(self, row: int, column: int, text: str, *, color: QColor | None = None, tooltip: str = "") -> None:
        cell = QTableWidgetItem(text)
        if color is not None:
            cell.setForeground(QBrush(color))
        if tooltip:
            cell.setToolTip(tooltip)
        self.table.setItem(row, column, cell)

    # --------------------------------------------------------------------------------- consolidation
    def _update_buttons(self) -> None:
        self.consolidate_button.setEnabled(bool(self.paths) and not self.running)
        self.clear_button.setEnabled(bool(self.paths) and not self.running)

    def consolidate(self) -> None:
        from sync.keys import load_identity
        from sync.ministry.consolidation import consolidate

        if not self.paths or self.running:
            return
        if not self.passphrase.text():  # said here, in the window's language, before any key is opened
            self.summary.setText(self.w("Tapez d'abord la phrase de passe de la clé du ministère.",
                                        "اكتب أولا عبارة مرور مفتاح الوزارة.",
                                        "First type the passphrase of the ministry's key."))
            self.passphrase.setFocus()
            return
        workspace, paths, secret = self.context.workspace, list(self.paths), self.passphrase.text()
        receipts = Path(self.receipts.text().strip()) if self.receipts.text().strip() else None
        if receipts is not None:
            workspace.update_settings(receipts_dir=str(receipts))

        def run(state: Any) -> Any:
            identity = load_identity(workspace, secret)
            if receipts is not None:
                receipts.mkdir(parents=True, exist_ok=True)
            return consolidate(workspace, identity, paths, receipts, state=state)

        self.running = True
        self._update_buttons()
        self.summary.setText(self.w("Consolidation en cours…", "التجميع جارٍ…", "Consolidating…"))
        self.context.runner.run(run, title=self.w("Consolidation", "التجميع", "Consolidation"),
                                on_success=self.show_report, on_failure=self._failed,
                                on_cancelled=self._cancelled, changes_data=True, progress=True, parent=self)

    def _failed(self, exc: BaseException) -> None:
        self.running = False
        self._update_buttons()
        self.summary.clear()
        self.context.runner.report(exc, self.w("Consolidation", "التجميع", "Consolidation"), self)

    def _cancelled(self) -> None:
        self.running = False
        self._update_buttons()
        self.summary.setText(self.w("Consolidation annulée : les lots déjà appliqués le restent, les autres n'ont "
                                    "pas été touchés.", "أُلغي التجميع: تبقى الحزم المطبقة، ولم تُمس الأخرى.",
                                    "Consolidation cancelled: bundles already applied stay applied, the others "
                                    "were not touched."))

    def outcome_text(self, outcome: Any) -> tuple[str, QColor]:
        state = outcome.state
        if state == "applied":
            text = self.n(outcome.accepted_total, "Appliqué : {n} accepté sur {t}|Appliqué : {n} acceptés sur {t}",
                          "طُبقت: {n} مقبول من {t}|طُبقت: {n} مقبول من {t}|طُبقت: {n} مقبولان من {t}|"
                          "طُبقت: {n} مقبولة من {t}|طُبقت: {n} مقبولًا من {t}|طُبقت: {n} مقبول من {t}",
                          "Applied: {n} accepted of {t}|Applied: {n} accepted of {t}").replace(
                "{t}", self.locale().toString(int(outcome.total)))
            if outcome.refused_total:
                text += self.n(outcome.refused_total, ", {n} refusé|, {n} refusés",
                               "، {n} مرفوض|، {n} مرفوض|، {n} مرفوضان|، {n} مرفوضة|، {n} مرفوضًا|، {n} مرفوض",
                               ", {n} refused|, {n} refused")
            if outcome.applied_later:
                text += self.w(" (était en attente)", " (كانت في الانتظار)", " (was held)")
            return text, NOTE if outcome.refused_total else OK
        if state == "duplicate":
            return self.w("Doublon : rien à faire", "مكرر: لا شيء للقيام به", "Duplicate: nothing to do"), NOTE
        if state in ("held", "already_held"):
            return self.w("En attente du n° {0}", "في انتظار الحزمة رقم {0}", "Waiting for no. {0}").format(
                outcome.waiting_for), NOTE
        if state in ("fork", "rollback"):
            return self.w("REFUSÉ — incident de sécurité : {0}", "مرفوض — حادث أمني: {0}",
                          "REFUSED — security incident: {0}").format(self.reason(outcome.reason, outcome.reason_text)), BAD
        return self.w("Refusé : {0}", "مرفوض: {0}", "Refused: {0}").format(
            self.reason(outcome.reason, outcome.reason_text)), BAD

    def consolidation_line(self, bundles: int, s: dict[str, int]) -> str:
        """« 3 lots : 2 appliqués, 1 doublon, 0 en attente, 0 refusé, 0 incident de sécurité ; 120 enregistrements
        acceptés, 0 refusé. », each count in its plural form."""
        colon = " : " if self.lang == "fr" else ": "
        sep = comma(self.lang)
        head = self.n(bundles, "{n} lot|{n} lots", "لا حزم|حزمة واحدة|حزمتان|{n} حزم|{n} حزمة|{n} حزمة",
                      "{n} bundle|{n} bundles")
        outcomes = sep.join((
            self.n(s["applied"], "{n} appliqué|{n} appliqués", "المطبقة: {n}", "{n} applied"),
            self.n(s["duplicate"], "{n} doublon|{n} doublons", "المكررة: {n}", "{n} duplicate|{n} duplicates"),
            self.n(s["held"] + s["already_held"], "{n} en attente", "في الانتظار: {n}", "{n} held"),
            self.n(s["refused"], "{n} refusé|{n} refusés", "المرفوضة: {n}", "{n} refused"),
            self.n(s["fork"] + s["rollback"], "{n} incident de sécurité|{n} incidents de sécurité",
                   "الحوادث الأمنية: {n}", "{n} security incident|{n} security incidents")))
        records = sep.join((
            self.n(s["records_accepted"], "{n} enregistrement accepté|{n} enregistrements acceptés",
                   "التسجيلات المقبولة: {n}", "{n} record accepted|{n} records accepted"),
            self.n(s["records_refused"], "{n} refusé|{n} refusés", "المرفوضة: {n}", "{n} refused")))
        semi = "؛ " if self.lang == "ar" else " ; " if self.lang == "fr" else "; "
        return f"{head}{colon}{outcomes}{semi}{records}."

    def show_report(self, report: Any) -> None:
        """The outcome of each bundle in its row, and the run's summary (with the receipts that could not be
        written, if any: the bundles are consolidated all the same)."""
        self.running = False
        self.report = report
        self.passphrase.clear()  # not kept in the window longer than the consolidation needs it
        rows = {item.bundle_hash: row for row, item in enumerate(self.previews) if item.bundle_hash}
        files = {item.file: row for row, item in enumerate(self.previews)}
        for outcome in report.outcomes:
            row = rows.get(outcome.bundle_hash, files.get(outcome.file))
            if row is None:
                row = self.table.rowCount()
                self.table.insertRow(row)
                self._set(row, 0, isolate(Path(outcome.file).name), tooltip=outcome.file)
                self._set(row, 1, isolate(outcome.establishment or ""))
                self._set(row, 2, str(outcome.sequence or ""))
                self._set(row, 4, "")
            text, color = self.outcome_text(outcome)
            self._set(row, 5, text, color=color, tooltip="\n".join(
                [outcome.line(self.lang), *(f"{r['form']} {r['id']} : {'; '.join(r.get('reasons', []))}"
                                   for r in outcome.refused_records[:20])]))
        self._make_room_for_outcomes()
        s = report.summary()
        text = self.consolidation_line(len(report.outcomes), s)
        receipts = [o.receipt for o in report.outcomes if o.receipt]
        if receipts:
            text += " " + self.w("Accusés écrits dans {0} : {1}.", "كُتبت الإشعارات في {0}: {1}.",
                                 "Receipts written to {0}: {1}.").format(
                isolate(str(Path(receipts[0]).parent)), len(receipts))
        if report.receipts_unwritten is not None:
            folder, reason = report.receipts_unwritten
            text += " " + self.w(
                "Les accusés de réception n'ont pas tous pu être écrits dans {0} ({1}) : les lots sont bien "
                "consolidés ; libérez de la place, puis écrivez chaque accusé manquant depuis la page "
                "« Établissements » (« Écrire l'accusé de réception du lot choisi… »).",
                "تعذّرت كتابة كل إشعارات الاستلام في {0} ({1}): الحزم موحَّدة فعلا؛ حرّروا مساحة ثم اكتبوا كل إشعار "
                "ناقص من صفحة « المؤسسات » (« كتابة إشعار استلام الحزمة المختارة… »).",
                "Not every receipt could be written into {0} ({1}): the bundles are consolidated; free some space, "
                "then write each missing receipt from the « Establishments » page (« Write the receipt of the "
                "chosen bundle… »).").format(isolate(str(folder)), reason)
        self.summary.setText(text)
        self._update_buttons()


def _stamp(value: str | None) -> str:
    from desktop.ui.i18n import format_timestamp

    return format_timestamp(value) if value else ""
