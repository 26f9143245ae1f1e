"""Adding care on the comparator page (vergelijker/ and en/vergelijker/), on a phone and a desktop:
the search lists what a layperson means, best first, and Enter adds the first; a word that finds
nothing offers the themes; a new line says which of its figures are the page's assumptions (the
indicative price, a contracted provider) until the visitor gives their own; the focused field is
outlined in the theme's teal, not in a red that reads as an error.

Every test runs in a guarded page (tests/browser/fixtures.py): a request to another host, a console
error or an uncaught error fails it."""

from __future__ import annotations

import json
import urllib.request

import pytest
from browser.fixtures import *  # noqa: F403 (fixtures: Chromium, the served site, guarded pages)
from quality.fixtures import axe_violations

pytestmark = pytest.mark.browser

SEARCH = '[data-search="0"]'
MATCHES = ".cmp-matches [data-care]"
LINES = "fieldset.cmp-line"
# The engine in the browser has answered.
READY = '[data-comparator-results][data-state="ready"][data-answer="live"]'
EDITIONS = {
    "nl": {
        "path": "vergelijker/",
        # typed word: the care listed, best first
        "words": {
            "tand": ["tandarts", "orthodontie"],
            "bevalling": [
                "poliklinische-bevalling-eigen-bijdrage",
                "kraamzorg-eigen-bijdrage",
                "uitgestelde-kraamzorg",
            ],
            "check-up": ["tandarts", "preventief-onderzoek"],
        },
        "none": 'Geen zorg gevonden voor "xyzzy"; kies uit de thema\'s.',
        "indicative": "Indicatie — vul uw eigen bedrag in.",
        "assumed": "Aangenomen: met contract.",
        "price": "42,50",
    },
    "en": {
        "path": "en/vergelijker/",
        "words": {
            "braces": ["orthodontie", "overige-hulpmiddelen"],
            "cavity": ["tandarts"],
            "giving birth": ["poliklinische-bevalling-eigen-bijdrage"],
        },
        "none": 'No care found for "xyzzy"; choose from the themes.',
        "indicative": "Indication — enter your own amount.",
        "assumed": "Assumed: with a contract.",
        "price": "42.50",
    },
}
CASES = [(lang, width) for lang in EDITIONS for width in (390, 1280)]
IDS = [f"{lang}-{width}px" for lang, width in CASES]


@pytest.fixture(params=CASES, ids=IDS)
def comparator(request, guarded_page, site_url):
    """(page, edition) with the edition's comparator open at the case's width."""
    lang, width = request.param
    page = guarded_page
    page.set_viewport_size({"width": width, "height": 900})
    page.goto(f"{site_url}{EDITIONS[lang]['path']}")
    page.wait_for_selector(".cmp-form")
    return page, EDITIONS[lang]


def lines(page) -> list[str]:
    return page.eval_on_selector_all(LINES, "nodes => nodes.map((node) => node.dataset.care)")


def test_a_word_lists_what_it_means_best_first_and_enter_adds_the_first(comparator):
    page, edition = comparator
    for word, meant in edition["words"].items():
        page.fill(SEARCH, word)
        listed = page.eval_on_selector_all(MATCHES, "nodes => nodes.map((node) => node.dataset.care)")
        assert listed == meant, word
        assert page.locator(MATCHES).first.is_visible()
    page.fill(SEARCH, next(iter(edition["words"])))
    page.press(SEARCH, "Enter")
    page.wait_for_function("() => document.activeElement?.dataset.path === 'persons.0.care.0.price'")
    assert lines(page) == [next(iter(edition["words"].values()))[0]]

    page.fill(SEARCH, list(edition["words"])[1])  # a match picked from the list by keyboard
    page.press(SEARCH, "ArrowDown")
    page.keyboard.press("Enter")
    page.wait_for_function("() => document.activeElement?.dataset.path === 'persons.0.care.1.price'")
    assert lines(page)[1] == list(edition["words"].values())[1][0]


