"""The ministry's window on a real ministry folder: the inbox (files dropped, forecast before decryption,
consolidated off the GUI thread, receipts written, status updated), the establishments page's actions
(enrol, revoke, each showing the fingerprint), the national dashboard, lists and PDF summary, and the
language switch (Arabic right to left, fingerprints isolated)."""

from __future__ import annotations

import contextlib
import gc
from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDropEvent
from PySide6.QtWidgets import QApplication, QFileDialog, QInputDialog

from sync.ministry.status import establishments_status
from tests.desktop import ministry_scene
from tests.sync.conftest import PASSPHRASE


@pytest.fixture(scope="module")
def keys():
    out = ministry_scene.identities()
    return out, ministry_scene.sealed(out)


@pytest.fixture
def scene(tmp_path: Path, keys):
    identities, sealed = keys
    built = ministry_scene.build(tmp_path, identities, sealed, enrol=("ECC", "ESITH"))
    yield built
    built.close()


@pytest.fixture
def app(scene, qtbot):
    from desktop.ministry_app import MinistryApplication

    application = MinistryApplication(scene.ministry, "fr")
    window = application.attach_now()
    qtbot.waitUntil(lambda: not application.context.runner.active, timeout=10_000)
    yield application
    for win in (application.window, window):
        with contextlib.suppress(RuntimeError):
            win.close_without_asking()
    application.context.runner.wait_all(10_000)
    QApplication.processEvents()


def idle(qtbot, app) -> None:
    qtbot.waitUntil(lambda: not app.context.runner.active, timeout=30_000)


def drop(page, paths: list[Path]) -> None:
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(p)) for p in paths])
    event = QDropEvent(QPointF(10, 10), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton,
                       Qt.KeyboardModifier.NoModifier)
    page.dropEvent(event)


def cell(table, row: int, column: int) -> str:
    item = table.item(row, column)
    return item.text().replace("\u2066", "").replace("\u2069", "") if item is not None else ""


def forecast_of(page, file_name: str) -> str:
    for row in range(page.table.rowCount()):
        if cell(page.table, row, 0) == file_name:
            return cell(page.table, row, 4)
    raise AssertionError(file_name)


def outcome_of(page, file_name: str) -> str:
    for row in range(page.table.rowCount()):
        if cell(page.table, row, 0) == file_name:
            return cell(page.table, row, 5)
    raise AssertionError(file_name)


def test_ministry_folder_opens_the_ministry_pages(app):
    window = app.window
    keys = [window.nav.item(row).data(Qt.ItemDataRole.UserRole) for row in range(window.nav.count())]
    assert keys == ["inbox", "establishments", "national_dashboard", "data", "report", "settings"]
    assert window.current_page().objectName() == "page_inbox"


