"""Re-validating a bundle's records before they enter the national store: a signature proves who sent a
record, not that it is right.

Each record is checked on its own with the form's declaration as received (``received.py``): its system
members (identifier, establishment, version, change sequence), field rules and cross-field rules
(``forms.validation``), identifiers repeated within the bundle, natural-key uniqueness within the
establishment (on the state the store will have once the bundle is applied), links to that
establishment's records, live in the store or accepted from the same bundle, and what the declarations
require of the records those links name (``linked.py``: a session's offering of type « formation
continue », an internship's cohort of the internship's offering). An invalid record is refused with its
reasons in French; the others are accepted.

A column the bundle does not carry is « not sent », never « empty »: its required rule is not applied
(a withheld field, or a field added by a newer version of the establishment's application); the rule is
stated once, in ``sync.received.not_sent``. A column the
ministry does not know is ignored and named in the receipt's problems.
"""

from __future__ import annotations

import operator
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from itertools import repeat
from typing import Any

from sqlalchemy import Connection, select

from forms.compiled import parse_and_validate_rows
from forms.definitions import FORMS
from forms.i18n import plural
from forms.schema import Form
from sync.ministry import linked
from sync.ministry.received import received_form
from sync.ministry.tables import record_table
from sync.received import sent_errors

ID_RE = re.compile(r"^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$")
SYSTEM = ("id", "establishment", "version", "created_at", "updated_at", "change_seq")
BATCH = 2000
"""Records validated together (``parse_and_validate_rows``)."""
_ID_RUN = re.compile(r"(?:[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\n)*").fullmatch
"""Ids as ``ID_RE`` wants them, each followed by a newline (which none can hold): a column in one match."""
_SYSTEM_PICK = operator.itemgetter(*range(len(SYSTEM)))
_STR, _INT, _TEXT_OR_NONE = frozenset({str}), frozenset({int}), frozenset({str, type(None)})
_NO_REASONS: list[str] = []
"""Copied for each record's (fresh, empty) list of reasons; never changed itself."""


def _short_texts(column: tuple[Any, ...]) -> bool:
    """Every value ``None`` or a text of at most 32 characters (a record's time stamps)."""
    kinds = set(map(type, column))
    if not kinds <= _TEXT_OR_NONE:
        return False
    present = [v for v in column if v is not None] if type(None) in kinds else column
    return not present or max(map(len, present)) <= 32


@dataclass
class Refusal:
    form: str
    id: str
    reasons: list[str]

    def to_json(self) -> dict[str, Any]:
        return {"form": self.form, "id": self.id, "reasons": self.reasons}


@dataclass
class Accepted:
    """One record to apply: its system members and typed values (live) or None (tombstone)."""

    id: str
    version: int
    change_seq: int
    created_at: str | None
    updated_at: str | None
    values: dict[str, Any] | None


@dataclass
class FormResult:
    form: str
    total: int = 0
    accepted: list[Accepted] = field(default_factory=list)
    refusals: list[Refusal] = field(default_factory=list)


@dataclass
class StoreState:
    """What the store holds for one establishment and one form: every id (deleted or not), and the
    natural keys of the live ones."""

    known: dict[str, bool]
    """id → deleted"""
    natural_keys: dict[str, tuple[Any, ...]]


def load_state(conn: Connection, form_key: str, establishment: str) -> StoreState:
    form, table = received_form(form_key), record_table(form_key)
    columns = [table.c.id, table.c.deleted, *(table.c[k] for k in form.natural_key)]
    rows = conn.execute(select(*columns).where(table.c.establishment == establishment)).all()  # one fetchall
    known = {row[0]: bool(row[1]) for row in rows}
    keys = {row[0]: tuple(row[2:]) for row in rows if not row[1]} if form.natural_key else {}
    return StoreState(known, keys)


def _label(form: Form, key: str) -> str:
    return form.field(key).label.fr if form.has_field(key) else key


def _natural_key_text(form: Form, values: tuple[Any, ...]) -> str:
    parts = []
    for key, value in zip(form.natural_key, values, strict=True):
        parts.append(f"{_label(form, key)} = {value.isoformat() if hasattr(value, 'isoformat') else value}")
    return ", ".join(parts)


def _key_of(keys: tuple[str, ...]) -> Callable[[dict[str, Any]], tuple[Any, ...]]:
    """The natural key of typed values (which hold every field: ``parse_and_validate_rows``)."""
    if len(keys) == 1:
        return lambda values: (values.get(keys[0]),)
    pick = operator.itemgetter(*keys)

    def key_of(values: dict[str, Any]) -> tuple[Any, ...]:
        try:
            return pick(values)
        except KeyError:
            return tuple(values.get(k) for k in keys)
    return key_of