def test_a_word_that_finds_nothing_offers_the_themes_and_keeps_no_choice(comparator, site_url):
    page, edition = comparator
    page.fill(SEARCH, next(iter(edition["words"])))
    page.fill(SEARCH, "xyzzy")
    assert edition["none"] in page.locator(".cmp-search .cmp-hint").text_content()
    page.press(SEARCH, "Enter")  # the earlier word's match is not kept
    assert lines(page) == []
    themes = page.locator(".cmp-matches [data-theme]")
    data = json.loads(urllib.request.urlopen(f"{site_url}assets/comparator/form.json").read())
    assert themes.count() == len({item["theme"] for item in data["care"]})
    page.click('.cmp-matches [data-theme="orthodontie"]')
    assert page.eval_on_selector_all(MATCHES, "nodes => nodes.map((node) => node.dataset.care)") == ["orthodontie"]
    page.wait_for_function("() => document.activeElement?.dataset.care === 'orthodontie'")
    page.keyboard.press("Enter")
    page.wait_for_function("() => document.activeElement?.dataset.path === 'persons.0.care.0.price'")
    assert lines(page) == ["orthodontie"]


def test_a_new_line_says_its_price_and_contract_are_assumed_until_the_visitor_gives_them(comparator):
    page, edition = comparator
    page.fill('[data-path="persons.0.age"]', "40")
    page.fill(SEARCH, "fysio")
    page.press(SEARCH, "Enter")
    line = page.locator(LINES).first
    marks = line.locator("[data-indicative-for]")
    assert marks.count() == 2 and all(mark.is_visible() for mark in marks.all())
    assert edition["indicative"] in line.text_content()
    assert edition["assumed"] in line.text_content()
    price = page.locator('[data-path="persons.0.care.0.price"]')
    assert price.input_value() == "35" and "cmp-indicative-value" in price.get_attribute("class")
    page.wait_for_selector(READY, timeout=120_000)  # the indication is computed with meanwhile
    assert page.locator("[data-av]").count() > 0

    price.fill(edition["price"])
    assert not any(mark.is_visible() for mark in marks.all())
    assert edition["indicative"] not in line.inner_text()
    assert "cmp-indicative-value" not in (price.get_attribute("class") or "")
    assert line.locator("[data-assumed-for]").is_visible()
    page.click('[data-path="persons.0.care.0.contracted"]')
    page.click('[data-path="persons.0.care.0.contracted"]')  # back on: now the visitor's own choice
    assert not line.locator("[data-assumed-for]").is_visible()
    assert edition["assumed"] not in line.inner_text()


def test_the_focused_field_is_outlined_in_the_theme_teal(comparator):
    page, _ = comparator
    page.focus(SEARCH)
    outline = page.eval_on_selector(SEARCH, "node => getComputedStyle(node).outlineColor")
    link = page.eval_on_selector(".cmp", "node => getComputedStyle(node).getPropertyValue('--cmp-link').trim()")
    assert (outline, link) == ("rgb(0, 105, 92)", "#00695c")


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("lang", EDITIONS)
def test_the_matches_and_the_marks_pass_axe(guarded_page, site_url, lang, scheme):
    page = guarded_page
    page.emulate_media(color_scheme=scheme)  # before the page is parsed: the palette reads it then
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(f"{site_url}{EDITIONS[lang]['path']}")
    page.wait_for_selector(".cmp-form")
    page.wait_for_selector(f'body[data-md-color-scheme="{ {"light": "default", "dark": "slate"}[scheme] }"]')
    page.fill(SEARCH, "fysio")
    page.press(SEARCH, "Enter")
    page.fill(SEARCH, next(iter(EDITIONS[lang]["words"])))
    assert page.locator(MATCHES).count() > 1 and page.locator("[data-indicative-for]").first.is_visible()
    violations = axe_violations(page)
    assert violations == [], violations
