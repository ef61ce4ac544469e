"""The right words on screen (issue 11): letters that fit the outcome, one contact, a full mentor, Re-open only
where it can be done, and a quick-entry time that is the time it will save."""
from __future__ import annotations

from datetime import datetime, timedelta

from PySide6.QtCore import Qt

from cpm_desktop.services import cases, contacts, mentors, referrals
from cpm_desktop.services.interchange import import_tables
from cpm_desktop.storage.engine import Store
from tests.conftest import PASSPHRASE
from tests.services.test_interchange import blank, sample_tables
from tests.ui.test_main_window import window  # noqa: F401 (the fixture)


def uuid_of(window, referral_id: str) -> str:  # noqa: F811
    return next(r.uuid for r in referrals.list_referrals(window.context.store) if r.referral_id == referral_id)


def test_feedback_for_a_referral_rejected_at_risk_assessment_says_so(window, qtbot):  # noqa: F811
    from cpm_desktop.ui.dialogs.letters import FeedbackLetterDialog

    r2 = uuid_of(window, "R2")
    cases.record_decision(window.context.store, r2, "rejected_at_risk_assessment", "Too volatile for volunteers",
                          referrals.load_referral(window.context.store, r2).referred_on)
    dialog = FeedbackLetterDialog(window.context, "R2", window)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.which.text() == ("<b>Feedback: the scheme could not offer peer mentoring after the risk "
                                   "assessment (no support was given).</b>")
    words = dialog.wording.toPlainText()
    assert "After our risk assessment" in words
    assert "Support began" not in words and "not yet" not in words and "0 times" not in words
    assert dialog.mark_sent.isEnabled()  # the referral has ended: this is its feedback


def test_re_open_is_offered_only_on_a_closed_or_declined_case(window, qtbot):  # noqa: F811
    pane = window.risk_pane
    for referral_id, can in (("R4", False), ("R2", False), ("R1", True), ("R3", True)):
        window.referrals_pane.select(uuid_of(window, referral_id))
        window.context.set_current_referral(uuid_of(window, referral_id))
        assert pane.reopen_button.isEnabled() is can, referral_id


def test_one_contact_is_one_contact(window, qtbot):  # noqa: F811
    r4 = uuid_of(window, "R4")
    contacts.add_contact(window.context.store, r4, occurred_at=datetime(2018, 7, 20, 10), activity="telephone",
                         minutes=15)
    window.referrals_pane.select(r4)
    window.tabs.setCurrentWidget(window.contact_pane)
    qtbot.waitUntil(lambda: window.contact_pane.model.rowCount() == 1)
    assert window.contact_pane.totals.text().startswith("1 contact, 0 h 15 min in all")


def test_the_quick_entry_time_is_now_when_the_pane_is_seen_again(window, qtbot):  # noqa: F811
    from tests.ui.test_main_window import type_text

    pane = window.contact_pane
    window.referrals_pane.select(uuid_of(window, "R4"))
    window.tabs.setCurrentWidget(pane)
    an_hour_ago = (datetime.now() - timedelta(hours=1)).replace(second=0, microsecond=0)
    pane.when.setDateTime(an_hour_ago)  # as if the row was reset an hour ago, before the coordinator went elsewhere
    window.tabs.setCurrentWidget(window.referrals_pane)
    window.tabs.setCurrentWidget(pane)
    assert abs((pane.when.dateTime() - datetime.now()).total_seconds()) < 90
    # A time the coordinator typed is kept, however long they are away.
    pane.when.setFocus()
    pane.when.edit.selectAll()
    type_text(pane.when.edit, f"{an_hour_ago:%H:%M}")
    pane.activity.setFocus()
    window.tabs.setCurrentWidget(window.referrals_pane)
    window.tabs.setCurrentWidget(pane)
    assert pane.when.dateTime() == an_hour_ago.replace(year=datetime.now().year, month=datetime.now().month,
                                                       day=datetime.now().day)


def test_the_register_says_a_mentor_over_capacity_may_not_be_allocated(qtbot, tmp_path):
    from cpm_desktop.app import build_main_window
    from cpm_desktop.ui.panes.mentors import MentorRegisterDialog

    tables = sample_tables()
    checked = dict(training_completed_on="2018-01-01", dbs_checked_on="2017-12-01",
                   safeguarding_completed_on="2017-12-02")
    tables["mentors"].append(blank("mentors", mentor_id="M9", first_name="Busy", last_name="Bee", area="east",
                                   status="active", **checked))
    # An imported history may leave a mentor over the number agreed: two open cases for a capacity of one.
    for referral_id in ("R1", "R4"):
        tables["allocations"].append(blank("allocations", referral_id=referral_id, mentor_id="M9",
                                           allocated_on="2018-07-10"))
    path = tmp_path / "register.cpm"
    with Store.create(path, PASSPHRASE) as store:
        import_tables(store, tables)
        busy = next(m for m in mentors.mentor_list(store) if m.mentor_id == "M9")
        form = mentors.load_mentor(store, busy.mentor_uuid)
        form.capacity = 1  # the interchange files carry no capacity: the coordinator sets it
        mentors.save_mentor(store, form)
    main = build_main_window(path, PASSPHRASE)
    qtbot.addWidget(main)
    dialog = MentorRegisterDialog(main.context, main)
    qtbot.addWidget(dialog)
    model = dialog.model
    row = next(n for n, r in enumerate(model.rows) if r.mentor_id == "M9")
    headers = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]
    shown = {header: model.data(model.index(row, c)) for c, header in enumerate(headers)}
    assert shown["Clients now"] == "2 of 1 (over)" and shown["May be allocated"] == "no"
    tip = model.data(model.index(row, headers.index("May be allocated")), Qt.ItemDataRole.ToolTipRole)
    assert tip == "Over capacity: supporting 2 clients, more than the 1 agreed at once."
    main.context.store.close()


def test_search_says_when_nothing_matches_and_finds_a_misspelt_name(window, qtbot):  # noqa: F811
    from tests.ui.test_main_window import type_into

    pane = window.referrals_pane
    type_into(qtbot, pane.search, "xyz")
    qtbot.waitUntil(lambda: pane.model.rowCount() == 0)
    qtbot.waitUntil(lambda: pane.count_label.text() == "No referral matches “xyz”.")
    pane.search.clear()
    type_into(qtbot, pane.search, "siobahn")
    qtbot.waitUntil(lambda: pane.model.rowCount() == 1)
    assert pane.model.rows[0].name == "Siobhán Ó Briain"
    assert pane.count_label.text() == "No referral matches “siobahn”; below, 1 referral with a name spelt like it."
    pane.search.clear()
    qtbot.waitUntil(lambda: pane.model.rowCount() == 4)
    assert pane.count_label.text() == "4 referrals"
