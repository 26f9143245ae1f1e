"""The English edition (en/) in Debian's Chromium: the language switch keeps the visitor on the same
page both ways, and a comparator share link works there with English explanations."""

from __future__ import annotations

import base64
import json
import re
import sys
from decimal import Decimal
from pathlib import Path

import pytest
from browser.fixtures import *  # noqa: F403 (browser_type_launch_args, guarded_page, site_url)
from browser.server import free_port, serve
from browser.site import build_site

pytestmark = pytest.mark.browser

REPO = Path(__file__).resolve().parents[1]
PERSONAS = json.loads((REPO / "docs" / "vergelijker" / "personas.json").read_text(encoding="utf-8"))["personas"]
# The engine in the browser has answered (a persona's answer built with the site shows before it).
READY = '[data-comparator-results][data-state="ready"][data-answer="live"]'
DUTCH_EURO = r"€\s(\d{1,3}(?:\.\d{3})*),(\d\d)"
ENGLISH_EURO = r"€(\d{1,3}(?:,\d{3})*)\.(\d\d)"


def _amounts(text: str, notation: str, thousands: str) -> list[Decimal]:
    return [Decimal(f"{whole.replace(thousands, '')}.{cents}") for whole, cents in re.findall(notation, text)]


def switch(page, lang: str) -> None:
    page.locator(".md-header__option .md-select").hover()
    page.locator(f"a.md-select__link[hreflang={lang}]").click()


@pytest.mark.parametrize("path", ["", "zorg/kuuroord/", "aanvullend/primair/", "voorwaarden/tandarts/", "vergelijker/"])
def test_the_language_switch_keeps_the_page_both_ways(guarded_page, site_url, path):
    page = guarded_page
    page.goto(site_url + path)
    assert page.locator("html").get_attribute("lang") == "nl"
    # The twin page, with the section in view as its fragment when the page was scrolled (anchors.js).
    switch(page, "en")
    page.wait_for_url(re.compile(re.escape(site_url + "en/" + path) + "(#.*)?$"))
    assert page.locator("html").get_attribute("lang") == "en"
    switch(page, "nl")
    page.wait_for_url(re.compile(re.escape(site_url + path) + "(#.*)?$"))
    assert page.locator("html").get_attribute("lang") == "nl"


def test_a_share_link_works_in_english_with_english_explanations(guarded_page, site_url):
    page = guarded_page
    profile = PERSONAS[1]["profile"]
    fragment = base64.urlsafe_b64encode(json.dumps(profile).encode()).decode().rstrip("=")
    page.goto(f"{site_url}en/vergelijker/#p={fragment}")
    page.wait_for_selector(READY, timeout=120_000)
    details = page.locator(".cmp-detail").first
    details.locator("summary").click()
    text = details.inner_text()
    assert "Not insured in" in text or "reimbursed:" in text.lower() or "Fully reimbursed" in text, text[:400]
    # The same figures as the Dutch page, each in its own notation: "lang" changes only the wording.
    english = [_amounts(text, ENGLISH_EURO, ",") for text in page.locator(".cmp-detail summary").all_text_contents()]
    page.goto(f"{site_url}vergelijker/#p={fragment}")
    page.wait_for_selector(READY, timeout=120_000)
    dutch = [_amounts(text, DUTCH_EURO, ".") for text in page.locator(".cmp-detail summary").all_text_contents()]
    assert english and all(english) and english == dutch


def test_an_english_content_page_stays_within_the_page_budget(browser, tmp_path):
    """As `make bench` measures it (tests/bench/bench_site.py): the gzip bytes of every file Chromium
    requests for the page, the service worker blocked (it would fetch the whole site)."""
    sys.path.insert(0, str(REPO / "tests" / "bench"))
    from bench_site import PAGE_TARGET_KB, _gzip_size

    port = free_port()
    site = build_site(tmp_path / "site", f"http://127.0.0.1:{port}/")
    with serve(site, port) as url:
        context = browser.new_context(service_workers="block")
        requested: list[str] = []
        context.on("request", lambda request: requested.append(request.url))
        page = context.new_page()
        page.goto(url + "en/aanvullend/primair/", wait_until="networkidle")
        context.close()
    files = {r[len(url) :].split("?")[0].split("#")[0] for r in requested if r.startswith(url)}
    files = {f + "index.html" if f.endswith("/") else f for f in files}
    sizes = {name: _gzip_size(site / name) for name in files if (site / name).is_file()}
    assert len(sizes) > 5 and "en/aanvullend/primair/index.html" in sizes
    assert sum(sizes.values()) / 1024 <= PAGE_TARGET_KB, sizes


def test_the_language_switch_keeps_the_comparator_form(guarded_page, site_url):
    page = guarded_page
    fragment = base64.urlsafe_b64encode(json.dumps(PERSONAS[0]["profile"]).encode()).decode().rstrip("=")
    page.goto(f"{site_url}vergelijker/#p={fragment}")
    page.wait_for_selector(READY, timeout=120_000)
    summaries = page.locator(".cmp-detail summary")
    dutch = [_amounts(text, DUTCH_EURO, ".") for text in summaries.all_text_contents()]
    switch(page, "en")
    # The household goes along in the address (its #p= link), and the kept form is the same.
    page.wait_for_url(re.compile(re.escape(f"{site_url}en/vergelijker/") + "#p=[A-Za-z0-9_-]+$"))
    page.wait_for_selector(READY, timeout=120_000)
    # The kept form (Dutch decimal commas) reads the same on the English page, in English notation.
    assert (
        dutch and all(dutch) and [_amounts(text, ENGLISH_EURO, ",") for text in summaries.all_text_contents()] == dutch
    )
