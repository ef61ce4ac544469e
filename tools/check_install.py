"""`pip install .` into a fresh venv (and, with --bundle, the PyInstaller bundle), then the program run from
there: does an installed copy find its fonts, vocabulary, letter texts and guide?

    python tools/check_install.py [--bundle] [--keep DIR]

Builds a wheel from the files a fresh clone has (tracked, or new and not ignored) and installs it with its
dependencies into a new venv (PyPI, through pip's cache). Then, for the venv's `cpm-desktop` (and the
bundle's), outside the clone, with Qt offscreen and a home and data folder of its own:
  1. `init` and `demo` (the demo's records are coded from the shipped vocabulary);
  2. `report evaluation --pdf` and `letter feedback`, read back with pypdf: the words are there (the letter's
     come from the shipped letter texts) and the fonts embedded are the shipped DejaVu ones;
  3. `--help` names the installed guide, and the file is there;
  4. `--demo`: the window comes up on the demo store, and is closed.
For the venv it also asks the accessor where it finds resources/ and docs/ (inside the venv, not the clone).
Takes about a minute, two more with --bundle. Exit status 0 when every check passed.
"""
from __future__ import annotations

import argparse
import csv
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PASSPHRASE = "check the installed copy"

PROBE = """
import json
from cpm_desktop.resources_path import SHIPPED, base_vocabulary, docs_path, resource_path
print(json.dumps({"shipped": str(SHIPPED), "areas": [label for _, label in base_vocabulary().items("area")],
                  "fonts": sorted(p.name for p in resource_path("fonts").glob("*.ttf")),
                  "guide": docs_path("index.md").is_file()}))
"""

PDF_TEXT = """
import json, sys
from pypdf import PdfReader
reader = PdfReader(sys.argv[1])
fonts = set()
for page in reader.pages:
    for font in (page.get("/Resources") or {}).get("/Font", {}).values():
        fonts.add(str(font.get_object()["/BaseFont"]))
print(json.dumps({"text": "\\n".join(page.extract_text() for page in reader.pages), "fonts": sorted(fonts)}))
"""


def step(title: str) -> None:
    print(f"-- {title}", flush=True)


def run(*command: str | Path, cwd: Path | None = None, env: dict[str, str] | None = None,
        capture_output: bool = False) -> subprocess.CompletedProcess[str]:
    return subprocess.run([str(c) for c in command], check=True, text=True, cwd=cwd, env=env,
                          capture_output=capture_output)


def copy_of_clone(target: Path) -> Path:
    listing = run("git", "ls-files", "-z", "--cached", "--others", "--exclude-standard", cwd=ROOT,
                  capture_output=True).stdout
    for name in filter(None, listing.split("\0")):
        if (ROOT / name).is_file():
            (target / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(ROOT / name, target / name)
    return target


def environment(home: Path) -> dict[str, str]:
    """Qt offscreen, and a home of its own: the demo store, settings and log land there, not in yours."""
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "CPM_PASSPHRASE": PASSPHRASE, "HOME": str(home),
           "XDG_DATA_HOME": str(home / "data"), "XDG_STATE_HOME": str(home / "state"),
           "XDG_CONFIG_HOME": str(home / "config")}
    env.pop("PYTHONPATH", None)
    return env


