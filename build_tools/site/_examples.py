"""Coverage examples on the home page: each persona of the comparator, computed at build time by the engine.

Each leads with the household's cheapest plan (best_plans: every adult may hold another package),
the same figure the comparator's answer card gives; the table below it is labelled for what it is:
everyone holding the same package.
"""

from __future__ import annotations

import base64
import json

from comparator import best_plans, compare

from ..data import REPO_ROOT
from ._edition import in_language
from ._markdown import escape
from ._page import PageWriter
from ._paths import COMPARATOR_PAGE
from ._text import UNKNOWN
from ._words import current_language, say

__all__ = ["PERSONAS", "write_examples"]

PERSONAS = REPO_ROOT / "docs" / "vergelijker" / "personas.json"


def _euros(amount: float | None) -> str:
    """A result in cents (€ 640,00), unlike `_text.euros` which writes limits (€ 640)."""
    if amount is None:
        return say(UNKNOWN)
    whole, _, cents = f"{amount:,.2f}".partition(".")
    if current_language() == "en":
        return f"€{whole}.{cents}"
    return f"€ {whole.replace(',', '.')},{cents}"


def _share_fragment(profile: dict) -> str:
    """The contract's `#p=`: the profile JSON, UTF-8, base64url without padding."""
    raw = json.dumps(profile, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    return "p=" + base64.urlsafe_b64encode(raw).decode("ascii").rstrip("=")


_COLUMNS = ("Vergoed", "Zelf betalen", "Premie per jaar", "Totaal per jaar")


def _row(result: dict) -> str:
    dental = say(" + tandarts {name}", name=result["dental"].capitalize()) if result["dental"] else ""
    name = result["av"].capitalize() + dental
    incomplete = "" if result["complete"] else f' <span class="pv-unknown">{say("deels onbekend")}</span>'
    amounts = [_euros(result[key]) for key in ("reimbursed", "out_of_pocket", "premium_year", "total_year")]
    amounts[-1] = f"<strong>{amounts[-1]}</strong>"
    cells = [
        f'<td role="cell" data-label="{say(label)}">{amount}</td>'
        for label, amount in zip(_COLUMNS, amounts, strict=True)
    ]
    if result["total_year"] is None:  # "onbekend", not "onbekend per jaar" on a phone
        cells[-1] = cells[-1].replace("<td ", "<td data-unknown ", 1)
    return f"<tr role='row'><th scope='row' role='rowheader'>{escape(name)}{incomplete}</th>{''.join(cells)}</tr>"


def _holding(person: dict) -> str:
    if not person["av"]:
        return (
            say("alleen tandarts {name}", name=person["dental"].capitalize())
            if person["dental"]
            else say("geen pakket")
        )
    return person["av"].capitalize() + (
        say(" + tandarts {name}", name=person["dental"].capitalize()) if person["dental"] else ""
    )


def _best_plan(profile: dict) -> str:
    """ "Het goedkoopst voor dit huishouden: € 1.719,60 per jaar (Anna: Royaal; Bas: geen pakket)."
    Children follow a parent's package (art. 1.2.2), so the plan names its adults only."""
    plan = best_plans(profile, 1)["plans"][0]
    adults = [
        (index, person, holding)
        for index, (person, holding) in enumerate(zip(profile["persons"], plan["persons"], strict=True))
        if person["age"] >= 18
    ]
    if len(adults) == 1:
        named = _holding(adults[0][2])
    else:
        named = "; ".join(
            f"{escape(person.get('name') or say('Persoon {n}', n=index + 1))}: {_holding(holding)}"
            for index, person, holding in adults
        )
    # A non-breaking space keeps "€ 1.719,60" on one line on a phone.
    amount = _euros(plan["total_year"]).replace("€ ", "€\u00a0")
    total = say("Het goedkoopst voor dit huishouden: {total} per jaar", total=amount)
    return f'<p class="pv-best-plan"><strong>{total}</strong> ({named}).</p>'


def write_examples(page: PageWriter) -> None:
    personas = json.loads(PERSONAS.read_text(encoding="utf-8"))["personas"]
    head = "".join(f"<th scope='col' role='columnheader'>{say(label)}</th>" for label in _COLUMNS)
    for persona in personas:
        persona_profile = persona["profile"]
        results = compare(persona_profile)["results"]
        cost = _euros(results[0]["cost"])
        link = page.href(COMPARATOR_PAGE) + "#" + _share_fragment(persona["profile"])
        persona = in_language(persona, current_language())
        page.heading(3, persona["title"], f"voorbeeld-{persona['id']}")
        page.html(
            f"<p>{escape(persona['summary'])} {say('Zorgkosten samen: {cost}.', cost=cost)}</p>"
            + _best_plan(persona_profile)
            + f"<p>{say('Als iedereen hetzelfde pakket neemt:')}</p>"
            # Material's own wrappers make a wide table scroll inside itself on a phone, not the page;
            # a region that scrolls must be reachable by keyboard (axe: scrollable-region-focusable).
            f'<div class="md-typeset__scrollwrap" tabindex="0" role="region" aria-labelledby="voorbeeld-{escape(persona["id"])}">'
            # Explicit roles: on a phone the CSS makes each package a block, its total on the first line.
            '<div class="md-typeset__table pv-examples"><table role="table"><thead role="rowgroup"><tr role="row">'
            f"<th scope='col' role='columnheader'>{say('Pakket')}</th>{head}</tr></thead>"
            f"<tbody role='rowgroup'>{''.join(_row(r) for r in results)}</tbody></table></div></div>"
            f'<p><a href="{link}">{say("Bekijk dit voorbeeld per regel in de vergelijker")}</a></p>'
        )
