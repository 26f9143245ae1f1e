"""The edition's language: the data read as its English twins; a language we do not have fails."""

from __future__ import annotations

import pytest

from build_tools.site import SiteDataError, edition_of
from build_tools.site._edition import in_language
from build_tools.site._words import use_language


def test_english_reads_each_twin_and_keeps_what_has_none():
    data = {"title": "Bril", "title_en": "Glasses", "sources": [{"quote": "De bril ...", "note": "n", "note_en": "e"}]}
    assert in_language(data, "en") == {"title": "Glasses", "sources": [{"quote": "De bril ...", "note": "e"}]}
    assert in_language(data, "nl") == {"title": "Bril", "sources": [{"quote": "De bril ...", "note": "n"}]}


def test_an_unknown_edition_fails_loudly():
    with pytest.raises(ValueError, match="expected one of nl, en, got 'de'"):
        edition_of({"theme": {"language": "de"}})
    with pytest.raises(SiteDataError, match="expected one of nl, en, got 'de'"):
        use_language("de")
