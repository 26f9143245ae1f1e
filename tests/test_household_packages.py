"""Packages per person (comparator contract, "Household plans (v2)", "Parents and guardians (v3)"):
children follow the highest av among the guardians (art. 1.2.2), every result person carries its
packages and premium, and a wrong entry or `guardian` is an error naming its field."""

from __future__ import annotations

import json
from decimal import Decimal

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from build_tools.browser import article_links
from build_tools.data import ENGINE_DATA
from comparator import ProfileError, best_plans, compare, compare_json

AV = (None, "primair", "royaal", "ideaal", "optimaal", "excellent")  # the contract's order, none first
DENTAL = (None, "primair", "royaal", "optimaal", "excellent")

holdings = st.fixed_dictionaries({"av": st.sampled_from(AV), "dental": st.sampled_from(DENTAL)})
ages = st.lists(st.integers(0, 90), min_size=1, max_size=10)


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(ages, st.data())
def test_every_person_carries_the_packages_they_hold_and_children_follow_the_highest_guardian(person_ages, data):
    entry = [None if age < 18 else data.draw(holdings) for age in person_ages]
    guardians = [age >= 18 and data.draw(st.booleans()) for age in person_ages]
    persons = [
        {"age": age, **({"guardian": guardian} if age >= 18 else {})}
        for age, guardian in zip(person_ages, guardians, strict=True)
    ]
    profile = {"persons": persons, "packages": [{"persons": entry}, {"av": "royaal", "dental": "primair"}]}
    per_person, together = compare(profile)["results"]
    held = [holding["av"] for holding, guardian in zip(entry, guardians, strict=True) if guardian and holding["av"]]
    highest = max(held, key=AV.index) if held else None
    assert (per_person["av"], per_person["dental"]) == (None, None)
    for age, holding, person in zip(person_ages, entry, per_person["persons"], strict=True):
        expected = (highest, None) if age < 18 else (holding["av"], holding["dental"])
        assert (person["av"], person["dental"]) == expected
    # One combination for everyone: a child holds its av only when there is a guardian to follow.
    child_av = "royaal" if any(guardians) else None
    for age, person in zip(person_ages, together["persons"], strict=True):
        assert (person["av"], person["dental"]) == ((child_av, None) if age < 18 else ("royaal", "primair"))


TWO = [{"age": 40}, {"age": 9}]


@pytest.mark.parametrize(
    ("packages", "message"),
    [
        (
            [{"persons": [{"av": "primair"}, {"av": "primair"}]}],
            "packages[0].persons[1]: a child under 18 follows art. 1.2.2; give null",
        ),
        (
            [{"av": "primair"}, {"persons": [{"av": "primair"}, None, None]}],
            "packages[1].persons: must list one entry per person (2), got ",
        ),
        ([{"persons": "all"}], 'packages[0].persons: must list one entry per person (2), got "all"'),
        (
            [{"persons": [None, None]}],
            'packages[0].persons[0]: must be {"av": ..., "dental": ...} for a person aged 18 or over, got null',
        ),
        ([{"persons": [{"dental": "royaal"}, None]}], "packages[0].persons[0].av: is required"),
        ([{"persons": [{"av": "goud"}, None]}], "packages[0].persons[0].av: must be one of primair, "),
        ([{"persons": [{"av": None, "dental": "ideaal"}, None]}], "packages[0].persons[0].dental: must be one of "),
        (
            [{"persons": [{"av": None}, None], "av": "primair"}],
            "packages[0].av: unknown field; expected one of persons",
        ),
    ],
)
def test_a_wrong_persons_entry_is_an_error_naming_its_field(packages, message):
    with pytest.raises(ProfileError) as error:
        compare({"persons": TWO, "packages": packages})
    assert str(error.value).startswith(message), str(error.value)


def test_the_articles_a_line_without_a_package_cites_have_a_link_on_the_comparator_page():
    links = article_links(json.loads(ENGINE_DATA.read_text(encoding="utf-8")))
    assert links["1.2.1"] == ("voorwaarden/algemeen/", "art-1-2-1")
    assert links["1.2.2"] == ("voorwaarden/algemeen/", "art-1-2-2")


def test_a_child_follows_the_mother_not_an_adult_sister_who_is_no_guardian():
    sister = {"name": "Tante", "age": 19, "guardian": False}
    profile = {
        "persons": [{"name": "Moeder", "age": 45}, sister, {"age": 15, "care": [{"id": "orthodontie", "price": 3000}]}],
        "packages": [{"persons": [{"av": "primair"}, {"av": "excellent"}, None]}, {"av": "excellent"}],
    }
    per_person, together = compare(profile)["results"]
    assert [(p["av"], p["dental"]) for p in per_person["persons"]] == [
        ("primair", None),
        ("excellent", None),
        ("primair", None),
    ]
    assert per_person["persons"][2]["lines"][0]["reimbursed"] == 0  # Primair pays no orthodontics
    assert together["persons"][2]["av"] == "excellent"
    first = best_plans(profile, 1)["plans"][0]
    assert [(p["av"], p["dental"]) for p in first["persons"]] == [
        ("excellent", None),
        (None, None),
        ("excellent", None),
    ]


def test_without_a_guardian_compare_and_best_plans_agree_that_a_child_holds_nothing():
    child = {"age": 8, "care": [{"id": "plaswekker", "price": 100}]}
    for persons in ([child], [{"age": 70, "guardian": False}, child]):
        results = compare({"persons": persons})["results"]
        for result in results:
            assert (result["persons"][-1]["av"], result["persons"][-1]["lines"][0]["reimbursed"]) == (None, 0)
        best = best_plans({"persons": persons}, 1)["plans"][0]
        assert best["persons"][-1]["av"] is None and best["reimbursed"] == 0


@pytest.mark.parametrize(
    ("persons", "message", "dutch"),
    [
        (
            [{"age": 40}, {"age": 12}, {"age": 9, "guardian": True}],
            "persons[2].guardian: only for persons aged 18 or over",
            "Persoon 3, ouder of verzorger: geldt alleen voor personen van 18 jaar of ouder.",
        ),
        (
            [{"age": 40, "guardian": "ja"}],
            'persons[0].guardian: must be true or false, got "ja"',
            'Persoon 1, ouder of verzorger: moet true of false zijn; gegeven: "ja".',
        ),
    ],
)
def test_a_wrong_guardian_is_an_error_naming_its_field_in_english_and_dutch(persons, message, dutch):
    with pytest.raises(ProfileError) as error:
        best_plans({"persons": persons})
    assert str(error.value) == message
    assert json.loads(compare_json(json.dumps({"persons": persons}))) == {"error": message, "message_nl": dutch}


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(ages, st.data())
def test_every_persons_premium_per_year_adds_up_to_the_results(person_ages, data):
    entry = [None if age < 18 else data.draw(holdings) for age in person_ages]
    profile = {"persons": [{"age": age} for age in person_ages], "packages": [{"persons": entry}, {"av": "ideaal"}]}
    for result in compare(profile)["results"]:
        premiums = [person["premium_year"] for person in result["persons"]]
        for age, premium in zip(person_ages, premiums, strict=True):
            assert age >= 18 or premium == 0  # art. 1.5.1
        if result["premium_year"] is None:
            assert None in premiums
        else:
            assert sum(Decimal(str(premium)) for premium in premiums) == Decimal(str(result["premium_year"]))
