"""Data inside hand-written pages: a line `[[polis: name arguments]]` is replaced by generated content.

Prose pages (home, complaints, claims, about) are written by hand in docs/; every amount,
article or benefit on them comes in through a directive. An unknown directive, benefit id or
article fails the build with the page's file and line. An unexpanded directive would show as
literal brackets, never silently vanish.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from ._articles import find_article, write_article
from ._benefit import article_link
from ._data import SiteData, SiteDataError
from ._examples import write_examples
from ._markdown import escape
from ._packages import premium_text
from ._page import PageWriter
from ._paths import package_page, theme_page
from ._text import UNKNOWN, compact_rules, join_dutch

__all__ = ["DIRECTIVE", "expand_directive"]

DIRECTIVE = re.compile(r"^\[\[polis:\s*([a-z-]+)((?:\s+[\w.-]+)*)\s*\]\]\s*$")


def expand_directive(page: PageWriter, site: SiteData, name: str, args: list[str]) -> None:
    try:
        handler = _HANDLERS[name]
    except KeyError:
        raise SiteDataError([f"unknown directive '{name}'; known: {', '.join(sorted(_HANDLERS))}"]) from None
    handler(page, site, args)


# -- home ------------------------------------------------------------------------------------
def _at_a_glance(page: PageWriter, site: SiteData, care_ids: list[str]) -> None:
    """A card per package with its premium and the benefits people look for first."""
    items = [site.care_item(care_id) for care_id in care_ids]  # unknown ids fail here
    for kind, label in (("av", "Aanvullende verzekeringen"), ("dental", "Tandartsverzekeringen")):
        shown = [c for c in items if kind in site.kinds_for(c["id"])]
        cards = []
        for package in site.of_kind(kind):
            lines = "".join(_glance_line(page, package, care) for care in shown)
            premium = premium_text(site, package)
            cards.append(
                f'<li><p class="pv-card-title"><a href="{page.href(package_page(kind, package.id))}">'
                f"<strong>{escape(package.name)}</strong></a></p>"
                f'<p class="pv-card-premium">Premie {escape(premium)}</p><dl class="pv-card-facts">{lines}</dl></li>'
            )
        page.heading(3, label, f"kort-{kind}")
        page.html(f'<div class="grid cards pv-cards"><ul>{"".join(cards)}</ul></div>')


def _glance_line(page: PageWriter, package, care: dict) -> str:
    benefit = package.benefits.get(care["id"])
    if benefit is None:
        value = '<span class="pv-muted">niet verzekerd</span>'
    else:
        short = compact_rules(benefit, care.get("unit"))
        css = "pv-unknown" if UNKNOWN in short else ""
        href = page.href(package_page(package.kind, package.id), care["id"])
        value = f'<a class="{css}" href="{href}">{escape(short)}</a>'
    return f"<dt>{escape(care['title'])}</dt><dd>{value}</dd>"


def _examples(page: PageWriter, _site: SiteData, _args: list[str]) -> None:
    write_examples(page)


def _themes(page: PageWriter, site: SiteData, _args: list[str]) -> None:
    items = "".join(
        f'<li><a href="{page.href(theme_page(t["id"]))}">{escape(t["title"])}</a></li>' for t in site.themes
    )
    page.html(f'<ul class="pv-theme-list">{items}</ul>')


# -- conditions in place ---------------------------------------------------------------------
def _article(page: PageWriter, site: SiteData, args: list[str]) -> None:
    for number in args:
        article, sections = find_article(site, number)
        write_article(page, article, level=2, sections=sections)


# -- about the data --------------------------------------------------------------------------
def _checks(page: PageWriter, site: SiteData, _args: list[str]) -> None:
    report = site.report
    rows = "".join(
        f'<tr><td><a href="{page.href(package_page(p.kind, p.id))}">{escape(p.title)}</a></td>'
        f"<td>{report.benefits.get(f'{p.kind}/{p.id}', 0)}</td></tr>"
        for p in site.packages
    )
    page.html(
        '<div class="pv-checks"><table><tbody>'
        f"<tr><th>Getallen terug te vinden in een letterlijk citaat</th><td>{report.numbers_traced} van {report.numbers_total}</td></tr>"
        f"<tr><th>Citaten letterlijk gevonden in hun artikel</th><td>{report.quotes_verified} van {report.quotes_total}</td></tr>"
        f"<tr><th>Artikelkoppen van hoofdstuk 2-8 verwerkt</th><td>{report.headings_mapped} van {report.headings_total}</td></tr>"
        "</tbody></table></div>"
        '<div class="pv-checks"><table><thead><tr><th>Pakket</th><th>Vergoedingen in de gegevens</th></tr></thead>'
        f"<tbody>{rows}</tbody></table></div>"
    )


def _premiums(page: PageWriter, site: SiteData, _args: list[str]) -> None:
    page.heading(2, "Premies 2020", "premies")
    premiums = site.files.premiums.data
    reference = premiums.get("reference", {})
    children = premiums.get("children")
    lead = f"<p>De premie {escape(premiums.get('per', 'per maand'))}. "
    if reference:
        lead += (
            f"De voorwaarden noemen geen premies; deze komen uit <em>{escape(reference['title'])}</em> "
            f"({escape(reference['address'])}): {escape(reference.get('description', ''))}"
        )
    lead += "</p>"
    if children:
        lead += (
            f"<p>{page.md_inline(children['note'])} ({article_link(page, site.av[0], children['article'])}: "
            f"“{escape(children['quote'])}”)</p>"
        )
    rows = []
    for package in site.packages:
        entry = site.premium(package) or {}
        # The data's quote is the overview's table row, kept for the checker; visitors read Dutch.
        if entry.get("unknown_reason"):
            source = page.md_inline(entry["unknown_reason"])
        else:
            source = "Overzicht dekking 2020" if entry.get("source") else ""
        rows.append(
            f'<tr><td><a href="{page.href(package_page(package.kind, package.id))}">{escape(package.title)}</a></td>'
            f"<td>{escape(premium_text(site, package))}</td><td>{source}</td></tr>"
        )
    page.html(
        f"{lead}"
        '<div class="pv-premiums"><table><thead><tr><th>Pakket</th><th>Premie</th><th>Bron</th></tr>'
        f"</thead><tbody>{''.join(rows)}</tbody></table></div>"
    )


def _gaps(page: PageWriter, site: SiteData, _args: list[str]) -> None:
    page.heading(2, "Bekende gaten", "gaten")
    items = []
    dental_names = {p.id for p in site.dental}
    lacking = [p.name for p in site.av if p.id not in dental_names]
    if lacking:
        items.append(
            f"<li>Hoofdstuk 8 kent geen tandartsverzekering {escape(join_dutch(lacking))}: bij die aanvullende "
            "verzekering hoort geen eigen tandartspakket.</li>"
        )
    for package in [*site.dental, *site.av]:
        for benefit in package.data["benefits"]:
            for rule in benefit["rules"]:
                if "unknown" in rule:
                    link = page.href(package_page(package.kind, package.id), benefit["id"])
                    items.append(
                        f'<li><a href="{link}">{escape(package.title)}: {escape(site.care_item(benefit["id"])["title"])}</a>: '
                        f'<strong class="pv-unknown">{UNKNOWN}</strong>. {page.md_inline(rule["unknown"]["reason"])}</li>'
                    )
    missing_premiums = [p.title for p in site.packages if premium_text(site, p) == UNKNOWN]
    if missing_premiums:
        items.append(f"<li>Premie {UNKNOWN} voor {escape(join_dutch(missing_premiums))}.</li>")
    unknown_elsewhere = sum(
        1 for p in site.packages for b in p.data["benefits"] for r in b["rules"] if r.get("non_contracted") == "unknown"
    )
    if unknown_elsewhere:
        items.append(
            f"<li>Bij {unknown_elsewhere} vergoedingen hangt het bedrag bij een zorgaanbieder zonder contract af van "
            f"{article_link(page, site.av[0], '1.8.3')}: een gemiddeld tarief dat niet in de voorwaarden staat. "
            f"Deze site toont dan <strong>{UNKNOWN}</strong>.</li>"
        )
    page.html(f"<ul>{''.join(items)}</ul>")


def _choices(page: PageWriter, site: SiteData, _args: list[str]) -> None:
    page.heading(2, "Keuzes bij het lezen van de tekst", "keuzes")
    for package in site.packages:
        items = []
        for entry in [*package.data["benefits"], *package.data.get("not_covered", [])]:
            for source in entry["sources"]:
                if source.get("note"):
                    link = page.href(package_page(package.kind, package.id), entry["id"])
                    # An overview source restates facts for the checker; its note says them in Dutch.
                    said = (
                        "Uit het overzicht dekking 2020"
                        if source.get("document") == "overzicht"
                        else f"“{escape(source['quote'])}”"
                    )
                    items.append(
                        f'<li><a href="{link}">{escape(site.care_item(entry["id"])["title"])}</a>: '
                        f"{page.md_inline(source['note'])}<br><span class='pv-muted'>{said}</span></li>"
                    )
        if items:
            page.heading(3, package.title, f"keuzes-{package.kind}-{package.id}")
            page.html(f"<ul class='pv-choices'>{''.join(items)}</ul>")


_HANDLERS: dict[str, Callable[[PageWriter, SiteData, list[str]], None]] = {
    "artikel": _article,
    "controle": _checks,
    "gaten": _gaps,
    "in-het-kort": _at_a_glance,
    "keuzes": _choices,
    "premies": _premiums,
    "voorbeelden": _examples,
    "zorgsoorten": _themes,
}
