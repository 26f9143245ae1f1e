"""Coverage examples on the home page: each persona of the comparator, computed at build time by the engine."""

from __future__ import annotations

import base64
import json

from comparator import compare

from ._policies import REPO_ROOT
from ._site_markdown import escape
from ._site_page import PageWriter
from ._site_paths import COMPARATOR_PAGE
from ._site_text import UNKNOWN

__all__ = ["PERSONAS", "write_examples"]

PERSONAS = REPO_ROOT / "docs" / "vergelijker" / "personas.json"


def _euros(amount: float | None) -> str:
    """A result in cents (€ 640,00), unlike `_site_text.euros` which writes limits (€ 640)."""
    if amount is None:
        return UNKNOWN
    whole, _, cents = f"{amount:,.2f}".partition(".")
    return f"€ {whole.replace(',', '.')},{cents}"


def _share_fragment(profile: dict) -> str:
    """The contract's `#p=`: the profile JSON, UTF-8, base64url without padding."""
    raw = json.dumps(profile, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    return "p=" + base64.urlsafe_b64encode(raw).decode("ascii").rstrip("=")


def _row(result: dict) -> str:
    name = result["av"].capitalize() + (f" + tandarts {result['dental'].capitalize()}" if result["dental"] else "")
    incomplete = "" if result["complete"] else ' <span class="pv-unknown">deels onbekend</span>'
    return (
        f"<tr><th scope='row'>{escape(name)}{incomplete}</th><td>{_euros(result['reimbursed'])}</td>"
        f"<td>{_euros(result['out_of_pocket'])}</td><td>{_euros(result['premium_year'])}</td>"
        f"<td><strong>{_euros(result['total_year'])}</strong></td></tr>"
    )


def write_examples(page: PageWriter) -> None:
    personas = json.loads(PERSONAS.read_text(encoding="utf-8"))["personas"]
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
            '<div class="md-typeset__table pv-examples"><table><thead><tr><th scope="col">Pakket</th><th scope="col">Vergoed</th>'
            '<th scope="col">Zelf betalen</th><th scope="col">Premie per jaar</th><th scope="col">Totaal per jaar</th>'
            f"</tr></thead><tbody>{''.join(_row(r) for r in results)}</tbody></table></div></div>"
            f'<p><a href="{link}">Bekijk dit voorbeeld per regel in de vergelijker</a></p>'
        )
