"""The comparator's engine worker in Chromium (docs/javascripts/comparator/bridge.js, worker.js):
a newer computation takes the place of a long one, a computation over the time limit is stopped
and reported, and after a fatal Pyodide error the engine starts anew. All with real Pyodide and
real computations: the long one is a valid profile at the engine's limits.
"""

from __future__ import annotations

import json
import time

import pytest
from browser.fixtures import *  # noqa: F403 (fixtures: Chromium, the served site, guarded pages)
from quality.fixtures import report_line
from test_comparator_page import PERSONAS, RESULTS, expected, fragment, open_comparator, results_after, shown

from comparator._profile import MAX_LINES_PER_PERSON, MAX_PERSONS

pytestmark = pytest.mark.browser

# Every person with as many lines as allowed of a benefit whose limits the lines share, in 20
# combinations: seconds of work in Pyodide here, and some 14 MB of result however fast the engine.
AV = ("primair", "royaal", "ideaal", "optimaal", "excellent")
COMBINATIONS = [{"av": av, "dental": dental} for av in AV for dental in ("primair", "royaal", "excellent", None)]
LINE = {"id": "homeopathische-geneesmiddelen", "count": 366, "price": 999.99, "reimbursed_earlier_in_period": 5}
HEAVY = {
    "persons": [{"age": 40, "care": [LINE] * MAX_LINES_PER_PERSON}] * MAX_PERSONS,
    "packages": COMBINATIONS,
}
BRIDGE = "javascripts/comparator/bridge.js"
WORKER = "javascripts/comparator/worker.js"
WASM = "assets/comparator/pyodide/pyodide.asm.wasm"


def test_a_persona_clicked_during_a_long_computation_gets_its_result_at_once(guarded_page, site_url, request):
    page = guarded_page
    open_comparator(page, site_url, fragment(HEAVY))
    page.wait_for_selector(f"{RESULTS}[data-engine-start]", state="attached")  # the long computation runs
    persona = PERSONAS[2]
    clicked = time.monotonic()
    results_after(page, lambda: page.click(f'button[data-persona="{persona["id"]}"]'))
    waited = time.monotonic() - clicked
    assert shown(page) == expected(persona["profile"])
    assert page.evaluate("performance.getEntriesByName('comparator:results').length") == 1  # not the long one
    report_line(request, f"\npersona clicked during a long computation: its result {waited:.2f} s after the click")
    assert waited < 5, f"the persona's result came {waited:.1f} s after the click"


def test_a_computation_over_the_time_limit_is_stopped_and_reported(guarded_page, site_url):
    """The limit is lowered (the page's is 20 s) so that the long computation passes it; a persona
    then computes in the engine started anew."""
    page = guarded_page
    page.goto(f"{site_url}404.html")  # a page of the site, for its modules
    persona = PERSONAS[1]["profile"]
    replies = page.evaluate(
        """async ([bridge, worker, wasm, profiles]) => {
          const { startEngine } = await import(bridge);
          const engine = startEngine(new URL(worker), new URL(wasm), { computeTimeout: 300 });
          const replies = [];
          for (const profile of profiles) replies.push(await engine.compare(profile));
          return replies;
        }""",
        [site_url + BRIDGE, site_url + WORKER, site_url + WASM, [json.dumps(HEAVY), json.dumps(persona)]],
    )
    assert replies[0] == {"timeout": 300}
    assert [r["reimbursed"] for r in replies[1]["result"]["results"]] == [
        float(r["reimbursed"]) for r in expected(persona)
    ]


def test_a_profile_that_crashed_pyodide_is_refused_in_dutch_and_the_engine_goes_on(guarded_page, site_url):
    """Deep nesting overflowed the stack inside Pyodide's JSON parser, a fatal error; the engine now
    refuses it before parsing (comparator/_profile.py). No input reaches a fatal error any more, so
    the worker's restart after one (worker.js, bridge.js) is kept for what no input can cause."""
    page = guarded_page
    workers: list[str] = []
    page.on("worker", lambda worker: workers.append(worker.url))
    open_comparator(page, site_url, fragment("[" * 20000 + "]" * 20000))
    page.wait_for_selector(f'{RESULTS}[data-state="error"]')
    assert page.text_content(f"{RESULTS} .cmp-status") == (
        "Deze deellink klopt niet. Het profiel: mag hoogstens 32 lagen diep genest zijn; gegeven: 20000."
    )
    persona = PERSONAS[0]
    results_after(page, lambda: page.click(f'button[data-persona="{persona["id"]}"]'))
    assert shown(page) == expected(persona["profile"])
    assert [url for url in workers if url.endswith(WORKER)] == [site_url + WORKER]
