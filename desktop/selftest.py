"""``kafaat selftest``: is this installation (packaged or not) able to do its work?

Each check uses the real component on temporary files: Qt renders a window offscreen (Arabic text
included), the database is created and migrated, a workbook is written and read back, and keys sign,
encrypt and decrypt. Used on the frozen build, where a missing data file or plugin shows up here first.
"""

from __future__ import annotations

import os
import tempfile
import traceback
from collections.abc import Callable, Iterator
from pathlib import Path


def check_resources(tmp: Path) -> str:
    from forms.reference import REFERENCE_TABLES, reference

    sizes = {name: len(reference(name).choices) for name in REFERENCE_TABLES}
    assert sizes["regions"] == 12, sizes
    return f"{sum(sizes.values())} valeurs de référence"


def check_database(tmp: Path) -> str:
    from forms.store.database import HEAD_REVISION
    from forms.workspace import ESTABLISHMENT, Workspace

    ws = Workspace.create(tmp / "data", ESTABLISHMENT, establishment="ECC", operator="selftest")
    try:
        store = ws.records()
        record, _ = store.save("cohort", {"academic_year": "2025-2026"}, status="draft")
        assert store.get("cohort", record.id) is not None
    finally:
        ws.close()
    return f"SQLite, schéma {HEAD_REVISION}, enregistrement écrit et relu"


def check_excel(tmp: Path) -> str:
    import openpyxl
    from python_calamine import CalamineWorkbook

    path = tmp / "t.xlsx"
    wb = openpyxl.Workbook(write_only=True)
    ws = wb.create_sheet("Test")
    ws.append(["code", "Intitulé", "=1+1"])
    wb.save(path)
    rows = CalamineWorkbook.from_path(str(path)).get_sheet_by_index(0).to_python()
    assert rows[0][:2] == ["code", "Intitulé"], rows
    import defusedxml  # noqa: F401  (openpyxl parses defused when it is present)

    return f"openpyxl {openpyxl.__version__} écrit, calamine relit, defusedxml présent"


def check_crypto(tmp: Path) -> str:
    import cryptography
    from cryptography.hazmat.primitives.asymmetric import ed25519, x25519
    from cryptography.hazmat.primitives.hpke import AEAD, KDF, KEM, Suite

    key = ed25519.Ed25519PrivateKey.generate()
    signature = key.sign(b"kafaat-selftest")
    key.public_key().verify(signature, b"kafaat-selftest")
    recipient = x25519.X25519PrivateKey.generate()
    suite = Suite(KEM.X25519, KDF.HKDF_SHA256, AEAD.AES_256_GCM)
    secret = os.urandom(32)
    sealed = suite.encrypt(secret, recipient.public_key(), info=b"kafaat-selftest")
    assert suite.decrypt(sealed, recipient, info=b"kafaat-selftest") == secret
    # What every bundle uses: ML-DSA-65 next to Ed25519, HPKE X-Wing (ML-KEM-768 + X25519), zstd, AES-GCM.
    from sync.bundle import open_bundle, seal_bundle
    from sync.keys import Identity

    establishment = Identity.generate("establishment", "ECC", "selftest")
    ministry = Identity.generate("ministry", "MIC", "selftest")
    bundle = seal_bundle(establishment, [ministry.public], bundle_id="00000000-0000-4000-8000-000000000000",
                         sequence=1, previous_hash=None, created_at="2026-01-01T00:00:00Z", manifest={},
                         records={"offering": []})
    assert open_bundle(bundle, {"ECC": establishment.public}.get, ministry).sequence == 1
    return (f"cryptography {cryptography.__version__} : Ed25519, HPKE X25519 ; lot signé (Ed25519 + ML-DSA-65), "
            "chiffré (X-Wing) et relu")


def check_qt(tmp: Path) -> str:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6 import __version__ as pyside_version
    from PySide6.QtWidgets import QApplication, QLabel

    app = QApplication.instance() or QApplication(["kafaat-selftest"])
    label = QLabel("Kafaat — كفاءات")
    label.resize(240, 40)
    image = label.grab()
    assert not image.isNull() and image.width() > 0
    path = tmp / "qt.png"
    assert image.save(str(path)) and path.stat().st_size > 0
    label.deleteLater()
    app.processEvents()
    return f"PySide6 {pyside_version}, plateforme {QApplication.platformName()}, rendu d'un texte arabe"


CHECKS: list[tuple[str, Callable[[Path], str]]] = [
    ("données de référence", check_resources),
    ("base de données", check_database),
    ("Excel", check_excel),
    ("cryptographie", check_crypto),
    ("Qt hors écran", check_qt),
]


def run_checks() -> Iterator[tuple[str, bool, str]]:
    for name, check in CHECKS:
        with tempfile.TemporaryDirectory(prefix="kafaat-selftest-") as tmp:
            try:
                yield name, True, check(Path(tmp))
            except Exception as exc:  # each failure is reported, the others still run
                detail = "".join(traceback.format_exception_only(type(exc), exc)).strip()
                yield name, False, detail
