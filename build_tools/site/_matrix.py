"""The comparison matrix: every care id against every package, filtered in the page by docs/javascripts/matrix.js."""

from __future__ import annotations

from ._data import Package, SiteData
from ._markdown import escape
from ._packages import premium_text
from ._page import PageWriter
from ._paths import package_page, theme_page
from ._text import UNKNOWN, compact_rules

__all__ = ["write_matrix_page"]


def write_matrix_page(page: PageWriter, site: SiteData) -> None:
    page.html(
        '<div class="pv-lead"><p>Elke soort zorg uit de catalogus tegen elk pakket. Kies een zorgsoort of typ '
        "een woord (bijvoorbeeld <em>bril</em> of <em>beugel</em>) om de tabel korter te maken. Klik op de "
        "naam van de zorg voor alle voorwaarden en de letterlijke tekst per pakket.</p></div>"
    )
    page.html(_filter_panel(site))
    for title, anchor, packages in (
        ("Aanvullende verzekeringen", "aanvullend", site.av),
        ("Tandartsverzekeringen", "tandarts", site.dental),
    ):
        page.heading(2, title, anchor)
        care = [c for c in site.care.values() if any(p.mentions(c["id"]) for p in packages)]
        page.html(_table(page, site, packages, care))
    page.html('<p class="pv-matrix-empty" data-matrix-empty hidden>Geen zorg gevonden. Probeer een ander woord.</p>')


def _filter_panel(site: SiteData) -> str:
    """Hidden until matrix.js runs: without JavaScript the whole table simply shows."""
    options = "".join(f'<option value="{escape(t["id"])}">{escape(t["title"])}</option>' for t in site.themes)
    return (
        '<form class="pv-matrix-filter" data-matrix-filter hidden role="search" aria-label="Filter de tabel">'
        '<label>Zorgsoort <select name="thema"><option value="">Alle zorgsoorten</option>'
        f"{options}</select></label>"
        '<label>Zoek in de tabel <input type="search" name="tekst" autocomplete="off" '
        'placeholder="bijv. fysio, bril, zwanger"></label>'
        '<p class="pv-matrix-count" data-matrix-count aria-live="polite"></p></form>'
    )


def _table(page: PageWriter, site: SiteData, packages: list[Package], care_items: list[dict]) -> str:
    # Explicit roles: on a phone the CSS lays each row out as a block (a table in the accessibility tree still).
    head = "".join(
        f'<th scope="col" role="columnheader"><a href="{page.href(package_page(p.kind, p.id))}">{escape(p.name)}</a>'
        f'<span class="pv-premium">{escape(premium_text(site, p))}</span></th>'
        for p in packages
    )
    body = []
    # One group per theme, in the catalogue's order of themes (care ids of a theme need not be adjacent).
    for theme in site.themes:
        rows = [_row(page, care, packages) for care in care_items if care["theme"] == theme["id"]]
        if rows:
            body.append(
                f'<tr class="pv-theme-row" role="row" data-theme="{escape(theme["id"])}"><th colspan="{len(packages) + 1}" '
                f'scope="colgroup" role="columnheader"><a href="{page.href(theme_page(theme["id"]))}">'
                f"{escape(theme['title'])}</a></th></tr>"
            )
            body.extend(rows)
    # On a phone the header row (with the premiums) is out of sight: the premiums stand above the
    # table there, hidden from screen readers, which read them in the header row.
    premiums = "".join(f"<li><strong>{escape(p.name)}</strong> {escape(premium_text(site, p))}</li>" for p in packages)
    return (
        f'<div class="pv-matrix-premiums" aria-hidden="true"><p>Premie 2020 per verzekerde van 18 jaar en ouder:</p><ul>{premiums}</ul></div>'
        '<div class="pv-matrix-wrap"><table data-matrix role="table"><thead role="rowgroup"><tr role="row">'
        f'<th scope="col" role="columnheader">Zorg</th>{head}</tr></thead>'
        f'<tbody role="rowgroup">{"".join(body)}</tbody></table></div>'
    )


def _row(page: PageWriter, care: dict, packages: list[Package]) -> str:
    words = " ".join([care["title"], care["id"], *care["keywords"]])
    cells = []
    for package in packages:
        benefit = package.benefits.get(care["id"])
        if benefit is None:
            cells.append(
                f'<td class="pv-none" role="cell" data-package="{escape(package.name)}">'
                '<span aria-hidden="true">—</span><span class="pv-sr">niet verzekerd</span></td>'
            )
            continue
        words += " " + " ".join(benefit.get("keywords", []))
        short = compact_rules(benefit, care.get("unit"))
        css = "pv-unknown" if UNKNOWN in short else "pv-covered"
        cells.append(f'<td class="{css}" role="cell" data-package="{escape(package.name)}">{escape(short)}</td>')
    name = f'<a href="{page.href(theme_page(care["theme"]), care["id"])}">{escape(care["title"])}</a>'
    return (
        f'<tr role="row" data-care="{escape(care["id"])}" data-theme="{escape(care["theme"])}" '
        f'data-words="{escape(words)}"><th scope="row" role="rowheader">{name}</th>{"".join(cells)}</tr>'
    )
