"""Columns of text for the terminal, aligned by the width the characters take on screen, not by their
number: a combining mark (an Arabic vowel sign, the accent of a decomposed « é ») takes no column, nor does a
format character (a bidirectional isolate); a wide or full-width character (CJK) takes two. Python's own
``f"{text:<24}"`` counts characters, so a label holding such characters pushed the columns after it.

``unicodedata`` is enough for the texts the commands print (form labels in French, Arabic and English,
names from files): no terminal-width library."""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence

_ZERO = {"Mn", "Me", "Cf"}  # non-spacing and enclosing marks, format characters
_WIDE = {"W", "F"}


def display_width(text: str) -> int:
    """The number of terminal columns ``text`` takes (one line)."""
    if text.isascii():
        return len(text)
    width = 0
    for char in text:
        if unicodedata.combining(char) or unicodedata.category(char) in _ZERO:
            continue
        width += 2 if unicodedata.east_asian_width(char) in _WIDE else 1
    return width


def padded(text: str, width: int, *, right: bool = False) -> str:
    """``text`` filled with spaces to ``width`` columns (on the left with ``right``)."""
    fill = " " * max(width - display_width(text), 0)
    return fill + text if right else text + fill


def table_lines(rows: Sequence[Sequence[str]], *, right: Sequence[int] = (), indent: str = "  ",
                gap: str = " ") -> list[str]:
    """One line per row, each column as wide as its widest cell (by ``display_width``); the columns whose
    index is in ``right`` are aligned on the right (figures). The last column is not filled (no spaces at
    the end of a line)."""
    if not rows:
        return []
    count = max(len(row) for row in rows)
    widths = [max((display_width(row[i]) for row in rows if i < len(row)), default=0) for i in range(count)]
    lines = []
    for row in rows:
        cells = [padded(cell, widths[i], right=i in right) if (i < len(row) - 1 or i in right) else cell
                 for i, cell in enumerate(row)]
        lines.append(indent + gap.join(cells))
    return lines
