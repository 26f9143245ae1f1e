"""best_plans (comparator contract, "Best plans"): exactly the cheapest plans, with the figures of
`compare`, children following art. 1.2.2 (the highest av among the guardians), unknown totals
never entering, ties broken by the rule.

The reference here is brute force over every plan, built from `compare` alone and from the
contract's own lists of candidates (not from policies/).
"""

from __future__ import annotations

import itertools
import json
import random
from decimal import Decimal

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from comparator import ProfileError, best_plans, best_plans_json, compare
from comparator._data import policy_data

CARE_IDS = sorted(policy_data().catalogue)
AV = (None, "primair", "royaal", "ideaal", "optimaal", "excellent")  # the contract's order, none first
DENTAL = (None, "primair", "royaal", "optimaal", "excellent")
ON_SALE_AV = (None, "primair", "royaal", "ideaal", "excellent")  # the contract's candidates
ON_SALE_DENTAL = (None, "primair", "royaal", "optimaal")
FIGURES = ("premium_year", "reimbursed", "out_of_pocket", "total_year", "complete")


def money(x) -> Decimal:
    return Decimal(str(x))


def adult(person: dict) -> bool:
    return person["age"] >= 18


def guardian(person: dict) -> bool:
    """A parent or guardian whose av a child follows (art. 1.2.2): an adult, unless told not."""
    return adult(person) and person.get("guardian", True)


def candidates(profile: dict) -> tuple[tuple, tuple]:
    given_premiums = profile.get("premiums", {})
    av = tuple(p for p in AV if p in ON_SALE_AV or p in given_premiums.get("av", {}))
    dental = tuple(p for p in DENTAL if p in ON_SALE_DENTAL or p in given_premiums.get("dental", {}))
    return av, dental


def highest(avs) -> str | None:
    held = [av for av in avs if av]
    return max(held, key=AV.index) if held else None


def entry(profile: dict, adult_choices: list[tuple]) -> dict:
    """The `{"persons": [...]}` entry giving the adults these (av, dental) choices; children null."""
    choices = iter(adult_choices)
    return {
        "persons": [
            dict(zip(("av", "dental"), next(choices), strict=True)) if adult(p) else None for p in profile["persons"]
        ]
    }


def label(persons: list[dict]) -> str:
    return ",".join(f"{p['av'] or 'none'}+{p['dental'] or 'none'}" for p in persons)


def order_key(plan_persons: list[dict], figures: dict) -> tuple:
    """The contract's order: total, premium, then each person's (av, dental), none first."""
    choices = tuple((AV.index(p["av"]), DENTAL.index(p["dental"])) for p in plan_persons)
    return money(figures["total_year"]), money(figures["premium_year"]), choices


def compare_plans(profile: dict, entries: list[dict]) -> list[dict]:
    """compare on each entry (20 per call, the contract's maximum)."""
    results = []
    for start in range(0, len(entries), 20):
        results += compare(dict(profile, packages=entries[start : start + 20]))["results"]
    return results


def child_figures(person: dict) -> dict:
    """One result person's figures, from its own premium and lines."""
    figures = {key: sum((money(line[key]) for line in person["lines"]), Decimal(0)) for key in FIGURES[1:3]}
    figures["premium_year"] = money(person["premium_year"])
    figures["total_year"] = figures["premium_year"] + figures["out_of_pocket"]
    figures["complete"] = all(line["status"] != "unknown" for line in person["lines"])
    return figures


def brute_force_by_person(profile: dict) -> list[tuple]:
    """Every plan as (order key, label, figures), summing each person's figures from `compare` on
    that person alone (the contract: a plan's figures are the sum of its persons' figures)."""
    av_choices, dental_choices = candidates(profile)
    alone = []
    for person in profile["persons"]:
        single = dict(profile, persons=[person])
        if adult(person):
            options = list(itertools.product(av_choices, dental_choices))
            entries = [{"persons": [{"av": av, "dental": dental}]} for av, dental in options]
        else:  # a child under each highest guardian av: beside a parent without care who holds it
            options = [(av, None) for av in av_choices]
            single = dict(profile, persons=[{"age": 40}, person])
            entries = [{"persons": [{"av": av, "dental": None}, None]} for av, _ in options]
            children = [child_figures(result["persons"][1]) for result in compare_plans(single, entries)]
            alone.append(dict(zip(options, children, strict=True)))
            continue
        alone.append(dict(zip(options, compare_plans(single, entries), strict=True)))
    adults = [i for i, p in enumerate(profile["persons"]) if adult(p)]
    plans = []
    for picks in itertools.product(*(alone[i].keys() for i in adults)):
        chosen = dict(zip(adults, picks, strict=True))
        child = (highest(av for i, (av, _) in chosen.items() if guardian(profile["persons"][i])), None)
        persons = [chosen.get(i, child) for i in range(len(profile["persons"]))]
        figures = [alone[i][choice] for i, choice in enumerate(persons)]
        total = {key: sum((money(f[key]) for f in figures), Decimal(0)) for key in FIGURES[:4]}
        total["complete"] = all(f["complete"] for f in figures)
        plan_persons = [{"av": av, "dental": dental} for av, dental in persons]
        plans.append((order_key(plan_persons, total), label(plan_persons), total))
    return sorted(plans, key=lambda plan: plan[0])


