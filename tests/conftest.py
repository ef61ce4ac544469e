"""Shared fixtures: real encrypted stores in tmp_path (never a mocked database)."""
from __future__ import annotations

import os
import tempfile

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# Settings, data and logs of the application under test stay out of the developer's home.
_HOME = tempfile.mkdtemp(prefix="cpm-tests-")
for _variable in ("XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_STATE_HOME", "XDG_CACHE_HOME"):
    os.environ[_variable] = os.path.join(_HOME, _variable.lower())

import functools  # noqa: E402
import gc  # noqa: E402
import hashlib  # noqa: E402
import shutil  # noqa: E402
import uuid  # noqa: E402
from pathlib import Path  # noqa: E402

import pytest  # noqa: E402

from cpm_desktop.storage import engine as engine_module  # noqa: E402
from cpm_desktop.storage.device import DeviceIdentity, set_device_identity  # noqa: E402
from cpm_desktop.storage.engine import Store, _keyed_engine  # noqa: E402
from cpm_desktop.ui.gui_gc import collect_due  # noqa: E402

PASSPHRASE = "correct horse battery staple"


def scratch_folder(prefix: str) -> Path:
    """A new folder for this test process's files made once (templates), under its private home."""
    return Path(tempfile.mkdtemp(dir=_HOME, prefix=prefix))


@pytest.fixture
def store_path(tmp_path):
    return tmp_path / "case-record.cpm"


@functools.cache
def _template() -> tuple[Path, str]:
    """A new, empty store made once by Store.create, and the raw key SQLCipher derives from PASSPHRASE.

    The key derivation (PBKDF2-HMAC-SHA512, 256,000 rounds: SQLCipher 4's defaults, over the salt in the
    file's first 16 bytes) is the slow part of every connection; done once here, every test's store is a
    byte copy of this file opened with the derived key. A wrong derivation cannot pass unnoticed: the
    engine's connect check reads the file and fails as a wrong passphrase would.
    """
    path = scratch_folder("template-") / "template.cpm"
    Store.create(path, PASSPHRASE, actor="tester").close()
    assert not path.with_name(path.name + "-wal").exists()  # the copy is the whole store
    return path, _derived_key(PASSPHRASE, path.read_bytes()[:16])


@functools.cache
def _derived_key(passphrase: str, salt: bytes) -> str:
    """The raw key SQLCipher 4 derives from ``passphrase`` for a file whose first 16 bytes are ``salt``."""
    key = hashlib.pbkdf2_hmac("sha512", passphrase.encode(), salt, 256_000, 32)
    return f"x'{key.hex()}'"


@pytest.fixture(autouse=True)
def derive_each_key_once(monkeypatch):
    """Every connection keyed with a passphrase derives its key again (a fifth of the suite's processor time,
    issue 14): here PASSPHRASE's key for an existing file's salt is derived once per test process and handed
    to SQLCipher raw, as _template does.

    Only for PASSPHRASE, plain ASCII, so the SQL quoting of a passphrase is not bypassed; every other passphrase
    (wrong ones, quoted, accented, the demo's) and every new file go through SQLCipher's own derivation, and
    tests/storage, which is about creating and opening stores, turns this off (its conftest.py). A wrong
    derivation cannot pass unnoticed: the file would not open, as with a wrong passphrase.
    """
    def keyed(path: Path, passphrase: str):
        if passphrase == PASSPHRASE and path.is_file() and path.stat().st_size >= 16:
            with path.open("rb") as file:
                passphrase = _derived_key(PASSPHRASE, file.read(16))
        return _keyed_engine(path, passphrase)

    monkeypatch.setattr(engine_module, "_keyed_engine", keyed)


def raw_key() -> str:
    """The key every new_store opens with (its file is the template's bytes), for a test reading a store beside
    the process that has it open, without a key derivation of its own."""
    return _template()[1]


def new_store(path: Path, actor: str = "tester", copy_of: Path | None = None) -> Store:
    """A new, empty store at ``path``, as Store.create makes it but without its key derivation: the template's
    bytes, opened with the derived key. The Store knows PASSPHRASE (lock screen, backups and re-keying key
    with the passphrase, as in use), and is a device of its own: a new device uuid, as Store.create makes.

    ``copy_of``: instead a copy of that closed store, itself made by new_store (the same salt, so the same key),
    for records many tests start from, imported once."""
    template, raw_key = _template()
    shutil.copy(copy_of or template, path)  # the file and its owner-only mode
    store = Store(path, _keyed_engine(path, raw_key), actor, PASSPHRASE)
    with store.transaction() as session:
        set_device_identity(session, DeviceIdentity(uuid=str(uuid.uuid4())))
    return store


@pytest.fixture
def store(store_path):
    with new_store(store_path) as opened:
        yield opened


def pytest_xdist_auto_num_workers(config: pytest.Config) -> int | None:
    """`-n auto` (pyproject.toml) for the suite or a folder of it; a run of named files or tests stays in this
    process, where starting workers would cost more than they save."""
    named = [arg for arg in config.args if "::" in arg or Path(arg).is_file()]
    return 0 if named and len(named) == len(config.args) else None  # None: pytest-xdist counts the cores


_THRESHOLD = gc.get_threshold()


@pytest.fixture(scope="session", autouse=True)
def _no_collection_in_worker_threads():
    """As the application does (cpm_desktop/ui/gui_gc.py): the cycle collector never runs in a worker thread,
    where it would free a test's leftover Qt objects outside the GUI thread; it runs between tests instead."""
    gc.disable()
    yield
    gc.enable()


@pytest.fixture(autouse=True)
def _collect_between_tests():
    yield
    collect_due(_THRESHOLD)

