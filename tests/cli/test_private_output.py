"""The log and every file the command line writes are its user's alone, and the log holds no passphrase."""
from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from cpm_desktop.services.interchange.columns import FILE_ORDER
from tests.adversary import damage_page, page_count
from tests.cli.test_cli import one_sentence, private_home, run, run_process  # noqa: F401  (fixture re-used)

SECRET = "Quoxley marmalade 7731 lantern"
NEW_SECRET = "Zanzibar teapot 4410 orchard"
RAW_KEY = "x'" + "ab" * 32 + "'"


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_failing_commands_leave_no_passphrase_in_the_log_and_the_log_is_private(tmp_path):
    """Real processes: the log is the entry point's (config.setup_logging), which cli.main alone never opens."""
    db = tmp_path / "secret.cpm"
    assert run("init", "--db", db, passphrase=SECRET).returncode == 0
    (tmp_path / "a-file").write_text("not a folder")
    attempts = [
        (["backup", "--db", db, "--out", tmp_path / "missing" / "b.cpm"], {}),
        (["backup", "--db", db, "--out", tmp_path], {}),
        (["backup", "--db", db, "--out", tmp_path / "a-file" / "b.cpm"], {}),
        (["export", "--db", db, tmp_path / "a-file" / "export"], {}),
        (["passphrase", "--db", db], {"new_passphrase": RAW_KEY}),
        (["passphrase", "--db", db], {"new_passphrase": "      "}),
        (["backup", "--db", db, "--out", tmp_path / "b.cpm"], {"passphrase": NEW_SECRET}),
        (["init", "--db", tmp_path / "raw.cpm"], {"passphrase": RAW_KEY}),
    ]
    results = [run_process(*args, **({"passphrase": SECRET} | secrets)) for args, secrets in attempts]
    damage_page(db, page_count(db) - 1)
    damaged = [run_process(*command, passphrase=SECRET, new_passphrase=NEW_SECRET)
               for command in (["export", "--db", db, tmp_path / "export"], ["passphrase", "--db", db])]

    log = Path(os.environ["XDG_STATE_HOME"]) / "cpm-desktop" / "log" / "cpm-desktop.log"
    text = log.read_text()
    for secret in (SECRET, NEW_SECRET, RAW_KEY, SECRET.replace(" ", "''")):
        assert secret not in text
        assert not any(secret in result.stderr for result in results + damaged)
    for (args, _), result in zip(attempts, results, strict=True):
        assert result.returncode != 0 and one_sentence(result.stderr), (args, result.stderr)
    assert [result.returncode for result in damaged] == [5, 5]
    assert "export refused: StoreDamaged" in text  # the failures were logged, as kinds, not values
    assert mode(log) == 0o600
    assert mode(log.parent) == 0o700 and mode(log.parent.parent) == 0o700
    assert not (tmp_path / "raw.cpm").exists()


@pytest.fixture(scope="module")
def demo_db(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("demo") / "demo.cpm"
    assert run("demo", "--db", path).returncode == 0
    return path


def test_every_file_the_command_line_writes_is_owner_only(demo_db, tmp_path):
    outputs = {
        "export": ["export", "--db", demo_db, tmp_path / "export"],
        "sar.pdf": ["sar", "--db", demo_db, "--person", "P000001", "--out", tmp_path / "sar.pdf"],
        "letter.pdf": ["letter", "feedback", "--db", demo_db, "--referral", "R000001", "--out",
                       tmp_path / "letter.pdf"],
        "summary.json": ["report", "evaluation", "--db", demo_db, "--json", tmp_path / "summary.json"],
        "summary.pdf": ["report", "evaluation", "--db", demo_db, "--pdf", tmp_path / "summary.pdf"],
        "backup.cpm": ["backup", "--db", demo_db, "--out", tmp_path / "backup.cpm"],
    }
    for args in outputs.values():
        result = run(*args)
        assert result.returncode == 0, result.stderr
    assert mode(tmp_path / "export") == 0o700
    written = [*(tmp_path / "export").iterdir(), *(tmp_path / name for name in outputs if name != "export")]
    assert len(written) == len(FILE_ORDER) + len(outputs) - 1  # every interchange file and every other output
    for path in written:
        assert mode(path) == 0o600, path.name
    assert not list(tmp_path.rglob("*.partial"))


@pytest.mark.parametrize("refused", ["            ", RAW_KEY, RAW_KEY.upper()])
def test_blank_and_raw_key_passphrases_are_refused_by_init_and_passphrase(tmp_path, refused):
    made = run("init", "--db", tmp_path / "new.cpm", passphrase=refused)
    assert made.returncode == 2 and one_sentence(made.stderr) and (refused.isspace() or refused not in made.stderr)
    assert not (tmp_path / "new.cpm").exists()
    db = tmp_path / "kept.cpm"
    assert run("init", "--db", db).returncode == 0
    changed = run("passphrase", "--db", db, new_passphrase=refused)
    assert changed.returncode == 2 and one_sentence(changed.stderr)
    assert run("export", "--db", db, tmp_path / "export").returncode == 0  # the old passphrase still opens it
