"""What if one care line were more or less: the best plans' totals per year against the line's
quantity (sessions, hours, days, or an amount in euros), where one plan overtakes another, and the
cheapest plan over every candidate at each quantity, with every quantity from which it changes.

Only that person's part of the line's kind changes with the quantity (limits are per person, and
a supplementary package never reaches dental care), so a plan's total at quantity q is its total
minus that part's own payment plus the part's own payment at q, evaluated by the engine itself.
Within the part, under package h, only the line's ledger group can change (ledger_group: the lines
joined to it by shared care ids or pools of h, the only keys under which lines share the ledger;
each line's place in the order is its own): the group is evaluated at q with the person's whole
history, the rest of the part is the profile's own from the plan search. Figures only: no
explanation, and no bands for a line whose amount limit is used up (it gets 0 whatever they
give). So the part's amounts are exactly those of evaluating it whole (tested on profiles whose
lines share pools, care ids and tiers); it costs one grouping per package, and a quantity costs
the group's lines instead of the whole part's.

The quantity is a whole number: a count of sessions (the contract's `count`), or cents for an
amount line (amounts have at most 2 decimals; it is the line's price, and a count given with it
stays). The chart shows up to POINTS + 1 quantities from 0.

The cheapest plan (`cheapest`, `changes`). The plans differ at q only through the package h the
person holds of the line's kind (their own av or dental; a child's av is the highest among the
guardians, art. 1.2.2). For each h the first plan by best_plans' order among those in which the
person holds h is fixed: the rest of the household does not depend on q. It comes from one pass
over the adults with the state (highest guardian av so far, the person's h), in best_plans' own
ranks (PlanSearch.ranks, which add up per person). At q the cheapest plan is the h with the
smallest rank + own payment under h at q, so `cheapest` at every shown quantity is exactly
best_plans' first plan (no assumption).

`changes`: where two evaluated quantities have different cheapest plans, the quantity between
them from which the later one beats the earlier one is searched (a linear guess and its
neighbour, else bisection) and both neighbours are evaluated, until every change lies between
neighbouring whole numbers: each change reported is exact, one unit either side (no assumption).
Where two quantities have the same cheapest plan c, another plan h can only be cheaper between
them if a lower bound of (h - c) there is negative: c's reimbursement at the left end minus h's
at the right (the costs cancel), or h's own payment at the left minus c's at the right. These
bounds hold when a larger quantity never lowers the part's reimbursement nor the own payment,
true of every rule shape here (percentages, maxima, tiers, bands, per-unit maxima);
tests/test_best_plans_what_if.py checks it for every care id under every package at sampled
quantities, one line at a time. Where a bound does not rule a change out, the interval is halved
and both halves checked again, for up to HIDDEN_BUDGET halvings per call. So `changes` is exact
over every whole quantity of the range when (a) the reimbursement and own payment of the part
never fall as the quantity grows and (b) the budget is not used up; with (a) but not (b) a
change between two evaluated quantities with the same cheapest plan may be missed. A search over
every amount line under every pair of packages (prices up to EUR 6,000) found no rule of 2020
that makes one package better than another only in a middle range, so halvings are few.

Crossings between the `limit` best plans (`crossings`) are the smallest quantity from which one
plan is cheaper than another, found where the order of two plans changes between two shown
quantities, by bisection over the whole numbers between them: exact when the two totals cross
at most once between neighbouring points. With a count of at most POINTS every whole number is
shown, so there it is exact. Wider ranges (amounts, large counts) could hide two crossings
between two points only where two of the rule's thresholds lie within one step of each other (a
step is 1/POINTS of the range). Deriving the breakpoints from every rule shape instead
(percentages, tiers, bands, per-unit maxima, shared limits) would repeat the engine's rules.
"""

from __future__ import annotations

import dataclasses
import itertools
from decimal import Decimal

from ._best import PlanSearch, plan_code
from ._household import evaluate_part, ledger_group
from ._money import known, to_json_number
from ._profile import Holding, ProfileError

