"""Keys, the signed and encrypted bundle (write, verify, read), the establishment's outbox and receipts,
and the ministry's half of the loop (registry, verification, receipts). No Qt here.

Format specification: ``docs/bundle-format.md``.
"""
