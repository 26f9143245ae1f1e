"""compare(profile) -> result: every person's care under every package combination."""

from __future__ import annotations

from decimal import Decimal

from ._data import PolicyData, policy_data
from ._engine import LineResult, PersonLedger, claim_priority, evaluate_line, line_terms
from ._explain import Explainer
from ._money import ZERO, to_json_number
from ._profile import Combination, Person, Profile, parse_profile

__all__ = ["compare", "compare_parsed"]

ADULT_AGE = 18  # art. 1.5.1: no premium before 18
DENTAL_CHAPTER = "8"
KIND_TITLES = {"av": "aanvullende verzekering", "dental": "tandartsverzekering"}


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


class _PackageLines:
    """Each person's lines under each package, evaluated once and kept.

    Supplementary and dental limits never meet, so a person's figures under a combination are
    their supplementary lines under its AV package plus their dental lines under its dental package.
    """

    def __init__(self, profile: Profile, data: PolicyData):
        self.profile, self.data, self.say = profile, data, Explainer()
        self._kept: dict[tuple[int, str, str | None], dict[int, LineResult]] = {}

    def lines(self, person_index: int, kind: str, name: str | None) -> dict[int, LineResult]:
        """Line index -> result, for the person's lines of this kind under this package."""
        key = (person_index, kind, name)
        if key not in self._kept:
            self._kept[key] = self._evaluate(self.profile.persons[person_index], kind, name)
        return self._kept[key]

    def _evaluate(self, person: Person, kind: str, name: str | None) -> dict[int, LineResult]:
        data = self.data
        package = data.packages[kind][name] if name else None
        chapter = DENTAL_CHAPTER if kind == "dental" else package["chapter"]
        indices = [i for i, line in enumerate(person.care) if data.catalogue[line.id]["kind"] == kind]
        terms = {i: line_terms(person.care[i], package, KIND_TITLES[kind], chapter, person, self.say) for i in indices}
        # Limits go to the most reimbursed units first (see claim_priority); results keep the lines' order.
        indices.sort(key=lambda i: -claim_priority(person.care[i], terms[i]))
        ledger = PersonLedger(person)
        return {i: evaluate_line(person.care[i], terms[i], ledger, data, self.say) for i in indices}


def _combination_json(profile: Profile, combination: Combination, kept: _PackageLines) -> dict:
    persons, cost, reimbursed, complete = [], ZERO, ZERO, True
    for index, person in enumerate(profile.persons):
        evaluated = {**kept.lines(index, "av", combination.av), **kept.lines(index, "dental", combination.dental)}
        lines = [evaluated[i] for i in range(len(person.care))]
        for line in lines:
            cost += line.cost
            reimbursed += line.reimbursed
            complete = complete and line.status != "unknown"
        persons.append({"name": person.name, "lines": [_line_json(line) for line in lines]})
    premium_year = _premium_year(profile, combination, kept.data)
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
    kept = _PackageLines(profile, data)
    return {
        "year": profile.year,
        "results": [_combination_json(profile, combination, kept) for combination in profile.combinations],
    }


def compare(profile: dict) -> dict:
    """The contract's result for a profile dict; raises ProfileError naming the field at fault."""
    data = policy_data()
    return compare_parsed(parse_profile(profile, data), data)
