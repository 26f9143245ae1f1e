"""plain_words per edition: internal words fail on both, the data's English words only on Dutch pages."""

from __future__ import annotations

import types

import pytest
from mkdocs.exceptions import PluginError

from build_tools.hooks import plain_words


def page_of(path: str):
    return types.SimpleNamespace(file=types.SimpleNamespace(src_uri=path))


def config_of(language: str) -> dict:
    return {"theme": {"language": language}}


def test_english_words_pass_on_the_english_edition_and_fail_on_the_dutch_one():
    html = "<p>How much you get back is unknown.</p>"
    assert plain_words.on_post_page(html, page_of("index.md"), config_of("en")) == html
    with pytest.raises(PluginError, match=r"index\.md: 'unknown' must not reach a visitor"):
        plain_words.on_post_page(html, page_of("index.md"), config_of("nl"))


@pytest.mark.parametrize("language", ["nl", "en"])
@pytest.mark.parametrize("text", ["see title_en", "max. unit_max", "EUR 25", "| a | b |", "None"])
def test_internal_words_fail_on_both_editions(language, text):
    with pytest.raises(PluginError, match="must not reach a visitor"):
        plain_words.on_post_page(f"<p>{text}</p>", page_of("x.md"), config_of(language))


def test_an_unknown_edition_fails_loudly():
    with pytest.raises(PluginError, match="expected one of nl, en, got 'fr'"):
        plain_words.on_config(config_of("fr"))
