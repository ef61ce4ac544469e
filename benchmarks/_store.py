"""A store at ten times the scheme's size, built once and kept in the system temp folder for benchmarks."""
from __future__ import annotations

import tempfile
import time
from pathlib import Path

from cpm_desktop.services.demo import create_demo_store
from cpm_desktop.storage.engine import Store

PASSPHRASE = "benchmark"


def big_store(scale: float = 200) -> Store:
    path = Path(tempfile.gettempdir()) / f"cpm-benchmark-{scale:g}.cpm"
    if not path.exists():
        started = time.perf_counter()
        create_demo_store(path, PASSPHRASE, seed=1, scale=scale).close()
        print(f"built {path} in {time.perf_counter() - started:.0f} s")
    return Store.open(path, PASSPHRASE)
