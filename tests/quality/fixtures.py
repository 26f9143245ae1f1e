"""pytest fixtures of the quality gates: the built site served like a static host, a watched page,
axe-core and share links.

    from quality.fixtures import *  # in a test module (also brings Debian's Chromium)

`watched` is a page whose test fails afterwards on any request to another origin (pages, their
workers and the service worker, seen through the context's request events: a service worker's
responses bypass routes), any CSP violation, console error or uncaught error in the context.
`watched_with_http_cache` is the same without routes, which would turn the HTTP cache off.
"""

from __future__ import annotations

import base64
import json
import os
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from browser.fixtures import browser_type_launch_args
from browser.server import free_port, serve
from browser.site import REPO, build_site

__all__ = [
    "AXE",
    "Site",
    "axe_violations",
    "browser_type_launch_args",
    "quality_site",
    "report_line",
    "share_link",
    "watched",
    "watched_with_http_cache",
]

AXE = REPO / "node_modules" / "axe-core" / "axe.min.js"
NOT_LOADED = "Failed to load resource: "  # then the status (404) or the network error
# Reports every CSP violation to the test (bindings and init scripts are not subject to the page's policy).
CSP_LISTENER = """addEventListener("securitypolicyviolation", (e) =>
  window.__cspViolation(`${e.effectiveDirective} blocked ${e.blockedURI || "inline"} on ${e.documentURI}`), true);"""


@dataclass
class Site:
    root: Path
    url: str

    def pages(self, edition: str = "") -> list[str]:
        """Every page of one edition ("" the Dutch one at the root, "en/" the English one) as a URL
        path relative to the site's root ("" is home), its 404 page last."""
        home = self.root / edition
        found = [p.relative_to(self.root).parent.as_posix() + "/" for p in home.rglob("index.html")]
        found = [path for path in found if edition or not path.startswith("en/")]
        return sorted(("" if path == "./" else path) for path in found) + [edition + "404.html"]


@pytest.fixture(scope="session")
def quality_site(tmp_path_factory) -> Site:
    """The site built once (mkdocs build --strict) and served on 127.0.0.1 with a real 404."""
    port = free_port()
    root = build_site(tmp_path_factory.mktemp("quality-site"), f"http://127.0.0.1:{port}/")
    with serve(root, port) as url:
        yield Site(root, url)


@dataclass
class Watch:
    off_origin: list[str] = field(default_factory=list)
    csp: list[str] = field(default_factory=list)
    console: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    missing: set[str] = field(default_factory=set)  # URLs a test expects not to load (a 404, offline)

    def on_console(self, message) -> None:
        if message.type != "error":
            return
        if message.text.startswith(NOT_LOADED) and message.location.get("url") in self.missing:
            return
        self.console.append(f"{message.text} ({message.location.get('url')})")

    def problems(self) -> list[str]:
        return (
            [f"request off 127.0.0.1: {u}" for u in self.off_origin]
            + [f"CSP violation: {v}" for v in self.csp]
            + [f"console error: {m}" for m in self.console]
            + [f"uncaught error: {e}" for e in self.errors]
        )


def _watched_page(context, abort_off_origin: bool):
    """A new page of `context`, with Watch recording; see `watched`."""
    watch = Watch()

    def route(route):
        url = route.request.url
        if url.startswith(("data:", "blob:")) or urlsplit(url).hostname == "127.0.0.1":
            route.continue_()
        else:
            route.abort()

    def request(request):
        url = request.url
        if not url.startswith(("data:", "blob:")) and urlsplit(url).hostname != "127.0.0.1":
            watch.off_origin.append(url)

    if abort_off_origin:
        context.route("**/*", route)
    context.on("request", request)
    context.on("console", watch.on_console)
    context.on("weberror", lambda error: watch.errors.append(str(error.error)))
    context.expose_binding("__cspViolation", lambda _source, text: watch.csp.append(text))
    context.add_init_script(CSP_LISTENER)
    page = context.new_page()
    page.set_default_timeout(float(os.environ.get("BROWSER_TIMEOUT_MS", "30000")))
    page.watch = watch
    return page


@pytest.fixture
def watched(context, quality_site):
    """A page on the quality site; the test fails on anything Watch records (see the module)."""
    page = _watched_page(context, abort_off_origin=True)
    yield page
    assert not page.watch.problems(), "\n".join(page.watch.problems())


@pytest.fixture
def watched_with_http_cache(context):
    """Like `watched`, with the browser's HTTP cache at work: Playwright turns it off in a context
    with routes, so off-origin requests are recorded (the test fails on them) but not aborted;
    Chromium's host-resolver rule (LAUNCH_ARGS) keeps every other host unreachable anyway."""
    page = _watched_page(context, abort_off_origin=False)
    yield page
    assert not page.watch.problems(), "\n".join(page.watch.problems())


def axe_violations(page) -> list[dict]:
    """axe-core's violations on the whole document: [{id, impact, help, count, targets}]."""
    if not AXE.is_file():
        pytest.fail(f"{AXE} is missing: run `npm ci` (make setup) to install the pinned axe-core")
    page.evaluate(AXE.read_text(encoding="utf-8"))
    return page.evaluate(
        """async () => (await axe.run(document, { resultTypes: ["violations"] })).violations.map((v) => ({
          id: v.id, impact: v.impact, help: v.help, count: v.nodes.length,
          targets: v.nodes.slice(0, 3).map((n) => n.target.join(" ")) }))"""
    )


def share_link(site_url: str, profile) -> str:
    """vergelijker/#p= + the profile JSON (or any text), UTF-8, base64url without padding."""
    text = profile if isinstance(profile, str) else json.dumps(profile, ensure_ascii=False)
    return f"{site_url}vergelijker/#p=" + base64.urlsafe_b64encode(text.encode()).decode().rstrip("=")


def report_line(request, text: str) -> None:
    """Print a figure in pytest's output, outside the captured output of the test."""
    reporter = request.config.pluginmanager.get_plugin("terminalreporter")
    capture = request.config.pluginmanager.get_plugin("capturemanager")
    if reporter and capture:
        with capture.global_and_fixture_disabled():
            reporter.write_line(text)
