"""DESIGN.md's layering, checked by reading every module's imports: an allow-list, not a list of bans.

Each part of the package says what it MAY import: parts of ours, and third-party distributions; the
standard library is always allowed. Anything else — a new arrow, a new third-party package — fails here
until it is added below on purpose. There are no import cycles between our modules either.
"""
from __future__ import annotations

import ast
import re
import sys
import tomllib
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = ROOT / "cpm_desktop"


@dataclass(frozen=True)
class Allowed:
    ours: frozenset[str]  # parts of cpm_desktop (a part may always import itself)
    third_party: frozenset[str] = frozenset()  # top-level import names


def allowed(ours: str, third_party: str = "") -> Allowed:
    return Allowed(frozenset(ours.split()), frozenset(third_party.split()))


# The house, read top to bottom: front-ends → services → domain / storage / reports / sync.
LAYERS: dict[str, Allowed] = {
    # pure rules and values: nothing of ours below them, no I/O libraries
    "domain": allowed("domain", "dateutil"),  # dateutil: calendar months (pure, no I/O) for the retention rules
    # the one accessor of the files shipped with the application (resources/, docs/), read into domain values
    "resources_path.py": allowed("domain"),
    # the encrypted store: engine, models, audit hooks, migrations
    "storage": allowed("domain", "sqlalchemy sqlcipher3 alembic"),
    # plain data in, PDF bytes out (never a session)
    "reports": allowed("domain resources_path.py", "reportlab pypdf bidi arabic_reshaper"),
    # the change log and the hub
    "sync": allowed("domain storage", "psycopg cryptography alembic sqlalchemy"),
    # use cases shared by the GUI and the CLI
    "services": allowed("domain storage reports sync resources_path.py config.py", "sqlalchemy rapidfuzz"),
    # widgets: services and domain values only, never storage or SQLAlchemy
    "ui": allowed("services domain config.py resources_path.py", "PySide6 shiboken6 pypdfium2"),
    # the command line: the same services as the GUI, headless
    "cli.py": allowed("services domain config.py resources_path.py"),
    # wires the GUI together: opens the store through services, builds the main window
    "app.py": allowed("ui services domain config.py", "PySide6"),
    # where the user's files and the log live
    "config.py": allowed("", "platformdirs"),
    # the entry point: the command line, or the GUI through app.py
    "__main__.py": allowed("cli.py config.py app.py"),
    "__init__.py": allowed(""),
}
# A part is named by its folder, or by its file at the top of the package.
ALIASES = {"cli": "cli.py", "app": "app.py", "config": "config.py", "__main__": "__main__.py",
           "resources_path": "resources_path.py"}


def part_of(path: Path) -> str:
    relative = path.relative_to(PACKAGE)
    return relative.parts[0]


def _module_name(path: Path) -> str:
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


MODULES = sorted(PACKAGE.rglob("*.py"))
MODULE_NAMES = {_module_name(p) for p in MODULES}


def imports_of(path: Path, package: str | None = None) -> list[str]:
    """Every module name ``path`` imports (anywhere in it, lazy imports too), relative ones resolved;
    ``from a import b`` gives ``a`` and ``a.b``."""
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    if package is None:
        package = ".".join(path.relative_to(ROOT).with_suffix("").parts[:-1])
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


def _our_part(name: str) -> str | None:
    """The part of cpm_desktop an imported name belongs to ("" for the package itself)."""
    if name == "cpm_desktop":
        return ""
    if not name.startswith("cpm_desktop."):
        return None
    first = name.split(".")[1]
    return ALIASES.get(first, first)


def violations(path: Path, part: str, package: str | None = None) -> list[str]:
    rules = LAYERS[part]
    bad = set()
    for name in imports_of(path, package):
        ours = _our_part(name)
        if ours is not None:
            if ours not in ("", part) and ours not in rules.ours:
                bad.add(name)
            continue
        top = name.split(".")[0]
        if top in sys.stdlib_module_names or top in rules.third_party:
            continue
        bad.add(name)
    return sorted(bad)