class BundleChecker:
    """Checks one bundle of ``establishment``, form after form in declaration order (links point to earlier
    forms), against the store seen through ``conn``."""

    def __init__(self, conn: Connection, establishment: str) -> None:
        self.conn = conn
        self.establishment = establishment
        self.states: dict[str, StoreState] = {}
        self.live_after: dict[str, set[str]] = {}
        self.problems: list[str] = []
        self.accepted_values: dict[str, dict[str, dict[str, Any]]] = {}
        """Per form read by a declared condition (``linked.targets``): id → values of the records accepted
        from this bundle."""
        self.stored_values: dict[str, dict[str, dict[str, Any]]] = {}
        """Per such form: id → values of live records read from the store (only those the links name)."""

    def state(self, form_key: str) -> StoreState:
        if form_key not in self.states:
            self.states[form_key] = load_state(self.conn, form_key, self.establishment)
        return self.states[form_key]

    def live_ids(self, form_key: str) -> set[str]:
        """The form's live ids once this bundle is applied (forms already checked), or as in the store."""
        if form_key in self.live_after:
            return self.live_after[form_key]
        return {i for i, deleted in self.state(form_key).known.items() if not deleted}

    def _linked_lookups(self, cross: linked.CrossChecks, candidates: list[tuple[Accepted, list[str]]]
                        ) -> list[tuple[str, dict[str, dict[str, Any]]]]:
        """Per link field that a condition or a rule reads: linked id → the values that record will have once
        the bundle is applied (accepted from this bundle, else live in the store: the ones the candidates
        name and this bundle did not bring are read from the store at once)."""
        out = []
        for f in cross.needed:
            target_form = f.link or ""
            ids = {r.values.get(f.key) for r, reasons in candidates if not reasons and r.values is not None}
            ids.discard(None)
            have = self.accepted_values.get(target_form, {})
            stored = self.stored_values.setdefault(target_form, {})
            missing = [i for i in ids if i not in have and i not in stored]
            if missing:
                stored.update(linked.load_live(self.conn, target_form, self.establishment, missing))
            out.append((f.key, {**stored, **have} if stored else have))
        return out

    def _system(self, form_key: str, row: dict[str, Any]) -> list[str]:
        reasons = []
        rid = row.get("id")
        if not isinstance(rid, str) or not ID_RE.fullmatch(rid):
            reasons.append("identifiant d'enregistrement invalide")
        if row.get("establishment") != self.establishment:
            reasons.append(f"enregistrement de l'établissement « {str(row.get('establishment'))[:40]} » dans un lot "
                           f"de {self.establishment}")
        for key, low in (("version", 1), ("change_seq", 0)):
            value = row.get(key)
            if not isinstance(value, int) or isinstance(value, bool) or not low <= value < 1 << 62:
                reasons.append(f"« {key} » invalide")
        for key in ("created_at", "updated_at"):
            value = row.get(key)
            if value is not None and (not isinstance(value, str) or len(value) > 32):
                reasons.append(f"« {key} » invalide")
        return reasons

    def _system_columns(self, rows: list[list[Any]]) -> list[tuple[Any, ...]] | None:
        """The system members' columns of ``rows`` (in ``SYSTEM`` order) when, a column at a time, every one is
        well formed (``_system`` would find nothing) and no id comes twice; ``None`` otherwise (then record by
        record, which says what is wrong)."""
        if not rows:
            return None
        try:
            columns = list(zip(*map(_SYSTEM_PICK, rows), strict=True))
            ids, establishments, versions, created, updated, changes = columns
            well_formed = (
                set(map(type, ids)) == _STR and _ID_RUN("\n".join(ids) + "\n") is not None
                and len(set(ids)) == len(ids) and set(establishments) == {self.establishment}
                and set(map(type, versions)) == _INT and min(versions) >= 1 and max(versions) < 1 << 62
                and set(map(type, changes)) == _INT and min(changes) >= 0 and max(changes) < 1 << 62
                and _short_texts(created) and _short_texts(updated))
        except (IndexError, TypeError, ValueError):  # a row too short, a value that cannot be hashed…
            return None
        return columns if well_formed else None

    def check(self, form_key: str, columns: list[str], rows: Iterable[list[Any]],
              tomb_columns: list[str], tombstones: Iterable[list[Any]]) -> FormResult:
        form = received_form(form_key)
        result = FormResult(form_key)
        present = {c for c in columns if form.has_field(c)}
        unknown = [c for c in columns if c not in SYSTEM and not form.has_field(c)]
        if unknown:
            ignored = plural(len(unknown), "colonne inconnue ignorée|colonnes inconnues ignorées")
            self.problems.append(f"{FORMS[form_key].plural.fr if form_key in FORMS else form_key} : {ignored} : "
                                 f"{', '.join(unknown[:10])}")
        system_index = [(c, columns.index(c)) for c in SYSTEM if c in columns]
        seen: set[str] = set()
        candidates: list[tuple[Accepted, list[str]]] = []  # (record, refusal reasons so far)
        if not isinstance(rows, list):
            rows = list(rows)
        result.total += len(rows)
        system = self._system_columns(rows) if system_index == [(c, i) for i, c in enumerate(SYSTEM)] else None
        if system is not None:
            # The usual bundle: every record's system members well formed and no id twice (checked a column at
            # a time), so nothing to say record by record.
            ids, _establishments, versions, created, updated, changes = system
            seen.update(ids)
            candidates += zip(map(Accepted, ids, versions, changes, created, updated, repeat(None)),
                              map(list.copy, repeat(_NO_REASONS, len(rows))), strict=True)
        else:
            for row in rows:
                system = {c: row[i] for c, i in system_index}
                reasons = self._system(form_key, system)
                rid = system.get("id") if isinstance(system.get("id"), str) else str(system.get("id"))[:36]
                if rid in seen:
                    reasons.append("identifiant présent deux fois dans le lot")
                seen.add(rid)
                candidates.append((Accepted(rid, system.get("version"), system.get("change_seq"),  # type: ignore[arg-type]
                                            system.get("created_at"), system.get("updated_at"), None), reasons))
        # The form's rules over the records at once, their values read in place (no dictionary a record).
        names = [c if c in present else None for c in columns]
        for start in range(0, len(rows), BATCH):
            checked = parse_and_validate_rows(form, names, rows[start:start + BATCH])
            for (record, reasons), (values, issues) in zip(candidates[start:start + BATCH], checked, strict=True):
                record.values = values
                if issues:
                    reasons.extend(f"{_label(form, i.field)} : {i.message.fr}" for i in sent_errors(issues, present))
        tomb_index = {c: i for i, c in enumerate(tomb_columns)}
        for row in tombstones:
            result.total += 1
            system = {c: row[tomb_index[c]] for c in SYSTEM if c in tomb_index}
            reasons = self._system(form_key, system)
            rid = system.get("id") if isinstance(system.get("id"), str) else str(system.get("id"))[:36]
            if rid in seen:
                reasons.append("identifiant présent deux fois dans le lot")
            seen.add(rid)
            candidates.append((Accepted(rid, system.get("version"), system.get("change_seq"),  # type: ignore[arg-type]
                                        system.get("created_at"), system.get("updated_at"), None), reasons))

        # Links and natural keys, on the state the store will have once the bundle is applied.
        state = self.state(form_key)
        touched = {c.id for c, reasons in candidates if not reasons}
        held_keys: dict[tuple[Any, ...], str] = {}
        if form.natural_key:
            for rid, key in state.natural_keys.items():
                if rid not in touched and None not in key:
                    held_keys[key] = rid
        live = {i for i, deleted in state.known.items() if not deleted}
        links = [(f, self.live_ids(f.link or "")) for f in form.links]
        cross = linked.cross_checks(form_key)
        lookups = self._linked_lookups(cross, candidates) if cross else []
        natural_key = _key_of(form.natural_key) if form.natural_key else None
        for record, reasons in sorted(candidates, key=lambda c: c[0].change_seq if isinstance(c[0].change_seq, int)
                                      else 0):
            if not reasons and record.values is not None:
                for f, live_targets in links:
                    target = record.values.get(f.key)
                    if target is not None and target not in live_targets:
                        reasons.append(f"{_label(form, f.key)} : l'enregistrement lié {target} n'existe pas (ou "
                                       "plus) dans les données reçues de cet établissement")
                if lookups and not reasons:
                    targets = {}
                    for key, lookup in lookups:
                        found = lookup.get(record.values.get(key))  # type: ignore[arg-type]
                        if found is not None:
                            targets[key] = found
                    if targets and (broken := linked.reasons(form, cross, record.values, targets)):
                        reasons.extend(broken)
                if natural_key is not None and not reasons:
                    key = natural_key(record.values)
                    if None not in key:
                        other = held_keys.get(key)
                        if other is not None and other != record.id:
                            reasons.append(f"un autre enregistrement ({other}) a déjà {_natural_key_text(form, key)}")
                        else:
                            held_keys[key] = record.id
            if reasons:
                result.refusals.append(Refusal(form_key, record.id, reasons))
                continue
            result.accepted.append(record)
            if record.values is None:
                live.discard(record.id)
            else:
                live.add(record.id)
        self.live_after[form_key] = live
        if form_key in linked.targets():
            self.accepted_values[form_key] = {r.id: r.values for r in result.accepted if r.values is not None}
        return result
