"""The toolchain is pinned: every dependency and test tool in pyproject.toml has an exact version in
constraints.txt, which .ci/run and the README install with (a new release cannot turn CI red)."""
from __future__ import annotations

import re
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def normalised(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def requirement_name(requirement: str) -> str:
    return normalised(re.split(r"[\s<>=!~;\[]", requirement, maxsplit=1)[0])


def pins(text: str) -> dict[str, str]:
    found = {}
    for line in text.splitlines():
        line = line.split("#", 1)[0].strip()
        if line:
            name, _, version = line.partition("==")
            assert version, f"constraints.txt pins exactly: {line!r}"
            found[normalised(name)] = version
    return found


def test_every_declared_distribution_is_pinned():
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    wanted = {requirement_name(r) for group in [project["dependencies"], *project["optional-dependencies"].values()]
              for r in group}
    pinned = pins((ROOT / "constraints.txt").read_text(encoding="utf-8"))
    assert sorted(wanted - set(pinned)) == [], "add these to constraints.txt (pip freeze --exclude-editable)"


def test_ci_and_the_readme_install_with_the_constraints():
    assert "pip install -q -c constraints.txt -e '.[test]'" in (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert "pip install -c constraints.txt -e '.[test]'" in (ROOT / "README.md").read_text(encoding="utf-8")
