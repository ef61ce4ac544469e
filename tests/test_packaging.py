"""resources/ and docs/ sit at the top of a clone; a wheel, an editable install and the PyInstaller bundle must
each put them where cpm_desktop/resources_path.py finds them, byte for byte.

The installs are real: a wheel built from a copy of the clone's files, installed into a fresh venv, asked
through the accessor what it finds. Dependencies are not installed (the accessor needs only the standard
library); tools/check_install.py does the whole `pip install .` and runs the program.
"""
from __future__ import annotations

import hashlib
import json
import runpy
import subprocess
import sys
import tomllib
import types
import zipfile
from pathlib import Path

import pytest

from cpm_desktop import resources_path
from cpm_desktop.reports.text import FONT_FILES

ROOT = Path(__file__).resolve().parents[1]
SHIPPED_FOLDERS = ("resources", "docs")

# Run by the fresh venv's interpreter: what the accessor finds there, and where.
PROBE = """
import hashlib, json
from cpm_desktop import resources_path as r
found = {}
for folder, base in (("resources", r.resource_path()), ("docs", r.docs_path())):
    for p in base.rglob("*"):
        if p.is_file() and "__pycache__" not in p.parts:
            found[folder + "/" + p.relative_to(base).as_posix()] = hashlib.sha256(p.read_bytes()).hexdigest()
print(json.dumps({"shipped": str(r.SHIPPED), "found": found, "areas": len(r.base_vocabulary().lists["area"])}))
"""


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def shipped_in_clone() -> dict[str, str]:
    return {
        p.relative_to(ROOT).as_posix(): digest(p)
        for folder in SHIPPED_FOLDERS
        for p in (ROOT / folder).rglob("*")
        if p.is_file() and "__pycache__" not in p.parts
    }


def clone_files() -> list[str]:
    """The files a fresh clone would have (tracked, or new and not ignored), so that no stale build/ leaks in."""
    listing = subprocess.run(["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"], cwd=ROOT,
                             capture_output=True, check=True).stdout.decode()
    return [name for name in listing.split("\0") if name and (ROOT / name).is_file()]


@pytest.fixture(scope="module")
def clone(tmp_path_factory: pytest.TempPathFactory) -> Path:
    copy = tmp_path_factory.mktemp("clone")
    for name in clone_files():
        target = copy / name
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes((ROOT / name).read_bytes())
    return copy


def fresh_venv(where: Path) -> Path:
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(where)], check=True)
    return where / "bin" / "python"


def pip_install(python: Path, *args: str) -> None:
    subprocess.run([sys.executable, "-m", "pip", "--python", str(python), "install", "-q", "--no-deps", *args],
                   check=True)


def probe(python: Path, cwd: Path) -> dict:
    # -I: no current directory, PYTHONPATH or user site on the path; only what was installed.
    run = subprocess.run([str(python), "-I", "-c", PROBE], cwd=cwd, capture_output=True, text=True, check=True)
    return json.loads(run.stdout)


def test_every_resource_the_code_reads_is_in_the_clone():
    fonts = [("fonts", name) for name in FONT_FILES.values()]
    letters = [("letters", f"{kind}.txt") for kind in ("acknowledgement", "feedback_declined", "feedback_not_offered",
               "feedback_not_continued", "feedback_referred_on", "feedback_external_request", "feedback_pending",
               "feedback_closed", "feedback_closed_no_contact", "feedback_open", "feedback_no_contact")]
    for parts in (("vocabulary.toml",), ("gdpr_defaults.toml",), *letters, *fonts):
        assert resources_path.resource_path(*parts).is_file(), parts
    assert resources_path.docs_path("index.md").is_file()
    assert resources_path.SHIPPED == ROOT


def test_nothing_is_left_in_the_package_folder():
    # A branch that added a font under the old place must have it moved to resources/ when merged.
    for folder in SHIPPED_FOLDERS:
        assert not (ROOT / "cpm_desktop" / folder).exists(), f"cpm_desktop/{folder} should be at the top: {folder}/"


