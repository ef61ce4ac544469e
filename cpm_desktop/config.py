"""Where the application keeps its own files, and its log (which never holds personal data)."""
from __future__ import annotations

import io
import logging
import logging.handlers
import os
import re
from pathlib import Path

import platformdirs

APP_NAME = "cpm-desktop"


def data_dir() -> Path:
    return platformdirs.user_data_path(APP_NAME, appauthor=False)


def default_store_path() -> Path:
    return data_dir() / "cpm.cpm"


def demo_store_path() -> Path:
    return data_dir() / "demo.cpm"


def log_path() -> Path:
    return platformdirs.user_log_path(APP_NAME, appauthor=False) / "cpm-desktop.log"


class OwnerOnlyLog(logging.handlers.RotatingFileHandler):
    """A rotating log only its owner can read: it is opened 0600 (rotated copies keep the mode), and a log
    an earlier version left readable by others is made private when opened."""

    def _open(self) -> io.TextIOWrapper:
        descriptor = os.open(self.baseFilename, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o600)
        os.fchmod(descriptor, 0o600)
        return io.TextIOWrapper(io.FileIO(descriptor, "a"), encoding=self.encoding, errors=self.errors,
                                write_through=True)


class KeysHidden(logging.Formatter):
    """A last guard: should SQL that carries a key ever reach a log line or a traceback, its quoted key is
    replaced (the store's code runs such SQL only on raw driver cursors, whose errors never quote it)."""

    _QUOTED_KEY = re.compile(r"(\b(?:KEY|key|rekey)\s*=?\s*)'(?:[^']|'')*'")

    def format(self, record: logging.LogRecord) -> str:
        return self._QUOTED_KEY.sub(r"\1'(hidden)'", super().format(record))


def _make_own_folder(folder: Path) -> None:
    """Make ``folder`` and its missing parents owner-only; the folder itself is ours, so it is tightened too."""
    for level in reversed([folder, *folder.parents]):
        if not level.exists():
            level.mkdir(mode=0o700, exist_ok=True)
    folder.chmod(0o700)


def setup_logging() -> logging.Handler:
    """Log to a rotating file; tracebacks go here, never to the user's screen."""
    path = log_path()
    handler: logging.Handler
    try:
        _make_own_folder(path.parent)
        for old in path.parent.glob(path.name + ".*"):  # copies rotated by an earlier version
            old.chmod(0o600)
        handler = OwnerOnlyLog(path, maxBytes=1_000_000, backupCount=3, encoding="utf-8")
    except OSError:
        handler = logging.NullHandler()
    handler.setFormatter(KeysHidden("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root = logging.getLogger()
    root.addHandler(handler)
    root.setLevel(logging.INFO)
    return handler