def test_inbox_forecast_consolidation_and_status(app, scene, qtbot, tmp_path, monkeypatch):
    first_ecc = scene.export("ECC")
    ministry_scene.edit_one(scene.schools["ECC"])
    second_ecc = scene.export("ECC")
    esith = scene.export("ESITH")
    iscae = scene.export("ISCAE")  # ISCAE is not enrolled
    page = app.window.navigate("inbox")

    # only n° 2 of ECC first: it waits for n° 1; ISCAE has no key
    drop(page, [second_ecc, esith.parent, iscae])
    idle(qtbot, app)
    assert page.table.rowCount() == 3
    assert forecast_of(page, second_ecc.name) == "En attente du n° 1"
    assert forecast_of(page, esith.name) == "Nouveau : sera appliqué"
    assert forecast_of(page, iscae.name).startswith("Refusé : établissement sans clé active")
    # adding n° 1 changes the forecast of n° 2: the batch fills its own gap
    drop(page, [first_ecc])
    idle(qtbot, app)
    assert forecast_of(page, first_ecc.name) == "Nouveau : sera appliqué"
    assert forecast_of(page, second_ecc.name) == "Nouveau : sera appliqué"
    assert not any(s.last_sequence for s in establishments_status(scene.ministry))  # nothing decrypted yet

    receipts = tmp_path / "accuses"
    page.passphrase.setText(PASSPHRASE)
    page.receipts.setText(str(receipts))
    qtbot.mouseClick(page.consolidate_button, Qt.MouseButton.LeftButton)
    idle(qtbot, app)
    assert page.report is not None
    assert outcome_of(page, first_ecc.name).startswith("Appliqué")
    assert outcome_of(page, second_ecc.name).startswith("Appliqué")
    assert outcome_of(page, esith.name).startswith("Appliqué")
    assert outcome_of(page, iscae.name).startswith("Refusé")
    assert sorted(p.name for p in receipts.iterdir()) == ["accuse-MIC-ECC-1.json", "accuse-MIC-ECC-2.json",
                                                          "accuse-MIC-ESITH-1.json"]
    status = {s.code: s for s in establishments_status(scene.ministry)}
    assert status["ECC"].last_sequence == 2 and not status["ECC"].late
    assert status["ESITH"].last_sequence == 1
    # the establishments page, refreshed by data_changed, shows it
    establishments = app.window.navigate("establishments")
    idle(qtbot, app)
    rows = {cell(establishments.table, r, 1): r for r in range(establishments.table.rowCount())}
    assert cell(establishments.table, rows["ECC"], 5) == "2"
    assert cell(establishments.table, rows["ECC"], 0) == "à jour"
    assert cell(establishments.table, 0, 0) == "EN RETARD"  # late ones first

    # a receipt lost on the way, written again from the establishment's chain
    establishments.select("ECC")
    idle(qtbot, app)
    assert [cell(establishments.bundles, r, 1) for r in range(establishments.bundles.rowCount())] == ["2", "1"]
    establishments.bundles.setCurrentCell(0, 0)
    again = tmp_path / "renvoi"
    again.mkdir()
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *a, **k: str(again))
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: (PASSPHRASE, True))
    qtbot.mouseClick(establishments.receipt_button, Qt.MouseButton.LeftButton)
    idle(qtbot, app)
    assert [p.name for p in again.iterdir()] == ["accuse-MIC-ECC-2.json"]
    from sync.receipts import read_receipt

    body = read_receipt((again / "accuse-MIC-ECC-2.json").read_bytes(), "accusé")[0]
    first = read_receipt((receipts / "accuse-MIC-ECC-2.json").read_bytes(), "accusé")[0]
    assert (body["establishment"], body["sequence"], body["bundle_hash"]) == (
        "ECC", 2, first["bundle_hash"])

    # the same files again: all duplicates, forecast and outcome
    page.add_paths([])
    idle(qtbot, app)
    assert forecast_of(page, first_ecc.name).startswith("Doublon")
    assert page.passphrase.text() == ""  # not kept after the consolidation
    page.passphrase.setText(PASSPHRASE)
    qtbot.mouseClick(page.consolidate_button, Qt.MouseButton.LeftButton)
    idle(qtbot, app)
    assert outcome_of(page, second_ecc.name).startswith("Doublon")


def test_receipts_that_cannot_be_written_leave_the_bundles_consolidated(app, scene, qtbot, tmp_path, shown_errors):
    """A receipts folder where the receipt cannot be written (here a folder already holds its name; a full USB
    key alike): the bundle is consolidated all the same and the page says which receipts are missing and how to
    write them; before, the window showed an error after the bundle was applied, as if nothing had been."""
    path = scene.export("ECC")
    receipts = tmp_path / "accuses"
    (receipts / "accuse-MIC-ECC-1.json").mkdir(parents=True)
    page = app.window.navigate("inbox")
    page.add_paths([path])
    idle(qtbot, app)
    page.passphrase.setText(PASSPHRASE)
    page.receipts.setText(str(receipts))
    qtbot.mouseClick(page.consolidate_button, Qt.MouseButton.LeftButton)
    idle(qtbot, app)
    assert not shown_errors
    assert outcome_of(page, path.name).startswith("Appliqué")
    assert "n'ont pas tous pu être écrits" in page.summary.text() and "Établissements" in page.summary.text()
    assert {s.code: s for s in establishments_status(scene.ministry)}["ECC"].last_sequence == 1


