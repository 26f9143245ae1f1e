"""Dutch sentences that say which numbers decided a line, for a customer, not an actuary."""

from __future__ import annotations

from decimal import Decimal

from ._money import euro

__all__ = ["Explainer"]

_PLURAL = {"behandeling": "behandelingen", "consult": "consulten", "uur": "uur", "dag": "dagen", "keer": "keer"}
_SEX = {"female": "vrouwelijke", "male": "mannelijke"}


def _units(count: int, unit: str) -> str:
    return f"{count} {unit if count == 1 else _PLURAL[unit]}"


def _period(limit: dict) -> str:
    return {
        "calendar_year": " per kalenderjaar",
        "calendar_years": f" per {limit.get('years')} kalenderjaren",
        "lifetime": " gedurende de looptijd van de verzekering",
        "unstated": "",
    }[limit["period"]]


def _already_used(on_other_lines: str, earlier_in_period: str) -> str:
    """' (X al op andere regels en Y eerder in de periode)', with the parts that are not empty."""
    parts = [f"{on_other_lines} al op andere regels"] if on_other_lines else []
    parts += [earlier_in_period] if earlier_in_period else []
    return f" ({' en '.join(parts)})" if parts else ""


def _percent(rate: Decimal) -> str:
    return f"{rate.normalize():f}".replace(".", ",") + "%"


class Explainer:
    """Builds the explanation of one line from the clauses the engine hands it, in Dutch."""

    def text(self, entry: dict, key: str) -> str:
        """A text of the policy data in this explainer's language (English sits beside it as `key_en`)."""
        return entry[key]

    def kind_title(self, kind: str) -> str:
        return {"av": "aanvullende verzekering", "dental": "tandartsverzekering"}[kind]

    def no_package(self, kind_title: str) -> str:
        return f"Geen {kind_title} gekozen, dus geen vergoeding."

    def not_in_package(self, package_title: str) -> str:
        return f"Niet verzekerd in {package_title}."

    def sex_missing(self, sex: str) -> str:
        return (
            f"Niet te berekenen: geslacht niet opgegeven en deze vergoeding geldt alleen voor {_SEX[sex]} verzekerden."
        )

    def nothing_to_reimburse_sex_missing(self, sex: str) -> str:
        return (
            "Geen kosten op deze regel, dus niets te vergoeden (deze vergoeding geldt alleen voor "
            f"{_SEX[sex]} verzekerden en het geslacht is niet opgegeven)."
        )

    def unknown(self, reason: str) -> str:
        return f"Niet te berekenen: {reason[0].lower()}{reason[1:]}"

    def non_contracted_unknown(self) -> str:
        return (
            "Niet te berekenen: bij een niet-gecontracteerde zorgaanbieder vergoeden wij tot 73% van het "
            "gemiddeld gecontracteerde tarief (artikel 1.8.3), en dat tarief staat niet in de voorwaarden."
        )

    def count_limit(
        self, limit: dict, line, remaining: int, used_by_lines: int, earlier: int, implied_by: Decimal | None
    ) -> str:
        """`implied_by`: the earlier reimbursement from which `earlier` follows, when no count was given."""
        unit = limit["unit"]
        most = "eenmaal" if (limit["count"], unit) == (1, "keer") else f"maximaal {_units(limit['count'], unit)}"
        text = f"{most}{_period(limit)}"
        if implied_by is None:
            earlier_text = f"{_units(earlier, unit)} eerder in de periode" if earlier else ""
        else:
            earlier_text = f"{euro(implied_by)} eerder in de periode vergoed, dus ten minste {_units(earlier, unit)}"
        text += _already_used(_units(used_by_lines, unit) if used_by_lines else "", earlier_text)
        # Only which units count: the rate, the tiers and the maxima still apply to them.
        return (
            f"{text}: vergoeding voor {remaining} van de {_units(line.count, unit)}"
            if remaining
            else f"{text}: al opgebruikt"
        )

    def rate(self, rate: Decimal, cost: Decimal, reimbursed: Decimal) -> str:
        return f"{_percent(rate)} van {euro(cost)} vergoed"

    def tiers(
        self, tiers: list[dict], on_other_lines: Decimal, earlier: Decimal, cost: Decimal, reimbursed: Decimal
    ) -> str:
        """`on_other_lines`: costs of other lines already in the bands; `earlier`: reimbursed earlier in the year."""
        bands = []
        for tier in tiers:
            if tier["band"]:
                bands.append(f"{_percent(tier['rate'])} van de volgende {euro(tier['up_to'] - tier['from'])}")
            elif tier["up_to"] is not None:
                bands.append(f"{_percent(tier['rate'])} tot {euro(tier['up_to'])}")
            else:
                bands.append(f"daarboven {_percent(tier['rate'])}")
        if tiers[-1]["up_to"] is not None:
            bands.append("daarboven niets")
        already = _already_used(
            f"{euro(on_other_lines)} aan kosten" if on_other_lines else "",
            f"{euro(earlier)} eerder in het jaar vergoed" if earlier else "",
        )
        listed = ", ".join(bands[:-1]) + " en " + bands[-1]
        return f"{listed}{already}: {euro(reimbursed)} van {euro(cost)}"

    def unit_max(self, unit_max: Decimal, unit: str, non_contracted_theme: str | None) -> str:
        """`unit` "keer" is an amount line's: its maximum is per purchase, not "per keer" (the plaswekker
        is "eenmaal"). `non_contracted_theme`: the care's theme when the maximum is for a provider
        without a contract (aids come from a "leverancier", art. 3.5.2)."""
        per = "" if unit == "keer" else f" per {unit}"
        if non_contracted_theme is None:
            return f"maximaal {euro(unit_max)}{per}"
        provider = "leverancier" if non_contracted_theme == "hulpmiddelen" else "zorgaanbieder"
        return f"maximaal {euro(unit_max)}{per} bij een niet-gecontracteerde {provider}"

    def amount_limit(
        self, limit: dict, remaining: Decimal, used: Decimal, earlier: Decimal, partners: list[str]
    ) -> str:
        text = f"maximaal {euro(limit['amount'])}{_period(limit)}"
        if partners:
            text += f" samen met {', '.join(p.lower() for p in partners)}"
        spent = _already_used(
            euro(used) if used else "", f"{euro(earlier)} eerder in de periode vergoed" if earlier else ""
        )
        return f"{text}{spent}, nog {euro(remaining)} over" if spent else text

    def summary(self, status: str, cost: Decimal, reimbursed: Decimal, notes: list[str]) -> str:
        if not cost:
            return "Geen kosten op deze regel."
        if not notes:
            return f"Volledig vergoed: {euro(reimbursed)}."
        text = "; ".join(notes)
        return f"{text[0].upper()}{text[1:]}. Vergoed {euro(reimbursed)}, zelf betalen {euro(cost - reimbursed)}."
