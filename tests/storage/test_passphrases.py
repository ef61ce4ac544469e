"""Passphrases at the store: NFC keys, stores keyed before normalising still open, refusals write nothing."""
from __future__ import annotations

import unicodedata

import pytest

from cpm_desktop.storage.engine import PassphraseRefused, Store, WrongPassphrase, _literal
from tests.conftest import PASSPHRASE

WORDS = "Crème brûlée à Noël, señor"
COMPOSED, DECOMPOSED = unicodedata.normalize("NFC", WORDS), unicodedata.normalize("NFD", WORDS)
RAW_KEY = "x'" + "c0ffee00" * 8 + "'"


def test_a_store_made_on_one_keyboard_opens_from_another(tmp_path):
    path = tmp_path / "keyboards.cpm"
    Store.create(path, DECOMPOSED).close()
    for typed in (COMPOSED, DECOMPOSED):
        with Store.open(path, typed) as store:
            assert store.check_passphrase(COMPOSED) and store.check_passphrase(DECOMPOSED)
            assert not store.check_passphrase(WORDS.upper())


def key_without_normalising(store: Store, passphrase: str) -> None:
    """What versions before NFC did: key the store with the passphrase exactly as typed."""
    store.engine.dispose()
    connection = store.engine.raw_connection()
    try:
        cursor = connection.cursor()
        cursor.execute("PRAGMA journal_mode = DELETE")
        cursor.execute(f"PRAGMA rekey = {_literal(passphrase)}")
        cursor.close()
    finally:
        connection.close()
    store.close()


def test_a_store_keyed_before_normalising_still_opens(tmp_path):
    path = tmp_path / "old.cpm"
    key_without_normalising(Store.create(path, PASSPHRASE), DECOMPOSED)
    with Store.open(path, DECOMPOSED) as store:  # NFC is tried first, then the form typed
        assert store.check_passphrase(DECOMPOSED)
        store.change_passphrase(DECOMPOSED)  # changing it once keys it in NFC ...
    with Store.open(path, COMPOSED):  # ... so from then on any keyboard opens it
        pass


@pytest.mark.parametrize("refused", ["", "    ", "\u2003\t", RAW_KEY, RAW_KEY.upper()])
def test_create_refuses_blank_and_raw_key_passphrases_and_writes_nothing(tmp_path, refused):
    with pytest.raises(PassphraseRefused):
        Store.create(tmp_path / "new.cpm", refused)
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("refused", ["   ", RAW_KEY])
def test_change_refuses_blank_and_raw_key_passphrases_and_keeps_the_old_one(store, store_path, refused):
    with pytest.raises(PassphraseRefused):
        store.change_passphrase(refused)
    store.close()
    with pytest.raises(WrongPassphrase):
        Store.open(store_path, refused)
    Store.open(store_path, PASSPHRASE).close()
