"""The answer card's advised plan, itemised and explained, in Debian's Chromium: per person the
packages, the premium per year (a child's € 0 and why, and the parent it follows, by name) and
every care line with its article; why the plan wins, in sentences built from its figures; the
runners-up named by what people hold and itemised on demand; what can be taken on its own; the
assumptions; art. 1.2.3 d only where a package is advised. Both editions, at a phone's and a
desktop's width; every figure is the CPython engine's for the same profile."""

from __future__ import annotations

import json
import re

import pytest
from browser.fixtures import *  # noqa: F403 (fixtures: Chromium, the served site, guarded pages)
from test_comparator_page import READY, euro_nl, fragment, plan_code, results_after
from test_comparator_page_answer import axe_violations

import comparator

pytestmark = pytest.mark.browser

# The household a new user tried: physio, glasses and the dentist, a brace, and a child without care.
FAMILY = {
    "persons": [
        {"name": "Anna", "age": 38, "care": [{"id": "fysiotherapie", "count": 12, "price": 35}]},
        {"name": "Bas", "age": 36, "care": [{"id": "bril-lenzen", "price": 300}, {"id": "tandarts", "price": 400}]},
        {"name": "Cas", "age": 14, "care": [{"id": "orthodontie", "price": 2500}]},
        {"name": "Dina", "age": 9},
    ]
}
WIDTHS = (390, 1280)
EDITIONS = ("", "en/")
POSITIONAL = re.compile(r"plan hierboven|plan above|Plan \d|plan \d|het volgende plan\b|the next plan\b", re.IGNORECASE)


def euro_en(amount) -> str:
    return f"€{amount:,.2f}"


def open_answer(page, site_url: str, edition: str, width: int, profile: dict) -> dict:
    page.set_viewport_size({"width": width, "height": 900})
    page.goto(f"{site_url}{edition}vergelijker/{fragment(profile)}")
    page.wait_for_selector(READY, timeout=120_000)
    return json.loads(comparator.answer_json(json.dumps({**profile, "lang": "en" if edition else "nl"})))


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("edition", EDITIONS, ids=["nl", "en"])
def test_the_advised_plan_is_itemised_per_person_with_the_engines_figures(guarded_page, site_url, edition, width):
    page = guarded_page
    answer = open_answer(page, site_url, edition, width, FAMILY)
    money = euro_en if edition else euro_nl
    top, itemised = answer["best"]["plans"][0], answer["plans"][0]
    card = page.locator("[data-best-plan]")
    assert card.get_attribute("data-plan") == plan_code(top)
    block = card.locator(f'.cmp-itemised[data-plan="{plan_code(top)}"]')
    assert block.count() == 1
    for p, (person, figures) in enumerate(zip(FAMILY["persons"], itemised["persons"], strict=True)):
        item = block.locator(f'[data-person="{p}"]')
        assert float(item.get_attribute("data-premium-year")) == figures["premium_year"]
        text = item.text_content()
        assert person["name"] in text
        assert money(figures["premium_year"]) in text if person["age"] >= 18 else ("€ 0" in text or "€0" in text)
        for line_index, line in enumerate(figures["lines"]):
            shown = item.locator(f'[data-line="{p}.{line_index}"]')
            assert float(shown.get_attribute("data-reimbursed")) == line["reimbursed"]
            assert float(shown.get_attribute("data-out-of-pocket")) == line["out_of_pocket"]
            assert line["article"] in shown.locator("a").text_content()
            assert line["explanation"] in shown.text_content()
    # A child pays no premium (art. 1.5.1) and follows, by name, the parent with the highest package (art. 1.2.2).
    child = block.locator('[data-person="2"]')
    assert child.locator("a", has_text="1.5.1").count() == 1
    assert child.locator("a", has_text="1.2.2").count() == 1
    assert "Anna" in child.text_content() and top["persons"][2]["av"].capitalize() in child.text_content()
    # Text is at least 12 px on a phone.
    sizes = block.evaluate("b => [...b.querySelectorAll('*')].map(e => parseFloat(getComputedStyle(e).fontSize))")
    assert min(sizes) >= 12
    assert axe_violations(page) == []


