"""Paramètres: language of the window (French, Arabic right to left, English: applied at once, no
reinstall), the operator's name written in the audit log, and where the data folder is."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.ui.context import AppContext
from desktop.ui.i18n import LANGUAGE_NAMES
from desktop.ui.pages.base import Page
from forms.i18n import LANGUAGES
from forms.reference import reference
from forms.version import __version__


class SettingsPage(Page):
    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self.setObjectName("page_settings")
        workspace = context.workspace
        layout = QVBoxLayout(self)
        title = self.tr("Paramètres")
        layout.addWidget(QLabel(f"<h2>{title}</h2>"))

        box = QGroupBox(self.tr("Présentation"))
        form = QFormLayout(box)
        self.language = QComboBox()
        self.language.setObjectName("language")
        for code in LANGUAGES:
            self.language.addItem(LANGUAGE_NAMES[code], code)
        self.language.setCurrentIndex(self.language.findData(context.lang))
        form.addRow(self.tr("Langue de l'application"), self.language)
        layout.addWidget(box)

        box = QGroupBox(self.tr("Saisie"))
        form = QFormLayout(box)
        self.operator = QLineEdit(workspace.operator)
        self.operator.setObjectName("operator")
        self.operator.setMaxLength(100)
        self.operator.setPlaceholderText(self.tr("Prénom et nom de la personne qui saisit"))
        form.addRow(self.tr("Opérateur (inscrit dans l'historique)"), self.operator)
        layout.addWidget(box)

        box = QGroupBox(self.tr("Établissement et données"))
        form = QFormLayout(box)
        establishment = reference("establishments").label(workspace.establishment, self.lang)
        form.addRow(self.tr("Établissement"), QLabel(f"{establishment} ({workspace.establishment})"))
        folder = QLabel(str(workspace.root))
        folder.setObjectName("data_folder")
        folder.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        form.addRow(self.tr("Dossier de données"), folder)
        form.addRow(self.tr("Journal"), QLabel(str(workspace.logs_dir / "kafaat.log")))
        form.addRow(self.tr("Version"), QLabel(f"Kafaat {__version__}"))
        layout.addWidget(box)

        self.apply_button = QPushButton(self.tr("Appliquer"))
        self.apply_button.setObjectName("apply")
        self.apply_button.clicked.connect(self.apply)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.apply_button)
        layout.addLayout(row)
        self.message = QLabel()
        self.message.setObjectName("message")
        layout.addWidget(self.message)
        layout.addStretch(1)

    def apply(self) -> None:
        workspace = self.context.workspace
        operator = " ".join(self.operator.text().split())
        lang = self.language.currentData()
        workspace.update_settings(operator=operator, language=lang)
        self.context.store.operator = operator or "inconnu"
        self.message.setText(self.tr("Paramètres enregistrés."))
        if lang != self.context.lang:
            self.context.set_language(lang)
