"""compare(profile) -> result: every person's care under every package combination."""

from __future__ import annotations

from decimal import Decimal

from ._data import PolicyData, policy_data
from ._engine import LineResult, PersonLedger, evaluate_line
from ._explain import Explainer
from ._money import ZERO, to_json_number
from ._profile import Combination, Profile, parse_profile

__all__ = ["compare", "compare_parsed"]

ADULT_AGE = 18  # art. 1.5.1: no premium before 18
DENTAL_CHAPTER = "8"


def _line_json(line: LineResult) -> dict:
    return {
        "id": line.id,
        "cost": to_json_number(line.cost),
        "reimbursed": to_json_number(line.reimbursed),
        "out_of_pocket": to_json_number(line.cost - line.reimbursed),
        "status": line.status,
        "article": line.article,
        "explanation": line.explanation,
    }


def _premium_year(profile: Profile, combination: Combination, data: PolicyData) -> Decimal | None:
    adults = sum(1 for person in profile.persons if person.age >= ADULT_AGE)
    monthly = ZERO
    for kind, name in (("av", combination.av), ("dental", combination.dental)):
        if name is None:
            continue
        premium = profile.premiums[kind].get(name, data.premiums[kind].get(name))
        if premium is None:
            return None if adults else ZERO
        monthly += premium
    return 12 * monthly * adults


def _combination_json(profile: Profile, combination: Combination, data: PolicyData, say: Explainer) -> dict:
    av = data.packages["av"][combination.av]
    dental = data.packages["dental"][combination.dental] if combination.dental else None
    persons, cost, reimbursed, complete = [], ZERO, ZERO, True
    for person in profile.persons:
        ledger = PersonLedger(person)
        lines = []
        for line in person.care:
            if data.catalogue[line.id]["kind"] == "dental":
                evaluated = evaluate_line(line, dental, "tandartsverzekering", DENTAL_CHAPTER, ledger, data, say)
            else:
                evaluated = evaluate_line(line, av, "aanvullende verzekering", av["chapter"], ledger, data, say)
            cost += evaluated.cost
            reimbursed += evaluated.reimbursed
            complete = complete and evaluated.status != "unknown"
            lines.append(_line_json(evaluated))
        persons.append({"name": person.name, "lines": lines})
    premium_year = _premium_year(profile, combination, data)
    out_of_pocket = cost - reimbursed
    return {
        "av": combination.av,
        "dental": combination.dental,
        "cost": to_json_number(cost),
        "reimbursed": to_json_number(reimbursed),
        "out_of_pocket": to_json_number(out_of_pocket),
        "premium_year": None if premium_year is None else to_json_number(premium_year),
        "total_year": None if premium_year is None else to_json_number(premium_year + out_of_pocket),
        "complete": complete,
        "persons": persons,
    }


def compare_parsed(profile: Profile, data: PolicyData) -> dict:
    say = Explainer()
    return {
        "year": profile.year,
        "results": [_combination_json(profile, combination, data, say) for combination in profile.combinations],
    }


def compare(profile: dict) -> dict:
    """The contract's result for a profile dict; raises ProfileError naming the field at fault."""
    data = policy_data()
    return compare_parsed(parse_profile(profile, data), data)
