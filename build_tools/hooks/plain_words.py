"""MkDocs hook: no internal words on a visitor's page, and no English ones on a Dutch page.

Listed under `hooks:` in mkdocs.yml. `on_post_page` reads the visible text of every page (no
scripts, styles, tags or attributes) and fails the build, naming the page and the word, when
it finds a field name of the data, an internal note or the debris of a Markdown table; on the
Dutch edition also an English phrase of the sources (visitors there read Dutch and amounts as
"€ 1.234,50"). The edition is the project's `theme.language`; another language fails the build.
"""

from __future__ import annotations

import html
import re

from mkdocs.exceptions import PluginError

# Each pattern with what a visitor should see instead (for the message), in every edition.
FORBIDDEN = (
    (
        re.compile(r"\b(?:unit_max|non_contracted|up_to|not_eligible|unknown_reason|calendar_years?|[a-z]+_en)\b"),
        "plain words",
    ),
    (re.compile(r"\bperiod unstated\b"), "plain words ('no period stated', 'geen periode genoemd')"),
    (re.compile(r"vocabulaire"), "what it means for the visitor"),
    (re.compile(r"\bEUR\s?\d"), "'€ 1.234,50' or '€1,234.50'"),
    (re.compile(r"\b(?:None|null|NaN|undefined)\b|\[object Object\]"), "a value"),
    (re.compile(r"\|\s*[^|\n]+?\s*\|\s*[^|\n]+?\s*\|"), "a table (Markdown debris)"),
)
# English words of the data that a Dutch visitor must not meet (the English edition says them on purpose).
FORBIDDEN_IN = {
    "nl": (
        (re.compile(r"\bperiod\b|\blifetime\b|\bunknown\b"), "plain Dutch ('onbekend', 'looptijd')"),
        (re.compile(r"\bnot on the 2020 overview\b|\bDental (?:Optimaal|Excellent|Primair|Royaal)\b"), "Dutch"),
    ),
    "en": (),
}
_HIDDEN = re.compile(r"<(script|style|template)\b.*?</\1>|<!--.*?-->", re.S | re.I)
_TAG = re.compile(r"<[^>]+>")


def visible_text(page_html: str) -> str:
    return html.unescape(_TAG.sub(" ", _HIDDEN.sub(" ", page_html)))


def on_config(config):
    if config["theme"]["language"] not in FORBIDDEN_IN:
        raise PluginError(
            f"theme.language: expected one of {', '.join(FORBIDDEN_IN)}, got '{config['theme']['language']}'"
        )
    return config


def on_post_page(output: str, page, config) -> str:
    text = visible_text(output)
    for pattern, instead in FORBIDDEN + FORBIDDEN_IN[config["theme"]["language"]]:
        found = pattern.search(text)
        if found:
            around = text[max(0, found.start() - 40) : found.end() + 40].split()
            raise PluginError(
                f"{page.file.src_uri}: '{found.group(0)}' must not reach a visitor (write {instead} instead): "
                f"...{' '.join(around)}..."
            )
    return output
