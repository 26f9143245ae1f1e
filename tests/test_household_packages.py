"""Packages per person (comparator contract, "Household plans (v2)"): children follow art. 1.2.2,
every result person carries its packages, and a wrong entry is an error naming its field."""

from __future__ import annotations

import json

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from build_tools.browser import article_links
from build_tools.data import ENGINE_DATA
from comparator import ProfileError, compare

AV = (None, "primair", "royaal", "ideaal", "optimaal", "excellent")  # the contract's order, none first
DENTAL = (None, "primair", "royaal", "optimaal", "excellent")

holdings = st.fixed_dictionaries({"av": st.sampled_from(AV), "dental": st.sampled_from(DENTAL)})
ages = st.lists(st.integers(0, 90), min_size=1, max_size=10)


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(ages, st.data())
def test_every_person_carries_the_packages_they_hold_and_children_follow_the_highest_adult(person_ages, data):
    entry = [None if age < 18 else data.draw(holdings) for age in person_ages]
    profile = {
        "persons": [{"age": age} for age in person_ages],
        "packages": [{"persons": entry}, {"av": "royaal", "dental": "primair"}],
    }
    per_person, together = compare(profile)["results"]
    held = [av for holding in entry if holding for av in [holding["av"]] if av]
    highest = max(held, key=AV.index) if held else None
    assert (per_person["av"], per_person["dental"]) == (None, None)
    for age, holding, person in zip(person_ages, entry, per_person["persons"], strict=True):
        expected = (highest, None) if age < 18 else (holding["av"], holding["dental"])
        assert (person["av"], person["dental"]) == expected
    for age, person in zip(person_ages, together["persons"], strict=True):
        assert (person["av"], person["dental"]) == ("royaal", None if age < 18 else "primair")


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
