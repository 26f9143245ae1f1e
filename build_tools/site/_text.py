"""Dutch wording of the policy data: amounts, periods, who is eligible, and how packages differ.

Everything here turns numbers from the YAML into words; no number is introduced here.
"""

from __future__ import annotations

from decimal import Decimal

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

UNKNOWN = "onbekend"

_UNITS = {  # singular, plural
    "behandeling": ("behandeling", "behandelingen"),
    "consult": ("consult", "consulten"),
    "uur": ("uur", "uur"),
    "dag": ("dag", "dagen"),
    "keer": ("keer", "keer"),
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
    amount = Decimal(str(value)).quantize(Decimal("0.01"))
    whole, cents = divmod(amount, 1)
    text = f"{int(whole):,}".replace(",", ".")
    # A no-break space keeps "€ 1.135" on one line in narrow table cells.
    return f"€\u00a0{text}" if cents == 0 else f"€\u00a0{text},{int(cents * 100):02d}"


def percent(value: float | int) -> str:
    text = f"{Decimal(str(value)).normalize():f}".replace(".", ",")
    return f"{text}%"


def join_dutch(items: list[str]) -> str:
    """ "A", "A en B", "A, B en C"."""
    items = list(items)
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + " en " + items[-1]


def condition_label(kind: str) -> str:
    return _CONDITION_LABELS[kind]


def unit_name(unit: str | None, count: int = 2) -> str:
    singular, plural = _UNITS.get(unit or "keer", (unit, unit))
    return singular if count == 1 else plural


def eligibility_text(eligibility: dict | None) -> str:
    """ "vrouwen vanaf 21 jaar", "tot en met 12 jaar"; '' when everyone may claim."""
    if not eligibility:
        return ""
    parts = []
    sex = eligibility.get("sex")
    if sex:
        parts.append("vrouwen" if sex == "female" else "mannen")
    age = eligibility.get("age", {})
    low, under, through = age.get("from"), age.get("under"), age.get("through")
    if low is not None and (under is not None or through is not None):
        upper = f"tot en met {through}" if through is not None else f"tot {under}"
        parts.append(f"van {low} {upper} jaar")
    elif low is not None:
        parts.append(f"vanaf {low} jaar")
    elif through is not None:
        parts.append(f"tot en met {through} jaar")
    elif under is not None:
        parts.append(f"jonger dan {under} jaar")
    return " ".join(parts)


def rate_text(rule: dict, unit: str | None) -> str:
    """What share of the costs: "80% van de kosten, maximaal € 30 per consult"."""
    if "tiers" in rule:
        bands = []
        for tier in rule["tiers"]:
            if "up_to" in tier:
                bands.append(f"{percent(tier['rate'])} van de kosten tot {euros(tier['up_to'])}")
            elif "band" in tier:
                bands.append(f"{percent(tier['rate'])} van de volgende {euros(tier['band'])}")
            else:
                bands.append(f"daarboven {percent(tier['rate'])}")
        if "band" in rule["tiers"][-1]:
            bands.append("daarboven niets")
        text = ", ".join(bands)
    elif "rate" in rule:
        text = f"{percent(rule['rate'])} van de kosten"
    else:
        text = "de volledige kosten"
    if "unit_max" in rule:
        per = f" per {unit_name(unit, 1)}" if unit else ""
        text += f", maximaal {euros(rule['unit_max'])}{per}"
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
        terms.append(euros(upper - lower) if rate == 100 else f"{percent(rate)} van {euros(upper - lower)}")
        lower = upper
    return f"{euros(total)} per kalenderjaar", " + ".join(terms)


def period_text(limit: dict) -> str:
    period = limit["period"]
    if period == "calendar_year":
        return "per kalenderjaar"
    if period == "calendar_years":
        return f"per {limit['years']} kalenderjaren"
    if period == "lifetime":
        return "gedurende de looptijd van de verzekering"
    return "periode niet genoemd in de voorwaarden"


def limit_size(limit: dict) -> str:
    if "amount" in limit:
        return euros(limit["amount"])
    return f"{limit['count']} {unit_name(limit.get('unit'), limit['count'])}"


def limit_parts(limits: list[dict]) -> tuple[list[str], list[str]]:
    """(maxima, periods) in words. When all limits share a period it is said once, under periods."""
    periods = list(dict.fromkeys(period_text(limit) for limit in limits))
    if len(periods) <= 1:
        return [limit_size(limit) for limit in limits], periods
    return [f"{limit_size(limit)} {period_text(limit)}" for limit in limits], periods


def _compact_rule(rule: dict, unit: str | None) -> str:
    if "unknown" in rule:
        text = UNKNOWN
    else:
        parts = []
        if "tiers" in rule or "rate" in rule:
            parts.append(
                rate_text({k: v for k, v in rule.items() if k != "unit_max"}, unit).replace(" van de kosten", "")
            )
        if "unit_max" in rule:
            parts.append(f"max.\u00a0{euros(rule['unit_max'])}" + (f" per {unit_name(unit, 1)}" if unit else ""))
        if "tiers" in rule and tiers_maximum(rule["tiers"]):
            parts.append(f"max.\u00a0{tiers_maximum(rule['tiers'])[0]}")
        for limit in rule.get("limits", []):
            shared = " (gedeeld budget)" if "pool" in limit else ""
            period = "(geen periode genoemd)" if limit["period"] == "unstated" else period_text(limit)
            parts.append(f"max.\u00a0{limit_size(limit)} {period}{shared}")
        text = ", ".join(parts) or "volledige kosten"
    who = eligibility_text(rule.get("eligibility"))
    return f"{who}: {text}" if who else text


def compact_rules(benefit: dict, unit: str | None) -> str:
    """One line for tables and cards: "80%, max. € 30 per consult, max. € 100 per kalenderjaar (gedeeld)"."""
    return "; ".join(_compact_rule(rule, unit) for rule in benefit["rules"])


def coverage_note(covered: list[str], everyone: list[str]) -> str:
    """ "Alleen in Excellent", "Niet in Primair", "In Primair en Royaal; niet in Ideaal, Optimaal en Excellent"."""
    missing = [name for name in everyone if name not in covered]
    if not missing:
        count = _COUNT_WORDS.get(len(everyone), str(len(everyone)))
        return f"In alle {count} pakketten" if len(everyone) > 1 else f"In {everyone[0]}"
    if not covered:
        return "In geen enkel pakket"
    if len(covered) == 1:
        return f"Alleen in {covered[0]}"
    if len(missing) == 1:
        return f"Niet in {missing[0]}"
    return f"In {join_dutch(covered)}; niet in {join_dutch(missing)}"
