"""MkDocs hook: a Content-Security-Policy on every page, and the list of files the service worker keeps.

on_post_page (on_post_template for 404.html) puts `<meta http-equiv="Content-Security-Policy">`
first in each page's <head>. It allows this site's own origin only, plus what Pyodide needs
('wasm-unsafe-eval' to compile WebAssembly, workers from the site) and the sha256 hash of each
inline script of that page (Material writes a few; instant navigation runs a new page's scripts
under the first page's policy, which holds since they are the same on every page). What the
policy could not honour stops the build with the page's name:
an inline event handler, a `javascript:` URL, inline CSS, a script or stylesheet from another
origin, a script type it does not know, a policy already in the page, no single <head>.

on_post_build writes the service worker's list of files (docs/sw.js, registered by
docs/javascripts/offline.js) and a version derived from their content into site/sw.js: a new
build is a new cache. Under `mkdocs serve` (on_startup) the policy allows inline scripts instead
of hashing them, because live reload injects one per response, and sw.js is left without a list,
so it caches nothing and a worker left from a built site removes itself.
"""

from __future__ import annotations

import base64
import hashlib
import json
import re
import sys
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urlsplit

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

# Loaded by file path: make the repository importable even without an installed package.
_REPO = Path(__file__).resolve().parents[2]
if str(_REPO) not in sys.path:
    sys.path.insert(0, str(_REPO))

from build_tools.browser import SIBLING  # noqa: E402
from build_tools.site import EDITIONS, edition_of  # noqa: E402

# Scripts the browser runs (hashed when inline) and data blocks it never runs (left alone).
RUN = {"", "text/javascript", "application/javascript", "module", "importmap", "speculationrules"}
DATA = {"application/json", "application/ld+json"}
# Elements that load what the policy governs (tag, attribute); <link> by its rel.
LOADS = {("script", "src"), ("img", "src"), ("iframe", "src"), ("embed", "src"), ("object", "data")}
LOADED_LINKS = {"stylesheet", "preload", "modulepreload", "icon", "manifest", "prefetch"}
URL_ATTRIBUTES = {"href", "src", "action", "formaction", "data", "xlink:href"}
SW_MARKER = "const BUILD = null;"
COMPARATOR = "assets/comparator/"
LUNR = "assets/javascripts/lunr/"

_state = {"serving": False}


def policy(script_hashes: list[str], serving: bool = False) -> str:
    """The policy text for a page whose inline scripts have these sha256 hashes (base64)."""
    inline = ["'unsafe-inline'"] if serving else [f"'sha256-{h}'" for h in script_hashes]
    directives = [
        ("default-src", ["'self'"]),
        ("script-src", ["'self'", "'wasm-unsafe-eval'", *inline]),
        ("worker-src", ["'self'"]),
        ("connect-src", ["'self'"]),
        ("img-src", ["'self'", "data:"]),
        # Material and our CSS are files; scripts set styles through the CSSOM only, which a
        # policy does not govern, so no 'unsafe-inline' (on_post_page rejects style="" and <style>).
        ("style-src", ["'self'"]),
        ("object-src", ["'none'"]),
        ("base-uri", ["'self'"]),
        ("form-action", ["'self'"]),
    ]
    return "; ".join(" ".join([name, *sources]) for name, sources in directives)


def script_hash(text: str) -> str:
    """What the browser hashes: the script's text, newlines normalised as the HTML parser does."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode("ascii")


def _off_site(url: str, own: str) -> bool:
    parts = urlsplit(url.strip())
    if url.strip().startswith("//") or parts.scheme in ("http", "https"):
        return f"{parts.scheme or 'http'}://{parts.netloc}" != own
    return parts.scheme not in ("", "data")


class _Scan(HTMLParser):
    """Collects a page's <head> count, the inline scripts it runs and what a policy could not honour."""

    def __init__(self, own_origin: str):
        super().__init__(convert_charrefs=True)
        self.own = own_origin
        self.heads = 0
        self.scripts: list[str] = []  # the text of each inline script the browser runs
        self.problems: list[str] = []
        self._script: list[str] | None = None

    def problem(self, message: str) -> None:
        self.problems.append(f"line {self.getpos()[0]}: {message}")

    def handle_starttag(self, tag, attrs):
        self.handle_startendtag(tag, attrs)
        values = dict(attrs)
        if tag == "script" and "src" not in values and (values.get("type") or "").lower() in RUN:
            self._script = []

    def handle_startendtag(self, tag, attrs):
        values = {name: value or "" for name, value in attrs}
        self.heads += tag == "head"
        for name, value in values.items():
            if name.startswith("on"):
                self.problem(f"inline event handler {name}= on <{tag}>")
            if name in URL_ATTRIBUTES and re.sub(r"[\s\x00-\x1f]", "", value).lower().startswith("javascript:"):
                self.problem(f"javascript: URL in {name}= on <{tag}>")
        if "style" in values or tag == "style":
            self.problem(f"inline CSS on <{tag}> (style-src has no 'unsafe-inline')")
        if tag == "meta" and values.get("http-equiv", "").lower() == "content-security-policy":
            self.problem("the page already has a Content-Security-Policy")
        if tag == "script" and values.get("type", "").lower() not in RUN | DATA:
            self.problem(f"script type {values['type']!r} is neither JavaScript nor a known data block")
        rels = set(values.get("rel", "").lower().split())
        for attribute, value in values.items():
            loads = (tag, attribute) in LOADS or (tag == "link" and attribute == "href" and rels & LOADED_LINKS)
            if loads and _off_site(value, self.own):
                self.problem(f"<{tag} {attribute}={value!r}> loads from another origin")

    def handle_data(self, data):
        if self._script is not None:
            self._script.append(data)

    def handle_endtag(self, tag):
        if tag == "script" and self._script is not None:
            self.scripts.append("".join(self._script))
            self._script = None


