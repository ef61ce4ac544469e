"""The storage tests are about creating and opening stores: their ``store`` is made by Store.create itself,
not copied from the session's template, and SQLCipher derives every key from the passphrase itself."""
from __future__ import annotations

import pytest

from cpm_desktop.storage.engine import Store
from tests.conftest import PASSPHRASE


@pytest.fixture
def derive_each_key_once():
    """Off here (see tests/conftest.py): every key is SQLCipher's own derivation from the passphrase."""


@pytest.fixture
def store(store_path):
    with Store.create(store_path, PASSPHRASE, actor="tester") as opened:
        yield opened