def test_every_module_has_a_declared_place():
    unplaced = sorted(str(p.relative_to(PACKAGE)) for p in MODULES if part_of(p) not in LAYERS)
    assert not unplaced, f"give these a place in LAYERS: {unplaced}"
    assert {part_of(p) for p in MODULES} >= {"domain", "storage", "services", "reports", "ui", "cli.py", "app.py",
                                              "config.py", "resources_path.py"}


@pytest.mark.parametrize("path", MODULES, ids=lambda p: str(p.relative_to(PACKAGE)))
def test_imports_are_allowed(path: Path):
    part = part_of(path)
    bad = violations(path, part)
    assert not bad, f"{path.relative_to(PACKAGE)} ({part}) may not import {bad}"


def test_the_allow_list_catches_bad_imports(tmp_path):
    module = tmp_path / "pane.py"
    module.write_text("import sqlalchemy.orm\nfrom ..storage import models\nfrom PySide6 import QtCore\n"
                      "import json\nfrom ..services import referrals\nfrom .. import config\n")
    assert violations(module, "ui", "cpm_desktop.ui") == [
        "cpm_desktop.storage", "cpm_desktop.storage.models", "sqlalchemy.orm"]
    assert violations(module, "services", "cpm_desktop.services") == ["PySide6", "PySide6.QtCore"]
    assert violations(module, "domain", "cpm_desktop.domain") == [
        "PySide6", "PySide6.QtCore", "cpm_desktop.config", "cpm_desktop.services", "cpm_desktop.services.referrals",
        "cpm_desktop.storage", "cpm_desktop.storage.models", "sqlalchemy.orm"]
    lazy = tmp_path / "report.py"
    lazy.write_text("def pdf():\n    from cpm_desktop.services import subject_access\n    import hypothesis\n")
    assert violations(lazy, "reports", "cpm_desktop.reports") == [
        "cpm_desktop.services", "cpm_desktop.services.subject_access", "hypothesis"]


# --- third-party imports are declared dependencies -------------------------------------------------------


def _distribution(requirement: str) -> str:
    return re.split(r"[\s<>=!~;\[]", requirement, maxsplit=1)[0]


def _normalised(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def declared_distributions() -> set[str]:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    return {_normalised(_distribution(r)) for r in project["dependencies"]}


def test_third_party_imports_are_declared_dependencies():
    """A package that happens to be in the developer's venv is not a dependency: pyproject.toml says so."""
    providers = metadata.packages_distributions()
    declared = declared_distributions()
    undeclared = {}
    for path in MODULES:
        for name in imports_of(path):
            top = name.split(".")[0]
            if top in sys.stdlib_module_names or _our_part(name) is not None:
                continue
            distributions = {_normalised(d) for d in providers.get(top, [top])}
            if not distributions & declared:
                undeclared.setdefault(top, set()).add(str(path.relative_to(PACKAGE)))
    assert not undeclared, f"imported but not in pyproject's dependencies: {undeclared}"


# --- no cycles -------------------------------------------------------------------------------------------


def import_graph() -> dict[str, set[str]]:
    """Our module → our modules it imports (``from a import b``: an edge to ``a``, and to ``a.b`` if it is one)."""
    graph: dict[str, set[str]] = {}
    for path in MODULES:
        name = _module_name(path)
        package = name if path.name == "__init__.py" else name.rpartition(".")[0]
        graph[name] = {imported for imported in imports_of(path, package) if imported in MODULE_NAMES} - {name}
    return graph


def cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """The strongly connected components of more than one module (Tarjan), each sorted."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for other in sorted(graph.get(node, ())):
            if other not in index:
                visit(other)
                low[node] = min(low[node], low[other])
            elif other in on_stack:
                low[node] = min(low[node], index[other])
        if low[node] == index[node]:
            component = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                component.append(member)
                if member == node:
                    break
            if len(component) > 1:
                found.append(sorted(component))

    for node in sorted(graph):
        if node not in index:
            visit(node)
    return found


def test_no_import_cycles():
    assert cycles(import_graph()) == []


def test_a_cycle_is_found():
    graph = {"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}, "e": set()}
    assert cycles(graph) == [["a", "b", "c"]]
