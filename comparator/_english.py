"""The explanations in English, for a profile with "lang": "en": the same clauses, other words.

Only the wording changes: the engine decides every figure, status and article before it asks the
explainer for a sentence. Texts from the policy data come from their English twin (`key_en`,
beside the Dutch text in policies/); the Dutch text stays the binding one.
"""

from __future__ import annotations

from decimal import Decimal

from ._explain import Explainer
from ._money import euro_en

__all__ = ["EnglishExplainer", "explainer"]

_UNITS = {
    "behandeling": ("treatment", "treatments"),
    "consult": ("consultation", "consultations"),
    "uur": ("hour", "hours"),
    "dag": ("day", "days"),
    "keer": ("time", "times"),
}


def _units(count: int, unit: str) -> str:
    one, many = _UNITS[unit]
    return f"{count} {one if count == 1 else many}"


def _period(limit: dict) -> str:
    return {
        "calendar_year": " per calendar year",
        "calendar_years": f" per {limit.get('years')} calendar years",
        "lifetime": " for as long as the insurance runs",
        "unstated": "",
    }[limit["period"]]


def _already_used(on_other_lines: str, earlier_in_period: str) -> str:
    parts = [f"{on_other_lines} already on other lines"] if on_other_lines else []
    parts += [earlier_in_period] if earlier_in_period else []
    return f" ({' and '.join(parts)})" if parts else ""


def _percent(rate: Decimal) -> str:
    return f"{rate.normalize():f}%"


class EnglishExplainer(Explainer):
    def text(self, entry: dict, key: str) -> str:
        return entry[f"{key}_en"]

    def kind_title(self, kind: str) -> str:
        return {"av": "supplementary insurance", "dental": "dental insurance"}[kind]

    def no_package(self, kind_title: str) -> str:
        return f"No {kind_title} chosen, so nothing is reimbursed."

    def not_in_package(self, package_title: str) -> str:
        return f"Not insured in {package_title}."

    def sex_missing(self, sex: str) -> str:
        return f"Cannot be computed: sex not given, and this reimbursement applies only to {sex} insured persons."

    def nothing_to_reimburse_sex_missing(self, sex: str) -> str:
        return (
            f"No costs on this line, so nothing to reimburse (this reimbursement applies only to {sex} "
            "insured persons, and sex was not given)."
        )

    def unknown(self, reason: str) -> str:
        return f"Cannot be computed: {reason[0].lower()}{reason[1:]}"

    def non_contracted_unknown(self) -> str:
        return (
            "Cannot be computed: with a non-contracted care provider we reimburse up to 73% of the average "
            "contracted rate (article 1.8.3), and that rate is not in the conditions."
        )

    def count_limit(
        self, limit: dict, line, remaining: int, used_by_lines: int, earlier: int, implied_by: Decimal | None
    ) -> str:
        unit = limit["unit"]
        most = "once" if (limit["count"], unit) == (1, "keer") else f"at most {_units(limit['count'], unit)}"
        text = f"{most}{_period(limit)}"
        if implied_by is None:
            earlier_text = f"{_units(earlier, unit)} earlier in the period" if earlier else ""
        else:
            earlier_text = (
                f"{euro_en(implied_by)} reimbursed earlier in the period, so at least {_units(earlier, unit)}"
            )
        text += _already_used(_units(used_by_lines, unit) if used_by_lines else "", earlier_text)
        if not remaining:
            return f"{text}: already used up"
        return f"{text}: reimbursement for {remaining} of the {_units(line.count, unit)}"

    def rate(self, rate: Decimal, cost: Decimal, reimbursed: Decimal) -> str:
        return f"{_percent(rate)} of {euro_en(cost)} reimbursed"

    def tiers(
        self, tiers: list[dict], on_other_lines: Decimal, earlier: Decimal, cost: Decimal, reimbursed: Decimal
    ) -> str:
        bands = []
        for tier in tiers:
            if tier["band"]:
                bands.append(f"{_percent(tier['rate'])} of the next {euro_en(tier['up_to'] - tier['from'])}")
            elif tier["up_to"] is not None:
                bands.append(f"{_percent(tier['rate'])} up to {euro_en(tier['up_to'])}")
            else:
                bands.append(f"{_percent(tier['rate'])} above that")
        if tiers[-1]["up_to"] is not None:
            bands.append("nothing above that")
        already = _already_used(
            f"{euro_en(on_other_lines)} in costs" if on_other_lines else "",
            f"{euro_en(earlier)} reimbursed earlier in the year" if earlier else "",
        )
        listed = ", ".join(bands[:-1]) + " and " + bands[-1]
        return f"{listed}{already}: {euro_en(reimbursed)} of {euro_en(cost)}"

    def unit_max(self, unit_max: Decimal, unit: str, non_contracted_theme: str | None) -> str:
        per = "" if unit == "keer" else f" per {_UNITS[unit][0]}"
        if non_contracted_theme is None:
            return f"at most {euro_en(unit_max)}{per}"
        provider = "supplier" if non_contracted_theme == "hulpmiddelen" else "care provider"
        return f"at most {euro_en(unit_max)}{per} from a non-contracted {provider}"

    def amount_limit(
        self, limit: dict, remaining: Decimal, used: Decimal, earlier: Decimal, partners: list[str]
    ) -> str:
        text = f"at most {euro_en(limit['amount'])}{_period(limit)}"
        if partners:
            text += f" together with {', '.join(p.lower() for p in partners)}"
        spent = _already_used(
            euro_en(used) if used else "", f"{euro_en(earlier)} reimbursed earlier in the period" if earlier else ""
        )
        return f"{text}{spent}, {euro_en(remaining)} left" if spent else text

    def summary(self, status: str, cost: Decimal, reimbursed: Decimal, notes: list[str]) -> str:
        if not cost:
            return "No costs on this line."
        if not notes:
            return f"Fully reimbursed: {euro_en(reimbursed)}."
        text = "; ".join(notes)
        return (
            f"{text[0].upper()}{text[1:]}. Reimbursed {euro_en(reimbursed)}, "
            f"you pay {euro_en(cost - reimbursed)} yourself."
        )


def explainer(lang: str) -> Explainer:
    """The explainer for a profile's language: "nl" (the default) or "en"."""
    return EnglishExplainer() if lang == "en" else Explainer()
