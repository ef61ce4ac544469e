"""ruff and mypy run in the same test command as pytest, so a lint or type error fails it like a test.

Both read their settings from pyproject.toml: ruff over the whole tree, mypy strict over cpm_desktop
(relaxed module by module under ui/).
"""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
# Both mypy runs write the clone's .mypy_cache: one worker runs them one after the other (pytest-xdist).
pytestmark = pytest.mark.xdist_group("mypy-cache")


def run(*command: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", *command], cwd=ROOT, capture_output=True, text=True,
                          timeout=600)


@pytest.mark.parametrize("command", [("ruff", "check", "--no-cache", "."), ("mypy",)], ids=["ruff", "mypy"])
def test_the_tree_is_clean(command):
    result = run(*command)
    assert result.returncode == 0, f"{' '.join(command)} found problems:\n{result.stdout}{result.stderr}"


def test_mypy_would_report_an_error(tmp_path):
    """The check can fail: the same configuration, given a module with a type error, reports it."""
    bad = tmp_path / "bad.py"
    bad.write_text("def half(n: int) -> int:\n    return n / 2\n", encoding="utf-8")
    result = run("mypy", "--strict", str(bad))
    assert result.returncode == 1 and "Incompatible return value type" in result.stdout