def exercise(program: Path, reader: Path, home: Path) -> list[str]:
    """Run an installed `cpm-desktop` as a user would; ``reader`` is a Python with pypdf to read its PDFs."""
    failures: list[str] = []
    home.mkdir(parents=True)
    env = environment(home)

    def cli(*args: str | Path) -> str:
        return run(program, *args, cwd=home, env=env, capture_output=True).stdout

    cli("init", "--db", home / "new.cpm")
    cli("demo", "--db", home / "demo.cpm")
    cli("report", "evaluation", "--db", home / "demo.cpm", "--from", "2017-04-01", "--to", "2018-03-31",
        "--pdf", home / "summary.pdf")
    cli("export", "--db", home / "demo.cpm", home / "exported")
    with (home / "exported/referrals.csv").open(encoding="utf-8", newline="") as rows:
        referral = next(csv.DictReader(rows))["referral_id"]
    cli("letter", "feedback", "--db", home / "demo.cpm", "--referral", referral, "--out", home / "letter.pdf")
    # The summary's words are the program's; the letter's come from resources/letters/feedback.txt.
    for pdf, words in ((home / "summary.pdf", "Referrals received"), (home / "letter.pdf", "Thank you for referring")):
        read = json.loads(run(reader, "-c", PDF_TEXT, pdf, cwd=home, capture_output=True).stdout)
        print(f"   {pdf.name}: {len(read['text'])} characters, fonts {', '.join(read['fonts'])}")
        if words not in read["text"]:
            failures.append(f"{pdf.name} does not say {words!r}")
        if not any("DejaVuSans" in font for font in read["fonts"]):
            failures.append(f"{pdf.name} was not set in the shipped DejaVu fonts: {read['fonts']}")

    guide = Path(cli("--help").rstrip().splitlines()[-1].strip())
    print(f"   --help names the guide {guide}")
    if not guide.is_file() or not guide.is_relative_to(program.parent.parent):
        failures.append(f"--help names a guide that is not installed beside the program: {guide}")

    with (home / "window.log").open("w") as log:
        window = subprocess.Popen([str(program), "--demo"], cwd=home, env=env, stdout=log, stderr=subprocess.STDOUT)
        demo_store = home / "data/cpm-desktop/demo.cpm"
        deadline = time.monotonic() + 120
        while window.poll() is None and not demo_store.exists() and time.monotonic() < deadline:
            time.sleep(0.5)
        time.sleep(8)  # the store made, the window built from it: still running means it came up
        came_up = window.poll() is None
        if came_up:
            window.terminate()
            window.wait(timeout=30)
    if came_up and demo_store.exists():
        print(f"   the window was up on {demo_store.name} ({demo_store.stat().st_size // 1024} KiB)")
    else:
        output = (home / "window.log").read_text()[-2000:]
        failures.append(f"cpm-desktop --demo ended with status {window.returncode} ({demo_store.exists()=}): {output}")
    return failures


def check(work: Path, bundle: bool) -> list[str]:
    step("building the wheel from a copy of the clone")
    clone = copy_of_clone(work / "clone")
    run(sys.executable, "-m", "pip", "wheel", "-q", "--no-deps", "-w", work / "dist", clone)
    (wheel,) = (work / "dist").glob("cpm_desktop-*.whl")

    step(f"installing {wheel.name} and its dependencies into a fresh venv")
    run(sys.executable, "-m", "venv", work / "venv")
    python = work / "venv/bin/python"
    run(python, "-m", "pip", "install", "-q", wheel)

    step("the accessor in the installed copy")
    seen = json.loads(run(python, "-I", "-c", PROBE, cwd=work, env=environment(work), capture_output=True).stdout)
    print(f"   resources and docs found under {seen['shipped']}")
    failures = []
    if not Path(seen["shipped"]).is_relative_to(work / "venv"):
        failures.append(f"resources were found outside the install: {seen['shipped']}")
    if seen["areas"] != ["Darlington", "South Durham", "East Durham", "North Durham"]:
        failures.append(f"the vocabulary's areas are {seen['areas']}")
    if seen["fonts"] != sorted(p.name for p in (clone / "resources/fonts").glob("*.ttf")):
        failures.append(f"the fonts found are {seen['fonts']}")
    if not seen["guide"]:
        failures.append("the user guide (docs/index.md) is not installed")

    step("the venv's cpm-desktop: init, demo, report evaluation --pdf, letter feedback, --help, --demo")
    failures += exercise(work / "venv/bin/cpm-desktop", python, work / "home-venv")

    if bundle:
        step("building the bundle with PyInstaller (build.spec of the copy)")
        run(python, "-m", "pip", "install", "-q", "pyinstaller")
        run(python, "-m", "pip", "uninstall", "-q", "-y", "cpm-desktop")  # the bundle is made from the copy
        run(work / "venv/bin/pyinstaller", "--noconfirm", "--log-level", "ERROR", "--distpath", work / "bundle",
            "--workpath", work / "bundle-build", clone / "build.spec", cwd=work)
        shutil.rmtree(clone)  # the bundle must hold everything it reads
        step("the bundle's cpm-desktop: the same")
        failures += exercise(work / "bundle/cpm-desktop/cpm-desktop", python, work / "home-bundle")
    return failures


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--bundle", action="store_true", help="also build the PyInstaller bundle and run it")
    parser.add_argument("--keep", type=Path, help="work in this new folder and leave it (default: a temporary one)")
    args = parser.parse_args()
    if args.keep:
        args.keep.mkdir(parents=True, exist_ok=False)
        failures = check(args.keep.resolve(), args.bundle)
    else:
        with tempfile.TemporaryDirectory(prefix="cpm-check-install-") as work:
            failures = check(Path(work), args.bundle)
    for failure in failures:
        print(f"FAILED: {failure}")
    print("every installed copy found its resources" if not failures else f"{len(failures)} check(s) failed")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
