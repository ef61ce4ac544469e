"""What every pane shares: the open store, the vocabulary and the one current referral."""
from __future__ import annotations

import logging

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtWidgets import QWidget

from cpm_desktop.domain.vocabulary import Vocabulary
from cpm_desktop.services.record_views import FLUSH_SECONDS, flush_record_views
from cpm_desktop.services.stores import Store
from cpm_desktop.services.vocabulary import vocabulary_for
from cpm_desktop.ui.changes import Changes
from cpm_desktop.ui.unsaved import Unsaved, resolve

log = logging.getLogger(__name__)


class AppContext(QObject):
    """Panes read ``current_referral`` and listen to its signal; any pane may change it.

    ``changed`` is emitted with the :class:`Changes` an operation made (``ui/operations.py``), once per
    operation, so every pane showing any of them reloads once.
    """

    currentReferralChanged = Signal(object)  # a referral's uuid, or None
    changed = Signal(object)  # Changes
    dirtyChanged = Signal(bool)  # unsaved edits in some pane

    def __init__(self, store: Store, parent: QObject | None = None):
        super().__init__(parent)
        self.store = store
        self._current_referral: str | None = None
        self._unsaved: list[Unsaved] = []
        self._changing_case: list[Unsaved] = []
        self._resolving = False
        with store.snapshot() as session:
            self.vocabulary: Vocabulary = vocabulary_for(session)
        # Views of records wait in memory (reading writes nothing); written every half minute, and on locking.
        self.views_timer = QTimer(self, interval=FLUSH_SECONDS * 1000, timeout=self.flush_record_views)
        self.views_timer.start()

    def flush_record_views(self) -> None:
        try:
            flush_record_views(self.store)
        except Exception:  # the store busy or full: the views are kept for the next write or the next try
            log.warning("The views of records could not be written to the audit trail yet", exc_info=True)

    @property
    def current_referral(self) -> str | None:
        return self._current_referral

    def set_current_referral(self, referral_uuid: str | None) -> bool:
        """Make another case the current one, once the typing not yet saved for this one is saved or discarded;
        False when the person chose to stay."""
        if referral_uuid != self._current_referral:
            if not self.resolve_unsaved():
                return False
            self._current_referral = referral_uuid
            self.currentReferralChanged.emit(referral_uuid)
        return True

    def register_unsaved(self, holder: Unsaved, *, saving_changes_case: bool = False) -> None:
        """A pane holding typing. Saving some (a new referral) makes their record the current case: they are
        saved last, after the work typed for the case that is current now."""
        (self._changing_case if saving_changes_case else self._unsaved).append(holder)

    def unsaved_holders(self) -> tuple[Unsaved, ...]:
        return (*self._unsaved, *self._changing_case)

    def has_unsaved(self) -> bool:
        return any(holder.unsaved_work() for holder in self.unsaved_holders())

    def resolve_unsaved(self, parent: QWidget | None = None) -> bool:
        """Save / Discard / Cancel for everything typed and not saved; True when the caller may go on."""
        if self._resolving:  # a save made while answering changes the case: already answered
            return True
        self._resolving = True
        try:
            return resolve(parent, self.unsaved_holders())
        finally:
            self._resolving = False

    def announce(self, changes: Changes) -> None:
        """Tell every pane what an operation changed (operations call this; panes never need to)."""
        if changes & Changes.VOCABULARY:
            with self.store.snapshot() as session:
                self.vocabulary = vocabulary_for(session)
        if changes:
            self.changed.emit(changes)
