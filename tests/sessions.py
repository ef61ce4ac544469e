"""Counting the transactions and snapshots a store opens: one refresh should be one consistent read."""
from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from contextlib import AbstractContextManager

import pytest
from sqlalchemy.orm import Session

from cpm_desktop.storage.engine import Store

Opens = Callable[[], AbstractContextManager[Session]]


def count_sessions(store: Store, monkeypatch: pytest.MonkeyPatch) -> Counter[str]:
    """From now on, ``opened["transaction"]`` and ``opened["snapshot"]`` count what ``store`` opens."""
    opened: Counter[str] = Counter()

    def counting(kind: str, original: Opens) -> Opens:
        def counted() -> AbstractContextManager[Session]:
            opened[kind] += 1
            return original()
        return counted

    for kind in ("transaction", "snapshot"):
        monkeypatch.setattr(store, kind, counting(kind, getattr(store, kind)))
    return opened


def record_sessions(store: Store, monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """From now on, the list names what ``store`` opens, in order ("transaction" or "snapshot")."""
    opened: list[str] = []

    def recording(kind: str, original: Opens) -> Opens:
        def recorded() -> AbstractContextManager[Session]:
            opened.append(kind)
            return original()
        return recorded

    for kind in ("transaction", "snapshot"):
        monkeypatch.setattr(store, kind, recording(kind, getattr(store, kind)))
    return opened
