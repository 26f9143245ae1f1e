"""risk (comparator contract v3, "Uncertain care"): each plan's expected total, its range, its
percentiles and its chance of being the cheapest, over every outcome of the uncertain care lines.

The reference is brute force: every outcome (which uncertain lines happen) as a profile of its
own, every plan's total in it from test_best_plans' brute force (built from `compare` alone), and
the probabilities added up exactly (fractions).
"""

from __future__ import annotations

import copy
import itertools
import json
import math
import subprocess
import sys
from decimal import ROUND_HALF_UP, Decimal
from fractions import Fraction

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from test_best_plans import SLOW, brute_force_by_person, entry, households, label, money

from build_tools import REPO_ROOT
from comparator import ProfileError, answer_json, best_plans, compare, risk, risk_json

FAMILY = {
    "persons": [
        {"name": "Mark", "age": 42, "care": [{"id": "fysiotherapie", "count": 12, "price": 35, "chance": 0.5}]},
        {
            "name": "Lisa",
            "age": 40,
            "care": [{"id": "tandarts", "price": 450, "chance": 0.25}, {"id": "bril-lenzen", "price": 300}],
        },
        {"name": "Noor", "age": 13, "care": [{"id": "orthodontie", "price": 2500, "chance": 0.4}]},
    ]
}
# Each example runs brute force over every outcome, each through every plan: a few suffice.
FEW = settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.too_slow])
RISK_KEYS = (
    "expected_total_year",
    "low_total_year",
    "high_total_year",
    "p10_total_year",
    "p90_total_year",
    "chance_cheapest",
    "complete",
)


def uncertain(profile: dict) -> list[tuple[int, int, Fraction]]:
    """(person, line, chance) of every line with a chance below 1."""
    return [
        (i, j, Fraction(str(line["chance"])))
        for i, person in enumerate(profile["persons"])
        for j, line in enumerate(person.get("care", []))
        if line.get("chance", 1) < 1
    ]


def outcomes(profile: dict):
    """(probability, the profile holding only the lines that happen, without chances) per outcome."""
    lines = uncertain(profile)
    for happen in itertools.product((False, True), repeat=len(lines)):
        probability = math.prod(
            (p if h else 1 - p for (_, _, p), h in zip(lines, happen, strict=True)), start=Fraction(1)
        )
        dropped = {(i, j) for (i, j, _), h in zip(lines, happen, strict=True) if not h}
        outcome = copy.deepcopy(profile)
        for i, person in enumerate(outcome["persons"]):
            care = [line for j, line in enumerate(person.get("care", [])) if (i, j) not in dropped]
            for line in care:
                line.pop("chance", None)
            person["care"] = care
        yield probability, outcome


def rounded(value: Fraction, decimals: int) -> Decimal:
    scaled = Decimal(value.numerator) / Decimal(value.denominator)
    return scaled.quantize(Decimal(1).scaleb(-decimals), rounding=ROUND_HALF_UP)


def percentile(distribution: list[tuple[Decimal, Fraction]], share: Fraction) -> Decimal:
    running = Fraction(0)
    for total, probability in sorted(distribution):
        running += probability
        if running >= share:
            return total
    raise AssertionError("probabilities add up to 1")


def brute_force_risk(profile: dict) -> tuple[list[tuple], dict[str, dict]]:
    """Every plan's expected total and figures over all outcomes: (order key, label) sorted, and per label
    {"expected", "low", "high", "p10", "p90", "cheapest", "complete"}."""
    plans: dict[str, dict] = {}
    every = list(outcomes(profile))
    for at, (probability, outcome) in enumerate(every):
        ranked = brute_force_by_person(outcome)
        for position, (key, plan_label, figures) in enumerate(ranked):
            plan = plans.setdefault(
                plan_label, {"key": key[1:], "totals": [], "cheapest": Fraction(0), "complete": True}
            )
            plan["totals"].append((money(figures["total_year"]), probability))
            plan["complete"] &= figures["complete"]
            plan["cheapest"] += probability if position == 0 else 0
            if at == 0:
                plan["low"] = money(figures["total_year"])
            if at == len(every) - 1:
                plan["high"] = money(figures["total_year"])
    for plan in plans.values():
        plan["expected"] = sum((Fraction(total) * p for total, p in plan["totals"]), Fraction(0))
        plan["p10"] = percentile(plan["totals"], Fraction(1, 10))
        plan["p90"] = percentile(plan["totals"], Fraction(9, 10))
    order = sorted((plan["expected"], *plan["key"], plan_label) for plan_label, plan in plans.items())
    return order, plans


