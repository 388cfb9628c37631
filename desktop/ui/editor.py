"""The record editor, generated from the form declaration.

Sections become group boxes, fields become the widget of their type (``desktop.ui.fields``). Every edit
is an undoable command; 300 ms after the last edit the values are checked by ``RecordStore.check`` and
errors and warnings appear beside their fields. Saving (draft or complete) runs as an operation; the
store decides what may be saved. The « Historique » tab shows the record's audit log.
"""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal
from typing import Any

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QPainter, QShortcut, QUndoCommand, QUndoStack
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from desktop.ui.context import AppContext
from desktop.ui.fields import Binding, ComboBinding, make_binding
from desktop.ui.i18n import format_date, format_number, format_timestamp, isolate
from desktop.ui.list_query import picker_items
from forms.definitions import FORMS
from forms.i18n import comma as i18n_comma
from forms.schema import SHARING_NOTES, Field, FieldType, Issue, Severity
from forms.store.records import COMPLETE, DRAFT, Checked, Record, ValidationFailed

CHECK_DELAY_MS = 300
ERROR_STYLE = "color: #b00020;"
WARNING_STYLE = "color: #9a5000;"


class FieldEdit(QUndoCommand):
    """One change of one field; consecutive changes of the same field merge into one undo step."""

    def __init__(self, editor: RecordEditor, key: str, old: Any, new: Any) -> None:
        super().__init__(editor.form.field(key).label.get(editor.lang))
        self.editor, self.key, self.old, self.new = editor, key, old, new
        self._first = True

    def id(self) -> int:
        return 1000 + self.editor.form.field_keys.index(self.key)

    def mergeWith(self, other: QUndoCommand) -> bool:
        if not isinstance(other, FieldEdit) or other.key != self.key:
            return False
        self.new = other.new
        return True

    def redo(self) -> None:
        if self._first:  # the widget already shows the new value
            self._first = False
            return
        self.editor.apply_value(self.key, self.new)

    def undo(self) -> None:
        self.editor.apply_value(self.key, self.old)


class _ElidedLabel(QLabel):
    """A one-line label that ends in « … » when narrower than its text (the whole text stays in ``text()``)."""

    def paintEvent(self, event: Any) -> None:
        painter = QPainter(self)
        shown = self.fontMetrics().elidedText(self.text(), Qt.TextElideMode.ElideRight, self.contentsRect().width())
        painter.drawText(self.contentsRect(), int(self.alignment() | Qt.AlignmentFlag.AlignVCenter), shown)


