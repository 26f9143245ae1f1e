"""The site in Debian's Chromium at phone size: every page type loads with nothing from another host,
no script error and no sideways scrolling of the page, a theme page's packages are readable
blocks, and the matrix filter works, also after instant navigation."""

from __future__ import annotations

import pytest
from browser.fixtures import *  # noqa: F403 (browser_type_launch_args, guarded_page, site_url)

pytestmark = pytest.mark.browser

PAGE_TYPES = [
    "",  # home
    "aanvullend/excellent/",
    "tandarts/excellent/",
    "zorg/kraamzorg/",
    "vergelijkingstabel/",
    "voorwaarden/algemeen/",
    "voorwaarden/tandarts/",
    "begrippen/",
    "servicepakket/",
    "klachten/",
    "declareren/",
    "over-deze-gegevens/",
]


@pytest.fixture(scope="session")
def browser_context_args(browser_context_args):
    return {**browser_context_args, "viewport": {"width": 390, "height": 844}}


@pytest.mark.parametrize("path", PAGE_TYPES)
def test_page_loads_cleanly_on_a_phone(guarded_page, site_url, path):
    page = guarded_page
    page.goto(site_url + path, wait_until="networkidle")
    # Wide tables scroll inside their own box; the page itself must not scroll sideways.
    overflow = page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
    assert overflow <= 0, f"{path or 'home'} is {overflow}px wider than the screen"


def test_theme_page_shows_each_package_as_a_block_on_a_phone_and_as_a_table_on_a_desktop(guarded_page, site_url):
    page = guarded_page
    page.goto(site_url + "zorg/fysiotherapie/", wait_until="networkidle")
    # per row: the reimbursement's width, the row's width, and whether it sits below the package name
    layout = """[...document.querySelectorAll('.pv-side tbody tr')].map((r) =>
      [r.cells[1].offsetWidth, r.clientWidth, r.cells[1].offsetTop > r.cells[0].offsetTop])"""
    rows = page.evaluate(layout)
    assert rows and all(below and cell >= 0.8 * row for cell, row, below in rows), rows
    assert page.evaluate("document.querySelector('.pv-side thead').getBoundingClientRect().height") <= 1
    assert page.get_attribute(".pv-side table", "role") == "table"  # still a table for screen readers

    page.set_viewport_size({"width": 1280, "height": 900})
    assert not any(below for _, _, below in page.evaluate(layout))
    assert page.evaluate("document.querySelector('.pv-side thead').getBoundingClientRect().height") > 10


def test_home_examples_show_each_total_on_a_phone_without_scrolling_sideways(guarded_page, site_url):
    page = guarded_page
    page.goto(site_url, wait_until="networkidle")
    # per package row: the total's right edge inside the screen, and the total beside the package's name
    layout = """[...document.querySelectorAll('.pv-examples tbody tr')].map((r) => [
      r.cells[4].getBoundingClientRect().right <= document.documentElement.clientWidth,
      Math.abs(r.cells[4].getBoundingClientRect().top - r.cells[0].getBoundingClientRect().top) < 4])"""
    rows = page.evaluate(layout)
    assert len(rows) >= 6 * 5 and all(inside and beside for inside, beside in rows), rows
    assert page.get_attribute(".pv-examples table", "role") == "table"


def test_the_matrix_shows_every_package_of_a_care_on_a_phone_and_a_table_on_a_desktop(guarded_page, site_url):
    page = guarded_page
    page.goto(site_url + "vergelijkingstabel/", wait_until="networkidle")
    # per package cell of the physio row: fully inside the screen, and its package's name shown before it
    cells = """[...document.querySelector('tr[data-care=fysiotherapie]').cells].slice(1).map((c) => [
      c.getBoundingClientRect().right <= document.documentElement.clientWidth,
      getComputedStyle(c, '::before').content])"""
    shown = page.evaluate(cells)
    assert [name for _, name in shown] == ['"Primair: "', '"Royaal: "', '"Ideaal: "', '"Optimaal: "', '"Excellent: "']
    assert all(inside for inside, _ in shown), shown
    assert page.get_attribute("[data-matrix]", "role") == "table"  # still a table for screen readers
    # The header row with the premiums is out of sight on a phone: they stand above the table.
    premiums = page.locator(".pv-matrix-premiums").first
    assert premiums.is_visible() and "Primair € 8,90 per maand" in premiums.inner_text().replace("\u00a0", " ")

    page.set_viewport_size({"width": 1280, "height": 900})
    assert all(name == "none" for _, name in page.evaluate(cells))


