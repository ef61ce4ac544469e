"""The mentor register and the mentor form, where earlier code imported them from."""
from __future__ import annotations

from cpm_desktop.ui.dialogs.mentor_form import MentorDialog, edit_mentor
from cpm_desktop.ui.panes.mentors import MentorRegisterDialog, MentorRegisterPane

__all__ = ["MentorDialog", "MentorRegisterDialog", "MentorRegisterPane", "edit_mentor"]