def test_wrong_passphrase_is_refused_without_change(app, scene, qtbot, shown_errors):
    path = scene.export("ECC")
    page = app.window.navigate("inbox")
    page.add_paths([path])
    idle(qtbot, app)
    page.passphrase.setText("pas la bonne")
    qtbot.mouseClick(page.consolidate_button, Qt.MouseButton.LeftButton)
    idle(qtbot, app)
    assert shown_errors and "phrase de passe" in shown_errors[0].lower()
    assert page.consolidate_button.isEnabled()
    assert not any(s.last_sequence for s in establishments_status(scene.ministry))


def test_an_empty_passphrase_is_asked_for_before_any_key_is_opened(app, scene, qtbot, shown_errors):
    """« Consolider » clicked before the passphrase was typed ran, then showed the key's French refusal in a
    dialog (in the Arabic window too): the page asks for it first, in the window's language."""
    path = scene.export("ECC")
    page = app.window.navigate("inbox")
    page.add_paths([path])
    idle(qtbot, app)
    assert page.passphrase.text() == ""
    qtbot.mouseClick(page.consolidate_button, Qt.MouseButton.LeftButton)
    assert not app.context.runner.active and not page.running
    assert "phrase de passe" in page.summary.text() and not shown_errors
    assert not any(s.last_sequence for s in establishments_status(scene.ministry))


def test_the_establishments_search_shows_its_whole_hint(app, qtbot):
    """At 1280×720 the search box beside the establishments' buttons was narrower than « Chercher (code, … »."""
    window = app.window
    window.resize(1280, 720)
    window.show()
    page = window.navigate("establishments")
    idle(qtbot, app)
    qtbot.waitExposed(window)
    box = page.search
    assert box.width() >= box.fontMetrics().horizontalAdvance(box.placeholderText()) + 8


def test_the_national_lists_columns_show_their_titles(app, qtbot):
    """« Offre de formation continue », « Employeur(s) commanditaire(s) »: the national list's titles were cut
    on both sides in 100-pixel columns; each column is now as wide as its title (up to a bound)."""
    from desktop.ui.pages.ministry.national_data_page import HEADER_WIDTHS

    page = app.window.navigate("data")
    for index in range(page.form_box.count()):
        page.form_box.setCurrentIndex(index)
        idle(qtbot, app)
        header = page.view.horizontalHeader()
        for column in range(page.model.columnCount()):
            wanted = min(header.sectionSizeHint(column), HEADER_WIDTHS[1])
            assert header.sectionSize(column) >= wanted, (page.form_key(), column)


def test_establishments_enrol_and_revoke_show_the_fingerprint(app, scene, qtbot, dialogs, monkeypatch, tmp_path):
    iscae = scene.identities["ISCAE"]
    request = ministry_scene.enrollment_file(scene, iscae, tmp_path / "demandes")
    page = app.window.navigate("establishments")
    idle(qtbot, app)
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(request), ""))

    dialogs.answer = dialogs.answer.__class__.No
    qtbot.mouseClick(page.enroll_button, Qt.MouseButton.LeftButton)
    idle(qtbot, app)
    assert iscae.public.fingerprint in dialogs.asked[-1]
    assert not next(s for s in establishments_status(scene.ministry) if s.code == "ISCAE").enrolled  # said no

    dialogs.answer = dialogs.answer.__class__.Yes
    qtbot.mouseClick(page.enroll_button, Qt.MouseButton.LeftButton)
    idle(qtbot, app)
    assert next(s for s in establishments_status(scene.ministry) if s.code == "ISCAE").enrolled
    assert iscae.public.fingerprint in page.message.text()
    page.select("ISCAE")
    idle(qtbot, app)
    assert cell(page.keys, 0, 0) == "active"
    assert cell(page.keys, 0, 1) == iscae.public.fingerprint
    assert page.keys.item(0, 1).text() == f"\u2066{iscae.public.fingerprint}\u2069"

    qtbot.mouseClick(page.revoke_button, Qt.MouseButton.LeftButton)
    idle(qtbot, app)
    assert "ISCAE" in dialogs.asked[-1] and iscae.public.fingerprint in dialogs.asked[-1]
    status = next(s for s in establishments_status(scene.ministry) if s.code == "ISCAE")
    assert not status.enrolled and status.key_state == "revoked"
    page.select("ISCAE")
    idle(qtbot, app)
    assert cell(page.keys, 0, 0) == "révoquée"


