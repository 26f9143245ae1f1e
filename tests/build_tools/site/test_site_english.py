"""The English edition in en/ of the built site: every page twinned, the language right, the switch
to the twin, English words around the binding Dutch text. Built once with `mkdocs build --strict`
(the Dutch project builds the English one: build_tools/hooks/editions.py)."""

from __future__ import annotations

import json
import posixpath
import re
from pathlib import Path
from urllib.parse import urlsplit

import pytest
import yaml

REPO = Path(__file__).resolve().parents[3]
SITE_URL = "http://127.0.0.1:8000/"
CATALOGUE = yaml.safe_load((REPO / "policies" / "catalogue.yaml").read_text(encoding="utf-8"))


def editions(site: Path) -> tuple[set[str], set[str]]:
    """The HTML pages of the Dutch and of the English edition, by path within the edition."""
    dutch = {p.relative_to(site).as_posix() for p in site.rglob("*.html")}
    english = {p.removeprefix("en/") for p in dutch if p.startswith("en/")}
    return {p for p in dutch if not p.startswith("en/")}, english


def text(site: Path, relative: str) -> str:
    return (site / relative).read_text(encoding="utf-8")


def test_every_dutch_page_has_its_english_twin_and_back(site):
    dutch, english = editions(site)
    assert len(dutch) >= 40  # 39 pages and the 404 page
    assert dutch == english


def test_each_edition_says_its_language(site):
    dutch, _ = editions(site)
    for path in dutch:
        assert '<html lang="nl"' in text(site, path), path
        assert '<html lang="en"' in text(site, "en/" + path), path


def _alternates(page: str) -> dict[str, str]:
    links = re.findall(r'<link rel="alternate " href="([^"]+)" hreflang="([a-z]+)">', page)
    return {lang: href for href, lang in links}


def _switch(page: str) -> dict[str, str]:
    links = re.findall(
        r'<a href="([^"]+)" hreflang="([a-z]+)" lang="[a-z]+" target="_self" class="md-select__link"', page
    )
    return {lang: href for href, lang in links}


def _resolve(from_path: str, href: str) -> str:
    """The site file a relative link on page `from_path` (e.g. "en/zorg/kuuroord/index.html") reaches."""
    target = posixpath.normpath(posixpath.join(posixpath.dirname(from_path), urlsplit(href).path))
    return posixpath.normpath(target + "/index.html") if href.endswith("/") else target


@pytest.mark.parametrize("prefix", ["", "en/"], ids=["nl", "en"])
def test_hreflang_and_the_language_switch_lead_to_the_same_page_in_the_other_edition(site, prefix):
    dutch, _ = editions(site)
    for path in sorted(p for p in dutch if p.endswith("index.html")):
        page = text(site, prefix + path)
        for links in (_alternates(page), _switch(page)):
            assert set(links) == {"nl", "en"}, (prefix + path, links)
            assert _resolve(prefix + path, links["nl"]) == path
            assert _resolve(prefix + path, links["en"]) == "en/" + path


def test_the_english_404_page_is_in_english(site):
    page = text(site, "en/404.html")
    assert "<h1>Page not found</h1>" in page and "Pagina niet gevonden" not in page


def test_a_package_page_shows_english_words_beside_the_binding_dutch_text(site):
    page = text(site, "en/aanvullend/optimaal/index.html")
    assert "<h1" in page and "Optimaal" in page
    terms = re.findall(r"<dt>([^<]+)<", page)
    dutch_labels = {"Voor wie", "Vergoeding", "Periode", "Voorwaarden", "Uitsluitingen", "Zonder contract", "Soort"}
    assert terms and not dutch_labels & set(terms), set(terms) & dutch_labels
    assert "<summary>Binding text (Dutch), word for word from the conditions</summary>" in page
    quotes = re.findall(r"<blockquote( lang=\"nl\")?>", page)
    assert quotes and all(quotes), "every verbatim quote is marked as Dutch"
    royaal = text(site, "en/aanvullend/royaal/index.html")
    assert re.search(r"<strong>€\d{1,3}(,\d{3})*(\.\d\d)? per month</strong>", royaal), (
        "the premium in English notation"
    )


def test_catalogue_titles_are_the_english_twins(site):
    page = text(site, "en/zorg/orthodontie/index.html")
    for care in CATALOGUE["care"]:
        if care["theme"] == "orthodontie":
            assert care["title_en"] in page.replace("&amp;", "&"), care["id"]


def test_each_edition_has_its_own_offline_list(site):
    def listed(path: str) -> dict:
        return json.loads(re.search(r"const BUILD = (\{.*?\});", text(site, path)).group(1))

    root, english = listed("sw.js"), listed("en/sw.js")
    assert not [url for url in root["site"] + root["comparator"] if url.startswith("en/")]
    assert "./" in english["site"] and "zorg/kuuroord/" in english["site"]
    assert root["version"] != english["version"]
    # Each with its own search language's files (the English build must not change the Dutch list).
    assert "assets/javascripts/lunr/min/lunr.nl.min.js" in root["site"]
    assert "assets/javascripts/lunr/min/lunr.nl.min.js" not in english["site"]


def test_the_footer_is_in_english(site):
    assert "Site built on:" in text(site, "en/index.html")
