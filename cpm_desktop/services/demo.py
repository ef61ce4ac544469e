"""The demo store: synthetic, clearly fictional people, loaded through the real import path."""
from __future__ import annotations

from datetime import date
from pathlib import Path

from cpm_desktop import config
from cpm_desktop.services.demo_data import generate_demo_tables
from cpm_desktop.services.interchange import import_tables
from cpm_desktop.services.interchange.importing import Progress
from cpm_desktop.storage.engine import Store, remove_store_files

# The demo holds no real person, so its passphrase may be known; it is shown on the unlock window.
DEMO_PASSPHRASE = "demo"


def create_demo_store(path: str | Path, passphrase: str, *, seed: int = 2018, scale: float = 1.0,
                      today: date | None = None, progress: Progress | None = None) -> Store:
    """Create a new store at ``path`` filled with demo records; nothing is left behind if that fails."""
    store = Store.create(path, passphrase, actor="demo")
    try:
        import_tables(store, generate_demo_tables(seed=seed, scale=scale, today=today), progress=progress)
    except BaseException:
        store.close()
        remove_store_files(Path(path))
        raise
    return store


def demo_store_exists() -> bool:
    """Whether the demo store was made already (opening it is then quick; making it takes a while)."""
    return config.demo_store_path().exists()


def open_demo_store(progress: Progress | None = None) -> Store:
    """The demo store in the user's data folder, opened; made on first use, reporting ``progress``.

    An exception raised by ``progress`` (a Cancel) stops the making, and no half-made demo file is left.
    """
    path = config.demo_store_path()
    if path.exists():
        return Store.open(path, DEMO_PASSPHRASE)
    return create_demo_store(path, DEMO_PASSPHRASE, progress=progress)
