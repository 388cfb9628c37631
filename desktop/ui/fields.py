"""One input widget per field type, generated from the field's declaration.

A ``Binding`` wraps the widget: ``value()`` gives what ``RecordStore.check`` reads (``None`` when blank),
``set_value()`` shows a stored value, ``changed`` fires on every edit. Nullable numbers and dates use
the value just below the minimum as « empty » (shown as « — »): spin boxes and date editors cannot be
blank otherwise.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any

from PySide6.QtCore import QCoreApplication, QDate, QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QPaintEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QAbstractSpinBox,
    QApplication,
    QCalendarWidget,
    QComboBox,
    QCompleter,
    QDoubleSpinBox,
    QHBoxLayout,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMenu,
    QSpinBox,
    QStyle,
    QStyleOptionComboBox,
    QStylePainter,
    QToolButton,
    QWidget,
    QWidgetAction,
)

from forms.schema import Field, FieldType

EMPTY_TEXT = "—"
QT_INT_MAX = 2**31 - 1
"""The largest value a ``QSpinBox`` holds."""


class Binding(QObject):
    changed = Signal()

    def __init__(self, field: Field, widget: QWidget) -> None:
        super().__init__(widget)
        self.field = field
        self.widget = widget
        widget.setObjectName(f"field_{field.key}")
        widget.setAccessibleName(field.label.fr)

    def value(self) -> Any:
        raise NotImplementedError

    def set_value(self, value: Any) -> None:
        raise NotImplementedError


class TextBinding(Binding):
    def __init__(self, field: Field, lang: str) -> None:
        edit = QLineEdit()
        edit.setMaxLength(field.max_length)
        if field.help.fr:
            edit.setPlaceholderText(field.help.get(lang))
        super().__init__(field, edit)
        self.edit = edit
        edit.textEdited.connect(self.changed)

    def value(self) -> Any:
        text = self.edit.text()
        return text if text.strip() else None

    def set_value(self, value: Any) -> None:
        text = "" if value is None else str(value)
        if len(text) > self.edit.maxLength():  # a draft may be longer than allowed: never cut it silently
            self.edit.setMaxLength(len(text))
        self.edit.setText(text)


class IntegerBinding(Binding):
    def __init__(self, field: Field, lang: str) -> None:
        spin = QSpinBox()
        low = int(field.min) if field.min is not None else 0
        high = int(field.max) if field.max is not None else 2_000_000_000
        self.empty = low - 1
        spin.setRange(self.empty, high)
        spin.setSpecialValueText(EMPTY_TEXT)
        spin.setValue(self.empty)
        spin.setAccelerated(True)
        guard_wheel(spin)
        super().__init__(field, spin)
        self.spin = spin
        spin.valueChanged.connect(self.changed)

    def value(self) -> Any:
        v = self.spin.value()
        return None if v == self.empty else v

    def set_value(self, value: Any) -> None:
        if value is None:
            self.spin.setValue(self.empty)
            return
        number = min(max(int(value), -QT_INT_MAX + 1), QT_INT_MAX)
        # A draft may hold a value outside the field's bounds: widen the range to show it as it is (a
        # clamped value would be saved back changed, or as empty); the validation still reports it.
        if number <= self.empty:
            self.empty = number - 1
            self.spin.setMinimum(self.empty)
        if number > self.spin.maximum():
            self.spin.setMaximum(number)
        self.spin.setValue(number)


class LocaleDoubleSpinBox(QDoubleSpinBox):
    """A decimal box in the user's locale (« 25,50 » in French and Arabic) that also takes the point the
    numeric keypad types: « 25.5 » is 25,50, not 255 (the point is the group separator of fr_MA/ar_MA, and
    Qt would read it so, silently multiplying an amount by ten). A point with no comma is the decimal
    point; nobody types group separators into a number box."""

    def _normalised(self, text: str) -> str:
        point = self.locale().decimalPoint()
        if point != "." and point not in text and text.count(".") == 1:
            head, _, tail = text.rpartition(".")
            digits = tail.strip()
            if len(digits) <= self.decimals() and (not digits or digits.isdigit()) and head.strip():
                return f"{head}{point}{tail}"
        return text

    def validate(self, text: str, pos: int) -> object:
        return super().validate(self._normalised(text), pos)

    def valueFromText(self, text: str) -> float:
        return super().valueFromText(self._normalised(text))


class DecimalBinding(Binding):
    def __init__(self, field: Field, lang: str) -> None:
        spin = LocaleDoubleSpinBox()
        spin.setDecimals(2)
        low = float(field.min) if field.min is not None else 0.0
        high = float(field.max) if field.max is not None else 1e9
        self.empty = low - 0.01
        spin.setRange(self.empty, high)
        spin.setSpecialValueText(EMPTY_TEXT)
        spin.setValue(self.empty)
        guard_wheel(spin)
        super().__init__(field, spin)
        self.spin = spin
        spin.valueChanged.connect(self.changed)

    def value(self) -> Any:
        v = self.spin.value()
        return None if abs(v - self.empty) < 0.001 else Decimal(str(round(v, 2)))

    def set_value(self, value: Any) -> None:
        if value is None:
            self.spin.setValue(self.empty)
            return
        number = round(float(value), 2)
        if number < self.empty + 0.001:  # outside the bounds (a draft): shown as it is, see IntegerBinding
            self.empty = number - 0.01
            self.spin.setMinimum(self.empty)
        if number > self.spin.maximum():
            self.spin.setMaximum(number)
        self.spin.setValue(number)


class DateBinding(Binding):
    """A date typed as digits (jj/mm/aaaa, the slashes are in place) or picked from a calendar.

    Empty until the person types or picks one, and then ``None`` (a date editor cannot be blank, and one
    showing a placeholder date saved dates nobody chose). A half-typed or impossible date is given to the
    store as typed, which says what is wrong."""

    def __init__(self, field: Field, lang: str) -> None:
        box = QWidget()
        layout = QHBoxLayout(box)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        edit = QLineEdit(box)
        edit.setObjectName("date_text")
        edit.setInputMask("00/00/0000;_")
        # dd/mm/yyyy reads left to right in Arabic too (bidi would otherwise show 2025/06/01)
        edit.setLayoutDirection(Qt.LayoutDirection.LeftToRight)
        edit.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        edit.setMaximumWidth(edit.fontMetrics().horizontalAdvance("00/00/00000") + 24)
        edit.setClearButtonEnabled(True)
        edit.installEventFilter(_StartAtFirstBlank(edit))
        pick = QToolButton(box)
        pick.setObjectName("date_pick")
        pick.setArrowType(Qt.ArrowType.DownArrow)
        pick.setToolTip(QCoreApplication.translate("Fields", "Choisir dans le calendrier"))
        pick.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        pick.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        menu = QMenu(pick)
        calendar = QCalendarWidget(menu)
        calendar.setGridVisible(True)
        low = field.min if isinstance(field.min, date) else date(1990, 1, 1)
        high = field.max if isinstance(field.max, date) else date(2100, 12, 31)
        calendar.setDateRange(QDate(low), QDate(high))
        action = QWidgetAction(menu)
        action.setDefaultWidget(calendar)
        menu.addAction(action)
        pick.setMenu(menu)
        menu.aboutToShow.connect(self._prepare_calendar)
        calendar.clicked.connect(self._picked)
        calendar.activated.connect(self._picked)
        layout.addWidget(edit)
        layout.addWidget(pick)
        layout.addStretch(1)
        box.setFocusProxy(edit)
        super().__init__(field, box)
        self.edit = edit
        self.pick = pick
        self.menu = menu
        self.calendar = calendar
        edit.textEdited.connect(self.changed)

    def _prepare_calendar(self) -> None:
        value = self.value()
        self.calendar.setSelectedDate(QDate(value) if isinstance(value, date) else QDate.currentDate())

    def _picked(self, chosen: QDate) -> None:
        self.menu.hide()
        self.edit.setText(chosen.toString("dd/MM/yyyy"))
        self.edit.setFocus()
        self.changed.emit()

    def value(self) -> Any:
        text = self.edit.text()
        if not text.replace("/", "").strip():
            return None
        try:
            day, month, year = (int(part) for part in text.split("/"))
            return date(year, month, day)
        except ValueError:
            return text  # half typed or impossible (31/02): the store says what is wrong

    def set_value(self, value: Any) -> None:
        if value is None or value == "":
            self.edit.setText("")
            return
        if isinstance(value, str):
            try:
                value = date.fromisoformat(value)
            except ValueError:
                self.edit.setText(value)
                return
        self.edit.setText(f"{value.day:02d}/{value.month:02d}/{value.year:04d}")


class _StartAtFirstBlank(QObject):
    """A click into an empty (or half-typed) date puts the cursor where typing continues, not where the
    mouse landed between the slashes."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in (QEvent.Type.MouseButtonRelease, QEvent.Type.FocusIn) and isinstance(watched, QLineEdit):
            typed = len(watched.text().replace("/", "").rstrip())
            if typed < 8:
                position = typed + (1 if typed >= 2 else 0) + (1 if typed >= 4 else 0)
                QTimer.singleShot(0, watched, lambda: watched.setCursorPosition(position))
        return False


