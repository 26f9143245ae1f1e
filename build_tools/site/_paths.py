"""Where each page of the site lives, and where each article of the conditions is shown."""

from __future__ import annotations

from ..data import PACKAGE_CHAPTERS
from ._page import GLOSSARY_PAGE

__all__ = [
    "ABOUT_PAGE",
    "CLAIMS_PAGE",
    "COMPARATOR_PAGE",
    "COMPLAINTS_PAGE",
    "GENERAL_PAGE",
    "GLOSSARY_PAGE",
    "HOME_PAGE",
    "MATRIX_PAGE",
    "SERVICE_PAGE",
    "article_anchor",
    "article_target",
    "chapter_page",
    "package_page",
    "theme_page",
]

HOME_PAGE = "index.md"
MATRIX_PAGE = "vergelijkingstabel.md"
COMPARATOR_PAGE = "vergelijker/index.md"  # written by the comparator, not generated here
GENERAL_PAGE = "voorwaarden/algemeen.md"
SERVICE_PAGE = "servicepakket.md"
ABOUT_PAGE = "over-deze-gegevens.md"
CLAIMS_PAGE = "declareren.md"
COMPLAINTS_PAGE = "klachten.md"
_GLOSSARY_ARTICLE = "1.1"
_CHAPTER_OF_PACKAGE = {chapter: name for name, chapter in PACKAGE_CHAPTERS.items()}


def package_page(kind: str, package_id: str) -> str:
    return f"{'aanvullend' if kind == 'av' else 'tandarts'}/{package_id}.md"


def theme_page(theme_id: str) -> str:
    return f"zorg/{theme_id}.md"


def chapter_page(chapter: str) -> str:
    if chapter == "1":
        return GENERAL_PAGE
    if chapter == "2":
        return SERVICE_PAGE
    if chapter == "8":
        return "voorwaarden/tandarts.md"
    return f"voorwaarden/{_CHAPTER_OF_PACKAGE[chapter]}.md"


def article_anchor(number: str) -> str:
    return "art-" + number.replace(".", "-")


def article_target(number: str, dental_package: str | None = None) -> tuple[str, str]:
    """(page, anchor) of an article; chapter 8 has one article, so a dental package points at its heading."""
    if number == _GLOSSARY_ARTICLE:
        return GLOSSARY_PAGE, "begrippen"
    chapter = number.split(".")[0]
    if chapter == "8" and dental_package:
        return chapter_page(chapter), f"tandartsverzekering-{dental_package}"
    return chapter_page(chapter), article_anchor(number)
