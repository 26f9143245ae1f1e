"""One page per package (supplementary and dental), all with the same sections in the same order.

Like the standard "zorgverzekeringskaart": after a short summary, one section per care theme
of the catalogue, in catalogue order, whether or not the package pays for anything in it, so
two package pages can be read side by side.
"""

from __future__ import annotations

from ._benefit import article_link, benefit_facts, keywords_line, plain_line, quotes_block
from ._data import KIND_TITLES, Package, SiteData
from ._markdown import escape
from ._page import PageWriter
from ._paths import ABOUT_PAGE, MATRIX_PAGE, article_target, chapter_page, theme_page
from ._text import UNKNOWN, compact_rules, euros, join_dutch

__all__ = ["package_sections", "premium_text", "write_package_page"]


def package_sections(site: SiteData) -> list[tuple[str, str]]:
    """(anchor, title) of the h2 sections every package page has, in order."""
    themes = [(f"zorgsoort-{t['id']}", t["title"]) for t in site.themes]
    return [
        ("in-het-kort", "In het kort"),
        *themes,
        ("zonder-vergoeding", "Artikelen zonder vergoeding"),
        ("bronnen", "Bronnen"),
    ]


def premium_text(site: SiteData, package: Package) -> str:
    entry = site.premium(package)
    if entry is None or entry.get("monthly") is None:
        return UNKNOWN
    return f"{euros(entry['monthly'])} per maand"


def write_package_page(page: PageWriter, site: SiteData, package: Package) -> None:
    sections = dict(package_sections(site))
    _summary(page, site, package, sections["in-het-kort"])
    for theme in site.themes:
        page.heading(2, theme["title"], f"zorgsoort-{theme['id']}")
        _theme_section(page, site, package, theme)
    page.heading(2, sections["zonder-vergoeding"], "zonder-vergoeding")
    _no_benefit(page, package)
    page.heading(2, sections["bronnen"], "bronnen")
    _sources(page, package)


def _summary(page: PageWriter, site: SiteData, package: Package, title: str) -> None:
    page.heading(2, title, "in-het-kort")
    intro = page.md(package.data["intro"]) if package.data.get("intro") else ""
    premium = premium_text(site, package)
    premium_html = (
        f'<strong class="pv-unknown">{UNKNOWN}</strong>'
        if premium == UNKNOWN
        else f"<strong>{escape(premium)}</strong>"
    )
    chapter = package.chapter
    chapter_path, chapter_anchor = article_target(chapter, package.id if package.kind == "dental" else None)
    facts = (
        '<dl class="pv-facts">'
        f"<dt>Soort</dt><dd>{escape(KIND_TITLES[package.kind])}</dd>"
        f'<dt>Premie 2020</dt><dd>{premium_html} <a href="{page.href(ABOUT_PAGE, "premies")}">(bron)</a></dd>'
        f'<dt>Voorwaarden</dt><dd><a href="{page.href(chapter_path, chapter_anchor)}">hoofdstuk {chapter}</a></dd>'
        f"<dt>Vergoedingen</dt><dd>{len(package.benefits)} van de {len(site.care)} zorgsoorten uit de catalogus</dd>"
        "</dl>"
    )
    rows = "".join(
        f'<tr><td><a href="{page.href(page.path, benefit["id"])}">'
        f"{escape(site.care_item(benefit['id'])['title'])}</a></td>"
        f"<td>{escape(compact_rules(benefit, site.care_item(benefit['id']).get('unit')))}</td></tr>"
        for benefit in _in_catalogue_order(site, package)
    )
    table = (
        '<div class="pv-glance"><table><thead><tr><th>Zorg</th><th>Vergoeding in het kort</th></tr></thead>'
        f"<tbody>{rows}</tbody></table></div>"
        if rows
        else ""
    )
    compare = (
        f'<p>Vergelijk met de andere pakketten in de <a href="{page.href(MATRIX_PAGE)}">vergelijkingstabel</a>.</p>'
    )
    page.html(f'<div class="pv-summary-block">{intro}{facts}{table}{compare}</div>')


def _in_catalogue_order(site: SiteData, package: Package) -> list[dict]:
    benefits = package.benefits
    return [benefits[care_id] for care_id in site.care if care_id in benefits]


def _theme_section(page: PageWriter, site: SiteData, package: Package, theme: dict) -> None:
    items = site.care_in_theme(theme["id"])
    covered = [c for c in items if c["id"] in package.benefits]
    for care in covered:
        benefit = package.benefits[care["id"]]
        page.heading(3, care["title"], care["id"])
        page.html(
            f'<div class="pv-benefit" data-care="{escape(care["id"])}">'
            f"{plain_line(package, benefit, care.get('unit'))}"
            f'<div class="pv-summary">{page.md(benefit["summary"])}</div>'
            f"{benefit_facts(page, package, benefit, care.get('unit'))}"
            f"{keywords_line(care, benefit)}"
            f"{quotes_block(page, package, benefit)}"
            "</div>"
        )
    excluded = [c for c in items if c["id"] in package.not_covered]
    for care in excluded:
        entry = package.not_covered[care["id"]]
        page.html(
            f'<div class="pv-excluded" data-care="{escape(care["id"])}">'
            f"<p><strong>{escape(care['title'])}: niet verzekerd.</strong> {page.md_inline(entry['explanation'])}</p>"
            f"{quotes_block(page, package, entry)}</div>"
        )
    silent = [c for c in items if not package.mentions(c["id"])]
    theme_link = (
        f'<a href="{page.href(theme_page(theme["id"]))}">alle pakketten voor {escape(theme["title"].lower())}</a>'
    )
    if not covered and not excluded:
        page.html(
            f'<p class="pv-absent">{escape(package.name)} vergoedt niets in deze zorgsoort. Zie {theme_link}.</p>'
        )
    elif silent:
        names = join_dutch([escape(c["title"]) for c in silent])
        page.html(f'<p class="pv-absent">Niet in {escape(package.name)}: {names}. Zie {theme_link}.</p>')
    else:
        page.html(f'<p class="pv-absent">Zie ook {theme_link}.</p>')


def _no_benefit(page: PageWriter, package: Package) -> None:
    entries = package.data.get("no_benefit", [])
    if not entries:
        page.html('<p class="pv-muted">Alle artikelen van dit hoofdstuk horen bij een vergoeding hierboven.</p>')
        return
    items = "".join(
        f"<li>{article_link(page, package, e['article'])}: {page.md_inline(e['reason'])}</li>" for e in entries
    )
    page.html(f"<ul>{items}</ul>")


def _sources(page: PageWriter, package: Package) -> None:
    chapter_link = f'<a href="{page.href(chapter_page(package.chapter))}">hoofdstuk {package.chapter}</a>'
    page.html(
        "<p>Alles op deze pagina komt uit "
        f"{chapter_link} van de voorwaarden 2020 "
        "(Aanvullende en tandartsverzekering 2020). Bij elke vergoeding staan onder "
        "<em>Letterlijke tekst</em> de zinnen waar de bedragen en voorwaarden uit komen. "
        f'Hoe wij elk getal controleren en welke keuzes wij maakten, leest u op <a href="{page.href(ABOUT_PAGE)}">'
        "Over deze gegevens</a>.</p>"
    )
