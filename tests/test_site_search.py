"""Search by the words people type: the built index, and Material's own search in Chromium.

Material turns every typed word into a prefix query ("beugel" -> "beugel*"), so a word is found
when a token of a section starts with it. The index test reproduces that tokenisation; the
browser test runs the real search and checks which page comes first.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from browser.fixtures import *  # noqa: F403 (browser_type_launch_args, guarded_page, site_url)

REPO = Path(__file__).resolve().parents[1]

# Lay term -> the theme-page sections (benefits) it must find.
LAY_TERMS = {
    "beugel": ["zorg/orthodontie/#orthodontie"],
    "bril": ["zorg/hulpmiddelen/#bril-lenzen"],
    "lenzen": ["zorg/hulpmiddelen/#bril-lenzen"],
    "fysio": ["zorg/fysiotherapie/#fysiotherapie"],
    "zwanger": ["zorg/kraamzorg/#kraamzorg-eigen-bijdrage", "zorg/kraamzorg/#poliklinische-bevalling-eigen-bijdrage"],
    "bevalling": ["zorg/kraamzorg/#kraamzorg-eigen-bijdrage", "zorg/kraamzorg/#poliklinische-bevalling-eigen-bijdrage"],
    "acne": ["zorg/huid/#acne-behandeling"],
    "steunzolen": ["zorg/hulpmiddelen/#overige-hulpmiddelen", "zorg/voeten/#podotherapie"],
    "hoorapparaat": ["zorg/hulpmiddelen/#hoortoestel-batterijen"],
    "vaccinatie reis": ["zorg/buitenland/#reisvaccinaties"],
}


# The English edition (en/): the words an international types, from the catalogue's keywords_en.
LAY_TERMS_EN = {
    "braces": ["zorg/orthodontie/#orthodontie"],
    "physiotherapy": ["zorg/fysiotherapie/#fysiotherapie"],
    "glasses": ["zorg/hulpmiddelen/#bril-lenzen"],
}


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> Path:
    target = tmp_path_factory.mktemp("site")
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    command = [sys.executable, "-m", "mkdocs", "build", "--strict", "--quiet", "-d", str(target)]
    done = subprocess.run(command, cwd=REPO, env=env, capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    return target


@pytest.fixture(scope="module")
def index(built) -> dict:
    return json.loads((built / "search" / "search_index.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def index_en(built) -> dict:
    return json.loads((built / "en" / "search" / "search_index.json").read_text(encoding="utf-8"))


def tokens(text: str, separator: re.Pattern) -> set[str]:
    """Like the search worker: tags out, split on the separator, lower case, non-letters trimmed."""
    plain = re.sub(r"<[^>]+>", " ", text)
    words = (re.sub(r"^\W+|\W+$", "", w).lower() for w in separator.split(plain))
    return {w for w in words if w}


def test_search_is_dutch_without_a_stemmer_that_would_hide_whole_words(index):
    config = index["config"]
    assert config["lang"] == ["nl"]
    # With the stemmer, "bevalling*" never matches the stemmed token "bevall" (see mkdocs.yml).
    assert "stemmer" not in config["pipeline"] and "trimmer" in config["pipeline"]


def found_in(index: dict, query: str) -> set[str]:
    separator = re.compile(index["config"]["separator"])
    found = set()
    for doc in index["docs"]:
        words = tokens(doc["title"] + " " + doc["text"], separator)
        if all(any(w.startswith(term) for w in words) for term in query.split()):
            found.add(doc["location"])
    return found


@pytest.mark.parametrize("query", LAY_TERMS)
def test_lay_terms_are_in_the_index_of_their_benefit(index, query):
    missing = [location for location in LAY_TERMS[query] if location not in found_in(index, query)]
    assert not missing, f"'{query}' does not reach {missing}"


def test_the_english_edition_searches_in_english(index_en):
    assert index_en["config"]["lang"] == ["en"]
    assert "stemmer" not in index_en["config"]["pipeline"]


@pytest.mark.parametrize("query", LAY_TERMS_EN)
def test_english_lay_terms_are_in_the_english_index_of_their_benefit(index_en, query):
    missing = [location for location in LAY_TERMS_EN[query] if location not in found_in(index_en, query)]
    assert not missing, f"'{query}' does not reach {missing}"


def test_snippets_keep_labels_and_values_apart(index):
    # Labels of a benefit's facts, as they stand on the pages; in a snippet each is followed by ':'.
    labels = ["Voor wie", "Vergoeding", "Maximum", "Periode", "Voorwaarden", "Uitsluitingen", "Artikel"]
    joined = re.compile(rf"(?:{'|'.join(labels)})(?=[A-Z€0-9])|[a-z.)%](?:{'|'.join(labels)})\b")
    runs = [
        f"{doc['location']}: ...{doc['text'][max(0, m.start() - 20) : m.end() + 20]}..."
        for doc in index["docs"]
        for m in joined.finditer(re.sub(r"<[^>]+>", "", doc["text"]))
    ]
    assert not runs, "words run together in search snippets:\n" + "\n".join(runs[:10])


@pytest.mark.browser
@pytest.mark.parametrize("query", LAY_TERMS)
def test_material_search_puts_the_theme_page_first(guarded_page, site_url, query):
    page = guarded_page
    page.goto(site_url + "?q=" + query.replace(" ", "+"))
    first = page.locator(".md-search-result__item").first
    first.wait_for()
    links = [
        re.sub(r"\?h=[^#]*", "", href).replace(site_url, "")
        for href in first.locator("a").evaluate_all("els => els.map(e => e.href)")
    ]
    assert any(location in links for location in LAY_TERMS[query]), f"'{query}' first result: {links}"


@pytest.mark.browser
@pytest.mark.parametrize("query", LAY_TERMS_EN)
def test_english_search_puts_the_theme_page_first(guarded_page, site_url, query):
    page = guarded_page
    page.goto(site_url + "en/?q=" + query)
    first = page.locator(".md-search-result__item").first
    first.wait_for()
    links = [
        re.sub(r"\?h=[^#]*", "", href).replace(site_url + "en/", "")
        for href in first.locator("a").evaluate_all("els => els.map(e => e.href)")
    ]
    assert any(location in links for location in LAY_TERMS_EN[query]), f"'{query}' first result: {links}"


# A word a chooser meets -> its plain explanation on Begrippen, and within how many results.
# "eigen bijdrage" is also in the titles of the benefits that pay one (hulpmiddelen, kraamzorg),
# which Material ranks first.
EXPLAINED = {
    "restitutie": ("begrippen/#natura-restitutie", 1),
    "natura": ("begrippen/#natura-restitutie", 1),
    "gecontracteerd": ("begrippen/#gecontracteerd", 1),
    "eigen bijdrage": ("begrippen/#eigen-bijdrage", 3),
    "eigen risico": ("begrippen/#eigen-risico", 1),
    "basisverzekering": ("begrippen/#basisverzekering", 3),
    "GVS": ("begrippen/#gvs", 3),
}


@pytest.mark.browser
@pytest.mark.parametrize("query", EXPLAINED)
def test_material_search_lands_on_the_explanation_of_a_word(guarded_page, site_url, query):
    location, within = EXPLAINED[query]
    page = guarded_page
    page.goto(site_url + "?q=" + query.replace(" ", "+"))
    items = page.locator(".md-search-result__item")
    items.first.wait_for()
    links = [
        re.sub(r"\?h=[^#]*", "", href).replace(site_url, "")
        for index in range(min(within, items.count()))
        for href in items.nth(index).locator("a").evaluate_all("els => els.map(e => e.href)")
    ]
    assert location in links, f"'{query}' first {within} results: {links}"


def test_pages_start_materials_worker_through_the_one_that_builds_the_index_on_demand(built):
    """docs/assets/javascripts/workers/search-on-demand.js names Material's worker by its hash, and
    main.html swaps that name for its own in the page's configuration: both must still match."""
    workers = built / "assets" / "javascripts" / "workers"
    wrapper = (workers / "search-on-demand.js").read_text(encoding="utf-8")
    material = re.search(r'var MATERIAL = "([^"]+)"', wrapper)
    assert material and (workers / material.group(1)).is_file(), (
        f"search-on-demand.js imports {material and material.group(1)}, expected one of {sorted(p.name for p in workers.iterdir())}"
    )
    for page in (built / "aanvullend" / "ideaal" / "index.html", built / "en" / "index.html"):
        named = re.search(r'"search": "([^"]+)"', page.read_text(encoding="utf-8")).group(1)
        assert named.endswith("/workers/search-on-demand.js"), (
            f"{page}: search worker {named}, expected search-on-demand.js"
        )


