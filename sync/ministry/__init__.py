"""The ministry's half of ``sync/``: the national store (``store``, ``tables``, ``database``), the registry
of establishments' keys (``registry``), reading bundles (``reading``, the only module that touches
``sync.bundle``'s reader), re-validating their records (``checking``), consolidating them (``consolidation``)
and what the national store tells (``status``, ``extract``). It never imports the establishment's modules
(``sync.outbox``); both sides share ``sync.bundle``, ``sync.keys`` and ``sync.receipts``.
"""

from sync.ministry.registry import (
    enroll,
    enrolled,
    list_enrolled,
    read_enrollment,
    registry_dir,
    verify_bundle,
)

__all__ = ["enroll", "enrolled", "list_enrolled", "read_enrollment", "registry_dir", "verify_bundle"]
