"""One benefit of one package as HTML: the facts a visitor compares, the quotes they come from."""

from __future__ import annotations

from ._data import Package
from ._markdown import escape
from ._page import PageWriter
from ._paths import ABOUT_PAGE, article_target
from ._plain import plain_sentence
from ._text import UNKNOWN, condition_label, eligibility_text, limit_parts, rate_text, tiers_maximum

__all__ = ["article_link", "benefit_facts", "keywords_line", "plain_line", "quote_items", "quotes_block"]


def article_link(page: PageWriter, package: Package, number: str, label: str | None = None) -> str:
    path, anchor = article_target(number, package.id if package.kind == "dental" else None)
    return f'<a class="pv-article" href="{page.href(path, anchor)}">{escape(label or "artikel " + number)}</a>'


def _row(label: str, value_html: str) -> str:
    return f"<dt>{escape(label)}</dt><dd>{value_html}</dd>"


def _list(page: PageWriter, items: list[str], empty: str) -> str:
    if not items:
        return f'<span class="pv-muted">{escape(empty)}</span>'
    if len(items) == 1:
        return page.md_inline(items[0])
    return "<ul>" + "".join(f"<li>{page.md_inline(i)}</li>" for i in items) + "</ul>"


def _rule_rows(page: PageWriter, package: Package, rule: dict, unit: str | None, pool_partners: list[str]) -> str:
    rows = []
    who = eligibility_text(rule.get("eligibility"))
    if who:
        rows.append(_row("Voor wie", escape(who[0].upper() + who[1:]) + _not_eligible(page, rule)))
    if "unknown" in rule:
        reason = page.md_inline(rule["unknown"]["reason"])
        rows.append(_row("Vergoeding", f'<strong class="pv-unknown">{UNKNOWN}</strong>: {reason}'))
    else:
        rows.append(_row("Vergoeding", escape(rate_text(rule, unit)[0].upper() + rate_text(rule, unit)[1:])))
    limits = rule.get("limits", [])
    if limits:
        maxima, periods = limit_parts(limits)
        shared = ""
        if any("pool" in limit for limit in limits) and pool_partners:
            shared = f" <span class='pv-muted'>(samen met {escape(', '.join(pool_partners))})</span>"
        rows.append(_row("Maximum", escape("; ".join(maxima)) + shared))
        rows.append(_row("Periode", escape("; ".join(periods))))
    elif "tiers" in rule and tiers_maximum(rule["tiers"]):
        maximum, derivation = tiers_maximum(rule["tiers"])
        rows.append(_row("Maximum", f"{escape(maximum)} <span class='pv-muted'>({escape(derivation)})</span>"))
    elif "unknown" not in rule:
        rows.append(_row("Maximum", '<span class="pv-muted">geen maximumbedrag genoemd</span>'))
    non_contracted = rule.get("non_contracted")
    if non_contracted == "unknown":
        link = article_link(page, package, "1.8.3")
        rows.append(_row("Zonder contract", f'<strong class="pv-unknown">{UNKNOWN}</strong> (zie {link})'))
    elif isinstance(non_contracted, dict):
        rows.append(_row("Zonder contract", escape(rate_text(non_contracted, unit))))
    if "article" in rule:
        rows.append(_row("Artikel", article_link(page, package, rule["article"])))
    return "".join(rows)


def _not_eligible(page: PageWriter, rule: dict) -> str:
    text = rule.get("not_eligible")
    return f'<br><span class="pv-muted">Anders: {page.md_inline(text)}</span>' if text else ""


def benefit_facts(page: PageWriter, package: Package, benefit: dict, unit: str | None) -> str:
    """The fact list (dl) of a benefit, the same rows in the same order for every package."""
    partners = _partners(package, benefit)
    parts = []
    rules = benefit["rules"]
    for index, rule in enumerate(rules, start=1):
        caption = ""
        if len(rules) > 1:
            who = eligibility_text(rule.get("eligibility"))
            caption = f'<p class="pv-variant">Situatie {index}{": " + escape(who) if who else ""}</p>'
        parts.append(f'{caption}<dl class="pv-facts">{_rule_rows(page, package, rule, unit, partners)}</dl>')
    conditions = [f"**{condition_label(c['type'])}:** {c['text']}" for c in benefit["conditions"]]
    parts.append(
        '<dl class="pv-facts">'
        + _row("Voorwaarden", _list(page, conditions, "geen bijzondere voorwaarden genoemd"))
        + _row("Uitsluitingen", _list(page, benefit["exclusions"], "geen uitsluitingen genoemd"))
        + _row("Wie mag de zorg verlenen", _list(page, benefit["providers"], "niet nader genoemd in het artikel"))
        + _row("Artikel", article_link(page, package, benefit["article"]) + f" · {escape(benefit['title'])}")
        + "</dl>"
    )
    return "".join(parts)


def plain_line(package: Package, benefit: dict, unit: str | None) -> str:
    """The benefit in one plain sentence, shown before the facts and the quotes."""
    return f'<p class="pv-plain">{escape(plain_sentence(benefit, unit, _partners(package, benefit)))}</p>'


def _partners(package: Package, benefit: dict) -> list[str]:
    """Titles of the other benefits that share a limit (a pool) with this one."""
    return [
        other["title"]
        for other in package.data["benefits"]
        if other["id"] != benefit["id"] and _pools(other) & _pools(benefit)
    ]


def _pools(benefit: dict) -> set[str]:
    return {limit["pool"] for rule in benefit["rules"] for limit in rule.get("limits", []) if "pool" in limit}


def keywords_line(care: dict, benefit: dict | None = None) -> str:
    """The words people search with: in the search index (which reads hidden text), not on the page."""
    words = list(dict.fromkeys([*care["keywords"], *((benefit or {}).get("keywords", []))]))
    if not words:
        return ""
    return f'<p class="pv-keywords" hidden>{escape(", ".join(words))}</p>'


def quote_items(page: PageWriter, package: Package, entry: dict) -> str:
    """Each verbatim sentence behind an entry with where it stands and, if any, how we read it."""
    items = []
    for source in entry["sources"]:
        note = ""
        if source.get("note"):
            note = f'<p class="pv-note"><strong>Zo lezen wij dit:</strong> {page.md_inline(source["note"])}</p>'
        if source.get("document") == "overzicht":
            # The data's quote restates the overview's facts (in English, for the checker); the
            # visitor reads what it says in the note, with where it comes from.
            where = f'<a href="{page.href(ABOUT_PAGE, "premies")}">overzicht dekking 2020</a>'
            items.append(f"<p class='pv-cite'>Uit het {where} van Promovendum:</p>{note}")
            continue
        where = article_link(page, package, source.get("article", entry["article"]))
        items.append(
            f"<blockquote><p>“{escape(source['quote'])}”</p><p class='pv-cite'>— {where}</p></blockquote>{note}"
        )
    return "".join(items)


def quotes_block(page: PageWriter, package: Package, entry: dict) -> str:
    """The quotes folded away: the page stays short, the policy's own words one click away."""
    return (
        '<details class="quote"><summary>Letterlijke tekst uit de voorwaarden</summary>'
        f"{quote_items(page, package, entry)}</details>"
    )
