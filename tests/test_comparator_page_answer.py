"""The comparator page's answer card beyond the cheapest plan (issue 12), in Debian's Chromium:
break-even premiums in the card (never beside a same-package row), the lines that decide, the "wat als?" chart, the phone's
sticky summary, and nothing lost when following an article link and going Back/Forward. Figures
are checked against the CPython engine for the same profile."""

from __future__ import annotations

import pytest
from browser.fixtures import *  # noqa: F403 (fixtures: Chromium, the served site, guarded pages)
from test_comparator_page import PERSONAS, READY, REPO, euro_nl, fragment, open_comparator, results_after, shown

import comparator

pytestmark = pytest.mark.browser

PROFILE = {p["id"]: p["profile"] for p in PERSONAS}
PACKAGE_NAMES = {("av", "optimaal"): "Optimaal", ("dental", "excellent"): "Tandarts Excellent"}


def axe_violations(page) -> list[str]:
    page.evaluate((REPO / "node_modules" / "axe-core" / "axe.min.js").read_text(encoding="utf-8"))
    result = page.evaluate("axe.run(document.querySelector('.cmp'), {resultTypes: ['violations']})")
    return [f"{v['impact']} {v['id']}: {v['help']} ({len(v['nodes'])}x)" for v in result["violations"]]


def test_an_unknown_premium_is_never_ranked_and_its_break_even_stands_in_the_card_only(guarded_page, site_url):
    page = guarded_page
    profile = PROFILE["gezin"]
    open_comparator(page, site_url, fragment(profile))
    page.wait_for_selector(READY)
    engine = comparator.break_even_premiums(profile)["break_even"]
    assert engine, "the persona should have packages without a 2020 premium"
    for entry in engine:
        name = PACKAGE_NAMES[entry["kind"], entry["package"]]
        sentence = f"Kost {name} minder dan {euro_nl(entry['below_month'])} per maand, dan is het voor "
        card = page.locator(f'[data-best-plan] [data-break-even="{entry["kind"]}:{entry["package"]}"]')
        assert card.get_attribute("data-below-month") == f"{entry['below_month']:.2f}"
        assert card.text_content().startswith(sentence)
        # Its rows in the same-package table are drawn unknown: no total, no badge, no break-even
        # (it is the household plan's figure, not theirs).
        rows = page.locator(
            f'.cmp-summary tbody tr[data-{"av" if entry["kind"] == "av" else "dental"}="{entry["package"]}"]'
        )
        assert rows.count() >= 1
        for i in range(rows.count()):
            row = rows.nth(i)
            assert row.get_attribute("data-total-year") == ""
            assert "Goedkoopst" not in row.text_content()
            assert row.locator(".cmp-break-even, [data-break-even]").count() == 0
    # No plan in the card holds a package without a premium.
    for code in page.eval_on_selector_all(
        "[data-best-plan], [data-best-plan] [data-plan]", "els => els.map(e => e.dataset.plan)"
    ):
        assert "optimaal+" not in code and "+excellent" not in code


def test_the_lines_that_decide_come_from_the_engine_with_their_articles(guarded_page, site_url):
    page = guarded_page
    profile = PROFILE["zwanger"]
    open_comparator(page, site_url, fragment(profile))
    page.wait_for_selector(READY)
    lines = comparator.deciding_lines(profile)["lines"]
    assert 2 <= len(lines) <= 3
    items = page.locator("[data-best-plan] [data-deciding]")
    assert [items.nth(i).get_attribute("data-deciding") for i in range(items.count())] == [
        f"{line['person']}.{line['line']}" for line in lines
    ]
    for i, line in enumerate(lines):
        text = items.nth(i).text_content()
        assert f"u betaalt zelf {euro_nl(line['best']['out_of_pocket'])}" in text
        assert f"in plaats van {euro_nl(line['runner_up']['out_of_pocket'])}" in text
        assert items.nth(i).locator("a").text_content() == f"artikel {line['best']['article']}"
    href = items.nth(0).locator("a").get_attribute("href")
    page.goto(href)
    assert page.locator(f"[id='{href.split('#')[1]}']").count() == 1


