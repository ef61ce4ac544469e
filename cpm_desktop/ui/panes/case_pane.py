"""What the case panes share: a header naming the current case, and refreshing when it changes."""
from __future__ import annotations

from PySide6.QtWidgets import QLabel, QMessageBox, QWidget

from cpm_desktop.services import referrals
from cpm_desktop.services.referrals import CaseHeader
from cpm_desktop.ui.changes import Changes
from cpm_desktop.ui.context import AppContext

NO_CASE = "Choose a referral in the Referrals pane."


def header_line(header: CaseHeader | None) -> str:
    """The line at the top of every case pane: whose case, its id and where it stands."""
    return f"{header.name} — {header.referral_id} — {header.status}" if header else NO_CASE


class CasePane(QWidget):
    """Subclasses build their widgets, then call ``self.refresh()``; ``show_case`` fills them."""

    refresh_on = Changes.NONE  # what makes this pane reload when an operation changed it

    def __init__(self, context: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.context = context
        self.header = QLabel(NO_CASE)
        self.header.setStyleSheet("font-size: 15px; font-weight: 600;")
        context.currentReferralChanged.connect(lambda _uuid: self.refresh())
        context.changed.connect(lambda changes: self.refresh() if changes & self.refresh_on else None)

    def refresh(self) -> None:
        uuid = self.context.current_referral
        header = referrals.case_header(self.context.store, uuid) if uuid else None
        self.header.setText(header_line(header))
        self.show_case(header)

    def show_case(self, header: CaseHeader | None) -> None:
        raise NotImplementedError

    def warn(self, error: Exception) -> None:
        QMessageBox.warning(self, "Not recorded", str(error))
