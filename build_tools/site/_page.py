"""Writing one generated page: headings with fixed anchors, HTML blocks, and links that are checked.

Generated pages are Markdown headings (so MkDocs builds the table of contents and the search
sections) with HTML blocks between them. MkDocs does not check links inside HTML, so every link
goes through a `LinkBook`, and the build fails when one points at a page or anchor that does
not exist.
"""

from __future__ import annotations

import posixpath

from ._markdown import RichText, escape

__all__ = ["GLOSSARY_PAGE", "LinkBook", "PageWriter", "page_url", "relative_url"]

GLOSSARY_PAGE = "begrippen.md"


def page_url(path: str) -> str:
    """The directory URL MkDocs gives a page: "zorg/kuuroord.md" -> "zorg/kuuroord/", "index.md" -> ""."""
    stem = path[: -len(".md")]
    if stem == "index":
        return ""
    if stem.endswith("/index"):
        return stem[: -len("index")]
    return stem + "/"


def relative_url(from_path: str, to_path: str, anchor: str | None = None) -> str:
    start = page_url(from_path) or "."
    target = page_url(to_path) or "."
    url = posixpath.relpath(target, start)
    url = "./" if url == "." else url + "/"
    return url + (f"#{anchor}" if anchor else "")


class LinkBook:
    """Every page and anchor the generator makes, and every link it writes, checked at the end."""

    def __init__(self) -> None:
        self.anchors: dict[str, set[str]] = {}
        self.links: list[tuple[str, str, str | None]] = []
        self.duplicates: list[str] = []

    def declare(self, path: str, anchor: str | None = None) -> None:
        anchors = self.anchors.setdefault(path, set())
        if anchor is not None:
            if anchor in anchors:
                self.duplicates.append(f"{path}: anchor '#{anchor}' is generated twice")
            anchors.add(anchor)

    def link(self, from_path: str, to_path: str, anchor: str | None = None) -> str:
        self.links.append((from_path, to_path, anchor))
        return relative_url(from_path, to_path, anchor)

    def problems(self, other_pages: set[str]) -> list[str]:
        """Broken links; `other_pages` exist (hand-written) but their anchors are not known here."""
        found = list(self.duplicates)
        for from_path, to_path, anchor in self.links:
            if to_path in self.anchors:
                if anchor and anchor not in self.anchors[to_path]:
                    found.append(f"{from_path}: link to {to_path}#{anchor}, which is not generated")
            elif to_path not in other_pages:
                found.append(f"{from_path}: link to {to_path}, which does not exist")
        return sorted(set(found))


class PageWriter:
    def __init__(
        self,
        path: str,
        title: str,
        book: LinkBook,
        rich: RichText,
        meta: dict | None = None,
        used_terms: set[str] | None = None,
    ):
        self.path, self.title, self.book, self.rich = path, title, book, rich
        self.used_terms = set() if used_terms is None else used_terms  # shared by fragments of one page
        self.blocks: list[str] = []
        book.declare(path)
        front = {"title": title, **(meta or {})}
        self.front_matter = "---\n" + "".join(f"{k}: {_yaml_value(v)}\n" for k, v in front.items()) + "---"

    # -- links ------------------------------------------------------------------------------
    def href(self, to_path: str, anchor: str | None = None) -> str:
        return escape(self.book.link(self.path, to_path, anchor))

    def glossary_href(self, anchor: str) -> str | None:
        if self.path == GLOSSARY_PAGE:
            return None
        return self.book.link(self.path, GLOSSARY_PAGE, anchor)

    def a(self, text: str, to_path: str, anchor: str | None = None) -> str:
        return f'<a href="{self.href(to_path, anchor)}">{escape(text)}</a>'

    # -- content ----------------------------------------------------------------------------
    def heading(self, level: int, text: str, anchor: str) -> None:
        self.book.declare(self.path, anchor)
        self.blocks.append(f"{'#' * level} {_markdown_escape(text)} {{ #{anchor} }}")

    def html(self, markup: str) -> None:
        """One HTML block; blank lines inside would end it early in Python-Markdown, so none."""
        if markup.strip():
            self.blocks.append("\n".join(line for line in markup.splitlines() if line.strip()))

    def md(self, text: str) -> str:
        return self.rich.render(text, self)

    def md_inline(self, text: str) -> str:
        return self.rich.render_inline(text, self)

    def markdown(self) -> str:
        """A whole generated page: front matter, title, blocks."""
        return "\n\n".join([self.front_matter, f"# {_markdown_escape(self.title)}", *self.blocks]) + "\n"

    def fragment(self) -> str:
        """Only the blocks: what a directive puts into a hand-written page."""
        return "\n\n".join(self.blocks)


def _markdown_escape(text: str) -> str:
    for char in "\\`*_[]<>#":
        text = text.replace(char, "\\" + char)
    return text


def _yaml_value(value) -> str:
    if isinstance(value, str):
        return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'
    if isinstance(value, dict):
        return "{" + ", ".join(f"{k}: {_yaml_value(v)}" for k, v in value.items()) + "}"
    if isinstance(value, list):
        return "[" + ", ".join(_yaml_value(v) for v in value) + "]"
    return str(value).lower() if isinstance(value, bool) else str(value)
