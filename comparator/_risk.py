"""risk(profile, limit): each plan's expected total and spread when care lines carry a chance (contract v3).

An outcome is one combination of which uncertain lines happen; in it a plan's total is what
best_plans gives the profile holding only the lines that happen. Everything is exact, over every
outcome (at most 2**10), with whole numbers: a chance is a whole number of percents, so with k
uncertain lines every outcome's probability is a whole number of 100**-k ("weights" below).

Nothing is evaluated per outcome of the household. A person's part of one kind (av or dental)
depends only on that person's own lines of that kind (_household), so each such "unit" is
evaluated under every package once per outcome of its own uncertain lines; within a unit, only
lines sharing a limit affect each other, so each group of them is evaluated once per outcome of
its own uncertain lines, and equal sets of lines once. Then:

- ranking: a unit's expected part is the weighted mean of those totals; the plans are ranked by
  the same search as best_plans (PlanSearch) with each person's rank built from expected totals
  (in cents x 100**k, whole numbers) instead of totals, the premium and choices as before, so the
  ties fall exactly as in best_plans;
- spread: a plan's total is a sum of independent units' totals, so its distribution is their
  convolution (low, high, p10, p90 read off it);
- chance of being cheapest: per outcome, best_plans' first plan is the one of lowest rank; with
  each person's ranks per package looked up, the lowest rank is found per highest guardian `av`
  (art. 1.2.2, as in PlanSearch's groups) without going through the plans.
"""

from __future__ import annotations

import dataclasses
import heapq
import itertools
import math
from decimal import Decimal

from ._best import PlanSearch, checked_limit
from ._data import PolicyData, policy_data
from ._household import Part, evaluate_part
from ._money import known, to_json_number
from ._profile import Holding, Person, Profile, parse_profile

__all__ = ["DEFAULT_RISK_LIMIT", "MAX_RISK_LIMIT", "has_uncertain_lines", "risk", "risk_parsed"]

DEFAULT_RISK_LIMIT = 3
MAX_RISK_LIMIT = 10
PERCENT = 100
KINDS = ("av", "dental")


def has_uncertain_lines(profile: Profile) -> bool:
    return any(line.chance < 1 for person in profile.persons for line in person.care)


@dataclasses.dataclass(frozen=True)
class _Unit:
    """One person's lines of one kind; outcome `mask` has bit j set when `uncertain[j]` happens."""

    person: int
    kind: str
    uncertain: tuple[int, ...]  # places in the person's care
    weights: tuple[int, ...]  # per mask, in 100**-len(uncertain)


def _units(profile: Profile, data: PolicyData) -> dict[tuple[int, str], _Unit]:
    units = {}
    for i, person in enumerate(profile.persons):
        for kind in KINDS:
            uncertain = tuple(
                j for j, line in enumerate(person.care) if line.chance < 1 and data.catalogue[line.id]["kind"] == kind
            )
            percents = [int(person.care[j].chance * PERCENT) for j in uncertain]
            weights = tuple(
                math.prod(p if mask >> j & 1 else PERCENT - p for j, p in enumerate(percents))
                for mask in range(2 ** len(uncertain))
            )
            units[i, kind] = _Unit(i, kind, uncertain, weights)
    return units


def _clusters(person: Person, kind: str, data: PolicyData) -> list[list[int]]:
    """The person's lines of `kind` (places in their care) in groups that share no limit: lines share
    one only through their care id or a pool of ids (in any package), so a part's out-of-pocket is
    the sum of its groups' and a group's depends on its own lines only."""
    linked: dict[str, set[str]] = {}
    for package in data.packages[kind].values():
        for ids in package["pools"].values():
            for care_id in ids:
                linked.setdefault(care_id, set()).update(ids)
    groups: list[tuple[set[str], list[int]]] = []
    for j, line in enumerate(person.care):
        if data.catalogue[line.id]["kind"] != kind:
            continue
        ids = linked.get(line.id, set()) | {line.id}
        joined = [group for group in groups if group[0] & ids]
        merged = (ids.union(*(g[0] for g in joined)), sorted([j, *(i for g in joined for i in g[1])]))
        groups = [group for group in groups if group not in joined] + [merged]
    return sorted((lines for _, lines in groups), key=lambda lines: lines[0])


