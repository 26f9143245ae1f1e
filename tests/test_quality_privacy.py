"""Privacy and security: every built page in Chromium sends no request to any origin but the
site's own and works under its Content-Security-Policy (build_tools/hooks/csp.py) with no CSP
violation or console error, also after instant navigation; no inline event handlers and no HTML
sinks in our code; a dozen broken URLs each get a helpful page or message, never a script run.
Prints the crawl's figures."""

from __future__ import annotations

import base64
import hashlib
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
from mkdocs.exceptions import PluginError
from playwright.sync_api import Error as PlaywrightError
from playwright.sync_api import expect
from quality.fixtures import *  # noqa: F403 (Chromium, quality_site, watched)
from quality.fixtures import report_line, share_link

from build_tools.hooks import csp

REPO = Path(__file__).resolve().parents[1]
OWN = "http://127.0.0.1:8000"
PAGE = '<!doctype html><html><head><meta charset="utf-8"><title>t</title>{head}</head><body>{body}</body></html>'
# Ways our JavaScript could turn text into markup or code.
SINKS = re.compile(
    r"innerHTML|outerHTML|insertAdjacentHTML|document\.write|createContextualFragment|DOMParser|srcdoc"
    r"|\beval\(|new Function|setAttribute\(\s*[\"']on|javascript:"
)


# -- The hook ----------------------------------------------------------------------------------


def test_policy_allows_own_origin_pyodide_and_the_pages_own_inline_scripts():
    html = csp.with_policy(PAGE.format(head="<script>var a = 1;\r\n</script>", body=""), OWN)
    meta = re.search(r"<head>\n(<meta [^>]+>)", html).group(1)
    assert meta.startswith('<meta http-equiv="Content-Security-Policy"')
    expected = base64.b64encode(hashlib.sha256(b"var a = 1;\n").digest()).decode()  # CR LF read as LF
    assert f"script-src 'self' 'wasm-unsafe-eval' 'sha256-{expected}';" in meta
    for directive in ("default-src 'self'", "worker-src 'self'", "connect-src 'self'", "img-src 'self' data:"):
        assert directive in meta
    assert "object-src 'none'" in meta and "base-uri 'self'" in meta and "form-action 'self'" in meta
    assert "unsafe-inline" not in meta and "unsafe-eval'" not in meta.replace("wasm-unsafe-eval'", "")


def test_data_blocks_are_not_hashed_and_serve_allows_live_reload():
    html = csp.with_policy(PAGE.format(head='<script type="application/json">{"a": 1}</script>', body=""), OWN)
    assert "sha256" not in html
    served = csp.with_policy(PAGE.format(head="<script>x()</script>", body=""), OWN, serving=True)
    assert "'unsafe-inline'" in served and "sha256" not in served


@pytest.mark.parametrize(
    ("head", "body", "message"),
    [
        ("", '<button onclick="go()">x</button>', "inline event handler onclick="),
        ("", '<a href=" javascript:go()">x</a>', "javascript: URL"),
        ("", '<p style="color: red">x</p>', "inline CSS"),
        ("<style>p {}</style>", "", "inline CSS"),
        ('<script type="text/x-template">x</script>', "", "script type"),
        ('<meta http-equiv="content-security-policy" content="default-src *">', "", "already has"),
        ('<script src="https://cdn.example/x.js"></script>', "", "another origin"),
        ('<link rel="stylesheet" href="//fonts.example/x.css">', "", "another origin"),
        ("", "<head></head>", "2 <head> elements"),
    ],
)
def test_what_the_policy_could_not_honour_stops_the_build(head, body, message):
    with pytest.raises(PluginError, match=re.escape(message)):
        csp.with_policy(PAGE.format(head=head, body=body), OWN)


# -- The built site ----------------------------------------------------------------------------


class _Handlers(HTMLParser):
    def __init__(self):
        super().__init__()
        self.found: list[str] = []
        self.first_in_head: str | None = None
        self._in_head = False

    def handle_starttag(self, tag, attrs):
        if self._in_head and self.first_in_head is None:
            self.first_in_head = f"{tag} {dict(attrs).get('http-equiv')}"
        self._in_head = tag == "head"
        self.found += [f"{name}= on <{tag}>" for name, _ in attrs if name.startswith("on")]


def test_every_built_page_has_the_policy_first_and_no_inline_handler(quality_site):
    pages = sorted(quality_site.root.rglob("*.html"))
    assert len(pages) == len(quality_site.pages()) + len(quality_site.pages("en/"))
    for path in pages:
        scan = _Handlers()
        scan.feed(path.read_text(encoding="utf-8"))
        assert scan.first_in_head == "meta Content-Security-Policy", path
        assert scan.found == [], f"{path}: {scan.found}"


def test_our_javascript_never_turns_text_into_markup_or_code():
    sources = [*sorted((REPO / "docs" / "javascripts").rglob("*.js")), REPO / "docs" / "sw.js"]
    found = [
        f"{path.relative_to(REPO)}:{number}: {line.strip()}"
        for path in sources
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if SINKS.search(line) and not line.lstrip().startswith("//")
    ]
    assert len(sources) > 5 and found == []


# -- In the browser ----------------------------------------------------------------------------


