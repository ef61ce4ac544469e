"""The intake form (forms/referral_form.ui): a new referral or an edit, with re-referral linking."""
from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QComboBox, QListWidget, QListWidgetItem, QMessageBox, QWidget

from cpm_desktop.domain.dates import age_on
from cpm_desktop.domain.workflow import needs_under_18_reason
from cpm_desktop.services import referrals
from cpm_desktop.services.referrals import IntakeError, ReferralForm
from cpm_desktop.ui.changes import Changes
from cpm_desktop.ui.context import AppContext
from cpm_desktop.ui.forms.referral_form_ui import Ui_ReferralForm
from cpm_desktop.ui.operations import perform
from cpm_desktop.ui.unsaved import resolve
from cpm_desktop.ui.widgets.common import refuse_bad_dates
from cpm_desktop.ui.widgets.delayed_search import DelayedSearch


def fill_codes(widget: QListWidget, items: list[tuple[str, str]]) -> None:
    widget.clear()
    for code, label in items:
        item = QListWidgetItem(label, widget)
        item.setData(Qt.ItemDataRole.UserRole, code)
        item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
        item.setCheckState(Qt.CheckState.Unchecked)


def checked_codes(widget: QListWidget) -> tuple[str, ...]:
    return tuple(widget.item(i).data(Qt.ItemDataRole.UserRole) for i in range(widget.count())
                 if widget.item(i).checkState() == Qt.CheckState.Checked)


def check_codes(widget: QListWidget, codes: tuple[str, ...]) -> None:
    for i in range(widget.count()):
        item = widget.item(i)
        wanted = item.data(Qt.ItemDataRole.UserRole) in codes
        item.setCheckState(Qt.CheckState.Checked if wanted else Qt.CheckState.Unchecked)