class WheelOnlyWhenFocused(QObject):
    """A drop-down, number or date box takes the mouse wheel only when it has the keyboard focus;
    otherwise the wheel goes on to the page under it, which scrolls (as careful Qt applications do).
    Scrolling a long form must never change the values that pass under the pointer."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Wheel and isinstance(watched, QWidget) and not watched.hasFocus():
            event.ignore()  # not accepted: Qt offers it to the parent widgets (the scroll area)
            return True
        return False


class WheelGuardEverywhere(QObject):
    """``WheelOnlyWhenFocused`` for every drop-down, number and date box of the application, watched from the
    application itself: the pages' boxes too (Paramètres' language, the lists' filters, the import page's
    column mapping inside its scrolling table), not only the editors' fields."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind not in (QEvent.Type.Wheel, QEvent.Type.Polish) or not isinstance(watched, QComboBox | QAbstractSpinBox):
            return False
        if kind == QEvent.Type.Polish:
            # Qt gives the focus to a « wheel focus » box before any filter sees the wheel: a click or Tab only
            if watched.focusPolicy() == Qt.FocusPolicy.WheelFocus:
                watched.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
            return False
        if not watched.hasFocus():
            event.ignore()  # not accepted: Qt offers it to the parent widgets (the page, the table), which scroll
            return True
        return False


