"""Paramètres (ministry): the window's language (applied at once), the analyst's name written in the
consolidation audit, the reporting period that makes an establishment late, and where the data are."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import (
    QFormLayout,
    QGroupBox,
    QLabel,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from desktop.ui.pages import settings_parts as parts
from desktop.ui.pages.ministry import isolate
from desktop.ui.pages.ministry.base import MinistryPage
from forms.messages import localized
from forms.reference import reference
from forms.store.database import StoreError
from forms.workspace import DEFAULT_PERIOD_DAYS, PERIOD_DAYS_RANGE


class MinistrySettingsPage(MinistryPage):
    def __init__(self, context: Any, parent: QWidget | None = None) -> None:
        from sync.ministry.status import reporting_period
        from sync.ministry.store import national_store

        super().__init__(context, parent)
        self.setObjectName("page_settings")
        workspace = context.workspace
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading("Paramètres", "الإعدادات", "Settings"))
        parts.language_box(self, layout, self.w("Présentation", "العرض", "Display"),
                     self.w("Langue de l'application", "لغة التطبيق", "Language"))

        box = QGroupBox(self.w("Consolidation", "التجميع", "Consolidation"))
        form = QFormLayout(box)
        parts.operator_row(self, form, self.w("Analyste (inscrit dans l'historique)", "المحلل (يسجل في السجل)",
                                        "Analyst (written in the audit)"))
        self.period = QSpinBox()
        self.period.setObjectName("period")
        low, high = PERIOD_DAYS_RANGE
        self.period.setRange(low, high)
        self.period_problem = QLabel()
        self.period_problem.setObjectName("period_problem")
        self.period_problem.setWordWrap(True)
        self.period_problem.setStyleSheet("color: #b03a2e;")
        try:
            self.period.setValue(reporting_period(workspace))
        except StoreError as exc:  # a hand-edited settings.json: said here, « Appliquer » writes a good value
            self.period.setValue(DEFAULT_PERIOD_DAYS)
            self.period_problem.setText(localized(exc, self.lang, bidi=True))
        self.period_problem.setVisible(bool(self.period_problem.text()))
        self.period.setSuffix(self.w(" jours", " يوما", " days"))
        form.addRow(self.w("En retard après", "متأخرة بعد", "Late after"), self.period)
        form.addRow(self.period_problem)
        layout.addWidget(box)

        box = QGroupBox(self.w("Ministère et données", "الوزارة والبيانات", "Ministry and data"))
        form = QFormLayout(box)
        form.addRow(self.w("Ministère", "الوزارة", "Ministry"),
                    QLabel(f"{reference('ministries').label(workspace.ministry, self.lang)} "
                           f"({isolate(workspace.ministry)})"))
        parts.folder_and_version_rows(form, self.w("Dossier de données", "مجلد البيانات", "Data folder"),
                                isolate(str(workspace.root)), self.w("Version", "الإصدار", "Version"),
                                ((self.w("Registre national", "السجل الوطني", "National store"),
                                  isolate(national_store(workspace).url)),))
        layout.addWidget(box)
        parts.apply_row(self, layout, self.w("Appliquer", "تطبيق", "Apply"))

    def apply(self) -> None:
        parts.save_settings(self, {"operator": parts.operator_name(self), "reporting_period_days": self.period.value()},
                      self.w("Paramètres enregistrés.", "حُفظت الإعدادات.", "Settings saved."))
        self.period_problem.clear()
        self.period_problem.hide()
