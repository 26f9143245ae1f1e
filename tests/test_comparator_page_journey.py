"""The visitor's journey on the comparator page, in Debian's Chromium: the address bar always holds
the household the page computes (replaced, never pushed), an arriving share link is applied once and
lands on the answer, the visitor's edits survive a reload and Back, a link with packages per person
shows its plans, an example never replaces a household without a way back, what this tab kept is
checked before it is drawn, and a link is answered from the build only when its text is a persona's.
Both editions, at a phone's and a desktop's width where the layout matters."""

from __future__ import annotations

import base64
import json

import pytest
from browser.fixtures import *  # noqa: F403 (fixtures: Chromium, the served site, guarded pages)
from test_comparator_page import PERSONAS, READY, fragment, results_after
from test_comparator_page_plan import FAMILY

import comparator

pytestmark = pytest.mark.browser

EDITIONS = ("", "en/")
WIDTHS = (390, 1280)


def linked_profile(url: str) -> dict:
    code = url.split("#p=", 1)[1]
    return json.loads(base64.urlsafe_b64decode(code + "=" * (-len(code) % 4)).decode("utf-8"))


def open_link(page, site_url: str, edition: str, width: int, profile) -> None:
    page.set_viewport_size({"width": width, "height": 800})
    page.goto(f"{site_url}{edition}vergelijker/{fragment(profile)}")
    page.wait_for_selector(READY, timeout=120_000)


def answer_in_view(page) -> bool:
    return page.evaluate(
        "() => { const r = document.querySelector('.cmp-results h2').getBoundingClientRect();"
        " return r.top >= 0 && r.top < innerHeight; }"
    )


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("edition", EDITIONS, ids=["nl", "en"])
def test_a_share_link_lands_on_the_answer_and_the_address_bar_then_follows_the_edits(
    guarded_page, site_url, edition, width
):
    page = guarded_page
    open_link(page, site_url, edition, width, FAMILY)
    page.wait_for_function("() => document.activeElement === document.querySelector('.cmp-results h2')")
    assert answer_in_view(page)
    history = page.evaluate("history.length")
    results_after(page, lambda: page.fill('[data-path="persons.1.name"]', "Bastiaan"))
    assert linked_profile(page.url)["persons"][1]["name"] == "Bastiaan"
    assert page.evaluate("history.length") == history  # replaced, never pushed
    assert page.input_value(".cmp-share-link") == page.url
    # A reload with the page's own link keeps the visitor's input, also what the link cannot hold yet.
    page.fill('[data-path="persons.2.age"]', "")
    page.reload()
    page.wait_for_selector(".cmp-form")
    assert page.input_value('[data-path="persons.1.name"]') == "Bastiaan"
    assert page.input_value('[data-path="persons.2.age"]') == ""


@pytest.mark.parametrize("edition", EDITIONS, ids=["nl", "en"])
def test_a_link_that_arrives_in_the_same_tab_is_applied_once_and_edits_win_after_it(guarded_page, site_url, edition):
    page = guarded_page
    open_link(page, site_url, edition, 1280, FAMILY)
    other = next(p["profile"] for p in PERSONAS if p["id"] == "zwanger")
    page.evaluate(f"location.hash = {json.dumps(fragment(other))}")
    page.wait_for_function("() => document.querySelectorAll('.cmp-person').length === 2")
    page.wait_for_selector(READY)
    results_after(page, lambda: page.fill('[data-path="persons.0.name"]', "Saskia"))
    page.reload()
    page.wait_for_selector(READY, timeout=120_000)
    assert page.input_value('[data-path="persons.0.name"]') == "Saskia"


