"""The home page's coverage examples are the engine's results for the comparator's personas."""

from __future__ import annotations

import base64
import json
import re

import pytest
from browser.site import build_site

from build_tools.site import PERSONAS
from comparator import best_plans, compare


@pytest.fixture(scope="module")
def home(tmp_path_factory) -> str:
    site = build_site(tmp_path_factory.mktemp("site"), "http://127.0.0.1:8000/")
    return (site / "index.html").read_text(encoding="utf-8")


def euros(amount: float | None) -> str:
    if amount is None:
        return "onbekend"
    whole, _, cents = f"{amount:,.2f}".partition(".")
    return f"€ {whole.replace(',', '.')},{cents}"


def section(home: str, persona_id: str) -> str:
    start = home.index(f'id="voorbeeld-{persona_id}"')
    end = home.find('id="voorbeeld-', start + 1)
    return home[start : end if end > 0 else len(home)]


@pytest.mark.parametrize("persona", json.loads(PERSONAS.read_text(encoding="utf-8"))["personas"], ids=lambda p: p["id"])
def test_each_persona_shows_the_engines_totals_and_links_to_its_profile(home, persona):
    part = section(home, persona["id"])
    rows = re.findall(r"<tr role=.row.><th scope=.row. role=.rowheader.>(.*?)</tr>", part)
    results = compare(persona["profile"])["results"]
    assert len(rows) == len(results) == 5
    for row, result in zip(rows, results, strict=True):
        for key in ("reimbursed", "out_of_pocket", "premium_year", "total_year"):
            assert euros(result[key]) in row, (persona["id"], result["av"], key)
        assert ("deels onbekend" in row) == (not result["complete"])
    fragment = re.search(r'href="[^"]*vergelijker/#p=([A-Za-z0-9_-]+)"', part).group(1)
    decoded = json.loads(base64.urlsafe_b64decode(fragment + "=" * (-len(fragment) % 4)))
    assert decoded == persona["profile"]


@pytest.mark.parametrize("persona", json.loads(PERSONAS.read_text(encoding="utf-8"))["personas"], ids=lambda p: p["id"])
def test_each_persona_leads_with_the_households_cheapest_plan_before_the_same_package_table(home, persona):
    part = section(home, persona["id"])
    top = best_plans(persona["profile"], 1)["plans"][0]
    lead = re.search(r'<p class="pv-best-plan">(.*?)</p>', part).group(1)
    assert euros(top["total_year"]).replace("€ ", "€\u00a0") in lead
    adults = [(p, h) for p, h in zip(persona["profile"]["persons"], top["persons"], strict=True) if p["age"] >= 18]
    if len(adults) > 1:
        assert all(f"{p['name']}: " in lead for p, _ in adults)
    assert part.index("pv-best-plan") < part.index("Als iedereen hetzelfde pakket neemt") < part.index("<table")
    assert "oedkoopst" not in part[part.index("<table") :]
