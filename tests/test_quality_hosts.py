"""The comparator on hosts that send other content types than Python's server (README, host notes).

Browsers compile WebAssembly while it downloads only when the host sends `application/wasm`, and
run a module script only with a JavaScript type. The built site is served again, on a port of its
own, with one type changed.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from browser.server import free_port, serve
from playwright.sync_api import expect
from quality.fixtures import *  # noqa: F403 (Chromium, quality_site, watched)
from quality.fixtures import share_link

import comparator

pytestmark = pytest.mark.browser

REPO = Path(__file__).resolve().parents[1]
PERSONAS = json.loads((REPO / "docs" / "vergelijker" / "personas.json").read_text(encoding="utf-8"))["personas"]
# The engine in the browser has answered (a persona's answer built with the site shows before it).
READY = '[data-comparator-results][data-state="ready"][data-answer="live"]'


def test_a_host_that_gzips_serves_the_comparator(watched, quality_site):
    """The reference host (gzip for text, JSON and wasm; long caching for ?v= files): the browser
    unzips, the engine computes the CLI's figures."""
    page, profile = watched, PERSONAS[1]["profile"]
    with serve(quality_site.root, free_port(), compress=True) as base:
        page.goto(share_link(base, profile))
        page.wait_for_selector(READY, timeout=30_000)
        shown = page.eval_on_selector_all("[data-av]", "rows => rows.map(r => r.dataset.reimbursed)")
        assert shown == [f"{r['reimbursed']:.2f}" for r in comparator.compare(profile)["results"]]


def test_the_wasm_started_in_the_head_is_downloaded_once(watched_with_http_cache, quality_site):
    """The page's <head> starts the wasm's download; the bridge must compile that response, not
    start a second download of 2 MB. (With routes, as `watched` has, Playwright turns the cache
    off and every fetch is a download.)"""
    page, wasm = watched_with_http_cache, []
    page.context.on(
        "request",
        lambda request: (
            request.url.endswith("/pyodide.asm.wasm") and not request.service_worker and wasm.append(request)
        ),
    )  # the service worker's copy for offline visits aside
    with serve(quality_site.root, free_port(), compress=True) as base:
        page.goto(share_link(base, PERSONAS[1]["profile"]))
        page.wait_for_selector(READY, timeout=30_000)
    assert len(wasm) == 1, [(request.resource_type, request.frame.url) for request in wasm]


def test_wasm_sent_as_octet_stream_is_compiled_from_its_bytes(watched, quality_site):
    page, profile = watched, PERSONAS[0]["profile"]
    with serve(quality_site.root, free_port(), types={".wasm": "application/octet-stream"}) as base:
        page.goto(share_link(base, profile))
        page.wait_for_selector(READY, timeout=20_000)
        shown = page.eval_on_selector_all("[data-av]", "rows => rows.map(r => r.dataset.reimbursed)")
        assert shown == [f"{r['reimbursed']:.2f}" for r in comparator.compare(profile)["results"]]


def test_a_module_sent_with_another_type_gives_a_dutch_message(watched, quality_site):
    """pyodide.mjs as application/octet-stream: the browser refuses to run it."""
    page = watched
    with serve(quality_site.root, free_port(), types={".mjs": "application/octet-stream"}) as base:
        page.goto(share_link(base, PERSONAS[0]["profile"]))
        expect(page.locator('[data-comparator-results][data-state="error"] .cmp-status')).to_have_text(
            "De rekenmodule kon niet starten (een van haar bestanden laadde niet)."
            " Herlaad de pagina; de tabellen elders op de site werken ook zonder.",
            timeout=20_000,
        )


REFUSED = {
    "": "De scripts van deze pagina konden niet laden, dus de vergelijker kan hier niet rekenen."
    " De tabellen elders op de site werken zonder: alle vergoedingen staan in de vergelijkingstabel.",
    "en/": "This page's scripts could not be loaded, so the comparator cannot compute here."
    " The tables elsewhere on the site work without them: all reimbursements are in the comparison table.",
}


@pytest.mark.parametrize("edition", ["", "en/"], ids=["nl", "en"])
def test_scripts_sent_as_text_plain_give_a_message_in_the_pages_language(watched, quality_site, edition):
    """A host that sends .js as text/plain: the browser refuses every module script, so none of the
    comparator's code runs. Its page says so in its language, loaded or reached by Material's
    instant navigation (a classic script, which still runs), instead of loading forever."""
    page = watched
    refused, loading = page.locator(".cmp-refused"), page.locator(".cmp-boot")
    with serve(quality_site.root, free_port(), types={".js": "text/plain"}) as base:
        page.goto(f"{base}{edition}vergelijker/")
        expect(refused).to_be_visible(timeout=10_000)
        expect(refused).to_have_text(REFUSED[edition])
        expect(loading).to_be_hidden()

        # Material navigates in place to the URLs of the sitemap, which name the site's own port.
        page.route(
            "**/sitemap.xml",
            lambda route: route.fulfill(
                response=(sitemap := route.fetch()), body=sitemap.text().replace(quality_site.url, base)
            ),
        )
        page.goto(f"{base}{edition}")
        page.evaluate("window.sameDocument = true")
        page.locator('.md-content a.md-button--primary[href$="/vergelijker/"]').click()
        page.wait_for_url(f"{base}{edition}vergelijker/")
        expect(refused).to_be_visible(timeout=10_000)
        expect(loading).to_be_hidden()
        assert page.evaluate("window.sameDocument"), "not reached by instant navigation"
    # What the refusals themselves log: the modules, the service worker and Material's search worker.
    watch = page.watch
    watch.console = [m for m in watch.console if "MIME type" not in m or "text/plain" not in m]
    watch.errors = [e for e in watch.errors if not e.startswith("Failed to execute 'importScripts'")]
