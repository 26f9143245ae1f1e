"""The edition's language: the data read as its English twins, the site's own words per language."""

from __future__ import annotations

import pytest

from build_tools.site import SiteDataError, edition_of
from build_tools.site._edition import in_language
from build_tools.site._words import money, say, use_language


@pytest.fixture
def english():
    use_language("en")
    yield
    use_language("nl")


def test_english_reads_each_twin_and_keeps_what_has_none():
    data = {"title": "Bril", "title_en": "Glasses", "sources": [{"quote": "De bril ...", "note": "n", "note_en": "e"}]}
    assert in_language(data, "en") == {"title": "Glasses", "sources": [{"quote": "De bril ...", "note": "e"}]}
    assert in_language(data, "nl") == {"title": "Bril", "sources": [{"quote": "De bril ...", "note": "n"}]}


def test_an_unknown_edition_fails_loudly():
    with pytest.raises(ValueError, match="expected one of nl, en, got 'de'"):
        edition_of({"theme": {"language": "de"}})
    with pytest.raises(SiteDataError, match="expected one of nl, en, got 'de'"):
        use_language("de")


def test_amounts_follow_the_language(english):
    assert money(1135) == "€1,135" and money(8.9) == "€8.90"
    use_language("nl")
    assert money(1135) == "€\u00a01.135" and money(8.9) == "€\u00a08,90"


def test_a_phrase_without_english_words_stops_the_build(english):
    assert say("Niet in {name}", name="Primair") == "Not in Primair"
    with pytest.raises(SiteDataError, match="no en words for 'Geen idee'"):
        say("Geen idee")


def test_dutch_says_the_key_itself():
    assert say("Niet in {name}", name="Primair") == "Niet in Primair"
