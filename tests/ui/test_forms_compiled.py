"""Every committed cpm_desktop/ui/forms/*_ui.py is what pyside6-uic makes of its forms/*.ui today."""
from __future__ import annotations

import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "tools"))
import compile_forms  # noqa: E402

SOURCES = sorted((ROOT / "forms").glob("*.ui"))


def test_there_are_forms():
    assert SOURCES


@pytest.mark.parametrize("source", SOURCES, ids=lambda p: p.name)
def test_compiled_form_is_up_to_date(source):
    target = compile_forms.target(source)
    assert target.exists(), f"run tools/compile_forms.py: {target.name} is missing"
    assert target.read_text(encoding="utf-8") == compile_forms.compile_form(source), (
        f"{target.name} is out of date with {source.name}: run tools/compile_forms.py")