class ReferralEditor(QWidget):
    """Emits ``saved(referral_uuid)`` after a save and ``cancelled()`` when the edit is abandoned."""

    saved = Signal(str)
    cancelled = Signal()
    dirtyChanged = Signal(bool)

    def __init__(self, context: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.context = context
        self.ui = Ui_ReferralForm()
        self.ui.setupUi(self)
        self.setObjectName("referralEditor")
        self._form = ReferralForm()
        self._dirty = False
        self._loading = False
        self._populate_lists()
        # Earlier referrals of the same person are looked up a moment after the typing stops; linking one
        # first finishes that look-up, so it never links a match for a name no longer typed.
        self.matching = DelayedSearch(self._look_for_matches, self._matches_shown, fields=[],
                                      acting=[self.ui.linkButton, self.ui.matchList], delay_ms=400, parent=self)
        self._connect()
        self.start_new()

    # --- set-up ----------------------------------------------------------------------------------

    def _populate_lists(self) -> None:
        ui, vocabulary = self.ui, self.context.vocabulary
        for combo, kind in ((ui.genderCombo, "gender"), (ui.areaCombo, "area"), (ui.consentCombo, "consent")):
            combo.addItem("", None)
            for code, label in vocabulary.items(kind):
                combo.addItem(label, code)
        ui.referrerOrgCombo.addItems(["", *vocabulary.organisations])
        for combo in (ui.referrerOrgCombo, ui.genderCombo, ui.areaCombo, ui.consentCombo):
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            combo.setMinimumContentsLength(18)  # a long organisation's name must not widen the window
        fill_codes(ui.victimCrimesList, vocabulary.items("crime"))
        fill_codes(ui.perpetratorCrimesList, vocabulary.items("crime"))
        fill_codes(ui.vulnerabilitiesList, vocabulary.items("vulnerability"))
        for edit in (ui.referredOnEdit, ui.dateOfBirthEdit, ui.consentOnEdit):
            edit.setMaximumDate(date.today())
        ui.referredOnEdit.required = True
        ui.headingLabel.setStyleSheet("font-size: 15px; font-weight: 600;")

    def _connect(self) -> None:
        ui = self.ui
        for edit in (ui.firstNameEdit, ui.lastNameEdit, ui.postcodeEdit, ui.phoneEdit, ui.emailEdit,
                     ui.referrerNameEdit, ui.referrerEmailEdit, ui.referrerPhoneEdit, ui.crimeReferenceEdit,
                     ui.under18ReasonEdit):
            edit.textEdited.connect(self._changed)
        for text in (ui.addressEdit, ui.descriptionEdit):
            text.textChanged.connect(self._changed)
        for day in (ui.referredOnEdit, ui.dateOfBirthEdit, ui.consentOnEdit):
            day.edited.connect(self._changed)
            day.dateChanged.connect(self._update_under_18)
        ui.ageSpin.valueChanged.connect(self._changed)
        for combo in (ui.genderCombo, ui.areaCombo, ui.consentCombo, ui.referrerOrgCombo):
            combo.currentIndexChanged.connect(self._changed)
        ui.referrerOrgCombo.editTextChanged.connect(self._changed)
        for box in (ui.victimCheck, ui.perpetratorCheck):
            box.toggled.connect(self._changed)
        for widget in (ui.victimCrimesList, ui.perpetratorCrimesList, ui.vulnerabilitiesList):
            widget.itemChanged.connect(self._changed)
        ui.victimCheck.toggled.connect(ui.victimCrimesList.setEnabled)
        ui.perpetratorCheck.toggled.connect(ui.perpetratorCrimesList.setEnabled)
        for edit in (ui.firstNameEdit, ui.lastNameEdit, ui.phoneEdit):
            edit.textEdited.connect(self.matching.restart)
        ui.dateOfBirthEdit.dateChanged.connect(self.matching.restart)
        ui.linkButton.clicked.connect(self._link_selected)
        ui.matchList.itemActivated.connect(lambda _item: self._link_selected())
        ui.buttonBox.accepted.connect(self.save)
        ui.buttonBox.rejected.connect(self.cancel)

    # --- state -----------------------------------------------------------------------------------

    @property
    def dirty(self) -> bool:
        return self._dirty

    @property
    def referral_uuid(self) -> str | None:
        """The referral in the form; None for a new one."""
        return self._form.referral_uuid

    # Unsaved work (ui/unsaved.py): the pane registers the editor with the context.

    def unsaved_work(self) -> str | None:
        if not self._dirty:
            return None
        name = " ".join(part for part in (self.ui.firstNameEdit.text(), self.ui.lastNameEdit.text()) if part)
        if self._form.referral_uuid:
            return f"changes to referral {self._form.referral_id} ({name or 'no name'})"
        return f"the new referral{' of ' + name if name else ''}"

    def save_unsaved(self) -> bool:
        return self.save()

    def discard_unsaved(self) -> None:
        self.show_saved()

    def show_saved(self) -> None:
        """The form as saved: the referral again, or an empty new one (also for a referral erased meanwhile)."""
        if self._form.referral_uuid:
            try:
                self.edit(self._form.referral_uuid)
                return
            except LookupError:  # erased, or taken away by a sync, while the form showed it
                pass
        self.start_new()

    def _set_dirty(self, dirty: bool) -> None:
        if dirty != self._dirty:
            self._dirty = dirty
            self.dirtyChanged.emit(dirty)

    def _changed(self, *_args) -> None:
        if not self._loading:
            self._set_dirty(True)
        self._update_under_18()

    def _update_under_18(self, *_args: object) -> None:
        ui = self.ui
        dob, referred = ui.dateOfBirthEdit.date(), ui.referredOnEdit.date()
        age = age_on(dob, referred) if dob and referred else (ui.ageSpin.value() if ui.ageSpin.value() >= 0 else None)
        show = needs_under_18_reason(age)
        ui.under18ReasonEdit.setVisible(show)
        ui.under18ReasonEditLabel.setVisible(show)

    def start_new(self) -> None:
        self.show_form(ReferralForm(referred_on=date.today()))
        self.ui.firstNameEdit.setFocus()

    def edit(self, referral_uuid: str) -> None:
        self.show_form(referrals.load_referral(self.context.store, referral_uuid))

    def show_form(self, form: ReferralForm) -> None:
        ui = self.ui
        self.matching.timer.stop()  # a look-up for what was typed before has nothing to do with this form
        self._loading = True
        self._form = form
        ui.headingLabel.setText(f"Referral {form.referral_id} — {form.person_id}" if form.referral_uuid else
                                f"New referral{' — re-referral of ' + form.person_id if form.person_id else ''}")
        for edit, value in ((ui.firstNameEdit, form.first_name), (ui.lastNameEdit, form.last_name),
                            (ui.postcodeEdit, form.postcode), (ui.phoneEdit, form.phone), (ui.emailEdit, form.email),
                            (ui.referrerNameEdit, form.referrer_name), (ui.referrerEmailEdit, form.referrer_email),
                            (ui.referrerPhoneEdit, form.referrer_phone),
                            (ui.crimeReferenceEdit, form.crime_reference),
                            (ui.under18ReasonEdit, form.under_18_reason)):
            edit.setText(value)
        ui.addressEdit.setPlainText(form.address)
        ui.descriptionEdit.setPlainText(form.description)
        ui.referredOnEdit.setDate(form.referred_on or date.today())
        ui.dateOfBirthEdit.setDate(form.date_of_birth)
        ui.consentOnEdit.setDate(form.consent_on)
        ui.ageSpin.setValue(form.age_at_referral if form.age_at_referral is not None and not form.date_of_birth else -1)
        for combo, code in ((ui.genderCombo, form.gender), (ui.areaCombo, form.area), (ui.consentCombo, form.consent)):
            combo.setCurrentIndex(max(0, combo.findData(code)))
        ui.referrerOrgCombo.setEditText(form.referrer_org)
        ui.victimCheck.setChecked(form.victim)
        ui.perpetratorCheck.setChecked(form.perpetrator)
        ui.victimCrimesList.setEnabled(form.victim)
        ui.perpetratorCrimesList.setEnabled(form.perpetrator)
        check_codes(ui.victimCrimesList, form.victim_crimes)
        check_codes(ui.perpetratorCrimesList, form.perpetrator_crimes)
        check_codes(ui.vulnerabilitiesList, form.vulnerabilities)
        ui.matchList.clear()
        ui.matchBox.setVisible(False)
        self._loading = False
        self._update_under_18()
        self._set_dirty(False)

    def read_form(self) -> ReferralForm:
        ui = self.ui
        dob = ui.dateOfBirthEdit.date()
        return ReferralForm(
            first_name=ui.firstNameEdit.text(), last_name=ui.lastNameEdit.text(),
            referred_on=ui.referredOnEdit.date(), date_of_birth=dob,
            age_at_referral=None if dob or ui.ageSpin.value() < 0 else ui.ageSpin.value(),
            gender=ui.genderCombo.currentData(), address=ui.addressEdit.toPlainText(), postcode=ui.postcodeEdit.text(),
            phone=ui.phoneEdit.text(), email=ui.emailEdit.text(), area=ui.areaCombo.currentData(),
            referrer_org=ui.referrerOrgCombo.currentText(), referrer_name=ui.referrerNameEdit.text(),
            referrer_email=ui.referrerEmailEdit.text(), referrer_phone=ui.referrerPhoneEdit.text(),
            crime_reference=ui.crimeReferenceEdit.text(), description=ui.descriptionEdit.toPlainText(),
            consent=ui.consentCombo.currentData(), consent_on=ui.consentOnEdit.date(),
            victim=ui.victimCheck.isChecked(), perpetrator=ui.perpetratorCheck.isChecked(),
            victim_crimes=checked_codes(ui.victimCrimesList),
            perpetrator_crimes=checked_codes(ui.perpetratorCrimesList),
            vulnerabilities=checked_codes(ui.vulnerabilitiesList),
            under_18_reason=ui.under18ReasonEdit.text() if ui.under18ReasonEdit.isVisible() else "",
            referral_uuid=self._form.referral_uuid, person_uuid=self._form.person_uuid,
            referral_id=self._form.referral_id, person_id=self._form.person_id)

    # --- actions ---------------------------------------------------------------------------------

    def save(self) -> bool:
        if refuse_bad_dates(self, "Referral not saved"):
            return False
        form = self.read_form()
        try:
            saved = perform(self.context, Changes.REFERRAL, lambda store: referrals.save_referral(store, form))
        except IntakeError as error:
            QMessageBox.warning(self, "Referral not saved", "\n".join(error.problems))
            return False
        self.show_form(saved)
        self.saved.emit(saved.referral_uuid)
        return True

    def cancel(self) -> None:
        """Esc or Cancel: what was typed is saved or discarded as the person says, or kept (Cancel)."""
        if self._dirty and not resolve(self, [self]):
            return
        self.show_saved()
        self.cancelled.emit()

    def _look_for_matches(self) -> None:
        """Offer earlier referrals of the same person while a new referral is typed in."""
        if self._form.referral_uuid or self._form.person_uuid:
            return
        ui = self.ui
        matches = referrals.possible_matches(
            self.context.store, first_name=ui.firstNameEdit.text(), last_name=ui.lastNameEdit.text(),
            date_of_birth=ui.dateOfBirthEdit.date(), phone=ui.phoneEdit.text())
        ui.matchList.clear()
        for match in matches:
            when = match.last_referred_on.strftime("%d/%m/%Y") if match.last_referred_on else "never"
            born = match.date_of_birth.strftime("%d/%m/%Y") if match.date_of_birth else "date of birth unknown"
            item = QListWidgetItem(f"{match.name} ({match.person_id}), born {born}; last referred {when} — {match.why}",
                                   ui.matchList)
            item.setData(Qt.ItemDataRole.UserRole, match.person_uuid)
        ui.matchBox.setVisible(bool(matches))
        if matches:
            ui.matchList.setCurrentRow(0)

    def _matches_shown(self) -> tuple[str, ...]:
        return tuple(self.ui.matchList.item(n).text() for n in range(self.ui.matchList.count()))

    def _link_selected(self) -> None:
        if self.matching.finish():  # the matches shown were for what was typed before
            return
        item = self.ui.matchList.currentItem()
        if item is None:
            return
        known = referrals.person_details(self.context.store, item.data(Qt.ItemDataRole.UserRole))
        current = self.read_form()
        known.referred_on = current.referred_on
        known.description, known.referrer_org = current.description, current.referrer_org
        known.referrer_name, known.crime_reference = current.referrer_name, current.crime_reference
        self.show_form(known)
        self._set_dirty(True)
