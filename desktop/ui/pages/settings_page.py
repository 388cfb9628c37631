"""Paramètres: language of the window (French, Arabic right to left, English: applied at once, no
reinstall), the operator's name written in the audit log, where the data folder is, and the care of the
data: a backup now, a restore (confirmed, the current database kept aside, refused while another writer
works) and the change of the keys' passphrase — the command line's own functions (``forms.backup``,
``sync.keys.change_passphrase``), run off the GUI thread."""

from __future__ import annotations

from functools import partial
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.ui.context import AppContext
from desktop.ui.i18n import ltr
from desktop.ui.pages import settings_parts as parts
from desktop.ui.pages.base import Page
from forms.reference import reference


class SettingsPage(Page):
    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self.setObjectName("page_settings")
        workspace = context.workspace
        layout = QVBoxLayout(self)
        title = self.tr("Paramètres")
        layout.addWidget(QLabel(f"<h2>{title}</h2>"))

        parts.language_box(self, layout, self.tr("Présentation"), self.tr("Langue de l'application"))

        box = QGroupBox(self.tr("Saisie"))
        parts.operator_row(self, QFormLayout(box), self.tr("Opérateur (inscrit dans l'historique)"),
                     self.tr("Prénom et nom de la personne qui saisit"))
        layout.addWidget(box)

        box = QGroupBox(self.tr("Établissement et données"))
        form = QFormLayout(box)
        establishment = reference("establishments").label(workspace.establishment, self.lang)
        form.addRow(self.tr("Établissement"), QLabel(f"{establishment} ({ltr(workspace.establishment)})"))
        parts.folder_and_version_rows(form, self.tr("Dossier de données"), ltr(str(workspace.root)), self.tr("Version"),
                                ((self.tr("Journal"), ltr(str(workspace.logs_dir / "kafaat.log"))),))
        layout.addWidget(box)

        box = QGroupBox(self.tr("Sauvegarde et restauration"))
        box.setObjectName("backup_box")
        care = QVBoxLayout(box)
        hint = QLabel(self.tr("Une sauvegarde est une copie complète et vérifiée de la base, écrite dans le "
                              "dossier « backups » des données (ou là où vous le choisissez : une clé USB…)."))
        hint.setWordWrap(True)
        care.addWidget(hint)
        row = QHBoxLayout()
        self.backup_button = QPushButton(self.tr("Sauvegarder maintenant"))
        self.backup_button.setObjectName("backup")
        self.backup_button.clicked.connect(lambda: self.backup_to(None))
        self.backup_as_button = QPushButton(self.tr("Sauvegarder sous…"))
        self.backup_as_button.setObjectName("backup_as")
        self.backup_as_button.clicked.connect(self.choose_backup_file)
        self.restore_button = QPushButton(self.tr("Restaurer une sauvegarde…"))
        self.restore_button.setObjectName("restore")
        self.restore_button.clicked.connect(self.choose_restore_file)
        for button in (self.backup_button, self.backup_as_button, self.restore_button):
            row.addWidget(button)
        row.addStretch(1)
        care.addLayout(row)
        self.daily_backup: QCheckBox | None = None
        if _daily_backups_available():
            self.daily_backup = QCheckBox(self.tr("Sauvegarde automatique chaque jour (7 jours et 4 semaines "
                                                  "gardés)"))
            self.daily_backup.setObjectName("daily_backup")
            from desktop.daily_backups import enabled

            self.daily_backup.setChecked(enabled(workspace))
            care.addWidget(self.daily_backup)
        layout.addWidget(box)

        box = QGroupBox(self.tr("Clés de l'établissement"))
        keys = QHBoxLayout(box)
        self.passphrase_button = QPushButton(self.tr("Changer la phrase de passe…"))
        self.passphrase_button.setObjectName("change_passphrase")
        self.passphrase_button.clicked.connect(self.change_passphrase)
        keys.addWidget(self.passphrase_button)
        self.keys_hint = QLabel()
        self.keys_hint.setWordWrap(True)
        keys.addWidget(self.keys_hint, 1)
        layout.addWidget(box)
        self._update_keys_hint()

        parts.apply_row(self, layout, self.tr("Appliquer"))

    def apply(self) -> None:
        operator = parts.operator_name(self)
        changes: dict[str, Any] = {"operator": operator}
        if self.daily_backup is not None:
            from desktop.daily_backups import SETTING

            changes[SETTING] = self.daily_backup.isChecked()
        self.context.store.operator = operator or "inconnu"
        parts.save_settings(self, changes, self.tr("Paramètres enregistrés."))

    # ------------------------------------------------------------------------------------- backup
    def choose_backup_file(self) -> None:
        from forms.backup import default_backup_name

        proposed = str(default_backup_name(self.context.workspace))  # in the data's « backups », not the program's
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Sauvegarder sous"), proposed,
                                              self.tr("Sauvegarde Kafaat (*.db)"))
        if path:
            self.backup_to(Path(path))

    def backup_to(self, path: Path | None) -> Any:
        """``kafaat backup [SORTIE]``: a checked copy (in ``backups/`` when ``path`` is None)."""
        from forms.backup import backup

        workspace = self.context.workspace
        self.message.setText(self.tr("Sauvegarde en cours…"))
        return self.context.runner.run(lambda state: backup(workspace, path), title=self.tr("Sauvegarde"),
                                       progress=True, on_success=self._backed_up, on_failure=self._refused,
                                       parent=self)

    def _backed_up(self, path: Path) -> None:
        self.message.setText(self.tr("Sauvegarde écrite et vérifiée : {0}").format(path))

    def _refused(self, exc: BaseException) -> None:
        from desktop.ui.operations import describe

        self.message.setText(describe(exc)[0])

    # ------------------------------------------------------------------------------------ restore
    def choose_restore_file(self) -> None:
        folder = self.context.workspace.backups_dir
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Restaurer une sauvegarde"), str(folder),
                                              self.tr("Sauvegarde Kafaat (*.db)"))
        if path:
            self.restore_from(Path(path))

    def busy_reason(self) -> str:
        """Why a restore cannot start in this window now ('' when it can)."""
        window = self.window()
        editors = getattr(window, "editors", [])
        if editors:
            return self.tr("des fiches sont ouvertes : fermez-les (et enregistrez-les) avant de restaurer")
        running = [op.title or self.tr("opération") for op in self.context.runner.active]
        if running:
            return self.tr("une opération est en cours ({0}) : attendez qu'elle se termine").format(
                ", ".join(running))
        return ""

    def restore_from(self, source: Path) -> Any:
        """``kafaat restore FICHIER`` from the window: asked first (default « Non »); refused while this window
        writes or has records open, and (by ``forms.backup.restore``) while another process writes. The
        current database is kept in ``backups/`` before it is replaced; the window then reopens on the
        restored data."""
        reason = self.busy_reason()
        if reason:
            self.message.setText(self.tr("Rien n'a été restauré : {0}.").format(reason))
            return None
        answer = QMessageBox.question(
            self, self.tr("Restaurer une sauvegarde"),
            self.tr("Remplacer toutes les données de ce poste par la sauvegarde\n{0}\n(du {1}) ?\n\nLa base "
                    "actuelle sera d'abord conservée dans le dossier « backups ». Les saisies faites depuis "
                    "cette sauvegarde ne seront plus dans la liste.").format(source.name, _modified(source)),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, QMessageBox.StandardButton.No)
        if answer != QMessageBox.StandardButton.Yes:
            self.message.setText(self.tr("Restauration annulée : rien n'a été modifié."))
            return None
        workspace = self.context.workspace
        self.message.setText(self.tr("Restauration en cours…"))
        return self.context.runner.run(partial(_restore, workspace, source), title=self.tr("Restauration"),
                                       progress=True, on_success=lambda kept: self._restored(source, kept),
                                       on_failure=self._refused, parent=self)

    def _restored(self, source: Path, kept: Path) -> None:
        """The store and every page are rebuilt on the restored database (the window reopens on this page)."""
        context = self.context
        context.store = context.workspace.records(context.store.operator)
        text = self.tr("Base restaurée depuis {0}.").format(source.name)
        if kept != Path():
            text += " " + self.tr("L'ancienne base est conservée dans {0}").format(kept)
        context.set_language(context.lang)  # a new window on the same folder: every list reads the restored data
        for widget in QCoreApplication.instance().topLevelWidgets():  # type: ignore[union-attr]
            page = widget.findChild(SettingsPage)
            if page is not None and page is not self and page.isVisible():
                page.message.setText(text)
        if self.isVisible():  # no new window (the language switch was refused): say it here
            self.message.setText(text)
            context.runner.data_changed.emit()

    # --------------------------------------------------------------------------------- passphrase
    def _update_keys_hint(self) -> None:
        from sync.keys import has_keys

        present = has_keys(self.context.workspace)
        self.passphrase_button.setEnabled(present)
        self.keys_hint.setText(self.tr("La phrase de passe protège la clé privée qui signe les lots envoyés aux "
                                       "ministères.") if present else
                               self.tr("Aucune clé dans ce dossier : créez-les sur la page Export."))

    def change_passphrase(self) -> None:
        dialog = PassphraseDialog(self)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.change_passphrase_to(*dialog.values())

    def change_passphrase_to(self, old: str, new: str) -> Any:
        """``kafaat keys passphrase``: the key file sealed again under ``new``; a wrong ``old`` changes nothing."""
        from sync.keys import change_passphrase

        workspace = self.context.workspace
        return self.context.runner.run(lambda state: change_passphrase(workspace, old, new),
                                       title=self.tr("Phrase de passe"), progress=True,
                                       on_success=lambda _r: self.message.setText(self.tr("Phrase de passe changée.")),
                                       on_failure=self._refused, parent=self)


