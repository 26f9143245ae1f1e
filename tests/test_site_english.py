"""The English edition (en/) in Debian's Chromium: the language switch keeps the visitor on the same
page both ways, and a comparator share link works there with English explanations."""

from __future__ import annotations

import base64
import json
import sys
from pathlib import Path

import pytest
from browser.fixtures import *  # noqa: F403 (browser_type_launch_args, guarded_page, site_url)
from browser.site import build_site

pytestmark = pytest.mark.browser

REPO = Path(__file__).resolve().parents[1]
PERSONAS = json.loads((REPO / "docs" / "vergelijker" / "personas.json").read_text(encoding="utf-8"))["personas"]
READY = '[data-comparator-results][data-state="ready"]'


def switch(page, lang: str) -> None:
    page.locator(".md-header__option .md-select").hover()
    page.locator(f"a.md-select__link[hreflang={lang}]").click()


@pytest.mark.parametrize("path", ["", "zorg/kuuroord/", "aanvullend/primair/", "voorwaarden/tandarts/", "vergelijker/"])
def test_the_language_switch_keeps_the_page_both_ways(guarded_page, site_url, path):
    page = guarded_page
    page.goto(site_url + path)
    assert page.locator("html").get_attribute("lang") == "nl"
    switch(page, "en")
    page.wait_for_url(site_url + "en/" + path)
    assert page.locator("html").get_attribute("lang") == "en"
    switch(page, "nl")
    page.wait_for_url(site_url + path)
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
    # The same figures as the Dutch page: the engine's "lang" changes only the wording.
    figures = "els => els.map(e => e.textContent.match(/€\\s?[\\d.,]+/g).join(' '))"
    english = page.locator(".cmp-detail summary").evaluate_all(figures)
    page.goto(f"{site_url}vergelijker/#p={fragment}")
    page.wait_for_selector(READY, timeout=120_000)
    assert english and english == page.locator(".cmp-detail summary").evaluate_all(figures)


def test_an_english_content_page_stays_within_the_page_budget(tmp_path):
    """Measured as `make bench` measures it (tests/bench/bench_site.py): gzip bytes of what Chromium requests."""
    sys.path.insert(0, str(REPO / "tests" / "bench"))
    from bench_site import PAGE_TARGET_KB, page_weight

    site = build_site(tmp_path / "site", "http://127.0.0.1:8000/")
    total, sizes, how = page_weight(site, "en/aanvullend/primair/", "")
    assert how == "requested by Chromium" and len(sizes) > 5
    assert total / 1024 <= PAGE_TARGET_KB, sizes
