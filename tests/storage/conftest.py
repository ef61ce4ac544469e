"""The storage tests are about creating and opening stores: their ``store`` is made by Store.create itself,
not copied from the session's template."""
from __future__ import annotations

import pytest

from cpm_desktop.storage.engine import Store
from tests.conftest import PASSPHRASE


@pytest.fixture
def store(store_path):
    with Store.create(store_path, PASSPHRASE, actor="tester") as opened:
        yield opened
