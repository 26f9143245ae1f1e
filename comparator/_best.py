"""best_plans(profile, limit): the household's `limit` cheapest plans, exactly (comparator contract, v2).

A plan gives every adult an `av` and a `dental` (each none or a package); a child follows art.
1.2.2: the highest `av` among the guardians (adults unless `"guardian": false`), no dental. A person's figures under a package do not
depend on anyone else (limits are per person), so instead of trying every plan:

1. Evaluate each person once per package they could hold: an adult under every candidate `av`
   and every candidate `dental`, a child under every `av` it could follow (_household).
2. Only the children couple the adults, through the highest `av` among the guardians, m. Split
   the plans by m and by the first guardian holding m (guardians before it hold less than m,
   guardians after it at most m; other adults anything). Within such a group the children's
   figures are fixed and each adult chooses freely from their own list, so the group's cheapest
   plans are the smallest sums over independent lists (_cheapest). No guardian: one group, the
   children without a package.
3. The groups are disjoint and together hold every plan: merging their ordered streams and
   taking the first `limit` gives the cheapest plans of all.

Plans are ordered by total_year, then premium_year, then the persons' choices in contract order
(none first). All three go into one integer per option of a person (its rank), such that a plan's
rank is the sum of its persons' ranks and no two plans share one.
"""

from __future__ import annotations

import heapq
import itertools
import json
from decimal import Decimal

from ._cheapest import smallest_sums
from ._data import PolicyData, policy_data
from ._english import explainer
from ._household import Part, PersonFigures, evaluate_part, figures_json, plan_figures
from ._money import known
from ._profile import AV_PACKAGES, DENTAL_PACKAGES, Holding, Profile, ProfileError, parse_profile

__all__ = [
    "DEFAULT_LIMIT",
    "MAX_LIMIT",
    "PlanSearch",
    "best_plans",
    "best_plans_json_parts",
    "best_plans_parsed",
    "checked_limit",
    "plan_code",
]

DEFAULT_LIMIT = 10
MAX_LIMIT = 50
AV_CHOICES = (None, *AV_PACKAGES)  # the contract's order for ties, none first
DENTAL_CHOICES = (None, *DENTAL_PACKAGES)
CHOICE_DIGITS = len(AV_CHOICES) * len(DENTAL_CHOICES)  # one digit per person: their (av, dental)
PLAN_KEYS = ("premium_year", "reimbursed", "out_of_pocket", "total_year", "complete")


def checked_limit(limit: object, largest: int = MAX_LIMIT) -> int:
    if isinstance(limit, bool) or not isinstance(limit, int) or not 1 <= limit <= largest:
        raise ProfileError(f"limit: must be a whole number from 1 to {largest}, got {json.dumps(limit)}")
    return limit


def _candidates(kind: str, profile: Profile, data: PolicyData) -> tuple[str | None, ...]:
    """None, then the packages on sale in 2020 and those whose premium the profile gives, in order.
    Only these have a known premium, so a plan with an unknown total never enters."""
    offered = set(data.household["on_sale"][kind]) | set(profile.premiums[kind])
    return (None, *(name for name in (AV_PACKAGES if kind == "av" else DENTAL_PACKAGES) if name in offered))


def _cents(amount: Decimal) -> int:
    # Whole cents: prices and premiums have at most 2 decimals and the engine rounds each line.
    return int(amount.scaleb(2))


class _Ranks:
    """Rank = (total_year x premium scale + premium_year) x choice scale + choices, all in cents
    or digits. It adds up per person, and the scales exceed any plan's premium and choices, so
    comparing two plans' ranks compares total, then premium, then the choices person by person."""

    def __init__(self, persons: int, premium_scale: int):
        self.persons = persons
        self.premium_scale = premium_scale
        self.choice_scale = CHOICE_DIGITS**persons

    def of(self, index: int, av: Part, dental: Part, holding: Holding) -> int:
        digit = AV_CHOICES.index(holding.av) * len(DENTAL_CHOICES) + DENTAL_CHOICES.index(holding.dental)
        choice = digit * CHOICE_DIGITS ** (self.persons - 1 - index)
        # A candidate's premium is known (see _candidates), and so is its total.
        premium = _cents(known(av.premium_year) + known(dental.premium_year))
        total = _cents(known(av.total_year) + known(dental.total_year))
        return (total * self.premium_scale + premium) * self.choice_scale + choice


