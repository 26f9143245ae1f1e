"""The English edition's texts against the Dutch ones they translate: every number an English twin
(`key_en` beside `key`) states is stated by its Dutch text, and a list of texts has one English
text per Dutch one. That the twins exist is the schemas' work (required, dependentRequired).

The Dutch is binding, so English may restate its numbers in English notation ("€1,135.50", "80%",
"18th") but add none. Article numbers ("art. 1.8.3") are read as the Dutch side reads them: as
separate whole numbers, not as a decimal.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from decimal import Decimal

from ._check_traceability import numbers_in
from ._load import LoadedFile
from ._policy_files import PolicyFiles
from ._report import Problems

__all__ = ["check_english", "english_numbers_in"]

# "€1,135.50", "1,135", "12.50", "80%", "2020": thousands use commas, decimals a dot.
_NUMBER = re.compile(r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?")
_ARTICLE = re.compile(r"\b(?:art\.|articles?)\s+(\d+(?:\.\d+)*)", re.IGNORECASE)
_SEARCH_WORDS = "keywords_en"  # what people type in English, not a translation one for one


def english_numbers_in(text: str) -> set[Decimal]:
    """Every number an English text states."""
    found: set[Decimal] = set()

    def article(match: re.Match) -> str:
        found.update(Decimal(part) for part in match.group(1).split("."))
        return " "

    rest = _ARTICLE.sub(article, text)
    found.update(Decimal(number.replace(",", "")) for number in _NUMBER.findall(rest))
    return found


def check_english(files: PolicyFiles, problems: Problems) -> None:
    loaded_files = [
        files.catalogue,
        *files.packages.values(),
        files.premiums,
        files.household,
        files.glossary,
        files.general_articles,
        files.servicepakket,
    ]
    for loaded in filter(None, loaded_files):
        for path, dutch, english in _twins(loaded.data, ()):
            _check_twin(loaded, path, dutch, english, problems)


def _twins(node: object, path: tuple) -> Iterator[tuple[tuple, object, object]]:
    """(path of the English key, Dutch value, English value) of every twin under `node`."""
    if isinstance(node, dict):
        for key, value in node.items():
            if key.endswith("_en") and key[: -len("_en")] in node:
                yield path + (key,), node[key[: -len("_en")]], value
            else:
                yield from _twins(value, path + (key,))
    elif isinstance(node, list):
        for index, item in enumerate(node):
            yield from _twins(item, path + (index,))


def _check_twin(loaded: LoadedFile, path: tuple, dutch: object, english: object, problems: Problems) -> None:
    if isinstance(dutch, str) and isinstance(english, str):
        _check_numbers(loaded, path, numbers_in(dutch), english, problems)
    elif isinstance(dutch, list) and isinstance(english, list):
        if path[-1] == _SEARCH_WORDS:
            allowed = set().union(*map(numbers_in, dutch))
            for index, text in enumerate(english):
                _check_numbers(loaded, path + (index,), allowed, text, problems)
            return
        if len(english) != len(dutch):
            problems.add(
                loaded,
                path,
                f"{_dotted(path)} has {len(english)} text(s), its Dutch {len(dutch)} "
                "(expected one English text per Dutch one, in the same order)",
            )
            return
        for index, (one_dutch, one_english) in enumerate(zip(dutch, english, strict=True)):
            _check_numbers(loaded, path + (index,), numbers_in(one_dutch), one_english, problems)


def _check_numbers(loaded: LoadedFile, path: tuple, allowed: set[Decimal], english: str, problems: Problems) -> None:
    extra = english_numbers_in(english) - allowed
    if extra:
        expected = f"only {_listed(allowed)}" if allowed else "none"
        problems.add(
            loaded,
            path,
            f"{_dotted(path)} states {_listed(extra)}, which its Dutch text does not (expected {expected})",
        )


def _dotted(path: tuple) -> str:
    return ".".join(map(str, path))


def _listed(numbers: set[Decimal]) -> str:
    return ", ".join(f"{number.normalize():f}" for number in sorted(numbers))
