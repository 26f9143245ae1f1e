"""The comparator page (vergelijker/) in Debian's Chromium, served from the built site on 127.0.0.1.

Every test runs in a guarded page (tests/browser/fixtures.py): a request to any other host, a
console error or an uncaught error fails it. The engine's figures are checked through the
contract's data-* hooks against the CPython engine for the same profile.
"""

from __future__ import annotations

import base64
import hashlib
import json
import re
import urllib.error
import urllib.request
from decimal import Decimal
from pathlib import Path

import pytest
from browser.fixtures import *  # noqa: F403 (fixtures: Chromium, the served site, guarded pages)
from browser.polling import wait_until

import comparator

pytestmark = pytest.mark.browser

REPO = Path(__file__).resolve().parent.parent
PERSONAS = json.loads((REPO / "docs" / "vergelijker" / "personas.json").read_text(encoding="utf-8"))["personas"]
RESULTS = "[data-comparator-results]"
# The engine in the browser has answered (a persona's answer built with the site shows before it).
READY = '[data-comparator-results][data-state="ready"][data-answer="live"]'
MARKS = "performance.getEntriesByName('comparator:results').length"
# The snapshot the worker made and kept in Cache Storage (docs/javascripts/comparator/worker.js), as
# [[url, the standard library it was made with]], once it is the one entry and whole.
KEPT = """async () => {
  const cache = await caches.open("aanvullend-2020-engine");
  const kept = [];
  for (const request of await cache.keys()) {
    const response = await cache.match(request);
    const whole = String((await response.blob()).size) === response.headers.get("X-Size");
    kept.push([request.url, whole && response.headers.get("X-Made-With")]);
  }
  return kept.length === 1 && kept[0][1] ? kept : null;
}"""


@pytest.fixture(scope="module", autouse=True)
def comparator_assets(site_url):
    """Fail fast (not 20 timeouts) when the site was built without the comparator's hook."""
    try:
        urllib.request.urlopen(f"{site_url}assets/comparator/build.js").close()
    except urllib.error.HTTPError:
        pytest.fail(
            "the site has no assets/comparator/: add build_tools/hooks/comparator_assets.py to mkdocs.yml hooks"
        )


def built_assets(site_url: str) -> dict:
    """assets/comparator/build.js: the comparator's file names."""
    text = urllib.request.urlopen(f"{site_url}assets/comparator/build.js").read().decode()
    return json.loads(text[text.index("{") : text.rindex("}") + 1])


def fragment(profile) -> str:
    text = profile if isinstance(profile, str) else json.dumps(profile, ensure_ascii=False)
    return "#p=" + base64.urlsafe_b64encode(text.encode()).decode().rstrip("=")


def open_comparator(page, site_url: str, hash_: str = "") -> None:
    page.goto(f"{site_url}vergelijker/{hash_}")
    page.wait_for_selector(".cmp-form")


def results_after(page, action) -> None:
    """Run `action` and wait for the results it causes to be drawn.

    wait_for_function gets functions, never bare expressions: the page's CSP forbids eval.
    """
    before = page.evaluate(MARKS)
    action()
    page.wait_for_function(f"() => {MARKS} > {before}")
    page.wait_for_selector(READY)


def shown(page) -> list[dict]:
    return page.eval_on_selector_all("[data-av]", "rows => rows.map(row => ({...row.dataset}))")


def expected(profile: dict) -> list[dict]:
    def plain(amount):
        return "" if amount is None else f"{amount:.2f}"

    return [
        {
            "av": r["av"],
            "dental": r["dental"] or "",
            "reimbursed": plain(r["reimbursed"]),
            "outOfPocket": plain(r["out_of_pocket"]),
            "premiumYear": plain(r["premium_year"]),
            "totalYear": plain(r["total_year"]),
            "complete": "true" if r["complete"] else "false",
        }
        for r in comparator.compare(profile)["results"]
    ]


def tab_to(page, selector: str, limit: int = 300) -> None:
    """Press Tab until the element matching `selector` has the focus."""
    for _ in range(limit):
        if page.evaluate("s => document.activeElement?.matches(s)", selector):
            return
        page.keyboard.press("Tab")
    raise AssertionError(f"Tab never reached {selector}")


@pytest.mark.parametrize("persona", PERSONAS, ids=[p["id"] for p in PERSONAS])
def test_persona_matches_the_cpython_engine(guarded_page, site_url, persona):
    page = guarded_page
    open_comparator(page, site_url)
    results_after(page, lambda: page.click(f'button[data-persona="{persona["id"]}"]'))
    assert shown(page) == expected(persona["profile"])
    lines = sum(len(person["care"]) for person in persona["profile"]["persons"])
    assert page.locator(".cmp-lines-table tbody tr").count() == lines
    assert page.locator(".cmp-detail li a").count() == lines * len(shown(page))


