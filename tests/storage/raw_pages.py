"""Every page of an SQLCipher 4 store decrypted from the bytes on disk — live, free and in the -wal file.

``sqlcipher_export`` copies only what the tables hold, so it cannot show that an erased name is gone from the
free pages; this reads the file itself with SQLCipher 4's defaults (PBKDF2-HMAC-SHA512, 256,000 iterations,
AES-256-CBC, 4096-byte pages ending in a 16-byte IV and a 64-byte HMAC).
"""
from __future__ import annotations

import hashlib
from collections.abc import Iterator
from pathlib import Path

from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes

PAGE, RESERVE, SALT = 4096, 80, 16
WAL_HEADER, FRAME_HEADER = 32, 24


def _key(passphrase: str, salt: bytes) -> bytes:
    return hashlib.pbkdf2_hmac("sha512", passphrase.encode(), salt, 256_000, 32)


def _decrypt(key: bytes, page: bytes, first: bool) -> bytes:
    start = SALT if first else 0
    iv = page[PAGE - RESERVE:PAGE - RESERVE + 16]
    decryptor = Cipher(algorithms.AES(key), modes.CBC(iv)).decryptor()
    return decryptor.update(page[start:PAGE - RESERVE]) + decryptor.finalize()


def pages(store_path: Path, passphrase: str) -> Iterator[tuple[str, bytes]]:
    """("main", plaintext) for each page of the file, then ("wal", plaintext) for each frame of its log."""
    data = store_path.read_bytes()
    key = _key(passphrase, data[:SALT])
    for number in range(len(data) // PAGE):
        yield "main", _decrypt(key, data[number * PAGE:(number + 1) * PAGE], number == 0)
    wal = store_path.with_name(store_path.name + "-wal")
    log = wal.read_bytes() if wal.exists() else b""
    frame = FRAME_HEADER + PAGE
    for offset in range(WAL_HEADER, len(log) - frame + 1, frame):
        page_number = int.from_bytes(log[offset:offset + 4], "big")
        yield "wal", _decrypt(key, log[offset + FRAME_HEADER:offset + frame], page_number == 1)


def where_found(store_path: Path, passphrase: str, needle: str) -> list[str]:
    """Where the text appears in the decrypted pages ("main" or "wal", once per page)."""
    encoded = needle.encode()
    return [place for place, plain in pages(store_path, passphrase) if encoded in plain]
