"""Right-to-left names read right to left with their letters joined, and emoji are drawn, in every PDF.

Read back two ways: pdfium (the engine of the app's own preview) gives each character with its place on the
page, so "reads right to left" is "the first letter lies right of the last"; and the page is rendered, so
"drawn" is "there is ink where the character is".
"""
from __future__ import annotations

import io
import unicodedata
from datetime import date

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c
import pytest
from pypdf import PdfReader

from cpm_desktop.domain.letters import Letter
from cpm_desktop.domain.subject_access import Section, SubjectAccessExport
from cpm_desktop.reports.direction import visual_order
from cpm_desktop.reports.evaluation import render_evaluation
from cpm_desktop.reports.letters import render_letter
from cpm_desktop.reports.sar import render_subject_access
from cpm_desktop.reports.styles import build_document, para
from cpm_desktop.resources_path import base_vocabulary
from tests.reports.sample_evaluation import SAMPLE

HEBREW = "שלום כהן"
ARABIC = "محمد فاطمة"
EMOJI = "🙂🥰👍🫠⭐✅"


def placed(pdf: bytes) -> list[tuple[str, float]]:
    """Every character pdfium finds on the pages (in reading order), with the left edge of its box."""
    out: list[tuple[str, float]] = []
    for page in pdfium.PdfDocument(pdf):
        text = page.get_textpage()
        high = None
        for i in range(text.count_chars()):
            code = pdfium_c.FPDFText_GetUnicode(text.raw, i)
            if 0xD800 <= code < 0xDC00:  # an emoji comes as two UTF-16 halves
                high = code
                continue
            if high is not None and 0xDC00 <= code < 0xE000:
                code, high = 0x10000 + (high - 0xD800) * 0x400 + (code - 0xDC00), None
            out.append((chr(code), text.get_charbox(i)[0]))
    return out


def index_of(chars: list[tuple[str, float]], word: str) -> int:
    return "".join(c for c, _ in chars).index(word)


def x_of(chars: list[tuple[str, float]], word: str) -> list[float]:
    """The left edges of the letters of the first occurrence of ``word`` (in reading order)."""
    start = index_of(chars, word)
    return [x for _, x in chars[start:start + len(word)]]


def assert_reads_right_to_left(pdf: bytes, *words: str) -> None:
    chars = placed(pdf)
    for word in words:
        xs = x_of(chars, word)
        assert xs == sorted(xs, reverse=True), f"{word!r} is not drawn from right to left: {xs}"


def drawn(pdf: bytes) -> str:
    """The characters as drawn from left to right (pypdf keeps presentation forms: joined Arabic letters)."""
    return "".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages)


def test_hebrew_and_arabic_names_read_right_to_left():
    pdf = build_document("Names", [para(HEBREW), para(f"Spoke with {ARABIC} (R1) today.")])
    assert_reads_right_to_left(pdf, "שלום", "כהן", "محمد", "فاطمة")
    chars = placed(pdf)
    # the words of a right-to-left name run right to left too, and the English around it left to right
    assert x_of(chars, "שלום")[0] > x_of(chars, "כהן")[0]
    assert x_of(chars, "محمد")[0] > x_of(chars, "فاطمة")[0]
    assert x_of(chars, "Spoke") < x_of(chars, "today")


def boxes(pdf: bytes) -> list[tuple[str, tuple[float, float, float, float]]]:
    """Every character of the first page with its box (left, bottom, right, top)."""
    text = pdfium.PdfDocument(pdf)[0].get_textpage()
    return [(text.get_text_range(i, 1), text.get_charbox(i)) for i in range(text.count_chars())]


@pytest.mark.parametrize("sentence", ["נפגשנו בבית הקפה ודיברנו על השבוע ועל המטרות.",
                                      "التقينا في المقهى وتحدثنا عن الأسبوع وعن الأهداف."], ids=["hebrew", "arabic"])
def test_a_long_right_to_left_note_reads_from_its_first_line_down_each_from_the_right(sentence):
    first, last = "ראשון" if "נ" in sentence else "أولا", "אחרון" if "נ" in sentence else "أخيرا"
    note = f"{first} {sentence * 6} {last}"
    pdf = build_document("Note", [para(note)])
    chars = boxes(pdf)
    letters = "".join(c for c, _ in chars)
    top_of = {word: chars[letters.index(word)][1][3] for word in (first, last)}
    assert top_of[first] > top_of[last] + 20  # the first word on the first line, the last lines below
    right_of_first = max(box[2] for _, box in chars[letters.index(first):letters.index(first) + len(first)])
    assert right_of_first > 500  # set from the right margin (A4 is 595 points wide)