def guard_wheel_everywhere() -> None:
    """Install ``WheelGuardEverywhere`` on the application (once); boxes then take the keyboard focus by a click
    or Tab only, never by the wheel (``guard_wheel`` sets that per box)."""
    app = QApplication.instance()
    if app is None or app.property("kafaat_wheel_guard"):
        return
    guard = WheelGuardEverywhere(app)
    app.installEventFilter(guard)
    app.setProperty("kafaat_wheel_guard", True)


def guard_wheel(widget: QWidget) -> None:
    """Install ``WheelOnlyWhenFocused`` on ``widget`` (combo and spin boxes) and stop the wheel giving it
    the focus."""
    guard = WheelOnlyWhenFocused(widget)
    widget.installEventFilter(guard)
    widget.setFocusPolicy(Qt.FocusPolicy.StrongFocus)


FSI, PDI = "\u2068", "\u2069"


class ElidingComboBox(QComboBox):
    """A drop-down narrower than its choice shows the choice's beginning (an offering's code) and ends it in
    « … », in both directions. Qt draws the whole text aligned to the box's reading side: in Arabic a long
    « MS-CYBER-IND — Master spécialisé … » lost its code on the left. The whole text is the tooltip (the
    lists' filters set it). An editable box shows its line edit: see ``ComboBinding``."""

    def paintEvent(self, event: QPaintEvent) -> None:
        if self.isEditable():
            super().paintEvent(event)
            return
        painter = QStylePainter(self)
        option = QStyleOptionComboBox()
        self.initStyleOption(option)
        painter.drawComplexControl(QStyle.ComplexControl.CC_ComboBox, option)
        field = self.style().subControlRect(QStyle.ComplexControl.CC_ComboBox, option,
                                            QStyle.SubControl.SC_ComboBoxEditField, self)
        room = field.width() - 2 - (option.iconSize.width() + 4 if not option.currentIcon.isNull() else 0)
        shown = self.fontMetrics().elidedText(option.currentText, Qt.TextElideMode.ElideRight, max(room, 0))
        if shown != option.currentText and self.layoutDirection() == Qt.LayoutDirection.RightToLeft:
            shown = f"{FSI}{shown}{PDI}"  # the « … » after the words it cuts, not at the line's far end
        option.currentText = shown
        painter.drawControl(QStyle.ControlElement.CE_ComboBoxLabel, option)


