"""Offline after the first visit: the service worker (docs/sw.js, registered by
docs/javascripts/offline.js) keeps the site and, once the comparator has run, its Python runtime.
A first visit in Chromium, then the server stopped and the browser offline: pages, search, the
404 page and the comparator with a share link still work, and the comparator is not slower."""

from __future__ import annotations

import contextlib
import json
import re
from pathlib import Path

import pytest
from browser.polling import wait_until
from browser.server import free_port, serve
from playwright.sync_api import expect
from quality.fixtures import *  # noqa: F403 (Chromium, quality_site, watched)
from quality.fixtures import report_line, share_link

import comparator

pytestmark = pytest.mark.browser

REPO = Path(__file__).resolve().parents[1]
PERSONAS = json.loads((REPO / "docs" / "vergelijker" / "personas.json").read_text(encoding="utf-8"))["personas"]
# The engine in the browser has answered (a persona's answer built with the site shows before it).
READY = '[data-comparator-results][data-state="ready"][data-answer="live"]'
RESULTS_AT = "performance.getEntriesByName('comparator:results')[0].startTime"
ALL_KEPT = "async (urls) => (await Promise.all(urls.map((u) => caches.match(u)))).every(Boolean)"


@pytest.fixture
def origin(quality_site):
    """The built site on a port of its own (a new origin: no service worker yet) and a way to stop it."""
    with contextlib.ExitStack() as stack:
        url = stack.enter_context(serve(quality_site.root, free_port()))
        yield url, stack.close


def manifest(site_root: Path) -> dict:
    match = re.search(r"^const BUILD = (\{.*\});$", (site_root / "sw.js").read_text(encoding="utf-8"), flags=re.M)
    assert match, "sw.js has no list of files: is build_tools/hooks/csp.py in mkdocs.yml hooks?"
    return json.loads(match.group(1))


def shown(page) -> list[tuple]:
    return page.eval_on_selector_all(
        "[data-av]", "rows => rows.map(r => [r.dataset.av, r.dataset.dental, r.dataset.reimbursed])"
    )


def expected(profile: dict) -> list[tuple]:
    results = comparator.compare(profile)["results"]
    return [[r["av"], r["dental"] or "", f"{r['reimbursed']:.2f}"] for r in results]


def test_a_returning_visitor_gets_the_site_and_the_comparator_offline(watched, quality_site, origin, request):
    page, (base, stop_server) = watched, origin
    files = manifest(quality_site.root)
    page.goto(base)
    page.wait_for_function("() => navigator.serviceWorker.controller !== null")  # a function: CSP forbids eval
    wait_until(page, ALL_KEPT, [base + path for path in files["site"]])

    first_link = share_link(base, PERSONAS[2]["profile"])
    page.goto(first_link)
    page.wait_for_selector(READY)
    first_ms = page.evaluate(RESULTS_AT)
    wait_until(page, ALL_KEPT, [base + path for path in files["comparator"]], timeout_ms=60_000)

    stop_server()
    page.context.set_offline(True)
    page.goto("about:blank")
    page.goto(first_link)
    page.wait_for_selector(READY)
    repeat_ms = page.evaluate(RESULTS_AT)
    assert shown(page) == expected(PERSONAS[2]["profile"])

    other = PERSONAS[3]["profile"]  # computed now, offline: not a result kept from before
    page.goto("about:blank")  # a new page load: only the fragment changes otherwise, and READY holds already
    page.goto(share_link(base, other))
    page.wait_for_selector(READY)
    assert shown(page) == expected(other)

    for path, title in [
        ("", "Wat vergoeden"),
        ("aanvullend/excellent/", "Excellent"),
        ("zorg/kraamzorg/", "kraamzorg"),
    ]:
        page.goto(base + path)
        expect(page.locator("article h1").first).to_contain_text(title)
    page.keyboard.press("/")
    page.keyboard.type("beugel")
    expect(page.locator(".md-search-result__item").first).to_contain_text("Orthodontie")
    page.goto(base + "bestaat-niet/")
    expect(page.locator("article h1")).to_have_text("Pagina niet gevonden")

    report_line(request, f"\ncomparator results: first visit {first_ms:.0f} ms, offline repeat {repeat_ms:.0f} ms")
    assert repeat_ms < first_ms, (
        f"offline repeat ({repeat_ms:.0f} ms) not faster than the first visit ({first_ms:.0f} ms)"
    )


