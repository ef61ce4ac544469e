"""Settings ▸ Subject-access information. The export and register dialogs live in ``ui.dialogs.sar``, the
letters in ``ui.dialogs.letters``; their names are imported here for callers that still look for them."""
from __future__ import annotations

from PySide6.QtWidgets import QDialogButtonBox, QFormLayout, QPlainTextEdit, QVBoxLayout, QWidget

from cpm_desktop.ui.context import AppContext
from cpm_desktop.ui.dialogs.letters import FeedbackLetterDialog, LetterDialog  # noqa: F401
from cpm_desktop.ui.dialogs.sar import RequestRegisterDialog, SubjectAccessDialog  # noqa: F401
from cpm_desktop.ui.unsaved import KeepsTyping
from cpm_desktop.ui.widgets.common import wire_buttons

GDPR_FIELDS = (("controller", "Who holds the information"), ("contact", "How to contact us"),
               ("purposes", "Why we hold it (one per line)"), ("lawful_basis", "The law that allows it"),
               ("categories", "Kinds of information (one per line)"),
               ("recipients", "Who it may be shared with (one per line)"),
               ("source", "Where it comes from"),
               ("rights", "Your rights (one per line)"), ("automated_decisions", "Automated decisions"),
               ("complaint", "Complaints to the ICO"))


class GdprSettingsDialog(KeepsTyping):
    """The supplementary information every subject-access export gives, maintained by the project lead."""

    def __init__(self, context: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        from PySide6.QtWidgets import QScrollArea

        from cpm_desktop.services.settings import GDPR, get_setting

        self.setObjectName("gdprSettings")
        self.setWindowTitle("Subject-access information")
        self.context = context
        self.current = get_setting(context.store, GDPR)
        self.edits: dict[str, QPlainTextEdit] = {}
        form = QFormLayout()
        for key, title in GDPR_FIELDS:
            value = self.current.get(key, "")
            edit = QPlainTextEdit("\n".join(value) if isinstance(value, list) else value, tabChangesFocus=True)
            edit.setMaximumHeight(80)
            self.edits[key] = edit
            form.addRow(title, edit)
        from PySide6.QtWidgets import QLabel

        from cpm_desktop.services.retention import retention_rules

        kept = QLabel(retention_rules(context.store).subject_access_text() +
                      "\n(From the retention rules: Settings ▸ Retention rules.)", wordWrap=True)
        kept.setObjectName("retentionText")
        form.addRow("How long we keep it", kept)
        body = QWidget()
        body.setLayout(form)
        scroll = QScrollArea(widgetResizable=True)
        scroll.setWidget(body)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        wire_buttons(self, buttons, self.save)
        layout = QVBoxLayout(self)
        layout.addWidget(scroll)
        layout.addWidget(buttons)
        self.resize(760, 640)

    def values(self) -> dict:
        result = {}
        for key, edit in self.edits.items():
            text = edit.toPlainText().strip()
            result[key] = [line.strip() for line in text.splitlines() if line.strip()] \
                if isinstance(self.current.get(key), list) else text
        return result

    def save_typed(self) -> None:
        self.save()

    def save(self) -> None:
        from cpm_desktop.services.settings import GDPR, set_setting

        set_setting(self.context.store, GDPR, self.values())
        self.accept()
