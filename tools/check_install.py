"""`pip install .` into a fresh venv, then the program run from there: does an install find its resources?

    python tools/check_install.py [--keep DIR]

Builds a wheel from the files a fresh clone has (tracked, or new and not ignored), installs it with its
dependencies into a new venv (PyPI, through pip's cache), and, outside the clone, with Qt offscreen and a data
folder of its own:
  1. `cpm-desktop init` and `cpm-desktop demo` (the vocabulary: the demo's records are coded from it);
  2. `cpm-desktop report evaluation --pdf` and `letter feedback`, read back with pypdf: the text is there (the
     letter's from the shipped letter texts) and the fonts embedded are the shipped DejaVu ones;
  3. `cpm-desktop --demo`: the window is up on the demo store, then closed;
  4. the accessor asked where it finds resources/ and docs/ (inside the venv, not the clone).
Takes a few minutes (PySide6 is large). Exit status 0 when every step passed.
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


def check(work: Path) -> list[str]:
    failures: list[str] = []
    step("building the wheel from a copy of the clone")
    clone = copy_of_clone(work / "clone")
    run(sys.executable, "-m", "pip", "wheel", "-q", "--no-deps", "-w", work / "dist", clone)
    (wheel,) = (work / "dist").glob("cpm_desktop-*.whl")

    step(f"installing {wheel.name} and its dependencies into a fresh venv")
    run(sys.executable, "-m", "venv", work / "venv")
    python, program = work / "venv/bin/python", work / "venv/bin/cpm-desktop"
    run(python, "-m", "pip", "install", "-q", wheel)

    shutil.rmtree(clone)  # nothing may be read from the clone from here on
    home = work / "home"
    home.mkdir()
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "CPM_PASSPHRASE": PASSPHRASE, "HOME": str(home),
           "XDG_DATA_HOME": str(home / "data"), "XDG_STATE_HOME": str(home / "state"),
           "XDG_CONFIG_HOME": str(home / "config")}
    env.pop("PYTHONPATH", None)

    def cli(*args: str | Path) -> subprocess.CompletedProcess[str]:
        return run(program, *args, cwd=home, env=env, capture_output=True)

    step("the accessor in the installed copy")
    seen = json.loads(run(python, "-I", "-c", PROBE, cwd=home, env=env, capture_output=True).stdout)
    print(f"   resources and docs found under {seen['shipped']}")
    if not Path(seen["shipped"]).is_relative_to(work / "venv"):
        failures.append(f"resources were found outside the install: {seen['shipped']}")
    if seen["areas"] != ["Darlington", "South Durham", "East Durham", "North Durham"]:
        failures.append(f"the vocabulary's areas are {seen['areas']}")
    if not {"DejaVuSans.ttf", "DejaVuSans-Bold.ttf", "DroidSansFallbackFull.ttf"} <= set(seen["fonts"]):
        failures.append(f"the fonts found are {seen['fonts']}")
    if not seen["guide"]:
        failures.append("the user guide (docs/index.md) is not installed")

    step("cpm-desktop init, demo, report evaluation --pdf, letter feedback")
    cli("init", "--db", home / "new.cpm")
    cli("demo", "--db", home / "demo.cpm")
    cli("report", "evaluation", "--db", home / "demo.cpm", "--from", "2017-04-01", "--to", "2018-03-31",
        "--pdf", home / "summary.pdf")
    exported = home / "exported"
    cli("export", "--db", home / "demo.cpm", exported)
    with (exported / "referrals.csv").open(encoding="utf-8", newline="") as rows:
        referral = next(csv.DictReader(rows))["referral_id"]
    cli("letter", "feedback", "--db", home / "demo.cpm", "--referral", referral, "--out", home / "letter.pdf")
    # The summary's words are the program's; the letter's come from resources/letters/feedback.txt.
    for pdf, words in ((home / "summary.pdf", "Referrals received"), (home / "letter.pdf", "Thank you for referring")):
        read = json.loads(run(python, "-c", PDF_TEXT, pdf, cwd=home, env=env, capture_output=True).stdout)
        print(f"   {pdf.name}: {len(read['text'])} characters, fonts {', '.join(read['fonts'])}")
        if words not in read["text"]:
            failures.append(f"{pdf.name} does not say {words!r}")
        if not any("DejaVuSans" in font for font in read["fonts"]):
            failures.append(f"{pdf.name} was not set in the shipped DejaVu fonts: {read['fonts']}")

    step("cpm-desktop --demo opens the window on the demo store")
    log = (home / "window.log").open("w")
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
        print(f"   the window was up on {demo_store.name} ({demo_store.stat().st_size // 1024} KiB)")
    log.close()
    if not came_up:
        output = (home / "window.log").read_text()[-2000:]
        failures.append(f"cpm-desktop --demo ended with status {window.returncode}: {output}")
    if not demo_store.exists():
        failures.append("cpm-desktop --demo made no demo store")
    return failures


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--keep", type=Path, help="work in this folder and leave it (default: a temporary one)")
    args = parser.parse_args()
    if args.keep:
        args.keep.mkdir(parents=True, exist_ok=False)
        failures = check(args.keep)
    else:
        with tempfile.TemporaryDirectory(prefix="cpm-check-install-") as work:
            failures = check(Path(work))
    for failure in failures:
        print(f"FAILED: {failure}")
    print("the installed copy found every resource" if not failures else f"{len(failures)} check(s) failed")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
