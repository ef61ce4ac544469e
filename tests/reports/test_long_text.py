"""Long notes: cut into paragraph pieces (never one huge paragraph or table cell), every word kept in order."""
from __future__ import annotations

import io
from datetime import date

from pypdf import PdfReader
from reportlab.platypus import Flowable, Paragraph, Table

from cpm_desktop.domain.subject_access import Section, SubjectAccessExport
from cpm_desktop.reports.long_text import PIECE, pieces
from cpm_desktop.reports.sar import _section_table, render_subject_access

SENTENCES = ["Talked through the week and the goals.", "A walk by the river; coffee at the café after!",
             "Asked whether the letter from the council had come (it had not).", "Next visit on Tuesday?"]


def note_of(length: int, paragraph_every: int = 0) -> str:
    out, size, i = [], 0, 0
    while size < length:
        sentence = f"{i}: {SENTENCES[i % len(SENTENCES)]}"
        if paragraph_every and i % paragraph_every == paragraph_every - 1:
            sentence += "\n\n"
        out.append(sentence)
        size += len(sentence) + 1
        i += 1
    return " ".join(out)


def words(text: str) -> list[str]:
    return text.split()


def test_pieces_keep_every_word_in_order_and_stay_short():
    for text in (note_of(50_000), note_of(50_000, paragraph_every=7), "x" * 10_000, "short note"):
        cut = pieces(text)
        assert "".join(words("".join(cut))) == "".join(words(text))  # a word longer than a piece may be cut
        assert all(len(piece) <= PIECE for piece in cut)


def test_a_long_line_is_cut_after_a_sentence():
    text = note_of(20_000)
    cut = pieces(text)
    assert len(cut) > 10 and words(" ".join(cut)) == words(text)
    assert all(piece.rstrip()[-1] in ".!?;:)" for piece in cut[:-1])


def test_blank_lines_of_the_writer_are_kept():
    text = "First paragraph.\n\nSecond paragraph.\nIts second line."
    assert pieces(text) == [text]


def cells(story: list[Flowable]):
    for flowable in story:
        if isinstance(flowable, Table):
            for row in flowable._cellvalues:
                for cell in row:
                    yield from cell if isinstance(cell, list | tuple) else [cell]


def test_a_long_note_is_never_one_table_cell_or_one_paragraph():
    note = note_of(200_000, paragraph_every=40)
    section = Section("Contacts with you and about you", ("When", "Referral", "Activity", "Minutes", "By", "Notes"),
                      [("01/01/2020 09:00", "R1", "Home visit", "60", "Ann", "Short note"),
                       ("02/01/2020 09:00", "R1", "Home visit", "60", "Ann", note),
                       ("03/01/2020 09:00", "R1", "Telephone", "20", "Ann", "Another short note")])
    story = _section_table(section)
    assert all(len(cell.text) <= PIECE for cell in cells(story) if isinstance(cell, Paragraph))
    assert all(len(f.text) <= PIECE * 1.2 for f in story if isinstance(f, Paragraph))  # markup adds a little
    assert sum(isinstance(f, Table) for f in story) == 3  # the long entry interrupts the table


def test_every_word_of_a_long_note_is_in_the_export_in_order():
    note = note_of(200_000, paragraph_every=25)
    export = SubjectAccessExport("person", "P1", "Long Notes", date(2026, 1, 1), "tester")
    export.sections.append(Section("Contacts with you and about you",
                                   ("When", "Referral", "Activity", "Minutes", "By", "Notes"),
                                   [("02/01/2020 09:00", "R1", "Home visit", "60", "Ann", note)]))
    reader = PdfReader(io.BytesIO(render_subject_access(export)))
    text = "\n".join(page.extract_text() for page in reader.pages)
    start = text.index("0: Talked")
    printed = words(text[start:text.index("About this information")])
    # page headings and footers sit between pages: keep only the note's own words
    frame = set(words("Community Peer Mentor scheme — County Durham and Darlington Subject access: information "
                      "we hold OFFICIAL-SENSITIVE: personal data. Keep securely; do not forward. Page of"))
    assert [w for w in printed if w not in frame and not w.isdigit()] == \
        [w for w in words(note) if w not in frame and not w.isdigit()]


def test_long_values_leave_the_table_in_detail_sections_and_wide_sections_too():
    note = note_of(30_000)
    details = Section("Referral R1", ("Detail", "Held"), [("Received on", "01/04/2017"),
                                                          ("The referrer's description", note), ("Area", "North")])
    wide = Section("Risk assessments", ("Date", "Referral", "Kind", "Danger to staff", "Will / want / capacity",
                                        "Checks made", "Professionals consulted", "Notes"),
                   [("10/04/2017", "R1", "initial", "low", "yes / yes / no", "PNC", "PC Amble", note)])
    for section in (details, wide):
        story = _section_table(section)
        assert all(len(cell.text) <= PIECE for cell in cells(story) if isinstance(cell, Paragraph))
        printed = " ".join(words(" ".join(f.text for f in story if isinstance(f, Paragraph))))
        assert " ".join(words(note)) in printed  # every word, in order, outside any table
