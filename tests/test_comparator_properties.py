"""Properties of compare() that hold for any valid profile, and random input never raising but ProfileError."""

from __future__ import annotations

import json
from decimal import Decimal

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from comparator import ProfileError, compare
from comparator._data import policy_data
from comparator._engine import _choose_rule
from comparator._profile import Person

CARE_IDS = sorted(policy_data().catalogue)
AV = ["primair", "royaal", "ideaal", "optimaal", "excellent"]
DENTAL = [None, "primair", "royaal", "optimaal", "excellent"]

prices = st.decimals(min_value=0, max_value=5000, places=2).map(float)
care_lines = st.fixed_dictionaries(
    {"id": st.sampled_from(CARE_IDS), "price": prices},
    optional={
        "count": st.integers(1, 60),
        "contracted": st.booleans(),
        "reimbursed_earlier_in_period": st.decimals(min_value=0, max_value=2000, places=2).map(float),
    },
)
persons = st.fixed_dictionaries(
    {"age": st.integers(0, 120), "care": st.lists(care_lines, max_size=8)},
    optional={"sex": st.sampled_from(["female", "male"]), "name": st.text(max_size=20)},
)
profiles = st.fixed_dictionaries(
    {"persons": st.lists(persons, min_size=1, max_size=4)},
    optional={
        "packages": st.lists(
            st.fixed_dictionaries({"av": st.sampled_from(AV), "dental": st.sampled_from(DENTAL)}),
            min_size=1,
            max_size=3,
        )
    },
)
FAST = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def money(x) -> Decimal:
    return Decimal(str(x))


@FAST
@given(profiles)
def test_amounts_are_never_negative_and_add_up(profile):
    for result in compare(profile)["results"]:
        lines = [line for person in result["persons"] for line in person["lines"]]
        for line in lines:
            assert 0 <= money(line["reimbursed"]) <= money(line["cost"])
            assert money(line["out_of_pocket"]) >= 0
            assert money(line["cost"]) == money(line["reimbursed"]) + money(line["out_of_pocket"])
            if line["status"] == "unknown":
                assert line["reimbursed"] == 0 and not result["complete"]
        assert money(result["cost"]) == money(result["reimbursed"]) + money(result["out_of_pocket"])
        assert money(result["reimbursed"]) == sum((money(line["reimbursed"]) for line in lines), Decimal(0))
        if result["premium_year"] is not None:
            assert money(result["total_year"]) == money(result["premium_year"]) + money(result["out_of_pocket"])


@FAST
@given(profiles)
def test_compare_is_deterministic(profile):
    assert json.dumps(compare(profile)) == json.dumps(compare(json.loads(json.dumps(profile))))


@FAST
@given(profiles, st.randoms(use_true_random=False))
def test_reordering_persons_does_not_change_totals(profile, random):
    shuffled = dict(profile, persons=random.sample(profile["persons"], len(profile["persons"])))
    for before, after in zip(compare(profile)["results"], compare(shuffled)["results"], strict=True):
        for key in ("cost", "reimbursed", "out_of_pocket", "premium_year", "total_year", "complete"):
            assert before[key] == after[key]


new_care = st.fixed_dictionaries(
    {"id": st.sampled_from(CARE_IDS), "price": prices},
    optional={"count": st.integers(1, 60), "contracted": st.booleans()},
)


@FAST
@given(profiles, st.data())
def test_appending_a_care_line_never_lowers_the_total_reimbursed(profile, data):
    # New care only: a line that states more history (reimbursed_earlier_in_period) rightly lowers
    # what is left of a multi-year limit for every line of that benefit.
    index = data.draw(st.integers(0, len(profile["persons"]) - 1))
    line = data.draw(new_care)
    grown = json.loads(json.dumps(profile))
    grown["persons"][index]["care"].append(line)
    for before, after in zip(compare(profile)["results"], compare(grown)["results"], strict=True):
        assert money(after["reimbursed"]) >= money(before["reimbursed"])


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=10),
    lambda children: st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=12), children, max_size=4),
    max_leaves=20,
)
near_profiles = st.fixed_dictionaries(
    {
        "persons": st.lists(
            st.dictionaries(st.sampled_from(["age", "sex", "name", "care", "x"]), json_values), max_size=3
        )
    }
)


@settings(max_examples=400, deadline=None)
@given(json_values | near_profiles)
def test_random_json_raises_nothing_but_profile_error(value):
    try:
        compare(value)
    except ProfileError as error:
        assert "\n" not in str(error) and ":" in str(error)


# Readings the engine keeps to the text (zero-cost lines, order of lines, windows) -----------

DATA = policy_data()


