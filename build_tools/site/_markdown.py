"""Rich text from the YAML rendered with markdown-it-py, with glossary terms linked to Begrippen.

The glossary link carries the definition in its title, which the browser shows on hover. Only
the first use of a term on a page is linked, so text stays readable.
"""

from __future__ import annotations

import html
import re
from typing import Protocol

from markdown_it import MarkdownIt
from markdown_it.rules_core import StateCore
from markdown_it.token import Token

__all__ = ["GlossaryTerm", "LinkTarget", "RichText", "escape"]

# Terms so general that linking them would mark half of every sentence ("verzekering",
# "wij"); their definitions are on the Begrippen page all the same.
_TOO_COMMON_TO_LINK = frozenset(
    {"aanvullende-verzekering", "arts", "verzekering", "verzekerde", "verzekeringnemer", "wij-ons", "zorgverzekeraar"}
)
_TOOLTIP_LENGTH = 180
_ABBREVIATION = re.compile(r"\(([A-Z][A-Za-z]{1,6})\)\s*$")


def escape(text: str) -> str:
    return html.escape(str(text), quote=True)


class LinkTarget(Protocol):
    """What the renderer needs from the page it renders for."""

    used_terms: set[str]

    def glossary_href(self, anchor: str) -> str | None: ...


class GlossaryTerm:
    def __init__(self, term: str, anchor: str, explanation: str, spellings: list[str] | None = None):
        self.term, self.anchor, self.extra = term, anchor, spellings or []
        plain = " ".join(explanation.split())
        if len(plain) > _TOOLTIP_LENGTH:
            plain = plain[:_TOOLTIP_LENGTH].rsplit(" ", 1)[0] + " …"
        self.tooltip = plain

    def spellings(self) -> list[str]:
        """The term itself and, for "Diagnose Behandeling Combinatie (DBC)", also "DBC"."""
        found = [self.term, *self.extra]
        match = _ABBREVIATION.search(self.term)
        if match:
            found.append(match.group(1))
        return found


class RichText:
    def __init__(self, terms: list[GlossaryTerm]):
        self.md = MarkdownIt("commonmark", {"html": True, "typographer": False}).enable("table")
        self.md.core.ruler.push("site_links", self._rewrite_links)
        linkable = [t for t in terms if t.anchor not in _TOO_COMMON_TO_LINK]
        self.by_spelling = {s.lower(): t for t in linkable for s in t.spellings()}
        spellings = sorted(self.by_spelling, key=len, reverse=True)  # longest first: "Medisch specialist"
        # Not inside a word, a web address or an e-mail address.
        self.pattern = (
            re.compile(r"(?<![\w.@/-])(" + "|".join(map(re.escape, spellings)) + r")(?![\w@-]|\.\w)", re.IGNORECASE)
            if spellings
            else None
        )

    def render(self, text: str, page: LinkTarget | None = None) -> str:
        return self.md.render(text or "", {"page": page})

    def render_inline(self, text: str, page: LinkTarget | None = None) -> str:
        return self.md.renderInline(text or "", {"page": page})

    # -- core rule ----------------------------------------------------------------------------
    def _rewrite_links(self, state: StateCore) -> None:
        page = state.env.get("page")
        for token in state.tokens:
            if token.type == "inline" and token.children:
                token.children = self._process_inline(token.children, page)

    def _process_inline(self, children: list[Token], page: LinkTarget | None) -> list[Token]:
        out: list[Token] = []
        links: list[bool] = []  # for each open link: is it a placeholder we drop?
        for child in children:
            if child.type == "link_open":
                # The conditions contain placeholder links "[Zorgzoeker](#)": keep the words only.
                links.append(child.attrGet("href") == "#")
                if links[-1]:
                    continue
            elif child.type == "link_close" and links.pop():
                continue
            in_link = any(not dropped for dropped in links)
            if child.type == "text" and not in_link and page is not None and self.pattern:
                out.extend(self._link_terms(child.content, page))
            else:
                out.append(child)
        return out

    def _link_terms(self, text: str, page: LinkTarget) -> list[Token]:
        tokens, position = [], 0
        for match in self.pattern.finditer(text):
            term = self.by_spelling[match.group(1).lower()]
            href = page.glossary_href(term.anchor)
            if term.anchor in page.used_terms or href is None:
                continue
            page.used_terms.add(term.anchor)
            tokens.append(_text(text[position : match.start()]))
            # data-tip: the explanation for a tap on a phone (javascripts/terms.js); `title` is the
            # browser's hover tooltip.
            tip = escape(term.tooltip)
            opening = f'<a class="pv-term" href="{escape(href)}" title="{tip}" data-tip="{tip}">'
            tokens += [_html(opening), _text(match.group(1)), _html("</a>")]
            position = match.end()
        tokens.append(_text(text[position:]))
        return [t for t in tokens if t.content]


def _text(content: str) -> Token:
    token = Token("text", "", 0)
    token.content = content
    return token


def _html(content: str) -> Token:
    token = Token("html_inline", "", 0)
    token.content = content
    return token
