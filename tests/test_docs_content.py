"""The guide keeps up with the program: every command and option in docs/cli.md, every list entry in
docs/vocabulary.md with the label the program shows."""
from __future__ import annotations

import argparse
import re
from pathlib import Path

from cpm_desktop import cli
from cpm_desktop.cli import build_parser
from cpm_desktop.domain.vocabulary import KINDS
from cpm_desktop.resources_path import base_vocabulary, docs_path

ROOT = Path(__file__).resolve().parents[1]


def commands(parser: argparse.ArgumentParser, prefix: str = "") -> dict[str, list[str]]:
    """'report evaluation' → its options ('--from', …), for every command the parser knows."""
    found: dict[str, list[str]] = {}
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for name, sub in action.choices.items():
                found.update(commands(sub, f"{prefix}{name} "))
    if prefix and not found:
        found[prefix.strip()] = [option for action in parser._actions for option in action.option_strings
                                 if option.startswith("--") and action.help != argparse.SUPPRESS
                                 and option != "--help"]
    return found


def test_cli_md_names_every_command_and_option():
    text = docs_path("cli.md").read_text(encoding="utf-8")
    usage = text.split("```")[1]  # the summary at the top
    missing = []
    for command, options in commands(build_parser()).items():
        line = next((line for line in usage.splitlines() if re.match(rf"cpm-desktop {command}\b", line)), None)
        if line is None:
            missing.append(command)
            continue
        block = usage[usage.index(line):].split("\ncpm-desktop ")[0]
        missing += [f"{command} {option}" for option in options if option not in block]
        if f"### `{command}`" not in text:
            missing.append(f"a section on {command}")
    assert missing == []


def test_cli_md_has_every_exit_status_and_variable():
    text = docs_path("cli.md").read_text(encoding="utf-8")
    statuses = {value for name, value in vars(cli).items() if name.startswith("EXIT_") and isinstance(value, int)}
    assert statuses >= set(range(5))
    for status in statuses:
        assert re.search(rf"^\| {status} \|", text, re.MULTILINE), status
    for variable in re.findall(r'"(CPM_[A-Z_]+)"', (ROOT / "cpm_desktop" / "cli.py").read_text(encoding="utf-8")):
        assert f"`{variable}`" in text, variable


def test_vocabulary_md_lists_every_entry_with_its_label():
    text = docs_path("vocabulary.md").read_text(encoding="utf-8")
    vocabulary = base_vocabulary()
    missing = [f"{kind}.{code}" for kind in KINDS for code, label in vocabulary.items(kind)
               if f"| `{code}` | {label} |" not in text]
    assert missing == []
    assert all(name in text for name in vocabulary.organisations)


def test_help_points_at_the_guide_beside_the_program():
    # The guide the running copy carries (a clone's docs/, or the installed cpm_desktop/docs), never ../shared.
    shown = build_parser().format_help()
    assert f"\n  {docs_path('cli.md')}\n" in shown and docs_path("cli.md").is_file()
    assert "spec/" not in shown
