"""The site in Debian's Chromium at phone size: every page type loads with nothing from another host,
no script error and no sideways scrolling of the page, and the matrix filter works, also after
instant navigation."""

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
    page.fill("input[name=tekst]", "geen-zorg-heet-zo")
    assert visible_rows(page) == []
    assert page.locator("[data-matrix-empty]").is_visible()
