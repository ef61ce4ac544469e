"""The encrypted store as the GUI, the command line and app.py see it: opened, created, and the errors
they show.

Front-ends reach storage only through services (tests/test_architecture.py); this is their one door to
``storage.engine``, which stays the single implementation of opening, creating, re-keying and backing up.
"""
from __future__ import annotations

from cpm_desktop.storage.engine import Store as Store
from cpm_desktop.storage.engine import StoreError as StoreError
from cpm_desktop.storage.engine import WrongPassphrase as WrongPassphrase

__all__ = ["Store", "StoreError", "WrongPassphrase"]