def test_enrolling_a_damaged_request_changes_nothing(app, scene, qtbot, dialogs, monkeypatch, tmp_path, shown_errors):
    bad = tmp_path / "abime.json"
    bad.write_bytes(ministry_scene.public_document(scene.identities["ISCAE"]).replace(b'"', b"'", 3))
    page = app.window.navigate("establishments")
    idle(qtbot, app)
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(bad), ""))
    qtbot.mouseClick(page.enroll_button, Qt.MouseButton.LeftButton)
    idle(qtbot, app)
    assert shown_errors and not dialogs.asked
    assert not next(s for s in establishments_status(scene.ministry) if s.code == "ISCAE").enrolled


def consolidate_all(scene) -> None:
    from sync.keys import load_identity
    from sync.ministry.consolidation import consolidate

    paths = [scene.export(code) for code in ("ECC", "ESITH")]
    consolidate(scene.ministry, load_identity(scene.ministry, PASSPHRASE), paths)


def test_dashboard_lists_and_pdf(app, scene, qtbot, monkeypatch, tmp_path):
    consolidate_all(scene)
    dashboard = app.window.navigate("national_dashboard")
    idle(qtbot, app)
    assert dashboard.figures is not None
    headline = {dashboard.findChild(type(dashboard.status), f"value_{i}").text() for i in range(3)}
    assert any("2 / " in text for text in headline)  # two establishments reported
    every_year = dashboard.figures
    # (30+40 + 35+45+30) places and a continuing-education offering of 30 each; enrolled over 2 years
    assert every_year.places == 205 + 2 * 30 and every_year.enrolled == 269
    tiles = {ind.key: value for ind, value in every_year.tiles}  # the new forms' tiles, from their profiles
    assert tiles["rd_projects"] == 5 and tiles["ce_trainees"] == 24 + 2 * 25
    assert dashboard.tiles.count() == 12 + len(every_year.tiles) == 16
    dashboard.year.setCurrentIndex(dashboard.year.findData("2024-2025"))
    idle(qtbot, app)
    assert dashboard.figures.enrolled == 2 * 24 + 3 * 25  # ECC: 2 offerings x 24; ESITH: 3 x 25
    dashboard.region.setCurrentIndex(dashboard.region.findData("04"))  # Rabat: none of them
    idle(qtbot, app)
    assert dashboard.figures.enrolled == 0 and dashboard.figures.reporting == 0

    data = app.window.navigate("data")
    data.form_box.setCurrentIndex(data.form_box.findData("offering"))
    total = data.model.rowCount()
    assert total == 7  # ECC 2 offerings, ESITH 3 (ministry_scene.populate: 2 + index % 2), 1 continuing each
    data.establishment.setCurrentIndex(data.establishment.findData("ESITH"))
    assert data.model.rowCount() == 4
    assert {data.model.data(data.model.index(r, 0)) for r in range(4)} == {"ESITH"}
    for form, count in (("rd_project", 3), ("ce_session", 2)):  # the new forms' national lists, ESITH's
        data.form_box.setCurrentIndex(data.form_box.findData(form))
        assert data.model.rowCount() == count, form
    data.form_box.setCurrentIndex(data.form_box.findData("offering"))
    data.establishment.setCurrentIndex(0)
    data.view.sortByColumn(1, Qt.SortOrder.DescendingOrder)
    codes = [data.model.data(data.model.index(r, 1)) for r in range(data.model.rowCount())]
    assert codes == sorted(codes, reverse=True)
    data.search.setText("MS-ECC-1")
    data.apply_filter()
    assert data.model.rowCount() == 1
    idle(qtbot, app)
    assert data.count.text() == "1 enregistrement"  # counted off the GUI thread

    report = app.window.navigate("report")
    idle(qtbot, app)
    pdf = tmp_path / "resume.pdf"
    report.make_pdf(pdf)
    idle(qtbot, app)
    assert pdf.read_bytes().startswith(b"%PDF") and pdf.stat().st_size > 5000

    # the committee's workbook, through the report engineer's function, off the GUI thread
    from openpyxl import load_workbook

    book = tmp_path / "comite.xlsx"
    report.make_workbook(book)
    idle(qtbot, app)
    assert report.last_workbook == book and report.workbook_button.isEnabled()
    sheets = load_workbook(book, read_only=True).sheetnames
    assert len(sheets) > 3
    assert "2 établissements sur" in report.message.text()


