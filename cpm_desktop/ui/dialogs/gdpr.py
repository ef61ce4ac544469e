"""Settings ▸ Subject-access information (Designer form forms/gdpr_settings.ui): what every subject-access
export says besides the records. The export and register dialogs live in ``ui.dialogs.sar``, the letters in
``ui.dialogs.letters``."""
from __future__ import annotations

from PySide6.QtWidgets import QPlainTextEdit, QWidget

from cpm_desktop.services.retention import retention_rules
from cpm_desktop.services.settings import GDPR, get_setting, set_setting
from cpm_desktop.ui.changes import Changes
from cpm_desktop.ui.context import AppContext
from cpm_desktop.ui.forms.gdpr_settings_ui import Ui_GdprSettingsDialog
from cpm_desktop.ui.operations import attempt
from cpm_desktop.ui.unsaved import KeepsTyping
from cpm_desktop.ui.widgets.common import wire_buttons

GdprValue = str | list[str]


class GdprSettingsDialog(KeepsTyping):
    """The supplementary information every subject-access export gives, maintained by the project lead."""

    def __init__(self, context: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.ui = ui = Ui_GdprSettingsDialog()
        ui.setupUi(self)
        self.context = context
        self.current = get_setting(context.store, GDPR)
        self.edits: dict[str, QPlainTextEdit] = {
            "controller": ui.controllerEdit, "contact": ui.contactEdit, "purposes": ui.purposesEdit,
            "lawful_basis": ui.lawfulBasisEdit, "categories": ui.categoriesEdit, "recipients": ui.recipientsEdit,
            "source": ui.sourceEdit, "rights": ui.rightsEdit, "automated_decisions": ui.automatedDecisionsEdit,
            "complaint": ui.complaintEdit}
        for key, edit in self.edits.items():
            value = self.current.get(key, "")
            edit.setPlainText("\n".join(value) if isinstance(value, list) else str(value))
        ui.retentionText.setText(retention_rules(context.store).subject_access_text()
                                 + "\n(From the retention rules: Settings ▸ Retention rules.)")
        wire_buttons(self, ui.buttonBox)
        self.save_with(self._record)

    def values(self) -> dict[str, GdprValue]:
        """What is typed; the fields that are lists (one per line) stay lists, without the empty lines."""
        result: dict[str, GdprValue] = {}
        for key, edit in self.edits.items():
            text = edit.toPlainText().strip()
            result[key] = [line.strip() for line in text.splitlines() if line.strip()] \
                if isinstance(self.current.get(key), list) else text
        return result

    def _record(self) -> bool:
        values = self.values()
        return attempt(self, self.context, Changes.SETTINGS, lambda store: set_setting(store, GDPR, values),
                       title="Subject-access information not saved")

    def save(self) -> None:
        """As the Save button: recorded and closed, or said why not and kept open with what was typed."""
        self.accept()