__all__ = ["HIDDEN_BUDGET", "MAX_LIMIT", "POINTS", "what_if_json"]

POINTS = 24
MAX_LIMIT = 10
HIDDEN_BUDGET = 48  # quantities evaluated to rule out a change hidden between two with the same cheapest plan
SMALLEST_AMOUNT_RANGE = 10_000  # cents: an amount of EUR 20 still gets a chart that shows the thresholds near it
EURO = 100
UNSET = "unset"  # the person's package in a pass over the adults that has not reached them yet


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


def _cents(amount: Decimal) -> int:
    return int(amount.scaleb(2))


class _Own:
    """The person's part of the line's kind under a package at quantity q, in cents: (own payment,
    reimbursed). Per package, only the line's ledger group (ledger_group) is evaluated at each
    quantity; the rest of the part is the profile's own, evaluated once by best_plans' search."""

    def __init__(self, search: PlanSearch, person: int, line: int, kind: str, quantity: str):
        self.search, self.person, self.line, self.kind, self.quantity = search, person, line, kind, quantity
        self.original = search.profile.persons[person]
        self._kept: dict[tuple[str | None, int], tuple[int, int]] = {}
        self._groups: dict[str | None, tuple[frozenset[int], Decimal, Decimal]] = {}

    def _group(self, package: str | None) -> tuple[frozenset[int], Decimal, Decimal]:
        """(the line's ledger group, the cost and reimbursement of the part's other lines)."""
        if package not in self._groups:
            group = ledger_group(self.original, self.kind, package, self.line, self.search.data)
            rest = [result for i, result in self.search.part(self.person, self.kind, package).lines if i not in group]
            self._groups[package] = (
                group,
                sum((result.cost for result in rest), Decimal(0)),
                sum((result.reimbursed for result in rest), Decimal(0)),
            )
        return self._groups[package]

    def __call__(self, package: str | None, q: int) -> tuple[int, int]:
        if (package, q) not in self._kept:
            care = list(self.original.care)
            line = care[self.line]
            # Quantity 0 is a line that costs nothing: it uses up nothing (as in the engine) and keeps its history.
            if self.quantity == "count_x_price":
                care[self.line] = dataclasses.replace(line, count=max(q, 1), price=line.price if q else Decimal(0))
            else:
                care[self.line] = dataclasses.replace(line, price=Decimal(q).scaleb(-2))
            person = dataclasses.replace(self.original, care=tuple(care))
            group, rest_cost, rest_reimbursed = self._group(package)
            search = self.search
            part = evaluate_part(
                person, self.kind, package, search.profile, search.data, search.say, group, figures_only=True
            )
            cost, reimbursed = rest_cost + part.cost, rest_reimbursed + part.reimbursed
            self._kept[package, q] = (_cents(cost - reimbursed), _cents(reimbursed))
        return self._kept[package, q]


class _Totals:
    """Each of the best plans' total in cents at a quantity: the rest of the plan plus the person's own payment."""

    def __init__(self, search: PlanSearch, plans: list[tuple[Holding, ...]], person: int, kind: str, own: _Own):
        self.own = own
        self.packages = [getattr(holdings[person], kind) for holdings in plans]
        self.others = []  # per plan: its total per year but for what the person pays on lines of this kind
        for holdings, package in zip(plans, self.packages, strict=True):
            parts = [part for figures in search.person_figures(holdings) for part in (figures.av, figures.dental)]
            mine = search.part(person, kind, package)
            self.others.append(
                _cents(sum((known(part.total_year) for part in parts), Decimal(0)) - mine.cost + mine.reimbursed)
            )

    def of(self, plan: int, q: int) -> int:
        return self.others[plan] + self.own(self.packages[plan], q)[0]

    def at(self, q: int) -> list[int]:
        return [self.of(plan, q) for plan in range(len(self.others))]


def _order(a: int, b: int) -> int:
    """-1: a is cheaper, 1: b is cheaper, 0: equal."""
    return (a > b) - (a < b)


