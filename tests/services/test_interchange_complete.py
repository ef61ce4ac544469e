"""The whole case record goes through the interchange files: export → import into an empty store → export is
byte-identical for a store that uses every feature, and no stored column of case data is left out unnoticed."""
from __future__ import annotations

import filecmp
from dataclasses import astuple
from datetime import date

import pytest
from sqlalchemy import select

from cpm_desktop.services import cases, contacts, goals, mentors, risk
from cpm_desktop.services.interchange import INTERCHANGE_COLUMNS, ImportFailed, export_folder, import_folder
from cpm_desktop.services.interchange.coverage import MODEL_OF, exported_as, local_only
from cpm_desktop.services.interchange.reading import read_table
from cpm_desktop.storage import models as m
from cpm_desktop.storage.engine import Store
from tests.conftest import PASSPHRASE
from tests.services.every_feature import LONG_NOTE, use_every_feature


@pytest.fixture
def full(store, tmp_path):
    """The every-feature store, its export, and a second store made by importing that export."""
    uuids = use_every_feature(store)
    export_folder(store, tmp_path / "first")
    with Store.create(tmp_path / "second.cpm", PASSPHRASE, actor="importer") as second:
        import_folder(second, tmp_path / "first")
        export_folder(second, tmp_path / "again")
        yield store, second, uuids, tmp_path


def test_export_import_export_of_every_feature_is_byte_identical(full):
    _, _, _, tmp_path = full
    names = sorted(p.name for p in (tmp_path / "first").iterdir())
    assert names == sorted(f"{stem}.csv" for stem in INTERCHANGE_COLUMNS)
    _, mismatch, errors = filecmp.cmpfiles(tmp_path / "first", tmp_path / "again", names, shallow=False)
    assert mismatch == errors == []


def test_the_fixture_uses_every_column(full):
    """Byte-identical files prove little for a column that is empty everywhere: every column holds a value."""
    _, _, _, tmp_path = full
    empty = []
    for stem, columns in INTERCHANGE_COLUMNS.items():
        table, problems = read_table(stem, tmp_path / "first" / f"{stem}.csv")  # cells over 131,072 characters
        assert table is not None and problems == []
        rows = table.rows
        empty += [f"{stem}.{column}" for column in columns if not any(row[column] for row in rows)]
    assert empty == []


def _stored(store: Store) -> dict[str, list[tuple]]:
    """Every live row of every table the files hold, by the columns the files carry (keys between
    records are left out: they are new uuids in the second store, and the files above compare them by id)."""
    found = {}
    with store.transaction() as session:
        for model in {*MODEL_OF.values(), m.Person, m.Organisation}:
            table = model.__table__
            columns = [c for c in table.columns
                       if exported_as(table.name, c.name) and not c.name.endswith("_uuid")
                       and (c.name != "id" or exported_as(table.name, "id").endswith(".uuid"))]
            query = select(*columns)
            if "deleted_at" in table.columns:
                query = query.where(table.c.deleted_at.is_(None))
            found[table.name] = sorted(session.execute(query).all(), key=repr)
    return found


def test_the_second_store_holds_what_the_first_holds(full):
    first, second, _, _ = full
    assert _stored(second) == _stored(first)


def test_histories_read_the_same_in_both_stores(full):
    """Rows dated the same day keep their order (the case history, reviews, corrected versions)."""
    first, second, uuids, _ = full

    def views(store: Store) -> list:
        by_id = {}
        with store.transaction() as session:
            for model, column in ((m.Referral, m.Referral.referral_id), (m.Mentor, m.Mentor.mentor_id),
                                  (m.Contact, m.Contact.contact_id), (m.Goal, m.Goal.goal_id)):
                by_id.update({key: uuid for key, uuid in session.execute(select(column, model.id))})
        r1 = by_id["R000001"]
        return [
            cases.case_history(store, r1), cases.case_history(store, by_id["R000003"]),
            [(r.occurred_at, r.activity, r.minutes, r.who, r.notes)
             for r in contacts.revisions(store, by_id["C0000001"])],
            [astuple(r) for r in goals.reviews(store, by_id["G000001"])],
            mentors.status_history(store, by_id["M0002"]),
            [(c.checked_on, c.notes) for c in mentors.progress_checks(store, by_id["M0001"])],
            [(a.assessed_on, a.kind, a.checks, a.professionals, a.notes) for a in risk.assessments(store, r1)],
            [(f.flag, f.raised_on, f.cleared_on, f.notes) for f in risk.flags(store, r1, include_cleared=True)],
        ]

    assert views(second) == views(first)
    notes = {c.notes for c in contacts.list_contacts(second, select_referral(second, "R000001"))}
    assert LONG_NOTE.strip() in notes  # longer than the CSV reader's default 131,072 characters


def select_referral(store: Store, referral_id: str) -> str:
    with store.transaction() as session:
        return session.scalars(select(m.Referral.id).where(m.Referral.referral_id == referral_id)).one()


