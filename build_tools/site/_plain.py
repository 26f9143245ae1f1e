"""One plain-Dutch (B1) sentence per benefit, shown first: written from the rule's shape.

Every number in the sentence comes from the rule (the wording helpers of `_text` add none).
Where the shape reads badly in one sentence, the benefit carries a hand-written `plain_summary`
in policies/, whose numbers `make check` holds against the rule.
"""

from __future__ import annotations

from ._text import (
    UNKNOWN,
    euros,
    join_dutch,
    limit_size,
    percent,
    period_text,
    rate_text,
    tiers_maximum,
    unit_name,
)

__all__ = ["plain_sentence"]


def _who(eligibility: dict | None) -> str:
    """ "voor vrouwen vanaf 21 jaar", "voor verzekerden tot en met 12 jaar"; '' for everyone."""
    if not eligibility:
        return ""
    age = eligibility.get("age", {})
    low, under, through = age.get("from"), age.get("under"), age.get("through")
    if low is not None and through is not None:
        years = f"van {low} tot en met {through} jaar"
    elif low is not None and under is not None:
        years = f"van {low} tot {under} jaar"
    elif low is not None:
        years = f"van {low} jaar en ouder"
    elif through is not None:
        years = f"tot en met {through} jaar"
    elif under is not None:
        years = f"jonger dan {under} jaar"
    else:
        years = ""
    people = {"female": "vrouwen", "male": "mannen"}.get(eligibility.get("sex"), "verzekerden")
    return f"voor {people} {years}".strip()


def _size(limit: dict) -> str:
    """ "1 keer", "tot 40 behandelingen", "tot € 200"."""
    return limit_size(limit) if limit.get("count") == 1 else f"tot {limit_size(limit)}"


def _period(limit: dict) -> str:
    return "in totaal" if limit["period"] == "unstated" else period_text(limit)


def _limits(limits: list[dict], partners: list[str]) -> str:
    """Counts before amounts; a period shared by all is said once: "1 keer en tot € 230 per 2 kalenderjaren"."""
    ordered = sorted(limits, key=lambda limit: "amount" in limit)
    if len({_period(limit) for limit in ordered}) == 1:
        text = f"{join_dutch([_size(limit) for limit in ordered])} {_period(ordered[0])}"
    else:
        text = join_dutch([f"{_size(limit)} {_period(limit)}" for limit in ordered])
    if any("pool" in limit for limit in limits) and partners:
        text += f" (samen met {join_dutch([p[0].lower() + p[1:] for p in partners])})"
    return text


def _rates(rule: dict, unit: str | None) -> str:
    if "tiers" in rule:
        first, *rest = rate_text({"tiers": rule["tiers"]}, unit).split(", ")
        return ", ".join([f"u krijgt {first} terug", *rest])
    if "rate" in rule:
        return f"u krijgt {percent(rule['rate'])} van de kosten terug"
    return "u krijgt de kosten helemaal terug"


def _clause(rule: dict, unit: str | None, partners: list[str]) -> str:
    if "unknown" in rule:
        return f"hoeveel u terugkrijgt is {UNKNOWN}"
    parts = [_rates(rule, unit)]
    maximum = tiers_maximum(rule["tiers"]) if "tiers" in rule else None
    if maximum:
        parts.append(f"samen tot {maximum[0]}")
    if "unit_max" in rule:
        parts.append(f"maximaal {euros(rule['unit_max'])}" + (f" per {unit_name(unit, 1)}" if unit else ""))
    if rule.get("limits"):
        parts.append(_limits(rule["limits"], partners))
    text = ", ".join(parts)
    non_contracted = rule.get("non_contracted")
    if non_contracted == "unknown":
        text += f"; bij een zorgaanbieder zonder contract is het bedrag {UNKNOWN}"
    elif isinstance(non_contracted, dict):
        per = f" per {unit_name(unit, 1)}" if unit else ""
        text += f"; bij een zorgaanbieder zonder contract maximaal {euros(non_contracted['unit_max'])}{per}"
    return text


def plain_sentence(benefit: dict, unit: str | None, partners: list[str]) -> str:
    """The benefit's hand-written `plain_summary`, or one sentence from its rules.

    "U krijgt 80% van de kosten terug, maximaal € 30 per consult, tot € 200 per kalenderjaar."
    Rules for different people are joined with a semicolon, each saying whom it is for.
    """
    if benefit.get("plain_summary"):
        return benefit["plain_summary"]
    clauses = []
    for rule in benefit["rules"]:
        who = _who(rule.get("eligibility"))
        clause = _clause(rule, unit, partners)
        clauses.append(f"{who}: {clause}" if who else clause)
    text = "; ".join(clauses)
    return text[0].upper() + text[1:] + "."
