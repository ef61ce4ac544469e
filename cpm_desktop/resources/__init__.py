"""Files shipped with the application (fonts, vocabulary, letter texts), found beside this module."""
from __future__ import annotations

import tomllib
from functools import cache
from pathlib import Path

from cpm_desktop.domain.vocabulary import Vocabulary

RESOURCES = Path(__file__).resolve().parent


def path(*parts: str) -> Path:
    return RESOURCES.joinpath(*parts)


@cache
def base_vocabulary() -> Vocabulary:
    with path("vocabulary.toml").open("rb") as f:
        return Vocabulary.from_mapping(tomllib.load(f))
