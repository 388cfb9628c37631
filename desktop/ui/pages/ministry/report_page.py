"""Rapport: the steering committee's Excel workbook (``sync.ministry.report.write_report``, the same as
``kafaat ministry report``: for one academic year, in the window's language, off the GUI thread with progress
and cancel), and a PDF summary of the headline figures and charts for members who will not open Excel
(Qt's ``QPdfWriter``: ``pdf_summary.py``) for the academic year, region and supervising ministry chosen. The
PDF's figures are computed off the GUI thread (``sync.ministry.dashboard``); it is drawn on the GUI thread
(charts are Qt graphics items)."""

from __future__ import annotations

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

from desktop.ui.files import remember, start_folder
from desktop.ui.pages.ministry import isolate
from desktop.ui.pages.ministry.base import MinistryPage
from forms.reference import reference


class ReportPage(MinistryPage):
    def __init__(self, context: Any, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self.setObjectName("page_report")
        self.last_pdf: Path | None = None
        self.last_workbook: Path | None = None
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading(
            "Rapport", "التقرير", "Report",
            ("Le classeur Excel du comité de pilotage, et un résumé PDF des indicateurs clés et de leurs graphiques "
             "pour les membres qui n'ouvriront pas Excel. Rien de personnel n'y figure : seulement des totaux.",
             "مصنف إكسل الخاص بلجنة القيادة، وملخص PDF للمؤشرات الرئيسية ورسومها البيانية للأعضاء الذين لن "
             "يفتحوا إكسل. لا يتضمن أي معطى شخصي: مجاميع فقط.",
             "The steering committee's Excel workbook, and a PDF summary of the headline indicators and their "
             "charts for members who will not open Excel. Nothing personal in them: totals only.")))
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
        self.workbook_button = QPushButton(self.w("Classeur Excel du comité…", "مصنف إكسل الخاص باللجنة…",
                                                  "Committee's Excel workbook…"))
        self.workbook_button.setObjectName("workbook")
        self.workbook_button.setToolTip(self.w(
            "Pour l'année universitaire choisie (la plus récente si « Toutes ») ; toutes les régions, une feuille "
            "par région et par établissement.",
            "للسنة الجامعية المختارة (الأحدث إذا اخترت «الكل»)؛ كل الجهات، مع ورقة لكل جهة ولكل مؤسسة.",
            "For the academic year chosen (the latest one with « All »); every region, a sheet per region and per "
            "establishment."))
        self.workbook_button.clicked.connect(self.ask_workbook)
        buttons.addWidget(self.workbook_button)
        self.pdf_button = QPushButton(self.w("Résumé PDF…", "ملخص PDF…", "PDF summary…"))
        self.pdf_button.setObjectName("pdf")
        self.pdf_button.clicked.connect(self.ask_pdf)
        buttons.addWidget(self.pdf_button)
        buttons.addStretch(1)
        layout.addLayout(buttons)
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

    def ask_workbook(self) -> None:
        year = self.year.currentData()
        name, _ = QFileDialog.getSaveFileName(self, self.w("Classeur du comité", "مصنف اللجنة", "Committee's workbook"),
                                              str(start_folder() / f"kafaat-comite-{year or 'derniere-annee'}.xlsx"),
                                              "Excel (*.xlsx)")
        if name:
            remember(name)
            self.make_workbook(Path(name if name.lower().endswith(".xlsx") else name + ".xlsx"))

    def make_workbook(self, path: Path) -> None:
        from sync.ministry.report import write_report

        workspace, year, lang = self.context.workspace, self.year.currentData(), self.lang
        self.workbook_button.setEnabled(False)

        def done(result: Any) -> None:
            self.workbook_button.setEnabled(True)
            self.last_workbook = result.path
            covered = self.n(result.covered, "{n} établissement sur {t}|{n} établissements sur {t}",
                             "المؤسسات المشمولة: {n} من أصل {t}", "{n} establishment of {t}|{n} establishments of {t}")
            self.message.setText(self.w(
                "Classeur écrit : {0} (année {1} ; {2}).", "كُتب المصنف: {0} (السنة {1}؛ {2}).",
                "Workbook written: {0} (year {1}; {2}).").format(
                isolate(str(result.path)), isolate(result.year),
                covered.replace("{t}", self.locale().toString(int(result.expected)))))

        def failed(exc: BaseException) -> None:
            self.workbook_button.setEnabled(True)
            self.context.runner.report(exc, self.w("Classeur du comité", "مصنف اللجنة", "Committee's workbook"), self)

        self.context.runner.run(lambda state: write_report(workspace, path, year, lang, state),
                                title=self.w("Classeur du comité", "مصنف اللجنة", "Committee's workbook"),
                                progress=True, on_success=done, on_failure=failed,
                                on_cancelled=lambda: self.workbook_button.setEnabled(True), parent=self)

    def ask_pdf(self) -> None:
        name, _ = QFileDialog.getSaveFileName(self, self.w("Résumé PDF", "ملخص PDF", "PDF summary"),
                                              str(start_folder() / "kafaat-resume-national.pdf"), "PDF (*.pdf)")
        if name:
            remember(name)
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
