"""Where the files shipped with the application are: ``resources/`` (fonts, vocabulary, GDPR defaults, letter
texts) and ``docs/`` (the user guide). Every reader of those files asks here.

In a clone, and so in an editable install, both folders sit beside the package at the top of the project. A
wheel (pyproject.toml's package-dir) and the PyInstaller bundle (build.spec's datas) carry copies inside the
package, as ``cpm_desktop/resources`` and ``cpm_desktop/docs``.
"""
from __future__ import annotations

import tomllib
from functools import cache
from pathlib import Path

from cpm_desktop.domain.vocabulary import Vocabulary

PACKAGE = Path(__file__).resolve().parent
# The project's own pyproject.toml beside the package tells a clone from an install: site-packages may hold
# someone else's top-level "docs" or "resources" folder, never our pyproject.toml.
IN_CLONE = (PACKAGE.parent / "pyproject.toml").is_file()
SHIPPED = PACKAGE.parent if IN_CLONE else PACKAGE


def resource_path(*parts: str) -> Path:
    """A file under resources/, e.g. ``resource_path("fonts", "DejaVuSans.ttf")``."""
    return SHIPPED.joinpath("resources", *parts)


def docs_path(*parts: str) -> Path:
    """A page of the user guide under docs/, e.g. ``docs_path("index.md")``."""
    return SHIPPED.joinpath("docs", *parts)


@cache
def base_vocabulary() -> Vocabulary:
    """The scheme's fixed lists as shipped, before any entries a project lead added to a store."""
    with resource_path("vocabulary.toml").open("rb") as f:
        return Vocabulary.from_mapping(tomllib.load(f))
