"""The answer card's engine figures beside best_plans (comparator/_insights.py, _answer.py):
break-even premiums for packages without a known premium, and the lines that decide between the
best plan and the runner-up. The references are best_plans (itself checked against brute force)
and compare, never the code under test.
"""

from __future__ import annotations

import copy
import json
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import given
from test_best_plans import SLOW, households, money

import comparator
from comparator import ProfileError, answer_json, best_plans, break_even_premiums, compare, deciding_lines

PERSONAS = json.loads((Path(__file__).parent.parent / "docs/vergelijker/personas.json").read_text(encoding="utf-8"))
PROFILES = [persona["profile"] for persona in PERSONAS["personas"]]
CENT = Decimal("0.01")


def with_premium(profile: dict, kind: str, package: str, monthly: Decimal) -> dict:
    changed = copy.deepcopy(profile)
    changed.setdefault("premiums", {}).setdefault(kind, {})[package] = float(monthly)
    return changed


def cheapest(profile: dict) -> dict:
    return best_plans(profile, 1)["plans"][0]


def holds(plan: dict, kind: str, package: str) -> bool:
    return any(person[kind] == package for person in plan["persons"])


def check_break_even(profile: dict) -> None:
    """The contract (v3): with `below_month` given as the premium best_plans' first plan does not
    hold the package, one cent lower it does, and that plan is `persons` with `holders` adults on it."""
    best = best_plans(profile, 1)
    answers = break_even_premiums(profile)["break_even"]
    if "explanation" in best:
        assert answers == []
        return
    given_premiums = profile.get("premiums", {})
    unknown = [("av", "optimaal"), ("dental", "excellent")]
    assert [(a["kind"], a["package"]) for a in answers] == [
        (kind, package) for kind, package in unknown if package not in given_premiums.get(kind, {})
    ]
    for answer in answers:
        kind, package, below = answer["kind"], answer["package"], answer["below_month"]
        if below is None:
            # Not even at one cent a month does a plan holding it come first.
            assert not holds(cheapest(with_premium(profile, kind, package, CENT)), kind, package)
            assert answer["holders"] is None and answer["persons"] is None
            continue
        below = money(below)
        assert below >= 2 * CENT
        assert not holds(cheapest(with_premium(profile, kind, package, below)), kind, package)
        winner = cheapest(with_premium(profile, kind, package, below - CENT))
        assert holds(winner, kind, package)
        assert answer["persons"] == winner["persons"]
        # holders: the adults who pay its premium (children pay none, art. 1.5.1)
        adults = [
            plan for plan, person in zip(winner["persons"], profile["persons"], strict=True) if person["age"] >= 18
        ]
        assert sum(plan[kind] == package for plan in adults) == answer["holders"] >= 1


def test_the_break_even_premium_agrees_with_the_plan_best_plans_puts_first_for_two_adults_in_physio():
    # One session at 120 each: at 8.89 both adults on Optimaal is cheapest (not one of them).
    session = [{"id": "fysiotherapie", "count": 1, "price": 120}]
    profile = {"persons": [{"age": 30, "care": session}, {"age": 31, "care": session}]}
    answer = break_even_premiums(profile)["break_even"][0]
    assert (answer["package"], answer["below_month"], answer["holders"]) == ("optimaal", 8.9, 2)
    check_break_even(profile)


def test_the_break_even_premium_follows_the_tie_order_of_best_plans():
    # At 59.90 a month Optimaal's plan has the same total (918.80) and premium as Excellent's and
    # comes first in the contract's order of packages, so the break-even is one cent higher.
    profile = {"persons": [{"age": 40}, {"age": 10, "care": [{"id": "orthodontie", "price": 1000}]}]}
    answer = break_even_premiums(profile)["break_even"][0]
    assert (answer["package"], answer["below_month"], answer["holders"]) == ("optimaal", 59.91, 1)
    check_break_even(profile)


@pytest.mark.parametrize("profile", PROFILES, ids=[p["id"] for p in PERSONAS["personas"]])
def test_the_break_even_premium_of_each_persona_is_exact_to_the_cent(profile):
    check_break_even(profile)


@SLOW
@given(households)
def test_the_break_even_premium_is_exact_to_the_cent(profile):
    check_break_even(profile)


def test_a_premium_the_profile_gives_has_no_break_even_and_no_adult_means_none():
    profile = with_premium(PROFILES[2], "av", "optimaal", Decimal("30"))
    assert [a["package"] for a in break_even_premiums(profile)["break_even"]] == ["excellent"]
    child = {"persons": [{"age": 12, "care": [{"id": "orthodontie", "price": 2800}]}]}
    assert break_even_premiums(child)["break_even"] == []


def the_plans_lines(profile: dict, plan: dict) -> list[list[dict]]:
    entry = {
        "persons": [
            None if p["age"] < 18 else {"av": q["av"], "dental": q["dental"]}
            for p, q in zip(profile["persons"], plan["persons"], strict=True)
        ]
    }
    return [person["lines"] for person in compare(dict(profile, packages=[entry]))["results"][0]["persons"]]


