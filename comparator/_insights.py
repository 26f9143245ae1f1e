"""What the answer card says beside the cheapest plans: the break-even premium of a package whose
2020 premium is unknown, and the care lines that decide between the best plan and the runner-up.

Break-even (comparator contract, v3). AV Optimaal and dental Excellent have no 2020 premium, so
best_plans leaves them out. Given a monthly premium P for such a package U, a plan in which k
adults hold U has total A + 12 k P and premium Q + 12 k P, where A and Q leave U's premium out
(children pay none, art. 1.5.1). Among the plans with the same k the order of best_plans
(total, premium, choices) therefore does not depend on P, so one plan per k decides: the first
by that order, found by one pass over the adults whose state is (k, the highest av among the
guardians so far), because only the children couple the adults (art. 1.2.2). Each plan's place
is best_plans' own rank (PlanSearch.ranks) with U's premium left out. As P falls, a plan holding
U only gains on the first plan without U (k = 0), so "best_plans puts a plan holding U first" holds
for every P below one threshold: `below_month` is the smallest premium in cents at which no k's
plan comes first, and `holders` and `persons` describe the first plan one cent lower. All in
whole cents, ties as in best_plans.
"""

from __future__ import annotations

import dataclasses
import itertools
from decimal import Decimal

from ._best import PlanSearch
from ._money import ZERO, to_json_number
from ._profile import AV_PACKAGES, DENTAL_PACKAGES, Holding, Profile

__all__ = ["DECIDING_LINES", "break_even_json", "deciding_lines_json", "unknown_premiums"]

DECIDING_LINES = 3  # the answer card names at most this many


def unknown_premiums(profile: Profile, search: PlanSearch) -> list[tuple[str, str]]:
    """(kind, package) of every package whose monthly premium neither the data nor the profile gives."""
    data = search.data
    return [
        (kind, name)
        for kind, names in (("av", AV_PACKAGES), ("dental", DENTAL_PACKAGES))
        for name in names
        if data.premiums[kind].get(name) is None and name not in profile.premiums[kind]
    ]


def _rank(search: PlanSearch, index: int, holding: Holding, unknown: tuple[str, str]) -> int:
    """best_plans' rank of one person's option, with U's premium (the unknown) left out."""

    def part(kind: str, package: str | None):
        found = search.part(index, kind, package)
        return dataclasses.replace(found, premium_year=ZERO) if (kind, package) == unknown else found

    return search.ranks.of(index, part("av", holding.av), part("dental", holding.dental), holding)


def _first_by_holders(search: PlanSearch, kind: str, unknown: str) -> dict[int, tuple[int, tuple]]:
    """k -> (rank without U's premium, holdings) of the first plan in which exactly k adults hold U."""
    avs = search.av_choices + ((unknown,) if kind == "av" else ())
    dentals = search.dental_choices + ((unknown,) if kind == "dental" else ())
    states: dict[tuple[int, int], tuple[int, tuple]] = {(0, -1): (0, ())}
    for index in search.adults:
        guardian = index in search.guardians
        options = [
            (_rank(search, index, holding, (kind, unknown)), getattr(holding, kind) == unknown, holding)
            for holding in itertools.starmap(Holding, itertools.product(avs, dentals))
        ]
        following: dict[tuple[int, int], tuple[int, tuple]] = {}
        for (k, top), (rank, chosen) in states.items():
            for option_rank, holds, holding in options:
                key = (k + holds, max(top, search.level(holding.av)) if guardian else top)
                if key not in following or rank + option_rank < following[key][0]:
                    following[key] = (rank + option_rank, (*chosen, holding))
        states = following
    first: dict[int, tuple[int, tuple]] = {}
    for (k, top), (rank, chosen) in states.items():
        child = Holding(None if top < 0 else search.household["av_order"][top], None)
        rank += sum(_rank(search, i, child, (kind, unknown)) for i in search.children)
        adults = dict(zip(search.adults, chosen, strict=True))
        holdings = tuple(adults.get(i, child) for i in range(len(search.profile.persons)))
        if k not in first or rank < first[k][0]:
            first[k] = (rank, holdings)
    return first


