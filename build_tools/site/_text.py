"""Wording of the policy data (in the edition's language, see _words.py): amounts, periods, who is eligible, and how packages differ.

Everything here turns numbers from the YAML into words; no number is introduced here.
"""

from __future__ import annotations

from decimal import Decimal

from ._words import money, number_text, say

__all__ = [
    "UNKNOWN",
    "compact_rules",
    "condition_label",
    "coverage_note",
    "eligibility_text",
    "euros",
    "join_dutch",
    "limit_parts",
    "limit_size",
    "percent",
    "period_text",
    "rate_text",
    "tiers_maximum",
    "unit_name",
]

UNKNOWN = "onbekend"  # the Dutch word; unknown_word() says it in the edition's language

_UNITS = {  # "singular|plural"
    "behandeling": "behandeling|behandelingen",
    "consult": "consult|consulten",
    "uur": "uur|uur",
    "dag": "dag|dagen",
    "keer": "keer|keer",
}
_CONDITION_LABELS = {
    "referral": "Verwijzing nodig",
    "prior_consent": "Toestemming vooraf",
    "contracted_provider": "Gecontracteerde zorgaanbieder",
    "diagnosis": "Medische reden",
    "prescription": "Voorschrift nodig",
    "provider": "Eisen aan de zorgaanbieder",
    "other": "Verder",
}
_COUNT_WORDS = {2: "twee", 3: "drie", 4: "vier", 5: "vijf"}


def euros(value: float | int) -> str:
    """€ 1.135 or € 8,90: Dutch thousands dots and decimal comma."""
    return money(value)


def percent(value: float | int) -> str:
    return f"{number_text(Decimal(str(value)))}%"


def join_dutch(items: list[str]) -> str:
    """ "A", "A en B", "A, B en C"."""
    items = list(items)
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + say(" en ") + items[-1]


def condition_label(kind: str) -> str:
    return say(_CONDITION_LABELS[kind])


def unit_name(unit: str | None, count: int = 2) -> str:
    known = _UNITS.get(unit or "keer")
    singular, plural = say(known).split("|") if known else (unit, unit)
    return singular if count == 1 else plural


def eligibility_text(eligibility: dict | None) -> str:
    """ "vrouwen vanaf 21 jaar", "tot en met 12 jaar"; '' when everyone may claim."""
    if not eligibility:
        return ""
    parts = []
    sex = eligibility.get("sex")
    if sex:
        parts.append(say("vrouwen" if sex == "female" else "mannen"))
    age = eligibility.get("age", {})
    low, under, through = age.get("from"), age.get("under"), age.get("through")
    if low is not None and (under is not None or through is not None):
        if through is not None:
            parts.append(say("van {low} tot en met {through} jaar", low=low, through=through))
        else:
            parts.append(say("van {low} tot {under} jaar", low=low, under=under))
    elif low is not None:
        parts.append(say("vanaf {low} jaar", low=low))
    elif through is not None:
        parts.append(say("tot en met {through} jaar", through=through))
    elif under is not None:
        parts.append(say("jonger dan {under} jaar", under=under))
    return " ".join(parts)


def rate_text(rule: dict, unit: str | None) -> str:
    """What share of the costs: "80% van de kosten, maximaal € 30 per consult"."""
    if "tiers" in rule:
        bands = []
        for tier in rule["tiers"]:
            if "up_to" in tier:
                bands.append(
                    say("{rate} van de kosten tot {amount}", rate=percent(tier["rate"]), amount=euros(tier["up_to"]))
                )
            elif "band" in tier:
                bands.append(
                    say("{rate} van de volgende {amount}", rate=percent(tier["rate"]), amount=euros(tier["band"]))
                )
            else:
                bands.append(say("daarboven {rate}", rate=percent(tier["rate"])))
        if "band" in rule["tiers"][-1]:
            bands.append(say("daarboven niets"))
        text = ", ".join(bands)
    elif "rate" in rule:
        text = say("{rate} van de kosten", rate=percent(rule["rate"]))
    else:
        text = say("de volledige kosten")
    if "unit_max" in rule:
        per = say(" per {unit}", unit=unit_name(unit, 1)) if unit else ""
        text += say(", maximaal {amount}{per}", amount=euros(rule["unit_max"]), per=per)
    return text


