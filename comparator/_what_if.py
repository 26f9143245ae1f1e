"""What if one care line were more or less: each best plan's total per year against the line's
quantity (sessions, hours, days, or an amount in euros), and where one plan overtakes another.

Only that person's part of the line's kind changes with the quantity (limits are per person, and
a supplementary package never reaches dental care), so a plan's total at quantity q is its total
minus that part's own payment plus the part's own payment at q, evaluated by the engine itself.

The quantity is a whole number: a count of sessions (the contract's `count`), or cents for an
amount line (amounts have at most 2 decimals; it is the line's price, and a count given with it
stays). The chart shows up to POINTS + 1 quantities from 0. A crossing is the smallest
quantity from which a plan is cheaper than another, found where the order of two plans changes
between two shown quantities, by bisection over the whole numbers between them: exact when the
two totals cross at most once between neighbouring points. With a count of at most POINTS every
whole number is shown, so there it is exact. Wider ranges (amounts, large counts) could hide two
crossings between two points only where two of the rule's thresholds lie within one step of each
other (a step is 1/POINTS of the range). Deriving the breakpoints from every rule shape instead
(percentages, tiers, bands, per-unit maxima, shared limits) would repeat the engine's rules.
"""

from __future__ import annotations

import dataclasses
import itertools
from decimal import Decimal

from ._best import PlanSearch
from ._household import evaluate_part
from ._money import to_json_number
from ._profile import Holding, ProfileError

__all__ = ["POINTS", "what_if_json"]

POINTS = 24
SMALLEST_AMOUNT_RANGE = 10_000  # cents: an amount of EUR 20 still gets a chart that shows the thresholds near it
EURO = 100


def _points(quantity: str, line) -> tuple[int, list[int]]:
    """(current quantity, the quantities shown): from 0 to twice the current one, or at least 10
    sessions or EUR 100, in POINTS steps (amounts: whole euros)."""
    if quantity == "count_x_price":
        current, largest, unit = line.count, min(366, max(10, 2 * line.count)), 1
    else:
        current = int(line.price.scaleb(2))
        largest, unit = max(SMALLEST_AMOUNT_RANGE, 2 * current), EURO
    step = -(-largest // (POINTS * unit)) * unit
    return current, sorted({*range(0, largest + 1, step), largest, current})


class _Totals:
    """Each plan's total in cents at a quantity, from the person's part evaluated at that quantity."""

    def __init__(
        self, search: PlanSearch, plans: list[tuple[Holding, ...]], person: int, line: int, kind: str, quantity: str
    ):
        self.search, self.person, self.line, self.kind, self.quantity = search, person, line, kind, quantity
        profile = search.profile
        self.packages = [getattr(holdings[person], kind) for holdings in plans]
        self.others = []  # per plan: its total per year but for what the person pays on lines of this kind
        for holdings, package in zip(plans, self.packages, strict=True):
            parts = [part for figures in search.person_figures(holdings) for part in (figures.av, figures.dental)]
            own = search.part(person, kind, package)
            self.others.append(sum((part.total_year for part in parts), Decimal(0)) - (own.cost - own.reimbursed))
        self.original = profile.persons[person]
        self._kept: dict[tuple[str | None, int], Decimal] = {}

    def _own(self, package: str | None, q: int) -> Decimal:
        if (package, q) not in self._kept:
            care = list(self.original.care)
            line = care[self.line]
            # Quantity 0 is a line that costs nothing: it uses up nothing (as in the engine) and keeps its history.
            if self.quantity == "count_x_price":
                care[self.line] = dataclasses.replace(line, count=max(q, 1), price=line.price if q else Decimal(0))
            else:
                care[self.line] = dataclasses.replace(line, price=Decimal(q).scaleb(-2))
            person = dataclasses.replace(self.original, care=tuple(care))
            search = self.search
            part = evaluate_part(person, self.kind, package, search.profile, search.data, search.say)
            self._kept[package, q] = part.cost - part.reimbursed
        return self._kept[package, q]

    def at(self, q: int) -> list[Decimal]:
        return [other + self._own(package, q) for other, package in zip(self.others, self.packages, strict=True)]


def _order(totals: list[Decimal], a: int, b: int) -> int:
    """-1: plan a is cheaper, 1: plan b is cheaper, 0: equal."""
    return (totals[a] > totals[b]) - (totals[a] < totals[b])


def _crossings(totals: _Totals, points: list[int], at: dict[int, list[Decimal]], plans: int) -> list[dict]:
    crossings = []
    for a in range(plans):
        for b in range(a + 1, plans):
            for low, high in itertools.pairwise(points):
                before, after = _order(at[low], a, b), _order(at[high], a, b)
                if before == after or after == 0:
                    continue
                # The smallest q in (low, high] from which the order is `after` (one crossing between points).
                while high - low > 1:
                    middle = (low + high) // 2
                    if _order(totals.at(middle), a, b) == after:
                        high = middle
                    else:
                        low = middle
                cheaper, dearer = (a, b) if after < 0 else (b, a)
                crossings.append({"from": high, "cheaper": cheaper, "than": dearer})
    return sorted(crossings, key=lambda crossing: (crossing["from"], crossing["cheaper"], crossing["than"]))


def what_if_json(search: PlanSearch, plans: list[tuple[Holding, ...]], person: int, line: int) -> dict:
    """The totals of `plans` (every person's holdings, known premiums) against person `person`'s care line `line`."""
    profile = search.profile
    if isinstance(person, bool) or not isinstance(person, int) or not 0 <= person < len(profile.persons):
        raise ProfileError(
            f"what_if.person: must be a person's index from 0 to {len(profile.persons) - 1}, got {person!r}"
        )
    care = profile.persons[person].care
    if isinstance(line, bool) or not isinstance(line, int) or not 0 <= line < len(care):
        raise ProfileError(f"what_if.line: must be a care line's index from 0 to {len(care) - 1}, got {line!r}")
    item = search.data.catalogue[care[line].id]
    quantity = item["quantity"]
    current, points = _points(quantity, care[line])
    totals = _Totals(search, plans, person, line, item["kind"], quantity)
    at = {q: totals.at(q) for q in points}
    shown = (lambda q: q) if quantity == "count_x_price" else (lambda q: to_json_number(Decimal(q).scaleb(-2)))
    crossings = _crossings(totals, points, at, len(plans))
    for crossing in crossings:
        crossing["from"] = shown(crossing["from"])
    return {
        "person": person,
        "line": line,
        "id": care[line].id,
        "quantity": "count" if quantity == "count_x_price" else "amount",
        "unit": item.get("unit"),
        "price": to_json_number(care[line].price),
        "count": care[line].count,
        "current": shown(current),
        "points": [shown(q) for q in points],
        "totals": [[to_json_number(at[q][p]) for q in points] for p in range(len(plans))],
        "crossings": crossings,
    }
