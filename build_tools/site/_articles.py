"""Articles kept as text in policies/ (chapter 1 in general/articles.yaml, chapter 2 in servicepakket.yaml,
article 1.1 in general/glossary.yaml), rendered as readable pages with an anchor per article."""

from __future__ import annotations

import re

from ._data import SiteData, SiteDataError
from ._markdown import escape
from ._page import PageWriter
from ._paths import article_anchor, article_target

__all__ = ["find_article", "write_article", "write_articles_page", "write_glossary_page"]


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


def _explained(page: PageWriter, summary: str | None) -> str:
    """Our plain-Dutch summary, labelled as ours so nobody takes it for the official text."""
    if not summary:
        return ""
    return (
        '<div class="admonition abstract pv-plain"><p class="admonition-title">In gewone taal (onze samenvatting)</p>'
        f"{page.md(summary)}</div>"
    )


def write_article(page: PageWriter, article: dict, level: int = 2, sections: list[dict] | None = None) -> None:
    """An article: its heading, our summary, then each part verbatim with its own heading and anchor.

    With `sections` only those parts are written, under the caller's own heading of `level`.
    """
    current = article_anchor(article["article"])
    if sections is None:
        page.heading(level, f"Artikel {article['article']} {article['title']}", current)
        page.html(_explained(page, article.get("summary")))
    for index, section in enumerate(article["sections"] if sections is None else sections):
        depth = level + 1 + (1 if section.get("level") == 2 else 0)
        if "article" in section:
            current = article_anchor(section["article"])
            page.heading(depth, " ".join(filter(None, [section["article"], section.get("heading")])), current)
        elif section.get("heading"):
            page.heading(depth, section["heading"], f"{current}-{_slug(section['heading'])}-{index}")
        page.html(_explained(page, section.get("summary")))
        page.html(f'<div class="pv-article-text">{page.md(section.get("body", ""))}</div>')


def find_article(site: SiteData, number: str) -> tuple[dict, list[dict] | None]:
    """(article, sections to show) for "1.15" (a whole article) or "1.8.5" (a part and its unnumbered follow-ups)."""
    for data in (site.general_articles, site.servicepakket):
        for article in data["articles"]:
            if article["article"] == number:
                return article, None
            sections = article["sections"]
            for start, section in enumerate(sections):
                if section.get("article") == number:
                    end = start + 1
                    while end < len(sections) and "article" not in sections[end]:
                        end += 1
                    return article, sections[start:end]
    raise SiteDataError([f"article {number} is not in policies/general/articles.yaml or policies/servicepakket.yaml"])


def write_articles_page(page: PageWriter, data: dict, lead: str) -> None:
    page.html(f'<div class="pv-lead"><p>{lead}</p></div>')
    for article in data["articles"]:
        write_article(page, article)


def write_glossary_page(page: PageWriter, site: SiteData) -> None:
    glossary = site.glossary
    page.html(
        '<div class="pv-lead"><p>Eerst de woorden die u tegenkomt bij het kiezen, daarna de begrippen uit de '
        "voorwaarden. Bij elk begrip staat uitleg in gewone taal en de letterlijke tekst. Op de andere pagina’s "
        "is een begrip onderstreept: beweeg erover of tik erop voor de uitleg.</p></div>"
    )
    page.heading(2, "Woorden bij het kiezen", "woorden")
    for word in glossary.get("words", []):
        page.heading(3, word["term"], word["anchor"])
        page.html(_plain_explanation(page, word["plain"], own=not word.get("sources")))
        quotes = "".join(
            f"<blockquote><p>“{escape(source['quote'])}”</p><p class='pv-cite'>— "
            f'<a class="pv-article" href="{page.href(*article_target(source["article"]))}">artikel '
            f"{escape(source['article'])}</a></p></blockquote>"
            for source in word.get("sources", [])
        )
        if quotes:
            page.html(
                f'<details class="quote"><summary>Letterlijke tekst uit de voorwaarden</summary>{quotes}</details>'
            )
    page.heading(2, f"Artikel {glossary['article']} {glossary['title']}", "begrippen")
    page.html(f'<div class="pv-article-text">{page.md(glossary.get("intro", ""))}</div>')
    for term in glossary["terms"]:
        page.heading(3, term["term"], term["anchor"])
        page.html(_plain_explanation(page, term["plain"], own=False))
        page.html(
            '<div class="pv-article-text pv-definition"><p class="pv-cite">Letterlijk in artikel '
            f"{escape(glossary['article'])}:</p>{page.md(term['definition'])}</div>"
        )


def _plain_explanation(page: PageWriter, text: str, own: bool) -> str:
    """Our words, labelled; where no sentence of the conditions backs them, said so."""
    label = "Uitleg van deze site (niet uit de voorwaarden)" if own else "In gewone taal"
    return f'<div class="pv-plain-term"><p><strong>{label}:</strong> {page.md_inline(text)}</p></div>'
