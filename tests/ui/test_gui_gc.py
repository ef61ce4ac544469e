"""The cycle collector runs on the GUI thread only: garbage holding Qt objects is never freed by a worker."""
from __future__ import annotations

import gc
import threading
import weakref

from PySide6.QtCore import QObject, QTimer

from cpm_desktop.ui.gui_gc import GuiThreadCollector, collect_on_gui_thread


class _Cycle:
    def __init__(self) -> None:
        self.me = self
        # A Qt object made on the GUI thread. (Not a running timer: freed off its thread, its registration
        # would stay behind and crash this process when it next fired.)
        self.timer = QTimer()


def _worker_frees(cycle_maker) -> list[str]:
    freed_in: list[str] = []
    cycle = cycle_maker()
    weakref.finalize(cycle, lambda: freed_in.append(threading.current_thread().name))
    del cycle
    worker = threading.Thread(target=lambda: [[object() for _ in range(50)] for _ in range(20_000)], name="worker")
    worker.start()
    worker.join()
    return freed_in


def test_without_it_a_worker_thread_that_allocates_frees_the_gui_threads_garbage(qapp):
    gc.enable()  # Python's default
    try:
        assert _worker_frees(_Cycle) == ["worker"]  # what the collector is there to prevent
    finally:
        gc.disable()


def test_garbage_made_on_the_gui_thread_is_not_freed_by_a_worker_thread_that_allocates(qapp):
    gc.enable()
    parent = QObject()
    GuiThreadCollector(parent)
    assert not gc.isenabled()
    freed_in = _worker_frees(_Cycle)
    assert freed_in == []  # the worker's allocations did not run the collector
    gc.collect()
    assert freed_in in ([], [threading.current_thread().name])  # collected here, never in the worker


def test_one_collector_per_application(qapp):
    assert collect_on_gui_thread(qapp) is collect_on_gui_thread(qapp)
    assert isinstance(qapp.findChild(GuiThreadCollector), QObject)