@st.composite
def uncertain_households(draw, most: int = 4):
    """A household of test_best_plans' kind with up to `most` of its lines given a chance below 1."""
    profile = draw(households)
    lines = [line for person in profile["persons"] for line in person["care"]]
    chances = draw(st.lists(st.sampled_from([1, 0.1, 0.25, 0.5, 0.75, 0.99]), min_size=len(lines), max_size=len(lines)))
    given_chances = 0
    for line, chance in zip(lines, chances, strict=True):
        if chance < 1 and given_chances < most:
            line["chance"] = chance
            given_chances += 1
        elif chance == 1 and given_chances % 2:
            line["chance"] = 1  # certain, said explicitly
    return profile


@FEW
@given(uncertain_households(), st.integers(1, 10))
def test_risk_agrees_with_brute_force_over_every_outcome(profile, limit):
    order, plans = brute_force_risk(profile)
    answer = risk(profile, limit)
    assert answer["outcomes"] == 2 ** len(uncertain(profile))
    assert [label(plan["persons"]) for plan in answer["plans"]] == [key[-1] for key in order[:limit]]
    for plan in answer["plans"]:
        expected = plans[label(plan["persons"])]
        assert money(plan["expected_total_year"]) == rounded(expected["expected"], 2)
        assert money(plan["low_total_year"]) == expected["low"]
        assert money(plan["high_total_year"]) == expected["high"]
        assert money(plan["p10_total_year"]) == expected["p10"]
        assert money(plan["p90_total_year"]) == expected["p90"]
        assert money(plan["chance_cheapest"]) == rounded(expected["cheapest"], 4)
        assert plan["complete"] == expected["complete"]


@SLOW
@given(households, st.integers(1, 10))
def test_without_uncertain_lines_risk_is_best_plans(profile, limit):
    best = best_plans(profile, limit)
    answer = risk(profile, limit)
    assert answer["outcomes"] == 1
    assert [plan["persons"] for plan in answer["plans"]] == [plan["persons"] for plan in best["plans"]]
    for position, (plan, best_plan) in enumerate(zip(answer["plans"], best["plans"], strict=True)):
        total = best_plan["total_year"]
        assert [plan[key] for key in RISK_KEYS[:5]] == [total] * 5
        assert plan["chance_cheapest"] == (1 if position == 0 else 0)
        assert plan["complete"] == best_plan["complete"]


@FEW
@given(uncertain_households(most=1))
def test_with_one_uncertain_line_the_expectation_weighs_the_totals_with_and_without_it(profile):
    lines = uncertain(profile)
    for plan in risk(profile, 10)["plans"]:
        adults = [
            (p["av"], p["dental"])
            for p, person in zip(plan["persons"], profile["persons"], strict=True)
            if person["age"] >= 18
        ]
        packages = [entry(profile, adults)]
        totals = [
            money(compare(dict(outcome, packages=packages))["results"][0]["total_year"])
            for _, outcome in outcomes(profile)
        ]
        if not lines:
            assert money(plan["expected_total_year"]) == totals[0]
            continue
        chance = lines[0][2]
        assert money(plan["expected_total_year"]) == rounded(
            chance * Fraction(totals[1]) + (1 - chance) * Fraction(totals[0]), 2
        )


