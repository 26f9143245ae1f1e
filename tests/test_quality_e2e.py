"""End to end, as a visitor uses the site in Debian's Chromium: following links from the home page
to a glossary term, searching with lay terms, filtering the comparison table, switching between
dark and light, and finding a page on a phone. Every test runs in a watched page (no request off
127.0.0.1, no CSP violation, no console error). The comparator's own flows are in
test_comparator_page.py."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect
from quality.fixtures import *  # noqa: F403 (Chromium, quality_site, watched)

pytestmark = pytest.mark.browser

# Lay term -> the benefit (theme page and section) the first search result leads to.
SEARCHES = {
    "beugel": "zorg/orthodontie/#orthodontie",
    "bril": "zorg/hulpmiddelen/#bril-lenzen",
    "fysio": "zorg/fysiotherapie/#fysiotherapie",
    "zwanger": "zorg/kraamzorg/#kraamzorg-eigen-bijdrage",
}
SCHEME = "document.body.dataset.mdColorScheme"


def heading(page):
    return expect(page.locator("article h1").first)


def in_view(page, selector: str) -> None:
    expect(page.locator(selector).first).to_be_in_viewport()


def test_home_to_package_to_theme_to_article_to_glossary_term(watched, quality_site):
    page, base = watched, quality_site.url
    page.goto(base)
    page.evaluate("window.__sameDocument = true")  # instant navigation keeps it; a full reload loses it
    # Material's instant navigation turns every link into an absolute URL.
    page.locator(f"article a[href='{base}aanvullend/primair/']").first.click()
    page.wait_for_url(f"{base}aanvullend/primair/")
    heading(page).to_contain_text("Primair")

    page.locator(f"article a[href='{base}zorg/fysiotherapie/']").first.click()
    page.wait_for_url(f"{base}zorg/fysiotherapie/")
    heading(page).to_contain_text("Fysiotherapie en oefentherapie")

    page.locator(f"article a.pv-article[href='{base}voorwaarden/primair/#art-3-4']").first.click()
    page.wait_for_url(f"{base}voorwaarden/primair/#art-3-4")
    in_view(page, "[id='art-3-4']")

    page.locator(f"article a.pv-term[href='{base}begrippen/#oefentherapeut-cesar-mensendieck']").first.click()
    page.wait_for_url(f"{base}begrippen/#oefentherapeut-cesar-mensendieck")
    in_view(page, "[id='oefentherapeut-cesar-mensendieck']")
    assert "Cesar" in page.locator("[id='oefentherapeut-cesar-mensendieck']").text_content()
    assert page.evaluate("window.__sameDocument") is True, "instant navigation fell back to full page loads"


@pytest.mark.parametrize("term", SEARCHES)
def test_search_with_a_lay_term_lands_on_the_benefit(watched, quality_site, term):
    page, base = watched, quality_site.url
    page.goto(base)
    page.keyboard.press("/")  # Material's shortcut to the search field
    page.keyboard.type(term)
    first = page.locator(".md-search-result__item").first
    first.wait_for()
    path, anchor = SEARCHES[term].split("#")
    section = first.locator(f"a[href$='#{anchor}']").first
    if not section.is_visible():  # Material folds a page's other matches under "N extra overeenkomst(en)"
        first.locator("summary").click()
    section.click()
    page.wait_for_url(re.compile(re.escape(f"{base}{path}") + r"\?h=" + term + "#" + anchor))
    in_view(page, f"[id='{anchor}']")
    assert page.locator("article mark").count() > 0, "the search term is not highlighted"


def visible_rows(page) -> set[str]:
    return set(page.locator("tr[data-care]:visible").evaluate_all("rows => rows.map(r => r.dataset.care)"))


def test_matrix_filters_by_theme_and_text(watched, quality_site):
    page = watched
    page.goto(f"{quality_site.url}vergelijkingstabel/")
    count = page.locator("[data-matrix-count]")
    everything = visible_rows(page)
    page.select_option("select[name=thema]", "hulpmiddelen")
    themed = visible_rows(page)
    assert "bril-lenzen" in themed and themed < everything
    page.fill("input[name=tekst]", "bril")
    assert visible_rows(page) == {"bril-lenzen"}
    assert count.text_content().startswith("1 van ")
    page.keyboard.press("Enter")  # submitting the filter must not reload or leave the page
    page.wait_for_timeout(300)
    assert page.url == f"{quality_site.url}vergelijkingstabel/" and visible_rows(page) == {"bril-lenzen"}
    page.select_option("select[name=thema]", "kraamzorg")
    assert visible_rows(page) == set() and page.locator("[data-matrix-empty]").is_visible()
    page.select_option("select[name=thema]", "")
    page.fill("input[name=tekst]", "")
    assert visible_rows(page) == everything


def test_dark_and_light_toggle_is_remembered(watched, quality_site):
    page, base = watched, quality_site.url
    page.goto(base)
    assert page.evaluate(SCHEME) == "default"
    page.locator("label[title='Donkere weergave']").click()
    assert page.evaluate(SCHEME) == "slate"
    page.locator(f"article a[href='{base}vergelijkingstabel/']").first.click()
    page.wait_for_url(f"{base}vergelijkingstabel/")
    assert page.evaluate(SCHEME) == "slate"
    page.reload()
    assert page.evaluate(SCHEME) == "slate"
    page.locator("label[title='Lichte weergave']").click()
    assert page.evaluate(SCHEME) == "default"


def test_a_phone_finds_a_page_through_the_menu_and_search(watched, quality_site):
    page, base = watched, quality_site.url
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(base)
    page.locator("label.md-header__button[for='__drawer']").click()
    drawer = page.locator("nav.md-nav--primary")
    drawer.locator("label.md-nav__link", has_text="Per zorgsoort").click()
    drawer.get_by_role("link", name="Zwangerschap en kraamzorg").click()
    page.wait_for_url(f"{base}zorg/kraamzorg/")
    heading(page).to_contain_text("Zwangerschap en kraamzorg")
    assert page.evaluate("document.documentElement.scrollWidth <= document.documentElement.clientWidth")

    page.locator("label.md-header__button[for='__search']").click()
    page.keyboard.type("beugel")
    page.locator(".md-search-result__item").first.locator("summary").click()
    page.locator(".md-search-result__item a[href$='#orthodontie']").first.click()
    page.wait_for_url(re.compile(re.escape(f"{base}zorg/orthodontie/") + r"\?h=beugel#orthodontie"))
    in_view(page, "[id='orthodontie']")
