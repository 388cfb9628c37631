"""The loop back to the establishment: which of its records a ministry refused, and why, until a later
bundle carries a corrected version (issue « consolidation », item 5).

Nothing new is stored: the receipts kept with each bundle (``bundles.receipt``, one per ministry) name the
refused records (``refused_records``), and each bundle covers a known range of the change sequence. A record
is still refused by a ministry when the last receipt of that ministry covering the record's current change
refused it; once the record is changed again (a corrected version, sent by the next bundle), or a later
bundle that carried it was accepted, the refusal is over.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import select

from forms.definitions import FORMS
from forms.store.tables import record_table
from sync.outbox import list_outbox


@dataclass(frozen=True)
class Refusal:
    ministry: str
    sequence: int
    reasons: tuple[str, ...]

    def to_json(self) -> dict[str, Any]:
        return {"ministry": self.ministry, "sequence": self.sequence, "reasons": list(self.reasons)}


def open_refusals(workspace: Any) -> dict[str, dict[str, list[Refusal]]]:
    """form → record id → the refusals still standing (one per ministry), from the receipts imported."""
    entries = [e for e in list_outbox(workspace) if e.receipt]
    named: dict[tuple[str, str], None] = {}
    for entry in entries:
        for body in entry.receipt.values():
            for r in body.get("refused_records") or []:
                if r.get("form") in FORMS:
                    named[(r["form"], r["id"])] = None
    if not named:
        return {}
    current: dict[tuple[str, str], int] = {}
    with workspace.engine.connect() as conn:
        for form in FORMS:
            ids = [rid for f, rid in named if f == form]
            table = record_table(form)
            for start in range(0, len(ids), 500):
                for rid, seq in conn.execute(select(table.c.id, table.c.change_seq)
                                             .where(table.c.id.in_(ids[start:start + 500]))):
                    current[(form, rid)] = seq
    standing: dict[tuple[str, str, str], Refusal] = {}
    for entry in sorted(entries, key=lambda e: e.sequence):
        for ministry, body in entry.receipt.items():
            refused = {(r["form"], r["id"]): tuple(r.get("reasons") or ())
                       for r in body.get("refused_records") or [] if r.get("form") in FORMS}
            for key, seq in current.items():
                if not entry.after_change_seq < seq <= entry.up_to_change_seq:
                    continue  # this bundle did not carry the record's current version
                if key in refused:
                    standing[(ministry, *key)] = Refusal(ministry, entry.sequence, refused[key])
                else:
                    standing.pop((ministry, *key), None)  # carried again and accepted
    out: dict[str, dict[str, list[Refusal]]] = {}
    for (_ministry, form, rid), refusal in sorted(standing.items()):
        out.setdefault(form, {}).setdefault(rid, []).append(refusal)
    return out
