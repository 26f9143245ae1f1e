""" "Wat als?" (comparator/_what_if.py): the best plans' totals against one care line's quantity,
checked against compare on the profile with that quantity, and the crossings against a scan of
every whole quantity (counts) or the cents on either side (amounts)."""

from __future__ import annotations

import copy
import json
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from test_best_plans import SLOW, households, money

from comparator import best_plans, compare, what_if
from comparator._data import policy_data

PERSONAS = {
    p["id"]: p["profile"]
    for p in json.loads((Path(__file__).parent.parent / "docs/vergelijker/personas.json").read_text(encoding="utf-8"))[
        "personas"
    ]
}
CATALOGUE = policy_data().catalogue


def at_quantity(profile: dict, person: int, line: int, quantity) -> dict:
    changed = copy.deepcopy(profile)
    care = changed["persons"][person]["care"][line]
    if CATALOGUE[care["id"]]["quantity"] == "count_x_price":
        care.update(count=quantity, price=care["price"]) if quantity else care.update(count=1, price=0)
    else:
        care.update(price=float(quantity))  # the price; a count given on an amount line stays
    return changed


def plan_totals(profile: dict, plans: list[dict]) -> list[Decimal]:
    entries = [
        {
            "persons": [
                None if p["age"] < 18 else {"av": q["av"], "dental": q["dental"]}
                for p, q in zip(profile["persons"], plan["persons"], strict=True)
            ]
        }
        for plan in plans
    ]
    return [money(r["total_year"]) for r in compare(dict(profile, packages=entries))["results"]]


def order(totals: list[Decimal], a: int, b: int) -> int:
    return (totals[a] > totals[b]) - (totals[a] < totals[b])


def check(profile: dict, person: int, line: int) -> dict:
    plans = best_plans(profile, 3)["plans"]
    answer = what_if(profile, person, line)
    assert len(answer["totals"]) == len(plans)
    # Every drawn total is compare's total of that plan with the line at that quantity.
    for i, q in enumerate(answer["points"]):
        assert [money(t[i]) for t in answer["totals"]] == plan_totals(at_quantity(profile, person, line, q), plans)
    current = answer["points"].index(answer["current"])
    assert [money(t[current]) for t in answer["totals"]] == [money(p["total_year"]) for p in plans]
    for crossing in answer["crossings"]:
        before = crossing["from"] - 1 if answer["quantity"] == "count" else money(crossing["from"]) - Decimal("0.01")
        there = plan_totals(at_quantity(profile, person, line, crossing["from"]), plans)
        earlier = plan_totals(at_quantity(profile, person, line, before), plans)
        a, b = crossing["cheaper"], crossing["than"]
        assert there[a] < there[b] and not earlier[a] < earlier[b]
    return answer


def test_the_physio_persona_has_a_break_even_and_every_whole_count_agrees():
    profile = PERSONAS["fysiotherapie"]
    answer = check(profile, 0, 0)
    assert answer["quantity"] == "count" and answer["crossings"]
    # A scan of every count shows exactly these crossings (a change of order into "cheaper").
    plans = best_plans(profile, 3)["plans"]
    scan = [plan_totals(at_quantity(profile, 0, 0, q), plans) for q in range(answer["points"][-1] + 1)]
    expected = []
    for a in range(len(plans)):
        for b in range(a + 1, len(plans)):
            for q in range(1, len(scan)):
                now, then = order(scan[q], a, b), order(scan[q - 1], a, b)
                if now != then and now != 0:
                    expected.append({"from": q, "cheaper": a if now < 0 else b, "than": b if now < 0 else a})
    assert answer["crossings"] == sorted(expected, key=lambda c: (c["from"], c["cheaper"], c["than"]))


@pytest.mark.parametrize("persona", sorted(PERSONAS))
def test_every_line_of_every_persona_matches_compare(persona):
    profile = PERSONAS[persona]
    for p, person in enumerate(profile["persons"]):
        for line in range(len(person["care"])):
            check(profile, p, line)


@SLOW
@given(households, st.data())
def test_any_household_line_matches_compare(profile, data):
    lines = [(p, i) for p, person in enumerate(profile["persons"]) for i in range(len(person["care"]))]
    if not lines or not any(person["age"] >= 18 for person in profile["persons"]):
        return
    check(profile, *data.draw(st.sampled_from(lines)))
