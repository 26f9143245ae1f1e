"""Traceability: every quote verbatim in its document, every number of the data stated in a quote.

Both are counted for the report's summary; what fails goes to the report's problem collector.
"""

from __future__ import annotations

import re
from decimal import Decimal

from ._load import LoadedFile
from ._report import Report
from ._source import SourceDocument, normalise

__all__ = ["Traceability", "numbers_in", "rule_numbers"]

# "€ 1.135,-", "8,90", "80%", "42": thousands use dots, decimals a comma.
_NUMBER = re.compile(r"\d{1,3}(?:\.\d{3})+(?:,\d+)?|\d+(?:,\d+)?")
_ONE = re.compile(r"\b(?:eenmalig|éénmalig|eenmaal|één\s+keer|één)\b", re.IGNORECASE)


def numbers_in(text: str) -> set[Decimal]:
    """Every number a sentence states, words for 'once' included."""
    found = {Decimal(n.replace(".", "").replace(",", ".")) for n in _NUMBER.findall(text)}
    if _ONE.search(text):
        found.add(Decimal(1))
    return found


def rule_numbers(rule: dict) -> list[tuple[tuple, object]]:
    """(path inside the rule, value) of every number in a rule."""
    out = []
    for key in ("rate", "unit_max"):
        if key in rule:
            out.append(((key,), rule[key]))
    for i, tier in enumerate(rule.get("tiers", [])):
        for key in ("up_to", "band", "rate"):
            if key in tier:
                out.append((("tiers", i, key), tier[key]))
    for i, limit in enumerate(rule.get("limits", [])):
        for key in ("amount", "count", "years"):
            if key in limit:
                out.append((("limits", i, key), limit[key]))
    for key, value in rule.get("eligibility", {}).get("age", {}).items():
        out.append((("eligibility", "age", key), value))
    non_contracted = rule.get("non_contracted")
    if isinstance(non_contracted, dict):
        out.append((("non_contracted", "unit_max"), non_contracted["unit_max"]))
    return out


class Traceability:
    """Checks quotes against the documents and numbers against the quotes, into one report."""

    def __init__(self, conditions: SourceDocument, overview_text: str, contract_text: str, report: Report):
        self.conditions = conditions
        self.overview = normalise(overview_text)
        # Whitespace only: the contract is plain markdown whose "a < b" must not read as markup.
        self.contract = " ".join(contract_text.split())
        self.report = report
        self.problems = report.problems

    def quote(self, loaded: LoadedFile, path: tuple, source: dict, default_article: str) -> str:
        """Verify one quote; return its normalised text ('' when it is not where it should be)."""
        self.report.quotes_total += 1
        quote = normalise(source["quote"])
        document = source.get("document", "voorwaarden")
        if document == "overzicht":
            haystack, where = self.overview, "the 2020 overview (promovendum-dekking-2020-overzicht.md)"
        elif document == "contract":
            quote = " ".join(source["quote"].split())
            haystack, where = self.contract, "the comparator contract (comparator-contract.md)"
        else:
            article = source.get("article", default_article)
            if not self.conditions.has(article):
                self.problems.add(loaded, path + ("article",), f"article {article} does not exist in the conditions")
                return ""
            haystack, where = self.conditions.text_of(article), f"article {article}"
        if quote not in haystack:
            self.problems.add(loaded, path + ("quote",), f"quote not found verbatim in {where}: '{quote[:80]}'")
            return ""
        self.report.quotes_verified += 1
        return quote

    def number(self, loaded: LoadedFile, path: tuple, value, quotes: list[str]) -> None:
        """Count a number as traced when one of the (verified) quotes states it; else report it."""
        self.report.numbers_total += 1
        if any(Decimal(str(value)) in numbers_in(quote) for quote in quotes):
            self.report.numbers_traced += 1
        elif any(quotes):
            self.problems.add(loaded, path, f"{value} is not in its quote")

    def rule_numbers(self, loaded: LoadedFile, rule_path: tuple, rule: dict, stated: set[Decimal]) -> None:
        """Every number of a rule must be one its benefit's quotes state (`stated`)."""
        for number_path, value in rule_numbers(rule):
            self.report.numbers_total += 1
            if Decimal(str(value)) in stated:
                self.report.numbers_traced += 1
            else:
                self.problems.add(
                    loaded,
                    rule_path + number_path,
                    f"{'.'.join(map(str, number_path))} = {value} appears in none of the benefit's quotes",
                )