def test_arabic_letters_take_their_joined_forms():
    text = drawn(build_document("Names", [para(ARABIC)]))
    # محمد as initial meem, medial hah, medial meem, final dal (pypdf gives them back in reading order)
    assert "\ufee3\ufea4\ufee4\ufeaa" in text
    assert unicodedata.normalize("NFKC", "\ufee3\ufea4\ufee4\ufeaa") == "محمد"
    assert "\ufee1" not in text  # never the isolated meem


def test_brackets_around_english_in_a_hebrew_name_face_the_right_way():
    assert visual_order("מיכל (Michal) לוי") == "יול (Michal) לכימ"
    assert visual_order("Plain English (no change)") == "Plain English (no change)"


def ink_at(pdf: bytes, char: str) -> int:
    """Dark pixels inside the box of ``char`` where it first appears, rendered at 4x."""
    document = pdfium.PdfDocument(pdf)
    scale = 4
    for page in document:
        text = page.get_textpage()
        units = [pdfium_c.FPDFText_GetUnicode(text.raw, i) for i in range(text.count_chars())]
        wanted = list(char.encode("utf-16-be"))
        wanted_units = [wanted[i] << 8 | wanted[i + 1] for i in range(0, len(wanted), 2)]
        index = next((i for i in range(len(units)) if units[i:i + len(wanted_units)] == wanted_units), None)
        if index is None:
            continue
        left, bottom, right, top = text.get_charbox(index)
        image = page.render(scale=scale).to_pil().convert("L")
        height = page.get_height()
        box = image.crop((int(left * scale), int((height - top) * scale), int(right * scale) + 1,
                          int((height - bottom) * scale) + 1))
        return sum(box.histogram()[:128])
    raise AssertionError(f"{char} is not in the text of the PDF")


def fonts_of(pdf: bytes) -> set[str]:
    return {str(font.get_object()["/BaseFont"]) for page in PdfReader(io.BytesIO(pdf)).pages
            for font in page["/Resources"]["/Font"].values()}


def test_emoji_are_drawn_in_a_font_that_has_them():
    pdf = build_document("Emoji", [para(f"Feeling {' '.join(EMOJI)} today")])
    assert any("NotoEmoji" in font for font in fonts_of(pdf))
    for emoji in EMOJI:
        assert ink_at(pdf, emoji) > 20, f"{emoji} is blank"


@pytest.mark.parametrize("kind", ["letter", "subject access", "evaluation"])
def test_every_pdf_orders_right_to_left_names_and_draws_emoji(kind):
    name = f"{HEBREW} 🥰"
    if kind == "letter":
        pdf = render_letter(Letter("Feedback on the support given", date(2026, 1, 5), "Dr O'Neil", "MIND",
                                   f"{name} (referral R1)", [f"{name} met {ARABIC} every week."]))
    elif kind == "subject access":
        export = SubjectAccessExport("person", "P1", name, date(2026, 1, 5), "tester")
        export.sections.append(Section("Contacts with you and about you", ("When", "Notes"),
                                       [("01/01/2020 09:00", f"Visited {ARABIC} 🫠")]))
        pdf = render_subject_access(export)
    else:
        pdf = render_evaluation(SAMPLE, base_vocabulary(), prepared_by=name, note=f"Thanks to {ARABIC} 🫠")
    assert_reads_right_to_left(pdf, "שלום", "محمد")
    # pdfium loses an emoji beside right-to-left text when it reads the page back, so this asks for the font;
    # the ink of each emoji is seen in the test above
    assert any("NotoEmoji" in font for font in fonts_of(pdf))


def test_an_english_sentence_that_begins_with_a_hebrew_name_stays_english():
    pdf = build_document("Letter", [para(f"{HEBREW} was referred to us by Dr O'Neil of MIND.")])
    chars = placed(pdf)
    assert x_of(chars, "שלום")[0] < x_of(chars, "was")[0] < x_of(chars, "referred")[0] < x_of(chars, "MIND")[0]
    assert_reads_right_to_left(pdf, "שלום", "כהן")


def test_the_subject_access_heading_keeps_the_name_and_id_in_english_order():
    export = SubjectAccessExport("person", "P1", HEBREW, date(2026, 1, 5), "tester")
    chars = placed(render_subject_access(export))
    end = index_of(chars, "client")
    line = chars[end - 20:end + 6]  # pdfium's reading order of a mixed line is its own guess: use the places
    hebrew = [x for c, x in line if "\u0590" <= c <= "\u05ff"]
    x_p1 = next(x for c, x in line if c == "P")
    assert len(hebrew) == 7 and max(hebrew) < x_p1 < x_of(chars, "client")[0]
    assert_reads_right_to_left(render_subject_access(export), "שלום")
