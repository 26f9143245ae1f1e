"""MkDocs hook: brotli siblings of the site's scripts, stylesheets and JSON (the search index), for
hosts that serve `NAME.br` to a browser that accepts brotli (README: host settings).

Runs after every other hook that writes into this edition (its priority). Skipped: the comparator's
runtime folder (comparator_assets.py writes its siblings at brotli's best quality), Material's
search language files (one small file of them is loaded) and the English edition's folder (its
own build writes its siblings).
"""

from __future__ import annotations

import sys
from pathlib import Path

if str(_ROOT := Path(__file__).resolve().parents[2]) not in sys.path:
    sys.path.insert(0, str(_ROOT))  # the repository, when the project is not installed into the venv

from mkdocs.plugins import event_priority

from build_tools.browser import text_siblings

SKIP = ("assets/comparator/pyodide/", "assets/javascripts/lunr/", "en/")


@event_priority(-150)  # after csp.py writes sw.js (-100), before editions.py builds en/ (-200)
def on_post_build(config):
    text_siblings(Path(config.site_dir), SKIP)
