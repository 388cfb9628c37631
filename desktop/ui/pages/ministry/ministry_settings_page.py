"""Paramètres (ministry): the window's language (applied at once), the analyst's name written in the
consolidation audit, the reporting period that makes an establishment late, and where the data are."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from desktop.ui.i18n import LANGUAGE_NAMES
from desktop.ui.pages.ministry import isolate
from desktop.ui.pages.ministry.base import MinistryPage
from forms.i18n import LANGUAGES
from forms.reference import reference
from forms.version import __version__


class MinistrySettingsPage(MinistryPage):
    def __init__(self, context: Any, parent: QWidget | None = None) -> None:
        from sync.ministry.status import reporting_period
        from sync.ministry.store import national_store

        super().__init__(context, parent)
        self.setObjectName("page_settings")
        workspace = context.workspace
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading("Paramètres", "الإعدادات", "Settings"))
        box = QGroupBox(self.w("Présentation", "العرض", "Display"))
        form = QFormLayout(box)
        self.language = QComboBox()
        self.language.setObjectName("language")
        for code in LANGUAGES:
            self.language.addItem(LANGUAGE_NAMES[code], code)
        self.language.setCurrentIndex(self.language.findData(context.lang))
        form.addRow(self.w("Langue de l'application", "لغة التطبيق", "Language"), self.language)
        layout.addWidget(box)

        box = QGroupBox(self.w("Consolidation", "التجميع", "Consolidation"))
        form = QFormLayout(box)
        self.operator = QLineEdit(workspace.operator)
        self.operator.setObjectName("operator")
        self.operator.setMaxLength(100)
        form.addRow(self.w("Analyste (inscrit dans l'historique)", "المحلل (يسجل في السجل)",
                           "Analyst (written in the audit)"), self.operator)
        self.period = QSpinBox()
        self.period.setObjectName("period")
        self.period.setRange(1, 366)
        self.period.setValue(reporting_period(workspace))
        self.period.setSuffix(self.w(" jours", " يوما", " days"))
        form.addRow(self.w("En retard après", "متأخرة بعد", "Late after"), self.period)
        layout.addWidget(box)

        box = QGroupBox(self.w("Ministère et données", "الوزارة والبيانات", "Ministry and data"))
        form = QFormLayout(box)
        form.addRow(self.w("Ministère", "الوزارة", "Ministry"),
                    QLabel(f"{reference('ministries').label(workspace.ministry, self.lang)} "
                           f"({isolate(workspace.ministry)})"))
        folder = QLabel(isolate(str(workspace.root)))
        folder.setObjectName("data_folder")
        folder.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        form.addRow(self.w("Dossier de données", "مجلد البيانات", "Data folder"), folder)
        form.addRow(self.w("Registre national", "السجل الوطني", "National store"),
                    QLabel(isolate(national_store(workspace).url)))
        form.addRow(self.w("Version", "الإصدار", "Version"), QLabel(f"Kafaat {__version__}"))
        layout.addWidget(box)

        self.apply_button = QPushButton(self.w("Appliquer", "تطبيق", "Apply"))
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
        lang = self.language.currentData()
        workspace.update_settings(operator=" ".join(self.operator.text().split()), language=lang,
                                  reporting_period_days=self.period.value())
        self.message.setText(self.w("Paramètres enregistrés.", "حُفظت الإعدادات.", "Settings saved."))
        if lang != self.context.lang:
            self.context.set_language(lang)
