"""Letters to referrers, set as an A4 letter with the scheme's heading."""
from __future__ import annotations

from reportlab.lib.units import mm
from reportlab.platypus import Spacer

from cpm_desktop.domain.letters import Letter
from cpm_desktop.reports.long_text import paragraphs
from cpm_desktop.reports.styles import FRAME_WIDTH, build_document, data_table, long_date, markup, para, styles
from cpm_desktop.reports.text import safe


def render_letter(letter: Letter, password: str | None = None) -> bytes:
    s = styles()
    story = [
        Spacer(1, 8 * mm),
        para(letter.to_name),
        para(letter.to_organisation) if letter.to_organisation else Spacer(1, 1),
        Spacer(1, 6 * mm),
        para(long_date(letter.written_on)),
        Spacer(1, 6 * mm),
        markup(f"{safe(letter.title)}: {safe(letter.regarding)}", s.subheading),
        Spacer(1, 2 * mm),
    ]
    for paragraph in letter.paragraphs:
        story += [*paragraphs(paragraph, s.body), Spacer(1, 3 * mm)]
    if letter.table:
        story += [markup(safe(letter.table_title), s.subheading),
                  data_table(["Kind of support", "Contacts"], [[label, figure] for label, figure in letter.table],
                             widths=[FRAME_WIDTH * 0.7, FRAME_WIDTH * 0.3], numeric_from=1), Spacer(1, 4 * mm)]
    if letter.bullets:
        story += [markup(safe(letter.bullets_title), s.subheading)] + [para(f"• {item}") for item in letter.bullets]
    story += [Spacer(1, 8 * mm), para("Yours sincerely,"), Spacer(1, 10 * mm), para(letter.signed)]
    return build_document(letter.title, story, password=password)