class RecordEditor(QDialog):
    saved = Signal(str)
    """Emitted with the record's id after a successful save."""

    def __init__(self, context: AppContext, form_key: str, record_id: str | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.store = context.store
        self.lang = context.lang
        self.form = FORMS[form_key]
        self.record: Record | None = None
        self.bindings: dict[str, Binding] = {}
        self.messages: dict[str, QLabel] = {}
        self.labels: dict[str, QLabel] = {}
        self._tips: dict[str, str] = {}
        self.checked: Checked | None = None
        self.saving = False
        self._applying = False
        self._closing_ok = False
        self._shown_once = False
        """Set by the first ``showEvent``, which puts the keyboard in the first field (not again after that)."""
        self.touched: set[str] = set()
        self._after_save: Callable[[], None] | None = None
        """What a successful save does instead of closing (moving to the previous/next record)."""
        self._path_of: tuple[Any, str | None] = (None, None)
        """(the natural key values, the key path they gave): the title looks the linked record up when they change."""
        self.show_all = record_id is not None
        """A new record shows problems only for the fields already edited, until the first save."""
        self.undo_stack = QUndoStack(self)
        self.setObjectName(f"editor_{form_key}")
        self.setWindowModality(Qt.WindowModality.WindowModal)
        self.resize(760, 680)

        self.check_timer = QTimer(self)
        self.check_timer.setObjectName("check_timer")
        self.check_timer.setSingleShot(True)
        self.check_timer.setInterval(CHECK_DELAY_MS)
        self.check_timer.timeout.connect(self.run_check)

        self._build()
        if record_id:
            self.record = self.store.get(form_key, record_id)
            if self.record is None or self.record.deleted:
                raise LookupError(record_id)
            self.load(self.record.values)
        self.baseline = self.values()
        self._last = dict(self.baseline)
        self._update_title()
        self.run_check()

    # ---------------------------------------------------------------------------------------- build
    def _build(self) -> None:
        outer = QVBoxLayout(self)
        self.heading = _ElidedLabel(self)
        self.heading.setObjectName("heading")
        self.heading.setTextFormat(Qt.TextFormat.PlainText)
        font = self.heading.font()
        font.setPointSizeF(font.pointSizeF() * 1.3)
        font.setBold(True)
        self.heading.setFont(font)
        # a long title never widens the editor (the buttons beside it share the row): whole title as tooltip
        self.heading.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.heading.setMinimumWidth(120)

        bar = QHBoxLayout()
        bar.addWidget(self.heading, 1)
        undo = QToolButton(self)
        undo.setObjectName("undo")
        undo.setText(self.tr("Annuler la saisie"))
        undo.setToolTip(self.tr("Annuler la dernière modification (Ctrl+Z)"))
        undo.clicked.connect(self.undo_stack.undo)
        redo = QToolButton(self)
        redo.setObjectName("redo")
        redo.setText(self.tr("Rétablir"))
        redo.setToolTip(self.tr("Rétablir la modification annulée (Ctrl+Y)"))
        redo.clicked.connect(self.undo_stack.redo)
        self.undo_stack.canUndoChanged.connect(undo.setEnabled)
        self.undo_stack.canRedoChanged.connect(redo.setEnabled)
        undo.setEnabled(False)
        redo.setEnabled(False)
        bar.addWidget(undo)
        bar.addWidget(redo)
        self.previous_button = QToolButton(self)
        self.previous_button.setObjectName("previous")
        self.previous_button.setText(self.tr("Précédent"))
        self.previous_button.setToolTip(self.tr("Enregistrement précédent de la liste (Ctrl+Page précédente)"))
        self.previous_button.clicked.connect(lambda: self.go(-1))
        self.next_button = QToolButton(self)
        self.next_button.setObjectName("next")
        self.next_button.setText(self.tr("Suivant"))
        self.next_button.setToolTip(self.tr("Enregistrement suivant de la liste (Ctrl+Page suivante)"))
        self.next_button.clicked.connect(lambda: self.go(1))
        bar.addSpacing(12)
        bar.addWidget(self.previous_button)
        bar.addWidget(self.next_button)
        outer.addLayout(bar)

        self.tabs = QTabWidget()
        outer.addWidget(self.tabs, 1)
        self.tabs.addTab(self._build_fields(), self.tr("Saisie"))
        self.history = QTableWidget(0, 5)
        self.history.setObjectName("history")
        self.history.setHorizontalHeaderLabels([self.tr("Date"), self.tr("Par"), self.tr("Action"), self.tr("Champ"),
                                                self.tr("Valeur")])
        self.history.horizontalHeader().setSectionResizeMode(4, QHeaderView.ResizeMode.Stretch)
        self.history.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.history.verticalHeader().setVisible(False)
        self.tabs.addTab(self.history, self.tr("Historique"))

        self.summary = QLabel()
        self.summary.setObjectName("summary")
        self.summary.setWordWrap(True)
        outer.addWidget(self.summary)
        self.problems = QListWidget(self)
        self.problems.setObjectName("problems")
        self.problems.setToolTip(self.tr("Cliquer sur un problème pour aller au champ"))
        self.problems.setVisible(False)
        # one line per problem, cut with « … » and whole in its tooltip: a horizontal scroll bar took the place of
        # the only line shown, hiding the problem it was there to show
        self.problems.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.problems.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.problems.itemClicked.connect(self._problem_chosen)
        self.problems.itemActivated.connect(self._problem_chosen)
        outer.addWidget(self.problems)

        buttons = QDialogButtonBox()
        self.draft_button = QPushButton(self.tr("Enregistrer comme brouillon"))
        self.draft_button.setObjectName("save_draft")
        self.draft_button.setToolTip(self.tr("Un brouillon peut être incomplet ; il n'est jamais envoyé au ministère "
                                             "(Ctrl+Maj+S)"))
        self.complete_button = QPushButton(self.tr("Enregistrer"))
        self.complete_button.setObjectName("save_complete")
        self.complete_button.setToolTip(self.tr("Enregistrer comme complet : toutes les règles doivent être "
                                                "respectées (Ctrl+S)"))
        self.complete_button.setDefault(True)
        close = QPushButton(self.tr("Fermer"))
        close.setObjectName("close")
        buttons.addButton(self.complete_button, QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(self.draft_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(close, QDialogButtonBox.ButtonRole.RejectRole)
        self.complete_button.clicked.connect(lambda: self.save(COMPLETE))
        self.draft_button.clicked.connect(lambda: self.save(DRAFT))
        close.clicked.connect(self.reject)
        outer.addWidget(buttons)

        QShortcut(QKeySequence.StandardKey.Save, self, activated=lambda: self.save(COMPLETE))
        QShortcut(QKeySequence("Ctrl+Shift+S"), self, activated=lambda: self.save(DRAFT))
        QShortcut(QKeySequence.StandardKey.Undo, self, activated=self.undo_stack.undo)
        QShortcut(QKeySequence.StandardKey.Redo, self, activated=self.undo_stack.redo)
        QShortcut(QKeySequence("Ctrl+Y"), self, activated=self.undo_stack.redo)
        QShortcut(QKeySequence("Ctrl+PgUp"), self, activated=lambda: self.go(-1))
        QShortcut(QKeySequence("Ctrl+PgDown"), self, activated=lambda: self.go(1))

    def _build_fields(self) -> QWidget:
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # Tab goes from field to field, not to the area holding them
        self.scroll = scroll
        inner = QWidget()
        column = QVBoxLayout(inner)
        sections: dict[str, QFormLayout] = {}
        for f in self.form.fields:
            name = f.section.get(self.lang) if f.section else ""
            if name not in sections:
                box = QGroupBox(name)
                form_layout = QFormLayout(box)
                form_layout.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
                sections[name] = form_layout
                column.addWidget(box)
            binding = make_binding(f, self.lang, self._link_items(f))
            self.bindings[f.key] = binding
            binding.changed.connect(lambda key=f.key: self._edited(key))
            holder = QWidget()
            holder_layout = QVBoxLayout(holder)
            holder_layout.setContentsMargins(0, 0, 0, 0)
            holder_layout.setSpacing(2)
            if binding.widget.sizePolicy().horizontalPolicy().value & QSizePolicy.PolicyFlag.ExpandFlag.value:
                holder_layout.addWidget(binding.widget)
            else:  # a number or a date box keeps its size; its message below gets the row's whole width
                holder_layout.addWidget(binding.widget, 0, Qt.AlignmentFlag.AlignLeft)
            holder.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
            message = QLabel()
            message.setObjectName(f"message_{f.key}")
            message.setWordWrap(True)
            message.setVisible(False)
            holder_layout.addWidget(message)
            self.messages[f.key] = message
            label = QLabel(f.label.get(self.lang) + (" *" if f.required else ""))
            label.setBuddy(binding.widget)
            tips = [f.help.get(self.lang)] if f.help.fr else []
            if f.sharing in SHARING_NOTES:  # what the ministries never see as typed (declared with the field)
                marker, why = SHARING_NOTES[f.sharing]
                label.setText(f"{label.text()}<br><span style='color: palette(mid); font-size: small;'>"
                              f"({marker.get(self.lang)})</span>")
                label.setTextFormat(Qt.TextFormat.RichText)
                label.setObjectName(f"sharing_{f.key}")
                tips.append(why.get(self.lang))
            if tips:
                label.setToolTip("\n".join(tips))
                binding.widget.setToolTip("\n".join(tips))
            self._tips[f.key] = "\n".join(tips)
            self.labels[f.key] = label
            sections[name].addRow(label, holder)
        # one label column for the whole editor: each group's fields start where the other groups' start
        widest = max((label.sizeHint().width() for label in self.labels.values()), default=0)
        for label in self.labels.values():
            label.setMinimumWidth(widest)
        column.addStretch(1)
        note = QLabel(self.tr("* champ obligatoire pour un enregistrement complet"))
        note.setStyleSheet("color: palette(mid);")
        column.addWidget(note)
        scroll.setWidget(inner)
        self._connect_dependent_links()
        return scroll

    def _link_items(self, f: Field) -> list[tuple[Any, str]] | None:
        if f.type is not FieldType.LINK or not f.link:
            return None
        return picker_items(self.store.engine, f.link, f.link_conditions)

    def _connect_dependent_links(self) -> None:
        """A link declared to name a record of the same parent as another field of this form
        (``LinkCondition.same_as``: an internship's cohort belongs to its offering) lists only the records
        that match that field, as it changes."""
        for f in self.form.links:
            dependent = self.bindings[f.key]
            for condition in f.link_conditions:
                if condition.same_as and condition.same_as in self.bindings and isinstance(dependent, ComboBinding):
                    self.bindings[condition.same_as].changed.connect(
                        lambda f=f, d=dependent: self._filter_link(f, d))

    def _filter_link(self, f: Field, dependent: ComboBinding) -> None:
        values = {c.same_as: self.bindings[c.same_as].value() for c in f.link_conditions
                  if c.same_as and c.same_as in self.bindings}
        items = picker_items(self.store.engine, f.link or "", f.link_conditions, values)
        self._applying, was = True, self._applying
        try:
            dependent.set_items(items)
        finally:
            self._applying = was

    # --------------------------------------------------------------------------------- applicability
    def update_applicability(self) -> list[str]:
        """Enable the fields that apply to the values shown, disable the others (``Field.applies_when`` in
        the declaration). Returns the keys of the disabled fields that still hold a value."""
        values = self.values()
        holding = []
        for f in self.form.fields:
            if f.applies_when is None:
                continue
            applies = f.applies_when(values)
            widget = self.bindings[f.key].widget
            widget.setEnabled(applies)
            self.labels[f.key].setEnabled(applies)
            if applies:
                widget.setToolTip(self._tips.get(f.key, ""))
            else:
                other = self.form.field(f.applies_when.field)
                widget.setToolTip(self.tr("Ne s'applique pas quand « {field} » vaut « {value} »").format(
                    field=other.label.get(self.lang), value=_shown(values.get(other.key), other, self.lang)))
                if values.get(f.key) is not None:
                    holding.append(f.key)
        return holding

    # ---------------------------------------------------------------------------------------- values
    def values(self) -> dict[str, Any]:
        return {key: binding.value() for key, binding in self.bindings.items()}

    def load(self, values: dict[str, Any]) -> None:
        self._applying = True
        try:
            for key, binding in self.bindings.items():
                binding.set_value(values.get(key))
            for f in self.form.links:  # dependent pickers follow their parent, then get their value back
                self.bindings[f.key].set_value(values.get(f.key))
        finally:
            self._applying = False
        self.update_applicability()  # a stored value in a field that does not apply is shown as it is

    def apply_value(self, key: str, value: Any) -> None:
        """Set one field from undo/redo without recording a new command."""
        self._applying = True
        try:
            self.bindings[key].set_value(value)
            self._last[key] = self.bindings[key].value()
        finally:
            self._applying = False
        self.update_applicability()
        if self.bindings[key].widget.isEnabled():
            self.bindings[key].widget.setFocus()
        self.check_timer.start()
        self._update_title()

    def _edited(self, key: str) -> None:
        if self._applying:
            return
        new = self.bindings[key].value()
        old = self._last.get(key)
        if new == old:
            return
        self._last[key] = new
        self.touched.add(key)
        emptied = self.update_applicability()
        if not emptied:
            self.undo_stack.push(FieldEdit(self, key, old, new))
        else:  # a field that no longer applies loses its value, in the same undo step
            self.undo_stack.beginMacro(self.form.field(key).label.get(self.lang))
            self.undo_stack.push(FieldEdit(self, key, old, new))
            for other in emptied:
                before = self._last.get(other)
                self._applying = True
                try:
                    self.bindings[other].set_value(None)
                finally:
                    self._applying = False
                self._last[other] = None
                self.undo_stack.push(FieldEdit(self, other, before, None))
            self.undo_stack.endMacro()
        self.check_timer.start()
        self._update_title()

    def is_dirty(self) -> bool:
        return self.values() != self.baseline

    def _shown_title(self) -> str:
        """The record's name: its key path when it belongs to another (« MS-CYBER · 2025-2026 · 2 »: a cohort's
        own title names one cohort per offering), else its title."""
        from desktop.ui.list_query import key_path

        values = self.values()
        links = tuple((k, values.get(k)) for k in self.form.natural_key)
        if self._path_of[0] != links:
            self._path_of = (links, key_path(self.store.engine, self.form.key, values))
        return self._path_of[1] or self.form.title(values).strip(" —")

    def _update_title(self) -> None:
        if self.record is None:
            title = self.tr("Nouveau : {0}").format(self.form.label.get(self.lang))
        else:
            title = f"{self.form.label.get(self.lang)} — {isolate(self._shown_title())}"
        self.heading.setText(title)
        self.heading.setToolTip(title)
        self.previous_button.setEnabled(self.record is not None)
        self.next_button.setEnabled(self.record is not None)
        self.setWindowTitle(("* " if self.is_dirty() else "") + title)

    # ------------------------------------------------------------------------------------ validation
    def run_check(self) -> Checked:
        self.check_timer.stop()
        checked = self.store.check(self.form.key, self.values(), record_id=self.record.id if self.record else None)
        self.checked = checked
        self.show_issues(checked.issues)
        return checked

    def shown_issues(self, issues: list[Issue]) -> list[Issue]:
        """The problems shown now: all of them once saved or opened, else those of the fields edited (a new
        form does not greet the person with « 16 erreurs » before anything was typed)."""
        if self.show_all:
            return list(issues)
        return [i for i in issues if set(i.fields) & self.touched]

    def said(self, issue: Issue) -> str:
        """The issue's message in the window's language; a value typed into a list box that is not one of its
        entries is told with the list's labels (« Mois, Heures »), not the codes the store knows (MONTHS…)."""
        message = issue.message.get(self.lang)
        for key in issue.fields[:1]:
            table = self.form.field(key).choices() if key in self.bindings else None
            codes = f"({', '.join(table.codes)})" if table is not None else ""
            if codes and codes in message:
                comma = i18n_comma(self.lang)
                message = message.replace(codes, f"({comma.join(c.label.get(self.lang) for c in table.choices)})")
        return message

    def show_issues(self, issues: list[Issue]) -> None:
        hidden = bool(issues)
        issues = self.shown_issues(issues)
        hidden = hidden and not issues
        per_field: dict[str, list[Issue]] = {}
        marked: dict[str, list[Issue]] = {}
        for found in issues:
            keys = [k for k in found.fields if k in self.messages] or [""]
            # a rule over several fields (a sum) is written once, under the first; the others are marked
            per_field.setdefault(keys[0], []).append(found)
            for key in keys:
                marked.setdefault(key, []).append(found)
        for key, label in self.messages.items():
            found = per_field.get(key, [])
            touching = marked.get(key, [])
            worst = (Severity.ERROR if any(i.severity is Severity.ERROR for i in touching) else Severity.WARNING
                     if touching else None)
            self.bindings[key].widget.setProperty("issue", worst.value if worst else "")
            if not found:
                label.setVisible(False)
                label.clear()
                continue
            label.setText("\n".join(("⚠ " if i.severity is Severity.WARNING else "✖ ") + self.said(i)
                                    for i in found))
            label.setStyleSheet(ERROR_STYLE if worst is Severity.ERROR else WARNING_STYLE)
            label.setVisible(True)
        self.problems.clear()
        for found in issues:
            keys = [k for k in found.fields if k in self.bindings]
            names = ", ".join(self.form.field(k).label.get(self.lang) for k in keys)
            mark = "⚠ " if found.severity is Severity.WARNING else "✖ "
            message = self.said(found)
            item = QListWidgetItem(mark + (self.tr("{fields} : {message}").format(fields=names, message=message)
                                           if names else message))
            item.setData(Qt.ItemDataRole.UserRole, keys[0] if keys else None)
            item.setToolTip(item.text())
            item.setForeground(Qt.GlobalColor.darkRed if found.severity is Severity.ERROR
                               else Qt.GlobalColor.darkYellow)
            self.problems.addItem(item)
        self.problems.setVisible(bool(issues))
        if issues:  # up to four whole lines, then it scrolls
            rows = min(len(issues), 4)
            self.problems.setFixedHeight(rows * self.problems.sizeHintForRow(0) + 2 * self.problems.frameWidth())
        n_errors = sum(1 for i in issues if i.severity is Severity.ERROR)
        n_warnings = len(issues) - n_errors
        if hidden:  # a new form, nothing typed yet that is wrong: nothing to say
            self.summary.clear()
        elif not issues:
            self.summary.setText(self.tr("Aucun problème : l'enregistrement peut être enregistré comme complet."))
            self.summary.setStyleSheet("color: #1b6e20;")
        else:
            parts = []
            if n_errors:
                parts.append(self.tr("%n erreur(s) : enregistrement possible seulement comme brouillon", "", n_errors))
            if n_warnings:
                parts.append(self.tr("%n avertissement(s)", "", n_warnings))
            self.summary.setText(" · ".join(parts))
            self.summary.setStyleSheet(ERROR_STYLE if n_errors else WARNING_STYLE)

    def _problem_chosen(self, item: QListWidgetItem) -> None:
        key = item.data(Qt.ItemDataRole.UserRole)
        if key:
            self.focus_field(key)

    def focus_field(self, key: str) -> None:
        """Show the field ``key`` (input tab, scrolled into view) and give it the keyboard focus."""
        self.tabs.setCurrentIndex(0)
        widget = self.bindings[key].widget
        self.scroll.ensureWidgetVisible(widget)
        widget.setFocus(Qt.FocusReason.OtherFocusReason)

    # ------------------------------------------------------------------------------------ navigation
    def go(self, step: int) -> bool:
        """Open the previous (-1) or next (+1) record of the list in this editor; unsaved changes are
        offered for saving first, as when closing. Returns whether the editor moved (or will, after the save)."""
        if self.saving or self.record is None:
            return False
        target = self.context.neighbour(self.form.key, self.record.id, step)
        if target is None:
            self.summary.setText(self.tr("Pas d'enregistrement précédent dans la liste.") if step < 0
                                 else self.tr("Pas d'enregistrement suivant dans la liste."))
            self.summary.setStyleSheet("")
            return False
        if self.is_dirty():
            checked = self.run_check()
            answer = self._ask_unsaved(len(checked.errors))
            if answer == QMessageBox.StandardButton.Cancel:
                return False
            if answer == QMessageBox.StandardButton.Save:
                self._after_save = lambda: self.show_record(target)
                self.save(COMPLETE if not checked.errors else DRAFT)
                return True
        self.show_record(target)
        return True

    def show_record(self, record_id: str) -> bool:
        """Show another record of the same form in this editor (a fresh undo history)."""
        record = self.store.get(self.form.key, record_id)
        if record is None or record.deleted:
            return False
        self.check_timer.stop()
        self.record = record
        self.undo_stack.clear()
        self.touched.clear()
        self.show_all = True
        self.load(record.values)
        self.baseline = self.values()
        self._last = dict(self.baseline)
        self._update_title()
        self.run_check()
        self.load_history()
        return True

    def _ask_unsaved(self, errors: int = 0) -> QMessageBox.StandardButton:
        """Save, drop or stay. With ``errors`` the typing can only be kept as a draft, which the bundles leave
        out (a complete record too): the question says so before « Enregistrer » is pressed."""
        if errors:
            text = self.tr("Vos modifications ne sont pas enregistrées et comportent %n erreur(s) : elles ne "
                           "peuvent être enregistrées que comme brouillon (jamais envoyé au ministère). Les "
                           "enregistrer comme brouillon ?", "", errors)
        else:
            text = self.tr("Vos modifications ne sont pas enregistrées. Les enregistrer avant de fermer ?")
        return QMessageBox.question(
            self, self.tr("Modifications non enregistrées"), text,
            QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Discard
            | QMessageBox.StandardButton.Cancel, QMessageBox.StandardButton.Save)

    # ------------------------------------------------------------------------------------------ save
    def save(self, status: str) -> None:
        if self.saving:
            return
        self.saving = True
        self.show_all = True
        self.complete_button.setEnabled(False)
        self.draft_button.setEnabled(False)
        raw = self.values()
        record_id = self.record.id if self.record else None
        version = self.record.version if self.record else None
        form_key = self.form.key
        store = self.store

        def work(state: Any) -> tuple[Record, list[Issue]]:
            return store.save(form_key, raw, status=status, record_id=record_id, expected_version=version)

        self.context.runner.run(work, title=self.tr("Enregistrement"), on_success=self._saved,
                                on_failure=self._save_failed, changes_data=True, parent=self)

    def _saved(self, outcome: tuple[Record, list[Issue]]) -> None:
        record, _remaining = outcome
        self.saving = False
        self.record = record
        self.baseline = self.values()
        self.saved.emit(record.id)
        after, self._after_save = self._after_save, None
        if after is not None:  # saved on the way to the previous/next record
            self.complete_button.setEnabled(True)
            self.draft_button.setEnabled(True)
            after()
            return
        self._closing_ok = True
        self.accept()

    def _save_failed(self, exc: BaseException) -> None:
        self.saving = False
        self._after_save = None  # the move waits for a save that works
        self.complete_button.setEnabled(True)
        self.draft_button.setEnabled(True)
        if isinstance(exc, ValidationFailed):
            self.show_issues(exc.issues)
            self.summary.setText(self.tr("Enregistrement refusé : %n problème(s) à corriger (voir à côté des champs). "
                                         "Rien n'a été enregistré.", "", len(exc.issues)))
            self.summary.setStyleSheet(ERROR_STYLE)
            first = next((k for i in exc.issues for k in i.fields if k in self.bindings), None)
            if first:
                self.bindings[first].widget.setFocus()
            return
        self.context.runner.report(exc, self.tr("Enregistrement impossible"), self)

    # ------------------------------------------------------------------------------------- history
    def load_history(self) -> None:
        if self.record is None:
            self.history.setRowCount(0)
            return
        entries = self.store.history(self.form.key, self.record.id)
        actions = {"create": self.tr("Création"), "update": self.tr("Modification"), "delete": self.tr("Suppression"),
                   "import": self.tr("Import")}
        self.history.setRowCount(len(entries))
        for row, entry in enumerate(reversed(entries)):
            label = ""
            if entry.field:
                label = (self.form.field(entry.field).label.get(self.lang) if self.form.has_field(entry.field)
                         else self.tr("État") if entry.field == "status" else entry.field)
            f = self.form.field(entry.field) if entry.field and self.form.has_field(entry.field) else None
            change = "" if entry.field is None else (f"{_shown(entry.old_value, f, self.lang)} → "
                                                      f"{_shown(entry.new_value, f, self.lang)}")
            for column, text in enumerate((format_timestamp(entry.at), entry.operator,
                                           actions.get(entry.action, entry.action), label, change)):
                self.history.setItem(row, column, QTableWidgetItem(text))
        self.history.resizeColumnsToContents()

    def showEvent(self, event: Any) -> None:
        super().showEvent(event)
        self.load_history()
        if not self._shown_once:
            self._shown_once = True
            # the keyboard starts in the first field: typing at once fills it (it went to the « Saisie » tab, and
            # the next Tab to the scrolling area, before any field)
            first = next((b.widget for b in self.bindings.values() if b.widget.isEnabled()), None)
            if first is not None:
                first.setFocus(Qt.FocusReason.OtherFocusReason)

    # -------------------------------------------------------------------------------------- closing
    def reject(self) -> None:
        if self.saving:
            return
        if not self._closing_ok and self.is_dirty():
            checked = self.run_check()
            answer = self._ask_unsaved(len(checked.errors))
            if answer == QMessageBox.StandardButton.Cancel:
                return
            if answer == QMessageBox.StandardButton.Save:
                self._after_save = None
                self.save(COMPLETE if not checked.errors else DRAFT)
                return
        self.check_timer.stop()
        super().reject()

    def done(self, result: int) -> None:
        self.check_timer.stop()
        super().done(result)


def _shown(value: Any, field: Field | None = None, lang: str = "fr") -> str:
    if value is None:
        return "—"
    table = field.choices() if field is not None else None
    if table is not None:
        codes = value if isinstance(value, list) else [value]
        return i18n_comma(lang).join(table.label(str(code), lang) for code in codes)
    if field is not None and field.type is FieldType.DATE and isinstance(value, str) and len(value) == 10:
        return f"{value[8:10]}/{value[5:7]}/{value[:4]}"
    if field is not None and field.type is FieldType.DATE and hasattr(value, "strftime"):
        return format_date(value)
    if field is not None and field.type is FieldType.BOOLEAN and isinstance(value, bool):
        from desktop.ui.fields import yes_no

        return yes_no(value)
    if field is not None and field.type in (FieldType.INTEGER, FieldType.DECIMAL) and not isinstance(value, bool):
        try:  # « 25,00 » in French: the audit log keeps numbers as text or numbers
            number = Decimal(str(value))
        except ArithmeticError:
            return str(value)
        return format_number(int(number) if field.type is FieldType.INTEGER and number == int(number)
                             else float(number))
    if isinstance(value, list):
        return ", ".join(str(v) for v in value)
    if isinstance(value, dict):
        return ", ".join(f"{k}={v}" for k, v in value.items())
    return str(value)
