"""A status-bar line of labelled figures that always shows every figure: when the line is too long for its
width, the separators narrow, then the labels are shortened with « … » — never the figures. The whole line
stays in the tooltip."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import QLabel, QSizePolicy, QWidget

WIDE, NARROW = "   ·   ", " · "


def fitted_line(parts: list[tuple[str, str]], pair: str, metrics: QFontMetrics, width: int) -> str:
    """``parts`` (label, figure) joined as ``pair`` (« {0} : {1} ») says them, within ``width`` pixels when it
    can be done without touching a figure: wide separators, then narrow ones, then each label cut to the
    largest common width that fits (a label shorter than that is left whole)."""
    def line(sep: str, cap: int | None = None) -> str:
        return sep.join(pair.format(label if cap is None else metrics.elidedText(
            label, Qt.TextElideMode.ElideRight, cap), figure) for label, figure in parts)

    for sep in (WIDE, NARROW):
        text = line(sep)
        if metrics.horizontalAdvance(text) <= width:
            return text
    smallest = metrics.horizontalAdvance("MM…")  # two letters and the ellipsis: the label is still recognisable
    low, high = smallest, max(metrics.horizontalAdvance(label) for label, _figure in parts)
    while low < high:  # the widest label cap that still fits
        middle = (low + high + 1) // 2
        if metrics.horizontalAdvance(line(NARROW, middle)) <= width:
            low = middle
        else:
            high = middle - 1
    return line(NARROW, low)


class FittedLine(QLabel):
    """A ``QLabel`` showing ``set_parts``' figures refitted to its width at every resize; it never asks the
    window for more room (``Ignored`` width, or ``natural`` to prefer its whole text's width)."""

    def __init__(self, parent: QWidget | None = None, natural: bool = False) -> None:
        super().__init__(parent)
        self.parts: list[tuple[str, str]] = []
        self.pair = "{0} : {1}"
        self._whole = ""
        self.natural = natural
        policy = QSizePolicy.Policy.Preferred if natural else QSizePolicy.Policy.Ignored
        self.setSizePolicy(policy, QSizePolicy.Policy.Preferred)
        self.setMinimumWidth(80)

    def set_parts(self, parts: list[tuple[str, str]], pair: str) -> None:
        self.parts, self.pair = parts, pair
        whole = WIDE.join(pair.format(label, figure) for label, figure in parts)
        self.setToolTip("\n".join(pair.format(label, figure) for label, figure in parts))
        self._whole = whole
        self.updateGeometry()
        self._fit()

    def sizeHint(self) -> Any:
        hint = super().sizeHint()
        if self.natural and self.parts:
            hint.setWidth(self.fontMetrics().horizontalAdvance(self._whole) + 2 * self.margin() + 4)
        return hint

    def resizeEvent(self, event: Any) -> None:
        super().resizeEvent(event)
        self._fit()

    def _fit(self) -> None:
        if self.parts:
            room = self.contentsRect().width() - 2 * self.margin() - 2
            self.setText(fitted_line(self.parts, self.pair, self.fontMetrics(), room))
