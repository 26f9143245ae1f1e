"""The conditions document, parsed with markdown-it-py into numbered article sections of plain text."""

from __future__ import annotations

import dataclasses
import re
from functools import cache
from pathlib import Path

from markdown_it import MarkdownIt

__all__ = ["Section", "SourceDocument", "normalise", "parse_conditions", "read_plain"]

# "Artikel 3.1 ...", "3.2.1 ...", "1.5.2.1", "3. Aanvullende Verzekering Primair"
_NUMBERED = re.compile(r"^(?:Artikel\s+)?(\d+(?:\.\d+)*)\.?(?:\s|$)")
_HTML_TAG = re.compile(r"<[^>]+>")


def normalise(text: str) -> str:
    """Whitespace collapsed, typographic quotes and dashes made plain: the form quotes are compared in."""
    text = text.replace("\u2019", "'").replace("\u2018", "'").replace("\u201c", '"').replace("\u201d", '"')
    text = text.replace("\u2013", "-").replace("\u2014", "-").replace("\u00a0", " ")
    text = _HTML_TAG.sub("", text)
    return " ".join(text.split())


@dataclasses.dataclass
class Section:
    number: str  # "3.2.1"; a chapter is "3"
    title: str
    blocks: list[str] = dataclasses.field(default_factory=list)  # own text, sub-sections excluded
    headings: list[str] = dataclasses.field(default_factory=list)  # unnumbered headings inside it


@dataclasses.dataclass
class SourceDocument:
    sections: dict[str, Section]  # in document order

    def text_of(self, number: str) -> str:
        """The plain text of an article with all its sub-articles, normalised."""
        prefix = number + "."
        parts = [
            " ".join(section.blocks)
            for key, section in self.sections.items()
            if key == number or key.startswith(prefix)
        ]
        return normalise(" ".join(parts))

    def has(self, number: str) -> bool:
        return number in self.sections

    def headings_in_chapters(self, chapters: set[str]) -> list[Section]:
        """Every numbered article and sub-article heading of the given chapters (chapters excluded)."""
        return [s for k, s in self.sections.items() if k.split(".")[0] in chapters and "." in k]


def _inline_text(token) -> str:
    out = []
    for child in token.children or []:
        if child.type in ("text", "code_inline"):
            out.append(child.content)
        elif child.type in ("softbreak", "hardbreak"):
            out.append(" ")
        elif child.type == "html_inline":
            continue
    return "".join(out)


def read_plain(markdown: str) -> list[tuple[str, int, str]]:
    """Blocks of a markdown text as (kind, heading level or 0, plain text)."""
    tokens = MarkdownIt("commonmark").parse(markdown)
    blocks = []
    for index, token in enumerate(tokens):
        if token.type != "inline":
            continue
        opener = tokens[index - 1]
        level = int(opener.tag[1]) if opener.type == "heading_open" else 0
        blocks.append(("heading" if level else "text", level, _inline_text(token)))
    return blocks


@cache
def parse_conditions(path: Path) -> SourceDocument:
    sections: dict[str, Section] = {}
    current = Section("0", "Voorblad")
    sections["0"] = current
    for kind, _level, text in read_plain(path.read_text(encoding="utf-8")):
        text = text.strip()
        if kind == "heading":
            match = _NUMBERED.match(text)
            if match:
                number = match.group(1)
                current = sections.setdefault(number, Section(number, text[match.end() :].strip()))
                continue
            current.headings.append(text)
        current.blocks.append(text)
    return SourceDocument(sections)