def own_household(persona: dict) -> dict:
    """A persona's household one year older: no answer is built for it, only the engine gives one."""
    profile = json.loads(json.dumps(persona["profile"]))
    profile["persons"][0]["age"] += 1
    return profile


RUNTIME = "**/assets/comparator/pyodide/pyodide.mjs"  # held back, the engine stays starting


def hold_back(page, *patterns: str) -> list:
    """Requests matching `patterns` wait until release(held): what they load does not arrive."""
    held = []
    for pattern in patterns:
        page.context.route(pattern, lambda route: held.append(route))
    return held


def release(held: list) -> None:
    for route in held:
        route.continue_()


def test_the_search_index_waits_for_the_engine_then_search_works(guarded_page, site_url):
    """On the comparator's page Material's request for the search index waits until the engine has
    started (early.js): on a phone's link the two would share it."""
    page, asked = guarded_page, []
    page.context.on("request", lambda request: asked.append(request.url))
    held = hold_back(page, RUNTIME)
    page.goto(f"{site_url}vergelijker/{fragment(own_household(PERSONAS[0]))}")
    wait_until(page, "() => window.document$ !== undefined")  # Material's script has run
    wait_until(page, "() => performance.getEntriesByType('resource').some((e) => e.name.includes('/workers/search'))")
    page.wait_for_timeout(300)  # Material asks for the index while it starts its search worker
    # (search-on-demand.js, which imports Material's own)
    assert not [url for url in asked if url.endswith("/search/search_index.json")]
    release(held)
    page.wait_for_selector(READY)
    page.keyboard.press("/")  # Material's shortcut to the search field
    page.keyboard.type("beugel")
    page.locator(".md-search-result__item").first.wait_for()
    assert "Orthodontie" in page.locator(".md-search-result__item").first.text_content()


def test_loading_state_is_shown_then_ready(guarded_page, site_url):
    page, profile = guarded_page, own_household(PERSONAS[0])
    page.goto(f"{site_url}vergelijker/{fragment(profile)}")
    page.wait_for_selector('[data-comparator-results][data-state="loading"]', state="attached")
    assert page.locator(".cmp-loading progress").count() == 1
    page.wait_for_selector(READY)
    assert page.locator(".cmp-loading").is_hidden()
    assert page.get_attribute(RESULTS, "data-engine-start") == "fresh"  # a first visit ships no snapshot
    assert shown(page) == expected(profile)


def test_a_share_link_shows_its_household_before_the_engine_has_started(guarded_page, site_url):
    page, profile = guarded_page, own_household(PERSONAS[2])
    held = hold_back(page, RUNTIME)
    page.goto(f"{site_url}vergelijker/{fragment(profile)}")
    page.wait_for_function("() => document.querySelector('[data-path=\"persons.0.age\"]')")
    for index, person in enumerate(profile["persons"]):
        assert page.input_value(f'[data-path="persons.{index}.age"]') == str(person["age"])
    assert page.locator(f'[data-path="persons.{len(profile["persons"])}.age"]').count() == 0
    assert page.get_attribute(RESULTS, "data-state") == "loading"
    assert page.input_value(".cmp-share-link") == f"{site_url}vergelijker/{fragment(profile)}"
    release(held)
    page.wait_for_selector(READY)
    assert shown(page) == expected(profile)


BUILT = '[data-comparator-results][data-state="ready"][data-answer="built"]'
BUILT_NOTE = "Dit voorbeeld is vooraf berekend, met dezelfde rekenregels; uw browser rekent het nu na."


def test_a_persona_link_shows_the_answer_built_with_the_site_until_the_engine_confirms_it(guarded_page, site_url):
    """Also before Material's script has arrived: the comparator is drawn as soon as its own code
    and data are here."""
    page, profile = guarded_page, PERSONAS[2]["profile"]
    held = hold_back(page, RUNTIME, "**/assets/javascripts/bundle.*.min.js")
    page.goto(f"{site_url}vergelijker/{fragment(profile)}", wait_until="commit")
    page.wait_for_selector(BUILT)
    assert page.evaluate("window.document$ === undefined")  # Material's script has not run
    assert shown(page) == expected(profile)
    assert BUILT_NOTE in page.text_content(".cmp-status")
    assert page.locator(".cmp-loading").is_visible()  # the engine is still starting, and says so
    assert page.evaluate(MARKS) == 0
    release(held)
    page.wait_for_selector(READY)
    assert shown(page) == expected(profile)
    assert BUILT_NOTE not in page.text_content(".cmp-status")


