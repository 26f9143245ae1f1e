"""Evaluate care lines against a package's rules. Behaviour comes from the data, not from per-benefit code.

One line goes through the same steps for every benefit: choose the rule variant the person is
eligible for; stop at `unknown` (unless the amount is € 0 whatever it is); cap the count; apply the
rate or the tiers; cap per unit; cap the amount per period. Limits shared by several lines (a pool,
or one benefit on several lines) are used up in `claim_priority`'s order; what earlier lines used
is said in the explanation.
"""

from __future__ import annotations

import dataclasses
import math
from collections.abc import Callable
from decimal import ROUND_CEILING, Decimal
from fractions import Fraction

from ._data import PolicyData
from ._explain import Explainer
from ._money import ZERO, cents
from ._profile import CareLine, Person

__all__ = ["Decided", "LineResult", "PersonLedger", "Terms", "claim_priority", "evaluate_line", "line_terms"]

HUNDRED = Decimal(100)
NONE = Fraction(0)
NON_CONTRACTED_ARTICLE = "1.8.3"


@dataclasses.dataclass(frozen=True)
class LineResult:
    id: str
    cost: Decimal
    reimbursed: Decimal
    status: str
    article: str
    explanation: str


@dataclasses.dataclass
class PersonLedger:
    """What one person's lines so far used of each limit in this package combination."""

    person: Person
    amount_used: dict[str, Decimal] = dataclasses.field(default_factory=dict)
    count_used: dict[str, int] = dataclasses.field(default_factory=dict)
    cost_in_tiers: dict[str, Decimal] = dataclasses.field(default_factory=dict)
    earlier_amount: dict[str, Decimal] = dataclasses.field(default_factory=dict)  # per care id
    earlier_count: dict[str, int] = dataclasses.field(default_factory=dict)

    def __post_init__(self):
        # History is a fact about the person and the benefit, wherever a line states it (the
        # contract's example gives it on a line of its own); stating it twice does not add.
        for line in self.person.care:
            self.earlier_amount[line.id] = max(self.earlier_amount.get(line.id, ZERO), line.reimbursed_earlier)
            self.earlier_count[line.id] = max(self.earlier_count.get(line.id, 0), line.count_earlier)

    def used(self) -> tuple:
        """What the lines so far used, exactly (a Decimal's exponent too): besides the person and
        their history, all that evaluate_line reads of the ledger."""
        return tuple(
            tuple((key, str(value)) for key, value in used.items())
            for used in (self.amount_used, self.count_used, self.cost_in_tiers)
        )


def _eligible(rule: dict, person: Person) -> bool | None:
    """True/False, or None when the rule needs the person's sex and it was not given."""
    eligibility = rule.get("eligibility", {})
    age = eligibility.get("age", {})
    if person.age < age.get("from", 0) or person.age >= age.get("under", 121) or person.age > age.get("through", 120):
        return False
    if "sex" in eligibility:
        if person.sex is None:
            return None
        return person.sex == eligibility["sex"]
    return True


def _tiered(tiers: list[dict], start: Fraction, cost: Fraction) -> Fraction:
    """Reimbursement for costs from `start` to `start + cost` over the bands (none past a last bounded band).

    Exact (fractions): 70% of a cost position derived from an earlier reimbursement has no finite
    decimal, and a half cent must round the same way whichever way it was reached.
    """
    total, end = NONE, start + cost
    for tier in tiers:
        low, high, share = tier["exact"]
        overlap = min(end, end if high is None else high) - max(start, low)
        if overlap > 0:
            total += overlap * share
    return total


def _tiered_units(tiers: list[dict], start: Fraction, price: Fraction, count: int, unit_max: Fraction) -> Fraction:
    """The sum over `count` units of `price` from `start` of each unit's tiered amount, at most `unit_max` each.

    Closed form, so the work does not grow with `count`: the units wholly inside a band all get the
    same amount; only a unit that straddles a band's bound is computed on its own.
    """
    if not count or not price:
        return NONE
    total, end, straddling = NONE, start + count * price, set()
    for tier in tiers:
        low, high, share = tier["exact"]
        first = max(0, math.ceil((low - start) / price))
        last = count - 1 if high is None else min(count - 1, math.floor((high - start) / price) - 1)
        if last >= first:
            total += (last - first + 1) * min(price * share, unit_max)
        if high is not None and start < high < end:
            offset = (high - start) / price
            if offset.denominator != 1:
                straddling.add(math.floor(offset))
    for unit in straddling:
        total += min(_tiered(tiers, start + unit * price, price), unit_max)
    return total


def _ceil(value: Decimal) -> int:
    return int(value.to_integral_value(rounding=ROUND_CEILING))


