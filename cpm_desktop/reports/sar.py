"""The subject-access export as a PDF: every section held, then the supplementary information."""
from __future__ import annotations

from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.platypus import CondPageBreak, Flowable, PageBreak, Paragraph, Spacer, Table, TableStyle

from cpm_desktop.domain.subject_access import Section, SubjectAccessExport
from cpm_desktop.reports.long_text import is_long, paragraphs
from cpm_desktop.reports.styles import (
    CELL_PADDING,
    FRAME_WIDTH,
    RULE,
    build_document,
    data_table,
    long_date,
    markup,
    para,
    styles,
)
from cpm_desktop.reports.text import BOLD, FONT, safe, user_paragraph

TITLE = "Subject access: information we hold"


LONGEST_WORD = 90  # points: a longer word (a URL, a run of script without spaces) may break


def _widths(section: Section) -> list[float]:
    """Each column gets room for its longest word (ids, dates and headers never break), then the rest of
    the width in proportion to how much the column holds, so notes get the most."""
    if len(section.columns) == 2:
        return [FRAME_WIDTH * 0.32, FRAME_WIDTH * 0.68]
    sample = section.rows[:200]
    floors: list[float] = []
    shares: list[int] = []
    for i, title in enumerate(section.columns):
        widest = max([pdfmetrics.stringWidth(w, BOLD, 8.5) for w in title.split()]
                     + [pdfmetrics.stringWidth(w, FONT, 8.5) for row in sample for w in str(row[i]).split()[:40]]
                     + [12])
        floors.append(min(widest, LONGEST_WORD) + CELL_PADDING + 1)
        # a column of long notes takes nearly all the spare room; ids, dates and names need little more
        shares.append(min(max([len(str(row[i])) for row in sample] + [len(title)]), 600))
    spare = max(FRAME_WIDTH - sum(floors), 0)
    return [floor + spare * share / sum(shares) for floor, share in zip(floors, shares, strict=True)]


WIDE = 6  # a section with more columns than this is set as one block per entry: columns that narrow break words


def _record(columns: tuple[str, ...], row: tuple[str, ...]) -> list[Flowable]:
    """One entry as a block of its own: headed by its first two values, the rest as (what, held) rows, and any
    long text after them as paragraphs (never inside a table cell, which ReportLab splits in quadratic time)."""
    s = styles()
    if len(columns) == 2:  # a (detail, held) pair whose value is long
        return [markup(safe(row[0]), s.subheading), *paragraphs(row[1], s.cell)]
    head = " · ".join(f"{safe(title)} {safe(value)}" for title, value in zip(columns[:2], row[:2], strict=True))
    story: list[Flowable] = [markup(head, s.subheading)]
    rest = list(zip(columns[2:], row[2:], strict=True))
    short = [[Paragraph(safe(title), s.cell_head), user_paragraph(value, s.cell)]
             for title, value in rest if not is_long(value)]
    if short:
        table = Table(short, colWidths=[FRAME_WIDTH * 0.26, FRAME_WIDTH * 0.74], hAlign="LEFT", splitInRow=1)
        table.setStyle(TableStyle([("LINEBELOW", (0, 0), (-1, -1), 0.3, RULE), ("VALIGN", (0, 0), (-1, -1), "TOP"),
                                   ("TOPPADDING", (0, 0), (-1, -1), 2.5), ("BOTTOMPADDING", (0, 0), (-1, -1), 2.5)]))
        story.append(table)
    for title, value in rest:
        if is_long(value):
            story += [Spacer(1, 1.5 * mm), Paragraph(safe(title), s.cell_head), *paragraphs(value, s.cell)]
    return story


def _section_table(section: Section) -> list[Flowable]:
    s = styles()
    story: list[Flowable] = [CondPageBreak(30 * mm), markup(safe(section.title), s.heading)]
    if section.note:
        story.append(para(section.note, s.small))
    if not section.rows:
        return story + [para("Nothing held.")]
    if len(section.columns) > WIDE:
        return story + [flowable for row in section.rows for flowable in _record(section.columns, row)]
    # Rows in tables; an entry holding a long text interrupts the table as a block of its own.
    widths, waiting = _widths(section), list[list[object]]()
    for row in section.rows:
        if any(is_long(value) for value in row):
            if waiting:
                story.append(data_table(list(section.columns), waiting, widths, numeric_from=99))
                waiting = []
            story += [*_record(section.columns, row), Spacer(1, 2 * mm)]
        else:
            waiting.append(list(row))
    if waiting:
        story.append(data_table(list(section.columns), waiting, widths, numeric_from=99))
    return story


def render_subject_access(export: SubjectAccessExport, password: str | None = None) -> bytes:
    s = styles()
    who = "client" if export.kind == "person" else "volunteer mentor"
    story = [
        Spacer(1, 15 * mm), markup(safe(TITLE), s.title),
        markup(f"{safe(export.subject_name)} ({safe(export.subject_id)}), {who}", s.subheading),
        para(f"Prepared on {long_date(export.prepared_on)} by {export.prepared_by}."),
        Spacer(1, 4 * mm),
        para("This is a copy of every item of personal information the scheme holds about you, made in answer to "
             "your request under Article 15 of the UK GDPR. The information you are entitled to, and how we use it, "
             "is explained at the end."),
    ]
    if export.redaction_reasons:
        story += [Spacer(1, 3 * mm), markup("Redactions", s.subheading),
                  para("Some passages named other people and have been removed from the text, shown as [redacted]:")]
        story += [para(f"• {reason}") for reason in export.redaction_reasons]
    for section in export.sections:
        story += _section_table(section)
    info = export.supplementary
    story += [PageBreak(), markup("About this information", s.heading)]
    for title, key in (("Who holds it", "controller"), ("How to contact us", "contact"),
                       ("Why we hold it", "purposes"), ("The law that allows it", "lawful_basis"),
                       ("What kinds of information", "categories"), ("Who it may be shared with", "recipients"),
                       ("How long we keep it", "retention"), ("Where it came from", "source"),
                       ("Your rights", "rights"), ("Automated decisions", "automated_decisions"),
                       ("Complaints", "complaint")):
        value = info.get(key)
        if not value:
            continue
        story.append(markup(safe(title), s.subheading))
        story += [para(f"• {item}") for item in value] if isinstance(value, list) else [para(value)]
    return build_document(TITLE, story, password=password)