def _cents(amount: Decimal) -> int:
    return int(amount.scaleb(2))  # totals are whole cents (see _best)


class _RiskSearch(PlanSearch):
    """PlanSearch ranking by expected totals, with every unit's part total per outcome of its own lines."""

    def __init__(self, profile: Profile, data: PolicyData):
        self.units = _units(profile, data)
        self.uncertain = sum(len(unit.uncertain) for unit in self.units.values())
        self.totals: dict[tuple[int, str, str | None], list[tuple[int, bool]]] = {}
        self.parts: dict[tuple, Part] = {}
        self.lines_of_kind = {
            (i, kind): sum(data.catalogue[line.id]["kind"] == kind for line in person.care)
            for i, person in enumerate(profile.persons)
            for kind in KINDS
        }
        # A line as the engine reads it: every field but its chance.
        self.line_keys = [
            [
                tuple(getattr(line, field.name) for field in dataclasses.fields(line) if field.name != "chance")
                for line in person.care
            ]
            for person in profile.persons
        ]
        self.ranks_per_outcome: dict[tuple[int, str, str | None], list[int]] = {}
        super().__init__(profile, data)
        # A rank is total x `scale` + the premium and choices part (see _best._Ranks).
        self.scale = self.ranks.premium_scale * self.ranks.choice_scale

    def unit_totals(self, index: int, kind: str, package: str | None) -> list[tuple[int, bool]]:
        """(total in cents, complete) of the person's part under `package`, per outcome of the unit."""
        key = (index, kind, package)
        if key not in self.totals:
            self.totals[key] = self._unit_totals(index, kind, package)
        return self.totals[key]

    def _unit_totals(self, index: int, kind: str, package: str | None) -> list[tuple[int, bool]]:
        person, unit = self.profile.persons[index], self.units[index, kind]
        clusters = _clusters(person, kind, self.data)
        # The groups without an uncertain line are the same in every outcome: evaluated together,
        # with the premium (all of the person's lines of the kind: the part best_plans evaluated).
        fixed = [j for cluster in clusters if not set(cluster) & set(unit.uncertain) for j in cluster]
        part = self.evaluate(index, kind, package, fixed)
        base, complete, varying = _cents(known(part.total_year)), part.complete, []
        for cluster in clusters:
            bits = [bit for bit, j in enumerate(unit.uncertain) if j in cluster]
            if not bits:
                continue
            figures = []
            for mask in range(2 ** len(bits)):
                happen = {unit.uncertain[bit] for at, bit in enumerate(bits) if mask >> at & 1}
                part = self.evaluate(
                    index, kind, package, [j for j in cluster if person.care[j].chance == 1 or j in happen]
                )
                figures.append((_cents(part.cost - part.reimbursed), part.complete))
            varying.append((bits, figures))
        totals = []
        for mask in range(len(unit.weights)):
            total, done = base, complete
            for bits, figures in varying:
                cents, cluster_done = figures[sum(1 << at for at, bit in enumerate(bits) if mask >> bit & 1)]
                total, done = total + cents, done and cluster_done
            totals.append((total, done))
        return totals

    def evaluate(self, index: int, kind: str, package: str | None, lines: list[int]) -> Part:
        """The person's part with only these of their lines of `kind` (places in their care). A
        part's totals do not depend on the order of its lines, so equal lines in any order are
        evaluated once; all of them is the part the plan search evaluated already."""
        person = self.profile.persons[index]
        if len(lines) == self.lines_of_kind[index, kind]:
            return self.part(index, kind, package)
        # A part depends on the person's age, sex and lines only: equal persons share it too.
        key = (person.age, person.sex, kind, package, tuple(sorted(self.line_keys[index][j] for j in lines)))
        if key not in self.parts:
            person = dataclasses.replace(person, care=tuple(person.care[j] for j in lines))
            self.parts[key] = evaluate_part(person, kind, package, self.profile, self.data, self.say)
        return self.parts[key]

    def expected(self, index: int, kind: str, package: str | None) -> int:
        """The part's expected total in cents x 100**(uncertain lines): a whole number."""
        unit = self.units[index, kind]
        spread = PERCENT ** (self.uncertain - len(unit.uncertain))
        return spread * sum(
            weight * total
            for weight, (total, _) in zip(unit.weights, self.unit_totals(index, kind, package), strict=True)
        )

    def tail(self, index: int, holding: Holding) -> int:
        """The premium-and-choices part of best_plans' rank; it adds up over av and dental."""
        return super().rank(index, holding) % (self.ranks.premium_scale * self.ranks.choice_scale)

    def rank(self, index: int, holding: Holding) -> int:
        """best_plans' rank with the expected total in place of the total."""
        expected = self.expected(index, "av", holding.av) + self.expected(index, "dental", holding.dental)
        return expected * self.ranks.premium_scale * self.ranks.choice_scale + self.tail(index, holding)

    def outcome_ranks(self, index: int, kind: str, package: str | None) -> list[int]:
        """best_plans' rank of the person's part under `package` (the other kind none), per outcome of the unit."""
        key = (index, kind, package)
        if key not in self.ranks_per_outcome:
            tail = self.tail(index, Holding(package, None) if kind == "av" else Holding(None, package))
            self.ranks_per_outcome[key] = [total * self.scale + tail for total, _ in self.unit_totals(*key)]
        return self.ranks_per_outcome[key]