@FEW
@given(uncertain_households(most=2))
def test_the_chances_of_being_cheapest_add_up_to_one_over_every_plan_ever_cheapest(profile):
    # With at most 2 chances of 2 decimals each, every probability has at most 4 decimals: no rounding.
    ever = {label(best_plans(outcome, 1)["plans"][0]["persons"]) for _, outcome in outcomes(profile)}
    shown = {label(plan["persons"]): money(plan["chance_cheapest"]) for plan in risk(profile, 10)["plans"]}
    assert sum(shown.values()) <= 1
    assert all(chance == 0 for plan_label, chance in shown.items() if plan_label not in ever)
    if ever <= set(shown):
        assert sum(shown.values()) == 1


def test_the_family_example_by_hand():
    answer = risk(FAMILY)
    assert answer["outcomes"] == 8 and len(answer["plans"]) == 3
    first = answer["plans"][0]
    # Mark without av, Lisa and Noor under Excellent: Mark's physiotherapy (EUR 420, half the time)
    # and Lisa's dentist (EUR 450, a quarter) are their own cost; of Noor's orthodontics (EUR 2,500,
    # 40%) Excellent pays 80% under 18 (art. 7.11.1), so EUR 500 is the household's.
    assert label(first["persons"]) == "none+none,excellent+none,excellent+none"
    assert first["high_total_year"] - first["low_total_year"] == pytest.approx(420 + 450 + 500)
    expected = first["low_total_year"] + 0.5 * 420 + 0.25 * 450 + 0.4 * 500
    assert first["expected_total_year"] == pytest.approx(expected)


def test_lines_sharing_a_limit_or_carrying_history_agree_with_brute_force():
    # Alternative consults and homeopathic medicines share one pool (art. 3.1-7.1); the glasses line
    # of EUR 0 carries what was reimbursed earlier, so whether it "happens" changes the other one.
    profile = {
        "persons": [
            {
                "age": 40,
                "sex": "female",
                "care": [
                    {"id": "alternatieve-geneeswijzen", "count": 10, "price": 60, "chance": 0.5},
                    {"id": "homeopathische-geneesmiddelen", "price": 145, "chance": 0.3},
                    {"id": "alternatieve-geneeswijzen", "count": 5, "price": 40},
                    {"id": "bril-lenzen", "price": 0, "reimbursed_earlier_in_period": 100, "chance": 0.5},
                    {"id": "bril-lenzen", "price": 300},
                ],
            },
            {"age": 12, "care": [{"id": "orthodontie", "price": 2500, "chance": 0.6}]},
        ]
    }
    order, plans = brute_force_risk(profile)
    answer = risk(profile, 10)
    assert [label(plan["persons"]) for plan in answer["plans"]] == [key[-1] for key in order[:10]]
    for plan in answer["plans"]:
        expected = plans[label(plan["persons"])]
        assert money(plan["expected_total_year"]) == rounded(expected["expected"], 2)
        assert money(plan["chance_cheapest"]) == rounded(expected["cheapest"], 4)
        assert [money(plan[key]) for key in RISK_KEYS[1:5]] == [expected[key] for key in ("low", "high", "p10", "p90")]


@pytest.mark.parametrize(
    ("chance", "shown"), [(0, "0"), (1.5, "1.5"), ("0.5", '"0.5"'), (0.123, "0.123"), (-0.5, "-0.5"), (True, "true")]
)
def test_a_bad_chance_is_one_line_naming_the_field(chance, shown):
    profile = copy.deepcopy(FAMILY)
    profile["persons"][1]["care"][1]["chance"] = chance
    with pytest.raises(ProfileError) as raised:
        risk(profile)
    expected = "must be a number above 0 and at most 1 with at most 2 decimals"
    assert str(raised.value) == f"persons[1].care[1].chance: {expected}, got {shown}"


def test_an_eleventh_uncertain_line_is_an_error_naming_it_in_every_entry():
    line = {"id": "tandarts", "price": 100, "chance": 0.5}
    profile = {"persons": [{"age": 40, "care": [line] * 6}, {"age": 38, "care": [{**line, "chance": 1}, *[line] * 5]}]}
    message = "persons[1].care[5].chance: at most 10 uncertain lines per household"
    for entry_point in (compare, best_plans, risk):
        with pytest.raises(ProfileError) as raised:
            entry_point(profile)
        assert str(raised.value) == message
    profile["persons"][1]["care"].pop()
    assert risk(profile)["outcomes"] == 2**10


