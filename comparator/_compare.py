"""compare(profile) -> result: every person's care under every package combination.

Beside the contract's fields each result person carries `premium_year`: what that person pays in
premium per year under their packages (0 for a child, art. 1.5.1; null when a premium it needs
is unknown). The persons' premiums add up to the result's `premium_year`.
"""

from __future__ import annotations

from collections.abc import Callable

from ._data import PolicyData, policy_data
from ._engine import LineResult
from ._english import explainer
from ._household import Part, PersonFigures, evaluate_part, figures_json, holdings, plan_figures
from ._money import ZERO, to_json_number
from ._profile import Combination, PersonsPackages, Profile, parse_profile

__all__ = ["combination_json", "compare", "compare_parsed"]


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


def _premium_json(figures: PersonFigures) -> float | None:
    av, dental = figures.av.premium_year, figures.dental.premium_year
    return None if av is None or dental is None else to_json_number(sum((av, dental), ZERO))


def combination_json(
    profile: Profile,
    entry: Combination | PersonsPackages,
    part: Callable[[int, str, str | None], Part],
    household: dict,
) -> dict:
    """One result: `part(index, kind, package)` gives each person's part, evaluated once by the caller."""
    persons = [
        PersonFigures(holding, part(index, "av", holding.av), part(index, "dental", holding.dental))
        for index, holding in enumerate(holdings(profile, entry, household))
    ]
    # A {"persons": [...]} entry has no one package for all: its top carries null (contract, v2).
    av, dental = (entry.av, entry.dental) if isinstance(entry, Combination) else (None, None)
    return {
        "av": av,
        "dental": dental,
        **figures_json(plan_figures(persons)),
        "persons": [
            {
                "name": person.name,
                "av": figures.holding.av,
                "dental": figures.holding.dental,
                "premium_year": _premium_json(figures),
                "lines": [_line_json(line) for line in figures.lines],
            }
            for person, figures in zip(profile.persons, persons, strict=True)
        ],
    }


class _Parts:
    """Each person's part under each package, evaluated once: combinations share them (the five
    default combinations hold ten parts per person, twenty combinations nine)."""

    def __init__(self, profile: Profile, data: PolicyData):
        self.profile, self.data, self.say = profile, data, explainer(profile.lang)
        self._kept: dict[tuple[int, str, str | None], Part] = {}

    def __call__(self, index: int, kind: str, package: str | None) -> Part:
        key = (index, kind, package)
        if key not in self._kept:
            person = self.profile.persons[index]
            self._kept[key] = evaluate_part(person, kind, package, self.profile, self.data, self.say)
        return self._kept[key]


def compare_parsed(profile: Profile, data: PolicyData) -> dict:
    part = _Parts(profile, data)
    return {
        "year": profile.year,
        "results": [combination_json(profile, entry, part, data.household) for entry in profile.combinations],
    }


def compare(profile: dict) -> dict:
    """The contract's result for a profile dict; raises ProfileError naming the field at fault."""
    data = policy_data()
    return compare_parsed(parse_profile(profile, data), data)
