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