def test_a_persona_button_shows_its_built_answer_while_the_engine_starts(guarded_page, site_url):
    page, persona = guarded_page, PERSONAS[4]
    held = hold_back(page, RUNTIME)
    open_comparator(page, site_url)
    page.click(f'button[data-persona="{persona["id"]}"]')
    page.wait_for_selector(BUILT)
    assert shown(page) == expected(persona["profile"])
    page.fill('[data-path="persons.0.age"]', "70")  # no longer the persona's household: wait for the engine
    page.wait_for_selector('[data-comparator-results][data-state="loading"]')
    assert shown(page) == []
    release(held)
    page.wait_for_selector(READY)
    assert shown(page) == expected({**persona["profile"], "persons": [{**persona["profile"]["persons"][0], "age": 70}]})


def test_a_repeat_visit_starts_from_the_snapshot_the_first_one_kept(guarded_page, site_url):
    page = guarded_page
    assets = built_assets(site_url)
    link = f"{site_url}vergelijker/{fragment(PERSONAS[0]['profile'])}"
    page.goto(link)
    page.wait_for_selector(READY)
    kept = wait_until(page, KEPT)
    assert kept == [[f"{site_url}assets/comparator/{assets['wheel']}", assets["stdlib"]]]

    page.goto("about:blank")
    page.goto(link)
    page.wait_for_selector(READY)
    assert page.get_attribute(RESULTS, "data-engine-start") == "snapshot"
    assert shown(page) == expected(PERSONAS[0]["profile"])
    results_after(page, lambda: page.click(f'button[data-persona="{PERSONAS[2]["id"]}"]'))
    assert shown(page) == expected(PERSONAS[2]["profile"])


def keep_in_engine_cache(page, site_url: str, body: str, headers: dict) -> None:
    """Put `body` where the worker looks for its kept snapshot."""
    page.goto(f"{site_url}404.html")  # a page of the site's origin, for its Cache Storage
    page.evaluate(
        "async ([url, body, headers]) =>"
        " (await caches.open('aanvullend-2020-engine')).put(url, new Response(body, { headers }))",
        [f"{site_url}assets/comparator/{built_assets(site_url)['wheel']}", body, headers],
    )


def test_a_kept_snapshot_pyodide_refuses_falls_back_to_an_ordinary_start(guarded_page, site_url):
    """Whole, but made by another runtime build (its build id changed): Pyodide refuses it, Python
    starts the ordinary way and a new snapshot replaces it."""
    page = guarded_page
    link = f"{site_url}vergelijker/{fragment(PERSONAS[1]['profile'])}"
    page.goto(link)
    page.wait_for_selector(READY)
    [[url, _]] = wait_until(page, KEPT)
    page.evaluate(
        """async (url) => {
          const cache = await caches.open("aanvullend-2020-engine");
          const response = await cache.match(url);
          const bytes = new Uint8Array(await response.arrayBuffer());
          bytes[16] ^= 0xff; // the first byte of the build id in Pyodide's snapshot header
          await cache.put(url, new Response(bytes, { headers: response.headers }));
        }""",
        url,
    )
    page.goto("about:blank")
    page.goto(link)
    page.wait_for_selector(READY)
    assert page.get_attribute(RESULTS, "data-engine-start") == "fresh"
    assert shown(page) == expected(PERSONAS[1]["profile"])


@pytest.mark.parametrize(
    "headers",
    [{}, {"X-Made-With": "pyodide/python_stdlib.zip?v=000000000000", "X-Size": "7"}, {"X-Size": "3"}],
    ids=["no headers", "another standard library", "cut short"],
)
def test_a_kept_snapshot_that_does_not_fit_is_replaced(guarded_page, site_url, headers):
    page = guarded_page
    headers = {"X-Made-With": built_assets(site_url)["stdlib"], **headers} if "X-Size" in headers else headers
    keep_in_engine_cache(page, site_url, "damaged", headers)
    open_comparator(page, site_url, fragment(PERSONAS[1]["profile"]))
    page.wait_for_selector(READY)
    assert page.get_attribute(RESULTS, "data-engine-start") == "fresh"
    assert shown(page) == expected(PERSONAS[1]["profile"])
    wait_until(page, KEPT)


def test_the_page_starts_one_engine(guarded_page, site_url):
    """The comparator's page loads its script twice (early from <head>, and at the end of <body>
    like every page): one module, one worker."""
    page = guarded_page
    workers: list[str] = []
    page.on("worker", lambda worker: workers.append(worker.url))
    open_comparator(page, site_url, fragment(PERSONAS[2]["profile"]))
    page.wait_for_selector(READY)
    assert [url for url in workers if "/javascripts/comparator/" in url] == [
        f"{site_url}javascripts/comparator/worker.js"
    ]


