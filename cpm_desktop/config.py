"""Where the application keeps its own files, and its log (which never holds personal data)."""
from __future__ import annotations

import logging
import logging.handlers
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


def setup_logging() -> None:
    """Log to a rotating file; tracebacks go here, never to the user's screen."""
    path = log_path()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handler: logging.Handler = logging.handlers.RotatingFileHandler(
            path, maxBytes=1_000_000, backupCount=3, encoding="utf-8")
    except OSError:
        handler = logging.NullHandler()
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root = logging.getLogger()
    root.addHandler(handler)
    root.setLevel(logging.INFO)
