"""MkDocs hook: no internal or English words on a visitor's page.

Listed under `hooks:` in mkdocs.yml. `on_post_page` reads the visible text of every page (no
scripts, styles, tags or attributes) and fails the build, naming the page and the word, when
it finds a field name of the data, an internal note, an English phrase of the sources or the
debris of a Markdown table. Visitors read Dutch and amounts as "€ 1.234,50".
"""

from __future__ import annotations

import html
import re

from mkdocs.exceptions import PluginError

# Each pattern with what a visitor should see instead (for the message).
FORBIDDEN = (
    (re.compile(r"\b(?:unit_max|non_contracted|up_to|not_eligible|unknown_reason|calendar_years?)\b"), "plain Dutch"),
    (re.compile(r"\bperiod(?: unstated)?\b|\blifetime\b|\bunknown\b"), "plain Dutch ('onbekend', 'looptijd')"),
    (re.compile(r"\bnot on the 2020 overview\b|\bDental (?:Optimaal|Excellent|Primair|Royaal)\b"), "Dutch"),
    (re.compile(r"vocabulaire"), "what it means for the visitor"),
    (re.compile(r"\bEUR\s?\d"), "'€ 1.234,50'"),
    (re.compile(r"\b(?:None|null|NaN|undefined)\b|\[object Object\]"), "a value"),
    (re.compile(r"\|\s*[^|\n]+?\s*\|\s*[^|\n]+?\s*\|"), "a table (Markdown debris)"),
)
_HIDDEN = re.compile(r"<(script|style|template)\b.*?</\1>|<!--.*?-->", re.S | re.I)
_TAG = re.compile(r"<[^>]+>")


def visible_text(page_html: str) -> str:
    return html.unescape(_TAG.sub(" ", _HIDDEN.sub(" ", page_html)))


def on_post_page(output: str, page, config) -> str:
    text = visible_text(output)
    for pattern, instead in FORBIDDEN:
        found = pattern.search(text)
        if found:
            around = text[max(0, found.start() - 40) : found.end() + 40].split()
            raise PluginError(
                f"{page.file.src_uri}: '{found.group(0)}' must not reach a visitor (write {instead} instead): "
                f"...{' '.join(around)}..."
            )
    return output