def test_share_link_round_trip(guarded_page, site_url):
    page = guarded_page
    open_comparator(page, site_url)
    results_after(page, lambda: page.click('button[data-persona="gezin"]'))
    page.fill('[data-path="persons.1.care.1.count"]', "9")
    page.wait_for_function("() => document.querySelector('[data-path=\"persons.1.care.1.count\"]').value === '9'")
    page.wait_for_function(f"() => {MARKS} >= 2")
    page.wait_for_selector(READY)
    link = page.input_value(".cmp-share-link")
    assert link.startswith(f"{site_url}vergelijker/#p=") and "=" not in link.split("#p=")[1]
    code = link.split("#p=")[1]
    profile = json.loads(base64.urlsafe_b64decode(code + "=" * (-len(code) % 4)).decode())
    assert profile["persons"][1]["care"][1] == {"id": "fysiotherapie", "count": 9, "price": 35}
    before = shown(page)
    assert before == expected(profile)

    other = page.context.new_page()
    other.goto(link)
    other.wait_for_selector(READY)
    assert shown(other) == before
    assert other.input_value('[data-path="persons.1.name"]') == "Lisa"
    assert other.input_value('[data-path="persons.1.care.1.count"]') == "9"
    assert other.input_value(".cmp-share-link") == link
    other.close()


# Words of the engine's English messages (comparator contract); the page shows its Dutch ones only.
ENGLISH = re.compile(r"\b(must|got|expected|unknown|field|required|valid|profile|persons|care|whole|number|nested)\b")


@pytest.mark.parametrize(
    ("hash_", "message"),
    [
        ("#p=%%%not-base64%%%", "base64url"),
        ("#p=" + "A" * 5, "base64url"),
        (fragment("{not json"), "Deze deellink klopt niet. Het profiel is geen geldige JSON (regel 1, kolom 2)."),
        (
            fragment({"persons": [{"age": 300}]}),
            "Deze deellink klopt niet. Persoon 1, leeftijd: moet een heel getal van 0 tot en met 120 zijn; gegeven: 300.",
        ),
        (
            fragment({"persons": [{"age": 30, "care": [{"id": "bestaat-niet", "price": 1}]}]}),
            "Persoon 1, zorgregel 1, soort zorg: moet een soort zorg uit de lijst van de vergelijker zijn",
        ),
        # Out of Decimal's reach in Pyodide's 32-bit build: it was a Python traceback on the page.
        (fragment('{"persons": [{"age": 1e999999999}]}'), "Persoon 1, leeftijd:"),
        (fragment('{"persons": [{"age": ' + "9" * 100_000 + "}]}"), "gegeven: " + "9" * 37 + "..."),
        (fragment('{"persons": [{"age": 30, "name": "\\ud800"}]}'), "Persoon 1, naam: moet geldige tekst zijn"),
        # Deep JSON was a fatal error in Pyodide: the engine never answered again.
        (fragment("[" * 100_000 + "]" * 100_000), "Het profiel: mag hoogstens 32 lagen diep genest zijn"),
    ],
    ids=[
        "not-base64",
        "truncated",
        "not-json",
        "bad-age",
        "unknown-care-id",
        "exponent",
        "100000-digits",
        "surrogate",
        "deep",
    ],
)
def test_broken_link_shows_one_dutch_line_and_keeps_the_form_usable(guarded_page, site_url, hash_, message):
    page = guarded_page
    open_comparator(page, site_url, hash_)
    page.wait_for_selector('[data-comparator-results][data-state="error"]')
    page.wait_for_function("() => document.querySelector('.cmp-status').textContent.includes('deellink')")
    status = page.text_content(".cmp-status")
    assert message in status and "\n" not in status and len(status) < 300, status
    assert not ENGLISH.search(status), status
    assert page.locator("[data-av]").count() == 0
    results_after(page, lambda: page.fill('[data-path="persons.0.age"]', "40"))
    assert shown(page) == expected({"persons": [{"age": 40}]})


def test_the_same_package_table_is_labelled_for_what_it_is_and_names_no_cheapest(guarded_page, site_url):
    """The household's cheapest plan is the answer card's; the table where everyone holds the same
    package says so, and none of its rows is called the cheapest (Optimaal's premium is unknown too)."""
    page = guarded_page
    profile = next(p["profile"] for p in PERSONAS if p["id"] == "gezin")
    open_comparator(page, site_url, fragment(profile))
    page.wait_for_selector(READY)
    results = comparator.compare(profile)["results"]
    assert page.text_content(".cmp-combinations-summary") == (
        f"{len(results)} combinaties berekend. Hier neemt iedereen in het huishouden hetzelfde pakket; "
        "een kind volgt de ouder."
    )
    assert page.text_content(".cmp-summary caption").startswith("Als iedereen hetzelfde pakket neemt")
    assert "oedkoopst" not in page.text_content(".cmp-output")
    assert page.locator(".cmp-chart-row--cheapest, .cmp-summary .cmp-cheapest").count() == 0
    # One cheapest figure on the page: the card's, also in the sticky summary.
    top = comparator.best_plans(profile, 1)["plans"][0]
    assert page.text_content(".cmp-sticky-text") == f"Goedkoopst: {euro_nl(top['total_year'])} per jaar"