def _rule_for(av: str | None, dental: str | None, care_id: str, person: dict) -> dict | None:
    kind = DATA.catalogue[care_id]["kind"]
    name = dental if kind == "dental" else av
    benefit = DATA.packages[kind][name]["benefits"].get(care_id) if name else None
    if benefit is None:
        return None
    parsed = Person(None, person["age"], person.get("sex"), ())
    return _choose_rule(benefit["rules"], parsed)[1]


free_lines = st.fixed_dictionaries(
    {"id": st.sampled_from(CARE_IDS), "price": st.just(0)},
    optional={"count": st.integers(1, 60), "contracted": st.booleans()},
)


@FAST
@given(profiles, st.data())
def test_a_line_that_costs_nothing_never_changes_another_line(profile, data):
    index = data.draw(st.integers(0, len(profile["persons"]) - 1))
    care = profile["persons"][index]["care"]
    position = data.draw(st.integers(0, len(care)))
    grown = json.loads(json.dumps(profile))
    grown["persons"][index]["care"].insert(position, data.draw(free_lines))
    for before, after in zip(compare(profile)["results"], compare(grown)["results"], strict=True):
        lines_after = [person["lines"] for person in after["persons"]]
        del lines_after[index][position]
        assert [person["lines"] for person in before["persons"]] == lines_after
        assert money(before["reimbursed"]) == money(after["reimbursed"])


@FAST
@given(profiles, st.randoms(use_true_random=False))
def test_the_order_of_a_persons_lines_does_not_change_what_untiered_benefits_reimburse(profile, random):
    shuffled = json.loads(json.dumps(profile))
    for person in shuffled["persons"]:
        random.shuffle(person["care"])

    def untiered_totals(result: dict, persons: list[dict]) -> list[Decimal]:
        totals = []
        for person, person_result in zip(persons, result["persons"], strict=True):
            lines = zip(person["care"], person_result["lines"], strict=True)
            totals.append(
                sum(
                    (
                        money(line["reimbursed"])
                        for care, line in lines
                        if "tiers" not in (_rule_for(result["av"], result["dental"], care["id"], person) or {})
                    ),
                    Decimal(0),
                )
            )
        return totals

    before, after = compare(profile)["results"], compare(shuffled)["results"]
    for result_before, result_after in zip(before, after, strict=True):
        assert untiered_totals(result_before, profile["persons"]) == untiered_totals(result_after, shuffled["persons"])


def _window_limits(rule: dict) -> list[Decimal]:
    """What a rule can pay at most within each of its own (unshared) limits."""
    bounds = []
    for limit in rule["limits"]:
        if "pool" in limit:
            continue
        if "amount" in limit:
            bounds.append(limit["amount"])
        elif "unit_max" in rule:
            bounds.append(limit["count"] * rule["unit_max"])
    return bounds


WINDOWED = sorted(
    {
        care_id
        for kind in DATA.packages.values()
        for package in kind.values()
        for care_id, benefit in package["benefits"].items()
        if any(_window_limits(rule) for rule in benefit["rules"])
    }
)


@FAST
@given(
    st.sampled_from(WINDOWED),
    st.integers(0, 90),
    st.lists(
        st.fixed_dictionaries({"price": prices}, optional={"count": st.integers(1, 60), "contracted": st.booleans()}),
        min_size=1,
        max_size=4,
    ),
    st.decimals(min_value=0, max_value=3000, places=2),
    st.booleans(),
)
def test_no_window_ever_pays_more_than_its_limit_whatever_was_paid_earlier(care_id, age, lines, earlier, own_line):
    care = [{"id": care_id, **line} for line in lines]
    history = {"reimbursed_earlier_in_period": float(earlier)}
    if own_line:
        care.append({"id": care_id, "price": 0, **history})
    else:
        care[0].update(history)
    person = {"age": age, "sex": "female", "care": care}
    packages = [{"av": av, "dental": dental} for av, dental in zip(AV, DENTAL[1:] + [None], strict=True)]
    for result in compare({"persons": [person], "packages": packages})["results"]:
        rule = _rule_for(result["av"], result["dental"], care_id, person)
        if rule is None or "unknown" in rule:
            continue
        reimbursed = sum((money(line["reimbursed"]) for line in result["persons"][0]["lines"]), Decimal(0))
        for bound in _window_limits(rule):
            assert reimbursed <= max(Decimal(0), bound - earlier), (result["av"], result["dental"], bound)


# Shared caps: every amount limit (one benefit's, or a pool's) and every bounded set of tiers ----


