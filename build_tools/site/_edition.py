"""Which edition a build makes (Dutch at the root, English under /en/), and the data in its language.

The edition is the MkDocs project's `theme.language`: mkdocs.yml says `nl`, mkdocs.en.yml `en`.
In English every text of policies/ that has a twin `key_en` is read as that twin; what has no
twin (the verbatim `quote`, the glossary's `definition`, the articles' `body`) stays Dutch,
because the Dutch text is the binding one.
"""

from __future__ import annotations

import copy
import dataclasses

__all__ = ["EDITIONS", "edition_of", "in_language", "localized_files"]

# Each edition: where it lives under the site's root URL, and its language's name in itself.
EDITIONS = {"nl": "", "en": "en/"}


def edition_of(config) -> str:
    """The language of the MkDocs project; any other than ours fails loudly."""
    language = config["theme"]["language"]
    if language not in EDITIONS:
        raise ValueError(f"theme.language: expected one of {', '.join(EDITIONS)}, got '{language}'")
    return language


def in_language(data, lang: str):
    """A copy of parsed YAML with every `key` replaced by its `key_en` twin (for "en"); twins dropped."""
    if isinstance(data, list):
        return [in_language(item, lang) for item in data]
    if not isinstance(data, dict):
        return data
    suffix = f"_{lang}"
    out = {}
    for key, value in data.items():
        if key.endswith("_en"):
            continue
        twin = f"{key}{suffix}"
        out[key] = in_language(data[twin] if lang != "nl" and twin in data else value, lang)
    return out


def localized_files(files, lang: str):
    """PolicyFiles whose every document reads in `lang` (the original is left as it was)."""
    if lang == "nl":
        return files
    result = copy.copy(files)
    for field in dataclasses.fields(files):
        value = getattr(files, field.name)
        if isinstance(value, dict):
            setattr(result, field.name, {k: _localized(v, lang) for k, v in value.items()})
        elif value is not None:
            setattr(result, field.name, _localized(value, lang))
    return result


def _localized(loaded, lang: str):
    return dataclasses.replace(loaded, data=in_language(loaded.data, lang))
