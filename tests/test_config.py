"""The log file: owner-only in an owner-only folder, and a quoted key never survives into it."""
from __future__ import annotations

import logging
import stat

import pytest

from cpm_desktop import config

SECRET = "Quoxley marmalade 7731 lantern"


@pytest.fixture
def log_file(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / "state"))
    path = config.log_path()
    path.parent.mkdir(parents=True)
    path.write_text("an older version's log\n")
    path.chmod(0o644)  # as earlier versions left it
    path.with_name(path.name + ".1").write_text("rotated\n")
    path.with_name(path.name + ".1").chmod(0o644)
    handler = config.setup_logging()
    yield path
    logging.getLogger().removeHandler(handler)
    handler.close()


def mode(path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_the_log_and_its_rotated_copies_become_owner_only(log_file):
    assert mode(log_file) == 0o600 and mode(log_file.with_name(log_file.name + ".1")) == 0o600
    assert mode(log_file.parent) == 0o700
    logging.getLogger("cpm_desktop.test").warning("a line")
    assert log_file.read_text().startswith("an older version's log\n") and "a line" in log_file.read_text()


def test_a_new_log_is_owner_only_from_its_first_line(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / "fresh"))
    handler = config.setup_logging()
    try:
        logging.getLogger("cpm_desktop.test").warning("first")
        assert mode(config.log_path()) == 0o600
        assert mode(config.log_path().parent) == mode(config.log_path().parent.parent) == 0o700
    finally:
        logging.getLogger().removeHandler(handler)
        handler.close()


def test_sql_that_quotes_a_key_is_hidden_even_in_a_traceback(log_file):
    quoted = SECRET.replace("'", "''")
    try:
        raise RuntimeError(f"[SQL: ATTACH DATABASE '/x/b.cpm.partial' AS backup KEY '{quoted}']\n"
                           f"PRAGMA rekey = 'it''s {SECRET}'  PRAGMA key='{SECRET}'")
    except RuntimeError:
        logging.getLogger("cpm_desktop.test").exception("backup failed")
    text = log_file.read_text()
    assert SECRET not in text
    assert "ATTACH DATABASE '/x/b.cpm.partial' AS backup KEY '(hidden)'" in text  # the rest stays useful
