"""The command line as a script would use it: real stores, exit statuses of spec/cli.md.

Commands run in this process (``cli.main``, with its own environment, standard output and error), which
is what the command line is; a few run as real processes, where the process is the point: the entry
point, its exit status, and a passphrase asked for with no terminal.
"""
from __future__ import annotations

import io
import os
import subprocess
import sys
from contextlib import redirect_stderr, redirect_stdout
from dataclasses import dataclass
from unittest import mock

import pytest

from cpm_desktop import cli
from tests.conftest import PASSPHRASE, new_store


@pytest.fixture(autouse=True)
def private_home(tmp_path_factory, monkeypatch):
    """Logs and data folders of these runs stay in tmp, never in the developer's home."""
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("XDG_STATE_HOME", str(home / "state"))
    monkeypatch.setenv("XDG_DATA_HOME", str(home / "data"))
    return home


def environment(passphrase: str | None, new_passphrase: str | None) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("CPM_")}
    if passphrase is not None:
        env["CPM_PASSPHRASE"] = passphrase
    if new_passphrase is not None:
        env["CPM_NEW_PASSPHRASE"] = new_passphrase
    return env


@dataclass
class Result:
    returncode: int
    stdout: str
    stderr: str


def _stream() -> io.TextIOWrapper:
    """Text with a byte buffer beneath, as sys.stdout has (PDFs to "-" are written to its buffer)."""
    return io.TextIOWrapper(io.BytesIO(), encoding="utf-8", newline="", write_through=True)


def run(*args, passphrase=PASSPHRASE, new_passphrase=None) -> Result:
    """``cpm-desktop ARGS`` run in this process: its exit status and what it wrote to stdout and stderr."""
    out, err = _stream(), _stream()
    with mock.patch.dict(os.environ, environment(passphrase, new_passphrase), clear=True), \
            redirect_stdout(out), redirect_stderr(err):
        try:
            status = cli.main([str(arg) for arg in args])
        except SystemExit as stopped:  # argparse: --help, usage errors
            status = stopped.code if isinstance(stopped.code, int) else 0
    return Result(status, out.buffer.getvalue().decode(), err.buffer.getvalue().decode())


def run_process(*args, passphrase=PASSPHRASE, new_passphrase=None) -> subprocess.CompletedProcess[str]:
    """``python -m cpm_desktop ARGS`` as a real process, with no terminal on standard input."""
    return subprocess.run([sys.executable, "-m", "cpm_desktop", *map(str, args)],
                          env=environment(passphrase, new_passphrase), stdin=subprocess.DEVNULL,
                          capture_output=True, text=True, timeout=120)


@pytest.fixture
def db(tmp_path):
    """A new store, as `init` makes it (tests/conftest.py: the template's copy, without a key derivation)."""
    path = tmp_path / "cli.cpm"
    new_store(path).close()
    return path


def one_sentence(text: str) -> bool:
    return "Traceback" not in text and len(text.strip().splitlines()) == 1


def test_init_creates_an_encrypted_store(tmp_path):
    db = tmp_path / "cli.cpm"
    assert run("init", "--db", db).returncode == 0
    assert not db.read_bytes().startswith(b"SQLite format 3")


def test_init_refuses_an_existing_file(db):
    result = run("init", "--db", db)
    assert result.returncode == 4 and one_sentence(result.stderr)


def test_wrong_passphrase_is_status_3(db):
    result = run_process("backup", "--db", db, "--out", db.with_name("b.cpm"), passphrase="wrong")
    assert result.returncode == 3
    assert one_sentence(result.stderr) and "passphrase is wrong" in result.stderr


def test_not_a_store_is_status_3(tmp_path):
    other = tmp_path / "x.cpm"
    other.write_bytes(b"hello" * 1000)
    result = run("export", "--db", other, tmp_path / "out")
    assert result.returncode == 3 and one_sentence(result.stderr)
    missing = run("export", "--db", tmp_path / "missing.cpm", tmp_path / "out")
    assert missing.returncode == 3 and one_sentence(missing.stderr)


@pytest.mark.parametrize("args", [
    ["frobnicate"],
    ["init"],
    ["report", "evaluation", "--db", "x.cpm"],                         # neither --json nor --pdf
    ["report", "evaluation", "--db", "x.cpm", "--json", "-", "--pdf", "a.pdf"],
    ["report", "evaluation", "--db", "x.cpm", "--from", "2018-02-30", "--json", "-"],
    ["sar", "--db", "x.cpm", "--out", "a.pdf"],                          # neither --person nor --mentor
])
def test_usage_errors_are_status_2(args):
    result = run(*args)
    assert result.returncode == 2 and one_sentence(result.stderr), result.stderr


def test_passphrase_without_terminal_or_environment_is_a_clear_error(db):
    result = run_process("backup", "--db", db, "--out", db.with_name("b.cpm"), passphrase=None)
    assert result.returncode == 2 and "CPM_PASSPHRASE" in result.stderr


def test_passphrase_change_and_backup(db, tmp_path):
    assert run("passphrase", "--db", db, new_passphrase="another one").returncode == 0
    assert run("backup", "--db", db, "--out", tmp_path / "b.cpm").returncode == 3
    result = run("backup", "--db", db, "--out", tmp_path / "b.cpm", passphrase="another one")
    assert result.returncode == 0, result.stderr
    assert result.stdout == ""  # messages go to standard error
    assert run("export", "--db", tmp_path / "b.cpm", tmp_path / "out", passphrase="another one").returncode == 0


def test_help_lists_every_command():
    result = run_process("--help")
    assert result.returncode == 0
    for command in ("init", "demo", "import", "export", "report", "letter", "sar", "passphrase", "backup"):
        assert command in result.stdout


def test_a_short_passphrase_is_refused_for_a_new_store(tmp_path):
    result = run("init", "--db", tmp_path / "short.cpm", passphrase="short")
    assert result.returncode == 2 and "at least 10 characters" in result.stderr
    assert not (tmp_path / "short.cpm").exists()


def test_a_failed_final_rename_leaves_no_partial_copy_and_says_so(db, tmp_path):
    out = tmp_path / "out.pdf"
    out.mkdir()  # the export cannot be renamed over a folder
    from cpm_desktop.services.interchange import import_tables
    from cpm_desktop.storage.engine import Store
    from tests.services.test_interchange import sample_tables

    with Store.open(db, PASSPHRASE) as store:
        import_tables(store, sample_tables())
    done = run("sar", "--db", db, "--person", "P1", "--out", out)
    assert done.returncode != 0 and one_sentence(done.stderr), done.stderr
    assert "is a folder" in done.stderr
    assert not (tmp_path / "out.pdf.partial").exists()
    assert list(out.iterdir()) == []
