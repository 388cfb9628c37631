"""What a new user reads first follows the declared forms and fits a 1280×720 screen: the first-run
assistant names every form; the status bar shows every form's count (labels shortened, figures never)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication

from desktop.ui.i18n import install_language
from forms.definitions import FORMS
from forms.i18n import lowered
from forms.store.records import DRAFT
from tests.conftest import fill_every_form

pytestmark = pytest.mark.usefixtures("compiled_translations")  # the .qm files built


@pytest.mark.parametrize("lang", ["fr", "ar", "en"])
def test_the_assistant_names_every_declared_form(qtbot, tmp_path, lang):
    from desktop.ui.setup_wizard import SetupWizard

    install_language(lang)
    wizard = SetupWizard(tmp_path / "nouveau", lang)
    qtbot.addWidget(wizard)
    wizard.show()
    qtbot.waitExposed(wizard)
    text = wizard.intro.text()
    for form in FORMS.values():
        assert lowered(form.plural.get(lang)) in text, (lang, form.key, text)
    assert "{" not in text and "r&D" not in text
    intro = wizard.intro  # whole: the header's two lines cut the English sentence
    assert intro.isVisible() and intro.heightForWidth(intro.width()) <= intro.height(), (lang, text)
    install_language("fr")


@pytest.mark.parametrize("lang", ["fr", "ar"])
def test_the_status_bar_shows_every_forms_count_at_1280(qtbot, workspace, lang):
    from desktop.app import Application
    from tests.conftest import internship_values

    store = workspace.records()
    ids = fill_every_form(store)
    for _ in range(3):  # a draft count too: « Stages : 4 (3 brouillons) »
        store.save("internship", internship_values(ids["offering"], ids["cohort"], student_code=None), status=DRAFT)
    install_language(lang)
    app = Application(workspace, lang)
    window = app.attach_now()
    try:
        window.resize(1280, 720)
        window.show()
        qtbot.waitUntil(lambda: window.counts_label.text() != "" and not app.context.runner.active, timeout=10_000)
        QApplication.processEvents()
        assert window.width() <= 1280
        for label in (window.counts_label, window.export_label):
            text = label.text()
            assert label.fontMetrics().horizontalAdvance(text) <= label.contentsRect().width(), (lang, text)
        text = window.counts_label.text()
        parts = [part.strip() for part in text.split("·")]
        assert len(parts) == len(FORMS), text
        drafts = QCoreApplication.translate("MainWindow", "(%n brouillon(s))", "", 3)
        figures = ["2", "1", f"4 {drafts}", "1", "1"]  # every form's count whole, the drafts in words
        assert [part.endswith(figure) for part, figure in zip(parts, figures, strict=True)] == [True] * 5, parts
        for form in FORMS.values():  # each form still named, at least its first letters
            assert form.plural.get(lang)[:2] in text, (form.key, text)
        tooltip = window.counts_label.toolTip()
        assert all(form.plural.get(lang) in tooltip for form in FORMS.values())  # the whole words
    finally:
        window.close_without_asking()
        app.context.runner.wait_all(10_000)
        install_language("fr")