def test_markup_in_a_name_is_shown_as_text(guarded_page, site_url):
    page = guarded_page
    dialogs = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    name = "<img src=x onerror=alert(1)>"
    profile = {"persons": [{"name": name, "age": 30, "care": [{"id": "fysiotherapie", "count": 2, "price": 30}]}]}
    open_comparator(page, site_url, fragment(profile))
    page.wait_for_selector(READY)
    assert page.locator("img[src='x']").count() == 0
    assert page.input_value('[data-path="persons.0.name"]') == name
    assert name in page.text_content(".cmp-person legend")
    assert name in page.text_content(".cmp-lines-table")
    results_after(page, lambda: page.fill('[data-path="persons.0.name"]', name + "<script>alert(2)</script>"))
    assert page.locator("img[src='x'], .cmp script").count() == 0
    assert dialogs == []


def test_invalid_input_is_explained_inline_and_never_computed(guarded_page, site_url):
    page = guarded_page
    open_comparator(page, site_url)
    results_after(page, lambda: page.click('button[data-persona="fysiotherapie"]'))
    marks = page.evaluate(MARKS)
    price = '[data-path="persons.0.care.0.price"]'
    page.fill(price, "35,505")
    page.wait_for_selector('[data-comparator-results][data-state="error"]')
    error = page.locator(f"#{page.get_attribute(price, 'aria-describedby').split()[-1]}")
    assert page.get_attribute(price, "aria-invalid") == "true"
    assert "hoogstens 2 decimalen" in error.text_content()
    page.fill('[data-path="persons.0.care.0.count"]', "367")
    page.fill('[data-path="persons.0.age"]', "121")
    page.wait_for_timeout(300)
    assert page.evaluate(MARKS) == marks  # nothing reached the engine
    assert page.locator("[data-av]").count() == 0
    page.fill('[data-path="persons.0.age"]', "52")
    page.fill('[data-path="persons.0.care.0.count"]', "30")
    results_after(page, lambda: page.fill(price, "35,50"))
    profile = {
        "persons": [
            {"name": "Peter", "age": 52, "sex": "male", "care": [{"id": "fysiotherapie", "count": 30, "price": 35.5}]}
        ]
    }
    assert shown(page) == expected(profile)


def test_keyboard_only_flow(guarded_page, site_url):
    page = guarded_page
    page.context.grant_permissions(["clipboard-read", "clipboard-write"])
    open_comparator(page, site_url)
    tab_to(page, '[data-path="persons.0.name"]')
    page.keyboard.type("Ik")
    page.keyboard.press("Tab")
    page.keyboard.type("34")
    tab_to(page, '[data-search="0"]')
    page.keyboard.type("fysio")
    page.keyboard.press("Enter")  # adds the one care type found; focus moves to its first field
    page.wait_for_function("() => document.activeElement?.dataset.path === 'persons.0.care.0.count'")
    page.keyboard.press("Control+A")
    page.keyboard.type("12")
    page.keyboard.press("Tab")
    page.keyboard.press("Control+A")
    results_after(page, lambda: page.keyboard.type("40"))
    profile = {"persons": [{"name": "Ik", "age": 34, "care": [{"id": "fysiotherapie", "count": 12, "price": 40}]}]}
    assert shown(page) == expected(profile)

    tab_to(page, ".cmp-share button")
    page.keyboard.press("Enter")
    page.wait_for_function(
        "() => document.querySelector('.cmp-share [role=status]').textContent.includes('gekopieerd')"
    )
    assert page.evaluate("navigator.clipboard.readText()") == page.input_value(".cmp-share-link")

    page.keyboard.press("Shift+Tab")
    tab_to(page, f'button[data-persona="{PERSONAS[3]["id"]}"]')
    results_after(page, lambda: page.keyboard.press("Enter"))
    assert shown(page) == expected(PERSONAS[3]["profile"])


def test_no_request_leaves_the_machine_and_the_worker_is_watched(guarded_page, site_url):
    page = guarded_page
    requests: list[str] = []
    page.on("request", lambda request: requests.append(request.url))
    open_comparator(page, site_url, fragment(PERSONAS[5]["profile"]))
    page.wait_for_selector(READY)
    assert all(url.startswith(site_url) or url.startswith(("data:", "blob:")) for url in requests), requests
    assert any("/assets/comparator/comparator-" in url for url in requests), "the worker's requests are not seen"
    assert any(url.split("?")[0].endswith("python_stdlib.zip") for url in requests)
    assert page.guard.blocked == []


