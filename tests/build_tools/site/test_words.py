"""The site's own words per language: a table keyed by the Dutch text, amounts in the language's notation."""

from __future__ import annotations

import pytest

from build_tools.site import SiteDataError
from build_tools.site._words import money, say, use_language


@pytest.fixture
def english():
    use_language("en")
    yield
    use_language("nl")


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