def _caps(kind: str, name: str, person: dict) -> list[tuple[list[str], Decimal]]:
    """(the care ids sharing it, the amount) of every cap on what the person can be reimbursed in the package."""
    package, caps = DATA.packages[kind][name], {}
    for care_id, benefit in package["benefits"].items():
        rule = _choose_rule(benefit["rules"], Person(None, person["age"], person.get("sex"), ()))[1]
        for limit in rule["limits"]:
            if "amount" in limit:
                ids = package["pools"][limit["pool"]] if "pool" in limit else [care_id]
                caps[limit.get("pool", care_id)] = (ids, limit["amount"])
        if "tiers" in rule and rule["tiers"][-1]["up_to"] is not None:
            bands = sum((t["up_to"] - t["from"]) * t["rate"] / 100 for t in rule["tiers"])
            caps[f"tiers:{care_id}"] = ([care_id], bands)
    return list(caps.values())


PACKAGES = [("av", name) for name in AV] + [("dental", name) for name in DENTAL[1:]]
CAPPED = {
    (kind, name): sorted({i for ids, _ in _caps(kind, name, {"age": 30, "sex": "female"}) for i in ids})
    for kind, name in PACKAGES
}


# Prices whose 70% ends in half a cent, and earlier reimbursements at or near a band's end or a limit.
HALF_CENTS = st.integers(0, 15_000).map(lambda tenth: Decimal(tenth * 10 + 5).scaleb(-2))
NEAR_BOUNDS = st.sampled_from(["500", "749.99", "750", "800", "849.99", "850", "1099.99"]).map(Decimal)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.sampled_from(PACKAGES), st.integers(0, 90), st.sampled_from([None, "female", "male"]), st.data())
def test_no_cap_is_ever_exceeded_by_a_persons_lines_together(package, age, sex, data):
    kind, name = package
    line = st.fixed_dictionaries(
        {"id": st.sampled_from(CAPPED[package]), "price": st.one_of(st.decimals(0, 1500, places=2), HALF_CENTS)},
        optional={
            "count": st.integers(1, 12),
            "contracted": st.booleans(),
            "reimbursed_earlier_in_period": st.one_of(st.decimals(0, 1200, places=2), NEAR_BOUNDS),
        },
    ).map(lambda c: {key: float(value) if isinstance(value, Decimal) else value for key, value in c.items()})
    person = {"age": age, "care": data.draw(st.lists(line, min_size=1, max_size=8))}
    if sex:
        person["sex"] = sex
    entry = {"av": name} if kind == "av" else {"av": "primair", "dental": name}
    lines = compare({"persons": [person], "packages": [entry]})["results"][0]["persons"][0]["lines"]
    for ids, amount in _caps(kind, name, person):
        earlier = sum(
            (
                max(
                    (money(c.get("reimbursed_earlier_in_period", 0)) for c in person["care"] if c["id"] == i), default=0
                )
                for i in ids
            ),
            Decimal(0),
        )
        reimbursed = sum((money(r["reimbursed"]) for r in lines if r["id"] in ids), Decimal(0))
        assert reimbursed <= max(Decimal(0), amount - earlier), (ids, amount, earlier, lines)


def test_dental_excellent_pays_at_most_its_yearly_maximum_across_lines():
    # Each line's share of the bands rounded on its own paid 3.12 + 296.89: one cent over EUR 1,100.
    care = [
        {"id": "tandarts", "price": 4.45, "reimbursed_earlier_in_period": 800},
        {"id": "tandarts", "price": 1467.52},
        {"id": "tandarts", "price": 22.15},
    ]
    profile = {"persons": [{"age": 30, "care": care}], "packages": [{"av": "primair", "dental": "excellent"}]}
    lines = compare(profile)["results"][0]["persons"][0]["lines"]
    assert [line["reimbursed"] for line in lines] == [3.12, 296.88, 0]


BOUNDED_TIERS = [
    (kind, name, care_id)
    for kind, name in PACKAGES
    for care_id, benefit in DATA.packages[kind][name]["benefits"].items()
    if any("tiers" in rule and rule["tiers"][-1]["up_to"] is not None for rule in benefit["rules"])
]


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.sampled_from(BOUNDED_TIERS),
    st.one_of(st.decimals(0, 1200, places=2), NEAR_BOUNDS),
    st.lists(st.one_of(st.decimals(0, 600, places=2), HALF_CENTS), min_size=2, max_size=6),
)
def test_lines_under_bounded_tiers_never_pay_past_the_bands_together(where, earlier, prices):
    kind, name, care_id = where
    care = [{"id": care_id, "price": float(price)} for price in prices]
    care[0]["reimbursed_earlier_in_period"] = float(earlier)
    entry = {"av": name} if kind == "av" else {"av": "primair", "dental": name}
    lines = compare({"persons": [{"age": 30, "care": care}], "packages": [entry]})["results"][0]["persons"][0]["lines"]
    [(_, bands)] = [cap for cap in _caps(kind, name, {"age": 30}) if cap[0] == [care_id]]
    assert sum((money(line["reimbursed"]) for line in lines), Decimal(0)) <= max(Decimal(0), bands - earlier)