def _cheapest_ranks(search: _RiskSearch, outcomes: list[tuple[int, ...]]):
    """For every outcome (each person's av and dental unit masks), the rank of best_plans' first plan.
    Its plan holds, per highest guardian av m, each guardian's cheapest av up to m but one exactly
    m, every other adult's cheapest av, every adult's cheapest dental, and the children m."""
    persons = range(len(search.profile.persons))
    av = {i: {a: search.outcome_ranks(i, "av", a) for a in search.av_choices} for i in persons}
    dental_choices = {i: search.dental_choices if i in search.adults else (None,) for i in persons}
    cheapest_dental = {
        i: [
            min(ranks) for ranks in zip(*(search.outcome_ranks(i, "dental", d) for d in dental_choices[i]), strict=True)
        ]
        for i in persons
    }
    free = [i for i in search.adults if i not in search.guardians]
    levels = sorted(search.av_choices, key=search.level)
    for masks in outcomes:
        held = {i: {a: av[i][a][masks[2 * i]] for a in search.av_choices} for i in persons}
        fixed = sum(cheapest_dental[i][masks[2 * i + 1]] for i in persons)
        fixed += sum(min(held[i].values()) for i in free)
        # The highest guardian av m = None: every guardian without one.
        best = sum(held[c][None] for c in search.children) + sum(held[g][None] for g in search.guardians)
        lowest = {g: held[g][None] for g in search.guardians}
        for m in levels[1:] if search.guardians else ():
            lowest = {g: min(lowest[g], held[g][m]) for g in search.guardians}
            # Every guardian at most m and one exactly m: the one for whom holding m costs least extra.
            guardians = sum(lowest.values()) + min(held[g][m] - lowest[g] for g in search.guardians)
            best = min(best, sum(held[c][m] for c in search.children) + guardians)
        yield fixed + best


def _distribution(search: _RiskSearch, holdings: tuple[Holding, ...]) -> dict[int, int]:
    """The plan's total in cents -> its weight in 100**-(uncertain lines), over every outcome."""
    distribution = {0: 1}
    for i, holding in enumerate(holdings):
        for kind, package in zip(KINDS, (holding.av, holding.dental), strict=True):
            unit = search.units[i, kind]
            outcomes = zip(unit.weights, search.unit_totals(i, kind, package), strict=True)
            spread = [(weight, total) for weight, (total, _) in outcomes]
            combined: dict[int, int] = {}
            for (before, w), (weight, total) in itertools.product(distribution.items(), spread):
                combined[before + total] = combined.get(before + total, 0) + w * weight
            distribution = combined
    return distribution


def _total(search: _RiskSearch, holdings: tuple[Holding, ...], happen: bool) -> int:
    """The plan's total in cents when all uncertain lines happen, or none."""
    return sum(
        search.unit_totals(i, kind, package)[-1 if happen else 0][0]
        for i, holding in enumerate(holdings)
        for kind, package in zip(KINDS, (holding.av, holding.dental), strict=True)
    )