def test_a_visitor_who_leaves_the_comparator_at_once_has_it_offline(watched, quality_site, origin):
    """The first visit ends as soon as the results are there: the service worker, registered only
    then, keeps the comparator all the same."""
    page, (base, stop_server) = watched, origin
    files = manifest(quality_site.root)
    link = share_link(base, PERSONAS[1]["profile"])
    page.goto(link)
    page.wait_for_selector(READY)
    page.goto(base)
    page.wait_for_function("() => navigator.serviceWorker.controller !== null")
    wait_until(page, ALL_KEPT, [base + path for path in files["site"] + files["comparator"]], timeout_ms=60_000)

    stop_server()
    page.context.set_offline(True)
    page.goto(link)
    page.wait_for_selector(READY)
    assert shown(page) == expected(PERSONAS[1]["profile"])


def test_offline_a_comparator_never_used_says_why_it_is_missing(watched, quality_site, origin):
    page, (base, stop_server) = watched, origin
    page.goto(base)
    page.wait_for_function("() => navigator.serviceWorker.controller !== null")
    wait_until(page, ALL_KEPT, [base + path for path in manifest(quality_site.root)["site"]])

    stop_server()
    page.context.set_offline(True)
    page.watch.missing |= {f"{base}assets/comparator/{name}" for name in ("build.js", "pyodide/pyodide.asm.wasm")}
    page.goto(share_link(base, PERSONAS[1]["profile"]))
    expect(page.locator('[data-comparator-results][data-state="error"]')).to_have_text(
        "Zonder internetverbinding werkt de vergelijker pas nadat u hem een keer met verbinding hebt gebruikt."
        " De tabellen elders op de site werken wel."
    )


def test_a_new_service_worker_keeps_only_this_builds_snapshot(watched, quality_site, origin):
    """The comparator's worker keeps the snapshot it made in a cache of its own, filed under the
    engine wheel's URL; a new build's service worker removes an earlier build's and leaves this build's."""
    page, (base, _stop_server) = watched, origin
    files = manifest(quality_site.root)
    current = base + next(path for path in files["comparator"] if ".whl?v=" in path)
    earlier = base + current.removeprefix(base).split("?")[0] + "?v=000000000000"
    blank = '<!doctype html><title>blank</title><link rel="icon" href="data:,">'
    page.route(base + "blank", lambda route: route.fulfill(content_type="text/html", body=blank))
    page.goto(base + "blank")  # the origin, before any service worker
    page.evaluate(
        "async (urls) => { const cache = await caches.open('aanvullend-2020-engine');"
        " for (const url of urls) await cache.put(url, new Response('kept')); }",
        [current, earlier],
    )
    page.goto(base)
    page.wait_for_function("() => navigator.serviceWorker.controller !== null")
    kept = page.evaluate("async () => (await (await caches.open('aanvullend-2020-engine')).keys()).map((r) => r.url)")
    assert kept == [current]


def test_a_new_build_replaces_the_old_cache(quality_site):
    """The version changes with any listed file, and only the comparator's files wait for its use."""
    files = manifest(quality_site.root)
    assert re.fullmatch(r"[0-9a-f]{16}", files["version"])
    assert "./" in files["site"] and "404.html" in files["site"] and "search/search_index.json" in files["site"]
    assert all(path.startswith("assets/comparator/") for path in files["comparator"])
    assert any(path.endswith("pyodide.asm.wasm") for path in files["comparator"])
    assert not any(path.endswith(".map") for path in files["site"])


def test_an_english_visitor_gets_the_english_edition_offline(watched, quality_site, origin):
    """The English edition registers its own worker (scope en/) with its own list: pages and search."""
    page, (base, stop_server) = watched, origin
    files = manifest(quality_site.root / "en")
    page.goto(base + "en/")
    page.wait_for_function("() => navigator.serviceWorker.controller !== null")
    wait_until(page, ALL_KEPT, [base + "en/" + path for path in files["site"]])
    stop_server()
    page.context.set_offline(True)
    for path, title in [("en/", "What do"), ("en/zorg/orthodontie/", "Orthodontics")]:
        page.goto(base + path)
        expect(page.locator("article h1").first).to_contain_text(title)
    page.keyboard.press("/")
    page.keyboard.type("braces")
    expect(page.locator(".md-search-result__item").first).to_contain_text("Orthodontics")
