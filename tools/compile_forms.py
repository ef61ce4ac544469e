"""Compile forms/*.ui (Qt Designer) into cpm_desktop/ui/forms/*_ui.py with Qt's uic (as pyside6-uic does)."""
from __future__ import annotations

import subprocess
from pathlib import Path

import PySide6

ROOT = Path(__file__).resolve().parents[1]
FORMS, OUT = ROOT / "forms", ROOT / "cpm_desktop" / "ui" / "forms"
UIC = Path(PySide6.__file__).resolve().parent / "Qt" / "libexec" / "uic"


def compile_form(source: Path) -> str:
    """The generated Python for one .ui file (the header names the file, not the machine's path)."""
    result = subprocess.run([str(UIC), "-g", "python", source.name], cwd=source.parent,
                            capture_output=True, text=True, check=True)
    return result.stdout


def target(source: Path) -> Path:
    return OUT / f"{source.stem}_ui.py"


def main() -> None:
    for source in sorted(FORMS.glob("*.ui")):
        target(source).write_text(compile_form(source), encoding="utf-8")
        print(f"{source.name} -> {target(source).relative_to(ROOT)}")


if __name__ == "__main__":
    main()