@pytest.mark.parametrize("edition", EDITIONS, ids=["nl", "en"])
def test_why_the_plan_wins_is_said_from_its_figures_and_every_plan_is_named(guarded_page, site_url, edition):
    page = guarded_page
    answer = open_answer(page, site_url, edition, 1280, FAMILY)
    money = euro_en if edition else euro_nl
    top, runner = answer["best"]["plans"][:2]
    why = page.locator("[data-best-plan] > .cmp-why").text_content()
    anna = top["persons"][0]["av"].capitalize()
    brace = answer["plans"][0]["persons"][2]["lines"][0]["reimbursed"]
    if edition:
        assert f"Anna takes {anna}" in why and f"orthodontics (braces) of Cas {money(brace)}" in why
    else:
        assert f"Anna neemt {anna}" in why and f"orthodontie (beugel) van Cas {money(brace)}" in why
    difference = round(runner["total_year"] - top["total_year"], 2)
    assert money(difference) in why
    text = page.locator("[data-best-plan]").text_content()
    assert not POSITIONAL.search(text), POSITIONAL.search(text)
    # The runner-up is named by what people hold and itemised on demand.
    runners = page.locator("[data-best-plan] .cmp-runner")
    assert runners.count() == len(answer["best"]["plans"]) - 1
    first = runners.first
    assert first.get_attribute("data-plan") == plan_code(runner)
    assert "Anna" in first.locator("summary").text_content() and "Bas" in first.locator("summary").text_content()
    assert first.locator(".cmp-itemised").count() == 0  # itemised when opened
    first.locator("summary").click()
    first.locator(f'.cmp-itemised[data-plan="{plan_code(runner)}"]').wait_for()
    assert first.locator(".cmp-why").is_visible()
    assert axe_violations(page) == []


def test_what_can_be_taken_on_its_own_and_the_assumptions_are_said_with_their_articles(guarded_page, site_url):
    page = guarded_page
    answer = open_answer(page, site_url, "", 1280, FAMILY)
    assert any(p["av"] is None and p["dental"] for p in answer["best"]["plans"][0]["persons"])
    standalone = page.locator("[data-best-plan] .cmp-standalone")
    assert standalone.locator("a", has_text="1.2.1").count() == 1
    assert "Promovendum Ruime Keuze" in standalone.text_content()
    # Bas takes dental only: the conditions do not say in so many words whether that can be done.
    assert standalone.locator("[data-dental-alone] a", has_text="1.1").count() == 1
    assumptions = page.locator("[data-best-plan] .cmp-assumptions").text_content()
    assert "Anna, fysiotherapie" in assumptions and "met contract" in assumptions
    assert "Bas, bril en contactlenzen: de indicatieve prijs" in assumptions


def test_the_refusal_warning_stands_only_where_a_package_is_advised(guarded_page, site_url):
    page = guarded_page
    open_answer(page, site_url, "", 1280, FAMILY)
    assert page.locator("[data-best-plan] a", has_text="1.2.3").count() == 1
    bare = {"persons": [{"name": "Ed", "age": 30, "care": [{"id": "bril-lenzen", "price": 20}]}]}
    answer = open_answer(page, site_url, "", 1280, bare)
    assert answer["best"]["plans"][0]["persons"][0] == {"name": "Ed", "av": None, "dental": None}
    assert page.locator("[data-best-plan] a", has_text="1.2.3").count() == 0
    assert page.locator("[data-best-plan] .cmp-standalone").count() == 0


