"""Subject-access exports: time against the length of one client's notes, a client with 1,000 contacts, and
the largest case of the big store.

    .venv/bin/python benchmarks/bench_sar.py              # all three
    .venv/bin/python benchmarks/bench_sar.py --notes      # only time against note length
    .venv/bin/python benchmarks/bench_sar.py --notes 100000 200000

Time against note length should grow in proportion (each doubling about doubles the time).
"""
from __future__ import annotations

import sys
import tempfile
import time
from datetime import datetime, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
sys.path.insert(0, str(Path(__file__).parent.parent))  # this checkout's cpm_desktop, not the installed one
from _store import big_store  # noqa: E402
from sqlalchemy import func, select  # noqa: E402

from cpm_desktop.services.contacts import add_contact  # noqa: E402
from cpm_desktop.services.interchange import INTERCHANGE_COLUMNS, import_tables  # noqa: E402
from cpm_desktop.services.subject_access import subject_access_pdf  # noqa: E402
from cpm_desktop.storage import models as m  # noqa: E402
from cpm_desktop.storage.engine import Store  # noqa: E402


def row(stem: str, **values) -> dict[str, str]:
    return dict.fromkeys(INTERCHANGE_COLUMNS[stem], "") | values


NOTE_LENGTHS = (100_000, 200_000, 400_000, 800_000)
WORDS = ("talked", "through", "the", "week,", "the", "goals", "and", "what", "comes", "next.", "A", "walk", "by",
         "the", "river;", "coffee", "at", "the", "café", "after", "the", "appointment.")


def note_of(length: int, seed: int) -> str:
    """Words of everyday case notes, with a paragraph break now and then, ``length`` characters long."""
    words, size, i = [], 0, seed
    while size < length:
        word = WORDS[(i * 7 + i // 5) % len(WORDS)] + ("\n" if i % 97 == 96 else "")
        words.append(word)
        size += len(word) + 1
        i += 1
    return " ".join(words)[:length]


def time_against_note_length(lengths: tuple[int, ...]) -> None:
    """One client whose contact notes add up to each length: one long note of half of it, the rest in 50 notes."""
    with tempfile.TemporaryDirectory() as tmp, Store.create(Path(tmp) / "warm.cpm", "benchmark") as store:
        import_tables(store, {"referrals": [row("referrals", referral_id="R1", person_id="P1", referred_on="2019-12-01",
                                                first_name="Warm", last_name="Up", outcome="pending")]})
        subject_access_pdf(store, person_id="P1")  # fonts loaded and modules imported before the clock starts
    print("notes (characters)  export (s)  per 100k (s)  pages")
    for length in lengths:
        with tempfile.TemporaryDirectory() as tmp, Store.create(Path(tmp) / "notes.cpm", "benchmark") as store:
            import_tables(store, {"referrals": [row("referrals", referral_id="R1", person_id="P1",
                                                    referred_on="2019-12-01", first_name="Long", last_name="Notes",
                                                    outcome="supported", decided_on="2019-12-02")]})
            with store.transaction() as session:
                referral_uuid = session.scalar(select(m.Referral.id))
            at = datetime(2020, 1, 1, 9)
            add_contact(store, referral_uuid, occurred_at=at, activity="home_visit", minutes=60,
                        notes=note_of(length // 2, 0))
            for i in range(50):
                add_contact(store, referral_uuid, occurred_at=at + timedelta(days=i + 1), activity="telephone",
                            minutes=20, notes=note_of(length // 2 // 50, i))
            started = time.perf_counter()
            pdf = subject_access_pdf(store, person_id="P1")
            took = time.perf_counter() - started
            print(f"{length:>18,}  {took:>10.1f}  {took / length * 100_000:>12.2f}  {pdf.count(b'/Type /Page') - 1:>5}")


def main() -> None:
    if "--notes" in sys.argv:
        lengths = tuple(int(a) for a in sys.argv[sys.argv.index("--notes") + 1:]) or NOTE_LENGTHS
        time_against_note_length(lengths)
        return
    time_against_note_length(NOTE_LENGTHS)
    with tempfile.TemporaryDirectory() as tmp:
        with Store.create(Path(tmp) / "sar.cpm", "benchmark") as store:
            start = datetime(2020, 1, 1, 9)
            import_tables(store, {
                "referrals": [row("referrals", referral_id="R1", person_id="P1", referred_on="2019-12-01",
                                  first_name="Many", last_name="Contacts", outcome="supported",
                                  decided_on="2019-12-02")],
                "contacts": [row("contacts", contact_id=f"C{i:05d}", referral_id="R1",
                                 occurred_at=(start + timedelta(hours=i)).strftime("%Y-%m-%dT%H:%M"),
                                 activity="home_visit", minutes="60",
                                 notes=f"Visit {i}: talked through the week, the goals and what comes next.")
                             for i in range(1000)]})
            started = time.perf_counter()
            pdf = subject_access_pdf(store, person_id="P1")
            print(f"1,000-contact subject-access export: {time.perf_counter() - started:.1f} s, "
                  f"{len(pdf) / 1024:.0f} KiB")
    with big_store() as store, store.transaction() as session:
        c, r, p = m.Contact, m.Referral, m.Person
        person_id, count = session.execute(
            select(p.person_id, func.count()).join(r, r.person_uuid == p.id).join(c, c.referral_uuid == r.id)
            .group_by(p.person_id).order_by(func.count().desc()).limit(1)).one()
    with big_store() as store:
        started = time.perf_counter()
        subject_access_pdf(store, person_id=person_id)
        print(f"largest case in the 50,000-referral store ({count} contacts): {time.perf_counter() - started:.1f} s")


if __name__ == "__main__":
    main()
