"""Shared fixtures: real encrypted stores in tmp_path (never a mocked database)."""
from __future__ import annotations

import os
import tempfile

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# Settings, data and logs of the application under test stay out of the developer's home.
_HOME = tempfile.mkdtemp(prefix="cpm-tests-")
for _variable in ("XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_STATE_HOME", "XDG_CACHE_HOME"):
    os.environ[_variable] = os.path.join(_HOME, _variable.lower())

import pytest  # noqa: E402

from cpm_desktop.storage.engine import Store  # noqa: E402

PASSPHRASE = "correct horse battery staple"


@pytest.fixture
def store_path(tmp_path):
    return tmp_path / "case-record.cpm"


@pytest.fixture
def store(store_path):
    with Store.create(store_path, PASSPHRASE, actor="tester") as opened:
        yield opened
