"""The first-run assistant: the establishment (from the reference list), the operator's name, the data
folder, and the passphrase that protects the establishment's signing keys. It calls ``Workspace.create``
and ``sync.keys.create_keys``; later runs open straight on the main window."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QCompleter,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)

from desktop.ui.i18n import LANGUAGE_NAMES, ltr
from forms.definitions import FORMS
from forms.i18n import listing, lowered
from forms.reference import reference

LANGUAGE_CHANGED = 2
"""``exec()`` result when the person chose another language: the caller installs it and shows the
assistant again in that language (``carried`` keeps what was typed)."""


class SetupWizard(QWizard):
    def __init__(self, data_dir: Path, lang: str = "fr", parent: QWidget | None = None,
                 carried: dict[str, str] | None = None) -> None:
        super().__init__(parent)
        from desktop.ui.fields import guard_wheel_everywhere

        guard_wheel_everywhere()
        self.lang = lang
        self.chosen_lang = lang
        self.workspace: Any = None
        self.setObjectName("setup_wizard")
        self.setWindowTitle(self.tr("Kafaat — première utilisation"))
        self.setWizardStyle(QWizard.WizardStyle.ClassicStyle)
        self.setOption(QWizard.WizardOption.NoBackButtonOnStartPage)
        self.resize(640, 440)

        # 1. establishment and operator
        page = QWizardPage()
        page.setTitle(self.tr("Votre établissement"))
        kept = listing([lowered(form.plural.get(lang)) for form in FORMS.values()], lang)  # every declared form
        # in the page, not the header: QWizard's header keeps its subtitle to two lines (English lost its end)
        self.intro = QLabel(self.tr("Kafaat garde les {forms} de votre établissement sur cet ordinateur, et "
                                    "prépare les exports chiffrés pour le ministère.").format(forms=kept))
        self.intro.setObjectName("intro")
        self.intro.setWordWrap(True)
        form = QFormLayout(page)
        form.addRow(self.intro)
        self.language = QComboBox()
        self.language.setObjectName("language")
        for code, name in LANGUAGE_NAMES.items():
            self.language.addItem(name, code)
        self.language.setCurrentIndex(max(self.language.findData(lang), 0))
        self.language.currentIndexChanged.connect(self._language_chosen)
        form.addRow(self.tr("Langue / اللغة / Language"), self.language)
        self.establishment = QComboBox()
        self.establishment.setObjectName("establishment")
        self.establishment.setEditable(True)
        self.establishment.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.establishment.addItem("", None)
        for choice in reference("establishments").choices:
            self.establishment.addItem(f"{choice.label.get(lang)} ({choice.code})", choice.code)
        completer = self.establishment.completer()
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        form.addRow(self.tr("Établissement"), self.establishment)
        self.operator = QLineEdit()
        self.operator.setObjectName("operator")
        self.operator.setPlaceholderText(self.tr("Prénom et nom"))
        form.addRow(self.tr("Votre nom (inscrit dans l'historique des saisies)"), self.operator)
        page.registerField("operator*", self.operator)
        self.addPage(page)

        # 2. data folder
        page = QWizardPage()
        page.setTitle(self.tr("Dossier de données"))
        page.setSubTitle(self.tr("La base de données, les clés et les exports y sont rangés. Gardez le dossier "
                                 "proposé sauf consigne de votre service informatique."))
        row = QHBoxLayout()
        self.folder = QLineEdit(str(data_dir))
        self.folder.setObjectName("folder")
        browse = QPushButton(self.tr("Parcourir…"))
        browse.clicked.connect(self._browse)
        row.addWidget(self.folder, 1)
        row.addWidget(browse)
        layout = QVBoxLayout(page)
        layout.addLayout(row)
        layout.addStretch(1)
        self.addPage(page)

        # 3. passphrase
        page = QWizardPage()
        page.setTitle(self.tr("Phrase de passe des clés"))
        layout = QFormLayout(page)
        self.passphrase = QLineEdit()
        self.passphrase.setObjectName("passphrase")
        self.passphrase.setEchoMode(QLineEdit.EchoMode.Password)
        self.confirm = QLineEdit()
        self.confirm.setObjectName("confirm")
        self.confirm.setEchoMode(QLineEdit.EchoMode.Password)
        page.setSubTitle(self.tr("Elle protège la clé qui signe vos exports. Elle vous sera demandée à chaque "
                                 "export : choisissez une phrase longue et notez-la en lieu sûr."))
        layout.addRow(self.tr("Phrase de passe"), self.passphrase)
        layout.addRow(self.tr("Confirmation"), self.confirm)
        self.addPage(page)
        for key, value in (carried or {}).items():
            if key == "establishment":
                self.establishment.setCurrentText(value)
            elif key in ("operator", "folder"):
                getattr(self, key).setText(value)

    def _language_chosen(self) -> None:
        code = self.language.currentData()
        if code and code != self.lang:
            self.chosen_lang = code
            self.done(LANGUAGE_CHANGED)  # QWizard.done validates the page first: see validateCurrentPage

    def carried(self) -> dict[str, str]:
        """What was typed, to show again in the assistant rebuilt in another language."""
        return {"establishment": self.establishment.currentText(), "operator": self.operator.text(),
                "folder": self.folder.text()}

    def _browse(self) -> None:
        chosen = QFileDialog.getExistingDirectory(self, self.tr("Dossier de données"), self.folder.text())
        if chosen:
            self.folder.setText(chosen)

    def selected_establishment(self) -> str | None:
        text = self.establishment.currentText().strip()
        index = self.establishment.findText(text, Qt.MatchFlag.MatchFixedString)
        if index > 0:
            return self.establishment.itemData(index)
        return reference("establishments").match(text) if text else None

    def validateCurrentPage(self) -> bool:
        if self.chosen_lang != self.lang:  # leaving to be shown again in another language: nothing to check
            return True
        page = self.currentId()
        if page == 0 and not self.selected_establishment():
            typed = self.establishment.currentText().strip()
            if typed:
                self._refuse(self.tr(
                    "« {typed} » n'est pas dans la liste des établissements du programme. Tapez une partie de "
                    "son nom ou de son code (par exemple « Centrale » ou « ECC ») et choisissez-le dans la liste "
                    "qui s'ouvre. S'il n'y figure pas, demandez la liste à jour à votre ministère de tutelle."
                ).format(typed=ltr(typed)))
            else:
                self._refuse(self.tr("Choisissez votre établissement dans la liste."))
            self.establishment.setFocus()
            self.establishment.lineEdit().selectAll()
            return False
        if page == 1:
            folder = Path(self.folder.text().strip()).expanduser()
            from forms.workspace import Workspace

            if not self.folder.text().strip():
                self._refuse(self.tr("Indiquez un dossier de données."))
                return False
            if Workspace.is_initialised(folder):
                self._refuse(self.tr("Ce dossier contient déjà des données Kafaat : il sera ouvert tel quel."))
                self.workspace = Workspace.open(folder)
                self.done(QWizard.DialogCode.Accepted)
                return False
        if page == 2:
            return self.create()
        return True

    def _refuse(self, message: str) -> None:
        QMessageBox.warning(self, self.windowTitle(), message)

    def create(self) -> bool:
        from forms.workspace import ESTABLISHMENT, Workspace
        from sync.keys import MIN_PASSPHRASE, create_keys

        if self.passphrase.text() != self.confirm.text():
            self._refuse(self.tr("Les deux phrases de passe diffèrent."))
            return False
        if len(self.passphrase.text()) < MIN_PASSPHRASE:
            self._refuse(self.tr("Phrase de passe trop courte : au moins {0} caractères.").format(MIN_PASSPHRASE))
            return False
        folder = Path(self.folder.text().strip()).expanduser()
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            workspace = Workspace.create(folder, ESTABLISHMENT, establishment=self.selected_establishment() or "",
                                         operator=" ".join(self.operator.text().split()), language=self.lang)
            create_keys(workspace, self.passphrase.text())
        except Exception as exc:  # shown to the person, in French, nothing half-made is hidden
            QApplication.restoreOverrideCursor()
            self._refuse(self.tr("Création impossible : {0}").format(exc))
            return False
        QApplication.restoreOverrideCursor()
        self.workspace = workspace
        return True