def check_deciding(profile: dict) -> None:
    plans = best_plans(profile, 2)
    lines = deciding_lines(profile)["lines"]
    if "explanation" in plans or len(plans["plans"]) < 2:
        assert lines == []
        return
    first, second = (the_plans_lines(profile, plan) for plan in plans["plans"])
    expected = sorted(
        (
            (-abs(money(b["out_of_pocket"]) - money(a["out_of_pocket"])), p, i)
            for p, (ours, theirs) in enumerate(zip(first, second, strict=True))
            for i, (a, b) in enumerate(zip(ours, theirs, strict=True))
            if a["out_of_pocket"] != b["out_of_pocket"]
        )
    )[:3]
    assert [(line["person"], line["line"]) for line in lines] == [(p, i) for _, p, i in expected]
    for line in lines:
        ours, theirs = first[line["person"]][line["line"]], second[line["person"]][line["line"]]
        assert line["best"] == {k: ours[k] for k in ("out_of_pocket", "article", "status")}
        assert line["runner_up"] == {k: theirs[k] for k in ("out_of_pocket", "article", "status")}
        assert money(line["difference"]) == money(theirs["out_of_pocket"]) - money(ours["out_of_pocket"])


@pytest.mark.parametrize("profile", PROFILES, ids=[p["id"] for p in PERSONAS["personas"]])
def test_the_deciding_lines_of_each_persona_are_those_compare_shows_differ_most(profile):
    check_deciding(profile)


@SLOW
@given(households)
def test_the_deciding_lines_are_those_compare_shows_differ_most(profile):
    check_deciding(profile)


def test_answer_json_holds_compare_best_plans_and_the_insights_in_one_answer():
    for profile in PROFILES:
        answer = json.loads(answer_json(json.dumps(profile)))
        assert answer["result"] == compare(profile)
        assert answer["best"] == best_plans(profile, 3)
        assert answer["break_even"] == break_even_premiums(profile)["break_even"]
        assert answer["deciding"] == deciding_lines(profile)["lines"]
        assert "what_if" not in answer
        chosen = json.loads(answer_json(json.dumps(profile), "[0, 0]"))
        assert chosen["what_if"] == {k: v for k, v in comparator.what_if(profile, 0, 0).items() if k != "year"}


def test_answer_json_itemises_each_best_plan_as_compare_gives_it():
    # `plans`: per best plan, compare's result for it as a {"persons": [...]} entry, whose persons
    # carry their packages, their own premium per year and their lines.
    aunt = {
        "persons": [
            {"age": 45},
            {"age": 19, "guardian": False},
            {"age": 15, "care": [{"id": "orthodontie", "price": 3000}]},
        ]
    }
    for profile in [*PROFILES, aunt]:
        answer = json.loads(answer_json(json.dumps(profile)))
        entries = [
            {
                "persons": [
                    None if person["age"] < 18 else {"av": plan_person["av"], "dental": plan_person["dental"]}
                    for person, plan_person in zip(profile["persons"], plan["persons"], strict=True)
                ]
            }
            for plan in answer["best"]["plans"]
        ]
        assert answer["plans"] == compare(dict(profile, packages=entries))["results"]
        for result, plan in zip(answer["plans"], answer["best"]["plans"], strict=True):
            assert sum(money(person["premium_year"]) for person in result["persons"]) == money(plan["premium_year"])


def test_answer_json_reports_a_bad_profile_or_line_as_compare_json_does():
    bad = json.loads(answer_json('{"persons": []}'))
    assert bad == json.loads(comparator.compare_json('{"persons": []}'))
    line = json.loads(answer_json(json.dumps(PROFILES[2]), "[0, 7]"))
    assert line["error"] == "what_if.line: must be a care line's index from 0 to 0, got 7"
    with pytest.raises(ProfileError, match=r"^what_if\.person: "):
        comparator.what_if(PROFILES[2], 3, 0)


@pytest.mark.parametrize("profile", PROFILES, ids=[p["id"] for p in PERSONAS["personas"]])
def test_answer_json_itemises_each_ranked_plan_as_compare_does_with_each_persons_premium(profile):
    answer = json.loads(answer_json(json.dumps(profile)))
    plans = answer["best"]["plans"]
    assert len(answer["plans"]) == len(plans)
    for plan, itemised in zip(plans, answer["plans"], strict=True):
        entry = {
            "persons": [
                None if person["age"] < 18 else {"av": held["av"], "dental": held["dental"]}
                for person, held in zip(profile["persons"], plan["persons"], strict=True)
            ]
        }
        assert itemised == compare({**profile, "packages": [entry]})["results"][0]
        for key in ("premium_year", "total_year", "reimbursed", "out_of_pocket"):
            assert itemised[key] == plan[key]
        # The persons' premiums add up to the plan's; a child pays none (art. 1.5.1).
        premiums = [person["premium_year"] for person in itemised["persons"]]
        assert sum(map(money, premiums)) == money(plan["premium_year"])
        for person, premium in zip(profile["persons"], premiums, strict=True):
            if person["age"] < 18:
                assert premium == 0


def test_a_persons_premium_is_unknown_only_where_a_package_they_hold_has_no_premium():
    profile = {"persons": [{"age": 30}, {"age": 40}], "packages": [{"av": "optimaal", "dental": "primair"}]}
    persons = compare(profile)["results"][0]["persons"]
    assert [person["premium_year"] for person in persons] == [None, None]
    profile["packages"] = [{"persons": [{"av": "primair", "dental": None}, {"av": None, "dental": "excellent"}]}]
    persons = compare(profile)["results"][0]["persons"]
    assert persons[0]["premium_year"] == 106.80 and persons[1]["premium_year"] is None  # 12 x € 8,90


def test_a_household_without_an_adult_has_one_plan_holding_nothing():
    answer = json.loads(answer_json(json.dumps({"persons": [{"age": 9, "care": [{"id": "plaswekker", "price": 80}]}]})))
    [itemised] = answer["plans"]
    assert [(p["av"], p["dental"], p["premium_year"]) for p in itemised["persons"]] == [(None, None, 0)]
    assert [line["status"] for line in itemised["persons"][0]["lines"]] == ["not_covered"]