def test_what_if_draws_the_physio_persona_and_writes_its_break_even(guarded_page, site_url):
    page = guarded_page
    profile = PROFILE["fysiotherapie"]
    open_comparator(page, site_url, fragment(profile))
    page.wait_for_selector(READY)
    assert page.locator("[data-what-if]").count() == 0  # drawn once a line is chosen
    results_after(page, lambda: page.select_option("[data-what-if-select]", "0.0"))
    engine = comparator.what_if(profile, 0, 0)
    figure = page.locator('[data-what-if="0.0"]')
    chart = figure.locator("svg[role='img']")
    assert page.text_content(f"#{chart.get_attribute('aria-labelledby')}").startswith("Totaal per jaar van ")
    assert chart.locator("polyline.cmp-what-if-line").count() == len(engine["totals"])
    assert chart.locator("polyline.cmp-what-if-cheapest").count() == 1
    # The crossings as sentences; this persona has the one the issue asks for.
    plans = comparator.best_plans(profile, 3)["plans"]
    labels = [
        f"{p['persons'][0]['av'].capitalize()}"
        + (f" + tandarts {p['persons'][0]['dental'].capitalize()}" if p["persons"][0]["dental"] else "")
        for p in plans
    ]
    expected = [
        f"Vanaf {c['from']} behandelingen is {labels[c['cheaper']]} goedkoper dan {labels[c['than']]}."
        for c in engine["crossings"]
    ]
    assert expected and page.locator("[data-crossing]").all_text_contents() == expected
    # The same figures as a table, one row per quantity.
    assert page.locator(".cmp-what-if-table tbody tr").count() == len(engine["points"])
    # The choice survives the next input change and keeps the focus on the select.
    assert page.evaluate("document.activeElement.matches('[data-what-if-select]')")
    results_after(page, lambda: page.fill('[data-path="persons.0.care.0.count"]', "12"))
    assert page.locator('[data-what-if="0.0"]').count() == 1
    assert shown(page)  # the namesake rows are still there
    assert axe_violations(page) == []


def test_on_a_phone_the_summary_sticks_to_the_bottom_and_never_covers_a_field(guarded_page, site_url):
    page = guarded_page
    page.set_viewport_size({"width": 390, "height": 844})
    open_comparator(page, site_url)
    bar = page.locator(".cmp-sticky")
    results_after(page, lambda: page.click('button[data-persona="gezin"]'))
    top = comparator.best_plans(PROFILE["gezin"], 1)["plans"][0]
    assert bar.get_attribute("role") == "region" and bar.get_attribute("aria-label")
    page.evaluate("document.activeElement.blur()")
    page.evaluate("document.querySelector('.cmp-form').scrollIntoView()")
    assert bar.is_visible()
    assert bar.text_content().startswith(f"Goedkoopst: {euro_nl(top['total_year'])} per jaar")
    box = bar.bounding_box()
    assert box["y"] + box["height"] == pytest.approx(844, abs=1)
    # Every field, once focused (and scrolled into view as the browser does), is fully visible.
    fields = page.locator(".cmp-form input:visible, .cmp-form select:visible")
    assert fields.count() > 10
    for i in range(fields.count()):
        field = fields.nth(i)
        field.focus()
        field.evaluate("f => f.scrollIntoView({block: 'end'})")
        covered = (
            bar.is_visible() and bar.bounding_box()["y"] < field.bounding_box()["y"] + field.bounding_box()["height"]
        )
        assert not covered, field.get_attribute("data-path")
    page.evaluate("document.activeElement.blur()")
    bar.locator("button").click()
    assert page.evaluate("document.activeElement === document.querySelector('.cmp-results h2')")
    assert axe_violations(page) == []
    page.set_viewport_size({"width": 1280, "height": 900})
    assert bar.is_hidden()


def form_values(page) -> dict:
    return page.eval_on_selector_all(
        ".cmp-form [data-path]",
        "els => Object.fromEntries(els.map(e => [e.dataset.path, e.type === 'checkbox' ? e.checked : e.value]))",
    )


def answer_hooks(page) -> list:
    return [
        page.get_attribute("[data-best-plan]", "data-plan"),
        page.get_attribute("[data-best-plan]", "data-total-year"),
        shown(page),
    ]


def test_nothing_is_lost_following_an_article_link_from_the_results_and_back_and_forward(guarded_page, site_url):
    page = guarded_page
    open_comparator(page, site_url)
    results_after(page, lambda: page.click('button[data-persona="gezin"]'))
    results_after(page, lambda: page.fill('[data-path="persons.1.name"]', "Lies"))
    results_after(page, lambda: page.fill('[data-path="persons.1.care.1.count"]', "9"))
    results_after(page, lambda: page.select_option("[data-what-if-select]", "1.1"))  # "wat als?" too
    form, answer = form_values(page), answer_hooks(page)
    comparator_url = page.url
    # An explanation's article link: Material's instant navigation swaps the page without a load.
    page.locator(".cmp-detail summary").first.click()
    link = page.locator(".cmp-detail[open] li a").first
    anchor = link.get_attribute("href").split("#")[1]
    page.evaluate("window.sameDocument = true")  # gone if a step loaded a new document
    link.click()
    page.wait_for_selector(f"[id='{anchor}']")
    assert page.url != comparator_url
    for step in (page.go_back, page.go_forward, page.go_back):
        step()
        if page.url.split("#")[0] == comparator_url.split("#")[0]:
            page.wait_for_selector(READY)
            assert form_values(page) == form
            assert answer_hooks(page) == answer
        else:
            page.wait_for_selector(f"[id='{anchor}']")
    assert page.evaluate("window.sameDocument === true")  # instant navigation throughout, no reload