def _first_positive(low: int, high: int, value) -> int:
    """The smallest q in (low, high] with value(q) > 0 next to one with value(q - 1) <= 0, given
    value(low) <= 0 < value(high): a linear guess first and its neighbour (two evaluations where
    value is linear between them), bisection when that does not settle it."""
    at_low, at_high = value(low), value(high)
    while high - low > 1:
        guess = min(max(low + (-at_low * (high - low)) // (at_high - at_low) + 1, low + 1), high - 1)
        for probe in (guess, guess - 1 if value(guess) > 0 else guess + 1, (low + high) // 2):
            if low < probe < high:
                if value(probe) > 0:
                    high, at_high = probe, value(probe)
                else:
                    low, at_low = probe, value(probe)
    return high


def _crossings(totals: _Totals, points: list[int], at: dict[int, list[int]], plans: int) -> list[dict]:
    crossings = []
    for a, b in itertools.combinations(range(plans), 2):
        if totals.packages[a] == totals.packages[b]:
            continue  # the quantity moves both alike: their order never changes
        for low, high in itertools.pairwise(points):
            before, after = _order(at[low][a], at[low][b]), _order(at[high][a], at[high][b])
            if before == after or after == 0:
                continue
            # The smallest q in (low, high] from which the order is `after` (one crossing between points).
            cheaper, dearer = (a, b) if after < 0 else (b, a)
            start = _first_positive(low, high, lambda q, c=cheaper, d=dearer: totals.of(d, q) - totals.of(c, q))
            crossings.append({"from": start, "cheaper": cheaper, "than": dearer})
    return sorted(crossings, key=lambda crossing: (crossing["from"], crossing["cheaper"], crossing["than"]))


def _firsts(search: PlanSearch, person: int, kind: str) -> dict[str | None, tuple[int, tuple[Holding, ...]]]:
    """Per package h of `kind` the person can hold: (rank, holdings) of best_plans' first plan in
    which they hold h, at the profile's own quantity (module docstring)."""
    guardians = set(search.guardians)
    states: dict[tuple[int, str | None], tuple[int, tuple]] = {(-1, UNSET): (0, ())}
    for index in search.adults:
        following: dict[tuple[int, str | None], tuple[int, tuple]] = {}
        for (top, held), (rank, chosen) in states.items():
            for option_rank, level, holding in search.options[index]:
                key = (
                    max(top, level) if index in guardians else top,
                    getattr(holding, kind) if index == person else held,
                )
                if key not in following or rank + option_rank < following[key][0]:
                    following[key] = (rank + option_rank, (*chosen, holding))
        states = following
    firsts: dict[str | None, tuple[int, tuple[Holding, ...]]] = {}
    for (top, held), (rank, chosen) in states.items():
        child = Holding(None if top < 0 else search.household["av_order"][top], None)
        rank += sum(search.rank(i, child) for i in search.children)
        adults = dict(zip(search.adults, chosen, strict=True))
        held = getattr(child, kind) if held == UNSET else held
        if held not in firsts or rank < firsts[held][0]:
            firsts[held] = (rank, tuple(adults.get(i, child) for i in range(len(search.profile.persons))))
    return firsts


class _Cheapest:
    """The cheapest plan over every candidate at any quantity, as (rank, the person's package h)."""

    def __init__(self, search: PlanSearch, person: int, kind: str, own: _Own):
        self.own = own
        self.unit = search.ranks.premium_scale * search.ranks.choice_scale  # one cent of total in a rank
        self.firsts = _firsts(search, person, kind)
        # Each first plan's rank without the person's own payment under h (at the profile's quantity).
        self.rest = {}
        for package, (rank, _) in self.firsts.items():
            mine = search.part(person, kind, package)
            self.rest[package] = rank - _cents(mine.cost - mine.reimbursed) * self.unit
        self.seen: dict[int, tuple[int, str | None]] = {}
        self.budget = HIDDEN_BUDGET

    def at(self, q: int) -> tuple[int, str | None]:
        if q not in self.seen:
            self.seen[q] = min(
                (rest + self.own(package, q)[0] * self.unit, package) for package, rest in self.rest.items()
            )
        return self.seen[q]

    def json_at(self, q: int) -> dict:
        rank, package = self.at(q)
        return {
            "total_year": to_json_number(Decimal(rank // self.unit).scaleb(-2)),
            "plan": plan_code(self.firsts[package][1]),
        }

    def _may_hide(self, low: int, high: int, cheapest: str | None) -> bool:
        """Whether a plan other than `cheapest` (the cheapest at both ends) could be cheaper inside."""
        for package, rest in self.rest.items():
            if package == cheapest:
                continue
            gap = rest - self.rest[cheapest]
            reimbursed = self.own(cheapest, low)[1] - self.own(package, high)[1]
            paid = self.own(package, low)[0] - self.own(cheapest, high)[0]
            if gap + max(reimbursed, paid) * self.unit < 0:
                return True
        return False

    def _rank(self, package: str | None, q: int) -> int:
        return self.rest[package] + self.own(package, q)[0] * self.unit

    def explore(self, low: int, high: int) -> None:
        """Evaluate quantities between `low` and `high` until every change between them is at neighbours."""
        intervals = [(low, high)]
        while intervals:
            low, high = intervals.pop()
            first, last = self.at(low)[1], self.at(high)[1]
            if high - low <= 1:
                continue
            if first != last:
                # Where `last` overtakes `first`; a third plan between them shows at the neighbours.
                start = _first_positive(low, high, lambda q, a=first, b=last: self._rank(a, q) - self._rank(b, q))
                intervals += [(start, high), (start - 1, start), (low, start - 1)]
            elif self.budget > 0 and self._may_hide(low, high, first):
                self.budget -= 1
                middle = (low + high) // 2
                intervals += [(middle, high), (low, middle)]

    def changes(self, points: list[int]) -> list[tuple[int, str]]:
        """(quantity, plan code) for every smallest quantity in the range from which another plan is the cheapest."""
        for low, high in itertools.pairwise(points):
            self.explore(low, high)
        quantities = sorted(q for q in self.seen if points[0] <= q <= points[-1])
        return [
            (high, plan_code(self.firsts[self.at(high)[1]][1]))
            for low, high in itertools.pairwise(quantities)
            if self.at(low)[1] != self.at(high)[1]
        ]


def what_if_json(search: PlanSearch, plans: list[tuple[Holding, ...]], person: int, line: int) -> dict:
    """The totals of `plans` (every person's holdings, known premiums) against person `person`'s
    care line `line`, and the cheapest plan over every candidate at each quantity."""
    profile = search.profile
    if isinstance(person, bool) or not isinstance(person, int) or not 0 <= person < len(profile.persons):
        raise ProfileError(
            f"what_if.person: must be a person's index from 0 to {len(profile.persons) - 1}, got {person!r}"
        )
    care = profile.persons[person].care
    if isinstance(line, bool) or not isinstance(line, int) or not 0 <= line < len(care):
        raise ProfileError(f"what_if.line: must be a care line's index from 0 to {len(care) - 1}, got {line!r}")
    item = search.data.catalogue[care[line].id]
    quantity, kind = item["quantity"], item["kind"]
    current, points = _points(quantity, care[line])
    own = _Own(search, person, line, kind, quantity)
    totals = _Totals(search, plans, person, kind, own)
    at = {q: totals.at(q) for q in points}
    cheapest = _Cheapest(search, person, kind, own)
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
        "totals": [[to_json_number(Decimal(at[q][p]).scaleb(-2)) for q in points] for p in range(len(plans))],
        "crossings": crossings,
        "cheapest": [cheapest.json_at(q) for q in points],
        "changes": [{"from": shown(q), "plan": code} for q, code in cheapest.changes(points)],
    }
