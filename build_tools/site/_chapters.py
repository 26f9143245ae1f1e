"""Chapters 3-8 of the conditions (the packages), rendered from the source document itself.

The package YAML quotes sentences from these chapters; these pages show the whole article a
quote comes from, with an anchor per numbered article ("#art-3-4"). The document's own defects
stay visible (it is the source), but its stray bold markers in headings are dropped, and where
the data marks a package's text as not giving the amount (the incomplete end of chapter 8),
the page says so under the text.

Left out: the printed contents list at the top of each chapter ("Artikel 3.1<tab>Alternatieve
geneeswijzen ...<tab>27"). Its page numbers point into a PDF the visitor does not have, and on a
web page its lines run together into one paragraph of debris above the page's own table of
contents. Such lines are recognised by their shape (number, tab, title, tab, page number).
"""

from __future__ import annotations

import dataclasses
import re
from functools import cache
from pathlib import Path

from markdown_it import MarkdownIt

from ..data import CONDITIONS
from ._benefit import dutch_attribute
from ._data import SiteData
from ._markdown import escape
from ._page import PageWriter
from ._paths import ABOUT_PAGE, article_anchor, package_page
from ._text import UNKNOWN
from ._words import current_language, say

__all__ = ["CONTENTS_LINE", "Heading", "chapter_headings", "write_chapter_page"]

_NUMBERED = re.compile(r"^(?:Artikel\s+)?(\d+(?:\.\d+)*)\.?(?:\s+|$)")
_DENTAL_PACKAGE = re.compile(r"^Tandartsverzekering\s+(\w+)$")
CONTENTS_LINE = re.compile(r"^(?:Artikel\s+)?\d+(?:\.\d+)*\.?\t[^\t]+\t\d+\s*$")


@dataclasses.dataclass
class Heading:
    text: str  # plain text, markup removed
    number: str | None  # "3.4", or None for "Voorwaarden voor vergoeding"
    body: str  # the markdown up to the next heading


def _plain(token) -> str:
    return "".join(c.content for c in token.children or [] if c.type in ("text", "code_inline")).strip()


@cache
def _document(path: Path) -> dict[str, list[Heading]]:
    """Headings of the whole document grouped by chapter ("3": [...]); a chapter's own heading first."""
    text = path.read_text(encoding="utf-8")
    lines = text.splitlines()
    tokens = MarkdownIt("commonmark").parse(text)
    found = [(tokens[i].map, _plain(tokens[i + 1])) for i, t in enumerate(tokens) if t.type == "heading_open"]
    chapters: dict[str, list[Heading]] = {}
    current = None
    for index, (line_map, title) in enumerate(found):
        body_end = found[index + 1][0][0] if index + 1 < len(found) else len(lines)
        body = "\n".join(line for line in lines[line_map[1] : body_end] if not CONTENTS_LINE.match(line)).strip()
        match = _NUMBERED.match(title)
        number = match.group(1) if match else None
        if number and "." not in number:
            current = number
        if current is not None:
            chapters.setdefault(current, []).append(Heading(title, number, body))
    return chapters


def chapter_headings(chapter: str) -> list[Heading]:
    return _document(CONDITIONS)[chapter]


def write_chapter_page(page: PageWriter, site: SiteData, chapter: str) -> None:
    headings = chapter_headings(chapter)
    first, rest = headings[0], headings[1:]
    page.book.declare(page.path, article_anchor(chapter))
    lead = say(
        "De letterlijke tekst van hoofdstuk {chapter} van de voorwaarden 2020, zoals in het brondocument (met "
        "zijn tikfouten). Elk artikel heeft een eigen link; de vergoedingen in gewone taal staan op de pakketpagina’s.",
        chapter=chapter,
    )
    page.html(
        f'<div class="pv-lead" id="{article_anchor(chapter)}"><p>{lead}</p>'
        f"<div{dutch_attribute()}>{page.md(first.body)}</div></div>"
    )
    for heading in rest:
        dental = _DENTAL_PACKAGE.match(heading.text)
        if heading.number:
            level = min(heading.number.count(".") + 1, 4)
            page.heading(level, heading.text, article_anchor(heading.number), _dutch_heading())
        elif dental:
            page.heading(2, heading.text, f"tandartsverzekering-{dental.group(1).lower()}", _dutch_heading())
        else:
            # Sub-headings ("Voorwaarden voor vergoeding") stay out of the table of contents.
            page.html(f'<p class="pv-subhead"{dutch_attribute()}><strong>{escape(heading.text)}</strong></p>')
        if heading.body:
            page.html(f'<div class="pv-article-text"{dutch_attribute()}>{page.md(heading.body)}</div>')
        if dental:
            page.html(_package_notes(page, site, dental.group(1).lower()))


def _dutch_heading() -> str | None:
    """The document's headings are Dutch: said so on a page in another language."""
    return "nl" if current_language() != "nl" else None


def _package_notes(page: PageWriter, site: SiteData, package_id: str) -> str:
    """Right under a package's sentence: our reading of it, and whether its amount is unknown."""
    package = next((p for p in site.dental if p.id == package_id), None)
    if package is None:
        return ""
    benefits = package.data["benefits"]
    notes = [s["note"] for b in benefits for s in b["sources"] if s.get("note")]
    reasons = [r["unknown"]["reason"] for b in benefits for r in b["rules"] if "unknown" in r]
    link = f'<a href="{page.href(package_page("dental", package_id))}">{escape(package.title)}</a>'
    about = f'<a href="{page.href(ABOUT_PAGE, "gaten")}">{say("Over deze gegevens")}</a>'
    out = ""
    if notes:
        out += (
            f'<div class="admonition info"><p class="admonition-title">{say("Zo lezen wij deze tekst")}</p>'
            f"{''.join(page.md(n) for n in dict.fromkeys(notes))}<p>{say('Zie ook {link}.', link=link)}</p></div>"
        )
    if reasons:
        out += (
            f'<div class="admonition warning"><p class="admonition-title">{say("Vergoeding")} {say(UNKNOWN)}</p>'
            f"{''.join(page.md(r) for r in reasons)}"
            f"<p>{say('Deze site noemt hier daarom geen bedrag. Zie {link}.', link=about)}</p></div>"
        )
    return out
