"""The one door through which the ministry reads bundle files (``sync.bundle``, formats 1 and 2).

``peek`` names a bundle without any cryptography (establishment, sequence, previous hash, bundle hash —
for format 2 a hash over the signed part, for format 1 the file's SHA-256): enough to recognise a file
already consolidated before decrypting it. ``open_verified`` verifies (signatures, recipient, payload,
key commitment) and reads the manifest; ``Opened.batches`` then yields the records form by form, as
(form, part, columns, rows), ``part`` « rows » (live complete records) or « tombstones », checked as they
come: a ``BundleError`` may rise mid-way, so they are read inside the bundle's transaction. Withheld
fields never arrive (format 2) or are dropped on arrival (format 1, by the reader; ``received.kept`` once
more here).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

from sync.bundle import DEFAULT_LIMITS, Head, Limits, OpenedBundle, open_bundle
from sync.bundle import peek as _peek
from sync.keys import Identity, PublicKeys
from sync.ministry.received import kept

ROWS, TOMBSTONES = "rows", "tombstones"

__all__ = ["ROWS", "TOMBSTONES", "Head", "Opened", "open_verified", "peek"]


def peek(data: bytes, limits: Limits = DEFAULT_LIMITS) -> Head:
    """The bundle's signed header, parsed within limits (raises a ``BundleError``), nothing verified."""
    return _peek(data, limits)


@dataclass
class Opened:
    """A verified bundle addressed to this ministry."""

    bundle: OpenedBundle

    @property
    def header(self) -> dict[str, Any]:
        return self.bundle.header

    @property
    def manifest(self) -> dict[str, Any]:
        return self.bundle.manifest

    @property
    def bundle_hash(self) -> str:
        return self.bundle.bundle_hash

    @property
    def establishment(self) -> str:
        return self.bundle.establishment

    @property
    def sequence(self) -> int:
        return self.bundle.sequence

    @property
    def previous_hash(self) -> str | None:
        return self.bundle.previous_hash

    @property
    def signer(self) -> PublicKeys:
        return self.bundle.signer

    @property
    def full(self) -> bool:
        return self.bundle.manifest.get("full") is True

    def batches(self) -> Iterator[tuple[str, str, list[str], list[list[Any]]]]:
        """(form, part, columns, rows), withheld columns dropped; read once."""
        for form, part, columns, rows in self.bundle.batches():
            keep = [i for i, c in enumerate(columns) if kept(form, c)]
            if len(keep) != len(columns):
                columns = [columns[i] for i in keep]
                rows = [[row[i] for i in keep] for row in rows]
            yield form, part, list(columns), rows


def open_verified(data: bytes, registry: Callable[[str, str], PublicKeys | None], identity: Identity,
                  limits: Limits = DEFAULT_LIMITS) -> Opened:
    """Verify and open. ``registry(establishment, key_id)`` returns the key to check the signature with, or
    None. Raises a ``BundleError``."""
    key_id = _peek(data, limits).signer_key_id
    return Opened(open_bundle(data, lambda code: registry(code, key_id), identity, limits))
