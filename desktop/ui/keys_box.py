"""Clés et destinataires: what an administrator needs besides the export itself, without a terminal.

Create the establishment's keys when they are missing, write the enrolment request for the ministry
(with the fingerprint to read aloud on the phone), trust a ministry's public-key file after checking its
fingerprint, and import a ministry's signed receipt. Each action calls the same ``sync`` function as the
command line; slow ones (key derivation) run through the operation runner.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QFileDialog,
    QGroupBox,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.ui import files
from desktop.ui.context import AppContext
from desktop.ui.i18n import current_language, isolate, ltr
from forms.messages import localized

JSON_FILTER = "Fichiers Kafaat (*.json);;Tous les fichiers (*)"


class KeysBox(QGroupBox):
    """Keys, enrolment request, recipients and receipts of an establishment's data folder."""

    changed = Signal()
    """Keys, recipients or acknowledgements changed: the export overview should be recomputed."""

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Clés et destinataires"))
        self.setObjectName("keys_box")
        self.context = context
        layout = QVBoxLayout(self)
        self.status = QLabel()
        self.status.setObjectName("keys_status")
        self.status.setWordWrap(True)
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.status)
        row = QHBoxLayout()
        self.create_button = self._button(row, "create_keys", self.tr("Créer les clés…"), self.create_keys)
        self.request_button = self._button(row, "enrollment_request", self.tr("Demande d'enregistrement…"),
                                           self.write_request)
        self.recipient_button = self._button(row, "add_recipient", self.tr("Ajouter un ministère destinataire…"),
                                             self.add_recipient)
        self.receipt_button = self._button(row, "import_receipt", self.tr("Importer un accusé de réception…"),
                                           self.import_receipt)
        row.addStretch(1)
        layout.addLayout(row)
        self.update_status()

    def _button(self, row: QHBoxLayout, name: str, text: str, slot: Any) -> QPushButton:
        button = QPushButton(text)
        button.setObjectName(name)
        button.clicked.connect(slot)
        row.addWidget(button)
        return button

    # ----------------------------------------------------------------------------------------- state
    def update_status(self) -> None:
        from sync.keys import has_keys, load_public
        from sync.recipients import list_recipients

        workspace = self.context.workspace
        lines: list[str] = []
        ready = has_keys(workspace)
        if ready:
            try:
                fingerprint = ltr(load_public(workspace).fingerprint)
                lines.append(self.tr("Empreinte de l'établissement : {fp}").format(fp=fingerprint))
            except Exception as exc:  # a damaged public file is said, not hidden
                lines.append(localized(exc, current_language(), bidi=True))
        else:
            lines.append(self.tr("Les clés de l'établissement n'existent pas encore : créez-les pour pouvoir "
                                 "exporter."))
        try:
            recipients = list_recipients(workspace)
        except Exception as exc:
            recipients = []
            lines.append(localized(exc, current_language(), bidi=True))
        if recipients:
            lines.append(self.tr("Ministères destinataires : {names}").format(
                names=", ".join(f"{ltr(r.code)} ({ltr(r.fingerprint)})" for r in recipients)))
        else:
            lines.append(self.tr("Aucun ministère destinataire : ajoutez le fichier de clé publique reçu du "
                                 "ministère."))
        self.status.setText("\n".join(lines))
        self.create_button.setVisible(not ready)
        self.request_button.setEnabled(ready)

    def _changed(self) -> None:
        self.update_status()
        self.changed.emit()

    def _refused(self, exc: BaseException) -> None:
        QMessageBox.warning(self, self.tr("Kafaat"), localized(exc, current_language(), bidi=True))

    # --------------------------------------------------------------------------------------- actions
    def _ask_passphrase(self, label: str) -> str | None:
        text, ok = QInputDialog.getText(self, self.tr("Phrase de passe"), label, QLineEdit.EchoMode.Password)
        return text if ok else None

    def create_keys(self) -> None:
        from sync.keys import MIN_PASSPHRASE, create_keys

        first = self._ask_passphrase(self.tr("Choisissez la phrase de passe des clés ({n} caractères au moins) :")
                                     .format(n=MIN_PASSPHRASE))
        if first is None:
            return
        again = self._ask_passphrase(self.tr("Saisissez-la une seconde fois :"))
        if again is None:
            return
        if again != first:
            QMessageBox.warning(self, self.tr("Kafaat"), self.tr("Les deux phrases de passe diffèrent : aucune clé "
                                                                 "n'a été créée."))
            return
        workspace = self.context.workspace

        def done(public: Any) -> None:
            self._changed()
            QMessageBox.information(self, self.tr("Kafaat"), self.tr(
                "Clés créées. Empreinte à communiquer au ministère : {fp}").format(fp=ltr(public.fingerprint)))

        self.context.runner.run(lambda _state: create_keys(workspace, first), title=self.tr("Création des clés"),
                                on_success=done, on_failure=self._refused, parent=self)

    def write_request(self) -> None:
        from forms.atomic import write_atomic
        from sync.keys import load_public, public_path

        workspace = self.context.workspace
        suggested = files.proposed(self.tr("demande"), workspace.establishment, suffix=".json")
        name, _ = QFileDialog.getSaveFileName(self, self.tr("Demande d'enregistrement"), suggested,
                                              self.tr("Fichiers Kafaat (*.json);;Tous les fichiers (*)"))
        if not name:
            return
        files.remember(name)
        try:
            public = load_public(workspace)
            write_atomic(Path(name), public_path(workspace).read_bytes())
        except Exception as exc:
            self._refused(exc)
            return
        QMessageBox.information(self, self.tr("Kafaat"), self.tr(
            "Demande écrite : {path}\nEnvoyez-la au ministère et communiquez-lui par téléphone l'empreinte : {fp}"
        ).format(path=ltr(name), fp=ltr(public.fingerprint)))

    def add_recipient(self) -> None:
        from sync.recipients import add_recipient, read_recipient_file

        # a ministry's key comes as « ministere-MIC.pub » or « ….pub.json »: both are shown
        name, _ = QFileDialog.getOpenFileName(self, self.tr("Clé publique du ministère"),
                                              str(files.start_folder()),
                                              self.tr("Clés publiques (*.pub *.pub.json *.json);;Tous les fichiers (*)"))
        if not name:
            return
        files.remember(name)
        try:
            public, data = read_recipient_file(Path(name))
        except Exception as exc:
            self._refused(exc)
            return
        answer = QMessageBox.question(self, self.tr("Vérifier l'empreinte"), self.tr(
            "Clé de {name} ({code}).\nEmpreinte : {fp}\n\nVérifiez cette empreinte avec le ministère (par "
            "téléphone) avant de l'accepter. Faire confiance à cette clé ?").format(
            name=isolate(public.name), code=ltr(public.code), fp=ltr(public.fingerprint)),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No)  # trusting a key is never what Entrée does by default
        if answer != QMessageBox.StandardButton.Yes:
            return
        try:
            added = add_recipient(self.context.workspace, public, data)
        except Exception as exc:
            self._refused(exc)
            return
        self._changed()
        if not added:
            QMessageBox.information(self, self.tr("Kafaat"), self.tr(
                "{code} était déjà un destinataire avec cette clé : rien n'a changé.").format(code=public.code))

    def import_receipt(self) -> None:
        from sync.encoding import read_limited
        from sync.errors import ReceiptRefused
        from sync.keys import DOCUMENT_MAX_BYTES
        from sync.outbox import import_receipt

        name, _ = QFileDialog.getOpenFileName(self, self.tr("Accusé de réception"), str(files.start_folder()),
                                              self.tr("Fichiers Kafaat (*.json);;Tous les fichiers (*)"))
        if not name:
            return
        files.remember(name)
        try:
            data = read_limited(Path(name), DOCUMENT_MAX_BYTES, name, ReceiptRefused)
            entry = import_receipt(self.context.workspace, data, Path(name).name)
        except Exception as exc:
            self._refused(exc)
            return
        self.update_status()
        self.context.runner.data_changed.emit()  # the outbox and the status bar's acknowledgement date
        QMessageBox.information(self, self.tr("Kafaat"), self.tr(
            "Accusé de réception vérifié : le lot n° {n} est marqué comme reçu.").format(n=entry.sequence))