def test_language_switch_arabic_then_english(app, scene, qtbot):
    from desktop.ui.i18n import install_language

    try:
        settings = app.window.navigate("settings")
        old = app.window
        settings.language.setCurrentIndex(settings.language.findData("ar"))
        qtbot.mouseClick(settings.apply_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: app.window is not old)
        idle(qtbot, app)
        window = app.window
        assert QApplication.layoutDirection() == Qt.LayoutDirection.RightToLeft
        assert window.nav.item(0).text() == "صندوق الوارد"
        assert window.nav.item(1).text() == "المؤسسات"
        page = window.navigate("establishments")
        idle(qtbot, app)
        assert page.enroll_button.text() == "تسجيل مؤسسة…"
        assert page.selected_code() == page.statuses[0].code  # the first row is selected, right to left too
        page.select("ECC")
        idle(qtbot, app)
        assert page.selected_code() == "ECC" and page.view.code == "ECC"
        assert page.keys.item(0, 1).text().startswith("\u2066")  # the fingerprint isolated left to right
        assert "المؤسسات" in window.counts_label.text()
        assert scene.ministry.settings["language"] == "ar"

        settings = window.navigate("settings")
        old = window
        settings.language.setCurrentIndex(settings.language.findData("en"))
        qtbot.mouseClick(settings.apply_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: app.window is not old)
        idle(qtbot, app)
        assert QApplication.layoutDirection() == Qt.LayoutDirection.LeftToRight
        assert app.window.navigate("inbox").consolidate_button.text() == "Consolidate"
    finally:
        install_language("fr")


def test_real_start_path_opens_the_store_after_the_first_paint(scene, qtbot):
    """``kafaat --data-dir`` on a ministry folder: the frame first, the folder and its national store opened
    off the GUI thread, then the inbox."""
    from desktop.ministry_app import MinistryApplication
    from sync.ministry.store import close_national_store

    close_national_store(scene.ministry)
    application = MinistryApplication(root=scene.ministry.root, lang="fr", ministry="MIC")
    window = application.show()
    try:
        assert window.context is None and "Ministère de l'Industrie" in window.windowTitle()
        # Collections on the GUI thread while the folder opens (what the application's collector does): the
        # runner that opens it must be held by the application, not only by its own cycle.
        qtbot.waitUntil(lambda: gc.collect() >= 0 and window.context is not None, timeout=20_000)
        idle(qtbot, application)
        assert window.current_page().objectName() == "page_inbox"
        assert "Établissements : " in window.counts_label.text()
    finally:
        window.close_without_asking()
        if application.context is not None:
            application.context.runner.wait_all(10_000)
        if application.workspace is not None:
            close_national_store(application.workspace)
            application.workspace.close()
        QApplication.processEvents()


