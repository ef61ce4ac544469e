"""Text rules shared by search, matching and import: folding for case- and accent-insensitive search."""
from __future__ import annotations

import re
import unicodedata

# Combining marks (accents) left by NFKD decomposition; a regex removes them at C speed.
_COMBINING = re.compile("[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]")
_NOT_DIGIT = re.compile(r"\D")
# Letters that do not decompose into a base letter plus accents.
_EXTRA_FOLDS = str.maketrans({"ø": "o", "æ": "ae", "œ": "oe", "ß": "ss", "ł": "l", "đ": "d", "ı": "i", "þ": "th"})


def fold(text: str | None) -> str:
    """``"Ionuț Păun"`` → ``"ionut paun"``: lower case, accents removed, spaces collapsed."""
    if not text:
        return ""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return " ".join(_COMBINING.sub("", decomposed).translate(_EXTRA_FOLDS).split())


def digits(text: str | None) -> str:
    """Only the digits of a phone number, so ``07700 900123`` and ``07700900123`` match."""
    return _NOT_DIGIT.sub("", text or "")


def referral_search_text(*, first_name: str, last_name: str, person_id: str, referral_id: str,
                         crime_reference: str | None, postcode: str | None, phone: str | None) -> str:
    """What search-as-you-type matches a referral against (stored folded on the referral)."""
    parts = [first_name, last_name, person_id, referral_id, crime_reference, postcode,
             (postcode or "").replace(" ", ""), phone, digits(phone)]
    return " ".join(fold(part) for part in parts if part)


# The longest text one field of the record holds (a note, a description, an address): about 250 pages.
# The app refuses more when saving, and the CSV reader accepts a cell of exactly this many characters, so
# everything the app saved can be exported and imported again.
MAX_TEXT_CHARS = 1_000_000


def too_long(text: str | None) -> bool:
    return text is not None and len(text) > MAX_TEXT_CHARS



def plural(count: int, singular: str, plural_form: str | None = None) -> str:
    """``1 contact``, ``2 contacts``, ``1,234 contacts``: the one way the application counts things in words."""
    word = singular if count == 1 else plural_form or f"{singular}s"
    return f"{count:,} {word}"
