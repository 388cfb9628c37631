"""Draw Kafaat's application icon with Qt and write ``resources/icons/kafaat.png`` and ``kafaat.ico``.

    QT_QPA_PLATFORM=offscreen .venv/bin/python scripts/make_icon.py

The drawing: a rounded square in the programme's deep green, three ascending white bars (reports that
grow) and a gold eight-pointed star (the khatam of Moroccan zellige) above them. Each size is painted
from the vector drawing (not scaled down from the large one), so the 16-pixel icon stays crisp.

The ``.ico`` container is written here (no image library needed): the sizes up to 64 pixels as 32-bit
BGRA bitmaps with their AND mask (what every Windows tool reads, the resource compiler of PyInstaller and
Inno Setup included), 128 and 256 as PNG entries (Windows Vista and later).
"""

from __future__ import annotations

import math
import struct
import sys
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QGuiApplication, QImage, QLinearGradient, QPainter, QPainterPath, QPen

ROOT = Path(__file__).resolve().parents[1]
ICONS = ROOT / "resources" / "icons"
ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)
PNG_IN_ICO_FROM = 128  # sizes from this one up are stored as PNG inside the .ico
GREEN_TOP, GREEN_BOTTOM = QColor("#0f6b5c"), QColor("#08443b")
GOLD = QColor("#f2b632")
KHATAM_INNER = math.cos(math.pi / 4) / math.cos(math.pi / 8)  # two overlapping squares


def star_path(centre: QPointF, outer: float, inner: float) -> QPainterPath:
    """An eight-pointed star (16 vertices alternating between two radii), one point straight up."""
    path = QPainterPath()
    for i in range(16):
        radius = outer if i % 2 == 0 else inner
        angle = -math.pi / 2 + i * math.pi / 8
        point = QPointF(centre.x() + radius * math.cos(angle), centre.y() + radius * math.sin(angle))
        if i == 0:
            path.moveTo(point)
        else:
            path.lineTo(point)
    path.closeSubpath()
    return path


def draw(size: int) -> QImage:
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.scale(size / 256, size / 256)  # drawn on a 256 × 256 canvas
    margin = 8 if size >= 32 else 4
    body = QRectF(margin, margin, 256 - 2 * margin, 256 - 2 * margin)
    gradient = QLinearGradient(body.topLeft(), body.bottomLeft())
    gradient.setColorAt(0, GREEN_TOP)
    gradient.setColorAt(1, GREEN_BOTTOM)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(gradient)
    painter.drawRoundedRect(body, 48, 48)

    # three ascending bars on a base line; wider bars at small sizes so that they stay apart
    painter.setBrush(QColor("white"))
    base = 206
    bar_width = 44 if size >= 32 else 52
    gap = 16 if size >= 32 else 10
    heights = (56, 96, 136) if size >= 32 else (64, 104, 144)
    left = (256 - (3 * bar_width + 2 * gap)) / 2
    for index, height in enumerate(heights):
        x = left + index * (bar_width + gap)
        painter.drawRoundedRect(QRectF(x, base - height, bar_width, height), 8, 8)

    # the gold star above the first two bars
    star_centre = QPointF(66, 80) if size >= 32 else QPointF(64, 72)
    outer = 40 if size >= 32 else 48
    painter.setBrush(GOLD)
    if size >= 48:
        painter.setPen(QPen(QColor("#c98b10"), 4))
    painter.drawPath(star_path(star_centre, outer, outer * KHATAM_INNER))
    painter.end()
    return image


def png_bytes(image: QImage) -> bytes:
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    if not image.save(buffer, "PNG"):
        raise RuntimeError("PNG encoding failed")
    buffer.close()
    return bytes(data.data())


def bmp_entry(image: QImage) -> bytes:
    """A 32-bit ICO bitmap: BITMAPINFOHEADER (height doubled: XOR + AND masks), BGRA rows bottom-up,
    then the 1-bit AND mask (rows padded to 32 bits; 1 = transparent)."""
    size = image.width()
    image = image.convertToFormat(QImage.Format.Format_ARGB32)
    header = struct.pack("<IiiHHIIiiII", 40, size, size * 2, 1, 32, 0, 0, 0, 0, 0, 0)
    rows = []
    mask_rows = []
    mask_stride = ((size + 31) // 32) * 4
    for y in range(size - 1, -1, -1):
        row = bytearray()
        mask = bytearray(mask_stride)
        for x in range(size):
            argb = image.pixel(x, y)  # 0xAARRGGBB, not premultiplied
            alpha = (argb >> 24) & 0xFF
            row += struct.pack("<I", argb)  # little-endian: B, G, R, A
            if alpha == 0:
                mask[x // 8] |= 0x80 >> (x % 8)
        rows.append(bytes(row))
        mask_rows.append(bytes(mask))
    return header + b"".join(rows) + b"".join(mask_rows)


def ico_bytes(images: list[QImage]) -> bytes:
    """ICONDIR + one ICONDIRENTRY per image + the images (see Microsoft's ICO format description)."""
    payloads = [png_bytes(img) if img.width() >= PNG_IN_ICO_FROM else bmp_entry(img) for img in images]
    offset = 6 + 16 * len(images)
    entries = []
    for image, payload in zip(images, payloads, strict=True):
        side = image.width() if image.width() < 256 else 0  # 0 means 256
        entries.append(struct.pack("<BBBBHHII", side, side, 0, 0, 1, 32, len(payload), offset))
        offset += len(payload)
    return struct.pack("<HHH", 0, 1, len(images)) + b"".join(entries) + b"".join(payloads)


def main() -> int:
    app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])  # noqa: F841 - fonts and painting
    ICONS.mkdir(parents=True, exist_ok=True)
    images = [draw(size) for size in ICO_SIZES]
    (ICONS / "kafaat.ico").write_bytes(ico_bytes(images))
    (ICONS / "kafaat.png").write_bytes(png_bytes(images[-1]))
    (ICONS / "kafaat-48.png").write_bytes(png_bytes(draw(48)))
    print(f"{ICONS / 'kafaat.ico'} ({', '.join(map(str, ICO_SIZES))} px), kafaat.png (256 px), kafaat-48.png")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
