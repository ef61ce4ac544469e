"""What makes a store passphrase acceptable, and a plain-words hint while one is typed."""
from __future__ import annotations

MIN_LENGTH = 10


def problem(passphrase: str) -> str | None:
    """Why a new passphrase cannot be used, or None."""
    if len(passphrase) < MIN_LENGTH:
        return f"Use at least {MIN_LENGTH} characters for the passphrase; a few unrelated words are best."
    return None


def strength_hint(passphrase: str) -> str:
    """Length matters most for a passphrase."""
    if len(passphrase) < MIN_LENGTH:
        return "Too short: use at least 10 characters, or better, four or more words."
    if len(passphrase) < 16 and len(passphrase.split()) < 3:
        return "Fair. Longer is stronger: a few unrelated words are easy to remember."
    return "Strong."
