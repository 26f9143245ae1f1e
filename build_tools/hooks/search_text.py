"""MkDocs hook: words in the search index stay apart.

Listed under `hooks:` in mkdocs.yml. Material's search joins the text of adjacent elements as it
finds it, so `<dt>Voor wie</dt><dd>Vrouwen</dd>` became "Voor wieVrouwen" in a result's snippet.
`on_page_content` puts a space after the end of a block, cell or line break where a tag follows
at once (the browser ignores it there) and a colon after each term, visible only to the index.
`on_post_page` takes what only the index needs out of the page sent to the browser, once the
search plugin has read the page (`on_page_context`): those colons and each benefit's search
words (`<p class="pv-keywords" hidden>`, build_tools/site/_benefit.py). Hidden, they showed
nothing, but a package page had some 260 of them for the browser to style at every load
(Lighthouse, issue 15).
"""

from __future__ import annotations

import re

_BLOCK = r"(?:td|th|dt|dd|dl|li|ul|ol|p|tr|thead|tbody|table|div|details|summary|blockquote|option|h[1-6])"
_BETWEEN = re.compile(rf"(</{_BLOCK}>|<br>)(</?{_BLOCK}\b|<span|<a\b)")
_TERM_END = re.compile(r"(?<!:)</dt>")
_TERM_COLON = "<span hidden>:</span>"
_INDEX_ONLY = re.compile(rf'{re.escape(_TERM_COLON)}|<p class="pv-keywords" hidden>[^<]*</p>')


def on_page_content(html: str, page, config, files) -> str:
    html = _TERM_END.sub(_TERM_COLON + "</dt>", html)
    return _BETWEEN.sub(r"\1 \2", html)


def on_post_page(output: str, page, config) -> str:
    return _INDEX_ONLY.sub("", output)
