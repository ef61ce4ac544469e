"""The PDF ground: user text prints literally, pages are numbered, protection is AES-256."""
from __future__ import annotations

import io

import pytest
from pypdf import PdfReader
from pypdf.errors import FileNotDecryptedError
from reportlab.platypus import PageBreak

from cpm_desktop.reports.styles import build_document, data_table, para, protect, safe

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