def _cents_exact(amount: Fraction) -> Decimal:
    """An exact amount (>= 0) rounded to cents, half up (as `cents` rounds a Decimal)."""
    whole_cents = (200 * amount.numerator + amount.denominator) // (2 * amount.denominator)
    return Decimal(whole_cents).scaleb(-2)


def _position_for(tiers: list[dict], reimbursed: Decimal) -> Fraction:
    """The costs that yield `reimbursed` over the bands: where earlier claims left the tiers."""
    left = Fraction(reimbursed)
    for tier in tiers:
        low, high, share = tier["exact"]
        band = None if high is None else (high - low) * share
        if share and (band is None or left <= band):
            return low + left / share
        left -= band or 0
    return tiers[-1]["exact"][1]


def _limit_key(care_id: str, rule_index: int, limit_index: int, limit: dict) -> str:
    return f"pool:{limit['pool']}" if "pool" in limit else f"{care_id}:{rule_index}:{limit_index}"


@dataclasses.dataclass(frozen=True)
class Terms:
    """The rule variant a line is reimbursed under, in its package, with its article and maximum per unit."""

    package: dict
    rule_index: int
    rule: dict
    article: str
    unit_max: Decimal | None


@dataclasses.dataclass(frozen=True)
class Decided:
    """A line decided before any limit is looked at: not covered, or not computable.

    `terms`, for a line not computable: the terms it would be reimbursed under, by which its
    amount may still be known to be € 0 (it costs nothing, or earlier claims used up its limit).
    """

    status: str
    article: str
    explanation: str
    terms: Terms | None = None


def line_terms(
    line: CareLine, package: dict | None, kind_title: str, chapter: str, person: Person, say: Explainer
) -> Terms | Decided:
    """The terms a line is reimbursed under, or the outcome that decides it without them."""
    if package is None:
        return Decided("not_covered", chapter, say.no_package(kind_title))
    benefit = package["benefits"].get(line.id)
    if benefit is None:
        excluded = package["not_covered"].get(line.id)
        if excluded:
            return Decided("not_covered", excluded["article"], say.text(excluded, "explanation"))
        return Decided("not_covered", chapter, say.not_in_package(say.text(package, "title")))
    rule_index, rule, eligibility = _choose_rule(benefit["rules"], person)
    article = rule.get("article", benefit["article"])
    if eligibility is False:
        return Decided("not_covered", article, say.text(rule, "not_eligible"))
    unknown = None
    if eligibility is None:
        unknown = article, say.sex_missing(rule["eligibility"]["sex"])
    elif "unknown" in rule:
        unknown = article, say.unknown(say.text(rule["unknown"], "reason"))
    unit_max = rule.get("unit_max")
    if not line.contracted and "non_contracted" in rule:
        if rule["non_contracted"] == "unknown":
            unknown = unknown or (NON_CONTRACTED_ARTICLE, say.non_contracted_unknown())
        else:
            nc_max = rule["non_contracted"]["unit_max"]
            unit_max = nc_max if unit_max is None else min(unit_max, nc_max)
    terms = Terms(package, rule_index, rule, article, unit_max)
    return terms if unknown is None else Decided("unknown", *unknown, terms)


def claim_priority(line: CareLine, terms: Terms | Decided) -> Decimal:
    """Where a line comes in the order a person's lines use up limits: higher first.

    The most reimbursed units come first, so the result does not depend on the order the lines were
    entered in (the conditions do not say which treatment counts first, and a profile has no
    dates). Lines under tiers come last, in the order entered: their bands run over the year's
    costs together, whatever the order.
    """
    if isinstance(terms, Decided) or "tiers" in terms.rule:
        return ZERO
    value = line.price * terms.rule.get("rate", HUNDRED) / HUNDRED
    return value if terms.unit_max is None else min(value, terms.unit_max)


def evaluate_line(
    line: CareLine,
    terms: Terms | Decided,
    ledger: PersonLedger,
    data: PolicyData,
    say: Explainer,
    figures_only: bool = False,
) -> LineResult:
    """`figures_only`: the line's amounts (their values) and status without an explanation, skipping
    what would only be explained (the bands of a line whose amount limit is used up)."""
    cost = line.count * line.price
    if isinstance(terms, Decided):
        known = _nothing_whatever(line, terms.terms, ledger, data, say) if terms.terms else None
        return known or LineResult(line.id, cost, ZERO, terms.status, terms.article, terms.explanation)
    if not cost:
        # Nothing reimbursed is not a reimbursement: a line that costs nothing uses up no count,
        # occasion or amount (the contract's example uses one to state earlier reimbursements).
        return LineResult(line.id, cost, ZERO, "covered", terms.article, say.summary("covered", cost, ZERO, []))
    step = _Step(line, terms.rule, terms.rule_index, terms.package, ledger, say, figures_only)
    count = step.cap_count()
    item = data.catalogue[line.id]
    non_contracted_theme = item["theme"] if not line.contracted and "non_contracted" in terms.rule else None
    reimbursed = step.apply_rate_and_unit_max(count, terms.unit_max, item.get("unit", "keer"), non_contracted_theme)
    reimbursed = step.cap_amount(reimbursed, data)
    status = "covered" if reimbursed == cost else "not_covered" if reimbursed == 0 else "partial"
    explanation = "" if figures_only else say.summary(status, cost, reimbursed, step.notes)
    return LineResult(line.id, cost, reimbursed, status, terms.article, explanation)


