"""Generate the documentation site from policies/: the pages, and the data inside hand-written pages.

`build_site` is what the MkDocs hook (build_tools/hooks/pages.py) calls. It raises
`SiteDataError` with `file:line: message` lines for anything wrong, so the build stops with the
checker's words rather than a traceback from somewhere in a template.
"""

from __future__ import annotations

import dataclasses
import re
from pathlib import Path

from ..data import PACKAGE_CHAPTERS, stale_engine_data
from ._articles import write_articles_page, write_glossary_page
from ._chapters import chapter_headings, write_chapter_page
from ._data import SiteData, SiteDataError, load_site_data
from ._directives import DIRECTIVE, expand_directive
from ._markdown import GlossaryTerm, RichText
from ._matrix import write_matrix_page
from ._packages import write_package_page
from ._page import GLOSSARY_PAGE, LinkBook, PageWriter
from ._paths import GENERAL_PAGE, MATRIX_PAGE, SERVICE_PAGE, chapter_page, package_page, theme_page
from ._themes import write_theme_page

__all__ = ["Site", "SiteDataError", "build_site"]

# Search weights (Material's `search.boost` front matter): a lay term should land on the page
# that compares packages before it lands on the long verbatim conditions.
_THEME_BOOST = 2
_CONDITIONS_BOOST = 0.5
_CHAPTER_NUMBER = re.compile(r"^\d+\.\s*")


@dataclasses.dataclass
class Site:
    data: SiteData
    pages: dict[str, str]  # generated page path -> markdown
    fragments: dict[str, dict[str, str]]  # hand-written page path -> {directive line: markdown}


def build_site(policies_dir: Path, handwritten: dict[str, str], other_files: set[str]) -> Site:
    """`handwritten`: the Markdown pages in docs/ by path; `other_files`: every other file there."""
    data = load_site_data(policies_dir)
    # The engine computes from its compiled JSON (the examples here, the comparator in the
    # browser): stale, the pages would show the YAML's text beside figures from older data.
    if stale := stale_engine_data(data.files):
        raise SiteDataError([stale])
    book = LinkBook()
    rich = RichText(
        [GlossaryTerm(t["term"], t["anchor"], t["plain"]) for t in data.glossary["terms"]]
        + [GlossaryTerm(w["term"], w["anchor"], w["plain"], w["spellings"]) for w in data.glossary.get("words", [])]
    )
    pages: dict[str, str] = {}

    def page(path: str, title: str, meta: dict | None = None) -> PageWriter:
        if path in handwritten or path in other_files:
            raise SiteDataError([f"docs/{path}: this page is generated from policies/; remove the file"])
        return PageWriter(path, title, book, rich, meta)

    writers: list[PageWriter] = []
    for package in data.packages:
        writer = page(
            package_page(package.kind, package.id),
            package.title,
            {"description": f"Wat {package.title} in 2020 vergoedt, per zorgsoort, met de artikelen."},
        )
        write_package_page(writer, data, package)
        writers.append(writer)
    for theme in data.themes:
        writer = page(theme_page(theme["id"]), theme["title"], {"search": {"boost": _THEME_BOOST}})
        write_theme_page(writer, data, theme)
        writers.append(writer)
    writer = page(MATRIX_PAGE, "Vergelijkingstabel", {"hide": ["navigation", "toc"]})  # room for the table
    write_matrix_page(writer, data)
    writers.append(writer)
    writer = page(GENERAL_PAGE, data.general_articles["title"])
    glossary = writer.a("Begrippen", GLOSSARY_PAGE, "begrippen")
    write_articles_page(
        writer,
        data.general_articles,
        "Hoofdstuk 1 van de voorwaarden 2020, letterlijk. Boven elk "
        f"artikel staat onze korte samenvatting in gewone taal. Artikel 1.1 staat op {glossary}.",
    )
    writers.append(writer)
    writer = page(SERVICE_PAGE, "Servicepakket")
    write_articles_page(
        writer,
        data.servicepakket,
        f"{data.servicepakket['title']}: hoofdstuk 2 van de voorwaarden "
        "2020, letterlijk, met per onderdeel onze korte samenvatting.",
    )
    writers.append(writer)
    # Boosted in search: a word such as "eigen bijdrage" lands on its explanation before the
    # theme page whose title holds it.
    writer = page(GLOSSARY_PAGE, "Begrippen", {"search": {"boost": 2}})
    write_glossary_page(writer, data)
    writers.append(writer)
    for chapter in [*PACKAGE_CHAPTERS.values(), "8"]:
        heading = _CHAPTER_NUMBER.sub("", chapter_headings(chapter)[0].text)
        title = f"Hoofdstuk {chapter}: {heading}"
        writer = page(chapter_page(chapter), title, {"search": {"boost": _CONDITIONS_BOOST}})
        write_chapter_page(writer, data, chapter)
        writers.append(writer)
    for writer in writers:
        pages[writer.path] = writer.markdown()

    fragments = {path: _expand_page(path, text, data, book, rich) for path, text in handwritten.items()}
    problems = book.problems(set(handwritten) | other_files)
    if problems:
        raise SiteDataError(problems)
    return Site(data, pages, fragments)


def _expand_page(path: str, text: str, data: SiteData, book: LinkBook, rich: RichText) -> dict[str, str]:
    expanded: dict[str, str] = {}
    used_terms: set[str] = set()
    for number, line in enumerate(text.splitlines(), start=1):
        stripped = line.strip()
        if not stripped.startswith("[[polis"):
            continue
        match = DIRECTIVE.match(stripped)
        if not match:
            raise SiteDataError([f"docs/{path}:{number}: malformed directive '{stripped}'"])
        writer = PageWriter(path, "", book, rich, used_terms=used_terms)
        try:
            expand_directive(writer, data, match.group(1), match.group(2).split())
        except SiteDataError as error:
            raise SiteDataError([f"docs/{path}:{number}: {p}" for p in error.problems]) from None
        expanded[stripped] = writer.fragment()
    return expanded
