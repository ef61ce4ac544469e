"""Every change the GUI makes goes through here: one service call, then one announcement of what changed.

Panes never tell each other what they saved. An operation runs the call, and when it succeeds the
``AppContext`` announces its :class:`Changes`; every pane that shows any of those reloads, once.
Work that can be slow runs in the background with a cancellable progress dialog.
"""
from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from PySide6.QtWidgets import QMessageBox, QWidget

from cpm_desktop.services.stores import Store, StoreError, explain
from cpm_desktop.ui.changes import Changes
from cpm_desktop.ui.context import AppContext
from cpm_desktop.ui.workers import BackgroundTask, Cancelled

T = TypeVar("T")
Progress = Callable[[int, int, str], bool]  # (done, total, what); raises Cancelled once the person cancels

REFUSALS = (ValueError, LookupError, StoreError)  # a rule or the store said no, in one sentence of its own


def perform(context: AppContext, changes: Changes, call: Callable[[Store], T]) -> T:
    """Run ``call(store)``, then announce ``changes``. A refusal reaches the caller; nothing is announced then."""
    result = call(context.store)
    context.announce(changes)
    return result


def attempt(parent: QWidget, context: AppContext, changes: Changes, call: Callable[[Store], object],
            title: str = "Not recorded") -> bool:
    """As :func:`perform`, saying a refusal in a message box; True when it was done.

    What a dialog saves goes through here: a refusal returns False and the dialog stays open with the typing.
    """
    try:
        perform(context, changes, call)
    except REFUSALS as error:
        QMessageBox.warning(parent, title, str(error))
        return False
    except Exception as error:  # a page of the store damaged, its disk full: said in words, never a trace
        fault = explain(error, context.store.path)
        if fault is None:
            raise
        QMessageBox.warning(parent, title, str(fault))
        return False
    return True


def perform_in_background(context: AppContext, parent: QWidget, title: str,
                          work: Callable[[Store, Progress], T], changes: Changes | Callable[[T], Changes],
                          done: Callable[[T], None] | None = None,
                          failed: Callable[[BaseException], None] | None = None) -> BackgroundTask:
    """Run ``work(store, progress)`` off the GUI thread with a cancellable progress dialog.

    On success the changes (or ``changes(result)``) are announced and ``done(result)`` runs on the GUI thread;
    on failure (a :class:`Cancelled` when the person cancelled) ``failed(error)`` runs instead.
    """
    store = context.store
    task = BackgroundTask(title, lambda progress: work(store, progress), parent)

    def succeeded(result: T) -> None:
        context.announce(changes(result) if callable(changes) else changes)
        if done is not None:
            done(result)

    task.finished.connect(succeeded)
    if failed is not None:
        task.failed.connect(failed)
    _running.add(task)  # held until it ends, whoever keeps (or drops) the returned task
    task.finished.connect(lambda _result: _running.discard(task))
    task.failed.connect(lambda _error: _running.discard(task))
    task.start()
    return task


_running: set[BackgroundTask] = set()


__all__ = ["REFUSALS", "Cancelled", "Changes", "attempt", "perform", "perform_in_background"]