def visible_rows(page) -> list[str]:
    return page.locator("tr[data-care]:visible").evaluate_all("rows => rows.map(r => r.dataset.care)")


def test_matrix_filters_by_theme_and_text_after_instant_navigation(guarded_page, site_url):
    page = guarded_page
    page.goto(site_url, wait_until="networkidle")
    page.click("text=Alle zorg naast elkaar")  # instant navigation: no full reload
    form = page.locator("[data-matrix-filter]")
    form.wait_for(state="visible")
    page.select_option("select[name=thema]", "kraamzorg")
    rows = visible_rows(page)
    assert rows and all(
        r
        in page.evaluate(
            "[...document.querySelectorAll('tr[data-theme=kraamzorg][data-care]')].map(r => r.dataset.care)"
        )
        for r in rows
    )
    page.select_option("select[name=thema]", "")
    page.fill("input[name=tekst]", "beugel")
    assert set(visible_rows(page)) == {"orthodontie"}
    page.fill("input[name=tekst]", "fitness")
    assert set(visible_rows(page)) == {"fitness-inschrijving"}
    assert page.locator("tr.pv-theme-row:visible").count() == 1  # its theme, once
    assert not page.locator("#tandarts").is_visible()  # no empty "Tandartsverzekeringen" heading
    page.fill("input[name=tekst]", "geen-zorg-heet-zo")
    assert visible_rows(page) == []
    assert page.locator("[data-matrix-empty]").is_visible()


def test_a_tapped_glossary_term_explains_itself_in_place_on_a_phone(guarded_page, site_url):
    page = guarded_page
    page.goto(site_url + "aanvullend/primair/", wait_until="networkidle")
    term = page.locator('.md-content a.pv-term[href*="#gecontracteerd"]').first
    term.scroll_into_view_if_needed()
    term.click()
    tip = page.locator(".pv-tip")
    tip.wait_for()
    assert page.url == site_url + "aanvullend/primair/"  # still on the page
    assert tip.inner_text().startswith("Een gecontracteerde zorgaanbieder heeft afspraken met Promovendum")
    assert term.get_attribute("aria-expanded") == "true" and term.get_attribute("aria-controls") == "pv-tip"
    assert tip.locator("a").get_attribute("href").endswith("begrippen/#gecontracteerd")
    term.click()  # a second tap closes it
    assert page.locator(".pv-tip").count() == 0 and term.get_attribute("aria-expanded") == "false"
    term.click()
    page.keyboard.press("Escape")
    assert page.locator(".pv-tip").count() == 0
    term.click()
    tip.locator("a").click()  # the link inside leads to Begrippen
    page.wait_for_url("**/begrippen/#gecontracteerd")

    page.set_viewport_size({"width": 1280, "height": 900})  # with room and a mouse: the link navigates
    page.goto(site_url + "aanvullend/primair/", wait_until="networkidle")
    page.locator('.md-content a.pv-term[href*="#gecontracteerd"]').first.click()
    page.wait_for_url("**/begrippen/#gecontracteerd")


def test_the_light_dark_switch_follows_the_phone_then_the_visitors_choice(guarded_page, site_url):
    """docs/overrides/partials/palette.html, in place of Material's palette component: the scheme
    the phone asks for at first, the visitor's choice (click or Enter) kept across instant
    navigation and reloads, with the button offering the other scheme."""
    page = guarded_page
    scheme = "document.body.dataset.mdColorScheme"
    page.emulate_media(color_scheme="dark")
    page.goto(site_url + "aanvullend/primair/")
    assert page.evaluate(scheme) == "slate"
    assert page.get_attribute('meta[name="color-scheme"]', "content") == "dark"
    page.locator("label[for='__palette_0']:visible").click()  # offered in dark mode: the light one
    assert page.evaluate(scheme) == "default"
    assert page.locator("label[for='__palette_1']:visible").count() == 1
    page.evaluate("window.samePage = true")
    link = page.locator('article a[href*="/zorg/"]:not([href*="#"])').first
    target = link.get_attribute("href").split("/")[-2]
    link.click()
    page.wait_for_url(f"**/zorg/{target}/")
    assert page.evaluate("window.samePage") and page.evaluate(scheme) == "default"  # instant navigation keeps it
    page.reload()
    assert page.evaluate(scheme) == "default"  # and so does a reload, though the phone asks for dark
    page.locator("#__palette_0").focus()
    page.keyboard.press("Enter")
    assert page.evaluate(scheme) == "slate"
