"""Entry point: ``cpm-desktop`` (GUI) or ``cpm-desktop <command>`` (headless, see cli.py)."""
from __future__ import annotations

import sys
from pathlib import Path

from cpm_desktop import cli, config


def _open_gui(db: Path | None, demo: bool) -> int:
    from cpm_desktop.app import run_gui  # Qt is loaded only when a window is wanted

    return run_gui(db, demo)


def main() -> int:
    config.setup_logging()
    return cli.main(sys.argv[1:], open_gui=_open_gui)


if __name__ == "__main__":
    sys.exit(main())
