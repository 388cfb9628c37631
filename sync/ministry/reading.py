"""The one door through which the ministry reads bundle files (``sync.bundle``).

``peek`` names a bundle without any cryptography (establishment, sequence, previous hash, bundle hash):
enough to recognise a file already consolidated before decrypting it. ``open_verified`` verifies and
decrypts; ``Opened.batches`` yields the records form by form, as (form, part, columns, rows) with ``part``
« rows » (live complete records) or « tombstones ». Withheld fields are dropped here (``received.kept``).

Bundle format 2 (chunked payload, bundle hash over the signed part) changes ``sync.bundle``'s API; this
module is the only one to adapt.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

from sync.bundle import (
    DEFAULT_LIMITS,
    TOMBSTONE_COLUMNS,
    Limits,
    OpenedBundle,
    file_hash,
    open_bundle,
    parse_envelope,
)
from sync.keys import Identity, PublicKeys
from sync.ministry.received import kept

ROWS, TOMBSTONES = "rows", "tombstones"


@dataclass(frozen=True)
class Head:
    """What a bundle says of itself before anything is verified."""

    establishment: str
    sequence: int
    previous_hash: str | None
    bundle_hash: str
    bundle_id: str
    created_at: str
    signer_key_id: str


def bundle_hash(data: bytes) -> str:
    return file_hash(data)


def peek(data: bytes, limits: Limits = DEFAULT_LIMITS) -> Head:
    """The bundle's outer header, parsed within limits (raises a ``BundleError``), nothing verified."""
    header = parse_envelope(data, limits).header
    return Head(header["establishment"], header["sequence"], header["previous_hash"], file_hash(data),
                header["bundle_id"], header["created_at"], header["signer_key_id"])


@dataclass
class Opened:
    """A verified, decrypted bundle."""

    bundle: OpenedBundle

    @property
    def header(self) -> dict[str, Any]:
        return self.bundle.header

    @property
    def manifest(self) -> dict[str, Any]:
        return self.bundle.manifest

    @property
    def bundle_hash(self) -> str:
        return self.bundle.file_hash

    @property
    def establishment(self) -> str:
        return self.bundle.establishment

    @property
    def sequence(self) -> int:
        return self.bundle.sequence

    @property
    def previous_hash(self) -> str | None:
        return self.bundle.header["previous_hash"]

    @property
    def signer(self) -> PublicKeys:
        return self.bundle.signer

    @property
    def full(self) -> bool:
        return self.bundle.manifest.get("full") is True

    def counts(self) -> dict[str, int]:
        """Records (live and tombstones) per form, as announced by the manifest."""
        return {form: int(c.get("records", 0)) + int(c.get("tombstones", 0))
                for form, c in self.bundle.manifest.get("counts", {}).items()}

    def batches(self) -> Iterator[tuple[str, str, list[str], list[list[Any]]]]:
        """(form, part, columns, rows) with the withheld columns already dropped."""
        for form, table in self.bundle.tables.items():
            for part, columns, rows in ((ROWS, table.columns, table.rows),
                                        (TOMBSTONES, list(TOMBSTONE_COLUMNS), table.tombstones)):
                keep = [i for i, c in enumerate(columns) if kept(form, c)]
                if len(keep) != len(columns):
                    columns = [columns[i] for i in keep]
                    rows = [[row[i] for i in keep] for row in rows]
                yield form, part, list(columns), rows


def open_verified(data: bytes, registry: Callable[[str, str], PublicKeys | None], identity: Identity,
                  limits: Limits = DEFAULT_LIMITS) -> Opened:
    """Verify (signatures, recipient, payload) and decrypt. ``registry(establishment, key_id)`` returns the
    key to check the signature with, or None. Raises a ``BundleError``."""
    key_id = parse_envelope(data, limits).header["signer_key_id"]
    return Opened(open_bundle(data, lambda code: registry(code, key_id), identity, limits))
