"""No passphrase reaches an exception's text or the log, whatever store operation fails (issue 12, critical)."""
from __future__ import annotations

import logging
import shutil
import traceback
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from cpm_desktop.storage.engine import (
    InvalidTarget,
    PassphraseRefused,
    Store,
    StoreDamaged,
    StoreError,
    WrongPassphrase,
)
from tests.adversary import damage_page, page_count

SECRET = "Quoxley marmalade 7731 lantern"
NEW_SECRET = "Zanzibar teapot 4410 orchard"
SECRETS = (SECRET, NEW_SECRET, SECRET.replace(" ", "''"), "x'" + "ab" * 32)


def every_text_of(error: BaseException) -> str:
    """What a log or a message could ever show of an error: its text, repr and whole chained traceback."""
    return "\n".join([str(error), repr(error), "".join(traceback.format_exception(error))])


@pytest.fixture
def captured_log() -> Iterator[list[str]]:
    records: list[str] = []

    class Keep(logging.Handler):
        def emit(self, record: logging.LogRecord) -> None:
            records.append(logging.Formatter("%(message)s").format(record))

    handler = Keep(level=logging.DEBUG)
    root = logging.getLogger()
    root.addHandler(handler)
    old_level = root.level
    root.setLevel(logging.DEBUG)
    try:
        yield records
    finally:
        root.removeHandler(handler)
        root.setLevel(old_level)


@pytest.fixture(scope="module")
def made_once(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("secret") / "secret.cpm"
    with Store.create(path, SECRET) as store, store.transaction() as session:
        from tests.storage.test_engine import add_person

        for n in range(300):  # enough pages that one can be damaged away from the schema
            add_person(session, f"P{n}")
    assert not path.with_name(path.name + "-wal").exists()  # the file is the whole store
    return path


@pytest.fixture
def secret_store(made_once: Path, tmp_path: Path) -> Path:
    """A store keyed with SECRET, of its own for each test (they damage it): a copy of one made once."""
    return Path(shutil.copy(made_once, tmp_path / "secret.cpm"))


def _damaged_after_opening(path: Path) -> Store:
    store = Store.open(path, SECRET)
    store.engine.dispose()  # no page stays cached: the next read meets the damage
    damage_page(path, page_count(path) // 2)
    return store


FAILURES: dict[str, tuple[Callable[[Path], object], type[StoreError]]] = {
    "backup into a missing folder": (
        lambda path: Store.open(path, SECRET).backup(path.parent / "no" / "b.cpm"), InvalidTarget),
    "backup onto a folder": (lambda path: Store.open(path, SECRET).backup(path.parent), InvalidTarget),
    "backup of a store damaged while open": (
        lambda path: _damaged_after_opening(path).backup(path.with_name("b.cpm")), StoreDamaged),
    "backup keyed with only spaces": (
        lambda path: Store.open(path, SECRET).backup(path.with_name("b.cpm"), "   "), PassphraseRefused),
    "rekey of a store damaged while open": (
        lambda path: _damaged_after_opening(path).change_passphrase(NEW_SECRET), StoreDamaged),
    "rekey to a raw key": (
        lambda path: Store.open(path, SECRET).change_passphrase("x'" + "ab" * 32), PassphraseRefused),
    "open with a wrong passphrase": (lambda path: Store.open(path, NEW_SECRET), WrongPassphrase),
    "create under a file": (lambda path: Store.create(path / "inside.cpm", SECRET), InvalidTarget),
    "create with a raw key": (lambda path: Store.create(path.with_name("raw.cpm"), "x'" + "ab" * 32),
                              PassphraseRefused),
}


@pytest.mark.parametrize("failure", FAILURES)
def test_a_failing_operation_says_one_sentence_without_the_passphrase(failure, secret_store, captured_log):
    operation, expected = FAILURES[failure]
    with pytest.raises(Exception) as raised:  # noqa: B017 — which error is part of what is checked below
        operation(secret_store)
    assert isinstance(raised.value, expected), every_text_of(raised.value)
    assert len(str(raised.value).splitlines()) == 1
    logging.getLogger("test").exception("as the command line and the window log it", exc_info=raised.value)
    shown = every_text_of(raised.value) + "\n".join(captured_log)
    for secret in SECRETS:
        assert secret not in shown, failure
