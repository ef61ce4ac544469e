"""The idle time is a preference in the plain settings file: something else found there is not a crash."""
from __future__ import annotations

import pytest
from PySide6.QtCore import QSettings

from cpm_desktop.ui.main_window import IDLE_KEY, IDLE_MINUTES, remembered_idle_minutes


@pytest.mark.parametrize(("stored", "used"), [(5, 5.0), ("15", 15.0), ("soon", IDLE_MINUTES), (0, IDLE_MINUTES),
                                              (10_000, IDLE_MINUTES), ("", IDLE_MINUTES)])
def test_the_remembered_idle_time_is_used_only_when_it_is_one(qapp, stored, used):
    settings = QSettings()
    settings.setValue(IDLE_KEY, stored)
    try:
        assert remembered_idle_minutes() == used
    finally:
        settings.remove(IDLE_KEY)
