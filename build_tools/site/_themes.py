"""One page per care theme: every package side by side for each kind of care, differences called out."""

from __future__ import annotations

from ._benefit import article_link, keywords_line, plain_line, quote_items
from ._data import Package, SiteData
from ._markdown import escape
from ._page import PageWriter
from ._paths import MATRIX_PAGE, package_page
from ._text import UNKNOWN, compact_rules, coverage_note, join_dutch

__all__ = ["differences", "write_theme_page"]

_KIND_LABELS = {"av": "Aanvullende verzekeringen", "dental": "Tandartsverzekeringen"}


def differences(site: SiteData, care_id: str, kind: str) -> list[str]:
    """Plain sentences: which packages pay, whether amounts differ, which exclude it in so many words."""
    packages = site.of_kind(kind)
    covered = [p for p in packages if care_id in p.benefits]
    unit = site.care_item(care_id).get("unit")
    lines = [coverage_note([p.name for p in covered], [p.name for p in packages]) + "."]
    if len(covered) > 1:
        texts = {compact_rules(p.benefits[care_id], unit) for p in covered}
        lines.append("De vergoeding is overal gelijk." if len(texts) == 1 else "De vergoeding verschilt per pakket.")
    if any(UNKNOWN in compact_rules(p.benefits[care_id], unit) for p in covered):
        lines.append(f"Bij een deel is de vergoeding {UNKNOWN}: de voorwaarden geven er geen bedrag voor.")
    excluded = [p.name for p in packages if care_id in p.not_covered]
    if len(excluded) == len(packages):
        lines.append("De voorwaarden van elk pakket sluiten het uitdrukkelijk uit.")
    elif excluded:
        lines.append(f"Uitdrukkelijk uitgesloten in {join_dutch(excluded)}.")
    return lines


def write_theme_page(page: PageWriter, site: SiteData, theme: dict) -> None:
    intro = page.md(theme["intro"]) if theme.get("intro") else ""
    matrix = f'<a href="{page.href(MATRIX_PAGE)}">vergelijkingstabel</a>'
    page.html(
        f'<div class="pv-lead">{intro}<p>Per soort zorg ziet u wat elk pakket vergoedt, met het artikel uit de '
        f"voorwaarden en de letterlijke tekst. Alles naast elkaar voor alle zorg: de {matrix}.</p></div>"
    )
    for care in site.care_in_theme(theme["id"]):
        page.heading(2, care["title"], care["id"])
        blocks = [keywords_line(care)]
        for kind in site.kinds_for(care["id"]):
            blocks.append(_kind_block(page, site, care, kind))
        page.html(f'<div class="pv-theme-care" data-care="{escape(care["id"])}">{"".join(blocks)}</div>')


def _kind_block(page: PageWriter, site: SiteData, care: dict, kind: str) -> str:
    packages = site.of_kind(kind)
    notes = "".join(f"<p>{escape(line)}</p>" for line in differences(site, care["id"], kind))
    callout = (
        f'<div class="admonition info pv-diff"><p class="admonition-title">{escape(_KIND_LABELS[kind])}</p>'
        f"{notes}</div>"
    )
    rows = "".join(_row(page, site, care, p) for p in packages)
    # Explicit roles: on a phone the rows are laid out as blocks (site.css), which would otherwise
    # cost the table its meaning for screen readers in some browsers.
    head = "".join(f'<th role="columnheader">{label}</th>' for label in ("Pakket", "Vergoeding", "Artikel"))
    table = (
        f'<div class="pv-side"><table role="table"><thead role="rowgroup"><tr role="row">{head}</tr></thead>'
        f'<tbody role="rowgroup">{rows}</tbody></table></div>'
    )
    return callout + table + _quotes(page, care, packages)


def _row(page: PageWriter, site: SiteData, care: dict, package: Package) -> str:
    name = f'<a href="{page.href(package_page(package.kind, package.id), _anchor(site, care, package))}">{escape(package.name)}</a>'
    benefit = package.benefits.get(care["id"])
    if benefit:
        value = plain_line(package, benefit, care.get("unit")) + page.md(benefit["summary"])
        return _tr([name, value, article_link(page, package, benefit["article"])])
    entry = package.not_covered.get(care["id"])
    if entry:
        value = f"<strong>Niet verzekerd</strong><p>{page.md_inline(entry['explanation'])}</p>"
        return _tr([name, value, article_link(page, package, entry["article"])], "pv-none")
    return _tr([name, "Niet verzekerd", "—"], "pv-none")


def _tr(cells: list[str], css: str = "") -> str:
    klass = f' class="{css}"' if css else ""
    row = "".join(f'<td role="cell">{cell}</td>' for cell in cells)
    return f'<tr role="row"{klass}>{row}</tr>'


def _anchor(site: SiteData, care: dict, package: Package) -> str:
    """A covered benefit has its own section on the package page; otherwise its theme section."""
    return care["id"] if care["id"] in package.benefits else f"zorgsoort-{care['theme']}"


def _quotes(page: PageWriter, care: dict, packages: list[Package]) -> str:
    parts = []
    for package in packages:
        entry = package.benefits.get(care["id"]) or package.not_covered.get(care["id"])
        if not entry:
            continue
        quotes = quote_items(page, package, entry)
        parts.append(f'<p class="pv-quote-package">{escape(package.title)}</p>{quotes}')
    if not parts:
        return ""
    return f'<details class="quote"><summary>Letterlijke tekst uit de voorwaarden</summary>{"".join(parts)}</details>'