class PlanSearch:
    """Every person's parts under every package they could hold, the groups of plans and their ranks."""

    def __init__(self, profile: Profile, data: PolicyData):
        say = explainer(profile.lang)
        self.profile, self.household = profile, data.household
        self.av_choices = _candidates("av", profile, data)
        self.data, self.say = data, say
        self.dental_choices = dental_choices = _candidates("dental", profile, data)
        under = self.household["children_under"]
        self.adults = [i for i, person in enumerate(profile.persons) if person.age >= under]
        self.children = [i for i, person in enumerate(profile.persons) if person.age < under]
        self.guardians = [i for i in self.adults if profile.persons[i].guardian]
        self.av = {
            (i, av): evaluate_part(person, "av", av, profile, data, say)
            for i, person in enumerate(profile.persons)
            for av in self.av_choices
        }
        self.dental = {
            (i, dental): evaluate_part(person, "dental", dental, profile, data, say)
            for i, person in enumerate(profile.persons)
            for dental in (dental_choices if i in self.adults else (None,))
        }
        premium_scale = 1 + sum(
            max(_cents(known(self.av[i, av].premium_year)) for av in self.av_choices)
            + max(_cents(known(self.dental[i, dental].premium_year)) for dental in dental_choices)
            for i in self.adults
        )
        self.ranks = _Ranks(len(profile.persons), premium_scale)
        # Each adult's options, cheapest first: (rank, level of its av, holding).
        self.options = {
            i: sorted(
                (self.rank(i, holding), self.level(holding.av), holding)
                for holding in itertools.starmap(Holding, itertools.product(self.av_choices, dental_choices))
            )
            for i in self.adults
        }

    def part(self, index: int, kind: str, package: str | None) -> Part:
        """The person's part under any package, also one that is no candidate (evaluated once)."""
        parts = self.av if kind == "av" else self.dental
        if (index, package) not in parts:
            person = self.profile.persons[index]
            parts[index, package] = evaluate_part(person, kind, package, self.profile, self.data, self.say)
        return parts[index, package]

    def person_figures(self, holdings: tuple[Holding, ...]) -> list[PersonFigures]:
        return [
            PersonFigures(holding, self.part(i, "av", holding.av), self.part(i, "dental", holding.dental))
            for i, holding in enumerate(holdings)
        ]

    def rank(self, index: int, holding: Holding) -> int:
        return self.ranks.of(index, self.av[index, holding.av], self.dental[index, holding.dental], holding)

    def level(self, av: str | None) -> int:
        """The place of `av` in the order of art. 1.2.2; none is lowest."""
        return -1 if av is None else self.household["av_order"].index(av)

    def groups(self):
        """(highest guardian av, each adult's options) for every group of plans (module docstring, step 2)."""
        anything = (-1, len(self.household["av_order"]))
        if not self.guardians:
            yield None, [self._options(i, *anything) for i in self.adults]
            return
        yield None, [self._options(i, *(-1, -1) if i in self.guardians else anything) for i in self.adults]
        for highest in self.av_choices[1:]:
            top = self.level(highest)
            for first in range(len(self.guardians)):
                bounds = {i: (-1, top - 1) for i in self.guardians[:first]}
                bounds |= {self.guardians[first]: (top, top)} | {i: (-1, top) for i in self.guardians[first + 1 :]}
                yield highest, [self._options(i, *bounds.get(i, anything)) for i in self.adults]

    def _options(self, index: int, lowest: int, highest: int) -> list[tuple[int, Holding]]:
        """The adult's options whose av lies from level `lowest` to `highest`, cheapest first."""
        return [(rank, holding) for rank, level, holding in self.options[index] if lowest <= level <= highest]

    def cheapest(self, highest: str | None, options: list[list[tuple[int, Holding]]]):
        """The group's plans, cheapest first: (rank, every person's holding)."""
        child = Holding(highest, None)
        children_rank = sum(self.rank(i, child) for i in self.children)
        for total, picks in smallest_sums([[rank for rank, _ in choices] for choices in options]):
            adults = {i: choices[pick][1] for i, choices, pick in zip(self.adults, options, picks, strict=True)}
            yield children_rank + total, tuple(adults.get(i, child) for i in range(len(self.profile.persons)))

    def plan_json(self, holdings: tuple[Holding, ...]) -> dict:
        figures = figures_json(plan_figures(self.person_figures(holdings)))
        return {
            "persons": [
                {"name": person.name, "av": holding.av, "dental": holding.dental}
                for person, holding in zip(self.profile.persons, holdings, strict=True)
            ],
            **{key: figures[key] for key in PLAN_KEYS},
        }


def plan_code(holdings: tuple[Holding, ...]) -> str:
    """The page's `data-plan` code: every person's `av+dental`, `none` for null, joined by `,`."""
    return ",".join(f"{holding.av or 'none'}+{holding.dental or 'none'}" for holding in holdings)


def best_plans_json_parts(profile: Profile, data: PolicyData, limit: object) -> tuple[dict, PlanSearch, list]:
    """best_plans' answer, the search behind it and every plan's holdings, for the page's insights."""
    limit = checked_limit(limit)
    search = PlanSearch(profile, data)
    streams = [search.cheapest(highest, options) for highest, options in search.groups()]
    cheapest = [holdings for _, holdings in itertools.islice(heapq.merge(*streams, key=lambda plan: plan[0]), limit)]
    result = {"year": profile.year, "plans": [search.plan_json(holdings) for holdings in cheapest]}
    if not search.adults:
        result["explanation"] = search.say.text(data.household, "child_explanation_without_adult")
    return result, search, cheapest


def best_plans_parsed(profile: Profile, data: PolicyData, limit: object) -> dict:
    return best_plans_json_parts(profile, data, limit)[0]


def best_plans(profile: dict, limit: int = DEFAULT_LIMIT) -> dict:
    """The contract's `limit` cheapest plans for a profile dict; raises ProfileError naming the field at fault."""
    data = policy_data()
    return best_plans_parsed(parse_profile(profile, data), data, limit)