def _percentile(distribution: dict[int, int], share: int, whole: int) -> int:
    """The smallest total t with P(total <= t) >= share / 10."""
    running = 0
    for total in sorted(distribution):
        running += distribution[total]
        if running * 10 >= share * whole:
            return total
    raise AssertionError("weights add up to the whole")


def _rounded(numerator: int, denominator: int, decimals: int) -> Decimal:
    """numerator / denominator (>= 0) rounded half up to `decimals`."""
    scaled = (2 * numerator * 10**decimals + denominator) // (2 * denominator)
    return Decimal(scaled).scaleb(-decimals)


def _cheapest_weights(search: _RiskSearch, plans: list[tuple[Holding, ...]]) -> list[int]:
    """Per plan, the weight of the outcomes in which it is best_plans' first plan: its rank there
    is the lowest (no two plans share a rank)."""
    persons = range(len(search.profile.persons))
    units = [search.units[i, kind] for i in persons for kind in KINDS]
    outcomes = list(itertools.product(*(range(len(unit.weights)) for unit in units)))
    plan_ranks = [
        [
            sum(
                search.outcome_ranks(i, "av", holding.av)[masks[2 * i]]
                + search.outcome_ranks(i, "dental", holding.dental)[masks[2 * i + 1]]
                for i, holding in enumerate(holdings)
            )
            for masks in outcomes
        ]
        for holdings in plans
    ]
    cheapest = [0] * len(plans)
    for at, (masks, first) in enumerate(zip(outcomes, _cheapest_ranks(search, outcomes), strict=True)):
        for plan, ranks in enumerate(plan_ranks):
            if ranks[at] == first:
                cheapest[plan] += math.prod(unit.weights[mask] for unit, mask in zip(units, masks, strict=True))
    return cheapest


def risk_parsed(profile: Profile, data: PolicyData, limit: object) -> dict:
    limit = checked_limit(limit, MAX_RISK_LIMIT)
    search = _RiskSearch(profile, data)
    streams = [search.cheapest(highest, options) for highest, options in search.groups()]
    plans = [holdings for _, holdings in itertools.islice(heapq.merge(*streams, key=lambda plan: plan[0]), limit)]
    whole = PERCENT**search.uncertain
    cheapest = _cheapest_weights(search, plans)
    answer = []
    for holdings, chance in zip(plans, cheapest, strict=True):
        distribution = _distribution(search, holdings)
        expected = sum(total * weight for total, weight in distribution.items())
        complete = all(
            done
            for i, holding in enumerate(holdings)
            for kind, package in zip(KINDS, (holding.av, holding.dental), strict=True)
            for _, done in search.unit_totals(i, kind, package)
        )
        answer.append(
            {
                "persons": [
                    {"name": person.name, "av": holding.av, "dental": holding.dental}
                    for person, holding in zip(profile.persons, holdings, strict=True)
                ],
                "expected_total_year": to_json_number(_rounded(expected, 100 * whole, 2)),
                "low_total_year": to_json_number(Decimal(_total(search, holdings, happen=False)).scaleb(-2)),
                "high_total_year": to_json_number(Decimal(_total(search, holdings, happen=True)).scaleb(-2)),
                "p10_total_year": to_json_number(Decimal(_percentile(distribution, 1, whole)).scaleb(-2)),
                "p90_total_year": to_json_number(Decimal(_percentile(distribution, 9, whole)).scaleb(-2)),
                "chance_cheapest": float(_rounded(chance, whole, 4)),
                "complete": complete,
            }
        )
    result = {"year": profile.year, "outcomes": 2**search.uncertain, "plans": answer}
    if not search.adults:
        result["explanation"] = search.say.text(data.household, "child_explanation_without_adult")
    return result


def risk(profile: dict, limit: int = DEFAULT_RISK_LIMIT) -> dict:
    """The `limit` (1-10) plans of lowest expected total per year, each with its spread over the
    outcomes of the uncertain lines and its chance of being best_plans' first; errors as compare."""
    data = policy_data()
    return risk_parsed(parse_profile(profile, data), data, limit)