def test_a_refresh_asked_while_the_statuses_are_read_is_not_lost(app, scene, qtbot, monkeypatch):
    """Bundles consolidated while the establishments' statuses are still being read: the refresh the
    consolidation asks for runs once the reading is done, so the page ends with the new statuses."""
    import sync.ministry.status as status
    from tests.desktop.holding import HeldRead

    page = app.window.navigate("establishments")
    idle(qtbot, app)
    held = HeldRead(monkeypatch, status, "establishments_status")
    page.refresh()
    qtbot.waitUntil(lambda: held.reading.is_set())  # read before the consolidation below
    consolidate_all(scene)
    held.stop_holding()
    app.window.context.runner.data_changed.emit()  # what the inbox does after a consolidation
    held.let_go()
    qtbot.waitUntil(lambda: not page.loading and any(s.code == "ECC" and s.last_sequence for s in page.statuses))


@pytest.mark.parametrize("lang", ["fr", "ar"])
def test_the_outcomes_of_a_consolidation_are_not_cut(scene, qtbot, tmp_path, lang):
    """At the window's size (1200×680, in a 1280×720 screen), the outcome column was left 130 px by the
    forecast's 250: « طُبقت: 16 مقبولًا من … » was cut. Once consolidated, the forecast column gives the outcome
    the width it needs."""
    from desktop.ministry_app import MinistryApplication
    from desktop.ui.i18n import install_language

    install_language(lang)
    application = MinistryApplication(scene.ministry, lang)
    window = application.attach_now()
    try:
        window.resize(1200, 680)
        idle(qtbot, application)
        paths = [scene.export("ECC"), scene.export("ESITH")]
        page = window.navigate("inbox")
        page.add_paths(paths)
        idle(qtbot, application)
        page.passphrase.setText(PASSPHRASE)
        page.receipts.setText(str(tmp_path / "accuses"))
        qtbot.mouseClick(page.consolidate_button, Qt.MouseButton.LeftButton)
        idle(qtbot, application)
        QApplication.processEvents()
        table = page.table
        assert outcome_of(page, paths[1].name)
        assert table.columnWidth(5) >= table.sizeHintForColumn(5), (table.columnWidth(5), table.sizeHintForColumn(5))
        assert table.columnWidth(4) >= 120
    finally:
        window.close_without_asking()
        application.context.runner.wait_all(10_000)
        install_language("fr")


def test_a_bad_reporting_period_is_said_and_fixed_in_the_settings(scene, qtbot, shown_errors):
    """``reporting_period_days`` hand-edited to something that is not a number of days: never taken as 30
    without a word. The status bar says where and what is allowed (once, not a dialog at every reading), the
    establishments page refuses with the same message, the settings page shows it beside the period, and
    « Appliquer » writes a good value."""
    import json

    from desktop.ministry_app import MinistryApplication

    scene.ministry.update_settings(reporting_period_days="trente")
    application = MinistryApplication(scene.ministry, "fr")
    window = application.attach_now()
    try:
        idle(qtbot, application)
        said = window.counts_label.text()
        assert "settings.json" in said and "reporting_period_days" in said and "de 1 à 366" in said, said
        window.navigate("establishments")
        idle(qtbot, application)
        assert len(shown_errors) == 1 and "de 1 à 366" in shown_errors[0], shown_errors
        settings = window.navigate("settings")
        assert settings.period_problem.isVisibleTo(settings) and "\"trente\"" in settings.period_problem.text()
        assert settings.period.value() == 30
        settings.period.setValue(45)
        qtbot.mouseClick(settings.apply_button, Qt.MouseButton.LeftButton)
        assert json.loads(scene.ministry.settings_path.read_text(encoding="utf-8"))["reporting_period_days"] == 45
        assert not settings.period_problem.isVisibleTo(settings)
        qtbot.waitUntil(lambda: "Établissements : " in window.counts_label.text(), timeout=10_000)
    finally:
        window.close_without_asking()
        application.context.runner.wait_all(10_000)
        QApplication.processEvents()