class ComboBinding(Binding):
    """Choices, booleans and links: a combo box with completion; item data is the code (or id)."""

    def __init__(self, field: Field, items: list[tuple[Any, str]], *, editable: bool = True) -> None:
        combo = ElidingComboBox()
        combo.setEditable(editable)
        combo.setMaxVisibleItems(15)
        combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        combo.setMinimumContentsLength(24)
        if editable:
            combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
            completer = combo.completer()
            completer.setFilterMode(Qt.MatchFlag.MatchContains)
            completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
            completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        guard_wheel(combo)
        super().__init__(field, combo)
        self.combo = combo
        self.set_items(items)
        combo.currentIndexChanged.connect(self.changed)
        if editable:
            combo.lineEdit().editingFinished.connect(self._finished)
            # a choice longer than the box shows its beginning (the offering's code), not its end
            combo.currentIndexChanged.connect(lambda _i: self._show_beginning())

    def _finished(self) -> None:
        """Typing done (Tab, Enter): a record's code typed whole shows the record it names (« FC-IA » →
        « FC-IA — Intelligence artificielle pour cadres »), then the change is told."""
        index = self._coded(self.combo.currentText())
        if index > 0 and index != self.combo.currentIndex():
            self.combo.setCurrentIndex(index)
        self.changed.emit()
        self._show_beginning()

    def _coded(self, text: str) -> int:
        """The entry whose code is ``text`` (any case), else -1: a link picker's record by the code its label
        starts with (« FC-IA — … »), a choice by its code (« F » for « Femme », as in the Excel files)."""
        folded = text.strip().casefold()
        if not folded:
            return -1
        if self.field.type is FieldType.LINK:
            found = [i for i in range(1, self.combo.count())
                     if self.combo.itemText(i).split(" — ", 1)[0].strip().casefold() == folded]
        elif self.field.type is FieldType.CHOICE:
            found = [i for i in range(1, self.combo.count()) if str(self.combo.itemData(i)).casefold() == folded]
        else:
            return -1
        return found[0] if len(found) == 1 else -1

    def _show_beginning(self) -> None:
        edit = self.combo.lineEdit()
        if edit is not None:
            edit.setCursorPosition(0)

    def set_items(self, items: list[tuple[Any, str]]) -> None:
        current = self.value() if self.combo.count() else None
        self.combo.blockSignals(True)
        self.combo.clear()
        self.combo.addItem("", None)
        for data, label in items:
            self.combo.addItem(label, data)
        self.combo.blockSignals(False)
        self.set_value(current)

    def value(self) -> Any:
        text = self.combo.currentText().strip()
        if not text:
            return None
        index = self.combo.findText(text, Qt.MatchFlag.MatchFixedString)
        if index < 0:
            index = self._coded(text)  # « FC-IA », the offering's code: that offering
        if index >= 0:
            return self.combo.itemData(index)
        return text  # typed by hand: the store matches labels in any language, or says what is wrong

    def set_value(self, value: Any) -> None:
        index = self.combo.findData(value) if value is not None else 0
        if index < 0 and value is not None:
            self.combo.setEditText(str(value))
        else:
            self.combo.setCurrentIndex(max(index, 0))
        self._show_beginning()


class MultiChoiceBinding(Binding):
    def __init__(self, field: Field, lang: str) -> None:
        lst = QListWidget()
        lst.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        table = field.choices()
        for choice in table.choices if table else ():
            item = QListWidgetItem(choice.label.get(lang))
            item.setData(Qt.ItemDataRole.UserRole, choice.code)
            item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
            lst.addItem(item)
        rows = min(max(lst.count(), 1), 6)
        lst.setFixedHeight(rows * (lst.sizeHintForRow(0) + 2) + 6)
        super().__init__(field, lst)
        self.list = lst
        lst.itemChanged.connect(lambda _item: self.changed.emit())

    def value(self) -> Any:
        codes = [self.list.item(i).data(Qt.ItemDataRole.UserRole) for i in range(self.list.count())
                 if self.list.item(i).checkState() == Qt.CheckState.Checked]
        return tuple(codes) or None

    def set_value(self, value: Any) -> None:
        wanted = set(value or ())
        self.list.blockSignals(True)
        for i in range(self.list.count()):
            item = self.list.item(i)
            checked = item.data(Qt.ItemDataRole.UserRole) in wanted
            item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)
        self.list.blockSignals(False)


def make_binding(field: Field, lang: str, link_items: list[tuple[Any, str]] | None = None) -> Binding:
    kind = field.type
    if kind in (FieldType.TEXT, FieldType.EMAIL, FieldType.IDENTIFIER):
        return TextBinding(field, lang)
    if kind is FieldType.INTEGER:
        return IntegerBinding(field, lang)
    if kind is FieldType.DECIMAL:
        return DecimalBinding(field, lang)
    if kind is FieldType.DATE:
        return DateBinding(field, lang)
    if kind is FieldType.BOOLEAN:
        return ComboBinding(field, [(True, yes_no(True)), (False, yes_no(False))], editable=False)
    if kind is FieldType.CHOICE:
        table = field.choices()
        return ComboBinding(field, [(c.code, c.label.get(lang)) for c in (table.choices if table else ())])
    if kind is FieldType.MULTI_CHOICE:
        return MultiChoiceBinding(field, lang)
    if kind is FieldType.LINK:
        binding = ComboBinding(field, link_items or [])
        binding.combo.setMinimumContentsLength(44)
        return binding
    raise AssertionError(kind)


def yes_no(value: bool) -> str:
    from PySide6.QtCore import QCoreApplication

    return QCoreApplication.translate("Fields", "Oui") if value else QCoreApplication.translate("Fields", "Non")
