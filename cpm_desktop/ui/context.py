"""What every pane shares: the open store, the vocabulary and the one current referral."""
from __future__ import annotations

from PySide6.QtCore import QObject, Signal

from cpm_desktop.domain.vocabulary import Vocabulary
from cpm_desktop.services.stores import Store
from cpm_desktop.services.vocabulary import vocabulary_for


class AppContext(QObject):
    """Panes read ``current_referral`` and listen to its signal; any pane may change it.

    ``dataChanged`` is emitted (with the name of what changed, e.g. "referral", "contact",
    "allocation", "mentor") after a pane saved something, so the others can refresh.
    """

    currentReferralChanged = Signal(object)  # a referral's uuid, or None
    dataChanged = Signal(str)
    dirtyChanged = Signal(bool)  # unsaved edits in some pane

    def __init__(self, store: Store, parent: QObject | None = None):
        super().__init__(parent)
        self.store = store
        self._current_referral: str | None = None
        with store.transaction() as session:
            self.vocabulary: Vocabulary = vocabulary_for(session)

    @property
    def current_referral(self) -> str | None:
        return self._current_referral

    def set_current_referral(self, referral_uuid: str | None) -> None:
        if referral_uuid != self._current_referral:
            self._current_referral = referral_uuid
            self.currentReferralChanged.emit(referral_uuid)

    def notify_changed(self, what: str) -> None:
        if what == "vocabulary":
            with self.store.transaction() as session:
                self.vocabulary = vocabulary_for(session)
        self.dataChanged.emit(what)