def test_instant_navigation_mounts_the_comparator(guarded_page, site_url):
    page = guarded_page
    page.goto(f"{site_url}vergelijkingstabel/")
    page.locator("a[href$='vergelijker/']:visible").first.click()
    page.wait_for_selector(".cmp-form")
    results_after(page, lambda: page.click(f'button[data-persona="{PERSONAS[4]["id"]}"]'))
    assert shown(page) == expected(PERSONAS[4]["profile"])


def test_article_links_lead_to_the_article(guarded_page, site_url):
    page = guarded_page
    open_comparator(page, site_url, fragment(PERSONAS[2]["profile"]))
    page.wait_for_selector(READY)
    link = page.locator(".cmp-detail li a").first
    href = link.get_attribute("href")
    anchor = href.split("#")[1]
    page.goto(href)
    assert page.locator(f"[id='{anchor}']").count() == 1


def test_phone_layout_and_print(guarded_page, site_url):
    page = guarded_page
    page.set_viewport_size({"width": 390, "height": 844})
    open_comparator(page, site_url, fragment(PERSONAS[1]["profile"]))
    page.wait_for_selector(READY)
    assert page.evaluate("document.documentElement.scrollWidth <= document.documentElement.clientWidth")
    heading = ".cmp-results h2"
    # A share link lands on the answer (tests/test_comparator_page_journey.py); from the top of the
    # page the answer is far below, and one tap brings it.
    page.wait_for_function(f"() => document.activeElement === document.querySelector('{heading}')")
    page.evaluate("document.activeElement.blur(); scrollTo(0, 0)")
    assert page.evaluate(f"document.querySelector('{heading}').getBoundingClientRect().top > innerHeight")
    page.click("button.cmp-jump")  # "Naar de uitkomst", below the examples
    assert page.evaluate(f"document.activeElement === document.querySelector('{heading}')")
    box = page.evaluate(
        f"(() => {{ const r = document.querySelector('{heading}').getBoundingClientRect(); return [r.top, r.bottom]; }})()"
    )
    header = page.evaluate("document.querySelector('.md-header').getBoundingClientRect().bottom")
    assert header <= box[0] and box[1] <= 844, (header, box)
    page.emulate_media(media="print")
    assert page.locator(".cmp-form").is_hidden()
    assert page.locator(".cmp-summary").is_visible()
    page.emulate_media(media="screen")


def test_the_result_tables_on_a_phone_and_on_a_desktop(guarded_page, site_url):
    page = guarded_page
    page.set_viewport_size({"width": 390, "height": 844})
    open_comparator(page, site_url, fragment(PERSONAS[1]["profile"]))
    page.wait_for_selector(READY)
    box = ".cmp-summary"
    fits = f"(() => {{ const s = document.querySelector('{box}').parentElement; return s.scrollWidth <= s.clientWidth; }})()"
    # per row: does the premium sit below the combination's name (a block) or beside it (a table)?
    below = f"[...document.querySelectorAll('{box} tbody tr')].map((r) => r.cells[2].offsetTop > r.cells[0].offsetTop)"
    assert page.evaluate(fits)
    assert all(page.evaluate(below))
    assert page.locator(f"{box} .cmp-cell-label").first.is_visible()
    assert page.get_attribute(box, "role") == "table"  # still a table for screen readers

    # the per-line table: every cell and its caption inside the screen, each combination's figure
    # shown under its name (from the engine), the highest still bold, still a table for screen readers
    lines = ".cmp-lines-table"
    outside = f"""[...document.querySelectorAll('{lines} caption, {lines} tbody th, {lines} tbody td, {lines} .cmp-amount')]
      .map((c) => c.getBoundingClientRect()).filter((r) => r.left < 0 || r.right > innerWidth).length"""
    assert page.evaluate(outside) == 0
    cells = page.evaluate(f"""[...document.querySelectorAll('{lines} tbody tr')].map((row) => [...row.cells].slice(1)
      .map((td) => [getComputedStyle(td, '::before').content, td.querySelector('.cmp-amount').innerText,
                    td.classList.contains('cmp-best'), getComputedStyle(td.querySelector('.cmp-amount')).fontWeight]))""")
    results = comparator.compare(PERSONAS[1]["profile"])["results"]
    engine = [
        [r["persons"][p]["lines"][n] for r in results]
        for p, person in enumerate(results[0]["persons"])
        for n in range(len(person["lines"]))
    ]
    assert len(cells) == len(engine) > 0
    for row, lines_of in zip(cells, engine, strict=True):
        top = max(line["reimbursed"] for line in lines_of)
        differs = min(line["reimbursed"] for line in lines_of) != top
        for (label, amount, best, weight), r, line in zip(row, results, lines_of, strict=True):
            name = (
                f"{r['av'].capitalize()} + tandarts {r['dental'].capitalize()}"
                if r["dental"]
                else f"{r['av'].capitalize()}, zonder tandarts"
            )
            assert label.startswith(f'"{name}"')  # and ' / ""': screen readers have the header
            assert amount == ("onbekend" if line["status"] == "unknown" else euro_nl(Decimal(str(line["reimbursed"]))))
            assert best == (differs and line["reimbursed"] == top) and (int(weight) >= 700) == best, (name, line)
    assert page.locator(f"{lines} .cmp-amount").first.is_visible()
    assert page.get_attribute(lines, "role") == "table" and page.locator(f"{lines} td[role=cell]").count() > 0

    page.set_viewport_size({"width": 1280, "height": 900})
    assert not any(page.evaluate(below))
    assert page.locator(f"{box} .cmp-cell-label").first.is_hidden()
    assert page.locator(f"{box} thead").is_visible()
    assert page.locator(f"{lines} thead").is_visible()  # a table again: one row per care line
    tops = f"[...document.querySelectorAll('{lines} tbody tr')].map((r) => new Set([...r.cells].map((c) => Math.round(c.getBoundingClientRect().top))).size)"
    assert set(page.evaluate(tops)) == {1}


