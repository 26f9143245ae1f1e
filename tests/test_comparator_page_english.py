"""The comparator's own words on the English edition (docs/javascripts/comparator/words.js): a
persona's share link on en/vergelijker/ shows the answer card, the cost table and the per-line table
with the same figures as the Dutch page, in English notation ("€1,234.50"), and none of the
Dutch words the page used to show."""

from __future__ import annotations

import base64
import json
import re
from decimal import Decimal
from pathlib import Path

import pytest
from browser.fixtures import *  # noqa: F403 (browser_type_launch_args, guarded_page, site_url)

pytestmark = pytest.mark.browser

REPO = Path(__file__).resolve().parents[1]
PERSONAS = json.loads((REPO / "docs" / "vergelijker" / "personas.json").read_text(encoding="utf-8"))["personas"]
# The engine in the browser has answered (a persona's answer built with the site shows before it).
READY = '[data-comparator-results][data-state="ready"][data-answer="live"]'
PARTS = ("[data-best-plan]", ".cmp-summary", ".cmp-lines-table")
DUTCH_EURO = re.compile(r"€\s(\d{1,3}(?:\.\d{3})*),(\d\d)")
ENGLISH_EURO = re.compile(r"€(\d{1,3}(?:,\d{3})*)\.(\d\d)")
DUTCH_WORDS = (
    "Goedkoopst", "per jaar", "Zelf betalen", "Vergoed", "vergoed", "Premie", "premie", "Zorgregel", "zorgregel",
    "Persoon", "Toevoegen", "onbekend", "Onbekend", "Uitkomst", "Leeftijd", "tandarts", "huishouden", "Aantal",
    "Bedrag", "Verwijder", "Combinatie", "Kies een", "Delen of bewaren",
)  # fmt: skip


def _link(profile: dict) -> str:
    return "#p=" + base64.urlsafe_b64encode(json.dumps(profile).encode()).decode().rstrip("=")


def _figures(page, notation: re.Pattern, thousands: str) -> dict[str, list[Decimal]]:
    figures = {}
    for part in PARTS:
        text = page.locator(part).first.text_content()
        figures[part] = [Decimal(f"{whole.replace(thousands, '')}.{cents}") for whole, cents in notation.findall(text)]
    return figures


@pytest.mark.parametrize("persona", PERSONAS[:3], ids=[persona["id"] for persona in PERSONAS[:3]])
def test_english_page_shows_the_dutch_figures_in_english_words(guarded_page, site_url, persona):
    page = guarded_page
    page.goto(f"{site_url}en/vergelijker/{_link(persona['profile'])}")
    page.wait_for_selector(READY, timeout=120_000)
    english = _figures(page, ENGLISH_EURO, ",")
    shown = page.locator("[data-comparator]").inner_text()
    statuses = page.locator(".cmp-lines-table .cmp-status").all_text_contents()
    assert not re.search(r"€\s", shown), "Dutch notation on the English page"
    assert [word for word in DUTCH_WORDS if re.search(rf"\b{word}\b", shown)] == []
    assert "The cheapest for your household" in shown and "Total per year" in shown and "Add a person" in shown
    assert statuses and set(statuses) <= {"fully reimbursed", "partly reimbursed", "not reimbursed", "unknown"}

    page.goto(f"{site_url}vergelijker/{_link(persona['profile'])}")
    page.wait_for_selector(READY, timeout=120_000)
    dutch = _figures(page, DUTCH_EURO, ".")
    assert all(dutch.values()) and english == dutch


def test_english_amounts_are_read_in_english_notation(guarded_page, site_url):
    """ "1,250.50" typed on the English page is € 1,250.50, never € 1.25."""
    page = guarded_page
    profile = {"persons": [{"age": 30, "care": [{"id": "bril-lenzen", "price": 100}]}]}
    page.goto(f"{site_url}en/vergelijker/{_link(profile)}")
    page.wait_for_selector(READY, timeout=120_000)
    price = page.locator('[data-path="persons.0.care.0.price"]')
    assert price.input_value() == "100"
    price.fill("1,250.50")
    page.wait_for_function(
        "() => document.querySelector('.cmp-lines-table .cmp-cost')?.textContent.includes('€1,250.50')", timeout=60_000
    )


def test_english_examples_and_care_search(guarded_page, site_url):
    """The examples carry their English titles, and care is found by its English words."""
    page = guarded_page
    page.goto(f"{site_url}en/vergelijker/")
    page.wait_for_selector("[data-persona]", timeout=120_000)
    assert page.locator("[data-persona]").all_text_contents() == [persona["title_en"] for persona in PERSONAS]
    page.locator('[data-search="0"]').fill("braces")
    found = page.locator('[data-search="0"]').locator("xpath=..").locator(".cmp-hint").text_content()
    assert re.fullmatch(r"\d+ kinds? of care found\. Enter adds the first: Orthodontics \(braces\)\.", found), found
    first = page.locator(".cmp-matches [data-care]").first
    assert first.get_attribute("data-care") == "orthodontie"
    assert "Orthodontics" in first.text_content()
    select = page.locator(".cmp-add select").first  # every care, by theme, to browse
    assert "Orthodontics" in select.locator("option[value=orthodontie]").text_content()
