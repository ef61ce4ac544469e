"""A client's whole record for subject-access tests: every kind of entry, hostile text, and another client."""
from __future__ import annotations

from datetime import date

from cpm_desktop.services import access_requests, contacts, goals, referrals, risk
from cpm_desktop.services.interchange import import_tables
from tests.services.test_interchange import blank, sample_tables

OTHER_CLIENT = ("Otherclient", "Secretson", "Other client's private story", "Note about the other client only",
                "Other client's assessment", "Other client's goal", "Other client's visit")


def load_full_record(store) -> dict[str, str]:
    """sample_tables() (P1 has R1 and R2) plus assessments, checks, professionals, a flag, a visit, a goal
    review, a corrected contact and a request for P1; and a second client P9 with data of each kind."""
    tables = sample_tables()
    tables["referrals"].append(blank("referrals", referral_id="R9", person_id="P9", referred_on="2018-01-01",
                                     first_name=OTHER_CLIENT[0], last_name=OTHER_CLIENT[1], outcome="supported",
                                     decided_on="2018-01-02", description=OTHER_CLIENT[2]))
    tables["contacts"].append(blank("contacts", contact_id="C900", referral_id="R9", occurred_at="2018-02-01T10:00",
                                    activity="telephone", mentor_id="M1", notes=OTHER_CLIENT[3]))
    tables["allocations"].append(blank("allocations", referral_id="R9", mentor_id="M1", allocated_on="2018-01-05"))
    import_tables(store, tables)
    uuids = {r.referral_id: r.uuid for r in referrals.list_referrals(store)}
    for ref, notes in (("R1", "Calm; lives with <partner> & dog"), ("R9", OTHER_CLIENT[4])):
        risk.add_assessment(store, uuids[ref], risk.Assessment(
            date(2017, 4, 10), danger_to_staff="low", will_to_change=True, want_to_change=True,
            capacity_to_change=False, notes=notes, assessed_by="Coordinator Ann",
            checks=(risk.Check("Police national computer", date(2017, 4, 9), "Two call-outs \"domestic\""),),
            professionals=(risk.Professional("PC Amble", "Durham Police", "Visit in pairs"),)),
            today=date(2018, 1, 10))
        risk.save_visit(store, uuids[ref], risk.Visit(date(2017, 4, 12), status="done", visitors="Coordinator Ann",
                                                      joint_with_referrer=True,
                                                      notes="Met at home" if ref == "R1" else OTHER_CLIENT[6]))
        risk.raise_flag(store, uuids[ref], _a_flag(store), date(2017, 4, 10),
                        "Dog in the house" if ref == "R1" else "Other client's flag")
    goal_uuid = next(g.uuid for g in goals.goals(store, uuids["R1"]))
    goals.review_goal(store, goal_uuid, status="achieved", commitment=9, notes="Sleeps better & feels safe",
                      reviewed_on=date(2017, 9, 1), today=date(2018, 1, 1))
    goals.set_goal(store, uuids["R9"], goal=OTHER_CLIENT[5], set_on=date(2018, 1, 10), today=date(2018, 2, 1))
    first = next(c for c in contacts.list_contacts(store, uuids["R1"]) if c.contact_id == "C0")
    contacts.edit_contact(store, first.uuid, occurred_at=first.occurred_at, activity=first.activity,
                          minutes=first.minutes, notes="Corrected: met at the café")
    access_requests.register_request(store, "person", "P1", date(2026, 1, 31))
    return uuids


def _a_flag(store) -> str:
    from cpm_desktop.services.vocabulary import vocabulary_for

    with store.transaction() as session:
        return vocabulary_for(session).codes("risk_flag")[0]
