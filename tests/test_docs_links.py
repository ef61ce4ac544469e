"""Every relative link in README.md and docs/*.md leads to a file, and every #anchor to a heading of it.

Links inside docs/ must stay inside docs/: the installed copy (cpm_desktop/docs) has nothing around it.
"""
from __future__ import annotations

import re
import unicodedata
from pathlib import Path
from urllib.parse import unquote

import pytest

ROOT = Path(__file__).resolve().parents[1]
DOCS = ROOT / "docs"
DOCUMENTS = [ROOT / "README.md", *sorted(DOCS.glob("*.md"))]
# Written on other branches at the same time as the pages that link to them; until they land their links are
# reported by test_pages_written_elsewhere_exist (as skipped) instead of failing here.
WRITTEN_ELSEWHERE = (DOCS / "hub.md", DOCS / "interchange.md")

FENCE = re.compile(r"^(```|~~~).*?^\1", re.MULTILINE | re.DOTALL)
CODE_SPAN = re.compile(r"(`+).*?\1", re.DOTALL)
INLINE_LINK = re.compile(r"!?\[(?:[^\]\\]|\\.)*\]\(\s*<?([^)\s>]+)>?(?:\s+\"[^\"]*\")?\s*\)")
REFERENCE_LINK = re.compile(r"^\s{0,3}\[[^\]]+\]:\s*<?(\S+?)>?(?:\s+.*)?$", re.MULTILINE)
HEADING = re.compile(r"^#{1,6}\s+(.+?)\s*#*\s*$", re.MULTILINE)
SCHEME = re.compile(r"^[a-z][a-z0-9+.-]*:", re.IGNORECASE)


def without_code(text: str) -> str:
    return CODE_SPAN.sub("", FENCE.sub("", text))


def links_of(path: Path) -> list[str]:
    text = without_code(path.read_text(encoding="utf-8"))
    return INLINE_LINK.findall(text) + REFERENCE_LINK.findall(text)


def slug(heading: str) -> str:
    """The anchor GitHub (and most Markdown viewers) give a heading."""
    text = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", heading)  # a link in a heading keeps only its words
    text = text.replace("`", "").strip().lower()
    kept = "".join(c for c in text if c in " -_" or unicodedata.category(c)[0] in "LN")
    return kept.replace(" ", "-")


def anchors_of(path: Path) -> set[str]:
    seen: dict[str, int] = {}
    anchors = set()
    for heading in HEADING.findall(FENCE.sub("", path.read_text(encoding="utf-8"))):
        base = slug(heading)
        count = seen.get(base, 0)
        anchors.add(base if count == 0 else f"{base}-{count}")
        seen[base] = count + 1
    return anchors


def problems_of(document: Path) -> list[str]:
    problems = []
    for link in links_of(document):
        if SCHEME.match(link):  # https:, mailto: …: not ours to check offline
            continue
        target_text, _, anchor = unquote(link).partition("#")
        target = (document.parent / target_text).resolve() if target_text else document
        if target in WRITTEN_ELSEWHERE and not target.exists():
            continue
        if document.parent == DOCS and not target.is_relative_to(DOCS):
            problems.append(f"{link}: leaves docs/, so the installed guide cannot follow it")
        elif not target.is_file():
            shown = target.relative_to(ROOT) if target.is_relative_to(ROOT) else target
            problems.append(f"{link}: there is no file {shown}")
        elif anchor and target.suffix == ".md" and anchor not in anchors_of(target):
            problems.append(f"{link}: {target.name} has no heading #{anchor}")
    return problems


def test_the_slugs_are_githubs():
    assert slug("`backup`: an encrypted copy") == "backup-an-encrypted-copy"
    assert slug("Open the window: `cpm-desktop [--db PATH]`") == "open-the-window-cpm-desktop---db-path"
    assert slug("Why a mentor left (`left_reason`)") == "why-a-mentor-left-left_reason"
    assert slug("Backup and restore") == "backup-and-restore"


def test_links_in_code_are_not_links(tmp_path: Path):
    page = tmp_path / "page.md"
    page.write_text("See [a](a.md).\n\n```sh\n[b](b.md)\n```\n\n`[c](c.md)`\n\n[d]: d.md\n", encoding="utf-8")
    assert links_of(page) == ["a.md", "d.md"]


def test_a_broken_link_or_anchor_is_found(tmp_path: Path):
    page = tmp_path / "page.md"
    (tmp_path / "other.md").write_text("# Other\n\n## A part\n", encoding="utf-8")
    page.write_text("# Page\n[ok](other.md#a-part) [no file](gone.md) [no heading](other.md#nowhere) [self](#page)"
                    " [web](https://example.org/x)\n", encoding="utf-8")
    assert problems_of(page) == ["gone.md: there is no file " + str(tmp_path / "gone.md"),
                                 "other.md#nowhere: other.md has no heading #nowhere"]


def test_there_is_a_user_guide_and_the_readme_points_to_it():
    assert (DOCS / "index.md").is_file()
    assert "docs/index.md" in links_of(ROOT / "README.md")
    assert "docs/cli.md" in links_of(ROOT / "README.md")


@pytest.mark.parametrize("document", DOCUMENTS, ids=lambda p: p.relative_to(ROOT).as_posix())
def test_every_link_resolves(document: Path):
    assert problems_of(document) == []


def test_no_page_points_at_the_teams_own_specs():
    # A user has the project, not the team's shared folder beside it (shared/spec/*.md, shared/DESIGN.md).
    for document in DOCUMENTS:
        assert not re.search(r"\bspec/|shared/", document.read_text(encoding="utf-8")), document.name


@pytest.mark.parametrize("page", WRITTEN_ELSEWHERE, ids=lambda p: p.name)
def test_pages_written_elsewhere_exist(page: Path):
    linked_from = [d.name for d in DOCUMENTS if any(
        (d.parent / unquote(link).partition("#")[0]).resolve() == page for link in links_of(d))]
    if not page.exists():
        pytest.skip(f"docs/{page.name} is being written on another branch; linked from {', '.join(linked_from)}")
    assert page.is_file()