@pytest.mark.browser
@pytest.mark.parametrize("edition", ["", "en/"], ids=["nl", "en"])
def test_crawl_every_page_with_no_request_off_origin_and_no_csp_violation(watched, quality_site, request, edition):
    page, base = watched, quality_site.url
    requests: list[str] = []
    page.context.on("request", lambda r: requests.append(r.url))
    paths = quality_site.pages(edition)
    for path in paths:
        page.goto(base + path, wait_until="networkidle")
        assert page.evaluate("document.head.firstElementChild.httpEquiv") == "Content-Security-Policy", path
        expect(page.locator("article h1").first).to_be_visible()
    if page.url != base + edition:
        page.goto(base + edition, wait_until="networkidle")
    # Instant navigation keeps the first page's policy: every page's own scripts must run under it.
    page.evaluate("window.__sameDocument = true")
    for path in paths[:-1]:  # not 404.html, which no link leads to
        page.evaluate(
            "url => { const a = Object.assign(document.createElement('a'), {href: url}); "
            "document.querySelector('.md-content').append(a); a.click(); }",
            base + path,
        )
        page.wait_for_url(base + path)
        page.wait_for_load_state("networkidle")
    assert page.evaluate("window.__sameDocument") is True, "instant navigation fell back to full page loads"
    w = page.watch
    report_line(
        request,
        f"\ncrawl ({edition or 'nl/'}): {len(paths)} pages loaded and {len(paths) - 1} reached by instant navigation, "
        f"{len(requests)} requests, {len(w.off_origin)} off-origin, {len(w.csp)} CSP violations, "
        f"{len(w.console)} console errors",
    )


@pytest.mark.browser
def test_the_watch_is_not_blind(watched, quality_site):
    """The control: a request off 127.0.0.1 and a blocked inline script are both recorded."""
    page = watched
    page.goto(quality_site.url)
    page.evaluate(
        "document.head.append(Object.assign(document.createElement('script'), {textContent: 'window.ran = 1'}))"
    )
    assert page.evaluate("window.ran") is None
    with pytest.raises(PlaywrightError):
        page.goto("https://tracker.example/pixel.png")
    watch = page.watch
    assert any("script-src" in v for v in watch.csp)
    assert watch.off_origin == ["https://tracker.example/pixel.png"]
    watch.csp.clear(), watch.console.clear(), watch.off_origin.clear()


XSS = "<img src=x onerror=__xss=1>"
BAD = {
    "unknown-page": ("bestaat-niet/", "404"),
    "unknown-package": ("aanvullend/platina/", "404"),
    "old-style-address": ("zorg/kraamzorg/index.htm", "404"),
    "unknown-anchor": ("voorwaarden/primair/#art-99-9", "page"),
    "script-in-search-highlight": ("aanvullend/primair/?h=%3Cimg%20src%3Dx%20onerror%3D__xss%3D1%3E", "page"),
    "script-in-fragment": ("vergelijker/#%3Cscript%3E__xss%3D1%3C/script%3E", "prompt"),
    "share-link-in-query": ("vergelijker/?p=eyJwZXJzb25zIjpbXX0", "prompt"),
    "empty-share-link": ("vergelijker/#p=", "link"),
    "garbage-share-link": ("vergelijker/#p=%%%niet-base64%%%", "link"),
    "truncated-share-link": ("vergelijker/#p=eyJwZXJzb25zIjpbeyJhZ2", "link"),
    "over-long-share-link": (None, "link"),
    "script-as-share-link": ("<script>window.__xss = 1</script>", "link"),
    "not-an-object": ("[1, 2, 3]", "link"),
    "eleven-persons": ({"persons": [{"age": 30}] * 11}, "link"),
    "person-without-care": ({"persons": [{"name": "Ik", "age": 30}]}, "results"),
    "markup-in-a-name": ({"persons": [{"name": XSS, "age": 30, "care": [{"id": "tandarts", "price": 80}]}]}, "results"),
}


def bad_url(base: str, target) -> str:
    if target is None:  # some 700 KB: a name far over the 60 characters allowed
        return share_link(base, {"persons": [{"name": "x" * 500_000, "age": 30}]})
    if isinstance(target, str) and target.startswith(
        ("vergelijker/", "aanvullend/", "zorg/", "voorwaarden/", "bestaat")
    ):
        return base + target
    return share_link(base, target)


@pytest.mark.browser
@pytest.mark.parametrize("case", BAD)
def test_a_broken_url_gets_a_helpful_page_or_message(watched, quality_site, case):
    page, base = watched, quality_site.url
    target, expected = BAD[case]
    url = bad_url(base, target)
    dialogs: list[str] = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    if expected == "404":
        page.watch.missing.add(url)
    response = page.goto(url, wait_until="networkidle")
    if expected == "404":
        assert response.status == 404
        expect(page.locator("article h1")).to_have_text("Pagina niet gevonden")
        expect(page.locator(f"article a[href='{base}']")).to_be_visible()
        expect(page.locator("input.md-search__input")).to_be_attached()
    elif expected == "page":
        expect(page.locator("article h1").first).to_be_visible()
    else:
        results = page.locator("[data-comparator-results]")
        state = {"link": "error", "prompt": "error", "results": "ready"}[expected]
        expect(results).to_have_attribute("data-state", state)
        status = page.locator("p.cmp-status[role=status]").text_content()
        wanted = {"link": "deellink klopt niet", "prompt": "Vul de gegevens", "results": "berekend"}[expected]
        assert wanted in status and "\n" not in status, status
        expect(page.locator(".cmp-form")).to_be_visible()
        if case == "markup-in-a-name":  # shown as text, in the form and in the results
            expect(page.locator('[data-path="persons.0.name"]')).to_have_value(XSS)
            expect(page.locator(".cmp-lines-table")).to_contain_text(XSS)
    assert page.evaluate("window.__xss") is None and dialogs == []
    assert page.locator("img[src='x'], article script").count() == 0
