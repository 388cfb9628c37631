"""A bundle read and checked as far as it can be without the store, possibly in another process while the
previous bundle is applied.

``prepare`` reads a verified bundle's records (decryption, decompression, decoding, the reader's checks)
and runs ``checking.precheck`` on each form: system members, the form's rules, identifiers repeated. None
of it reads the store, so a worker process can do it for bundle n + 1 while this process applies bundle n
(links, natural keys, writes, commit: ``checking.BundleChecker.finish`` and ``applying``). Two cores, two
halves of the work: on the national inbox, the consolidation's wall time drops by the worker's share
(``benchmarks/README.md``).

What the worker did is used only if it still holds inside the bundle's transaction: the same bundle (hash)
and the same signing key as the registry gives now (a key revoked meanwhile: the bundle is opened again in
the transaction, and refused there as before). Anything unexpected from the worker (a crash, a refusal to
start) and the bundle is simply read here, as without a worker: the worker only ever saves time. The
worker gets the ministry's identity once, when it starts (through the pipe that starts it; nothing is
written to disk), and is stopped at the end of the run.
"""

from __future__ import annotations

import multiprocessing
from collections.abc import Callable
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass, field
from typing import Any

from forms.collector import collector_paused
from forms.definitions import FORMS
from sync.bundle import DEFAULT_LIMITS, Limits, open_bundle
from sync.errors import BundleError
from sync.keys import Identity, PublicKeys
from sync.ministry.checking import Prechecked, precheck
from sync.ministry.reading import ROWS, TOMBSTONES, Head, Opened

MIN_BUNDLES = 4
"""A worker is started for runs of at least this many bundles to read (starting one costs about a second)."""


@dataclass
class Prepared:
    """What ``prepare`` made of one bundle."""

    establishment: str
    sequence: int
    previous_hash: str | None
    bundle_hash: str
    full: bool
    dropped: dict[str, list[str]]
    forms: dict[str, Prechecked] = field(default_factory=dict)
    """Known forms, in declaration order."""
    unknown: dict[str, int] = field(default_factory=dict)
    """Forms this ministry does not know → their records."""
    error: str | None = None
    """A ``BundleError`` met while reading the records (the bundle is refused, after the chain's checks)."""
    signer: PublicKeys | None = None
    """The key the bundle was verified with (set by the worker)."""

    def named(self, form: str) -> set[str]:
        """The ids of ``form`` the bundle names (records and tombstones, valid or not)."""
        pre = self.forms.get(form)
        return {record.id for record, _reasons in pre.candidates} if pre else set()


def prepare(opened: Opened) -> Prepared:
    """Read the records of ``opened`` (once) and check them without the store."""
    out = Prepared(opened.establishment, opened.sequence, opened.previous_hash, opened.bundle_hash, opened.full,
                   opened.bundle.dropped)
    parts: dict[str, dict[str, tuple[list[str], list[list[Any]]]]] = {}
    try:
        for form, part, columns, rows in opened.batches():
            slot = parts.setdefault(form, {})
            if part in slot:
                slot[part][1].extend(rows)
            else:
                slot[part] = (columns, list(rows))
    except BundleError as exc:  # found mid-way by the reader
        out.error = str(exc)
        return out
    for form, found in parts.items():
        if form not in FORMS:
            out.unknown[form] = sum(len(rows) for _c, rows in found.values())
    for form in FORMS:
        if form in parts:
            live_columns, live = parts[form].get(ROWS, ([], []))
            dead_columns, dead = parts[form].get(TOMBSTONES, ([], []))
            out.forms[form] = precheck(opened.establishment, form, live_columns, live, dead_columns, dead)
            del parts[form]  # its rows are no longer needed
    return out


# ------------------------------------------------------------------------------------ the worker side
_identity: Identity | None = None


def _start(identity: Identity) -> None:
    global _identity
    _identity = identity


def _prepare_bytes(data: bytes, signer: PublicKeys, limits: Limits) -> Prepared | None:
    """In the worker: verify, decrypt and prepare; None when the bundle does not open (this process will
    open it again in the transaction and give the reason)."""
    assert _identity is not None
    with collector_paused():
        try:
            opened = Opened(open_bundle(data, lambda _code: signer, _identity, limits))
        except BundleError:
            return None
        prepared = prepare(opened)
    prepared.signer = signer
    return prepared


# ------------------------------------------------------------------------------------ the driver side
class Prefetch:
    """One worker process preparing the next bundle. ``submit`` one ahead, ``take`` it when its turn comes."""

    def __init__(self, identity: Identity, limits: Limits = DEFAULT_LIMITS) -> None:
        self.limits = limits
        self.pool: ProcessPoolExecutor | None = ProcessPoolExecutor(
            1, mp_context=multiprocessing.get_context("spawn"), initializer=_start, initargs=(identity,))
        self.futures: dict[str, Future[Prepared | None]] = {}

    def submit(self, head: Head, data: bytes, signer: Callable[[], PublicKeys | None]) -> None:
        if self.pool is None or head.bundle_hash in self.futures:
            return
        try:
            key = signer()
        except BundleError:  # refused by the registry: read in the transaction, which says why
            return
        if key is None:
            return
        try:
            self.futures[head.bundle_hash] = self.pool.submit(_prepare_bytes, data, key, self.limits)
        except Exception:  # no worker (could not start, or broken): read here
            self._stop()

    def take(self, bundle_hash: str) -> Prepared | None:
        future = self.futures.pop(bundle_hash, None)
        if future is None:
            return None
        try:
            return future.result()
        except Exception:  # the worker died or failed: this process reads the bundle itself
            self._stop()
            return None

    def _stop(self) -> None:
        if self.pool is not None:
            self.pool.shutdown(wait=False, cancel_futures=True)
            self.pool = None
        self.futures.clear()

    def close(self) -> None:
        self._stop()