def test_a_break_even_says_for_whom_and_instead_of_what_and_never_under_a_same_package_row(guarded_page, site_url):
    page = guarded_page
    answer = open_answer(page, site_url, "", 1280, FAMILY)
    top = answer["best"]["plans"][0]
    for entry in answer["break_even"]:
        shown = page.locator(f'[data-best-plan] [data-break-even="{entry["kind"]}:{entry["package"]}"]').text_content()
        holders = [
            p
            for p, (person, held) in enumerate(zip(FAMILY["persons"], entry["persons"], strict=True))
            if person["age"] >= 18 and held[entry["kind"]] == entry["package"]
        ]
        assert shown.startswith("Kost ") and euro_nl(entry["below_month"]) in shown
        for p in holders:
            assert FAMILY["persons"][p]["name"] in shown
            now = top["persons"][p][entry["kind"]]
            assert (now or "geen").lower() in shown.lower()
    assert page.locator(".cmp-summary .cmp-break-even, .cmp-summary [data-break-even]").count() == 0
    assert page.locator(".cmp-summary .cmp-badge:not(.cmp-badge--unknown)").count() == 0


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("edition", EDITIONS, ids=["nl", "en"])
def test_what_if_names_the_cheapest_plan_of_every_stretch_over_all_plans(guarded_page, site_url, edition, width):
    page = guarded_page
    open_answer(page, site_url, edition, width, FAMILY)
    page.select_option("[data-what-if-select]", "2.0")  # Cas's brace
    page.wait_for_selector('[data-what-if="2.0"]', timeout=60_000)
    engine = comparator.what_if({**FAMILY, "lang": "en" if edition else "nl"}, 2, 0)
    assert engine["changes"], "the brace's cost decides between plans"
    stretches = page.locator("[data-stretch]").all_text_contents()
    assert len(stretches) == len(engine["changes"]) + 1
    money = euro_en if edition else euro_nl
    for change, sentence in zip(engine["changes"], stretches[1:], strict=True):
        assert money(change["from"]) in sentence
        av = change["plan"].split(",")[0].split("+")[0]
        assert f"Anna: {av.capitalize()}" in sentence
    first = engine["cheapest"][0]["plan"].split(",")[0].split("+")[0]
    assert f"Anna: {first.capitalize()}" in stretches[0]
    figure = page.locator('[data-what-if="2.0"]')
    assert figure.locator("polyline.cmp-what-if-cheapest").count() == 1
    assert not POSITIONAL.search(page.locator(".cmp-what-if").text_content())
    # The table holds the cheapest total at every quantity.
    figure.page.locator(".cmp-what-if-table summary").click()
    cells = page.locator(".cmp-what-if-data tbody tr td:first-of-type").all_text_contents()
    assert cells == [money(point["total_year"]) for point in engine["cheapest"]]
    # The chart's words are at least 12 px where they are drawn.
    sizes = figure.locator("svg.cmp-what-if-chart").evaluate(
        "svg => { const scale = svg.getBoundingClientRect().width / svg.viewBox.baseVal.width;"
        " return [...svg.querySelectorAll('text')].map(t => parseFloat(getComputedStyle(t).fontSize) * scale); }"
    )
    assert min(sizes) >= 12
    assert axe_violations(page) == []


@pytest.mark.parametrize("edition", EDITIONS, ids=["nl", "en"])
def test_the_page_asks_who_are_the_parents_and_a_child_follows_only_them(guarded_page, site_url, edition):
    page = guarded_page
    household = {
        "persons": [
            {"name": "Mila", "age": 45},
            {"name": "Roos", "age": 19},
            {"name": "Kai", "age": 15, "care": [{"id": "orthodontie", "price": 3000}]},
        ]
    }
    open_answer(page, site_url, edition, 1280, household)
    question = page.locator('[data-guardian-for="1"]')
    assert question.is_visible() and page.locator('[data-guardian-for="2"]').is_hidden()
    results_after(page, lambda: page.locator('[data-path="persons.1.guardian"]').uncheck())
    profile = {
        **household,
        "persons": [household["persons"][0], {**household["persons"][1], "guardian": False}, household["persons"][2]],
    }
    top = comparator.best_plans(profile, 1)["plans"][0]
    assert page.get_attribute("[data-best-plan]", "data-plan") == plan_code(top)
    assert top["persons"][1]["av"] is None  # the sister is not put on a package for the child's brace
    child = page.locator('[data-best-plan] > .cmp-itemised [data-person="2"]').text_content()
    assert "Mila" in child and "Roos" not in child
    # One adult only: nothing to ask.
    results_after(page, lambda: page.fill('[data-path="persons.1.age"]', "12"))
    assert page.locator("[data-guardian-for]:visible").count() == 0
