"""The keys of a data folder, encrypted at rest, and the self-signed public documents built from them.

An establishment has a signing identity: Ed25519 + ML-DSA-65 (a hybrid: a signature is valid only when
both verify). A ministry has the same signing identity (for receipts and its own public key file) plus
encryption keys for HPKE: X25519 and ML-KEM-768 (used together as the X-Wing hybrid KEM).

Private keys at rest (``keys/identity.json``): scrypt (stored, bounded parameters) derives a key from
the passphrase, AES-256-GCM encrypts the raw private key bytes, the file's other members are the
associated data. Written atomically, mode 0600. See ``docs/bundle-format.md`` § Keys.
"""

from __future__ import annotations

import json
import os
import re
import struct
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from cryptography.exceptions import InvalidSignature, InvalidTag
from cryptography.hazmat.primitives import hpke
from cryptography.hazmat.primitives.asymmetric import ed25519, mldsa, mlkem, x25519
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.scrypt import Scrypt

from forms.atomic import write_atomic
from forms.messages import Message, os_reason
from forms.reference import reference
from sync.encoding import b64d, b64e, dumps, loads_strict, now_utc, sha256, spoken_fingerprint
from sync.errors import (
    DocumentInvalid,
    KeyFileInvalid,
    KeysExist,
    KeysMissing,
    SyncError,
    WrongPassphrase,
)

ED25519 = "ed25519"
MLDSA65 = "ml-dsa-65"
X25519 = "x25519"
MLKEM768 = "ml-kem-768"
KEY_ORDER = (ED25519, MLDSA65, X25519, MLKEM768)
KEY_TAGS = {ED25519: 1, MLDSA65: 2, X25519: 3, MLKEM768: 4}
PUBLIC_SIZES = {ED25519: 32, MLDSA65: 1952, X25519: 32, MLKEM768: 1184}
PRIVATE_SIZES = {ED25519: 32, MLDSA65: 32, X25519: 32, MLKEM768: 64}
SIGNING_ALGS = (ED25519, MLDSA65)
ENCRYPTION_ALGS = (X25519, MLKEM768)
SIGNATURE_SIZES = {ED25519: 64, MLDSA65: 3309}

ESTABLISHMENT = "establishment"
MINISTRY = "ministry"

KEY_FILE = "identity.json"
PUBLIC_FILE = "identity.pub.json"
KEY_FILE_TYPE = "kafaat-private-key"
KEY_FILE_VERSION = 1
KEY_FILE_DOMAIN = b"kafaat/private-key/v1\x00"
KEY_ID_DOMAIN = b"kafaat/key-id/v1\x00"
PUBLIC_DOC_TYPE = "kafaat-public-key"
PUBLIC_DOC_DOMAIN = b"kafaat/public-key/v1\x00"
DOCUMENT_MAX_BYTES = 64 * 1024