def test_every_package_folder_is_listed_in_pyproject():
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["setuptools"]
    listed = set(config["packages"])
    on_disk = {
        ".".join(folder.relative_to(ROOT).parts)
        for folder in [ROOT / "cpm_desktop", *(ROOT / "cpm_desktop").rglob("*")]
        if folder.is_dir() and folder.name != "__pycache__" and any(folder.glob("*.py"))
    }
    mapped = {f"cpm_desktop.{folder}": folder for folder in SHIPPED_FOLDERS}
    assert listed - set(mapped) == on_disk
    assert {name: config["package-dir"][name] for name in mapped} == mapped


def test_an_installed_wheel_finds_every_resource(clone: Path, tmp_path: Path):
    subprocess.run([sys.executable, "-m", "pip", "wheel", "-q", "--no-deps", "-w", str(tmp_path / "dist"),
                    str(clone)], check=True)
    (wheel,) = (tmp_path / "dist").glob("cpm_desktop-*.whl")
    # Everything in the package folder ships too (the migrations' script templates, for one).
    in_package = {name for name in clone_files() if name.startswith("cpm_desktop/")}
    assert in_package - set(zipfile.ZipFile(wheel).namelist()) == set()
    python = fresh_venv(tmp_path / "venv")
    pip_install(python, str(wheel))

    seen = probe(python, cwd=tmp_path)

    assert Path(seen["shipped"]).is_relative_to(tmp_path / "venv")  # the installed copy, not the clone
    assert seen["found"] == shipped_in_clone()
    assert seen["areas"] > 0


def test_an_editable_install_finds_every_resource_in_the_clone(clone: Path, tmp_path: Path):
    python = fresh_venv(tmp_path / "venv")
    pip_install(python, "-e", str(clone))

    seen = probe(python, cwd=tmp_path)

    assert Path(seen["shipped"]) == clone
    assert seen["found"] == shipped_in_clone()


def bundle_datas(monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, str]]:
    """build.spec's datas, by running the spec with PyInstaller's names standing in (no bundle is built)."""
    hooks = types.ModuleType("PyInstaller.utils.hooks")
    hooks.collect_submodules = lambda package: []  # type: ignore[attr-defined]
    hooks.copy_metadata = lambda distribution: []  # type: ignore[attr-defined]
    for name in ("PyInstaller", "PyInstaller.utils"):
        monkeypatch.setitem(sys.modules, name, types.ModuleType(name))
    monkeypatch.setitem(sys.modules, "PyInstaller.utils.hooks", hooks)
    analysed: dict = {}

    def analysis(scripts: list[str], **options: object) -> types.SimpleNamespace:
        analysed.update(options)
        return types.SimpleNamespace(pure=[], scripts=[], binaries=[], datas=[])

    def ignored(*args: object, **kwargs: object) -> None:
        return None

    runpy.run_path(str(ROOT / "build.spec"), init_globals={
        "SPECPATH": str(ROOT), "Analysis": analysis, "PYZ": ignored, "EXE": ignored, "COLLECT": ignored})
    return analysed["datas"]


def test_the_bundle_carries_every_resource_where_an_install_has_it(monkeypatch: pytest.MonkeyPatch):
    bundled: dict[str, str] = {}
    for source, destination in bundle_datas(monkeypatch):
        source_path = Path(source)
        # PyInstaller copies a folder's whole tree, a file into the destination folder.
        files = [p for p in source_path.rglob("*") if p.is_file()] if source_path.is_dir() else [source_path]
        for f in files:
            inside = f.relative_to(source_path) if source_path.is_dir() else Path(f.name)
            bundled[(Path(destination) / inside).as_posix()] = digest(f)

    in_package = {f"cpm_desktop/{name}": value for name, value in shipped_in_clone().items()}
    assert {name: value for name, value in bundled.items() if name.split("/")[1] in SHIPPED_FOLDERS} == in_package
    # Alembic reads its environments' scripts as files, never from the bundle's archive of modules.
    for environment in (ROOT / "cpm_desktop").rglob("script.py.mako"):
        scripts = {p.relative_to(ROOT).as_posix() for p in environment.parent.rglob("*")
                   if p.suffix in (".py", ".mako") and "__pycache__" not in p.parts}
        assert scripts - set(bundled) == set(), environment.parent
