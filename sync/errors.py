"""Every failure of this package is a ``SyncError`` carrying a French message for the user."""

from __future__ import annotations


class SyncError(Exception):
    """Base class: ``str(exc)`` is the French message shown to the user."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


# ---------------------------------------------------------------------------------------------- keys
class KeyError_(SyncError):
    """A problem with this data folder's own keys."""


class KeysMissing(KeyError_):
    pass


class KeysExist(KeyError_):
    pass


class WrongPassphrase(KeyError_):
    pass


class KeyFileInvalid(KeyError_):
    pass


# ---------------------------------------------------------------------------- documents from outside
class DocumentInvalid(SyncError):
    """An enrollment request, a ministry public key file or a receipt that is malformed or badly signed."""


class UntrustedSigner(DocumentInvalid):
    """A document signed by a key this folder does not trust."""


# ------------------------------------------------------------------------------------------- bundles
class BundleError(SyncError):
    """Base class of every refusal of a bundle by the reader."""


class BundleTooLarge(BundleError):
    pass


class BundleMalformed(BundleError):
    """The bytes do not follow the layout of ``docs/bundle-format.md`` (truncated, extended, bad JSON…)."""


class UnsupportedVersion(BundleError):
    pass


class UnknownEstablishment(BundleError):
    pass


class SignatureInvalid(BundleError):
    pass


class PayloadTampered(BundleError):
    """The payload does not match the hash and length the establishment signed."""


class NotARecipient(BundleError):
    pass


class DecryptionFailed(BundleError):
    pass


class DecompressionBudgetExceeded(BundleError):
    pass


class ManifestMismatch(BundleError):
    """The decrypted manifest or records contradict the signed outer header."""


# -------------------------------------------------------------------------------------------- export
class ExportRefused(SyncError):
    pass


class ReceiptRefused(SyncError):
    pass
