"""The application icon: an .ico with the usual sizes (what the executable and the installer carry), PNGs for
Linux and the window, and the window's icon set from them."""

from __future__ import annotations

import struct
from pathlib import Path

from PySide6.QtGui import QImageReader

ROOT = Path(__file__).resolve().parents[1]
ICONS = ROOT / "resources" / "icons"


def ico_directory(data: bytes) -> list[tuple[int, int, int]]:
    """(side, bits per pixel, payload size) of each image of an .ico, with the container's own checks."""
    reserved, kind, count = struct.unpack_from("<HHH", data)
    assert (reserved, kind) == (0, 1) and count > 0
    images = []
    for index in range(count):
        width, height, _, _, planes, bits, size, offset = struct.unpack_from("<BBBBHHII", data, 6 + 16 * index)
        assert width == height and planes == 1 and offset + size <= len(data)
        payload = data[offset:offset + size]
        assert payload.startswith(b"\x89PNG") or struct.unpack_from("<I", payload)[0] == 40  # PNG or DIB
        images.append((width or 256, bits, size))
    return images


def test_ico_has_the_usual_sizes_in_32_bits() -> None:
    images = ico_directory((ICONS / "kafaat.ico").read_bytes())
    assert {side for side, _, _ in images} >= {16, 24, 32, 48, 256}
    assert {bits for _, bits, _ in images} == {32}


def test_qt_reads_every_image_of_the_ico_and_the_pngs(qapp) -> None:
    reader = QImageReader(str(ICONS / "kafaat.ico"))
    sides = []
    for index in range(reader.imageCount()):
        reader.jumpToImage(index)
        image = reader.read()
        assert not image.isNull(), reader.errorString()
        middle_of_a_bar = image.pixelColor(image.width() // 2, image.height() * 4 // 5)
        assert image.pixelColor(0, 0).alpha() == 0 and middle_of_a_bar.alpha() == 255  # rounded corners
        sides.append(image.width())
    assert sides == [side for side, _, _ in ico_directory((ICONS / "kafaat.ico").read_bytes())]
    for name, side in (("kafaat.png", 256), ("kafaat-48.png", 48)):
        image = QImageReader(str(ICONS / name)).read()
        assert (image.width(), image.height()) == (side, side)


def test_the_window_icon_comes_from_the_drawn_pngs(qapp) -> None:
    from desktop.app import application_icon

    icon = application_icon()
    assert not icon.isNull()
    assert {size.width() for size in icon.availableSizes()} == {48, 256}


def test_build_and_installer_use_the_same_ico() -> None:
    spec = (ROOT / "build.spec").read_text(encoding="utf-8")
    assert 'ICON = ROOT / "resources" / "icons" / "kafaat.ico"' in spec and "icon=icon" in spec
    script = (ROOT / "installer" / "kafaat.iss").read_text(encoding="utf-8-sig")
    assert "SetupIconFile=resources\\icons\\kafaat.ico" in script