# scrypt: N = 2^log2_n, r, p. Written with the default; read only within [floor, ceiling] (a weaker file
# is refused, a costlier one could be a denial of service).
SCRYPT_DEFAULT = {"log2_n": 17, "r": 8, "p": 1}
SCRYPT_FLOOR = {"log2_n": 17, "r": 8, "p": 1}
SCRYPT_CEILING = {"log2_n": 20, "r": 16, "p": 4}
SCRYPT_MAX_MEMORY = 1 << 30
"""128 · r · N bytes: a key file asking for more is refused (it could exhaust a small office PC)."""
SALT_BYTES = 16
MIN_PASSPHRASE = 8
CODE_RE = re.compile(r"[A-Z0-9_-]{1,20}")
TIMESTAMP_RE = re.compile(r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z")
CONTROL_RE = re.compile(r"[\x00-\x1f\x7f-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069]")


# ------------------------------------------------------------------------------------------ public
@dataclass(frozen=True)
class PublicKeys:
    """The public half of an identity: role, code, name and raw public keys by algorithm."""

    role: str
    code: str
    name: str
    keys: dict[str, bytes]
    created_at: str = ""

    @property
    def key_id(self) -> bytes:
        """SHA-256 over the role, the code and every public key (``docs/bundle-format.md`` § Key id)."""
        parts = [KEY_ID_DOMAIN, self.role.encode(), b"\x00", self.code.encode(), b"\x00"]
        for alg in KEY_ORDER:
            if alg in self.keys:
                parts += [bytes([KEY_TAGS[alg]]), struct.pack(">H", len(self.keys[alg])), self.keys[alg]]
        return sha256(b"".join(parts))

    @property
    def key_id_hex(self) -> str:
        return self.key_id.hex()

    @property
    def fingerprint(self) -> str:
        return spoken_fingerprint(self.key_id)

    @property
    def can_receive(self) -> bool:
        return X25519 in self.keys

    def verify(self, domain: bytes, message: bytes, signatures: dict[str, bytes], error: type[SyncError],
               what: object) -> None:
        """Both signatures (Ed25519 over ``domain || message``, ML-DSA-65 with context ``domain``) or ``error``."""
        data = domain + message
        try:
            if set(signatures) != set(SIGNING_ALGS):
                raise InvalidSignature
            ed25519.Ed25519PublicKey.from_public_bytes(self.keys[ED25519]).verify(signatures[ED25519], data)
            mldsa.MLDSA65PublicKey.from_public_bytes(self.keys[MLDSA65]).verify(
                signatures[MLDSA65], data, domain.rstrip(b"\x00"))
        except (InvalidSignature, ValueError, KeyError) as exc:
            raise error(Message("signature.invalid", what=what, code=self.code, fingerprint=self.fingerprint)) from exc

    def hpke_public(self) -> Any:
        x = x25519.X25519PublicKey.from_public_bytes(self.keys[X25519])
        if MLKEM768 in self.keys:
            return hpke.MLKEM768X25519PublicKey(mlkem.MLKEM768PublicKey.from_public_bytes(self.keys[MLKEM768]), x)
        return x

    def describe(self) -> dict[str, Any]:
        return {"role": self.role, "code": self.code, "name": self.name, "key_id": self.key_id_hex,
                "fingerprint": self.fingerprint, "algorithms": [a for a in KEY_ORDER if a in self.keys],
                "created_at": self.created_at}


# ----------------------------------------------------------------------------------------- private
@dataclass(repr=False)
class Identity:
    """Unlocked private keys of a data folder (kept in memory only)."""

    role: str
    code: str
    name: str
    private: dict[str, bytes] = field(repr=False)
    created_at: str = ""

    def __repr__(self) -> str:  # never show private bytes (tracebacks, logs, test reports)
        return f"Identity({self.role}, {self.code}, <clés privées masquées>)"

    def _repr_pretty_(self, printer: Any, cycle: bool) -> None:
        printer.text(repr(self))

    @classmethod
    def generate(cls, role: str, code: str, name: str, created_at: str = "") -> Identity:
        private = {ED25519: os.urandom(32), MLDSA65: os.urandom(32)}
        if role == MINISTRY:
            private[X25519] = os.urandom(32)
            private[MLKEM768] = os.urandom(64)
        return cls(role, code, name, private, created_at or now_utc())

    @property
    def public(self) -> PublicKeys:
        cached = self.__dict__.get("_public")
        if cached is None:
            keys = {
                ED25519: ed25519.Ed25519PrivateKey.from_private_bytes(self.private[ED25519]).public_key()
                .public_bytes_raw(),
                MLDSA65: mldsa.MLDSA65PrivateKey.from_seed_bytes(self.private[MLDSA65]).public_key()
                .public_bytes_raw(),
            }
            if X25519 in self.private:
                keys[X25519] = x25519.X25519PrivateKey.from_private_bytes(self.private[X25519]).public_key() \
                    .public_bytes_raw()
            if MLKEM768 in self.private:
                keys[MLKEM768] = mlkem.MLKEM768PrivateKey.from_seed_bytes(self.private[MLKEM768]).public_key() \
                    .public_bytes_raw()
            cached = PublicKeys(self.role, self.code, self.name, keys, self.created_at)
            self.__dict__["_public"] = cached
        return cached

    def sign(self, domain: bytes, message: bytes) -> dict[str, bytes]:
        data = domain + message
        return {
            ED25519: ed25519.Ed25519PrivateKey.from_private_bytes(self.private[ED25519]).sign(data),
            MLDSA65: mldsa.MLDSA65PrivateKey.from_seed_bytes(self.private[MLDSA65]).sign(
                data, domain.rstrip(b"\x00")),
        }

    def hpke_private(self) -> Any:
        x = x25519.X25519PrivateKey.from_private_bytes(self.private[X25519])
        if MLKEM768 in self.private:
            return hpke.MLKEM768X25519PrivateKey(mlkem.MLKEM768PrivateKey.from_seed_bytes(self.private[MLKEM768]), x)
        return x


# ---------------------------------------------------------------------------------- key file format
def _check_passphrase(passphrase: str) -> None:
    if len(passphrase) < MIN_PASSPHRASE:
        raise WrongPassphrase(Message("passphrase.short", n=MIN_PASSPHRASE))


def _kdf(passphrase: str, salt: bytes, params: dict[str, int]) -> bytes:
    return Scrypt(salt=salt, length=32, n=2 ** params["log2_n"], r=params["r"], p=params["p"]).derive(
        passphrase.encode("utf-8"))


def _key_file_header(identity: Identity, params: dict[str, int], salt: bytes, nonce: bytes) -> dict[str, Any]:
    return {
        "type": KEY_FILE_TYPE,
        "version": KEY_FILE_VERSION,
        "role": identity.role,
        "code": identity.code,
        "name": identity.name,
        "created_at": identity.created_at,
        "public": {alg: b64e(value) for alg, value in identity.public.keys.items()},
        "kdf": {"name": "scrypt", **params, "salt": b64e(salt)},
        "aead": {"name": "AES-256-GCM", "nonce": b64e(nonce)},
    }


def seal_identity(identity: Identity, passphrase: str, params: dict[str, int] | None = None) -> bytes:
    """The encrypted key file's bytes."""
    params = dict(params or SCRYPT_DEFAULT)
    salt, nonce = os.urandom(SALT_BYTES), os.urandom(12)
    header = _key_file_header(identity, params, salt, nonce)
    plaintext = dumps({alg: b64e(value) for alg, value in identity.private.items()})
    ciphertext = AESGCM(_kdf(passphrase, salt, params)).encrypt(nonce, plaintext, KEY_FILE_DOMAIN + dumps(header))
    return dumps({**header, "ciphertext": b64e(ciphertext)})


def _part(what: str, part: str, **params: str) -> Message:
    """``what : part`` (the salt, a key…), each part named in the reader's language."""
    return Message("part.of", what=what, part=Message(part, **params))


def unseal_identity(data: bytes, passphrase: str, where: str = "fichier de clé") -> Identity:
    if len(data) > DOCUMENT_MAX_BYTES:
        raise KeyFileInvalid(Message("keyfile.too_large", what=where))
    doc = loads_strict(data, where, KeyFileInvalid)
    if not isinstance(doc, dict) or doc.get("type") != KEY_FILE_TYPE:
        raise KeyFileInvalid(Message("keyfile.not_a_key", what=where))
    if doc.get("version") != KEY_FILE_VERSION:
        raise KeyFileInvalid(Message("keyfile.version", what=where, version=repr(doc.get("version"))))
    try:
        kdf, aead = doc["kdf"], doc["aead"]
        params = {k: kdf[k] for k in ("log2_n", "r", "p")}
        if kdf["name"] != "scrypt" or aead["name"] != "AES-256-GCM":
            raise KeyFileInvalid(Message("keyfile.algorithms", what=where, kdf=kdf["name"], aead=aead["name"]))
        for k, value in params.items():
            if not isinstance(value, int) or isinstance(value, bool):
                raise KeyFileInvalid(Message("keyfile.scrypt_invalid", what=where, name=k))
            if value < SCRYPT_FLOOR[k]:
                raise KeyFileInvalid(Message("keyfile.scrypt_low", what=where, name=k, value=value, limit=SCRYPT_FLOOR[k]))
            if value > SCRYPT_CEILING[k]:
                raise KeyFileInvalid(Message("keyfile.scrypt_high", what=where, name=k, value=value,
                                                     limit=SCRYPT_CEILING[k]))
        if 128 * params["r"] * 2 ** params["log2_n"] > SCRYPT_MAX_MEMORY:
            raise KeyFileInvalid(Message("keyfile.scrypt_memory", what=where, limit=SCRYPT_MAX_MEMORY >> 20))
        salt = b64d(kdf["salt"], _part(where, "part.salt"), KeyFileInvalid, length=SALT_BYTES)
        nonce = b64d(aead["nonce"], _part(where, "part.nonce"), KeyFileInvalid, length=12)
        ciphertext = b64d(doc["ciphertext"], _part(where, "part.ciphertext"), KeyFileInvalid)
        role, code, name, created_at = doc["role"], doc["code"], doc["name"], doc["created_at"]
        public = {alg: b64d(v, _part(where, "part.public_key", alg=alg), KeyFileInvalid, length=PUBLIC_SIZES.get(alg))
                  for alg, v in doc["public"].items()}
    except (KeyError, TypeError, AttributeError) as exc:
        raise KeyFileInvalid(Message("keyfile.member", what=where, member=str(exc))) from exc
    header = {k: v for k, v in doc.items() if k != "ciphertext"}
    try:
        plaintext = AESGCM(_kdf(passphrase, salt, params)).decrypt(nonce, ciphertext, KEY_FILE_DOMAIN + dumps(header))
    except InvalidTag as exc:
        raise WrongPassphrase(Message("passphrase.wrong")) from exc
    raw = loads_strict(plaintext, where, KeyFileInvalid)
    private = {alg: b64d(v, _part(where, "part.key", alg=alg), KeyFileInvalid, length=PRIVATE_SIZES.get(alg))
               for alg, v in raw.items()}
    identity = Identity(str(role), str(code), str(name), private, str(created_at))
    if identity.public.keys != public:
        raise KeyFileInvalid(Message("keyfile.mismatch", what=where))
    return identity


# -------------------------------------------------------------------------------- data folder side
def key_path(workspace: Any) -> Path:
    return Path(workspace.keys_dir) / KEY_FILE


def public_path(workspace: Any) -> Path:
    return Path(workspace.keys_dir) / PUBLIC_FILE


def has_keys(workspace: Any) -> bool:
    return key_path(workspace).exists()


def identity_name(role: str, code: str) -> str:
    table = reference("establishments" if role == ESTABLISHMENT else "ministries")
    return table.label(code) if table.get(code) is not None else code


def create_keys(workspace: Any, passphrase: str) -> PublicKeys:
    """Generate the keys of a data folder (role and code from its settings), encrypted under ``passphrase``.

    Refuses when keys exist already (nothing is overwritten). Returns the public keys."""
    if has_keys(workspace):
        raise KeysExist(Message("keys.exist", folder=workspace.root))
    _check_passphrase(passphrase)
    role = workspace.role
    code = workspace.establishment if role == ESTABLISHMENT else workspace.ministry
    identity = Identity.generate(role, code, identity_name(role, code))
    save_identity(workspace, identity, passphrase)
    return identity.public


def save_identity(workspace: Any, identity: Identity, passphrase: str) -> None:
    """Write a (new or re-encrypted) identity: the public document first, the key file last."""
    _check_passphrase(passphrase)
    sealed = seal_identity(identity, passphrase)
    folder = Path(workspace.keys_dir)
    if not folder.exists():
        folder.mkdir(parents=True, mode=0o700)
    write_atomic(public_path(workspace), public_document(identity))
    write_atomic(key_path(workspace), sealed, private=True)


def load_identity(workspace: Any, passphrase: str) -> Identity:
    path = key_path(workspace)
    if not path.exists():
        raise KeysMissing(Message("keys.missing", folder=workspace.keys_dir))
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise KeyFileInvalid(Message("file.unreadable", file=path, reason=os_reason(exc))) from exc
    identity = unseal_identity(data, passphrase, str(path))
    code = workspace.establishment if workspace.role == ESTABLISHMENT else workspace.ministry
    if identity.role != workspace.role or identity.code != code:
        raise KeyFileInvalid(Message("keys.other_folder", file=path, role=identity.role, code=identity.code,
                                     here=code))
    return identity


def load_public(workspace: Any) -> PublicKeys:
    path = public_path(workspace)
    if not path.exists():
        raise KeysMissing(Message("keys.missing", folder=workspace.keys_dir))
    return parse_public_document(path.read_bytes(), str(path))


def change_passphrase(workspace: Any, old: str, new: str) -> None:
    """Re-encrypt the key file under ``new`` (fresh salt and nonce); a wrong ``old`` changes nothing."""
    identity = load_identity(workspace, old)
    _check_passphrase(new)
    write_atomic(key_path(workspace), seal_identity(identity, new), private=True)


# ----------------------------------------------------------------------------- signed JSON documents
def sign_document(identity: Identity, doc_type: str, domain: bytes, body: dict[str, Any]) -> bytes:
    """``{"type", "version": 1, "signed": "<JSON text>", "signatures": {alg: base64}}``: the signatures
    cover ``domain || UTF-8 bytes of the "signed" string``, so readers never re-serialise anything."""
    signed = dumps(body).decode("utf-8")
    sigs = identity.sign(domain, signed.encode("utf-8"))
    return dumps({"type": doc_type, "version": 1, "signed": signed,
                  "signatures": {alg: b64e(sig) for alg, sig in sigs.items()}}) + b"\n"


def _shown(value: Any) -> str:
    """A member's value as the file writes it (``true``, ``"1"``), at most 20 characters. The stdlib writes any
    value the stdlib parser read (an integer past 64 bits, a lone surrogate: orjson refuses those)."""
    return json.dumps(value)[:20]


def open_document(data: bytes, doc_type: str, what: str) -> tuple[dict[str, Any], bytes, dict[str, bytes]]:
    """Parse a signed document (not verified yet): body, signed bytes, signatures."""
    if len(data) > DOCUMENT_MAX_BYTES:
        raise DocumentInvalid(Message("document.too_large", what=what, size=len(data), limit=DOCUMENT_MAX_BYTES))
    doc = loads_strict(data, what, DocumentInvalid)
    if not isinstance(doc, dict) or doc.get("type") != doc_type:
        raise DocumentInvalid(Message("document.other_type", what=what, type=doc_type))
    if doc.get("version") != 1 or type(doc.get("version")) is not int:
        raise DocumentInvalid(Message("document.version", what=what, version=_shown(doc.get("version"))))
    if set(doc) != {"type", "version", "signed", "signatures"}:
        raise DocumentInvalid(Message("document.members", what=what))
    signed, sigs = doc.get("signed"), doc.get("signatures")
    if not isinstance(signed, str) or not isinstance(sigs, dict):
        raise DocumentInvalid(Message("document.signed_expected", what=what))
    if set(sigs) != set(SIGNING_ALGS):  # exactly the two: nothing unsigned can ride along
        raise DocumentInvalid(Message("document.two_signatures", what=what))
    signatures = {alg: b64d(v, _part(what, "part.signature", alg=alg), DocumentInvalid, length=SIGNATURE_SIZES[alg])
                  for alg, v in sigs.items()}
    signed_bytes = signed.encode("utf-8")
    body = loads_strict(signed_bytes, what, DocumentInvalid)
    if not isinstance(body, dict):
        raise DocumentInvalid(Message("document.signed_invalid", what=what))
    return body, signed_bytes, signatures


def public_document(identity: Identity) -> bytes:
    """The self-signed public key file (an establishment's enrollment request, a ministry's public key)."""
    pub = identity.public
    body = {"role": pub.role, "code": pub.code, "name": pub.name, "created_at": pub.created_at,
            "keys": {alg: b64e(v) for alg, v in pub.keys.items()}}
    return sign_document(identity, PUBLIC_DOC_TYPE, PUBLIC_DOC_DOMAIN, body)


def parse_public_document(data: bytes, what: str, role: str | None = None) -> PublicKeys:
    """Parse and verify a self-signed public key file; ``role`` when only one role is acceptable."""
    body, signed, signatures = open_document(data, PUBLIC_DOC_TYPE, what)
    if set(body) != {"role", "code", "name", "created_at", "keys"}:
        raise DocumentInvalid(Message("document.signed_members", what=what))
    doc_role, code, name, created_at, raw_keys = (body[k] for k in ("role", "code", "name", "created_at", "keys"))
    if not all(isinstance(v, str) for v in (doc_role, code, name, created_at)) or not isinstance(raw_keys, dict):
        raise DocumentInvalid(Message("document.signed_member", what=what))
    if not CODE_RE.fullmatch(code) or not 0 < len(name) <= 200 or CONTROL_RE.search(name) \
            or not TIMESTAMP_RE.fullmatch(created_at):
        raise DocumentInvalid(Message("document.identity", what=what))
    if not set(raw_keys) <= set(PUBLIC_SIZES):
        raise DocumentInvalid(Message("document.key_algorithm", what=what))
    if doc_role not in (ESTABLISHMENT, MINISTRY):
        raise DocumentInvalid(Message("document.role", what=what, role=doc_role[:40]))
    if role and doc_role != role:
        key = "document.not_establishment" if role == ESTABLISHMENT else "document.not_ministry"
        raise DocumentInvalid(Message(key, what=what, role=doc_role))
    keys = {alg: b64d(v, _part(what, "part.key", alg=alg), DocumentInvalid, length=PUBLIC_SIZES[alg])
            for alg, v in raw_keys.items() if alg in PUBLIC_SIZES}
    needed = SIGNING_ALGS + (ENCRYPTION_ALGS[:1] if doc_role == MINISTRY else ())
    missing = [alg for alg in needed if alg not in keys]
    if missing:
        raise DocumentInvalid(Message("document.keys_missing", what=what, n=len(missing), keys=missing))
    try:
        if X25519 in keys:
            x25519.X25519PublicKey.from_public_bytes(keys[X25519])
        if MLKEM768 in keys:
            mlkem.MLKEM768PublicKey.from_public_bytes(keys[MLKEM768])
    except ValueError as exc:
        raise DocumentInvalid(Message("document.encryption_key", what=what)) from exc
    public = PublicKeys(doc_role, code, name, keys, created_at)
    public.verify(PUBLIC_DOC_DOMAIN, signed, signatures, DocumentInvalid, what)
    return public
