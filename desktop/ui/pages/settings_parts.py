"""The parts both Paramètres pages are made of (the establishment's ``settings_page`` and the ministry's
``ministry/ministry_settings_page``): the language box, the name written in the audit, the folder and version
rows, the « Appliquer » row, and applying (settings saved, the window rebuilt in the new language). The words
come translated from the page (``tr`` or ``w``)."""

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
    QVBoxLayout,
)

from desktop.ui.i18n import LANGUAGE_NAMES
from forms.i18n import LANGUAGES
from forms.version import __version__


def language_box(page: Any, layout: QVBoxLayout, title: str, label: str) -> QComboBox:
    """A box « Présentation » with the language of the window (``page.language``), on ``layout``."""
    box = QGroupBox(title)
    form = QFormLayout(box)
    page.language = QComboBox()
    page.language.setObjectName("language")
    for code in LANGUAGES:
        page.language.addItem(LANGUAGE_NAMES[code], code)
    page.language.setCurrentIndex(page.language.findData(page.context.lang))
    form.addRow(label, page.language)
    layout.addWidget(box)
    return page.language


def operator_row(page: Any, form: QFormLayout, label: str, placeholder: str = "") -> QLineEdit:
    """The name written in the audit (``page.operator``), 100 characters at most."""
    page.operator = QLineEdit(page.context.workspace.operator)
    page.operator.setObjectName("operator")
    page.operator.setMaxLength(100)
    if placeholder:
        page.operator.setPlaceholderText(placeholder)
    form.addRow(label, page.operator)
    return page.operator


def folder_and_version_rows(form: QFormLayout, folder_label: str, folder: str, version_label: str,
                            extra: tuple[tuple[str, str], ...] = ()) -> QLabel:
    """The data folder (selectable, to paste in a file manager), ``extra`` rows, then Kafaat's version."""
    shown = QLabel(folder)
    shown.setObjectName("data_folder")
    shown.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    form.addRow(folder_label, shown)
    for label, text in extra:
        form.addRow(label, QLabel(text))
    form.addRow(version_label, QLabel(f"Kafaat {__version__}"))
    return shown


def apply_row(page: Any, layout: QVBoxLayout, text: str) -> QPushButton:
    """« Appliquer » on the right (``page.apply_button`` calls ``page.apply``), the message line under it
    (``page.message``), then the stretch that keeps the page at the top."""
    page.apply_button = QPushButton(text)
    page.apply_button.setObjectName("apply")
    page.apply_button.clicked.connect(page.apply)
    row = QHBoxLayout()
    row.addStretch(1)
    row.addWidget(page.apply_button)
    layout.addLayout(row)
    page.message = QLabel()
    page.message.setObjectName("message")
    layout.addWidget(page.message)
    layout.addStretch(1)
    return page.apply_button


def save_settings(page: Any, changes: dict[str, Any], saved: str) -> None:
    """The settings written (with the chosen language), said, and the window rebuilt when the language
    changed."""
    lang = page.language.currentData()
    page.context.workspace.update_settings(**changes, language=lang)
    page.message.setText(saved)
    if lang != page.context.lang:
        page.context.set_language(lang)  # the window is built again, and reads everything afresh
    else:  # what the settings decide (the reporting period: who is late, when an export is due) read again
        page.context.runner.data_changed.emit()


def operator_name(page: Any) -> str:
    """The name typed, its spaces folded."""
    return " ".join(page.operator.text().split())

