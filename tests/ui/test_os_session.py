"""The lock follows the operating system: logind's PrepareForSleep and session Lock and the screen saver on a
real (private) D-Bus daemon, Windows power and session messages through the native event filter, and Qt's
application state."""
from __future__ import annotations

import ctypes
import shutil
import subprocess
from ctypes import wintypes

import pytest
from PySide6.QtCore import QByteArray, Qt
from PySide6.QtDBus import QDBusConnection, QDBusMessage
from PySide6.QtWidgets import QApplication

from cpm_desktop.ui.os_session import (
    LOGIND,
    LOGIND_PATH,
    PBT_APMSUSPEND,
    WM_POWERBROADCAST,
    WM_WTSSESSION_CHANGE,
    WTS_SESSION_LOCK,
    LogindWatch,
    WindowsSessionFilter,
)
from tests.ui.test_lock import unlock_by_keyboard
from tests.ui.test_main_window import window  # noqa: F401 (the fixture)


@pytest.fixture
def bus():
    """A D-Bus daemon of the test's own, standing in for the system bus; a second connection plays logind."""
    if shutil.which("dbus-daemon") is None:
        pytest.skip("dbus-daemon is not installed (Debian package dbus-daemon)")
    daemon = subprocess.Popen(["dbus-daemon", "--session", "--nofork", "--print-address=1"],
                              stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    try:
        address = daemon.stdout.readline().strip()
        logind = QDBusConnection.connectToBus(address, f"logind-{daemon.pid}")
        assert logind.registerService(LOGIND)
        watcher = QDBusConnection.connectToBus(address, f"app-{daemon.pid}")
        yield watcher, logind
        for name in (f"logind-{daemon.pid}", f"app-{daemon.pid}"):
            QDBusConnection.disconnectFromBus(name)
    finally:
        daemon.terminate()
        daemon.wait(5)


def send(connection, path: str, interface: str, name: str, *arguments) -> None:
    message = QDBusMessage.createSignal(path, interface, name)
    message.setArguments(list(arguments))
    assert connection.send(message)


def test_logind_going_to_sleep_locks_and_waking_does_not_unlock(window, qtbot, bus):  # noqa: F811
    watcher, logind = bus
    watch = LogindWatch(window.lock, system_bus=watcher, session_bus=watcher, parent=window)
    assert watch.available
    send(logind, LOGIND_PATH, f"{LOGIND}.Manager", "PrepareForSleep", True)
    qtbot.waitUntil(lambda: window.locked, timeout=3000)
    assert window.lock_screen.message.text().startswith("Locked because the computer was going to sleep.")
    send(logind, LOGIND_PATH, f"{LOGIND}.Manager", "PrepareForSleep", False)  # waking up
    qtbot.wait(200)
    assert window.locked
    unlock_by_keyboard(qtbot, window)
    assert not window.locked


def test_logind_locking_the_session_locks(window, qtbot, bus):  # noqa: F811
    watcher, logind = bus
    LogindWatch(window.lock, system_bus=watcher, session_bus=watcher, parent=window)
    send(logind, f"{LOGIND_PATH}/session/_32", f"{LOGIND}.Session", "Lock")
    qtbot.waitUntil(lambda: window.locked, timeout=3000)
    assert window.lock_screen.message.text().startswith("Locked with your computer's session.")
    unlock_by_keyboard(qtbot, window)


def test_the_screen_saver_coming_on_locks(window, qtbot, bus):  # noqa: F811
    watcher, desktop = bus
    assert desktop.registerService("org.gnome.ScreenSaver")
    LogindWatch(window.lock, system_bus=watcher, session_bus=watcher, parent=window)
    send(desktop, "/org/gnome/ScreenSaver", "org.gnome.ScreenSaver", "ActiveChanged", False)
    qtbot.wait(200)
    assert not window.locked
    send(desktop, "/org/gnome/ScreenSaver", "org.gnome.ScreenSaver", "ActiveChanged", True)
    qtbot.waitUntil(lambda: window.locked, timeout=3000)
    unlock_by_keyboard(qtbot, window)


def test_no_bus_is_said_and_nothing_breaks(window, qtbot):  # noqa: F811
    nowhere = QDBusConnection.connectToBus("unix:path=/nonexistent/bus", "nowhere")
    watch = LogindWatch(window.lock, system_bus=nowhere, session_bus=nowhere, parent=window)
    assert not watch.available and not window.locked
    QDBusConnection.disconnectFromBus("nowhere")


@pytest.mark.parametrize(("message", "wparam", "words"), [
    (WM_POWERBROADCAST, PBT_APMSUSPEND, "Locked because the computer was going to sleep."),
    (WM_WTSSESSION_CHANGE, WTS_SESSION_LOCK, "Locked with your computer's session."),
])
def test_windows_suspend_and_session_lock_messages_lock(window, qtbot, message, wparam, words):  # noqa: F811
    events = WindowsSessionFilter(window.lock)
    other = wintypes.MSG(0, WM_POWERBROADCAST, 0x0012, 0)  # PBT_APMRESUMEAUTOMATIC: nothing to do
    assert events.nativeEventFilter(QByteArray(b"windows_generic_MSG"), ctypes.addressof(other)) == (False, 0)
    assert not window.locked
    msg = wintypes.MSG(0, message, wparam, 0)
    assert events.nativeEventFilter(QByteArray(b"windows_generic_MSG"), ctypes.addressof(msg)) == (False, 0)
    assert window.locked and window.lock_screen.message.text().startswith(words)
    unlock_by_keyboard(qtbot, window)


def test_the_application_suspended_locks(window, qtbot):  # noqa: F811
    QApplication.instance().applicationStateChanged.emit(Qt.ApplicationState.ApplicationSuspended)
    assert window.locked
    unlock_by_keyboard(qtbot, window)
