"""Accessibility: axe-core (npm, injected into the page) on every page type, in the light and the
dark scheme and on a phone, with zero violations of any impact; every form control has a name; the
comparator announces its results in a live region. Prints the violations found by impact."""

from __future__ import annotations

import collections
import json
from pathlib import Path

import pytest
from playwright.sync_api import expect
from quality.fixtures import *  # noqa: F403 (Chromium, quality_site, watched)
from quality.fixtures import axe_violations, report_line, share_link

pytestmark = pytest.mark.browser

REPO = Path(__file__).resolve().parents[1]
PERSONAS = json.loads((REPO / "docs" / "vergelijker" / "personas.json").read_text(encoding="utf-8"))["personas"]
# The engine in the browser has answered (a persona's answer built with the site shows before it).
READY = '[data-comparator-results][data-state="ready"][data-answer="live"]'
PAGES = {
    "home": "",
    "package": "aanvullend/excellent/",
    "dental-package": "tandarts/optimaal/",
    "theme": "zorg/kraamzorg/",
    "matrix": "vergelijkingstabel/",
    "glossary": "begrippen/",
    "conditions": "voorwaarden/algemeen/",
    "not-found": "bestaat-niet/",
    "comparator": None,  # with results, from a share link, and a "wat als?" chart
    "search": None,  # the search dialog open with results
    "term": None,  # a package page with a glossary term's explanation opened by a tap (on a phone)
    # The English edition: its own words, the binding Dutch text marked lang="nl".
    "en-home": "en/",
    "en-package": "en/aanvullend/excellent/",
    "en-theme": "en/zorg/kraamzorg/",
    "en-matrix": "en/vergelijkingstabel/",
    "en-glossary": "en/begrippen/",
    "en-comparator": "en/vergelijker/",
    "en-not-found": "en/404.html",
}
FOUND: dict[str, collections.Counter] = collections.defaultdict(collections.Counter)
# axe's rules that every form control and button has a name: [violated rule ids], controls checked.
NAMING = """async () => {
  const rules = ["label", "select-name", "button-name", "input-button-name", "aria-input-field-name"];
  const result = await axe.run(document, { runOnly: rules });
  return [result.violations.map((v) => v.id), result.passes.reduce((n, rule) => n + rule.nodes.length, 0)];
}"""


@pytest.fixture(scope="module", autouse=True)
def report(request):
    yield
    impacts = collections.Counter()
    for counts in FOUND.values():
        impacts.update(counts)
    line = ", ".join(f"{impact} {impacts[impact]}" for impact in ("critical", "serious", "moderate", "minor"))
    if FOUND:
        report_line(request, f"\naxe-core on {len(FOUND)} page views: {line}")


def open_page(page, base: str, kind: str) -> None:
    if kind == "comparator":
        page.goto(share_link(base, PERSONAS[1]["profile"]))
        page.wait_for_selector(READY)
        # with a "wat als?" chart drawn, and its figures as a table open
        page.select_option("[data-what-if-select]", "1.1")
        page.locator("[data-what-if] ~ .cmp-what-if-table summary").click()
        page.locator(".cmp-what-if-table tbody tr").first.wait_for()
    elif kind == "search":
        page.goto(base)
        page.keyboard.press("/")
        page.keyboard.type("bril")
        page.locator(".md-search-result__item").first.wait_for()
    elif kind == "term":
        page.goto(base + "aanvullend/primair/", wait_until="networkidle")
        if page.evaluate("matchMedia('(hover: none), (max-width: 45em)').matches"):
            page.locator('.md-content a.pv-term[href*="#gecontracteerd"]').first.click()
            page.locator(".pv-tip").wait_for()
    else:
        if kind == "not-found":
            page.watch.missing.add(base + PAGES[kind])
        page.goto(base + PAGES[kind], wait_until="networkidle")


# The light and dark scheme at the default size, and the light one on a phone (tables scroll
# sideways there, and the theme pages lay their rows out as blocks).
VIEWS = {"light": ("light", None), "dark": ("dark", None), "phone": ("light", {"width": 390, "height": 844})}


@pytest.mark.parametrize("view", VIEWS)
@pytest.mark.parametrize("kind", PAGES)
def test_no_violations(watched, quality_site, kind, view):
    page = watched
    scheme, viewport = VIEWS[view]
    page.emulate_media(color_scheme=scheme)
    if viewport:
        page.set_viewport_size(viewport)
    open_page(page, quality_site.url, kind)
    # The scheme the media query asks for (docs/overrides/partials/palette.html sets it while the
    # page is parsed; waiting keeps the test independent of when).
    expect(page.locator("body")).to_have_attribute(
        "data-md-color-scheme", {"light": "default", "dark": "slate"}[scheme]
    )
    violations = axe_violations(page)
    FOUND[f"{kind}/{view}"].update({v["impact"]: v["count"] for v in violations})
    found = [f"{v['impact']} {v['id']}: {v['help']} ({v['count']}x, e.g. {v['targets']})" for v in violations]
    assert found == [], "\n".join(found)
    unnamed, named = page.evaluate(NAMING)  # axe is in the page now
    assert unnamed == [] and named > 0, f"form controls without a name: {unnamed}"


def test_comparator_results_are_announced_in_a_live_region(watched, quality_site):
    page = watched
    page.goto(f"{quality_site.url}vergelijker/")
    page.wait_for_selector(".cmp-form")
    page.click(f'button[data-persona="{PERSONAS[0]["id"]}"]')
    page.wait_for_selector(READY)
    live = page.locator("[data-comparator-results] [role=status], [data-comparator-results] [aria-live]")
    assert any("berekend" in text for text in live.all_text_contents()), live.all_text_contents()


def test_matrix_filter_count_is_announced(watched, quality_site):
    page = watched
    page.goto(f"{quality_site.url}vergelijkingstabel/")
    page.fill("input[name=tekst]", "bril")
    count = page.locator("[data-matrix-count]")
    assert count.get_attribute("aria-live") == "polite" and count.text_content().startswith("1 van ")
