"""Who holds which package in a plan (art. 1.2.2), and a plan's figures as the sum of its persons' parts.

Limits in the conditions are per insured person, and a supplementary package's limits never cover
the dental care of chapter 8, so a person's figures are the sum of two independent parts: their
supplementary lines under their `av` package and their dental lines under their `dental` package,
each with its premium. `compare` and `best_plans` both add up these parts with the same code, so a
best plan's figures are those of `compare` on that plan.
"""

from __future__ import annotations

import dataclasses
from collections import Counter
from collections.abc import Collection
from decimal import Decimal
from operator import itemgetter

from ._data import PolicyData
from ._engine import LineResult, PersonLedger, claim_priority, evaluate_line, line_terms
from ._explain import Explainer
from ._money import ZERO, to_json_number
from ._profile import CareLine, Combination, Holding, Person, PersonsPackages, Profile

__all__ = [
    "Part",
    "PersonFigures",
    "PlanFigures",
    "evaluate_part",
    "figures_json",
    "holdings",
    "ledger_group",
    "plan_figures",
]

ADULT_AGE = 18  # art. 1.5.1: no premium before 18
DENTAL_CHAPTER = "8"


def _highest_av(avs, household: dict) -> str | None:
    """The highest supplementary package among `avs` in the order of art. 1.2.2; None when there is none."""
    held = [av for av in avs if av is not None]
    return max(held, key=household["av_order"].index) if held else None


def holdings(profile: Profile, entry: Combination | PersonsPackages, household: dict) -> tuple[Holding, ...]:
    """The packages every person holds under one `packages` entry (comparator contract, v2 and v3):
    a child follows the highest `av` among the guardians (art. 1.2.2), none without a guardian."""
    child_age = household["children_under"]
    if isinstance(entry, Combination):
        # One combination for everyone: each adult holds it, a child its `av` when a guardian holds it.
        child_av = entry.av if any(person.guardian for person in profile.persons) else None
        return tuple(
            Holding(entry.av, entry.dental) if person.age >= child_age else Holding(child_av, None)
            for person in profile.persons
        )
    guardians = (
        holding.av
        for holding, person in zip(entry.persons, profile.persons, strict=True)
        if holding is not None and person.guardian  # a guardian is an adult, who always has a holding
    )
    child = Holding(_highest_av(guardians, household), None)
    return tuple(holding or child for holding in entry.persons)


@dataclasses.dataclass(frozen=True)
class Part:
    """One person's lines of one kind (av or dental) under one package of that kind, and its premium."""

    lines: tuple[tuple[int, LineResult], ...]  # (place in the person's care, result)
    cost: Decimal
    reimbursed: Decimal
    complete: bool
    premium_year: Decimal | None  # None: unknown

    @property
    def total_year(self) -> Decimal | None:
        return None if self.premium_year is None else self.premium_year + self.cost - self.reimbursed


def _premium_year(person: Person, kind: str, package: str | None, profile: Profile, data: PolicyData):
    if person.age < ADULT_AGE or package is None:
        return ZERO
    monthly = profile.premiums[kind].get(package, data.premiums[kind].get(package))
    return None if monthly is None else 12 * monthly


def _child_without(
    kind: str, package: str | None, person: Person, household: dict, say: Explainer
) -> tuple[str, str] | None:
    """(article, explanation) when art. 1.2.2 leaves a child without benefits of `kind`: no dental
    benefits, and no av when no guardian has one."""
    if person.age >= household["children_under"] or (kind == "av" and package is not None):
        return None
    if kind == "dental":
        return household["child_dental"]["article"], say.text(household["child_dental"], "explanation")
    return household["child_article"], say.text(household, "child_explanation_without_av")


