"""Sealing a change for the hub: AES-256-GCM with the scheme's sync key, which never leaves the laptops.

The hub sees only the routing fields and the ciphertext. Those routing fields are the associated data of the
seal, so a hub (or anyone with its database) that moves a ciphertext to another change, device, area, entity,
row or clock makes it impossible to open: the change is refused, never applied to the wrong record.
"""
from __future__ import annotations

import json
import os
import secrets
from dataclasses import dataclass

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from cpm_desktop.sync.protocol import Change

KEY_BYTES = 32
NONCE_BYTES = 12  # 96 bits, random per seal: 2^-32 collision odds only after ~2^32 seals under one key
_CONTEXT = "cpm-change-v1"  # a different use of the same key could never produce a valid change


class SealError(ValueError):
    """A sealed change cannot be opened: the key is not the scheme's, or the change was altered."""


def new_sync_key() -> bytes:
    """A new scheme sync key (made once, by ``hub init``, and kept only inside members' encrypted stores)."""
    return secrets.token_bytes(KEY_BYTES)


@dataclass(frozen=True)
class Sealed:
    """A change as the hub holds it: the routing fields in the clear, the payload encrypted."""

    change_id: str
    device: str
    area: str | None
    entity: str
    row_uuid: str
    clock: str
    nonce: bytes
    ciphertext: bytes


def associated_data(change_id: str, device: str, area: str | None, entity: str, row_uuid: str, clock: str) -> bytes:
    # JSON of a fixed-order list: unambiguous (no field can bleed into the next), and None stays distinct from "".
    return json.dumps([_CONTEXT, change_id, device, area, entity, row_uuid, clock], separators=(",", ":")).encode()


class SyncCipher:
    """Seals and opens changes with one sync key (the AES context is built once, not per change)."""

    def __init__(self, sync_key: bytes) -> None:
        if len(sync_key) != KEY_BYTES:
            raise ValueError(f"A sync key is {KEY_BYTES} bytes; this one is {len(sync_key)}.")
        self._aead = AESGCM(sync_key)

    def seal(self, change: Change) -> Sealed:
        nonce = os.urandom(NONCE_BYTES)
        aad = associated_data(change.change_id, change.device, change.area, change.entity, change.row_uuid,
                              change.clock)
        return Sealed(change.change_id, change.device, change.area, change.entity, change.row_uuid, change.clock,
                      nonce, self._aead.encrypt(nonce, change.payload, aad))

    def open(self, sealed: Sealed) -> Change:
        aad = associated_data(sealed.change_id, sealed.device, sealed.area, sealed.entity, sealed.row_uuid,
                              sealed.clock)
        try:
            payload = self._aead.decrypt(sealed.nonce, sealed.ciphertext, aad)
        except (InvalidTag, ValueError) as error:  # ValueError: a nonce of the wrong length
            raise SealError(f"Change {sealed.change_id} cannot be opened: it was sealed with another sync key "
                            "or altered on the way.") from error
        return Change(sealed.change_id, sealed.device, sealed.area, sealed.entity, sealed.row_uuid, sealed.clock,
                      payload)


def seal(sync_key: bytes, change: Change) -> Sealed:
    """One change sealed (for many, build one :class:`SyncCipher` and reuse it)."""
    return SyncCipher(sync_key).seal(change)


def unseal(sync_key: bytes, sealed: Sealed) -> Change:
    """One sealed change opened; raises :class:`SealError` for a wrong key or any alteration."""
    return SyncCipher(sync_key).open(sealed)
