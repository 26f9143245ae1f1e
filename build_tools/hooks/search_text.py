"""MkDocs hook: words in the search index stay apart.

Listed under `hooks:` in mkdocs.yml. Material's search joins the text of adjacent elements as it
finds it, so `<dt>Voor wie</dt><dd>Vrouwen</dd>` became "Voor wieVrouwen" in a result's snippet.
`on_page_content` puts a space after the end of a block, cell or line break where a tag follows
at once (the browser ignores it there) and a colon after each term, visible only to the index.
"""

from __future__ import annotations

import re

_BLOCK = r"(?:td|th|dt|dd|dl|li|ul|ol|p|tr|thead|tbody|table|div|details|summary|blockquote|option|h[1-6])"
_BETWEEN = re.compile(rf"(</{_BLOCK}>|<br>)(</?{_BLOCK}\b|<span|<a\b)")
_TERM_END = re.compile(r"(?<!:)</dt>")


def on_page_content(html: str, page, config, files) -> str:
    html = _TERM_END.sub("<span hidden>:</span></dt>", html)
    return _BETWEEN.sub(r"\1 \2", html)
