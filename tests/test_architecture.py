"""DESIGN.md's layering rules, checked by reading every module's imports."""
from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "cpm_desktop"

# layer → prefixes of imports it must never make
FORBIDDEN = {
    "domain": ("cpm_desktop.", "PySide6", "sqlalchemy", "sqlcipher3", "alembic", "reportlab"),
    "storage": ("cpm_desktop.ui", "cpm_desktop.services", "cpm_desktop.reports", "PySide6"),
    "services": ("cpm_desktop.ui", "PySide6"),
    "reports": ("cpm_desktop.ui", "cpm_desktop.services", "cpm_desktop.storage", "PySide6",
                "sqlalchemy", "sqlcipher3"),
    "sync": ("cpm_desktop.ui", "PySide6"),
    "cli.py": ("cpm_desktop.ui", "PySide6", "cpm_desktop.storage.models", "sqlalchemy"),
    "ui": ("cpm_desktop.storage.models", "sqlalchemy", "sqlcipher3", "cpm_desktop.reports"),
}
# domain may import its own modules
ALLOWED = {"domain": ("cpm_desktop.domain",)}


def imports_of(path: Path, package: str | None = None) -> list[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    if package is None:
        package = ".".join(path.relative_to(PACKAGE.parent).with_suffix("").parts[:-1])
    names = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names += [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            if node.level:  # relative: resolve against this module's package
                base = package.split(".")[: len(package.split(".")) - node.level + 1]
                module = ".".join(base + ([node.module] if node.module else []))
            else:
                module = node.module or ""
            names.append(module)
            names += [f"{module}.{alias.name}" for alias in node.names]
    return names


def layer_of(path: Path) -> str | None:
    relative = path.relative_to(PACKAGE)
    if relative.parts[0] in FORBIDDEN:
        return relative.parts[0]
    if relative.name in FORBIDDEN and len(relative.parts) == 1:
        return relative.name
    return None


MODULES = sorted(p for p in PACKAGE.rglob("*.py") if layer_of(p))


def test_every_layer_has_modules():
    assert {layer_of(p) for p in MODULES} >= {"domain", "storage", "services", "ui"}


def violations(path: Path, layer: str, package: str | None = None) -> list[str]:
    allowed = ALLOWED.get(layer, ())
    return sorted({
        name for name in imports_of(path, package)
        if any(name == f.rstrip(".") or name.startswith(f if f.endswith(".") else f + ".")
               for f in FORBIDDEN[layer])
        and not (allowed and name.startswith(allowed))
    })


@pytest.mark.parametrize("path", MODULES, ids=lambda p: str(p.relative_to(PACKAGE)))
def test_imports_follow_the_layers(path: Path):
    bad = violations(path, layer_of(path))
    assert not bad, f"{path.relative_to(PACKAGE)} ({layer_of(path)}) imports {bad}"


def test_the_rules_catch_bad_imports(tmp_path):
    module = tmp_path / "pane.py"
    module.write_text("import sqlalchemy.orm\nfrom ..storage import models\nfrom PySide6 import QtCore\n")
    assert violations(module, "ui", "cpm_desktop.ui") == [
        "cpm_desktop.storage.models", "sqlalchemy.orm"]
    assert "PySide6" in violations(module, "services", "cpm_desktop.services")
    assert violations(module, "domain", "cpm_desktop.domain")