@pytest.mark.browser
def test_a_search_typed_after_the_page_has_loaded_finds_and_highlights(guarded_page, site_url):
    """The index is built in the worker at the first search (or later, see search-on-demand.js):
    typed at once, and again on the page a result leads to (instant navigation keeps the worker)."""
    page = guarded_page
    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto(site_url + "aanvullend/ideaal/")
    for query, location in (("bril", "zorg/hulpmiddelen/"), ("podotherapie", "zorg/voeten/")):
        page.locator(".md-search__input").blur()  # so that fill() focuses it anew: Material opens the search on focus
        page.locator(".md-search__input").fill("")
        page.locator(".md-search__input").press_sequentially(query)  # Material reads keyup
        first = page.locator(".md-search-result__item a").first
        first.wait_for()
        assert location in first.get_attribute("href"), f"'{query}' first result: {first.get_attribute('href')}"
        first.click()
        page.wait_for_url(f"**/{location}?h={query}*")
        page.locator("mark[data-md-highlight]").first.wait_for()
        # Material closes the search 125 ms after each navigation (its bundle: merge(location$,
        # hash$).pipe(delay(125))); a search typed before that is closed under the typist. A
        # visitor is slower; this waits for the page's own timer, not the test machine's clock.
        page.evaluate("() => new Promise((settled) => setTimeout(settled, 250))")