def evaluate_part(
    person: Person,
    kind: str,
    package: str | None,
    profile: Profile,
    data: PolicyData,
    say: Explainer,
    only: Collection[int] | None = None,
    figures_only: bool = False,
) -> Part:
    """The person's lines of `kind` evaluated under `package` (None: none of that kind), in their order.

    `only`: evaluate just these of the person's lines, with the person's whole history (see
    ledger_group for when their results are those of the whole part). `figures_only`: the same
    amounts (values) and statuses, without explanations (see evaluate_line).
    """
    indices = [
        i
        for i, line in enumerate(person.care)
        if data.catalogue[line.id]["kind"] == kind and (only is None or i in only)
    ]
    household, results = data.household, {}
    without = _child_without(kind, package, person, household, say) if indices else None
    if without:
        article, explanation = without
        for i in indices:
            line = person.care[i]
            results[i] = LineResult(line.id, line.count * line.price, ZERO, "not_covered", article, explanation)
    elif indices:
        terms_of = data.packages[kind][package] if package else None
        if terms_of is not None:
            chapter = terms_of["chapter"]
        else:
            chapter = household["adult_without_av_article"] if kind == "av" else DENTAL_CHAPTER
        # Equal lines (a profile may repeat one) have equal terms: each line's first equal one stands for it.
        first: dict[CareLine, int] = {}
        same = {i: first.setdefault(person.care[i], i) for i in indices}
        terms_of_first = {
            i: line_terms(person.care[i], terms_of, say.kind_title(kind), chapter, person, say) for i in first.values()
        }
        terms = {i: terms_of_first[same[i]] for i in indices}
        ledger = PersonLedger(person)
        # A line's result follows from the line and what the ledger holds, so a line equal to one
        # that left the ledger as it found it (its limits were used up) gets the same result: many
        # equal lines cost one evaluation each from then on.
        repeated = {i for i, times in Counter(same.values()).items() if times > 1}
        settled: dict[int, tuple[tuple, LineResult]] = {}
        # Limits go to the most reimbursed units first (see claim_priority); results keep the lines' order.
        for i in sorted(indices, key=lambda i: -claim_priority(person.care[i], terms[i])):
            line, key = person.care[i], same[i]
            if key not in repeated:
                results[i] = evaluate_line(line, terms[i], ledger, data, say, figures_only)
                continue
            used = ledger.used()
            if key in settled and settled[key][0] == used:
                results[i] = settled[key][1]
                continue
            results[i] = evaluate_line(line, terms[i], ledger, data, say, figures_only)
            if ledger.used() == used:
                settled[key] = used, results[i]
    lines = tuple((i, results[i]) for i in indices)
    return Part(
        lines,
        sum((result.cost for _, result in lines), ZERO),
        sum((result.reimbursed for _, result in lines), ZERO),
        all(result.status != "unknown" for _, result in lines),
        _premium_year(person, kind, package, profile, data),
    )


def _shares(care_id: str, package: dict | None) -> set[str]:
    """What a line of `care_id` can share in the ledger under `package`: every limit key, tier key
    and earlier claim of the engine is its care id's or a pool's."""
    if package is None:
        return {care_id}
    pools = {name for name, members in package.get("pools", {}).items() if care_id in members}
    rules = package["benefits"].get(care_id, {}).get("rules", [])
    pools |= {limit["pool"] for rule in rules for limit in rule["limits"] if "pool" in limit}
    return {care_id} | {f"pool:{name}" for name in pools}


def ledger_group(person: Person, kind: str, package: str | None, line: int, data: PolicyData) -> frozenset[int]:
    """The person's lines of `kind` that can reach line `line` through the ledger under `package`.

    Lines share what evaluate_line reads and writes (used counts and amounts, costs in tiers) only
    under a key of their care id or of a pool, and claim_priority orders each line by itself. So
    the lines connected to `line` by a chain of shared care ids or pools, evaluated on their own
    (with the person's whole history: PersonLedger reads every line's), get the same results as
    in the whole part, whatever `line` is; every other line's result does not depend on them.
    """
    packages = data.packages[kind]
    shares = {
        i: _shares(care.id, packages[package] if package else None)
        for i, care in enumerate(person.care)
        if data.catalogue[care.id]["kind"] == kind
    }
    group, reached = {line}, set(shares[line])
    while True:
        joining = {i for i, keys in shares.items() if i not in group and keys & reached}
        if not joining:
            return frozenset(group)
        group |= joining
        for i in joining:
            reached |= shares[i]


@dataclasses.dataclass(frozen=True)
class PersonFigures:
    """One person in one plan: the packages they hold and their two parts."""

    holding: Holding
    av: Part
    dental: Part

    @property
    def lines(self) -> list[LineResult]:
        """Every line in the order of the person's care."""
        return [result for _, result in sorted(self.av.lines + self.dental.lines, key=itemgetter(0))]


@dataclasses.dataclass(frozen=True)
class PlanFigures:
    cost: Decimal
    reimbursed: Decimal
    premium_year: Decimal | None
    complete: bool


def plan_figures(persons: list[PersonFigures]) -> PlanFigures:
    parts = [part for person in persons for part in (person.av, person.dental)]
    premiums = [part.premium_year for part in parts if part.premium_year is not None]
    return PlanFigures(
        cost=sum((part.cost for part in parts), ZERO),
        reimbursed=sum((part.reimbursed for part in parts), ZERO),
        premium_year=sum(premiums, ZERO) if len(premiums) == len(parts) else None,
        complete=all(part.complete for part in parts),
    )


def figures_json(figures: PlanFigures) -> dict:
    """The contract's amounts and `complete`, as in a result."""
    out_of_pocket = figures.cost - figures.reimbursed
    premium_year = figures.premium_year
    return {
        "cost": to_json_number(figures.cost),
        "reimbursed": to_json_number(figures.reimbursed),
        "out_of_pocket": to_json_number(out_of_pocket),
        "premium_year": None if premium_year is None else to_json_number(premium_year),
        "total_year": None if premium_year is None else to_json_number(premium_year + out_of_pocket),
        "complete": figures.complete,
    }
