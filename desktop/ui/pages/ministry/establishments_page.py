"""Établissements: where each establishment stands (``sync.ministry.status``: late ones first, marked),
and for the one selected its chain of bundles, its refused records with their reasons, its receipts and
its keys with their fingerprints (``sync.ministry.chain_view``). Enrol, rotate, re-enrol and revoke are
here, each showing the fingerprint to be read aloud on the phone before anything changes
(``sync.ministry.registry``). Fingerprints and codes stay left to right inside Arabic text (Unicode
isolates)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from desktop.ui.files import remember, start_folder
from desktop.ui.pages.ministry import isolate
from desktop.ui.pages.ministry.base import MinistryPage
from forms.definitions import FORMS

LATE_BRUSH = QBrush(QColor("#fde2e1"))
LATE_COLOR = QColor("#b00020")


def _table(headers: list[str], name: str) -> QTableWidget:
    table = QTableWidget(0, len(headers))
    table.setObjectName(name)
    table.setHorizontalHeaderLabels(headers)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.verticalHeader().setVisible(False)
    table.horizontalHeader().setStretchLastSection(True)
    table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    table.setWordWrap(False)
    return table


class EstablishmentsPage(MinistryPage):
    def __init__(self, context: Any, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self.setObjectName("page_establishments")
        self.statuses: list[Any] = []
        self.view: Any = None
        self.loading = self.pending = False
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading("Établissements", "المؤسسات", "Establishments"))

        actions = QHBoxLayout()
        self.enroll_button = QPushButton(self.w("Enregistrer un établissement…", "تسجيل مؤسسة…",
                                                "Enrol an establishment…"))
        self.enroll_button.setObjectName("enroll")
        self.enroll_button.clicked.connect(lambda: self.enroll(replace=False))
        self.rotate_button = QPushButton(self.w("Rotation de clé…", "تدوير المفتاح…", "Key rotation…"))
        self.rotate_button.setObjectName("rotate")
        self.rotate_button.clicked.connect(self.rotate)
        self.reenroll_button = QPushButton(self.w("Réenregistrer (poste perdu)…", "إعادة التسجيل (جهاز مفقود)…",
                                                  "Re-enrol (lost PC)…"))
        self.reenroll_button.setObjectName("reenroll")
        self.reenroll_button.clicked.connect(lambda: self.enroll(replace=True))
        self.revoke_button = QPushButton(self.w("Révoquer la clé…", "إلغاء المفتاح…", "Revoke the key…"))
        self.revoke_button.setObjectName("revoke")
        self.revoke_button.clicked.connect(self.revoke)
        for button in (self.enroll_button, self.rotate_button, self.reenroll_button, self.revoke_button):
            actions.addWidget(button)
        actions.addStretch(1)
        self.search = QLineEdit()
        self.search.setObjectName("search")
        self.search.setPlaceholderText(self.w("Chercher (code, nom, région)", "بحث (الرمز، الاسم، الجهة)",
                                              "Search (code, name, region)"))
        self.search.textChanged.connect(self._filter)
        # as wide as its hint (« Chercher (code, … » was cut at the end of the buttons' row)
        self.search.setMinimumWidth(self.search.fontMetrics().horizontalAdvance(self.search.placeholderText()) + 24)
        actions.addWidget(self.search)
        layout.addLayout(actions)
        self.message = QLabel()
        self.message.setObjectName("message")
        self.message.setWordWrap(True)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.message)
        self.overview = QLabel()
        self.overview.setObjectName("overview")
        layout.addWidget(self.overview)

        splitter = QSplitter(Qt.Orientation.Vertical)
        self.table = _table([
            self.w("État", "الحالة", "State"), self.w("Code", "الرمز", "Code"), self.w("Nom", "الاسم", "Name"),
            self.w("Région", "الجهة", "Region"), self.w("Clé", "المفتاح", "Key"),
            self.w("Dernier lot", "آخر حزمة", "Last bundle"), self.w("Reçu le", "استلم في", "Received on"),
            *(form.plural.get(self.lang) for form in FORMS.values()),
            self.w("En attente", "في الانتظار", "Held"), self.w("Refusés", "المرفوضة", "Refused")], "status_table")
        for column, width in enumerate((110, 80, 260, 150, 80, 80, 130)):
            self.table.setColumnWidth(column, width)
        self.table.itemSelectionChanged.connect(self._selected)
        splitter.addWidget(self.table)

        self.detail = QTabWidget()
        self.detail.setObjectName("detail")
        self.bundles = _table([self.w("Chaîne", "السلسلة", "Chain"), self.w("N°", "الرقم", "No."),
                               self.w("État", "الحالة", "State"), self.w("Créé le", "أنشئ في", "Made on"),
                               self.w("Reçu le", "استلم في", "Received on"),
                               self.w("Acceptés", "المقبولة", "Accepted"), self.w("Refusés", "المرفوضة", "Refused"),
                               self.w("Fichier", "الملف", "File"), self.w("Motif", "السبب", "Reason")], "bundles")
        for column, width in enumerate((60, 50, 130, 135, 135, 80, 80, 190)):
            self.bundles.setColumnWidth(column, width)
        bundles_box = QWidget()
        bundles_layout = QVBoxLayout(bundles_box)
        bundles_layout.setContentsMargins(0, 0, 0, 0)
        bundles_layout.addWidget(self.bundles)
        receipt_row = QHBoxLayout()
        self.receipt_button = QPushButton(self.w("Écrire l'accusé de réception du lot choisi…",
                                                 "كتابة إشعار استلام الحزمة المختارة…",
                                                 "Write the receipt of the chosen bundle…"))
        self.receipt_button.setObjectName("write_receipt")
        self.receipt_button.clicked.connect(self.write_receipt)
        receipt_row.addWidget(self.receipt_button)
        receipt_row.addStretch(1)
        bundles_layout.addLayout(receipt_row)
        self.refused = _table([self.w("Lot n°", "الحزمة رقم", "Bundle no."), self.w("Formulaire", "الاستمارة", "Form"),
                               self.w("Identifiant", "المعرف", "Identifier"), self.w("Motifs", "الأسباب", "Reasons")],
                              "refused")
        self.keys = _table([self.w("État", "الحالة", "State"), self.w("Empreinte", "البصمة", "Fingerprint"),
                            self.w("Chaîne", "السلسلة", "Chain"), self.w("Enregistrée le", "سجلت في", "Enrolled on"),
                            self.w("Fin", "النهاية", "Ended"), self.w("Nom", "الاسم", "Name")], "keys")
        for column, width in enumerate((150, 330, 60, 135, 135)):
            self.keys.setColumnWidth(column, width)
        self.refused.setColumnWidth(2, 300)
        self.detail.addTab(bundles_box, self.w("Chaîne de lots et accusés", "سلسلة الحزم والإشعارات",
                                               "Bundle chain and receipts"))
        self.detail.addTab(self.refused, self.w("Enregistrements refusés", "التسجيلات المرفوضة", "Refused records"))
        self.detail.addTab(self.keys, self.w("Clés et empreintes", "المفاتيح والبصمات", "Keys and fingerprints"))
        splitter.addWidget(self.detail)
        splitter.setSizes([360, 240])
        layout.addWidget(splitter, 1)
        self.refresh()

    # ------------------------------------------------------------------------------------- loading
    def activated(self) -> None:
        if not self.statuses and not self.loading:
            self.refresh()

    def refresh(self) -> None:
        from sync.ministry.status import establishments_status

        if self.loading:  # asked again while reading (a consolidation just ended): read again once done
            self.pending = True
            return
        self.loading, self.pending = True, False
        workspace = self.context.workspace
        self.context.runner.run(lambda state: establishments_status(workspace),
                                title=self.w("Établissements", "المؤسسات", "Establishments"),
                                on_success=self.show_statuses, on_failure=self._failed, parent=self)

    def _failed(self, exc: BaseException) -> None:
        self.loading = self.pending = False
        self.context.runner.report(exc, self.w("Établissements", "المؤسسات", "Establishments"), self)

    def key_word(self, state: str | None) -> str:
        return {
            "active": self.w("active", "نشط", "active"), "rotated": self.w("remplacée (rotation)", "مستبدل (تدوير)",
                                                                         "rotated"),
            "replaced": self.w("remplacée (réenregistrement)", "مستبدل (إعادة تسجيل)", "replaced"),
            "revoked": self.w("révoquée", "ملغى", "revoked"),
        }.get(state or "", self.w("aucune", "لا يوجد", "none"))

    def state_word(self, state: str) -> str:
        return {
            "applied": self.w("appliqué", "مطبقة", "applied"), "held": self.w("en attente", "في الانتظار", "held"),
            "refused": self.w("refusé", "مرفوضة", "refused"), "fork": self.w("FOURCHE", "تفرع", "FORK"),
            "rollback": self.w("RETOUR EN ARRIÈRE", "رجوع إلى الوراء", "ROLLBACK"),
            "abandoned": self.w("abandonné (nouvelle chaîne)", "متروكة (سلسلة جديدة)", "abandoned (new chain)"),
        }.get(state, state)

    def show_statuses(self, statuses: list[Any]) -> None:
        from desktop.ui.i18n import format_timestamp
        from forms.reference import reference

        self.loading = False
        if self.pending:
            self.refresh()
        selected = self.selected_code() or self.context.selected_establishment
        self.statuses = statuses
        regions = reference("regions")
        region_codes = {regions.label(code): code for code in regions.codes}  # the status names it in French
        self.table.blockSignals(True)
        self.table.setRowCount(len(statuses))
        locale = self.locale()
        for row, s in enumerate(statuses):
            name = reference("establishments").label(s.code, self.lang) if s.name != s.code else s.name
            late = self.w("EN RETARD", "متأخرة", "LATE") if s.late else self.w("à jour", "محينة", "up to date")
            region = regions.label(region_codes[s.region], self.lang) if s.region in region_codes else s.region
            values = [late, isolate(s.code), name, region, self.key_word(s.key_state),
                      locale.toString(s.last_sequence) if s.last_sequence else "—",
                      format_timestamp(s.last_received_at) or "—",
                      *(locale.toString(s.records.get(k, 0)) for k in FORMS),
                      (self.w("n° {0} (attend n° {1})", "رقم {0} (تنتظر رقم {1})", "no. {0} (waits for no. {1})")
                       .format(", ".join(map(str, s.held)), s.waiting_for) if s.held else ""),
                      locale.toString(s.refused_records) if s.refused_records else ""]
            for column, value in enumerate(values):
                cell = QTableWidgetItem(value)
                cell.setData(Qt.ItemDataRole.UserRole, s.code)
                if s.late:
                    cell.setBackground(LATE_BRUSH)
                    if column == 0:
                        cell.setForeground(QBrush(LATE_COLOR))
                        font = QFont(cell.font())
                        font.setBold(True)
                        cell.setFont(font)
                if 5 <= column < 7 + len(FORMS) or column == len(values) - 1:
                    cell.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                self.table.setItem(row, column, cell)
        self.table.blockSignals(False)
        self._filter(self.search.text())
        late = sum(1 for s in statuses if s.late)
        overview = self.n(len(statuses), "{n} établissement|{n} établissements",
                          "لا مؤسسات|مؤسسة واحدة|مؤسستان|{n} مؤسسات|{n} مؤسسة|{n} مؤسسة",
                          "{n} establishment|{n} establishments")
        if late:
            overview += self.n(late, ", dont {n} en retard (rien reçu pendant la période de déclaration) : en tête "
                                     "de liste.",
                               "، المتأخرة منها: {n} (لم يصل منها شيء خلال فترة التصريح)، في أعلى القائمة.",
                               ", {n} late (nothing received within the reporting period): they come first.")
        else:
            overview += self.w(", aucun en retard.", "، لا توجد مؤسسة متأخرة.", ", none late.")
        self.overview.setText(overview)
        self.table.blockSignals(True)
        if selected:
            self.select(selected)
        elif statuses:
            self.table.setCurrentCell(0, 0)
        self.table.blockSignals(False)
        self._selected()  # the detail is read again even when the selected row stays the same

    def _filter(self, text: str) -> None:
        term = text.strip().casefold()
        for row in range(self.table.rowCount()):
            shown = not term or any(term in (self.table.item(row, c).text().casefold())
                                    for c in (1, 2, 3) if self.table.item(row, c))
            self.table.setRowHidden(row, not shown)

    def selected_code(self) -> str | None:
        items = self.table.selectedItems()
        return items[0].data(Qt.ItemDataRole.UserRole) if items else None

    def select(self, code: str) -> None:
        for row in range(self.table.rowCount()):
            if self.table.item(row, 0).data(Qt.ItemDataRole.UserRole) == code:
                self.table.setCurrentCell(row, 0)  # (``selectRow`` selected nothing in a right-to-left table)
                return

    def _selected(self) -> None:
        from sync.ministry.chain_view import establishment_view

        code = self.selected_code()
        if not code:
            return
        self.context.selected_establishment = code
        workspace = self.context.workspace
        self.context.runner.run(lambda state: establishment_view(workspace, code),
                                title=self.w("Établissement", "المؤسسة", "Establishment"),
                                on_success=self.show_view, parent=self)

    def show_view(self, view: Any) -> None:
        from desktop.ui.i18n import format_timestamp

        if view.code != self.selected_code():
            return
        self.view = view
        self.bundles.setRowCount(len(view.bundles))
        for row, b in enumerate(view.bundles):
            values = [str(b.chain), str(b.sequence), self.state_word(b.state), format_timestamp(b.created_at),
                      format_timestamp(b.received_at), str(b.accepted) if b.state == "applied" else "",
                      str(b.refused) if b.refused else "", isolate(b.file_name),
                      self.w("en attente du n° {0}", "في انتظار الحزمة رقم {0}", "waiting for no. {0}").format(
                          b.waiting_for) if b.waiting_for else self.french(b.reason)]
            for column, value in enumerate(values):
                cell = QTableWidgetItem(value)
                cell.setData(Qt.ItemDataRole.UserRole, (b.sequence, b.state, b.chain))
                if b.state in ("fork", "rollback", "refused"):
                    cell.setForeground(QBrush(LATE_COLOR))
                self.bundles.setItem(row, column, cell)
        self.refused.setRowCount(len(view.refused))
        for row, r in enumerate(view.refused):
            form = FORMS[r.form].label.get(self.lang) if r.form in FORMS else r.form
            for column, value in enumerate((str(r.sequence), form, isolate(r.record_id),
                                                  self.french(" ; ".join(r.reasons)))):
                self.refused.setItem(row, column, QTableWidgetItem(value))
        self.keys.setRowCount(len(view.keys))
        for row, k in enumerate(view.keys):
            values = (self.key_word(k.state), isolate(k.public.fingerprint), str(k.chain),
                      format_timestamp(k.enrolled_at), format_timestamp(k.ended_at), k.public.name)
            for column, value in enumerate(values):
                cell = QTableWidgetItem(value)
                if column == 1:
                    cell.setFont(QFont("monospace"))
                self.keys.setItem(row, column, cell)
        self.detail.setTabText(1, self.w("Enregistrements refusés ({0})", "التسجيلات المرفوضة ({0})",
                                         "Refused records ({0})").format(len(view.refused)))

    # -------------------------------------------------------------------------------------- actions
    def choose_file(self, title: str) -> Path | None:
        name, _ = QFileDialog.getOpenFileName(self, title, str(start_folder()),
                                              self.w("Demandes Kafaat (*.json);;Tous les fichiers (*)",
                                                     "طلبات كفاءات (*.json);;كل الملفات (*)",
                                                     "Kafaat requests (*.json);;All files (*)"))
        remember(name)
        return Path(name) if name else None

    def confirm(self, title: str, text: str) -> bool:
        answer = QMessageBox.question(self, title, text, QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                                      QMessageBox.StandardButton.No)
        return answer == QMessageBox.StandardButton.Yes

    def _read(self, path: Path) -> bytes | None:
        try:
            return path.read_bytes()
        except OSError as exc:
            self.context.runner.report(exc, path.name, self)
            return None

    def _write(self, fn: Any, title: str, done: str) -> None:
        def succeeded(_result: Any) -> None:
            self.message.setText(done)

        self.context.runner.run(lambda state: fn(), title=title, on_success=succeeded, changes_data=True, parent=self)

    def fingerprint_line(self, fingerprint: str) -> str:
        return self.w("Empreinte à lire au téléphone : {0}", "البصمة المراد قراءتها عبر الهاتف: {0}",
                      "Fingerprint to read aloud on the phone: {0}").format(isolate(fingerprint))

    def enroll(self, replace: bool = False) -> None:
        from sync.ministry.registry import enroll, read_enrollment

        title = (self.w("Réenregistrer un établissement", "إعادة تسجيل مؤسسة", "Re-enrol an establishment") if replace
                 else self.w("Enregistrer un établissement", "تسجيل مؤسسة", "Enrol an establishment"))
        path = self.choose_file(title)
        data = self._read(path) if path else None
        if data is None:
            return
        workspace = self.context.workspace
        try:
            public = read_enrollment(data, path.name, workspace)
        except Exception as exc:  # a refused file: said in French, nothing changed
            self.context.runner.report(exc, title, self)
            return
        text = self.w("Établissement {0} — {1}", "المؤسسة {0} — {1}", "Establishment {0} — {1}").format(
            isolate(public.code), public.name)
        text += "\n\n" + self.fingerprint_line(public.fingerprint) + "\n\n"
        text += (self.w("L'ancienne clé sera marquée remplacée et une nouvelle chaîne de lots commencera (n° 1). "
                        "Faites lire l'empreinte par l'établissement au téléphone. Continuer ?",
                        "سيُعلَّم المفتاح القديم كمستبدل وتبدأ سلسلة حزم جديدة (رقم 1). اطلب من المؤسسة قراءة البصمة "
                        "عبر الهاتف. متابعة؟",
                        "The old key will be marked replaced and a new chain of bundles will start (no. 1). Have "
                        "the establishment read the fingerprint on the phone. Continue?") if replace else
                 self.w("Faites lire l'empreinte par l'établissement au téléphone : elle doit être identique. "
                        "Enregistrer ?", "اطلب من المؤسسة قراءة البصمة عبر الهاتف: يجب أن تكون مطابقة. تسجيل؟",
                        "Have the establishment read the fingerprint on the phone: it must be the same. Enrol?"))
        if not self.confirm(title, text):
            return
        self.context.selected_establishment = public.code
        self._write(lambda: enroll(workspace, data, path.name, replace=replace), title,
                    self.w("{0} enregistré. ", "سُجلت {0}. ", "{0} enrolled. ").format(isolate(public.code))
                    + self.fingerprint_line(public.fingerprint))

    def rotate(self) -> None:
        from sync.ministry.registry import apply_rotation
        from sync.rotation import read_rotation

        title = self.w("Rotation de clé", "تدوير المفتاح", "Key rotation")
        path = self.choose_file(title)
        data = self._read(path) if path else None
        if data is None:
            return
        try:
            request = read_rotation(data, path.name)
        except Exception as exc:
            self.context.runner.report(exc, title, self)
            return
        text = self.w("Établissement {0} : nouvelle clé.", "المؤسسة {0}: مفتاح جديد.", "Establishment {0}: new key.") \
            .format(isolate(request.establishment))
        text += "\n\n" + self.fingerprint_line(request.new.fingerprint) + "\n\n" + self.w(
            "La chaîne de lots continue ; l'ancienne clé reste valable pour les lots déjà signés. Appliquer ?",
            "تستمر سلسلة الحزم؛ ويبقى المفتاح القديم صالحا للحزم الموقعة سابقا. تطبيق؟",
            "The chain of bundles goes on; the old key stays valid for bundles already signed. Apply?")
        if not self.confirm(title, text):
            return
        workspace = self.context.workspace
        self.context.selected_establishment = request.establishment
        self._write(lambda: apply_rotation(workspace, data, path.name), title,
                    self.w("Rotation appliquée. ", "طُبق التدوير. ", "Rotation applied. ")
                    + self.fingerprint_line(request.new.fingerprint))

    def revoke(self) -> None:
        from sync.ministry.registry import ACTIVE, revoke

        code = self.selected_code()
        title = self.w("Révoquer la clé", "إلغاء المفتاح", "Revoke the key")
        key = None
        if code and self.view is not None and self.view.code == code:
            key = next((k for k in self.view.keys if k.state == ACTIVE), None)
        if key is None:
            self.message.setText(self.w("Choisissez un établissement qui a une clé active.",
                                        "اختر مؤسسة لها مفتاح نشط.", "Choose an establishment with an active key."))
            return
        text = self.w("Révoquer la clé active de {0} ?", "إلغاء المفتاح النشط للمؤسسة {0}؟",
                      "Revoke the active key of {0}?").format(isolate(code))
        text += "\n\n" + self.fingerprint_line(key.public.fingerprint) + "\n\n" + self.w(
            "Les lots qu'elle signe seront refusés dès maintenant.", "ستُرفض الحزم التي يوقعها ابتداء من الآن.",
            "Bundles it signs will be refused from now on.")
        if not self.confirm(title, text):
            return
        workspace = self.context.workspace
        self._write(lambda: revoke(workspace, code), title,
                    self.w("Clé de {0} révoquée. ", "أُلغي مفتاح {0}. ", "Key of {0} revoked. ").format(isolate(code))
                    + self.fingerprint_line(key.public.fingerprint))

    def write_receipt(self) -> None:
        from sync.keys import load_identity
        from sync.ministry.acknowledgement import write_receipt
        from sync.ministry.store import national_store

        code = self.selected_code()
        items = self.bundles.selectedItems()
        title = self.w("Accusé de réception", "إشعار الاستلام", "Receipt")
        if not code or not items or items[0].data(Qt.ItemDataRole.UserRole)[1] != "applied" \
                or self.view is None or items[0].data(Qt.ItemDataRole.UserRole)[2] != self.view.current_chain:
            self.message.setText(self.w("Choisissez un lot appliqué de la chaîne en cours.",
                                        "اختر حزمة مطبقة من السلسلة الحالية.",
                                        "Choose an applied bundle of the current chain."))
            return
        sequence = items[0].data(Qt.ItemDataRole.UserRole)[0]
        folder = QFileDialog.getExistingDirectory(self, title, str(self.context.workspace.settings.get("receipts_dir")
                                                                  or start_folder()))
        if not folder:
            return
        secret, ok = QInputDialog.getText(self, title, self.w("Phrase de passe de la clé du ministère :",
                                                              "عبارة مرور مفتاح الوزارة:",
                                                              "Passphrase of the ministry's key:"),
                                          QLineEdit.EchoMode.Password)
        if not ok:
            return
        workspace = self.context.workspace

        def run(state: Any) -> Path:
            return write_receipt(national_store(workspace), load_identity(workspace, secret), code, sequence,
                                 Path(folder))

        self.context.runner.run(run, title=title, parent=self, on_success=lambda path: self.message.setText(
            self.w("Accusé écrit : {0}", "كُتب الإشعار: {0}", "Receipt written: {0}").format(isolate(str(path)))))
