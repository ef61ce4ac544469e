"""The PDF ground: user text prints literally, pages are numbered, protection is AES-256."""
from __future__ import annotations

import io

import pytest
from pypdf import PdfReader
from pypdf.errors import FileNotDecryptedError
from reportlab.platypus import PageBreak

from cpm_desktop.reports.charts import histogram, horizontal_bars, vertical_bars
from cpm_desktop.reports.styles import (
    FRAME_WIDTH,
    build_document,
    data_table,
    number,
    para,
    protect,
    safe,
    titled_table,
)

HOSTILE = ["a<b", "Smith <j@x.org>", "Tom & Jerry", "<b>not bold</b>", 'say "hi"', "it's", "&amp;",
           "Ionuț Păun", "Siobhán Ó Briain", "Ζωή Παπαδοπούλου", "Дмитрий Иванов"]


def text_of(pdf: bytes, password: str | None = None) -> str:
    reader = PdfReader(io.BytesIO(pdf))
    if password:
        reader.decrypt(password)
    return "\n".join(page.extract_text() for page in reader.pages)


def test_safe_escapes_exactly_once():
    assert safe("a<b & c") == "a&lt;b &amp; c"
    assert safe("&amp;") == "&amp;amp;"
    assert safe("line\r\nnext\nlast") == "line<br/>next<br/>last"
    assert safe(None) == "—"


def test_hostile_text_prints_literally():
    story = [para(text) for text in HOSTILE] + [data_table(["Name", "Note"], [[t, t] for t in HOSTILE])]
    text = text_of(build_document("Hostile <title> & co", story))
    for hostile in HOSTILE:
        assert hostile in text, hostile
    assert "Hostile <title> & co" in text


def test_new_lines_are_kept_and_cjk_prints_in_the_fallback_font():
    pdf = build_document("t", [para("first line\nsecond line"), para("李雷 and 王芳 <b>&")])
    text = text_of(pdf)
    assert "first line\nsecond line" in text
    assert "李雷 and 王芳 <b>&" in text
    fonts = {font.get_object()["/BaseFont"] for page in PdfReader(io.BytesIO(pdf)).pages
             for font in page["/Resources"]["/Font"].values()}
    assert any("DroidSansFallback" in name for name in fonts) and any("DejaVu" in name for name in fonts)


def test_pages_are_numbered_x_of_y():
    story = [para("one"), PageBreak(), para("two"), PageBreak(), para("three")]
    reader = PdfReader(io.BytesIO(build_document("Numbered", story)))
    assert len(reader.pages) == 3
    for n, page in enumerate(reader.pages, start=1):
        assert f"Page {n} of 3" in page.extract_text()
        assert "Community Peer Mentor scheme" in page.extract_text()


def test_fonts_are_embedded():
    reader = PdfReader(io.BytesIO(build_document("Fonts", [para("Ionuț")])))
    fonts = [font.get_object() for font in reader.pages[0]["/Resources"]["/Font"].values()]
    assert fonts and all("DejaVu" in font["/BaseFont"] for font in fonts)  # no unembedded base-14 font
    assert all("/FontFile2" in font["/FontDescriptor"].get_object() for font in fonts)


def test_protection_is_aes_256_and_needs_the_password():
    pdf = protect(build_document("Secret", [para("Canary Zanzibar")]), "open sesame")
    assert b"Canary" not in pdf
    reader = PdfReader(io.BytesIO(pdf))
    assert reader.is_encrypted
    assert reader.trailer["/Encrypt"]["/V"] == 5 and reader.trailer["/Encrypt"]["/R"] == 6  # AES-256
    with pytest.raises(FileNotDecryptedError):
        reader.pages[0].extract_text()
    assert "Canary Zanzibar" in text_of(pdf, "open sesame")


def test_huge_text_flows_across_pages():
    pdf = build_document("Long", [para("All well. " * 20_000)])
    assert len(PdfReader(io.BytesIO(pdf)).pages) > 5


def test_numbers_are_printed_as_given_never_rounded():
    assert [number(v) for v in (None, True, 0, 1234567, 25.0, 53.6, 1.25, 4.477457627118644, 6580.0)] == \
           ["—", "yes", "0", "1,234,567", "25.0", "53.6", "1.25", "4.477457627118644", "6,580.0"]


def test_table_headers_repeat_and_titles_are_escaped():
    rows = [[f"row {i}", "a<b & " * 30, i] for i in range(150)]
    story = titled_table("Notes <i>&</i> more", ["Headerzz", "Notezz", "Countzz"], rows)
    pages = [page.extract_text() for page in PdfReader(io.BytesIO(build_document("Table", story))).pages]
    assert len(pages) > 2
    assert "Notes <i>&</i> more" in pages[0]
    for page in pages:
        assert "Headerzz" in page and "Notezz" in page and "Countzz" in page
    assert "row 149" in "".join(pages[-2:])


def test_a_long_or_foreign_title_fits_the_page_heading():
    long_title = "Letter about " + "Ionuț Păun <x@y.org> & " * 20
    page = text_of(build_document(long_title, [para("body")]))
    assert "Community Peer Mentor scheme — County Durham and Darlington" in page
    assert "Letter about Ionuț Păun <x@y" in page and "…" in page
    assert "李雷" in text_of(build_document("李雷 的 letter", [para("body")]))


def test_charts_fit_the_frame_and_print_their_values():
    story = [vertical_bars(["2016-17", "2017-18"], [("Referred", [1234, 5]), ("Supported", [600, 0])], title="V"),
             horizontal_bars(["A very long label " * 10, "Short"], [98765, 3], title="H"),
             histogram(["0-49", "50-99", "100-199", "200+"], [505, 88, 47, 19], title="Hist", x_title="Contacts"),
             vertical_bars(["x"], [("all zero", [0])], title="Z")]
    for drawing in story:
        assert drawing.width <= FRAME_WIDTH
    text = text_of(build_document("Charts", story))
    for figure in ("1,234", "600", "98,765", "505", "88", "47", "19", "Contacts", "Short", "…"):
        assert figure in text, figure


def test_money_has_pence_or_whole_pounds_never_one_decimal():
    from cpm_desktop.reports.styles import money

    assert [money(v) for v in (25.0, 25.5, 660425, 1234.567, -12.0, None)] == \
           ["£25.00", "£25.50", "£660,425", "£1,234.57", "\u2212£12.00", "—"]