@pytest.mark.parametrize("edition", EDITIONS, ids=["nl", "en"])
def test_a_link_with_packages_per_person_shows_its_plans_named_by_person(guarded_page, site_url, edition):
    page = guarded_page
    entry = {"persons": [{"av": "royaal", "dental": None}, {"av": None, "dental": "primair"}, None, None]}
    profile = {**FAMILY, "packages": [{"av": "primair", "dental": "primair"}, entry]}
    open_link(page, site_url, edition, 1280, profile)
    results = comparator.compare(profile)["results"]
    rows = page.locator(".cmp-summary tbody tr")
    assert rows.count() == 2
    plan = rows.nth(1)
    assert plan.get_attribute("data-av") == "" and plan.get_attribute("data-dental") == ""
    assert plan.get_attribute("data-total-year") == f"{results[1]['total_year']:.2f}"
    assert "Anna" in plan.text_content() and "Bas" in plan.text_content()


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("edition", EDITIONS, ids=["nl", "en"])
def test_an_example_or_starting_again_can_be_undone(guarded_page, site_url, edition, width):
    page = guarded_page
    open_link(page, site_url, edition, width, FAMILY)
    results_after(page, lambda: page.click('button[data-persona="zwanger"]'))
    assert page.locator(".cmp-person").count() == 2
    assert page.locator("[data-undo]").is_visible()
    results_after(page, lambda: page.click("[data-undo]"))
    assert page.locator(".cmp-person").count() == 4
    assert page.input_value('[data-path="persons.0.name"]') == "Anna"
    page.click("[data-restart]")
    page.wait_for_function("() => document.querySelectorAll('.cmp-person').length === 1")
    assert page.input_value('[data-path="persons.0.age"]') == ""
    results_after(page, lambda: page.click("[data-undo]"))
    assert page.input_value('[data-path="persons.3.name"]') == "Dina"


@pytest.mark.parametrize("edition", EDITIONS, ids=["nl", "en"])
def test_a_kept_form_that_cannot_be_drawn_is_mended_and_said(guarded_page, site_url, edition):
    page = guarded_page
    page.goto(f"{site_url}{edition}vergelijker/")
    page.wait_for_selector(".cmp-form")
    kept = {
        "persons": [
            {"name": 5, "age": "40", "sex": "", "care": [{"id": "bril-lenzen", "count": "1", "price": {"x": 1}}]},
            {"name": "Kim", "age": "12", "sex": "", "care": [{"id": "geen-zorg"}]},
            "not a person",
        ],
        "packages": [{"av": "royaal", "dental": ""}, {"av": 3}],
        "premiums": {"av": {"primair": 9}},
    }
    page.evaluate(f"sessionStorage.setItem('vergelijker-formulier', {json.dumps(json.dumps(kept))})")
    page.reload()
    page.wait_for_selector(".cmp-form")
    assert page.locator(".cmp-person").count() == 2
    assert page.input_value('[data-path="persons.1.name"]') == "Kim"
    assert page.locator(".cmp-undo-text").text_content()
    page.fill('[data-path="persons.0.care.0.price"]', "250")
    page.wait_for_selector(READY, timeout=120_000)


def test_a_link_whose_numbers_javascript_would_round_is_never_answered_from_the_build(guarded_page, site_url):
    page = guarded_page
    persona = PERSONAS[0]["profile"]
    text = json.dumps(persona, ensure_ascii=False, separators=(",", ":"))
    price = json.dumps(persona["persons"][0]["care"][0]["price"])
    hostile = text.replace(f'"price":{price}', '"price":1e999', 1)
    assert hostile != text
    page.add_init_script(
        "new MutationObserver(() => { const r = document.querySelector('[data-comparator-results]');"
        " if (r?.dataset.answer === 'built') window.builtShown = true; })"
        ".observe(document, {subtree: true, attributes: true, childList: true});"
    )
    page.goto(f"{site_url}vergelijker/{fragment(hostile)}")
    page.wait_for_selector('[data-comparator-results][data-state="error"]', timeout=120_000)
    page.wait_for_function("() => document.querySelector('[data-comparator-results]').dataset.engineStart")
    assert page.evaluate("window.builtShown") is None


@pytest.mark.parametrize("width", WIDTHS)
def test_the_language_switch_keeps_the_section_in_view_and_the_household(guarded_page, site_url, width):
    page = guarded_page
    page.set_viewport_size({"width": width, "height": 800})
    page.goto(f"{site_url}aanvullend/royaal/#fysiotherapie")
    page.wait_for_function("() => document.getElementById('fysiotherapie').getBoundingClientRect().top < 200")
    page.evaluate("document.querySelector('a[data-edition=\"en\"]').click()")
    page.wait_for_url("**/en/aanvullend/royaal/#fysiotherapie")
    page.wait_for_function(
        "() => { const top = document.getElementById('fysiotherapie').getBoundingClientRect().top;"
        " return top >= 0 && top < innerHeight; }"
    )
    # The comparator's household goes along in its link, and the other edition computes it.
    open_link(page, site_url, "", width, FAMILY)
    link = page.url.split("#", 1)[1]
    page.evaluate("document.querySelector('a[data-edition=\"en\"]').click()")
    page.wait_for_url(f"**/en/vergelijker/#{link}")
    page.wait_for_selector(READY, timeout=120_000)
    assert page.input_value('[data-path="persons.2.name"]') == "Cas"
