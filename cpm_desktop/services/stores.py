"""The encrypted store as the GUI, the command line and app.py see it: opened, created, restored, and the
errors they show.

Front-ends reach storage only through services (tests/test_architecture.py); this is their one door to
``storage.engine``, ``storage.faults`` and ``storage.restore``, which stay the single implementation of
opening, creating, re-keying, backing up and restoring a store and of naming what went wrong.
"""
from __future__ import annotations

from cpm_desktop.storage.engine import Store as Store
from cpm_desktop.storage.faults import InvalidTarget as InvalidTarget
from cpm_desktop.storage.faults import NoPermission as NoPermission
from cpm_desktop.storage.faults import NotAStore as NotAStore
from cpm_desktop.storage.faults import PassphraseRefused as PassphraseRefused
from cpm_desktop.storage.faults import StoreDamaged as StoreDamaged
from cpm_desktop.storage.faults import StoreError as StoreError
from cpm_desktop.storage.faults import StoreExists as StoreExists
from cpm_desktop.storage.faults import StoreMissing as StoreMissing
from cpm_desktop.storage.faults import WrongPassphrase as WrongPassphrase
from cpm_desktop.storage.faults import explain as explain
from cpm_desktop.storage.restore import BackupDamaged as BackupDamaged
from cpm_desktop.storage.restore import BackupWrongPassphrase as BackupWrongPassphrase
from cpm_desktop.storage.restore import restore_backup as restore_backup

__all__ = [
    "BackupDamaged", "BackupWrongPassphrase", "InvalidTarget", "NoPermission", "NotAStore", "PassphraseRefused",
    "Store", "StoreDamaged", "StoreError", "StoreExists", "StoreMissing", "WrongPassphrase", "explain",
    "restore_backup",
]
