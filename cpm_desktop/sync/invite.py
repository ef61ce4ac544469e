"""Invite files: a new device's enrolment and the scheme's sync key, sealed under a one-time code.

The file may travel by e-mail or USB stick; the code travels another way (read out on the phone). The code
is 100 random bits in Crockford's base 32 (no I, L, O or U to misread), printed in groups of five, e.g.
``7KQ2M-XW9PA-3HD0C-T8NVE``. The key is derived from it with scrypt, so guessing codes offline is slow as
well as hopeless, and the file is AES-256-GCM: a wrong code and an altered file are the same clear refusal.
"""
from __future__ import annotations

import base64
import json
import os
import secrets

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.scrypt import Scrypt

from cpm_desktop.sync.enrolment import Enrolment
from cpm_desktop.sync.sealing import KEY_BYTES

MAGIC = b"CPM-DESKTOP-INVITE-1\n"
ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"  # Crockford's base 32
CODE_SYMBOLS = 20  # 20 x 5 bits = 100 bits
GROUP = 5
_READS_AS = {"O": "0", "I": "1", "L": "1"}  # what people type for what they see
_SALT_BYTES = 16
_SCRYPT_N, _SCRYPT_R, _SCRYPT_P = 2**15, 8, 1  # ~0.1 s and 32 MiB per attempt


class InviteError(ValueError):
    """The invite cannot be opened; the message is one sentence for the person joining."""


def new_invite_code() -> str:
    symbols = "".join(secrets.choice(ALPHABET) for _ in range(CODE_SYMBOLS))
    return "-".join(symbols[i:i + GROUP] for i in range(0, CODE_SYMBOLS, GROUP))


def normalise_code(code: str) -> str:
    """The code as typed (any case, with or without dashes or spaces) reduced to its 20 symbols."""
    symbols = "".join(_READS_AS.get(ch, ch) for ch in code.upper() if ch not in "- \t")
    if len(symbols) != CODE_SYMBOLS or any(ch not in ALPHABET for ch in symbols):
        raise InviteError(f"An invite code has {CODE_SYMBOLS} letters and digits in groups of {GROUP}, "
                          "like 7KQ2M-XW9PA-3HD0C-T8NVE; this one does not.")
    return symbols


def _key(code: str, salt: bytes) -> bytes:
    return Scrypt(salt=salt, length=KEY_BYTES, n=_SCRYPT_N, r=_SCRYPT_R, p=_SCRYPT_P).derive(
        normalise_code(code).encode("ascii"))


def seal_invite(enrolment: Enrolment, sync_key: bytes) -> tuple[bytes, str]:
    """The invite file's bytes, and the one-time code that opens it (show it once; never store it)."""
    if len(sync_key) != KEY_BYTES:
        raise ValueError(f"A sync key is {KEY_BYTES} bytes; this one is {len(sync_key)}.")
    code = new_invite_code()
    salt = os.urandom(_SALT_BYTES)
    nonce = os.urandom(12)
    header = MAGIC + salt + nonce
    body = json.dumps({"enrolment": enrolment.as_dict(),
                       "sync_key": base64.b64encode(sync_key).decode("ascii")}).encode("utf-8")
    return header + AESGCM(_key(code, salt)).encrypt(nonce, body, header), code


def open_invite(data: bytes, code: str) -> tuple[Enrolment, bytes]:
    """The enrolment and sync key in an invite file; InviteError for a wrong code or a damaged file."""
    if not data.startswith(MAGIC) or len(data) < len(MAGIC) + _SALT_BYTES + 12 + 16:
        raise InviteError("This is not a CPM Desktop invite file.")
    header_end = len(MAGIC) + _SALT_BYTES + 12
    header = data[:header_end]
    salt, nonce = header[len(MAGIC):len(MAGIC) + _SALT_BYTES], header[len(MAGIC) + _SALT_BYTES:]
    try:
        body = AESGCM(_key(code, salt)).decrypt(nonce, data[header_end:], header)
    except InvalidTag:
        raise InviteError("The invite code does not open this invite file: check the code "
                          "(or ask for a new invite if the file was damaged).") from None
    try:
        content = json.loads(body)
        sync_key = base64.b64decode(content["sync_key"], validate=True)
        enrolment = Enrolment.from_dict(content["enrolment"])
    except (ValueError, KeyError, TypeError):  # binascii.Error and JSONDecodeError are ValueErrors
        raise InviteError("This invite file was made by an incompatible version of CPM Desktop.") from None
    if len(sync_key) != KEY_BYTES:
        raise InviteError("This invite file was made by an incompatible version of CPM Desktop.")
    return enrolment, sync_key
