"""The import assistant: file → preview → column mapping → check → import, with progress and cancel.

Everything long runs through the window's ``OperationRunner`` (off the GUI thread, progress dialog with
« Annuler »); the work itself is ``forms.excel`` (``preview_import``, ``plan_import``, ``apply_import``,
``write_error_report``): this page only shows and asks.
"""

from __future__ import annotations

import dataclasses
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFileDialog,
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

from desktop.ui import files
from desktop.ui.context import AppContext
from desktop.ui.fields import ElidingComboBox
from desktop.ui.i18n import isolate
from desktop.ui.pages.base import Page
from forms.definitions import FORMS
from forms.excel.columns import form_columns
from forms.excel.reading import column_letter
from forms.messages import Message, localized

IGNORE = ""
WINDOW_MESSAGES = {"import.required_column": "import.required_column_here",
                   "import.required_column_new": "import.required_column_new_here"}
"""The file's problems whose command-line wording (« voir le modèle : kafaat template … ») the page words as
the way its window offers."""


class ImportPage(Page):
    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self.preview: Any = None
        self.plan: Any = None
        self.operation: Any = None
        layout = QVBoxLayout(self)
        title = self.tr("Importer un fichier Excel ou CSV")  # literal tr(): lupdate does not read f-strings
        layout.addWidget(QLabel(f"<h2>{title}</h2>"))

        # 1. the file
        box = QGroupBox(self.tr("1. Fichier"))
        row = QHBoxLayout(box)
        self.form_combo = QComboBox()
        for key, form in FORMS.items():
            self.form_combo.addItem(form.plural.get(self.lang), key)
        self.form_combo.currentIndexChanged.connect(self._form_changed)
        self.path_edit = QLineEdit()
        self.path_edit.setPlaceholderText(self.tr("Classeur .xlsx ou fichier .csv"))
        self.browse_button = QPushButton(self.tr("Parcourir…"))
        self.browse_button.clicked.connect(self.browse)
        self.read_button = QPushButton(self.tr("Lire le fichier"))
        self.read_button.clicked.connect(lambda: self.open_file(self.path_edit.text().strip()))
        self.path_edit.textChanged.connect(lambda _text: self._update_buttons())
        self.path_edit.returnPressed.connect(lambda: self.open_file(self.path_edit.text().strip()))
        self.template_button = QPushButton(self.tr("Modèle vide…"))
        self.template_button.clicked.connect(self.save_template)
        for widget in (QLabel(self.tr("Formulaire :")), self.form_combo, self.path_edit, self.browse_button,
                       self.read_button, self.template_button):
            row.addWidget(widget)
        row.setStretchFactor(self.path_edit, 1)
        layout.addWidget(box)

        # 2. preview and mapping
        box = QGroupBox(self.tr("2. Aperçu et correspondance des colonnes"))
        col = QVBoxLayout(box)
        self.file_info = QLabel()
        self.file_info.setWordWrap(True)
        self.preview_table = QTableWidget()
        self.preview_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.mapping_table = QTableWidget(0, 3)
        self.mapping_table.setHorizontalHeaderLabels([self.tr("Colonne"), self.tr("En-tête du fichier"),
                                                      self.tr("Champ Kafaat")])
        self.mapping_table.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.mapping_table.verticalHeader().setVisible(False)
        tables = QHBoxLayout()
        tables.addWidget(self.preview_table, 3)
        tables.addWidget(self.mapping_table, 2)
        col.addWidget(self.file_info)
        col.addLayout(tables)
        layout.addWidget(box, 2)

        # 3. check, 4. import
        box = QGroupBox(self.tr("3. Vérification et import (tout ou rien)"))
        col = QVBoxLayout(box)
        buttons = QHBoxLayout()
        self.check_button = QPushButton(self.tr("Vérifier"))
        self.check_button.clicked.connect(self.check)
        self.import_button = QPushButton(self.tr("Importer"))
        self.import_button.clicked.connect(self.run_import)
        self.report_button = QPushButton(self.tr("Enregistrer le rapport d'erreurs…"))
        self.report_button.clicked.connect(self.save_report)
        for widget in (self.check_button, self.import_button, self.report_button):
            buttons.addWidget(widget)
        buttons.addStretch(1)
        self.summary = QLabel()
        self.summary.setObjectName("importSummary")
        self.summary.setWordWrap(True)
        self.summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.problems_table = QTableWidget(0, 5)
        self.problems_table.setHorizontalHeaderLabels([self.tr("Ligne"), self.tr("Colonne"), self.tr("Champ"),
                                                       self.tr("Gravité"), self.tr("Message")])
        self.problems_table.horizontalHeader().setSectionResizeMode(4, QHeaderView.ResizeMode.Stretch)
        self.problems_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.problems_table.verticalHeader().setVisible(False)
        col.addLayout(buttons)
        col.addWidget(self.summary)
        col.addWidget(self.problems_table)
        layout.addWidget(box, 2)
        self._update_buttons()

    # ----------------------------------------------------------------------------------------- state
    @property
    def form_key(self) -> str:
        return str(self.form_combo.currentData())

    def set_form(self, form_key: str) -> None:
        self.form_combo.setCurrentIndex(self.form_combo.findData(form_key))

    def _form_changed(self) -> None:
        if self.preview is not None:
            self.open_file(str(self.preview.path))

    def _busy(self) -> bool:
        return self.operation is not None and not self.operation.done

    def _update_buttons(self) -> None:
        busy = self._busy()
        ready = self.preview is not None and not busy
        self.read_button.setEnabled(not busy and bool(self.path_edit.text().strip()))  # nothing to read: greyed
        self.check_button.setEnabled(ready)
        self.import_button.setEnabled(ready and self.plan is not None and self.plan.ok
                                      and self.plan.mapping == self.mapping())
        self.report_button.setEnabled(not busy and self.plan is not None and bool(self.plan.problems))

    def _run(self, fn: Any, title: str, on_success: Any, *, changes_data: bool = False, progress: bool = False,
             on_failure: Any = None) -> Any:
        def done(result: Any) -> None:
            on_success(result)
            self._update_buttons()

        def failed(exc: BaseException) -> None:
            if on_failure is not None:
                on_failure(exc)
            else:
                self.context.runner.report(exc, title, self)
            self._update_buttons()

        def cancelled() -> None:
            self.summary.setText(self.tr("Opération annulée : rien n'a été enregistré."))
            self._update_buttons()

        self.operation = self.context.runner.run(fn, title=title, on_success=done, on_failure=failed,
                                                 on_cancelled=cancelled, changes_data=changes_data,
                                                 progress=progress, parent=self)
        self.operation.finished.connect(self._update_buttons)
        self._update_buttons()
        return self.operation

    # ------------------------------------------------------------------------------------ 1. the file
    def browse(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Fichier à importer"), str(files.start_folder()),
                                              self.tr("Classeurs et CSV (*.xlsx *.csv);;Tous les fichiers (*)"))
        if path:
            files.remember(path)
            self.open_file(path)

    def open_file(self, path: str) -> Any:
        from forms.excel import preview_import

        if not path:
            return None
        self.path_edit.setText(path)
        self.plan = None
        self.summary.clear()
        self.problems_table.setRowCount(0)
        form_key, lang = self.form_key, self.lang
        return self._run(lambda state: preview_import(form_key, Path(path), lang=lang), self.tr("Lecture du fichier"),
                         self.show_preview)

    def save_template(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("Modèle Excel"), files.proposed(self.tr("modèle"), FORMS[self.form_key].plural.get(self.lang)),
            self.tr("Classeur Excel (*.xlsx)"))
        if path:
            from forms.excel import write_template

            files.remember(path)
            form_key, lang = self.form_key, self.lang
            self._run(lambda state: write_template(form_key, Path(path), lang), self.tr("Modèle Excel"),
                      lambda _result: None)

    # ------------------------------------------------------------------------- 2. preview and mapping
    def show_preview(self, preview: Any) -> None:
        self.preview = preview
        form = FORMS[preview.form_key]
        lines = []
        if preview.sheet:
            lines.append(self.tr("Feuille « {sheet} », en-tête en ligne {row}, %n ligne(s) de données.", "",
                                 preview.rows).format(sheet=preview.sheet, row=preview.header_row))
        lines += [localized(note, self.lang, bidi=True) for note in preview.notes]
        lines += [self.for_window(p).render(preview.path.name, self.lang) for p in preview.problems]
        self.file_info.setText("\n".join(lines))
        columns = preview.columns
        self.preview_table.clear()
        self.preview_table.setColumnCount(len(columns))
        self.preview_table.setRowCount(len(preview.sample))
        self.preview_table.setHorizontalHeaderLabels(
            # isolated: « A — CODE NATIONAL… » reads left to right in the Arabic window too, its « … » at its end
            [isolate(f"{column_letter(c)} — {preview.headers.get(c, '')}") for c in columns])
        for r, cells in enumerate(preview.sample):
            for j, text in enumerate(cells[: len(columns)]):
                self.preview_table.setItem(r, j, QTableWidgetItem(text))
        choices = [(self.tr("— ignorer —"), IGNORE)] + [
            (c.label.get(self.lang), c.key) for c in form_columns(form, with_id=True)]
        self.mapping_table.setRowCount(len(columns))
        self.combos: dict[int, QComboBox] = {}
        for r, c in enumerate(columns):
            self.mapping_table.setItem(r, 0, QTableWidgetItem(column_letter(c)))
            self.mapping_table.setItem(r, 1, QTableWidgetItem(preview.headers.get(c, "")))
            combo = ElidingComboBox()  # a long field label ends in « … » (in Arabic it lost its beginning)
            for text, key in choices:
                combo.addItem(text, key)
            combo.setCurrentIndex(max(combo.findData(preview.mapping.get(c, IGNORE)), 0))
            combo.currentIndexChanged.connect(self._update_buttons)
            combo.setToolTip(combo.currentText())  # whole when cut
            combo.currentIndexChanged.connect(lambda _i, c=combo: c.setToolTip(c.currentText()))
            self.mapping_table.setCellWidget(r, 2, combo)
            self.combos[c] = combo
        self._update_buttons()

    def mapping(self) -> dict[int, str]:
        """Column index → field key, as chosen in the mapping table."""
        if self.preview is None:
            return {}
        return {c: str(combo.currentData()) for c, combo in self.combos.items() if combo.currentData()}

    def map_column(self, column: int, key: str) -> None:
        combo = self.combos[column]
        combo.setCurrentIndex(max(combo.findData(key), 0))

    # ----------------------------------------------------------------------------------- 3. the check
    def check(self) -> Any:
        from forms.excel import plan_import

        if self.preview is None:
            return None
        store, form_key, path, mapping, lang = (self.context.store, self.preview.form_key, self.preview.path,
                                                self.mapping(), self.lang)
        self.plan = None
        return self._run(lambda state: plan_import(store, form_key, path, mapping, state, lang),
                         self.tr("Vérification"), self.show_plan, progress=True)

    def show_plan(self, plan: Any) -> None:
        self.plan = plan
        if plan.ok:
            text = self.tr("Prêt à importer — {summary}").format(summary=self.plan_summary(plan))
        else:
            # a file refused as a whole (a column missing…) read no row: its row counts would only contradict
            # the preview (« aucune ligne lue » under « 1 ligne de données »); the counts open a new sentence
            summary = "" if plan.file_refused else self.plan_summary(plan)
            text = self.tr("%n problème(s) à corriger : rien ne sera importé tant qu'il en reste. {summary}", "",
                           len(plan.errors)).format(summary=summary[:1].upper() + summary[1:]).rstrip()
        self.summary.setText(text)
        self.show_problems(plan.problems)

    def show_problems(self, problems: list[Any]) -> None:
        shown = problems[:5000]
        self.problems_table.setRowCount(len(shown))
        for r, p in enumerate(map(self.for_window, shown)):
            severity = self.tr("erreur") if p.severity == "error" else self.tr("avertissement")
            # the column as the file's header names it, and the field's label: never an internal key
            where = p.header or p.label
            if p.header and p.label and _folded(p.label) not in _folded(p.header):
                where = f"{p.header} ({p.label})"
            for j, text in enumerate((str(p.row or ""), p.column, where, severity, localized(p.message, self.lang))):
                item = QTableWidgetItem(text)
                item.setToolTip(text)
                self.problems_table.setItem(r, j, item)

    def for_window(self, problem: Any) -> Any:
        """``problem`` as this page shows it: a missing column's way to the template is the « Modèle vide… »
        button above, in the window's words, not the command line's « kafaat template FORM »."""
        message = problem.message
        key = getattr(message, "key", "")
        if key not in WINDOW_MESSAGES:
            return problem
        params = {name: value for name, value in message.params.items() if name != "form"}
        button = self.template_button.text().replace("&", "")
        return dataclasses.replace(problem, message=Message(WINDOW_MESSAGES[key], **params, button=button))

    def save_report(self) -> None:
        if self.plan is None:
            return
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("Rapport d'erreurs"),
            files.proposed(self.tr("rapport"), self.plan.path.stem, folder=self.plan.path.parent),
            self.tr("Classeur Excel (*.xlsx)"))
        if path:
            files.remember(path)
            self.save_report_to(path)

    def save_report_to(self, path: str) -> Any:
        from forms.excel import write_error_report

        plan = self.plan
        return self._run(lambda state: write_error_report(plan, Path(path)), self.tr("Rapport d'erreurs"),
                         lambda out: self.summary.setText(self.tr("Rapport d'erreurs écrit : {path}").format(
                             path=out)))

    def plan_summary(self, plan: Any) -> str:
        """``ImportPlan.summary()`` in the window's language, with its plural forms: « 3 lignes lues : 2
        créations, 1 mise à jour, aucune ligne inchangée ; aucune ligne refusée ; 1 avertissement »."""
        def count(n: int, none: str, some: str) -> str:
            return none if n == 0 else some

        read = count(plan.rows, self.tr("aucune ligne lue"), self.tr("%n ligne(s) lue(s)", "", plan.rows))
        created = count(plan.created, self.tr("aucune création"), self.tr("%n création(s)", "", plan.created))
        updated = count(plan.updated, self.tr("aucune mise à jour"), self.tr("%n mise(s) à jour", "", plan.updated))
        unchanged = count(plan.unchanged, self.tr("aucune ligne inchangée"),
                          self.tr("%n ligne(s) inchangée(s)", "", plan.unchanged))
        refused = count(plan.refused_rows, self.tr("aucune ligne refusée"),
                        self.tr("%n ligne(s) refusée(s)", "", plan.refused_rows))
        n_warnings = len(plan.warnings)
        warnings = count(n_warnings, self.tr("aucun avertissement"), self.tr("%n avertissement(s)", "", n_warnings))
        drafts = self.tr(" (dont %n brouillon(s))", "", plan.drafts) if plan.drafts else ""
        if plan.applied:
            text = self.tr("{read} : {created}, {updated}, {unchanged}{drafts} ; {refused} ; {warnings}")
        else:
            text = self.tr("{read} : {created}, {updated} à faire, {unchanged}{drafts} ; {refused} ; {warnings}")
        return text.format(read=read, created=created, updated=updated, unchanged=unchanged, drafts=drafts,
                           refused=refused, warnings=warnings)

    # ---------------------------------------------------------------------------------- 4. the import
    def run_import(self) -> Any:
        from forms.excel import apply_import

        if self.plan is None or not self.plan.ok:
            return None
        store, plan = self.context.store, self.plan
        return self._run(lambda state: apply_import(store, plan, state), self.tr("Import"), self.imported,
                         changes_data=True, progress=True, on_failure=self.import_failed)

    def imported(self, result: Any) -> None:
        self.plan = None
        self.summary.setText(self.tr("Import terminé — {summary}").format(summary=self.plan_summary(result)))
        self.show_problems(result.warnings)

    def import_failed(self, exc: BaseException) -> None:
        from forms.excel import ImportRefused

        if isinstance(exc, ImportRefused):
            self.show_plan(exc.plan)
            return
        self.context.runner.report(exc, self.tr("Import"), self)


def _folded(text: str) -> str:
    import unicodedata

    return "".join(c for c in unicodedata.normalize("NFD", text.casefold()) if c.isalnum())
