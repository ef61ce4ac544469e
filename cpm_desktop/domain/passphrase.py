"""What makes a store passphrase acceptable, the form it is used in, and a plain-words hint while one is typed."""
from __future__ import annotations

import re
import unicodedata

MIN_LENGTH = 10

# SQLCipher takes x'<64 hex digits>' (or 96, with a salt) as a raw key and skips the key stretching that
# makes guessing a passphrase slow; it checks only the start, so neither the closing quote nor case matters.
_RAW_KEY = re.compile(r"[xX]'([0-9A-Fa-f]{96}|[0-9A-Fa-f]{64})")


def normalised(passphrase: str) -> str:
    """The form a passphrase is used in: NFC, so the same words typed on another keyboard give the same key."""
    return unicodedata.normalize("NFC", passphrase)


def forms_to_try(passphrase: str) -> list[str]:
    """The keys to try when opening: NFC first, then as typed (a store keyed before normalising)."""
    first = normalised(passphrase)
    return [first] if first == passphrase else [first, passphrase]


def refusal(passphrase: str) -> str | None:
    """Why a passphrase can never key a store, or None. Says what is wrong without repeating the passphrase."""
    if not passphrase:
        return "The passphrase cannot be empty."
    if not passphrase.strip():
        return "The passphrase cannot be only spaces; use a few unrelated words."
    if _RAW_KEY.match(normalised(passphrase)):
        return ("A passphrase written as x'…' followed by hexadecimal digits would be used as a raw key without "
                "protection against guessing; use a few unrelated words instead.")
    return None


def problem(passphrase: str) -> str | None:
    """Why a new passphrase cannot be used, or None."""
    if refused := refusal(passphrase):
        return refused
    if len(normalised(passphrase)) < MIN_LENGTH:
        return f"Use at least {MIN_LENGTH} characters for the passphrase; a few unrelated words are best."
    return None


def strength_hint(passphrase: str) -> str:
    """Length matters most for a passphrase."""
    if len(passphrase) < MIN_LENGTH:
        return "Too short: use at least 10 characters, or better, four or more words."
    if len(passphrase) < 16 and len(passphrase.split()) < 3:
        return "Fair. Longer is stronger: a few unrelated words are easy to remember."
    return "Strong."