def _nothing_whatever(
    line: CareLine, terms: Terms, ledger: PersonLedger, data: PolicyData, say: Explainer
) -> LineResult | None:
    """The result of a line whose amount is not computable but € 0 whatever it is, else None.

    Only the line's own cost and the earlier claims decide that: how the other lines share a limit
    with it would depend on the unknown amount (the most reimbursed units come first).
    """
    cost = line.count * line.price
    if not cost:
        # Without the sex the cover itself is not known, only that there is nothing to reimburse.
        sex = terms.rule.get("eligibility", {}).get("sex") if ledger.person.sex is None else None
        if sex:
            return LineResult(
                line.id, cost, ZERO, "not_covered", terms.article, say.nothing_to_reimburse_sex_missing(sex)
            )
        return LineResult(line.id, cost, ZERO, "covered", terms.article, say.summary("covered", cost, ZERO, []))
    step = _Step(line, terms.rule, terms.rule_index, terms.package, PersonLedger(ledger.person), say)
    if step.cap_count() and step.cap_amount(cost, data):
        return None
    return LineResult(
        line.id, cost, ZERO, "not_covered", terms.article, say.summary("not_covered", cost, ZERO, step.notes)
    )


def _choose_rule(rules: list[dict], person: Person) -> tuple[int, dict, bool | None]:
    """The first variant the person is eligible for; else the one that lacked only the sex, else the first."""
    sex_missing = None
    for index, rule in enumerate(rules):
        fits = _eligible(rule, person)
        if fits:
            return index, rule, True
        if fits is None and sex_missing is None:
            sex_missing = index
    if sex_missing is not None:
        return sex_missing, rules[sex_missing], None
    return 0, rules[0], False