def test_importing_the_export_again_is_refused_with_what_to_do(full):
    """Another laptop's export holds the same ids: a true clash is refused, and the message points to sync."""
    _, second, _, tmp_path = full
    with pytest.raises(ImportFailed) as raised:
        import_folder(second, tmp_path / "first")
    text = [str(p) for p in raised.value.problems]
    assert any(p.startswith("referrals.csv line 2, column referral_id") and "use sync" in p for p in text)
    assert any(p.startswith("risk_flags.csv line 2, column uuid") and "already in the store" in p for p in text)


def test_every_stored_column_is_exported_or_local_only():
    """Walks storage/models.py: a new column of case data must go in a file or be named local-only."""
    neither = [f"{table.name}.{column.name}" for table in m.Base.metadata.sorted_tables for column in table.columns
               if not exported_as(table.name, column.name) and not local_only(table.name, column.name)]
    assert neither == []
    for table in m.Base.metadata.sorted_tables:
        for column in table.columns:
            target = exported_as(table.name, column.name)
            if target:
                stem, name = target.split(".")
                assert name in INTERCHANGE_COLUMNS[stem], target


def test_progress_checks_must_agree_with_the_mentors_last_check(store, tmp_path):
    use_every_feature(store)
    export_folder(store, tmp_path / "out")
    path = tmp_path / "out" / "mentors.csv"
    path.write_text(path.read_text(encoding="utf-8").replace("yes,2018-01-01,", "yes,2018-01-05,"),
                    encoding="utf-8")
    with Store.create(tmp_path / "other.cpm", PASSPHRASE) as other:
        with pytest.raises(ImportFailed) as raised:
            import_folder(other, tmp_path / "out")
    assert [str(p) for p in raised.value.problems] == [
        'mentors.csv line 2, column last_progress_check_on: "2018-01-05" is not valid; expected 2018-01-01, '
        'the latest check of this mentor in progress_checks.csv.']


def test_history_rows_are_checked(store, tmp_path):
    use_every_feature(store)
    folder = tmp_path / "out"
    export_folder(store, folder)
    (folder / "risk_flags.csv").write_text(
        "uuid,referral_id,flag,raised_on,cleared_on\r\n"
        "not-a-uuid,R000001,never_alone,2017-04-10,\r\n"
        "0f8fad5b-d9cb-469f-a165-70867728950e,R404,never_alone,2017-04-10,2017-04-01\r\n", encoding="utf-8")
    (folder / "goal_reviews.csv").write_text("uuid,goal_id,reviewed_on,status\r\n"
                                             "0f8fad5b-d9cb-469f-a165-70867728950f,G404,2017-09-01,achieved\r\n")
    with Store.create(tmp_path / "other.cpm", PASSPHRASE) as other:
        with pytest.raises(ImportFailed) as raised:
            import_folder(other, folder)
    text = [str(p) for p in raised.value.problems]
    assert any(p.startswith("risk_flags.csv line 2, column uuid") and "a uuid such as" in p for p in text)
    assert any(p.startswith("risk_flags.csv line 3, column referral_id") and "the id of a referral" in p
               for p in text)
    assert any(p.startswith("risk_flags.csv line 3, column cleared_on") and "on or after raised_on" in p
               for p in text)
    assert any(p.startswith("goal_reviews.csv line 2, column goal_id") and "the id of a goal" in p for p in text)
    assert len(text) == 4, text


def test_five_files_of_an_older_export_still_import_with_their_history_derived(store, tmp_path):
    use_every_feature(store)
    folder = tmp_path / "out"
    export_folder(store, folder)
    for path in folder.iterdir():
        if path.stem not in ("referrals", "mentors", "allocations", "contacts", "goals", "vocabulary"):
            path.unlink()
    with Store.create(tmp_path / "other.cpm", PASSPHRASE) as other:
        import_folder(other, folder)
        r1 = select_referral(other, "R000001")
        history = cases.case_history(other, r1)
    assert [(e.kind, e.happened_on) for e in history] == [("closed", date(2018, 10, 1)),
                                                         ("decision", date(2017, 4, 20))]


def test_a_request_about_someone_no_longer_in_the_files_does_not_break_the_round_trip(store, tmp_path):
    """The person's only referral was deleted: the files cannot name them, so their request stays behind
    (an export that its own import refuses would be worse)."""
    from cpm_desktop.services import access_requests
    from cpm_desktop.services.interchange import import_tables
    from tests.services.test_interchange import sample_tables

    import_tables(store, sample_tables())
    access_requests.register_request(store, "person", "P2", date(2019, 1, 31))
    access_requests.register_request(store, "person", "P3", date(2019, 2, 1))
    with store.transaction() as session:
        referral = session.scalars(select(m.Referral).where(m.Referral.referral_id == "R3")).one()
        referral.deleted_at, referral.deleted_reason = referral.created_at, "retention"
    export_folder(store, tmp_path / "out")
    with Store.create(tmp_path / "other.cpm", PASSPHRASE) as other:
        import_folder(other, tmp_path / "out")
        with other.transaction() as session:
            subjects = session.scalars(select(m.Person.person_id).join(
                m.SubjectAccessRequest, m.SubjectAccessRequest.subject_uuid == m.Person.id)).all()
    assert subjects == ["P3"]