def same_figures(plan: dict, figures: dict) -> bool:
    return all(
        plan[key] == figures[key] if key == "complete" else money(plan[key]) == money(figures[key]) for key in FIGURES
    )


prices = st.decimals(min_value=0, max_value=3000, places=2).map(float)
care_lines = st.fixed_dictionaries(
    {"id": st.sampled_from(CARE_IDS), "price": prices},
    optional={"count": st.integers(1, 12), "contracted": st.booleans()},
)


def persons(ages, adults: bool = False):
    optional = {"sex": st.sampled_from(["female", "male"]), "name": st.text(max_size=8)}
    return st.fixed_dictionaries(
        {"age": ages, "care": st.lists(care_lines, max_size=3)},
        optional=optional | ({"guardian": st.booleans()} if adults else {}),
    )


premium_amounts = st.decimals(min_value=0, max_value=80, places=2).map(float)
households = st.builds(
    lambda adults, children, order, premiums: {
        "persons": [p for _, p in sorted(zip(order, adults + children, strict=False), key=lambda x: x[0])],
        **({"premiums": premiums} if premiums else {}),
    },
    st.lists(persons(st.integers(18, 90), adults=True), min_size=1, max_size=3),
    st.lists(persons(st.integers(0, 17)), max_size=2),
    st.permutations(range(5)),
    st.fixed_dictionaries(
        {},
        optional={
            "av": st.fixed_dictionaries({}, optional={"optimaal": premium_amounts, "primair": premium_amounts}),
            "dental": st.fixed_dictionaries({}, optional={"excellent": premium_amounts}),
        },
    ),
)
SLOW = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@SLOW
@given(households, st.integers(1, 50))
def test_the_plans_are_exactly_the_cheapest_in_the_contract_order(profile, limit):
    expected = brute_force_by_person(profile)[:limit]
    plans = best_plans(profile, limit)["plans"]
    assert [label(plan["persons"]) for plan in plans] == [plan_label for _, plan_label, _ in expected]
    for plan, (_, _, figures) in zip(plans, expected, strict=True):
        assert same_figures(plan, figures), (plan, figures)


@SLOW
@given(households, st.integers(1, 12))
def test_a_plans_figures_equal_compare_on_that_plan_and_children_follow_art_1_2_2(profile, limit):
    plans = best_plans(profile, limit)["plans"]
    adults_choices = [
        [(p["av"], p["dental"]) for p, person in zip(plan["persons"], profile["persons"], strict=True) if adult(person)]
        for plan in plans
    ]
    entries = [entry(profile, choices) for choices in adults_choices]
    for plan, result in zip(plans, compare_plans(profile, entries), strict=True):
        assert same_figures(plan, result)
        assert [(p["av"], p["dental"]) for p in result["persons"]] == [(p["av"], p["dental"]) for p in plan["persons"]]
        assert [p["name"] for p in plan["persons"]] == [p.get("name") for p in profile["persons"]]
        top = highest(
            p["av"] for p, person in zip(plan["persons"], profile["persons"], strict=True) if guardian(person)
        )
        for p, person in zip(plan["persons"], profile["persons"], strict=True):
            if not adult(person):
                assert (p["av"], p["dental"]) == (top, None)


@SLOW
@given(households, st.integers(1, 50))
def test_unknown_totals_never_enter_and_the_order_is_strict(profile, limit):
    av_choices, dental_choices = candidates(profile)
    plans = best_plans(profile, limit)["plans"]
    assert plans
    for plan in plans:
        assert plan["premium_year"] is not None and plan["total_year"] is not None
        assert all(p["av"] in av_choices and p["dental"] in dental_choices for p in plan["persons"])
    keys = [order_key(plan["persons"], plan) for plan in plans]
    assert keys == sorted(keys) and len(set(keys)) == len(keys)
    assert json.dumps(best_plans(profile, limit)) == json.dumps({"year": 2020, "plans": plans})