def test_no_accessibility_violations_with_results(guarded_page, site_url):
    page = guarded_page
    open_comparator(page, site_url, fragment(PERSONAS[1]["profile"]))
    page.wait_for_selector(READY)
    page.evaluate((REPO / "node_modules" / "axe-core" / "axe.min.js").read_text(encoding="utf-8"))
    result = page.evaluate("axe.run(document.querySelector('.cmp'), {resultTypes: ['violations']})")
    found = [f"{v['impact']} {v['id']}: {v['help']} ({len(v['nodes'])}x)" for v in result["violations"]]
    assert found == []


def test_works_under_the_content_security_policy(guarded_page, site_url):
    """Only this origin, 'wasm-unsafe-eval' and the hashes of the page's inline scripts (Material's),
    no inline styles: a CSP violation would be a console error, which fails the test."""
    page = guarded_page

    def with_policy(route):
        response = route.fetch()
        html = response.text()
        inline = re.findall(r"<script(?![^>]*\bsrc=)[^>]*>(.*?)</script>", html, flags=re.S)
        hashes = " ".join(f"'sha256-{base64.b64encode(hashlib.sha256(s.encode()).digest()).decode()}'" for s in inline)
        policy = (
            f"default-src 'self'; script-src 'self' 'wasm-unsafe-eval' {hashes}; worker-src 'self'; "
            "connect-src 'self'; img-src 'self' data:; style-src 'self'; object-src 'none'; base-uri 'self'"
        )
        route.fulfill(response=response, body=html, headers={**response.headers, "content-security-policy": policy})

    page.route("**/vergelijker/", with_policy)
    open_comparator(page, site_url, fragment(PERSONAS[0]["profile"]))
    page.wait_for_selector(READY)
    assert shown(page) == expected(PERSONAS[0]["profile"])
    # The control: the policy is in force, an inline script of ours would not run.
    page.guard.allow_console.append("Content Security Policy")
    page.evaluate(
        "() => document.head.append(Object.assign(document.createElement('script'), {textContent: 'window.ran = 1'}))"
    )
    assert page.evaluate("window.ran") is None


# The answer first (issue 12): the household's cheapest plan, from best_plans.


def plan_code(plan: dict) -> str:
    return ",".join(f"{p['av'] or 'none'}+{p['dental'] or 'none'}" for p in plan["persons"])


def euro_nl(amount) -> str:
    """Decimal("1234.5") -> "€ 1.234,50", as Intl.NumberFormat("nl-NL") writes it."""
    text = f"{amount:,.2f}".replace(",", " ").replace(".", ",").replace(" ", ".")
    return f"€\u00a0{text}"


