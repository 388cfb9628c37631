"""The PDF summary of the national figures for members who will not open Excel: a title, the filters and
the generation date, the headline indicators as a table, then the charts — drawn with Qt's own
``QPdfWriter`` and ``QPainter`` (no other PDF library). Landscape A4; right to left in Arabic."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from typing import Any

from PySide6.QtCore import QMarginsF, QRectF, QSizeF, Qt
from PySide6.QtGui import QColor, QFont, QPageLayout, QPageSize, QPainter, QPdfWriter, QPen
from PySide6.QtWidgets import QGraphicsScene

from desktop.ui.pages.ministry import words
from desktop.ui.pages.ministry.charts import headline, national_charts


def write_pdf(path: Path, lang: str, figures: Any, filters_text: str, title: str, locale: Any) -> Path:
    """Write the summary to ``path`` (GUI thread: charts are widgets' scenes)."""
    writer = QPdfWriter(str(path))
    writer.setTitle(title)
    writer.setCreator("Kafaat")
    writer.setResolution(150)
    writer.setPageLayout(QPageLayout(QPageSize(QPageSize.PageSizeId.A4), QPageLayout.Orientation.Landscape,
                                     QMarginsF(12, 12, 12, 12), QPageLayout.Unit.Millimeter))
    rtl = lang == "ar"
    painter = QPainter()
    if not painter.begin(writer):
        raise OSError(f"impossible d'écrire {path}")
    try:
        painter.setLayoutDirection(Qt.LayoutDirection.RightToLeft if rtl else Qt.LayoutDirection.LeftToRight)
        page = QRectF(0, 0, writer.width(), writer.height())
        # absolute alignments: the painter's right-to-left direction would otherwise mirror them again
        align = (Qt.AlignmentFlag.AlignRight if rtl else Qt.AlignmentFlag.AlignLeft) | Qt.AlignmentFlag.AlignAbsolute
        y = 0.0
        painter.setFont(QFont("Sans", 20, QFont.Weight.Bold))
        painter.drawText(QRectF(0, y, page.width(), 70), align | Qt.AlignmentFlag.AlignVCenter, title)
        y += 80
        painter.setFont(QFont("Sans", 10))
        stamp = datetime.now().strftime("%d/%m/%Y %H:%M")
        painter.drawText(QRectF(0, y, page.width(), 40), align, words(
            lang, "Généré le {0} · {1}", "أُنشئ في {0} · {1}", "Generated on {0} · {1}").format(stamp, filters_text))
        y += 60
        rows = headline(lang, figures, locale)
        row_h, half = 42.0, page.width() / 2
        painter.setPen(QPen(QColor("#c8d0d8")))
        for index, (label, value) in enumerate(rows):
            column, line = index % 2, index // 2
            x = (half if (column == 1) != rtl else 0)
            box = QRectF(x, y + line * row_h, half - 10, row_h)
            painter.setPen(QPen(QColor("#c8d0d8")))
            painter.drawLine(box.bottomLeft(), box.bottomRight())
            painter.setPen(QPen(QColor("#222222")))
            painter.setFont(QFont("Sans", 10))
            label_rect = QRectF(box.x() + 6, box.y(), box.width() * 0.68, row_h)
            value_rect = QRectF(box.x() + box.width() * 0.68, box.y(), box.width() * 0.32 - 6, row_h)
            if rtl:
                label_rect, value_rect = (QRectF(box.x() + box.width() * 0.32, box.y(), box.width() * 0.68 - 6, row_h),
                                          QRectF(box.x() + 6, box.y(), box.width() * 0.32, row_h))
            painter.drawText(label_rect, align | Qt.AlignmentFlag.AlignVCenter, label)
            painter.setFont(QFont("Sans", 11, QFont.Weight.Bold))
            # figures left to right (« 2 / 17 », « 49,2 % »): QPainter.drawText does not honour isolates
            painter.setLayoutDirection(Qt.LayoutDirection.LeftToRight)
            painter.drawText(value_rect, (Qt.AlignmentFlag.AlignLeft if rtl else Qt.AlignmentFlag.AlignRight)
                             | Qt.AlignmentFlag.AlignAbsolute | Qt.AlignmentFlag.AlignVCenter, value)
            painter.setLayoutDirection(Qt.LayoutDirection.RightToLeft if rtl else Qt.LayoutDirection.LeftToRight)
        charts = [(t, c) for t, c in national_charts(lang, figures) if c is not None]
        # charts: two per row, on the following pages
        chart_w, chart_h = (page.width() - 20) / 2, (page.height() - 20) / 2
        for index, (_title, chart) in enumerate(charts):
            if index % 4 == 0:
                writer.newPage()
            slot = index % 4
            col, line = slot % 2, slot // 2
            if rtl:
                col = 1 - col
            target = QRectF(col * (chart_w + 20), line * (chart_h + 20), chart_w, chart_h)
            scene = QGraphicsScene()
            scene.addItem(chart)
            chart.resize(QSizeF(640, 400))
            scene.setSceneRect(QRectF(0, 0, 640, 400))
            scene.render(painter, target, scene.sceneRect())
            scene.removeItem(chart)
    finally:
        painter.end()
    return path