def tiers_maximum(tiers: list[dict]) -> tuple[str, str] | None:
    """What bands that all end pay at most in a year, and how: ("€ 1.100 per kalenderjaar", "€ 750 + 70% van € 500")."""
    if "band" not in tiers[-1]:
        return None
    total, lower, terms = Decimal(0), Decimal(0), []
    for tier in tiers:
        upper = Decimal(str(tier["up_to"])) if "up_to" in tier else lower + Decimal(str(tier["band"]))
        rate = Decimal(str(tier["rate"]))
        total += (upper - lower) * rate / 100
        terms.append(
            euros(upper - lower)
            if rate == 100
            else say("{rate} van {amount}", rate=percent(rate), amount=euros(upper - lower))
        )
        lower = upper
    return say("{amount} per kalenderjaar", amount=euros(total)), " + ".join(terms)


def period_text(limit: dict) -> str:
    period = limit["period"]
    if period == "calendar_year":
        return say("per kalenderjaar")
    if period == "calendar_years":
        return say("per {years} kalenderjaren", years=limit["years"])
    if period == "lifetime":
        return say("gedurende de looptijd van de verzekering")
    return say("periode niet genoemd in de voorwaarden")


def limit_size(limit: dict) -> str:
    if "amount" in limit:
        return euros(limit["amount"])
    if limit["count"] == 1 and limit.get("unit") in (None, "keer"):
        return say("1 keer")  # "once" in English
    return f"{limit['count']} {unit_name(limit.get('unit'), limit['count'])}"


def limit_parts(limits: list[dict]) -> tuple[list[str], list[str]]:
    """(maxima, periods) in words. When all limits share a period it is said once, under periods."""
    periods = list(dict.fromkeys(period_text(limit) for limit in limits))
    if len(periods) <= 1:
        return [limit_size(limit) for limit in limits], periods
    return [f"{limit_size(limit)} {period_text(limit)}" for limit in limits], periods


def _compact_rule(rule: dict, unit: str | None) -> str:
    if "unknown" in rule:
        text = say(UNKNOWN)
    else:
        parts = []
        if "tiers" in rule or "rate" in rule:
            parts.append(
                rate_text({k: v for k, v in rule.items() if k != "unit_max"}, unit).replace(say(" van de kosten"), "")
            )
        if "unit_max" in rule:
            per = say(" per {unit}", unit=unit_name(unit, 1)) if unit else ""
            parts.append(f"{say('max.')}\u00a0{euros(rule['unit_max'])}{per}")
        if "tiers" in rule and tiers_maximum(rule["tiers"]):
            parts.append(f"{say('max.')}\u00a0{tiers_maximum(rule['tiers'])[0]}")
        for limit in rule.get("limits", []):
            shared = say(" (gedeeld budget)") if "pool" in limit else ""
            period = say("(geen periode genoemd)") if limit["period"] == "unstated" else period_text(limit)
            parts.append(f"{say('max.')}\u00a0{limit_size(limit)} {period}{shared}")
        text = ", ".join(parts) or say("volledige kosten")
    who = eligibility_text(rule.get("eligibility"))
    return f"{who}: {text}" if who else text


def compact_rules(benefit: dict, unit: str | None) -> str:
    """One line for tables and cards: "80%, max. € 30 per consult, max. € 100 per kalenderjaar (gedeeld)"."""
    return "; ".join(_compact_rule(rule, unit) for rule in benefit["rules"])


def coverage_note(covered: list[str], everyone: list[str]) -> str:
    """ "Alleen in Excellent", "Niet in Primair", "In Primair en Royaal; niet in Ideaal, Optimaal en Excellent"."""
    missing = [name for name in everyone if name not in covered]
    if not missing:
        count = say(_COUNT_WORDS[len(everyone)]) if len(everyone) in _COUNT_WORDS else str(len(everyone))
        return (
            say("In alle {count} pakketten", count=count) if len(everyone) > 1 else say("In {name}", name=everyone[0])
        )
    if not covered:
        return say("In geen enkel pakket")
    if len(covered) == 1:
        return say("Alleen in {name}", name=covered[0])
    if len(missing) == 1:
        return say("Niet in {name}", name=missing[0])
    return say("In {covered}; niet in {missing}", covered=join_dutch(covered), missing=join_dutch(missing))