class PassphraseDialog(QDialog):
    """The current passphrase, the new one twice; « OK » only when the new ones agree and are long enough."""

    def __init__(self, parent: QWidget | None = None) -> None:
        from sync.keys import MIN_PASSPHRASE

        super().__init__(parent)
        self.setWindowTitle(self.tr("Changer la phrase de passe"))
        self.minimum = MIN_PASSPHRASE
        form = QFormLayout(self)
        self.old, self.new, self.again = QLineEdit(), QLineEdit(), QLineEdit()
        for name, edit in (("old", self.old), ("new", self.new), ("again", self.again)):
            edit.setObjectName(name)
            edit.setEchoMode(QLineEdit.EchoMode.Password)
            edit.textChanged.connect(self._check)
        form.addRow(self.tr("Phrase de passe actuelle"), self.old)
        form.addRow(self.tr("Nouvelle phrase de passe"), self.new)
        form.addRow(self.tr("Nouvelle phrase de passe (encore)"), self.again)
        self.problem = QLabel()
        self.problem.setObjectName("problem")
        self.problem.setWordWrap(True)
        form.addRow(self.problem)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        form.addRow(self.buttons)
        self._check()

    def _check(self) -> None:
        new, again = self.new.text(), self.again.text()
        problem = ""
        if not self.old.text():
            problem = self.tr("Tapez la phrase de passe actuelle.")
        elif len(new) < self.minimum:
            problem = self.tr("La nouvelle phrase de passe doit avoir au moins {0} caractères.").format(self.minimum)
        elif new != again:
            problem = self.tr("Les deux nouvelles phrases de passe sont différentes.")
        self.problem.setText(problem)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(not problem)

    def values(self) -> tuple[str, str]:
        return self.old.text(), self.new.text()


def _restore(workspace: Any, source: Path, state: Any = None) -> Path:
    """The command line's restore (worker thread). Another writer is looked for first, as the restore itself
    does: closing the database beforehand would otherwise wait the whole busy timeout for it."""
    from forms.backup import _refuse_if_busy, _sound, restore

    if workspace.db_path.exists() and _sound(workspace.db_path):  # a damaged base is restored as the CLI does
        _refuse_if_busy(workspace.db_path)
    return restore(workspace, source)


def _modified(path: Path) -> str:
    from datetime import datetime

    from desktop.ui.i18n import format_timestamp

    try:
        stamp = datetime.fromtimestamp(path.stat().st_mtime).astimezone()
    except OSError:
        return "?"
    return format_timestamp(stamp.isoformat())


def _daily_backups_available() -> bool:
    """The automatic daily backup (``desktop.daily_backups``) is there to be switched on or off."""
    import importlib.util

    return importlib.util.find_spec("desktop.daily_backups") is not None
