"""Export vers le ministère: the export assistant (what will be sent, which drafts are left out, the
passphrase, the destination folder such as a USB key, progress through the operation runner), the
outbox (written, acknowledged, waiting) and the reminder when the last export is older than the
reporting period. Every piece of work is a plain ``sync.outbox`` function run off the GUI thread."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.ui import files
from desktop.ui.context import AppContext
from desktop.ui.i18n import current_language, format_timestamp, isolate, ltr
from desktop.ui.keys_box import KeysBox
from desktop.ui.pages.base import Page
from forms.definitions import FORMS
from forms.i18n import Text
from forms.messages import localized
from forms.store.database import StoreError
from forms.tasks import TaskState


def _overview(workspace: Any, full: bool) -> tuple[Any, list[Any], Any, dict[str, str]]:
    from desktop.ui.list_query import belonging_titles
    from sync.outbox import export_due, list_outbox, preview_export

    plan = preview_export(workspace, full=full)
    # a draft cohort is named with its offering (« MS-CYBER · 2025-2026 · 2 »), as everywhere in the window
    names: dict[str, str] = {}
    for key in dict.fromkeys(key for key, _id, _title in plan.draft_samples):
        names.update(belonging_titles(workspace.engine, key, [i for k, i, _t in plan.draft_samples if k == key]))
    try:
        workspace.reporting_period_days  # noqa: B018 (checked alone: only this refusal is shown as the reminder)
    except StoreError as exc:  # a hand-edited reporting period: said on the reminder's line, export still possible
        return plan, list_outbox(workspace), exc, names
    return plan, list_outbox(workspace), export_due(workspace), names


STAYS = Text("restent à l'établissement (jamais envoyés)", "تبقى لدى المؤسسة (لا تُرسَل أبدا)",
             "stay at the establishment (never sent)")
PSEUDONYMISED = Text("envoyés sous pseudonyme", "تُرسَل باسم مستعار", "sent as a pseudonym")
NO_PROGRAMME_KEY = Text("Aucune clé de programme installée : le code national des étudiants n'est pas envoyé.",
                        "لا يوجد مفتاح البرنامج: لا يُرسَل الرمز الوطني للطلبة.",
                        "No programme key installed: students' national codes are not sent.")


def personal_lines(plan: Any, lang: str) -> str:
    """What stays here and what leaves as a pseudonym, per form (from the declarations), shown before the
    passphrase is asked."""
    lines = []
    for key, sharing in plan.sharing(lang).items():
        label = FORMS[key].plural.get(lang)
        colon, comma = (" : ", ", ") if lang == "fr" else (": ", "، ") if lang == "ar" else (": ", ", ")
        if sharing["withheld"]:
            lines.append(f"{label} — {STAYS.get(lang)}{colon}{comma.join(sharing['withheld'])}")
        if sharing["pseudonymised"]:
            lines.append(f"{label} — {PSEUDONYMISED.get(lang)}{colon}{comma.join(sharing['pseudonymised'])}")
    if plan.pseudonym_key is None and any(f.pseudonymised_fields for f in FORMS.values()):
        lines.append(NO_PROGRAMME_KEY.get(lang))
    return "\n".join(lines)


def _export(workspace: Any, passphrase: str, destination: Path, full: bool, state: TaskState) -> Any:
    from sync.keys import load_identity
    from sync.outbox import export_bundle

    state.step(0, 5, "ouverture des clés")
    identity = load_identity(workspace, passphrase)
    return export_bundle(workspace, identity, destination, full=full, state=state)


class ExportPage(Page):
    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self.setObjectName("page_export")
        self.plan: Any = None
        self._generation = 0
        """Only the newest overview is shown (toggling « tout envoyer » twice starts two that may finish
        in either order)."""
        layout = QVBoxLayout(self)
        title = self.tr("Export vers le ministère")
        layout.addWidget(QLabel(f"<h2>{title}</h2>"))

        self.reminder = QLabel()
        self.reminder.setObjectName("reminder")
        self.reminder.setWordWrap(True)
        layout.addWidget(self.reminder)

        self.keys = KeysBox(context)
        self.keys.changed.connect(self.refresh)
        layout.addWidget(self.keys)

        box = QGroupBox(self.tr("Ce qui sera envoyé"))
        inner = QVBoxLayout(box)
        self.summary = QLabel(self.tr("Calcul en cours…"))
        self.summary.setObjectName("summary")
        self.summary.setWordWrap(True)
        self.summary.setTextFormat(Qt.TextFormat.PlainText)
        inner.addWidget(self.summary)
        self.personal = QLabel()
        self.personal.setObjectName("personal")
        self.personal.setWordWrap(True)
        self.personal.setTextFormat(Qt.TextFormat.PlainText)
        inner.addWidget(self.personal)
        inner.addWidget(QLabel(self.tr("Brouillons laissés de côté (jamais envoyés) :")))
        self.drafts = QListWidget()
        self.drafts.setObjectName("drafts")
        self.drafts.setMaximumHeight(110)
        inner.addWidget(self.drafts)
        self.full = QCheckBox(self.tr("Tout envoyer (lot complet), pas seulement les changements"))
        self.full.setObjectName("full")
        self.full.toggled.connect(lambda _on: self.refresh())
        inner.addWidget(self.full)
        layout.addWidget(box)

        box = QGroupBox(self.tr("Écrire le lot"))
        form = QFormLayout(box)
        self.passphrase = QLineEdit()
        self.passphrase.setObjectName("passphrase")
        self.passphrase.setEchoMode(QLineEdit.EchoMode.Password)
        form.addRow(self.tr("Phrase de passe des clés"), self.passphrase)
        row = QHBoxLayout()
        self.destination = QLineEdit()
        self.destination.setObjectName("destination")
        self.destination.setPlaceholderText(self.tr("Dossier de destination, par exemple une clé USB"))
        choose = QPushButton(self.tr("Choisir…"))
        choose.setObjectName("choose_destination")
        choose.clicked.connect(self.choose_destination)
        row.addWidget(self.destination, 1)
        row.addWidget(choose)
        form.addRow(self.tr("Destination"), row)
        self.export_button = QPushButton(self.tr("Exporter le lot"))
        self.export_button.setObjectName("export_button")
        self.export_button.clicked.connect(self.export)
        form.addRow(self.export_button)
        self.message = QLabel()
        self.message.setObjectName("message")
        self.message.setWordWrap(True)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        form.addRow(self.message)
        layout.addWidget(box)

        box = QGroupBox(self.tr("Boîte d'envoi"))
        inner = QVBoxLayout(box)
        self.outbox = QTableWidget(0, 5)
        self.outbox.setObjectName("outbox")
        self.outbox.setHorizontalHeaderLabels([self.tr("N°"), self.tr("État"), self.tr("Écrit le"),
                                               self.tr("Enregistrements"), self.tr("Fichier")])
        self.outbox.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.outbox.horizontalHeader().setStretchLastSection(True)
        self.outbox.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.outbox.verticalHeader().setVisible(False)
        inner.addWidget(self.outbox)
        layout.addWidget(box, 1)
        # the overview is computed by ``activated``, which the window calls right after building the page

    # ------------------------------------------------------------------------------------- overview
    def activated(self) -> None:
        self.keys.update_status()
        self.refresh()

    def refresh(self) -> None:
        workspace, full = self.context.workspace, self.full.isChecked()
        self._generation += 1
        generation = self._generation

        def shown(result: tuple[Any, ...]) -> None:
            if generation == self._generation:
                self.show_overview(result)

        def failed(exc: BaseException) -> None:
            if generation == self._generation:
                self.show_failure(exc)

        self.context.runner.run(lambda _state: _overview(workspace, full), title=self.tr("Export"),
                                on_success=shown, on_failure=failed, parent=self)

    def show_overview(self, result: tuple[Any, ...]) -> None:
        plan, entries, due = result[:3]
        names: dict[str, str] = result[3] if len(result) > 3 else {}
        self.plan = plan
        lines = [self.tr("Prochain lot : n° {n}").format(n=plan.sequence)
                 + (self.tr(" (complet)") if plan.full else "")]
        for key, counts in plan.counts.items():
            lines.append(self.tr("{form} : {records}, {deletions}").format(
                form=FORMS[key].plural.get(self.lang),
                records=self.tr("%n enregistrement(s)", "", counts["records"]),
                deletions=self.tr("%n suppression(s)", "", counts["tombstones"])))
        lines.append(self.tr("Destinataires : {names}").format(names=", ".join(ltr(r) for r in plan.recipients) or "—"))
        if not plan.keys_ready:
            lines.append(self.tr("Créez d'abord les clés de l'établissement (encadré « Clés et destinataires »)."))
        if not plan.recipients:
            lines.append(self.tr("Ajoutez d'abord un ministère destinataire (encadré « Clés et destinataires »)."))
        self.summary.setText("\n".join(lines))
        self.personal.setText(personal_lines(plan, self.lang))
        self.drafts.clear()
        for key, record_id, title in plan.draft_samples:
            shown = names.get(record_id) or title
            self.drafts.addItem(f"{FORMS[key].label.get(self.lang)} — {isolate(shown)}  ({ltr(record_id)})")
        self.export_button.setEnabled(not plan.problems())
        if isinstance(due, BaseException):  # the reporting period of settings.json refused: where and what
            self.reminder.setText(localized(due, current_language(), bidi=True))
            self.reminder.setStyleSheet("color: #b03a2e; font-weight: bold;")
        else:
            reminder = self.due_text(due)  # a line of its own: it opens with a capital
            self.reminder.setText(reminder[:1].upper() + reminder[1:])
            self.reminder.setStyleSheet("color: #b03a2e; font-weight: bold;" if due.due else "")
        self.outbox.setRowCount(len(entries))
        for row, entry in enumerate(reversed(entries)):
            values = [self.locale().toString(entry.sequence), self.state_label(entry.state),
                      format_timestamp(entry.written_at), self.locale().toString(entry.total), entry.file_name or ""]
            for column, value in enumerate(values):
                self.outbox.setItem(row, column, QTableWidgetItem(value))

    def state_label(self, state: str) -> str:
        """An outbox state in the window's language (literal strings, so that lupdate finds them)."""
        labels = {"reserved": self.tr("réservé (pas encore écrit)"),
                  "written": self.tr("écrit, en attente d'accusé"),
                  "acknowledged": self.tr("accusé de réception reçu")}
        return labels.get(state, state)

    def due_text(self, due: Any) -> str:
        """``DueStatus.message()`` in the window's language."""
        if due.last_written_at is None:
            return self.tr("aucun lot n'a encore été exporté")
        days = int(due.days_since or 0)
        when = (self.tr("dernier lot exporté aujourd'hui") if days == 0
                else self.tr("dernier lot exporté hier") if days == 1
                else self.tr("dernier lot exporté il y a %n jour(s)", "", days))
        if due.due:
            return self.tr("{when} (période de {period}) : un export est attendu").format(
                when=when, period=self.tr("%n jour(s)", "", due.period_days))
        return when

    def show_failure(self, exc: BaseException) -> None:
        self.message.setText(localized(exc, current_language(), bidi=True))

    # --------------------------------------------------------------------------------------- export
    def choose_destination(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, self.tr("Dossier de destination"),
                                                  self.destination.text() or str(files.start_folder()))
        if folder:
            files.remember(folder)
            self.destination.setText(folder)

    def export(self) -> None:
        destination = self.destination.text().strip()
        if not destination:
            self.message.setText(self.tr("Choisissez d'abord le dossier de destination (par exemple une clé USB)."))
            return
        if not self.passphrase.text():
            self.message.setText(self.tr("Saisissez la phrase de passe des clés de l'établissement."))
            return
        workspace, secret, full = self.context.workspace, self.passphrase.text(), self.full.isChecked()
        self.passphrase.clear()
        self.export_button.setEnabled(False)
        self.message.setText(self.tr("Export en cours…"))

        def done(result: Any) -> None:
            self.export_button.setEnabled(True)
            entry = result.entry
            self.message.setText(self.tr("Lot n° {n} écrit : {path}").format(n=entry.sequence, path=result.path))

        def failed(exc: BaseException) -> None:
            self.export_button.setEnabled(True)
            self.message.setText(localized(exc, current_language(), bidi=True))

        def cancelled() -> None:
            self.export_button.setEnabled(True)
            self.message.setText(self.tr("Export annulé : aucun lot n'a été écrit."))
            self.refresh()

        self.context.runner.run(lambda state: _export(workspace, secret, Path(destination), full, state),
                                title=self.tr("Export du lot"), on_success=done, on_failure=failed,
                                on_cancelled=cancelled, progress=True, changes_data=True, parent=self)
