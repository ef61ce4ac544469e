"""Shared fixtures: real encrypted stores in tmp_path (never a mocked database)."""
from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

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
