"""Lock when the operating system says the session is locking or the machine is going to sleep.

Where the platform reports it:
- everywhere: Qt's application state (Suspended, as mobile and some desktops report before sleep);
- Linux: logind on the system D-Bus (``PrepareForSleep(true)``, a session's ``Lock``) and the desktop's
  screen saver on the session bus (``ActiveChanged(true)``, GNOME's and the freedesktop one), through QtDBus;
- Windows: ``WM_POWERBROADCAST`` / ``PBT_APMSUSPEND`` and ``WM_WTSSESSION_CHANGE`` / ``WTS_SESSION_LOCK``
  through a native event filter, after registering the main window for session notifications.
Each part that cannot be had (no QtDBus, no bus, another platform) is left out and says so in the log;
the idle lock and Lock now work regardless.
"""
from __future__ import annotations

import ctypes
import logging
import sys
from collections.abc import Callable

from PySide6.QtCore import QAbstractNativeEventFilter, QByteArray, QCoreApplication, QObject, Qt, Slot
from PySide6.QtWidgets import QWidget

from cpm_desktop.ui.lock import LockReason

log = logging.getLogger(__name__)

LOGIND = "org.freedesktop.login1"
LOGIND_PATH = "/org/freedesktop/login1"
SCREEN_SAVERS = (("org.freedesktop.ScreenSaver", "/org/freedesktop/ScreenSaver"),
                 ("org.gnome.ScreenSaver", "/org/gnome/ScreenSaver"))

WM_POWERBROADCAST, PBT_APMSUSPEND = 0x0218, 0x0004
WM_WTSSESSION_CHANGE, WTS_SESSION_LOCK = 0x02B1, 0x0007
NOTIFY_FOR_THIS_SESSION = 0

OnLock = Callable[[LockReason], None]


def windows_lock_reason(message: int, wparam: int) -> LockReason | None:
    """What a Windows message means for the lock (None: nothing)."""
    if message == WM_POWERBROADCAST and wparam == PBT_APMSUSPEND:
        return LockReason.SLEEP
    if message == WM_WTSSESSION_CHANGE and wparam == WTS_SESSION_LOCK:
        return LockReason.SESSION
    return None


class WindowsSessionFilter(QAbstractNativeEventFilter):
    """Reads each native Windows message (an ``MSG``) and locks on suspend or a session lock."""

    def __init__(self, on_lock: OnLock):
        super().__init__()
        self.on_lock = on_lock

    def nativeEventFilter(self, event_type: QByteArray | bytes | bytearray | memoryview,  # noqa: N802
                          message: int) -> tuple[bool, int]:
        if bytes(event_type.data() if isinstance(event_type, QByteArray) else event_type) == b"windows_generic_MSG" \
                and message:
            from ctypes import wintypes

            msg = wintypes.MSG.from_address(int(message))
            reason = windows_lock_reason(msg.message, msg.wParam)
            if reason is not None:
                self.on_lock(reason)
        return False, 0  # never swallowed: Windows and Qt see every message as before


class LogindWatch(QObject):
    """logind and screen-saver signals on D-Bus; ``available`` is False when no bus could be reached."""

    def __init__(self, on_lock: OnLock, system_bus: object | None = None, session_bus: object | None = None,
                 parent: QObject | None = None):
        super().__init__(parent)
        from PySide6.QtCore import SLOT
        from PySide6.QtDBus import QDBusConnection

        self.on_lock = on_lock
        system = system_bus if system_bus is not None else QDBusConnection.systemBus()
        session = session_bus if session_bus is not None else QDBusConnection.sessionBus()
        self.available = False
        if system.isConnected():  # type: ignore[attr-defined]
            self.available = all([
                system.connect(LOGIND, LOGIND_PATH, f"{LOGIND}.Manager", "PrepareForSleep",  # type: ignore[attr-defined]
                               self, SLOT("prepare_for_sleep(bool)")),
                # Any session's Lock (loginctl lock-session, lock-sessions): locking when another is asked to
                # is the safe side. The path is left open because ours is only known by a call that may block.
                system.connect(LOGIND, "", f"{LOGIND}.Session", "Lock",  # type: ignore[attr-defined]
                               self, SLOT("session_locked()")),
            ])
        if session.isConnected():  # type: ignore[attr-defined]
            for service, path in SCREEN_SAVERS:
                self.available |= session.connect(service, path, service, "ActiveChanged",  # type: ignore[attr-defined]
                                                  self, SLOT("screen_saver(bool)"))

    @Slot(bool)
    def prepare_for_sleep(self, going: bool) -> None:
        if going:
            self.on_lock(LockReason.SLEEP)

    @Slot()
    def session_locked(self) -> None:
        self.on_lock(LockReason.SESSION)

    @Slot(bool)
    def screen_saver(self, active: bool) -> None:
        if active:
            self.on_lock(LockReason.SESSION)


class SessionWatch(QObject):
    """Everything this platform can say about sleep and session locks, wired to ``on_lock``."""

    def __init__(self, window: QWidget, on_lock: OnLock):
        super().__init__(window)
        self.on_lock = on_lock
        self.sources: list[str] = ["application state"]
        app = QCoreApplication.instance()
        assert app is not None
        app.applicationStateChanged.connect(self._state_changed)  # type: ignore[attr-defined]
        self.dbus: LogindWatch | None = None
        self.windows_filter: WindowsSessionFilter | None = None
        if sys.platform.startswith("linux"):
            self._watch_dbus()
        elif sys.platform == "win32":
            self._watch_windows(window)
        log.info("the lock follows: %s", ", ".join(self.sources))

    def _state_changed(self, state: Qt.ApplicationState) -> None:
        if state == Qt.ApplicationState.ApplicationSuspended:
            self.on_lock(LockReason.SLEEP)

    def _watch_dbus(self) -> None:
        try:
            self.dbus = LogindWatch(self.on_lock, parent=self)
        except ImportError:  # a PySide6 build without QtDBus
            log.info("QtDBus is not available: sleep and session locks are not followed")
            return
        if self.dbus.available:
            self.sources.append("logind and the screen saver (D-Bus)")
        else:
            log.info("no D-Bus bus reached: sleep and session locks are not followed")

    def _watch_windows(self, window: QWidget) -> None:
        self.windows_filter = WindowsSessionFilter(self.on_lock)
        QCoreApplication.instance().installNativeEventFilter(self.windows_filter)  # type: ignore[union-attr]
        self.sources.append("Windows power events")
        try:
            windll = ctypes.windll  # type: ignore[attr-defined]
            if windll.wtsapi32.WTSRegisterSessionNotification(int(window.winId()), NOTIFY_FOR_THIS_SESSION):
                self.sources.append("Windows session locks")
        except (AttributeError, OSError):
            log.info("Windows session notifications are not available")