class _Step:
    """The steps of one eligible line, in order; each records the clause that bound, for the explanation."""

    def __init__(
        self,
        line: CareLine,
        rule: dict,
        rule_index: int,
        package: dict,
        ledger: PersonLedger,
        say: Explainer,
        figures_only: bool = False,
    ):
        self.line, self.rule, self.rule_index = line, rule, rule_index
        self.package, self.ledger, self.say, self.figures_only = package, ledger, say, figures_only
        self.notes: list[str] = []
        self.amount_limits = [(i, limit) for i, limit in enumerate(rule["limits"]) if "amount" in limit]

    def key(self, limit_index: int, limit: dict) -> str:
        return _limit_key(self.line.id, self.rule_index, limit_index, limit)

    def cap_count(self) -> int:
        """Count limits: sessions, hours, days, occasions ("eenmaal")."""
        line, ledger = self.line, self.ledger
        count, keys = line.count, []
        # The rule's own maximum per unit, not a lower one for this line's provider: earlier claims
        # may have been at a contracted provider.
        earlier_amount = ledger.earlier_amount.get(line.id, ZERO)
        paid = _units_paid(earlier_amount, self.rule.get("unit_max"))
        earlier = max(ledger.earlier_count.get(line.id, 0), paid)
        implied_by = earlier_amount if paid > ledger.earlier_count.get(line.id, 0) else None
        for limit_index, limit in enumerate(self.rule["limits"]):
            if "count" not in limit:
                continue
            key = self.key(limit_index, limit)
            keys.append(key)
            used = ledger.count_used.get(key, 0)
            remaining = max(0, limit["count"] - used - earlier)
            if remaining < count:
                self._note(self.say.count_limit, limit, line, remaining, used, earlier, implied_by)
                count = remaining
        for key in keys:
            ledger.count_used[key] = ledger.count_used.get(key, 0) + count
        return count

    def apply_rate_and_unit_max(
        self, count: int, unit_max: Decimal | None, unit: str, non_contracted_theme: str | None
    ) -> Decimal:
        """Rate or tiers, then the maximum per unit ("per consult", "per dag"), each unit on its own."""
        line, rule = self.line, self.rule
        if "tiers" in rule:
            return self.apply_tiers(count, unit_max, unit, non_contracted_theme)
        cost = count * line.price
        rate = rule.get("rate", HUNDRED)
        uncapped = cost * rate / HUNDRED
        capped = uncapped if unit_max is None else count * min(line.price * rate / HUNDRED, unit_max)
        if rate < HUNDRED and cost:
            self._note(self.say.rate, rate, cost, cents(uncapped))
        if capped < uncapped:
            self._note(self.say.unit_max, unit_max, unit, non_contracted_theme)
        return cents(capped)

    def apply_tiers(self, count: int, unit_max: Decimal | None, unit: str, non_contracted_theme: str | None) -> Decimal:
        """The bands over the period's costs, the lines' in the order given after earlier claims."""
        line, rule, ledger = self.line, self.rule, self.ledger
        cost, tiers = count * line.price, rule["tiers"]
        first = self.amount_limits[0] if self.amount_limits else None
        tier_key = self.key(*first) if first else line.id
        lines_cost = ledger.cost_in_tiers.get(tier_key, ZERO)
        ledger.cost_in_tiers[tier_key] = lines_cost + cost
        if self.figures_only and self._an_amount_limit_used_up():
            return ZERO  # cap_amount makes any share 0: the bands would only be explained
        earlier = _pool_earlier(tier_key, line, self.package, ledger)
        start = Fraction(lines_cost) + _position_for(tiers, earlier)
        before = _tiered(tiers, NONE, start)
        uncapped = capped = _tiered(tiers, start, Fraction(cost))
        # The line's share is the rounded running total after it less the rounded total before it:
        # rounded one by one, the shares of several lines could add up to a cent over the maximum.
        share = _cents_exact(before + uncapped) - _cents_exact(before)
        if uncapped < Fraction(cost):
            self._note(self.say.tiers, tiers, lines_cost, earlier, cost, share)
        if unit_max is not None:
            capped = _tiered_units(tiers, start, Fraction(line.price), count, Fraction(unit_max))
        if capped < uncapped:
            self._note(self.say.unit_max, unit_max, unit, non_contracted_theme)
            return min(_cents_exact(capped), share)
        return share

    def _note(self, explain: Callable[..., str], *clause) -> None:
        """Adds the clause that bound to the explanation (none when only the figures are wanted)."""
        if not self.figures_only:
            self.notes.append(explain(*clause))

    def _amount_limit_note(
        self, limit: dict, remaining: Decimal, used: Decimal, earlier: Decimal, data: PolicyData
    ) -> str:
        partners = _pool_partners(limit, self.line, self.package, data, self.say)
        return self.say.amount_limit(limit, remaining, used, earlier, partners)

    def _an_amount_limit_used_up(self) -> bool:
        """Whether an amount limit has nothing left (cap_amount then caps any amount at 0)."""
        return any(
            limit["amount"]
            - self.ledger.amount_used.get(key, ZERO)
            - _pool_earlier(key, self.line, self.package, self.ledger)
            <= 0
            for key, limit in ((self.key(*amount_limit), amount_limit[1]) for amount_limit in self.amount_limits)
        )

    def cap_amount(self, reimbursed: Decimal, data: PolicyData) -> Decimal:
        """Amount limits per period, less what earlier lines and earlier claims in the period used."""
        keys = []
        for limit_index, limit in self.amount_limits:
            key = self.key(limit_index, limit)
            keys.append(key)
            used = self.ledger.amount_used.get(key, ZERO)
            earlier = _pool_earlier(key, self.line, self.package, self.ledger)
            remaining = max(ZERO, limit["amount"] - used - earlier)
            if reimbursed > remaining:
                self._note(self._amount_limit_note, limit, remaining, used, earlier, data)
                reimbursed = remaining
        for key in keys:
            self.ledger.amount_used[key] = self.ledger.amount_used.get(key, ZERO) + reimbursed
        return reimbursed


def _units_paid(earlier_amount: Decimal, unit_max: Decimal | None) -> int:
    """The fewest units an earlier reimbursement can have paid: at least one, and at most `unit_max` each.

    So "€ 25 per dag tot maximaal 42 dagen per 3 kalenderjaren" never pays more than 42 x € 25 in
    the window, whether or not the earlier count is known.
    """
    if earlier_amount <= 0:
        return 0
    return 1 if unit_max is None else max(1, _ceil(earlier_amount / unit_max))


def _pool_earlier(key: str, line: CareLine, package: dict, ledger: PersonLedger) -> Decimal:
    """Reimbursed earlier in the period for the benefit, or for every benefit of a shared pool."""
    if key.startswith("pool:"):
        return sum((ledger.earlier_amount.get(i, ZERO) for i in package["pools"][key[5:]]), ZERO)
    return ledger.earlier_amount.get(line.id, ZERO)


def _pool_partners(limit: dict, line: CareLine, package: dict, data: PolicyData, say: Explainer) -> list[str]:
    if "pool" not in limit:
        return []
    return [say.text(data.catalogue[i], "title") for i in package["pools"][limit["pool"]] if i != line.id]