def _order_at(search: PlanSearch, rank: int, k: int, premium: int) -> tuple[int, int, int]:
    """(total, premium, choices) in cents and digits of a plan with k holders paying `premium` a month each."""
    choice_scale = search.ranks.choice_scale
    rest, choices = divmod(rank, choice_scale)
    total, premium_year = divmod(rest, search.ranks.premium_scale)
    return total + 12 * k * premium, premium_year + 12 * k * premium, choices


def _first_premium_not_first(search: PlanSearch, rank: int, k: int, without: tuple) -> int:
    """The smallest monthly premium (cents, >= 0) at which the k-plan no longer comes before `without`."""
    total, _, _ = _order_at(search, rank, k, 0)
    below, rest = divmod(without[0] - total, 12 * k)
    if below < 0:
        return 0
    # Below `below` it is cheaper, above it dearer; at it (when the totals can be equal) the tie order decides.
    if rest == 0 and _order_at(search, rank, k, below) > without:
        return below
    return below + 1


def break_even_json(profile: Profile, search: PlanSearch) -> list[dict]:
    """Per package with an unknown premium: the monthly premium per adult at which best_plans no
    longer puts a plan holding it first, while one cent lower it does (`below_month`, null when
    not even at EUR 0.01), and that first plan one cent lower (`holders`, `persons`)."""
    if not search.adults:
        return []  # nothing is ranked without an adult (art. 1.2.2)
    answers = []
    for kind, unknown in unknown_premiums(profile, search):
        first = _first_by_holders(search, kind, unknown)
        without = _order_at(search, first[0][0], 0, 0)
        holding = [k for k in first if k > 0]
        below = max((_first_premium_not_first(search, first[k][0], k, without) for k in holding), default=0)
        winner = None
        if below > 1:  # at one cent below, some plan holding U comes first: the first of them
            winner = min(holding, key=lambda k: _order_at(search, first[k][0], k, below - 1))
        answers.append(
            {
                "kind": kind,
                "package": unknown,
                "below_month": None if winner is None else to_json_number(Decimal(below).scaleb(-2)),
                "holders": winner,
                "persons": None if winner is None else _persons_json(profile, first[winner][1]),
            }
        )
    return answers


def _persons_json(profile: Profile, holdings: tuple[Holding, ...]) -> list[dict]:
    return [
        {"name": person.name, "av": holding.av, "dental": holding.dental}
        for person, holding in zip(profile.persons, holdings, strict=True)
    ]


def deciding_lines_json(profile: Profile, search: PlanSearch, best: tuple, runner_up: tuple) -> list[dict]:
    """The care lines whose own payment differs most between the best plan and the runner-up,
    largest difference first (then in the order of the profile), at most DECIDING_LINES."""
    differences = []
    for index, (first, second) in enumerate(
        zip(search.person_figures(best), search.person_figures(runner_up), strict=True)
    ):
        for line_index, (ours, theirs) in enumerate(zip(first.lines, second.lines, strict=True)):
            difference = (theirs.cost - theirs.reimbursed) - (ours.cost - ours.reimbursed)
            if difference:
                differences.append((-abs(difference), index, line_index, difference, ours, theirs))
    differences.sort(key=lambda entry: entry[:3])

    def side(line) -> dict:
        return {
            "out_of_pocket": to_json_number(line.cost - line.reimbursed),
            "article": line.article,
            "status": line.status,
        }

    return [
        {
            "person": index,
            "name": profile.persons[index].name,
            "line": line_index,
            "id": ours.id,
            "difference": to_json_number(difference),
            "best": side(ours),
            "runner_up": side(theirs),
        }
        for _, index, line_index, difference, ours, theirs in differences[:DECIDING_LINES]
    ]