def test_brute_force_over_every_whole_plan_agrees_for_two_adults_and_a_child():
    # Every plan through compare as a whole (no sum per person): this also checks the additivity
    # the other tests lean on.
    profile = {
        "persons": [
            {"name": "A", "age": 44, "care": [{"id": "fysiotherapie", "count": 12, "price": 35}]},
            {"name": "B", "age": 41, "care": [{"id": "tandarts", "price": 420}, {"id": "bril-lenzen", "price": 250}]},
            {"name": "C", "age": 9, "care": [{"id": "orthodontie", "price": 1900}, {"id": "tandarts", "price": 80}]},
        ]
    }
    options = list(itertools.product(*candidates(profile)))
    choices = list(itertools.product(options, repeat=2))
    results = compare_plans(profile, [entry(profile, list(pair)) for pair in choices])
    everything = sorted((order_key(result["persons"], result), label(result["persons"]), result) for result in results)
    plans = best_plans(profile, 50)["plans"]
    assert [label(plan["persons"]) for plan in plans] == [plan_label for _, plan_label, _ in everything[:50]]
    assert all(same_figures(plan, result) for plan, (_, _, result) in zip(plans, everything, strict=False))


def test_no_sampled_plan_of_a_ten_person_household_beats_the_tenth_without_being_listed():
    rng = random.Random(2020)
    for _ in range(3):
        profile = {
            "persons": [
                {
                    "age": rng.choice([8, 15, 30, 45, 70]),
                    "care": [{"id": rng.choice(CARE_IDS), "price": rng.randrange(0, 200000) / 100} for _ in range(3)],
                }
                for _ in range(10)
            ]
        }
        plans = best_plans(profile, 10)["plans"]
        listed = {label(plan["persons"]) for plan in plans}
        tenth = order_key(plans[-1]["persons"], plans[-1])
        options = list(itertools.product(*candidates(profile)))
        adults = sum(adult(p) for p in profile["persons"])
        sampled = [[rng.choice(options) for _ in range(adults)] for _ in range(60)]
        sampled += [
            [
                (plan_person["av"], plan_person["dental"])
                for plan_person, person in zip(plan["persons"], profile["persons"], strict=True)
                if adult(person)
            ]
            for plan in plans
        ]
        for result in compare_plans(profile, [entry(profile, choices) for choices in sampled]):
            if label(result["persons"]) not in listed:
                assert order_key(result["persons"], result) > tenth, label(result["persons"])


def test_without_an_adult_there_is_one_plan_without_packages_and_the_result_says_why():
    profile = {"persons": [{"name": "Sem", "age": 8, "care": [{"id": "bril-lenzen", "price": 120}]}, {"age": 3}]}
    result = best_plans(profile)
    assert [label(plan["persons"]) for plan in result["plans"]] == ["none+none,none+none"]
    assert result["plans"][0]["total_year"] == 120.0 and result["plans"][0]["premium_year"] == 0
    assert "18 jaar" in result["explanation"] and "hoogst verzekerde ouder" in result["explanation"]
    assert "explanation" not in best_plans({"persons": [{"age": 18}]})


def test_the_default_limit_is_10_and_fewer_plans_come_back_when_fewer_exist():
    assert len(best_plans({"persons": [{"age": 30}, {"age": 31}]})["plans"]) == 10
    assert len(best_plans({"persons": [{"age": 30}]}, 50)["plans"]) == 5 * 4  # av none + 4 on sale, dental none + 3


@pytest.mark.parametrize("limit", [0, 51, -1, "3", True, 2.5, None])
def test_a_bad_limit_is_a_profile_error_naming_limit(limit):
    with pytest.raises(ProfileError, match=r"^limit: must be a whole number from 1 to 50, got "):
        best_plans({"persons": [{"age": 30}]}, limit)


def test_best_plans_json_answers_like_best_plans_and_reports_errors_as_json():
    profile = {"persons": [{"age": 30, "care": [{"id": "tandarts", "price": 400}]}]}
    assert json.loads(best_plans_json(json.dumps(profile), 3)) == best_plans(profile, 3)
    assert json.loads(best_plans_json("{", 3))["error"].startswith("profile: not valid JSON")
    assert json.loads(best_plans_json(json.dumps(profile), 0)) == {
        "error": "limit: must be a whole number from 1 to 50, got 0",
        "message_nl": "Aantal plannen: moet een heel getal van 1 tot en met 50 zijn; gegeven: 0.",
    }


def test_best_plans_rejects_a_wrong_persons_entry_as_compare_does():
    # The profile's `packages` is ignored by best_plans, but it must still be valid.
    profile = {"persons": [{"age": 40}, {"age": 9}], "packages": [{"persons": [{"av": "primair"}, {"av": "primair"}]}]}
    for run in (compare, best_plans):
        with pytest.raises(
            ProfileError, match=r"^packages\[0\]\.persons\[1\]: a child under 18 follows art\. 1\.2\.2; give null$"
        ):
            run(profile)
