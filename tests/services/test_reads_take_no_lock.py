"""Reading never takes the store's write lock: while another window or process is saving, every list and
form still opens (a read waiting on the lock would freeze the pane for up to the 30-second busy timeout)."""
from __future__ import annotations

import time
from datetime import date

import pytest

from cpm_desktop.services import access_requests, allocation, cases, closure, letters, mentors, referrals, settings
from cpm_desktop.storage.engine import Store
from tests.conftest import PASSPHRASE
from tests.sync.conftest_stores import new_referral


@pytest.fixture
def case(store):
    form = new_referral(store, "Łucja", "Reader", "east")
    mentor = mentors.save_mentor(store, mentors.MentorForm(first_name="Ada", last_name="Mentor", area="east"))
    return store, form, mentor


def _reads(store: Store, referral_uuid: str, person_uuid: str, mentor_uuid: str):
    return {
        "request register": lambda: access_requests.list_requests(store),
        "allocated mentors": lambda: allocation.allocated_mentors(store, referral_uuid),
        "mentors needed": lambda: allocation.mentors_needed(store, referral_uuid),
        "suggestions": lambda: allocation.suggestions(store, referral_uuid),
        "feedback due": lambda: cases.feedback_due(store),
        "closure state": lambda: closure.closure_state(store, referral_uuid),
        "closure reasons": lambda: closure.closure_reasons(store),
        "expected waits": lambda: letters.expected_waits(store, today=date(2026, 11, 30)),
        "mentor form": lambda: mentors.load_mentor(store, mentor_uuid),
        "mentor history": lambda: mentors.status_history(store, mentor_uuid),
        "progress checks": lambda: mentors.progress_checks(store, mentor_uuid),
        "mentor register": lambda: mentors.mentor_list(store),
        "clients waiting": lambda: mentors.clients_waiting(store),
        "never allocated": lambda: mentors.mentors_never_allocated(store),
        "checks overdue": lambda: mentors.progress_checks_overdue(store),
        "referral list": lambda: referrals.list_referrals(store),
        "referral search": lambda: referrals.search_referrals(store, search="Reader"),
        "referral count": lambda: referrals.count_referrals(store),
        "possible matches": lambda: referrals.possible_matches(store, first_name="Lucja", last_name="Reader"),
        "known person": lambda: referrals.person_details(store, person_uuid),
        "referral form": lambda: referrals.load_referral(store, referral_uuid),
        "a setting": lambda: settings.get_setting(store, "gdpr"),
    }


def test_every_read_answers_while_another_connection_holds_the_write_lock(case):
    store, form, mentor = case
    reads = _reads(store, form.referral_uuid, form.person_uuid, mentor.uuid)
    other = Store.open(store.path, PASSPHRASE)
    try:
        with other.transaction() as session:  # BEGIN IMMEDIATE: the write lock, held while the reads run
            session.connection()
            slow = {}
            for name, read in reads.items():
                started = time.monotonic()
                read()
                if time.monotonic() - started > 2:
                    slow[name] = round(time.monotonic() - started, 1)
            assert slow == {}
    finally:
        other.close()
