"""The comparator's care search (docs/javascripts/comparator/care_search.js) picks what a layperson
means: a table of the words people type, in both editions, each with the care it means, run under
Node on the real form data (the English edition's catalogue made by words.js `localized`, as on
the page)."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest

from build_tools.browser import form_data

REPO = Path(__file__).resolve().parent.parent
SCRIPTS = REPO / "docs" / "javascripts" / "comparator"
# words.js reads the edition from <html lang> when it is first imported, so the page's lang is set first.
RUNNER = """
import { readFileSync } from "node:fs";
const { lang, data, queries } = JSON.parse(readFileSync(0, "utf8"));
globalThis.document = { documentElement: { lang } };
const { localized } = await import("WORDS");
const { rankCare } = await import("SEARCH");
const care = localized(data).care;
process.stdout.write(JSON.stringify(queries.map((query) => rankCare(query, care).map((item) => item.id))));
"""

pytestmark = pytest.mark.skipif(shutil.which("node") is None, reason="needs Node")

DUTCH = {
    # the dentist: what people have done, not the insurer's word
    "tandarts": "tandarts",
    "tand": "tandarts",
    "tanden": "tandarts",
    "kies": "tandarts",
    "kiezen": "tandarts",
    "gebit": "tandarts",
    "controle": "tandarts",
    "check-up": "tandarts",
    "vulling": "tandarts",
    "vullingen": "tandarts",
    "gaatje": "tandarts",
    "gaatjes": "tandarts",
    "kroon": "tandarts",
    "wortelkanaal": "tandarts",
    "wortelkanaalbehandeling": "tandarts",
    "tandsteen": "tandarts",
    "mondhygiënist": "tandarts",
    "mondhygienist": "tandarts",
    "kiespijn": "tandarts",
    "verstandskies": "tandarts",
    "implantaat": "tandarts",
    "kunstgebit": "tandarts",
    "beugel": "orthodontie",
    "een beugel": "orthodontie",
    "slotjes": "orthodontie",
    "orthodontist": "orthodontie",
    "bril": "bril-lenzen",
    "brillen": "bril-lenzen",
    "leesbril": "bril-lenzen",
    "lenzen": "bril-lenzen",
    "contactlenzen": "bril-lenzen",
    "opticien": "bril-lenzen",
    "fysio": "fysiotherapie",
    "fysiotherapeut": "fysiotherapie",
    "fysiotherapie": "fysiotherapie",
    "manueel therapeut": "fysiotherapie",
    "oefentherapie": "fysiotherapie",
    "acupunctuur": "alternatieve-geneeswijzen",
    "osteopaat": "alternatieve-geneeswijzen",
    "chiropractor": "alternatieve-geneeswijzen",
    "homeopathie": "homeopathische-geneesmiddelen",
    "bevalling": "poliklinische-bevalling-eigen-bijdrage",
    "bevallen": "poliklinische-bevalling-eigen-bijdrage",
    "kraamzorg": "kraamzorg-eigen-bijdrage",
    "kraamhulp": "kraamzorg-eigen-bijdrage",
    "kraamverzorgster": "kraamzorg-eigen-bijdrage",
    "zwanger": "kraamzorg-eigen-bijdrage",
    "couveuse": "couveuse-nazorg",
    "adoptie": "kraamzorg-adoptie",
    "pil": "anticonceptie",
    "de pil": "anticonceptie",
    "spiraal": "anticonceptie",
    "condoom": "condooms",
    "soa-test": "soa-preventieconsult",
    "vasectomie": "sterilisatie",
    "ziek op vakantie": "spoedeisende-zorg-buitenland",
    "repatriëring": "ziekenvervoer-buitenland",
    "reisvaccinatie": "reisvaccinaties",
    "gele koorts": "reisvaccinaties",
    "griepprik": "griepvaccinatie",
    "acne": "acne-behandeling",
    "puistjes": "acne-behandeling",
    "ontharen": "epilatie",
    "pruik": "pruik-eigen-bijdrage",
    "bedplassen": "plaswekker",
    "hoortoestel": "hoortoestel-batterijen",
    "steunzolen": "overige-hulpmiddelen",
    "buikband": "overige-hulpmiddelen",
    "kniebrace": "overige-hulpmiddelen",
    "medicijnen": "farmacie-eigen-bijdrage",
    "apotheek": "farmacie-eigen-bijdrage",
    "burn-out": "leefstijltraining",
    "flaporen": "flaporen-correctie",
    "sportkeuring": "sportmedisch-onderzoek",
    "sportschool": "fitness-inschrijving",
    "stotteren": "stottertherapie",
    "podotherapeut": "podotherapie",
    "pedicure": "pedicure-diabetes",
    "kuur": "kuuroord",
    "uitstrijkje": "preventief-onderzoek",
    "bevolkingsonderzoek": "preventief-onderzoek",
    "afvallen": "preventieve-cursus",
    "zorghotel": "herstellingsoord-hospice",
    "hospice": "herstellingsoord-hospice",
    "sondevoeding": "bijzondere-voedingsmiddelen",
    "psoriasis": "psoriasis-dagbehandeling",
}

ENGLISH = {
    "dentist": "tandarts",
    "tooth": "tandarts",
    "teeth": "tandarts",
    "molar": "tandarts",
    "check-up": "tandarts",
    "checkup": "tandarts",
    "filling": "tandarts",
    "fillings": "tandarts",
    "a filling": "tandarts",
    "cavity": "tandarts",
    "cavities": "tandarts",
    "crown": "tandarts",
    "root canal": "tandarts",
    "scale and polish": "tandarts",
    "hygienist": "tandarts",
    "toothache": "tandarts",
    "wisdom tooth": "tandarts",
    "implant": "tandarts",
    "dentures": "tandarts",
    "braces": "orthodontie",
    "orthodontist": "orthodontie",
    "retainer": "orthodontie",
    "glasses": "bril-lenzen",
    "spectacles": "bril-lenzen",
    "reading glasses": "bril-lenzen",
    "contact lenses": "bril-lenzen",
    "contacts": "bril-lenzen",
    "optician": "bril-lenzen",
    "physio": "fysiotherapie",
    "physiotherapy": "fysiotherapie",
    "physical therapy": "fysiotherapie",
    "physiotherapist": "fysiotherapie",
    "acupuncture": "alternatieve-geneeswijzen",
    "osteopath": "alternatieve-geneeswijzen",
    "chiropractor": "alternatieve-geneeswijzen",
    "homeopathy": "homeopathische-geneesmiddelen",
    "giving birth": "poliklinische-bevalling-eigen-bijdrage",
    "birth": "poliklinische-bevalling-eigen-bijdrage",
    "delivery": "poliklinische-bevalling-eigen-bijdrage",
    "maternity care": "kraamzorg-eigen-bijdrage",
    "maternity nurse": "kraamzorg-eigen-bijdrage",
    "pregnant": "kraamzorg-eigen-bijdrage",
    "incubator": "couveuse-nazorg",
    "adoption": "kraamzorg-adoptie",
    "pill": "anticonceptie",
    "the pill": "anticonceptie",
    "IUD": "anticonceptie",
    "condoms": "condooms",
    "STI test": "soa-preventieconsult",
    "vasectomy": "sterilisatie",
    "ill on holiday": "spoedeisende-zorg-buitenland",
    "repatriation": "ziekenvervoer-buitenland",
    "yellow fever": "reisvaccinaties",
    "travel vaccination": "reisvaccinaties",
    "flu shot": "griepvaccinatie",
    "flu jab": "griepvaccinatie",
    "acne": "acne-behandeling",
    "laser hair removal": "epilatie",
    "wig": "pruik-eigen-bijdrage",
    "bedwetting": "plaswekker",
    "hearing aid": "hoortoestel-batterijen",
    "insoles": "overige-hulpmiddelen",
    "knee brace": "overige-hulpmiddelen",
    "brace": "overige-hulpmiddelen",
    "medicines": "farmacie-eigen-bijdrage",
    "prescription": "farmacie-eigen-bijdrage",
    "burnout": "leefstijltraining",
    "protruding ears": "flaporen-correctie",
    "sports injury": "sportmedisch-onderzoek",
    "gym": "fitness-inschrijving",
    "stuttering": "stottertherapie",
    "podiatrist": "podotherapie",
    "pedicure": "pedicure-diabetes",
    "spa": "kuuroord",
    "smear test": "preventief-onderzoek",
    "screening": "preventief-onderzoek",
    "weight loss": "preventieve-cursus",
    "hospice": "herstellingsoord-hospice",
    "tube feeding": "bijzondere-voedingsmiddelen",
    "psoriasis": "psoriasis-dagbehandeling",
    "beugel": "orthodontie",  # the Dutch word still works on the English page
}


@pytest.fixture(scope="module")
def data():
    return form_data(
        REPO / "comparator" / "data" / "policies-2020.json",
        REPO / "policies" / "catalogue.yaml",
        REPO / "docs" / "vergelijker",
    )


def ranked(data: dict, lang: str, queries) -> dict[str, list[str]]:
    """{query: the care ids rankCare gives, best first} on the edition `lang`."""
    script = RUNNER.replace("WORDS", (SCRIPTS / "words.js").as_uri()).replace(
        "SEARCH", (SCRIPTS / "care_search.js").as_uri()
    )
    payload = json.dumps({"lang": lang, "data": data, "queries": list(queries)})
    done = subprocess.run(
        ["node", "--input-type=module", "-e", script], input=payload, capture_output=True, text=True, check=True
    )
    return dict(zip(queries, json.loads(done.stdout), strict=True))


@pytest.mark.parametrize(("lang", "table"), [("nl", DUTCH), ("en", ENGLISH)])
def test_each_lay_word_ranks_the_care_it_means_first(data, lang, table):
    assert len(table) >= 60
    assert set(table.values()) <= {item["id"] for item in data["care"]}
    found = ranked(data, lang, table)
    wrong = {query: ids[:3] for query, ids in found.items() if ids[:1] != [table[query]]}
    assert wrong == {}, f"expected first: { {query: table[query] for query in wrong} }"


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_every_care_is_first_for_its_own_title(data, lang):
    titles = [item["title" if lang == "nl" else "title_en"] for item in data["care"]]
    found = ranked(data, lang, titles)
    assert [found[title][0] for title in titles] == [item["id"] for item in data["care"]]


def test_the_ranking_says_what_is_meant_and_offers_the_rest():
    """The words of the issue: the common meaning first, the other meaning still offered."""
    catalogue = [
        {"id": "overige", "title": "Abdominal binder, insoles and orthotic braces", "keywords": ["brace"]},
        {"id": "orthodontie", "title": "Orthodontics (braces)", "keywords": ["braces", "orthodontist"]},
        {"id": "fysio", "title": "Physiotherapy", "keywords": []},
    ]
    found = ranked({"care": catalogue}, "nl", ["braces", "brace", "therapy", "orthodont", "xyz", "", "the braces"])
    assert found == {
        "braces": ["orthodontie", "overige"],  # a search word equal to it beats a word in a title
        "brace": ["overige", "orthodontie"],
        "therapy": ["fysio"],  # inside a word, from three letters on
        "orthodont": ["orthodontie"],
        "xyz": [],
        "": [],
        "the braces": ["orthodontie", "overige"],  # "the" says nothing about the care
    }
