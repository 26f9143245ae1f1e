"""Coverage examples on the home page: each persona of the comparator, computed at build time by the engine."""

from __future__ import annotations

import base64
import json

from comparator import compare

from ..data import REPO_ROOT
from ._markdown import escape
from ._page import PageWriter
from ._paths import COMPARATOR_PAGE
from ._text import UNKNOWN

__all__ = ["PERSONAS", "write_examples"]

PERSONAS = REPO_ROOT / "docs" / "vergelijker" / "personas.json"


def _euros(amount: float | None) -> str:
    """A result in cents (€ 640,00), unlike `_text.euros` which writes limits (€ 640)."""
    if amount is None:
        return UNKNOWN
    whole, _, cents = f"{amount:,.2f}".partition(".")
    return f"€ {whole.replace(',', '.')},{cents}"


def _share_fragment(profile: dict) -> str:
    """The contract's `#p=`: the profile JSON, UTF-8, base64url without padding."""
    raw = json.dumps(profile, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    return "p=" + base64.urlsafe_b64encode(raw).decode("ascii").rstrip("=")


_COLUMNS = ("Vergoed", "Zelf betalen", "Premie per jaar", "Totaal per jaar")


def _row(result: dict) -> str:
    name = result["av"].capitalize() + (f" + tandarts {result['dental'].capitalize()}" if result["dental"] else "")
    incomplete = "" if result["complete"] else ' <span class="pv-unknown">deels onbekend</span>'
    amounts = [_euros(result[key]) for key in ("reimbursed", "out_of_pocket", "premium_year", "total_year")]
    amounts[-1] = f"<strong>{amounts[-1]}</strong>"
    cells = [
        f'<td role="cell" data-label="{label}">{amount}</td>' for label, amount in zip(_COLUMNS, amounts, strict=True)
    ]
    if result["total_year"] is None:  # "onbekend", not "onbekend per jaar" on a phone
        cells[-1] = cells[-1].replace("<td ", "<td data-unknown ", 1)
    return f"<tr role='row'><th scope='row' role='rowheader'>{escape(name)}{incomplete}</th>{''.join(cells)}</tr>"


def write_examples(page: PageWriter) -> None:
    personas = json.loads(PERSONAS.read_text(encoding="utf-8"))["personas"]
    head = "".join(f"<th scope='col' role='columnheader'>{label}</th>" for label in _COLUMNS)
    for persona in personas:
        results = compare(persona["profile"])["results"]
        cost = _euros(results[0]["cost"])
        link = page.href(COMPARATOR_PAGE) + "#" + _share_fragment(persona["profile"])
        page.heading(3, persona["title"], f"voorbeeld-{persona['id']}")
        page.html(
            f"<p>{escape(persona['summary'])} Zorgkosten samen: {cost}.</p>"
            # Material's own wrappers make a wide table scroll inside itself on a phone, not the page;
            # a region that scrolls must be reachable by keyboard (axe: scrollable-region-focusable).
            f'<div class="md-typeset__scrollwrap" tabindex="0" role="region" aria-labelledby="voorbeeld-{escape(persona["id"])}">'
            # Explicit roles: on a phone the CSS makes each package a block, its total on the first line.
            '<div class="md-typeset__table pv-examples"><table role="table"><thead role="rowgroup"><tr role="row">'
            f"<th scope='col' role='columnheader'>Pakket</th>{head}</tr></thead>"
            f"<tbody role='rowgroup'>{''.join(_row(r) for r in results)}</tbody></table></div></div>"
            f'<p><a href="{link}">Bekijk dit voorbeeld per regel in de vergelijker</a></p>'
        )
