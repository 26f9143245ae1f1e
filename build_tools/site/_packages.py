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
from ._words import say

__all__ = ["package_sections", "premium_text", "write_package_page"]

_SOURCES = (
    "Alles op deze pagina komt uit {chapter} van de voorwaarden 2020 (Aanvullende en tandartsverzekering "
    "2020). Bij elke vergoeding staan onder <em>Letterlijke tekst</em> de zinnen waar de bedragen en "
    "voorwaarden uit komen. Hoe wij elk getal controleren en welke keuzes wij maakten, leest u op {about}."
)


def package_sections(site: SiteData) -> list[tuple[str, str]]:
    """(anchor, title) of the h2 sections every package page has, in order."""
    themes = [(f"zorgsoort-{t['id']}", t["title"]) for t in site.themes]
    return [
        ("in-het-kort", say("In het kort")),
        *themes,
        ("zonder-vergoeding", say("Artikelen zonder vergoeding")),
        ("bronnen", say("Bronnen")),
    ]


def premium_text(site: SiteData, package: Package) -> str:
    entry = site.premium(package)
    if entry is None or entry.get("monthly") is None:
        return say(UNKNOWN)
    return say("{amount} per maand", amount=euros(entry["monthly"]))


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
        f'<strong class="pv-unknown">{say(UNKNOWN)}</strong>'
        if premium == say(UNKNOWN)
        else f"<strong>{escape(premium)}</strong>"
    )
    chapter = package.chapter
    chapter_path, chapter_anchor = article_target(chapter, package.id if package.kind == "dental" else None)
    facts = (
        '<dl class="pv-facts">'
        f"<dt>{say('Soort')}</dt><dd>{escape(say(KIND_TITLES[package.kind]))}</dd>"
        f'<dt>{say("Premie 2020")}</dt><dd>{premium_html} <a href="{page.href(ABOUT_PAGE, "premies")}">({say("bron")})</a></dd>'
        f'<dt>{say("Voorwaarden")}</dt><dd><a href="{page.href(chapter_path, chapter_anchor)}">{say("hoofdstuk {chapter}", chapter=chapter)}</a></dd>'
        f"<dt>{say('Vergoedingen')}</dt><dd>{say('{count} van de {total} zorgsoorten uit de catalogus', count=len(package.benefits), total=len(site.care))}</dd>"
        "</dl>"
    )
    rows = "".join(
        f'<tr><td><a href="{page.href(page.path, benefit["id"])}">'
        f"{escape(site.care_item(benefit['id'])['title'])}</a></td>"
        f"<td>{escape(compact_rules(benefit, site.care_item(benefit['id']).get('unit')))}</td></tr>"
        for benefit in _in_catalogue_order(site, package)
    )
    # In Material's scroll wrapper already, with a class so its script leaves the table alone:
    # wrapping it at load restyled the whole table, ~40 ms of a phone's blocking time (site.css).
    table = (
        '<div class="pv-glance"><div class="md-typeset__scrollwrap"><div class="md-typeset__table"><table class="pv-table">'
        f"<thead><tr><th>{say('Zorg')}</th><th>{say('Vergoeding in het kort')}</th></tr></thead>"
        f"<tbody>{rows}</tbody></table></div></div></div>"
        if rows
        else ""
    )
    matrix = f'<a href="{page.href(MATRIX_PAGE)}">{say("vergelijkingstabel")}</a>'
    compare = f"<p>{say('Vergelijk met de andere pakketten in de {link}.', link=matrix)}</p>"
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
            f"<p><strong>{escape(care['title'])}: {say('niet verzekerd')}.</strong> {page.md_inline(entry['explanation'])}</p>"
            f"{quotes_block(page, package, entry)}</div>"
        )
    silent = [c for c in items if not package.mentions(c["id"])]
    theme_link = f'<a href="{page.href(theme_page(theme["id"]))}">{escape(say("alle pakketten voor {theme}", theme=theme["title"].lower()))}</a>'
    if not covered and not excluded:
        page.html(
            f'<p class="pv-absent">{say("{name} vergoedt niets in deze zorgsoort. Zie {link}.", name=escape(package.name), link=theme_link)}</p>'
        )
    elif silent:
        names = join_dutch([escape(c["title"]) for c in silent])
        page.html(
            f'<p class="pv-absent">{say("Niet in {name}: {names}. Zie {link}.", name=escape(package.name), names=names, link=theme_link)}</p>'
        )
    else:
        page.html(f'<p class="pv-absent">{say("Zie ook {link}.", link=theme_link)}</p>')


def _no_benefit(page: PageWriter, package: Package) -> None:
    entries = package.data.get("no_benefit", [])
    if not entries:
        page.html(
            f'<p class="pv-muted">{say("Alle artikelen van dit hoofdstuk horen bij een vergoeding hierboven.")}</p>'
        )
        return
    items = "".join(
        f"<li>{article_link(page, package, e['article'])}: {page.md_inline(e['reason'])}</li>" for e in entries
    )
    page.html(f"<ul>{items}</ul>")


def _sources(page: PageWriter, package: Package) -> None:
    chapter_link = f'<a href="{page.href(chapter_page(package.chapter))}">{say("hoofdstuk {chapter}", chapter=package.chapter)}</a>'
    about = f'<a href="{page.href(ABOUT_PAGE)}">{say("Over deze gegevens")}</a>'
    page.html(f"<p>{say(_SOURCES, chapter=chapter_link, about=about)}</p>")
