"""The site's own words in the edition's language: one table per language, keyed by the Dutch text.

Generated pages write `say("Voor wie")` or `say("Niet in {name}", name=...)`. The Dutch edition
says the key itself; the English one says its entry in `_ENGLISH`, and a key without one stops
the build (never a Dutch phrase left on an English page by accident). Amounts follow the
language too: "€ 1.135,50" in Dutch, "€1,135.50" in English.
"""

from __future__ import annotations

from decimal import Decimal

from ._data import SiteDataError

__all__ = ["current_language", "money", "number_text", "say", "use_language"]

_ENGLISH = {
    # units (singular, plural as "a|b")
    "behandeling|behandelingen": "treatment|treatments",
    "consult|consulten": "consultation|consultations",
    "uur|uur": "hour|hours",
    "dag|dagen": "day|days",
    "keer|keer": "time|times",
    "1 keer": "once",
    # condition kinds
    "Verwijzing nodig": "Referral needed",
    "Toestemming vooraf": "Prior consent",
    "Gecontracteerde zorgaanbieder": "Contracted provider",
    "Medische reden": "Medical reason",
    "Voorschrift nodig": "Prescription needed",
    "Eisen aan de zorgaanbieder": "Requirements for the provider",
    "Verder": "Also",
    # words and phrases in amounts and periods
    "onbekend": "unknown",
    " en ": " and ",
    "twee": "two",
    "drie": "three",
    "vier": "four",
    "vijf": "five",
    "vrouwen": "women",
    "mannen": "men",
    "van {low} tot en met {through} jaar": "aged {low} to {through}",
    "van {low} tot {under} jaar": "aged {low} to under {under}",
    "vanaf {low} jaar": "aged {low} and over",
    "tot en met {through} jaar": "aged up to {through}",
    "jonger dan {under} jaar": "under {under}",
    "{rate} van de kosten tot {amount}": "{rate} of the costs up to {amount}",
    "{rate} van de volgende {amount}": "{rate} of the next {amount}",
    "daarboven {rate}": "{rate} above that",
    "daarboven niets": "nothing above that",
    "{rate} van de kosten": "{rate} of the costs",
    " van de kosten": " of the costs",
    "de volledige kosten": "the full costs",
    ", maximaal {amount}{per}": ", at most {amount}{per}",
    " per {unit}": " per {unit}",
    "{amount} per kalenderjaar": "{amount} per calendar year",
    "{rate} van {amount}": "{rate} of {amount}",
    "per kalenderjaar": "per calendar year",
    "per {years} kalenderjaren": "per {years} calendar years",
    "gedurende de looptijd van de verzekering": "for as long as the insurance runs",
    "periode niet genoemd in de voorwaarden": "period not stated in the conditions",
    "max.": "max.",
    " (gedeeld budget)": " (shared budget)",
    "(geen periode genoemd)": "(no period stated)",
    "volledige kosten": "full costs",
    "In alle {count} pakketten": "In all {count} packages",
    "In {name}": "In {name}",
    "In geen enkel pakket": "In no package",
    "Alleen in {name}": "Only in {name}",
    "Niet in {name}": "Not in {name}",
    "In {covered}; niet in {missing}": "In {covered}; not in {missing}",
    # a benefit's facts
    "artikel {number}": "article {number}",
    "Voor wie": "Who",
    "Vergoeding": "Reimbursement",
    "Maximum": "Maximum",
    "Periode": "Period",
    "Zonder contract": "Without a contract",
    "Artikel": "Article",
    "zie": "see",
    "samen met {names}": "together with {names}",
    "geen maximumbedrag genoemd": "no maximum amount stated",
    "Anders": "Otherwise",
    "Situatie {index}": "Situation {index}",
    "Voorwaarden": "Conditions",
    "Uitsluitingen": "Exclusions",
    "Wie mag de zorg verlenen": "Who may provide the care",
    "geen bijzondere voorwaarden genoemd": "no special conditions stated",
    "geen uitsluitingen genoemd": "no exclusions stated",
    "niet nader genoemd in het artikel": "not specified in the article",
    "Zo lezen wij dit:": "How we read this (this site's explanation):",
    "overzicht dekking 2020": "2020 coverage overview",
    "Uit het {where} van Promovendum:": "From Promovendum's {where} (in Dutch):",
    "Letterlijke tekst uit de voorwaarden": "Binding text (Dutch), word for word from the conditions",
    # plain sentences
    "verzekerden": "people insured",
    "voor {people} {years}": "for {people} {years}",
    "van {low} jaar en ouder": "aged {low} and over",
    "tot {size}": "up to {size}",
    "in totaal": "in total",
    "u krijgt {share} terug": "you get back {share}",
    "u krijgt {rate} van de kosten terug": "you get back {rate} of the costs",
    "u krijgt de kosten helemaal terug": "you get the full costs back",
    "hoeveel u terugkrijgt is {unknown}": "how much you get back is {unknown}",
    "samen tot {amount}": "together up to {amount}",
    "maximaal {amount}": "at most {amount}",
    "; bij een zorgaanbieder zonder contract is het bedrag {unknown}": "; with a provider without a contract the amount is {unknown}",
    "; bij een zorgaanbieder zonder contract maximaal {amount}": "; with a provider without a contract at most {amount}",
    # package pages
    "Wat {title} in 2020 vergoedt, per zorgsoort, met de artikelen.": "What {title} reimburses in 2020, per type of care, with the articles.",
    "In het kort": "At a glance",
    "Artikelen zonder vergoeding": "Articles without a reimbursement",
    "Bronnen": "Sources",
    "{amount} per maand": "{amount} per month",
    "Soort": "Kind",
    "Aanvullende verzekering": "Supplementary insurance",
    "Tandartsverzekering": "Dental insurance",
    "Premie 2020": "Premium 2020",
    "bron": "source",
    "hoofdstuk {chapter}": "chapter {chapter}",
    "Vergoedingen": "Benefits",
    "{count} van de {total} zorgsoorten uit de catalogus": "{count} of the {total} types of care in the catalogue",
    "Zorg": "Care",
    "Vergoeding in het kort": "Reimbursement in short",
    "Vergelijk met de andere pakketten in de {link}.": "Compare with the other packages in the {link}.",
    "vergelijkingstabel": "comparison table",
    "niet verzekerd": "not covered",
    "Niet verzekerd": "Not covered",
    "alle pakketten voor {theme}": "all packages for {theme}",
    "{name} vergoedt niets in deze zorgsoort. Zie {link}.": "{name} reimburses nothing of this type of care. See {link}.",
    "Niet in {name}: {names}. Zie {link}.": "Not in {name}: {names}. See {link}.",
    "Zie ook {link}.": "See also {link}.",
    "Alle artikelen van dit hoofdstuk horen bij een vergoeding hierboven.": "Every article of this chapter belongs to a benefit above.",
    "Over deze gegevens": "About this data",
    "Alles op deze pagina komt uit {chapter} van de voorwaarden 2020 (Aanvullende en tandartsverzekering "
    "2020). Bij elke vergoeding staan onder <em>Letterlijke tekst</em> de zinnen waar de bedragen en "
    "voorwaarden uit komen. Hoe wij elk getal controleren en welke keuzes wij maakten, leest u op {about}.": (
        "Everything on this page comes from {chapter} of the 2020 conditions (Aanvullende en "
        "tandartsverzekering 2020, in Dutch). Under <em>Binding text (Dutch)</em> each benefit shows the "
        "sentences its amounts and conditions come from. How we check every number and which choices we "
        "made is on {about}."
    ),
    # theme pages
    "Aanvullende verzekeringen": "Supplementary insurance",
    "Tandartsverzekeringen": "Dental insurance",
    "De vergoeding is overal gelijk.": "The reimbursement is the same everywhere.",
    "De vergoeding verschilt per pakket.": "The reimbursement differs per package.",
    "Bij een deel is de vergoeding {unknown}: de voorwaarden geven er geen bedrag voor.": (
        "For some the reimbursement is {unknown}: the conditions give no amount for it."
    ),
    "De voorwaarden van elk pakket sluiten het uitdrukkelijk uit.": "The conditions of every package exclude it explicitly.",
    "Uitdrukkelijk uitgesloten in {names}.": "Explicitly excluded in {names}.",
    "Per soort zorg ziet u wat elk pakket vergoedt, met het artikel uit de voorwaarden en de letterlijke "
    "tekst. Alles naast elkaar voor alle zorg: de {matrix}.": (
        "For each type of care you see what every package reimburses, with the article of the conditions "
        "and the binding Dutch text. Everything side by side for all care: the {matrix}."
    ),
    "Pakket": "Package",
    # comparison table
    "Vergelijkingstabel": "Comparison table",
    "Elke soort zorg uit de catalogus tegen elk pakket. Kies een zorgsoort of typ een woord (bijvoorbeeld "
    "<em>bril</em> of <em>beugel</em>) om de tabel korter te maken. Klik op de naam van de zorg voor alle "
    "voorwaarden en de letterlijke tekst per pakket.": (
        "Every type of care in the catalogue against every package. Choose a type of care or type a word "
        "(for example <em>glasses</em> or <em>braces</em>) to make the table shorter. Click the name of the "
        "care for all conditions and the binding Dutch text per package."
    ),
    "Geen zorg gevonden. Probeer een ander woord.": "No care found. Try another word.",
    "Filter de tabel": "Filter the table",
    "Zorgsoort": "Type of care",
    "Alle zorgsoorten": "All types of care",
    "Zoek in de tabel": "Search the table",
    "bijv. fysio, bril, zwanger": "e.g. physio, glasses, pregnant",
    "Premie 2020 per verzekerde van 18 jaar en ouder:": "Premium 2020 per insured person aged 18 and over:",
    # articles, glossary, chapters
    "Begrippen": "Terms",
    "Servicepakket": "Service package",
    "Hoofdstuk 1 van de voorwaarden 2020, letterlijk. Boven elk artikel staat onze korte samenvatting "
    "in gewone taal. Artikel 1.1 staat op {glossary}.": (
        "Chapter 1 of the 2020 conditions, word for word in Dutch (the binding text). Above each article "
        "is our short summary in plain English. Article 1.1 is on {glossary}."
    ),
    "{title}: hoofdstuk 2 van de voorwaarden 2020, letterlijk, met per onderdeel onze korte samenvatting.": (
        "{title}: chapter 2 of the 2020 conditions, word for word in Dutch (the binding text), with our short "
        "summary of each part."
    ),
    "Hoofdstuk {chapter}: {heading}": "Chapter {chapter}: {heading} (Dutch)",
    "In gewone taal (onze samenvatting)": "In plain English (our summary, not the binding text)",
    "Eerst de woorden die u tegenkomt bij het kiezen, daarna de begrippen uit de voorwaarden. Bij elk "
    "begrip staat uitleg in gewone taal en de letterlijke tekst. Op de andere pagina’s is een begrip "
    "onderstreept: beweeg erover of tik erop voor de uitleg.": (
        "First the words you meet when choosing, then the terms of the conditions. Each term has an "
        "explanation in plain English and the binding Dutch text. On the other pages a term is underlined: "
        "hover over it or tap it for the explanation."
    ),
    "Woorden bij het kiezen": "Words you meet when choosing",
    "Letterlijk in artikel {number}:": "Binding text (Dutch), article {number}:",
    "Uitleg van deze site (niet uit de voorwaarden)": "This site's explanation (not from the conditions)",
    "In gewone taal": "In plain English (this site's explanation)",
    "De letterlijke tekst van hoofdstuk {chapter} van de voorwaarden 2020, zoals in het brondocument (met "
    "zijn tikfouten). Elk artikel heeft een eigen link; de vergoedingen in gewone taal staan op de pakketpagina’s.": (
        "The binding Dutch text of chapter {chapter} of the 2020 conditions, as in the source document (with "
        "its typing errors). Each article has its own link; the benefits in plain English are on the package pages."
    ),
    "Zo lezen wij deze tekst": "How we read this text (this site's explanation)",
    "Deze site noemt hier daarom geen bedrag. Zie {link}.": "So this site gives no amount here. See {link}.",
    # hand-written pages' data
    "Premie": "Premium",
    " + tandarts {name}": " + dental {name}",
    "deels onbekend": "partly unknown",
    "Vergoed": "Reimbursed",
    "Zelf betalen": "You pay",
    "Premie per jaar": "Premium per year",
    "Totaal per jaar": "Total per year",
    "Zorgkosten samen: {cost}.": "Care costs together: {cost}.",
    "Het goedkoopst voor dit huishouden: {total} per jaar": "The cheapest for this household: {total} per year",
    "alleen tandarts {name}": "dental {name} only",
    "geen pakket": "no package",
    "Persoon {n}": "Person {n}",
    "Als iedereen hetzelfde pakket neemt:": "If everyone takes the same package:",
    "Bekijk dit voorbeeld per regel in de vergelijker": "See this example line by line in the comparator",
    "Getallen terug te vinden in een letterlijk citaat": "Numbers found in a verbatim quote",
    "Citaten letterlijk gevonden in hun artikel": "Quotes found word for word in their article",
    "Artikelkoppen van hoofdstuk 2-8 verwerkt": "Article headings of chapters 2-8 processed",
    "{a} van {b}": "{a} of {b}",
    "Vergoedingen in de gegevens": "Benefits in the data",
    "Premies 2020": "Premiums 2020",
    "per maand": "per month",
    "De premie {per}.": "The premium {per}.",
    "De voorwaarden noemen geen premies; deze komen uit <em>{title}</em> ({address}): {description}": (
        "The conditions state no premiums; these come from <em>{title}</em> ({address}): {description}"
    ),
    "Overzicht dekking 2020": "2020 coverage overview",
    "Bron": "Source",
    "Bekende gaten": "Known gaps",
    "Hoofdstuk 8 kent geen tandartsverzekering {names}: bij die aanvullende verzekering hoort geen eigen tandartspakket.": (
        "Chapter 8 has no dental insurance {names}: that supplementary insurance has no dental package of its own."
    ),
    "Premie {unknown} voor {names}.": "Premium {unknown} for {names}.",
    "Bij {count} vergoedingen hangt het bedrag bij een zorgaanbieder zonder contract af van {link}: een "
    "gemiddeld tarief dat niet in de voorwaarden staat. Deze site toont dan <strong>{unknown}</strong>.": (
        "For {count} benefits the amount with a provider without a contract depends on {link}: an average "
        "rate that the conditions do not state. This site then shows <strong>{unknown}</strong>."
    ),
    "Keuzes bij het lezen van de tekst": "Choices in reading the text",
    "Uit het overzicht dekking 2020": "From the 2020 coverage overview",
}
_TABLES = {"nl": None, "en": _ENGLISH}
_state = {"language": "nl"}


