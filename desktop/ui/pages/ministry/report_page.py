"""Rapport: the PDF summary of the headline figures and charts for the steering committee (Qt's
``QPdfWriter``: ``pdf_summary.py``), for the academic year, region and supervising ministry chosen. The
figures are computed off the GUI thread (``sync.ministry.dashboard``); the PDF is drawn on the GUI thread
(charts are Qt graphics items).

The committee's Excel workbook (``kafaat ministry report``) is another engineer's work in progress: the
button appears when ``sync.ministry.report`` is there."""

from __future__ import annotations

import importlib.util
from pathlib import Path
from typing import Any

from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.ui.pages.ministry import isolate
from desktop.ui.pages.ministry.base import MinistryPage
from forms.reference import reference


def workbook_available() -> bool:
    return importlib.util.find_spec("sync.ministry.report") is not None


class ReportPage(MinistryPage):
    def __init__(self, context: Any, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self.setObjectName("page_report")
        self.last_pdf: Path | None = None
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading(
            "Rapport", "التقرير", "Report",
            ("Le résumé PDF des indicateurs clés et de leurs graphiques, pour les membres du comité de pilotage "
             "qui n'ouvriront pas Excel. Rien de personnel n'y figure : seulement des totaux.",
             "ملخص PDF للمؤشرات الرئيسية ورسومها البيانية، لأعضاء لجنة القيادة الذين لن يفتحوا إكسل. لا يتضمن "
             "أي معطى شخصي: مجاميع فقط.",
             "The PDF summary of the headline indicators and their charts, for steering-committee members who "
             "will not open Excel. Nothing personal in it: totals only.")))
        box = QGroupBox(self.w("Périmètre", "النطاق", "Scope"))
        form = QFormLayout(box)
        self.year = QComboBox()
        self.year.setObjectName("year")
        self.region = QComboBox()
        self.region.setObjectName("region")
        self.ministry = QComboBox()
        self.ministry.setObjectName("ministry")
        for combo in (self.year, self.region, self.ministry):
            combo.addItem(self.w("Toutes", "الكل", "All"), None)
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            combo.setMinimumContentsLength(20)
        form.addRow(self.w("Année universitaire", "السنة الجامعية", "Academic year"), self.year)
        form.addRow(self.w("Région", "الجهة", "Region"), self.region)
        form.addRow(self.w("Ministère de tutelle", "الوزارة الوصية", "Supervising ministry"), self.ministry)
        layout.addWidget(box)
        buttons = QHBoxLayout()
        self.pdf_button = QPushButton(self.w("Résumé PDF…", "ملخص PDF…", "PDF summary…"))
        self.pdf_button.setObjectName("pdf")
        self.pdf_button.clicked.connect(self.ask_pdf)
        buttons.addWidget(self.pdf_button)
        buttons.addStretch(1)
        layout.addLayout(buttons)
        if not workbook_available():
            note = QLabel(self.w("Le classeur Excel du comité (« kafaat ministry report ») n'est pas encore dans "
                                 "cette version.",
                                 "مصنف إكسل الخاص باللجنة (‎kafaat ministry report‎) غير متوفر بعد في هذه النسخة.",
                                 "The committee's Excel workbook (« kafaat ministry report ») is not in this "
                                 "version yet."))
            note.setObjectName("workbook_note")
            note.setWordWrap(True)
            layout.addWidget(note)
        self.message = QLabel()
        self.message.setObjectName("message")
        self.message.setWordWrap(True)
        layout.addWidget(self.message)
        layout.addStretch(1)
        self._load_choices()

    def _load_choices(self) -> None:
        from sync.ministry.dashboard import filter_choices

        workspace = self.context.workspace
        self.context.runner.run(lambda state: filter_choices(workspace), title=self.w("Rapport", "التقرير", "Report"),
                                on_success=self._fill_choices, parent=self)

    def _fill_choices(self, choices: Any) -> None:
        for year in choices.years:
            self.year.addItem(year, year)
        for code in choices.regions:
            self.region.addItem(reference("regions").label(code, self.lang), code)
        for code in choices.ministries:
            self.ministry.addItem(code, code)

    def filters(self) -> Any:
        from sync.ministry.dashboard import Filters

        return Filters(self.year.currentData(), self.region.currentData(), self.ministry.currentData())

    def filters_text(self) -> str:
        colon = " : " if self.lang == "fr" else ": "
        return " · ".join(f"{label}{colon}{combo.currentText()}" for label, combo in (
            (self.w("Année", "السنة", "Year"), self.year), (self.w("Région", "الجهة", "Region"), self.region),
            (self.w("Tutelle", "الوصاية", "Ministry"), self.ministry)))

    def ask_pdf(self) -> None:
        name, _ = QFileDialog.getSaveFileName(self, self.w("Résumé PDF", "ملخص PDF", "PDF summary"),
                                              "kafaat-resume-national.pdf", "PDF (*.pdf)")
        if name:
            self.make_pdf(Path(name if name.lower().endswith(".pdf") else name + ".pdf"))

    def make_pdf(self, path: Path) -> None:
        from sync.ministry.dashboard import figures

        workspace, filters = self.context.workspace, self.filters()
        self.pdf_button.setEnabled(False)
        self.context.runner.run(lambda state: figures(workspace, filters),
                                title=self.w("Résumé PDF", "ملخص PDF", "PDF summary"), progress=True,
                                on_success=lambda result: self._write(path, result),
                                on_failure=self._failed, parent=self)

    def _failed(self, exc: BaseException) -> None:
        self.pdf_button.setEnabled(True)
        self.context.runner.report(exc, self.w("Résumé PDF", "ملخص PDF", "PDF summary"), self)

    def _write(self, path: Path, result: Any) -> None:
        from desktop.ui.pages.ministry.pdf_summary import write_pdf

        self.pdf_button.setEnabled(True)
        ministry = reference("ministries").label(self.context.workspace.ministry, self.lang)
        title = self.w("Kafaat — indicateurs nationaux", "كفاءات — المؤشرات الوطنية", "Kafaat — national indicators")
        write_pdf(path, self.lang, result, f"{ministry} · {self.filters_text()}", title, self.locale())
        self.last_pdf = path
        self.message.setText(self.w("Résumé écrit : {0}", "كُتب الملخص: {0}", "Summary written: {0}").format(
            isolate(str(path))))
