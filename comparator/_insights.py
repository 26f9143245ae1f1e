"""What the answer card says beside the cheapest plans: the break-even premium of a package whose
2020 premium is unknown, and the care lines that decide between the best plan and the runner-up.

Break-even. AV Optimaal and dental Excellent have no 2020 premium, so best_plans leaves them out.
With a monthly premium P for such a package U, a plan in which k adults hold U costs
A + 12 k P, where A is its total without U's premium (children pay none, art. 1.5.1). It is
cheaper than the best plan without U (total B) when P < (B - A) / 12k. So the answer is the
largest (B - A_k) / 12k over k, with A_k the cheapest plan in which exactly k adults hold U. A_k
comes from one pass over the adults: the state is (k, the highest av so far), because only the
children couple the adults, through the highest av (art. 1.2.2); each adult's option is its
cheapest dental for a given av (or U when U is a dental package). All sums are in whole cents.
"""

from __future__ import annotations

from decimal import Decimal

from ._best import PlanSearch
from ._household import Part
from ._money import to_json_number
from ._profile import AV_PACKAGES, DENTAL_PACKAGES, Holding, Profile

__all__ = ["DECIDING_LINES", "break_even_json", "deciding_lines_json", "unknown_premiums"]

DECIDING_LINES = 3  # the answer card names at most this many


def _cents(amount: Decimal) -> int:
    return int(amount.scaleb(2))


def _own_cents(part: Part) -> int:
    """What the person pays under the part without its premium (U's premium is the unknown)."""
    return _cents(part.cost - part.reimbursed)


def unknown_premiums(profile: Profile, search: PlanSearch) -> list[tuple[str, str]]:
    """(kind, package) of every package whose monthly premium neither the data nor the profile gives."""
    data = search.data
    return [
        (kind, name)
        for kind, names in (("av", AV_PACKAGES), ("dental", DENTAL_PACKAGES))
        for name in names
        if data.premiums[kind].get(name) is None and name not in profile.premiums[kind]
    ]


def _adult_options(search: PlanSearch, index: int, kind: str, unknown: str) -> list[tuple[int, bool, Holding]]:
    """(cents without U's premium, holds U, holding): per av, the cheapest known dental, and with
    U a dental package also U itself."""

    def total(part: Part) -> int:
        return _own_cents(part) if part.premium_year is None else _cents(part.total_year)

    # Candidates come in the contract's order (none first), so min keeps the first of equal ones.
    dental_cents, dental = min(
        ((total(search.part(index, "dental", d)), d) for d in search.dental_choices), key=lambda option: option[0]
    )
    options = []
    for av in search.av_choices + ((unknown,) if kind == "av" else ()):
        av_cents = total(search.part(index, "av", av))
        options.append((av_cents + dental_cents, kind == "av" and av == unknown, Holding(av, dental)))
        if kind == "dental":
            options.append((av_cents + total(search.part(index, "dental", unknown)), True, Holding(av, unknown)))
    return options


def _cheapest_by_holders(search: PlanSearch, kind: str, unknown: str) -> dict[int, tuple[int, tuple]]:
    """k -> (the cheapest total without U's premium of a plan in which exactly k adults hold U, its holdings)."""
    states: dict[tuple[int, int], tuple[int, tuple]] = {(0, -1): (0, ())}
    for index in search.adults:
        options = _adult_options(search, index, kind, unknown)
        following: dict[tuple[int, int], tuple[int, tuple]] = {}
        for (k, top), (cents, chosen) in states.items():
            for option_cents, holds, holding in options:
                key = (k + holds, max(top, search.level(holding.av)))
                value = (cents + option_cents, (*chosen, holding))
                if key not in following or value[0] < following[key][0]:
                    following[key] = value
        states = following
    best: dict[int, tuple[int, tuple]] = {}
    for (k, top), (cents, chosen) in states.items():
        child_av = None if top < 0 else search.household["av_order"][top]
        children = sum(_own_cents(search.part(i, "av", child_av)) for i in search.children)
        adults = dict(zip(search.adults, chosen, strict=True))
        holdings = tuple(adults.get(i, Holding(child_av, None)) for i in range(len(search.profile.persons)))
        if k not in best or cents + children < best[k][0]:
            best[k] = (cents + children, holdings)
    return best


def break_even_json(profile: Profile, search: PlanSearch) -> list[dict]:
    """Per package with an unknown premium: the monthly premium per adult below which the cheapest
    plan holding it beats the best plan without it (`below_month`, null when not even at EUR 0)."""
    if not search.adults:
        return []  # nothing is ranked without an adult (art. 1.2.2)
    answers = []
    for kind, unknown in unknown_premiums(profile, search):
        by_holders = _cheapest_by_holders(search, kind, unknown)
        without = by_holders[0][0]
        best = None
        for k, (cents, holdings) in sorted(by_holders.items()):
            if k == 0:
                continue
            # Cheaper only when 12 k P < without - cents; the first premium that is not: ceil of the quotient.
            below = -((cents - without) // (12 * k))
            if below > 0 and (best is None or below > best[0]):
                best = (below, k, holdings)
        answers.append(
            {
                "kind": kind,
                "package": unknown,
                "below_month": None if best is None else to_json_number(Decimal(best[0]).scaleb(-2)),
                "holders": None if best is None else best[1],
                "persons": None if best is None else _persons_json(profile, best[2]),
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
