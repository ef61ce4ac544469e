"""The tests' ``store`` is a copy of one template store opened with the key derived once: it must be the
same encrypted store Store.create makes, open with the passphrase, and keep nothing between tests."""
from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import func, select

from cpm_desktop.services import referrals
from cpm_desktop.services.referrals import ReferralForm
from cpm_desktop.storage import models as m
from cpm_desktop.storage.device import device_identity
from cpm_desktop.storage.engine import Store, execute_pragma
from tests.conftest import PASSPHRASE, new_store


@pytest.fixture
def derive_each_key_once():
    """Off here (see tests/conftest.py): these tests open the copies with SQLCipher's own derivation."""


def add_referral(store: Store) -> None:
    referrals.save_referral(store, ReferralForm(first_name="Ann", last_name="Lee", referred_on=date(2026, 11, 2)),
                            today=date(2026, 11, 23))


def referral_count(store: Store) -> int:
    with store.transaction() as session:
        return session.scalar(select(func.count()).select_from(m.Referral))


def test_the_copy_is_encrypted_and_opens_with_the_passphrase(store, store_path):
    assert not store_path.read_bytes().startswith(b"SQLite format 3")
    assert store_path.stat().st_mode & 0o077 == 0
    assert execute_pragma(store, "cipher_version")[0][0]
    assert store.check_passphrase(PASSPHRASE) and not store.check_passphrase("wrong")
    add_referral(store)
    store.close()
    with Store.open(store_path, PASSPHRASE) as reopened:
        assert referral_count(reopened) == 1


def test_a_backup_of_the_copy_opens_with_the_passphrase(store, tmp_path):
    add_referral(store)
    with Store.open(store.backup(tmp_path / "backup.cpm"), PASSPHRASE) as backup:
        assert referral_count(backup) == 1


def test_each_test_starts_from_an_empty_store(store):
    assert referral_count(store) == 0
    add_referral(store)


def test_and_so_does_the_next(store):
    test_each_test_starts_from_an_empty_store(store)


def test_each_copy_is_a_device_of_its_own(store, tmp_path):
    with new_store(tmp_path / "other.cpm") as other, store.transaction() as mine, other.transaction() as theirs:
        assert device_identity(mine).uuid != device_identity(theirs).uuid