@pytest.mark.parametrize("persona", PERSONAS, ids=[p["id"] for p in PERSONAS])
def test_the_answer_names_the_cheapest_plan_for_the_household(guarded_page, site_url, persona):
    page = guarded_page
    profile = persona["profile"]
    open_comparator(page, site_url)
    results_after(page, lambda: page.click(f'button[data-persona="{persona["id"]}"]'))
    top, following = comparator.best_plans(profile, 2)["plans"]
    answer = page.locator("[data-best-plan]")
    assert answer.count() == 1
    assert answer.get_attribute("data-plan") == plan_code(top)
    assert answer.get_attribute("data-total-year") == f"{top['total_year']:.2f}"
    text = answer.text_content()
    for person in top["persons"]:
        assert f"{person['name']}, " in text  # "Anna, 38 jaar" in the plan per person
    status = page.text_content("[data-comparator-results] > .cmp-status")
    assert status == f"Uitkomst berekend: het goedkoopst voor uw huishouden is {euro_nl(top['total_year'])} per jaar."
    # The saving against the next plan, taken exactly (in cents), not in floating point.
    saved = (Decimal(str(following["total_year"])) - Decimal(str(top["total_year"]))).quantize(Decimal("0.01"))
    if saved:
        assert f"Elk ander plan kost minstens {euro_nl(saved)} per jaar meer" in text
    # Without any insurance the household pays its care itself: the engine's plan with every adult's
    # packages null, which the engine computes here.
    adults = [None if person["age"] < 18 else {"av": None, "dental": None} for person in profile["persons"]]
    bare = comparator.compare({**profile, "packages": [{"persons": adults}]})["results"][0]["total_year"]
    if any(person["av"] or person["dental"] for person in top["persons"]):
        without = (Decimal(str(bare)) - Decimal(str(top["total_year"]))).quantize(Decimal("0.01"))
        assert f"{euro_nl(without)} per jaar minder dan geen aanvullende verzekering" in text
        assert f"(dan betaalt u {euro_nl(bare)} zelf)" in text
    # The answer comes before the table of namesake combinations.
    assert page.evaluate(
        "() => Boolean(document.querySelector('[data-best-plan]').compareDocumentPosition("
        "document.querySelector('.cmp-summary')) & Node.DOCUMENT_POSITION_FOLLOWING)"
    )


def test_an_unknown_total_is_never_the_cheapest(guarded_page, site_url):
    """Optimaal's premium is unknown: its row is never badged and its bar does not look short."""
    page = guarded_page
    profile = next(p["profile"] for p in PERSONAS if p["id"] == "gezin")
    open_comparator(page, site_url, fragment(profile))
    page.wait_for_selector(READY)
    rows = page.locator(".cmp-summary tbody tr")
    unknown = [i for i in range(rows.count()) if rows.nth(i).get_attribute("data-total-year") == ""]
    assert unknown, "the persona should compare a package whose premium is unknown"
    bars = page.locator(".cmp-chart-row")
    for i in unknown:
        assert "Goedkoopst" not in rows.nth(i).text_content()
        assert rows.nth(i).locator(".cmp-total").text_content().endswith("onbekend")
        assert "cmp-chart-row--unknown" in bars.nth(i).get_attribute("class")
        widths = bars.nth(i).evaluate(
            "row => [...row.querySelectorAll('rect')].map(r => Number(r.getAttribute('width')))"
        )
        assert sum(widths) == pytest.approx(1000)


def test_a_household_without_an_adult_is_not_ranked(guarded_page, site_url):
    page = guarded_page
    profile = {"persons": [{"name": "Noor", "age": 10, "care": [{"id": "orthodontie", "price": 1200}]}]}
    open_comparator(page, site_url, fragment(profile))
    page.wait_for_selector(READY)
    answer = page.locator("[data-best-plan]")
    assert answer.get_attribute("data-ranked") == "false"
    assert answer.get_attribute("data-plan") == plan_code(comparator.best_plans(profile, 1)["plans"][0])
    assert "op de polis van een ouder" in answer.text_content()
    assert answer.locator("a[href$='#art-1-2-2']").count() == 1
    assert page.locator(".cmp-runners").count() == 0
    assert page.locator(".cmp-summary .cmp-badge:not(.cmp-badge--unknown)").count() == 0
    assert "Goedkoopst" not in page.text_content(".cmp-combinations-summary")
    assert "geen pakket te kiezen" in page.text_content("[data-comparator-results] > .cmp-status")


def test_the_answer_cites_art_1_2_3_d(guarded_page, site_url):
    page = guarded_page
    open_comparator(page, site_url, fragment(PERSONAS[2]["profile"]))
    page.wait_for_selector(READY)
    href = page.locator("[data-best-plan] a", has_text="1.2.3").get_attribute("href")
    page.goto(href)
    assert page.locator("[id='art-1-2-3']").count() == 1


def test_the_form_survives_reload_back_and_yields_to_a_share_link(guarded_page, site_url):
    page = guarded_page
    open_comparator(page, site_url)
    results_after(page, lambda: page.click('button[data-persona="gezin"]'))
    results_after(page, lambda: page.fill('[data-path="persons.0.name"]', "Bewaard"))
    page.reload()
    page.wait_for_selector(READY)
    assert page.input_value('[data-path="persons.0.name"]') == "Bewaard"
    assert page.locator('[data-path="persons.3.name"]').count() == 1  # the whole household, not just a name
    page.goto(page.locator("[data-best-plan] a").first.get_attribute("href"))  # an article
    page.go_back()
    page.wait_for_selector(READY)
    assert page.input_value('[data-path="persons.0.name"]') == "Bewaard"
    open_comparator(page, site_url, fragment(PERSONAS[2]["profile"]))
    page.wait_for_selector(READY)
    assert page.input_value('[data-path="persons.0.name"]') == PERSONAS[2]["profile"]["persons"][0]["name"]
