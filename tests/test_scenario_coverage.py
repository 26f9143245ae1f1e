"""The scenario files cover what issue 3 asks: enough cases, and every catalogue id evaluated in
every package, both those that have it and those that lack it (and no dental package for tandarts)."""

from __future__ import annotations

from scenario_plugin import DEFAULT_COMBINATIONS, load_all_cases

from comparator._data import policy_data

AV = ("primair", "royaal", "ideaal", "optimaal", "excellent")
DEFAULT = [{"av": av, "dental": av if av != "ideaal" else None} for av in AV]
assert len(DEFAULT) == DEFAULT_COMBINATIONS


def _tested_pairs() -> set[tuple[str, str | None]]:
    """(care id, package) for every care line a case evaluates; tandarts pairs with the dental package."""
    data = policy_data()
    pairs = set()
    for _, case in load_all_cases():
        profile = case["profile"]
        if "best" in case:  # a best-plans case: its plans are checked by their totals only
            continue
        for combination in profile.get("packages") or DEFAULT:
            if "persons" in combination:  # per person: the ids count where one package is compared
                continue
            for person in profile["persons"]:
                for line in person.get("care", []):
                    dental = data.catalogue[line["id"]].get("kind") == "dental"
                    pairs.add((line["id"], combination.get("dental") if dental else combination["av"]))
    return pairs


def _package_pairs() -> tuple[set, set]:
    """The (id, package) pairs a package covers, and those it lacks."""
    data = policy_data()
    has, lacks = set(), set()
    for care_id, entry in data.catalogue.items():
        if entry.get("kind") == "dental":
            has |= {(care_id, name) for name in data.packages["dental"]}
            lacks.add((care_id, None))
            continue
        for name, package in data.packages["av"].items():
            (has if care_id in package["benefits"] else lacks).add((care_id, name))
    return has, lacks


def test_there_are_at_least_90_cases_with_unique_names():
    names = [case["name"] for _, case in load_all_cases()]
    assert len(names) >= 90
    assert len(set(names)) == len(names)


def test_every_catalogue_id_is_tested_in_every_package_that_has_it():
    has, _ = _package_pairs()
    missing = sorted(has - _tested_pairs(), key=str)
    assert not missing, f"no scenario evaluates these (id, package) pairs: {missing}"


def test_every_id_is_tested_in_every_package_that_lacks_it():
    _, lacks = _package_pairs()
    missing = sorted(lacks - _tested_pairs(), key=str)
    assert not missing, f"no scenario checks that these packages lack these ids: {missing}"
