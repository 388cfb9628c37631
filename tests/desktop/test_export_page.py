"""The export page through the real widgets: what will be sent, drafts left out, a wrong passphrase,
an export to a destination folder with progress, the outbox and the reminder."""

from __future__ import annotations

import pytest

from forms.store.records import DRAFT
from sync.keys import Identity, identity_name, seal_identity
from sync.outbox import list_outbox
from tests.conftest import OFFERING
from tests.sync.conftest import PASSPHRASE, install_keys, trust


@pytest.fixture
def ready(workspace, tmp_path):
    """ECC with keys, trusting MIC, one complete offering and one draft — before the window opens."""
    ecc = Identity.generate("establishment", "ECC", identity_name("establishment", "ECC"))
    mic = Identity.generate("ministry", "MIC", identity_name("ministry", "MIC"))
    install_keys(workspace, ecc, seal_identity(ecc, PASSPHRASE))
    trust(workspace, mic, tmp_path)
    store = workspace.records()
    store.save("offering", OFFERING)
    store.save("offering", {"code": "BROUILLON", "title": "Offre en cours"}, status=DRAFT)
    return workspace


def test_export_assistant(qtbot, ready, application, tmp_path):
    page = application.window.navigate("export")
    assert page is not None and page.objectName() == "page_export"
    qtbot.waitUntil(lambda: page.plan is not None and not application.context.runner.active, timeout=10_000)
    assert "n° 1" in page.summary.text() and "MIC" in page.summary.text()
    assert "1 enregistrement," in page.summary.text()
    assert page.drafts.count() == 1 and "BROUILLON" in page.drafts.item(0).text()
    # a line of its own, in red above the page: a sentence with its capital (Xvfb showed « aucun lot n'a … »)
    assert page.reminder.text() == "Aucun lot n'a encore été exporté"
    # before the passphrase is asked: what stays here, what leaves as a pseudonym (declared per field)
    assert "Stages — restent à l'établissement (jamais envoyés) : Nom, Prénom" in page.personal.text()
    assert "Aucune clé de programme" in page.personal.text()

    usb = tmp_path / "usb"
    usb.mkdir()
    page.destination.setText(str(usb))
    page.passphrase.setText("pas la bonne phrase")
    page.export_button.click()
    qtbot.waitUntil(lambda: "phrase de passe incorrecte" in page.message.text(), timeout=15_000)
    assert list_outbox(ready) == [] and not list(usb.iterdir())

    page.passphrase.setText(PASSPHRASE)
    page.export_button.click()
    qtbot.waitUntil(lambda: "Lot n° 1 écrit" in page.message.text(), timeout=15_000)
    qtbot.waitUntil(lambda: page.outbox.rowCount() == 1 and not application.context.runner.active, timeout=10_000)
    assert [p.name for p in usb.iterdir()] == ["kafaat-ECC-000001.kfb"]
    assert page.outbox.item(0, 0).text() == "1" and "en attente" in page.outbox.item(0, 1).text()
    assert "n° 2" in page.summary.text()
    assert "un export est attendu" not in page.reminder.text()
    assert page.passphrase.text() == ""  # the passphrase does not linger in the widget


def test_without_recipients_the_export_is_disabled_and_says_why(qtbot, workspace, application):
    page = application.window.navigate("export")
    qtbot.waitUntil(lambda: page.plan is not None and not application.context.runner.active, timeout=10_000)
    assert not page.export_button.isEnabled()
    assert "Créez d'abord les clés" in page.summary.text() and "kafaat" not in page.summary.text()
    assert "Ajoutez d'abord un ministère destinataire" in page.summary.text()


def test_the_overview_shown_is_the_one_of_the_current_choice(qtbot, ready, application, monkeypatch):
    """« Tout envoyer » checked then unchecked: the slower first overview (complete bundle) must not
    replace the newer one when it finishes last."""
    import threading

    import desktop.ui.pages.export_page as export_page

    page = application.window.navigate("export")
    qtbot.waitUntil(lambda: page.plan is not None and not application.context.runner.active, timeout=10_000)
    gate = threading.Event()
    original = export_page._overview

    def overview(workspace, full):
        if full:
            gate.wait(60)
        return original(workspace, full)

    monkeypatch.setattr(export_page, "_overview", overview)
    page.full.setChecked(True)
    page.full.setChecked(False)
    qtbot.waitUntil(lambda: len(application.context.runner.active) == 1, timeout=10_000)
    gate.set()
    qtbot.waitUntil(lambda: not application.context.runner.active, timeout=10_000)
    assert not page.plan.full and "(complet)" not in page.summary.text()


def test_outbox_states_are_translated(qtbot, ready, application):
    page = application.window.navigate("export")
    qtbot.waitUntil(lambda: page.plan is not None and not application.context.runner.active, timeout=10_000)
    from desktop.ui.i18n import install_language

    install_language("ar")
    try:
        assert page.state_label("acknowledged") == "تم التوصل بالإشعار"
        assert page.state_label("written") != "écrit, en attente d'accusé"
    finally:
        install_language("fr")
    assert page.state_label("written") == "écrit, en attente d'accusé"


def test_a_draft_cohort_left_out_is_named_with_its_offering(qtbot, workspace, application, store):
    """Under Xvfb the drafts left out read « Cohorte — 2025-2026 — 2 (fb1c67ce-…) »: only the UUID told which
    offering's cohort it was. It is named by its key path, as everywhere else in the window."""
    from tests.conftest import cohort_values

    offering, _ = store.save("offering", OFFERING)
    draft, _ = store.save("cohort", cohort_values(offering.id), status=DRAFT)
    page = application.window.navigate("export")
    page.refresh()
    qtbot.waitUntil(lambda: page.plan is not None and page.drafts.count() == 1
                    and not application.context.runner.active, timeout=10_000)
    shown = page.drafts.item(0).text()
    assert "MS-CYBER · 2025-2026 · 2" in shown and draft.id in shown, shown


def test_a_bad_reporting_period_is_said_on_the_reminder_line_and_the_export_stays_possible(qtbot, ready,
                                                                                            application):
    """``reporting_period_days`` hand-edited to 0: the reminder's line says where it is and what is allowed
    (never « 30 days » without a word); the bundle can still be exported."""
    ready.update_settings(reporting_period_days=0)
    page = application.window.navigate("export")
    qtbot.waitUntil(lambda: page.plan is not None and not application.context.runner.active, timeout=10_000)
    said = page.reminder.text()
    assert "settings.json" in said and "reporting_period_days vaut 0" in said and "de 1 à 366" in said, said
    assert page.export_button.isEnabled() and "n° 1" in page.summary.text()