def use_language(lang: str) -> None:
    """Set by build_site for the edition it builds (one edition per build, one build at a time)."""
    if lang not in _TABLES:
        raise SiteDataError([f"language: expected one of {', '.join(_TABLES)}, got '{lang}'"])
    _state["language"] = lang


def current_language() -> str:
    return _state["language"]


def say(dutch: str, **values) -> str:
    table = _TABLES[_state["language"]]
    if table is None:
        text = dutch
    elif dutch in table:
        text = table[dutch]
    else:
        raise SiteDataError([f"build_tools/site/_words.py: no {_state['language']} words for '{dutch}'"])
    return text.format(**values) if values else text


def number_text(value: Decimal) -> str:
    """A plain number: "2,5" in Dutch, "2.5" in English."""
    text = f"{value.normalize():f}"
    return text if _state["language"] == "en" else text.replace(".", ",")


def money(value) -> str:
    """€ 1.135 or € 8,90 in Dutch (a no-break space keeps it on one line), €1,135 or €8.90 in English."""
    amount = Decimal(str(value)).quantize(Decimal("0.01"))
    whole, cents = divmod(amount, 1)
    grouped = f"{int(whole):,}"
    if _state["language"] == "en":
        return f"€{grouped}" if cents == 0 else f"€{grouped}.{int(cents * 100):02d}"
    grouped = grouped.replace(",", ".")
    return f"€\u00a0{grouped}" if cents == 0 else f"€\u00a0{grouped},{int(cents * 100):02d}"