@pytest.mark.parametrize("limit", [0, 11, -1, 2.5, "3", True])
def test_a_bad_limit_is_an_error_naming_limit(limit):
    with pytest.raises(ProfileError, match=r"^limit: must be a whole number from 1 to 10, got "):
        risk(FAMILY, limit)


def test_a_chance_changes_nothing_for_the_other_entries():
    certain = copy.deepcopy(FAMILY)
    for person in certain["persons"]:
        for line in person["care"]:
            line.pop("chance", None)
    assert compare(FAMILY) == compare(certain)
    assert best_plans(FAMILY) == best_plans(certain)


def test_answer_json_adds_risk_only_when_a_line_is_uncertain():
    answer = json.loads(answer_json(json.dumps(FAMILY)))
    assert answer.pop("risk") == risk(FAMILY, 3)
    certain = copy.deepcopy(FAMILY)
    for person in certain["persons"]:
        for line in person["care"]:
            line.pop("chance", None)
    assert answer == json.loads(answer_json(json.dumps(certain)))  # every other key as before
    certain = json.loads(answer_json(json.dumps({"persons": [{"age": 30}]})))
    assert set(certain) == {"result", "best", "break_even", "deciding", "plans"}


def test_risk_json_answers_like_risk_and_reports_errors_in_both_languages():
    assert json.loads(risk_json(json.dumps(FAMILY), 4)) == risk(FAMILY, 4)
    profile = copy.deepcopy(FAMILY)
    profile["persons"][2]["care"][0]["chance"] = 0.123
    assert json.loads(risk_json(json.dumps(profile))) == {
        "error": "persons[2].care[0].chance: must be a number above 0 and at most 1 with at most 2 decimals, got 0.123",
        "message_nl": "Persoon 3, zorgregel 1, kans: moet een getal boven 0 en hoogstens 1 zijn, met hoogstens 2 "
        "decimalen; gegeven: 0.123.",
    }


def run(args: list[str], stdin: str | None = None) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "comparator", *args], input=stdin, capture_output=True, text=True, cwd=REPO_ROOT
    )


def test_the_cli_prints_risk_and_exits_0(tmp_path):
    path = tmp_path / "family.json"
    path.write_text(json.dumps(FAMILY), encoding="utf-8")
    done = run(["--risk", str(path)])
    assert done.returncode == 0 and done.stderr == ""
    assert json.loads(done.stdout) == risk(FAMILY)
    done = run(["--risk", "-", "--limit", "5"], json.dumps(FAMILY))
    assert done.returncode == 0 and json.loads(done.stdout) == risk(FAMILY, 5)


@pytest.mark.parametrize(
    ("args", "line"),
    [
        (["--risk", "-", "--limit", "11"], "limit: must be a whole number from 1 to 10, got 11"),
        (["--risk", "-", "--limit", "drie"], 'limit: must be a whole number from 1 to 10, got "drie"'),
        (["--risk", "-", "--limit"], "usage: "),
        (["--risk", "--best", "-"], "usage: "),
        (["--risk"], "usage: "),
    ],
)
def test_the_cli_exits_2_with_one_line_on_bad_arguments(args, line):
    done = run(args, json.dumps(FAMILY))
    assert done.returncode == 2 and done.stdout == ""
    assert done.stderr.startswith(line) and done.stderr.count("\n") == 1


def test_the_cli_exits_2_naming_a_bad_chance():
    profile = copy.deepcopy(FAMILY)
    profile["persons"][0]["care"][0]["chance"] = 0
    done = run(["--risk", "-"], json.dumps(profile))
    assert done.returncode == 2 and done.stdout == ""
    assert (
        done.stderr.startswith("persons[0].care[0].chance: must be a number above 0") and done.stderr.count("\n") == 1
    )