def with_policy(html: str, own_origin: str, serving: bool = False) -> str:
    """The page with its policy first in <head>; PluginError naming every problem found."""
    scan = _Scan(own_origin)
    scan.feed(html)
    scan.close()
    head = re.search(r"<head(\s[^>]*)?>", html, flags=re.I)
    if scan.heads != 1 or head is None:
        scan.problems.append(f"{scan.heads} <head> elements, expected 1")
    if scan.problems:
        raise PluginError("\n".join(scan.problems))
    content = policy([script_hash(text) for text in scan.scripts], serving)
    page = f'{html[: head.end()]}\n<meta http-equiv="Content-Security-Policy" content="{content}">{html[head.end() :]}'
    charset = re.search(r"<meta\s+charset=[^>]*>", page, flags=re.I)
    if charset is None or len(page[: charset.end()].encode("utf-8")) > 1024:
        raise PluginError("<meta charset> must end within the first 1024 bytes, after the policy")
    return page


def on_startup(command, dirty):
    _state["serving"] = command == "serve"


@event_priority(-100)  # after every other hook or plugin that edits the page
def on_post_page(output, page, config):
    return _protect(output, page.file.src_uri, config)


@event_priority(-100)
def on_post_template(output_content, template_name, config):
    """Theme pages without a source, such as 404.html (sitemap.xml is left alone)."""
    return _protect(output_content, template_name, config) if template_name.endswith(".html") else output_content


def _protect(html: str, name: str, config) -> str:
    own = "{0.scheme}://{0.netloc}".format(urlsplit(config.site_url or "http://127.0.0.1:8000/"))
    try:
        return with_policy(html, own, _state["serving"])
    except PluginError as error:
        raise PluginError(f"Content-Security-Policy for {name}:\n{error}") from None


@event_priority(-100)  # after the comparator's assets are written
def on_post_build(config):
    if _state["serving"]:
        return
    site = Path(config.site_dir)
    worker = site / "sw.js"
    text = worker.read_text(encoding="utf-8") if worker.is_file() else ""
    if text.count(SW_MARKER) != 1:
        raise PluginError(f"{worker} must hold the line {SW_MARKER!r} once (see docs/sw.js)")
    # Each edition has its own worker and list (docs/javascripts/offline.js registers the sw.js of
    # the edition it runs in): the root's leaves out the English edition's folder, and the reverse.
    others = [folder for lang, folder in EDITIONS.items() if folder and lang != edition_of(config)]
    build = offline_files(site, _search_languages(config), others)
    worker.write_text(text.replace(SW_MARKER, f"const BUILD = {json.dumps(build)};"), encoding="utf-8")


def _search_languages(config) -> list[str]:
    search = next((plugin for name, plugin in config.plugins.items() if name.endswith("search")), None)
    return list(search.config.lang or []) if search else []


def offline_files(site: Path, languages: list[str], other_editions: list[str] = ()) -> dict:
    """{"version", "site": [...], "comparator": [...]}: URLs relative to the site root.

    "site" is cached when the worker installs: every page and what pages load, with the sitemap
    that instant navigation reads (not source maps, not lunr's other languages). "comparator"
    (assets/comparator/, some 16 MB) is cached once the comparator has been used, by the URLs it
    requests: with the `?v=` its build.js gives. The version hashes the listed files' content and
    nothing else, so that two checkouts of one commit build one version: a file with a `?v=` counts
    by its URL (a compiled file's bytes differ from one compile to the next; build.js, which names
    it, counts too), sitemap.xml by its name only (it holds the build's date).
    """
    lunr = {"min/lunr.stemmer.support.min.js"} | {f"min/lunr.{lang}.min.js" for lang in languages if lang != "en"}
    lunr |= {"min/lunr.multi.min.js"} if len(languages) > 1 else set()
    lunr |= {"tinyseg.js"} if "ja" in languages else set()
    lunr |= {"wordcut.js"} if {"hi", "th"} & set(languages) else set()
    manifest = site / COMPARATOR / "build.js"
    versioned = dict(re.findall(r'"([^"?]+)(\?v=[0-9a-f]+)"', manifest.read_text()) if manifest.is_file() else [])
    digest = hashlib.sha256()
    groups: dict[str, list[str]] = {"site": [], "comparator": []}
    for path in sorted(p for p in site.rglob("*") if p.is_file()):
        name = path.relative_to(site).as_posix()
        skipped = name.endswith((".map", SIBLING))  # a pre-compressed sibling reaches the browser as its file
        if name in ("sw.js", "sitemap.xml.gz") or skipped or name.startswith(tuple(other_editions)):
            continue
        if name.startswith(LUNR) and name.removeprefix(LUNR) not in lunr:
            continue
        if name.startswith(COMPARATOR):
            url = name + versioned.get(name.removeprefix(COMPARATOR), "")
            groups["comparator"].append(url)
        else:
            url = name.removesuffix("index.html") or "./"
            groups["site"].append(url)
        content = b"" if "?v=" in url or name == "sitemap.xml" else path.read_bytes()
        digest.update(url.encode() + b"\0" + content + b"\0")
    return {"version": digest.hexdigest()[:16], **groups}
