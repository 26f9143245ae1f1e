"""Semantic checks, traceability of every number and completeness against the conditions."""

from __future__ import annotations

import dataclasses
import re
from decimal import Decimal
from pathlib import Path

from ._check_household import check_household
from ._load import LoadedFile, Problem
from ._policy_files import SOURCES, PolicyFiles, load_policy_files
from ._source import SourceDocument, normalise, parse_conditions, read_plain

__all__ = ["CONDITIONS", "CONTRACT", "OVERVIEW", "PACKAGE_CHAPTERS", "Report", "check_policies", "numbers_in"]

CONDITIONS = SOURCES / "aanvullende-verzekeringen-2020-voorwaarden.md"
OVERVIEW = SOURCES / "promovendum-dekking-2020-overzicht.md"
CONTRACT = SOURCES.parent / "spec" / "comparator-contract.md"
PACKAGE_CHAPTERS = {"primair": "3", "royaal": "4", "ideaal": "5", "optimaal": "6", "excellent": "7"}
DENTAL_HEADING = "Tandartsverzekering {title}"

# "€ 1.135,-", "8,90", "80%", "42": thousands use dots, decimals a comma.
_NUMBER = re.compile(r"\d{1,3}(?:\.\d{3})+(?:,\d+)?|\d+(?:,\d+)?")
_ONE = re.compile(r"\b(?:eenmalig|éénmalig|eenmaal|één\s+keer|één)\b", re.IGNORECASE)


def numbers_in(text: str) -> set[Decimal]:
    """Every number a sentence states, words for 'once' included."""
    found = {Decimal(n.replace(".", "").replace(",", ".")) for n in _NUMBER.findall(text)}
    if _ONE.search(text):
        found.add(Decimal(1))
    return found


def _rule_numbers(rule: dict) -> list[tuple[tuple, object]]:
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


@dataclasses.dataclass
class Report:
    problems: list[Problem] = dataclasses.field(default_factory=list)
    benefits: dict[str, int] = dataclasses.field(default_factory=dict)  # "av/primair" -> count
    headings_total: int = 0
    headings_mapped: int = 0
    numbers_total: int = 0
    numbers_traced: int = 0
    quotes_total: int = 0
    quotes_verified: int = 0


class _Checker:
    def __init__(
        self,
        files: PolicyFiles,
        conditions: SourceDocument,
        overview_text: str,
        contract_text: str,
        report: Report,
        policies_dir: Path,
    ):
        self.files = files
        self.policies_dir = policies_dir
        self.conditions = conditions
        self.overview = normalise(overview_text)
        # Whitespace only: the contract is plain markdown whose "a < b" must not read as markup.
        self.contract = " ".join(contract_text.split())
        self.report = report
        self.care_ids = set()
        if files.catalogue:
            self.care_ids = {c["id"] for c in files.catalogue.data["care"]}

    def add(self, loaded: LoadedFile, path: tuple, message: str) -> None:
        self.report.problems.append(loaded.problem(path, message))

    # -- quotes -------------------------------------------------------------------------------
    def check_quote(self, loaded: LoadedFile, path: tuple, source: dict, default_article: str) -> str:
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
                self.add(loaded, path + ("article",), f"article {article} does not exist in the conditions")
                return ""
            haystack, where = self.conditions.text_of(article), f"article {article}"
        if quote not in haystack:
            self.add(loaded, path + ("quote",), f"quote not found verbatim in {where}: '{quote[:80]}'")
            return ""
        self.report.quotes_verified += 1
        return quote

    def trace_number(self, loaded: LoadedFile, path: tuple, value, quotes: list[str]) -> None:
        """Count a number as traced when one of the (verified) quotes states it; else report it."""
        self.report.numbers_total += 1
        if any(Decimal(str(value)) in numbers_in(quote) for quote in quotes):
            self.report.numbers_traced += 1
        elif any(quotes):
            self.add(loaded, path, f"{value} is not in its quote")

    # -- catalogue ---------------------------------------------------------------------------
    def check_catalogue(self) -> None:
        loaded = self.files.catalogue
        if loaded is None:
            return
        themes = {t["id"] for t in loaded.data["themes"]}
        seen = set()
        for i, care in enumerate(loaded.data["care"]):
            if care["id"] in seen:
                self.add(loaded, ("care", i, "id"), f"care id '{care['id']}' appears twice")
            seen.add(care["id"])
            if care["theme"] not in themes:
                self.add(loaded, ("care", i, "theme"), f"theme '{care['theme']}' is not one of {sorted(themes)}")

    # -- packages ----------------------------------------------------------------------------
    def check_package(self, kind: str, name: str, loaded: LoadedFile) -> None:
        data = loaded.data
        if (data["kind"], data["package"]) != (kind, name):
            self.add(
                loaded,
                ("package",),
                f"file path names {kind}/{name} but the file says kind '{data['kind']}', package '{data['package']}'",
            )
        expected_chapter = PACKAGE_CHAPTERS[name] if kind == "av" else "8"
        if data["chapter"] != expected_chapter:
            self.add(loaded, ("chapter",), f"{kind} {name} is chapter {expected_chapter}, got {data['chapter']}")
        chapter = data["chapter"]
        self.report.benefits[f"{kind}/{name}"] = len(data["benefits"])
        ids_seen: set[str] = set()
        pools: dict[str, tuple] = {}
        for i, benefit in enumerate(data["benefits"]):
            self.check_benefit(loaded, ("benefits", i), benefit, chapter, ids_seen, pools)
        for i, entry in enumerate(data.get("not_covered", [])):
            path = ("not_covered", i)
            self.check_id(loaded, path + ("id",), entry["id"], ids_seen)
            self.check_article(loaded, path + ("article",), entry["article"], chapter)
            for j, source in enumerate(entry["sources"]):
                self.check_quote(loaded, path + ("sources", j), source, entry["article"])
        for i, entry in enumerate(data.get("no_benefit", [])):
            self.check_article(loaded, ("no_benefit", i, "article"), entry["article"], chapter)

    def check_id(self, loaded: LoadedFile, path: tuple, care_id: str, ids_seen: set) -> None:
        if care_id not in self.care_ids:
            self.add(loaded, path, f"id '{care_id}' is not in the catalogue (policies/catalogue.yaml)")
        if care_id in ids_seen:
            self.add(loaded, path, f"id '{care_id}' appears twice in this package")
        ids_seen.add(care_id)

    def check_article(self, loaded: LoadedFile, path: tuple, article: str, chapter: str) -> None:
        if not self.conditions.has(article):
            self.add(loaded, path, f"article {article} does not exist in the conditions")
        elif article.split(".")[0] != chapter:
            self.add(loaded, path, f"article {article} is not in this package's chapter {chapter}")

    def check_benefit(self, loaded, path, benefit, chapter, ids_seen, pools) -> None:
        self.check_id(loaded, path + ("id",), benefit["id"], ids_seen)
        self.check_article(loaded, path + ("article",), benefit["article"], chapter)
        quotes = [
            self.check_quote(loaded, path + ("sources", j), source, benefit["article"])
            for j, source in enumerate(benefit["sources"])
        ]
        stated = set().union(*(numbers_in(q) for q in quotes if q))
        for r, rule in enumerate(benefit["rules"]):
            rule_path = path + ("rules", r)
            if "article" in rule:
                self.check_article(loaded, rule_path + ("article",), rule["article"], chapter)
            for number_path, value in _rule_numbers(rule):
                self.report.numbers_total += 1
                if Decimal(str(value)) in stated:
                    self.report.numbers_traced += 1
                else:
                    self.add(
                        loaded,
                        rule_path + number_path,
                        f"{'.'.join(map(str, number_path))} = {value} appears in none of the benefit's quotes",
                    )
                if isinstance(value, float) and Decimal(str(value)).as_tuple().exponent < -2:
                    self.add(loaded, rule_path + number_path, f"{value} has more than 2 decimals")
            self.check_rule_shape(loaded, rule_path, rule)
            for limit_index, limit in enumerate(rule.get("limits", [])):
                if "pool" in limit:
                    shape = (limit.get("amount"), limit.get("count"), limit["period"], limit.get("years"))
                    if pools.setdefault(limit["pool"], shape) != shape:
                        self.add(
                            loaded,
                            rule_path + ("limits", limit_index, "pool"),
                            f"pool '{limit['pool']}' has a different limit elsewhere in this package",
                        )

    def check_rule_shape(self, loaded, path, rule) -> None:
        tiers = rule.get("tiers", [])
        bounds = [t.get("up_to") for t in tiers]
        widths = [t for t in tiers[:-1] if "band" in t]
        if tiers and (bounds[-1] is not None or None in bounds[:-1] or bounds[:-1] != sorted(bounds[:-1]) or widths):
            self.add(
                loaded, path + ("tiers",), "tiers must rise, each with up_to, the last without (open, or with a band)"
            )
        age = rule.get("eligibility", {}).get("age", {})
        if "under" in age and "through" in age:
            self.add(loaded, path + ("eligibility", "age"), "use either 'under' or 'through', not both")
        upper = age.get("through", age.get("under", 121) - 1)
        if age.get("from", 0) > upper:
            self.add(loaded, path + ("eligibility", "age"), f"age bounds exclude everyone: {age}")
        if "eligibility" in rule and "not_eligible" not in rule:
            self.add(loaded, path, "a rule with eligibility needs 'not_eligible': the sentence shown to others")

    # -- completeness ------------------------------------------------------------------------
    def check_completeness(self) -> None:
        mapped_by_chapter: dict[str, set[str]] = {}
        files_by_chapter: dict[str, LoadedFile] = {}
        for (kind, _name), loaded in self.files.packages.items():
            if kind != "av":
                continue
            data = loaded.data
            articles = mapped_by_chapter.setdefault(data["chapter"], set())
            files_by_chapter[data["chapter"]] = loaded
            for benefit in data["benefits"]:
                articles.add(benefit["article"])
                articles.update(r["article"] for r in benefit["rules"] if "article" in r)
                articles.update(s["article"] for s in benefit["sources"] if "article" in s)
            articles.update(e["article"] for e in data.get("not_covered", []))
            articles.update(e["article"] for e in data.get("no_benefit", []))
        if self.files.servicepakket:
            files_by_chapter["2"] = self.files.servicepakket
            mapped_by_chapter["2"] = set(_articles_in(self.files.servicepakket.data))
        for section in self.conditions.headings_in_chapters({"2", "3", "4", "5", "6", "7"}):
            chapter = section.number.split(".")[0]
            self.report.headings_total += 1
            mapped = mapped_by_chapter.get(chapter, set())
            if any(a == section.number or a.startswith(section.number + ".") for a in mapped):
                self.report.headings_mapped += 1
            elif chapter in files_by_chapter:
                self.add(
                    files_by_chapter[chapter],
                    (),
                    f"article {section.number} '{section.title}' maps to no benefit and no 'no_benefit' entry",
                )
            elif (
                section.number == chapter + ".1"
                and not (self.policies_dir.parent / _file_for_chapter(chapter)).exists()
            ):
                self.report.problems.append(
                    Problem(_file_for_chapter(chapter), 1, f"missing: chapter {chapter} of the conditions has no file")
                )
        dental_titles = {
            DENTAL_HEADING.format(title=name.capitalize()): name
            for (kind, name) in self.files.packages
            if kind == "dental"
        }
        for heading in self.conditions.sections["8"].headings:
            if heading.startswith("Tandartsverzekering "):
                self.report.headings_total += 1
                if heading in dental_titles:
                    self.report.headings_mapped += 1
                else:
                    self.report.problems.append(
                        Problem("policies/dental", 1, f"'{heading}' (chapter 8) has no policies/dental/<package>.yaml")
                    )

    # -- premiums and general texts ----------------------------------------------------------
    def check_premiums(self) -> None:
        loaded = self.files.premiums
        if loaded is None:
            return
        children = loaded.data["children"]
        quote = self.check_quote(loaded, ("children",), children, children["article"])
        self.report.numbers_total += 1
        if Decimal(children["under"]) in numbers_in(quote):
            self.report.numbers_traced += 1
        elif quote:
            self.add(loaded, ("children", "under"), f"{children['under']} is not in its quote")
        for kind in ("av", "dental"):
            for name, entry in loaded.data.get(kind, {}).items():
                path = (kind, name)
                if entry.get("monthly") is None:
                    continue
                self.report.numbers_total += 1
                quote = self.check_quote(loaded, path + ("source",), entry["source"], "1.5")
                if Decimal(str(entry["monthly"])) in numbers_in(quote):
                    self.report.numbers_traced += 1
                elif quote:
                    self.add(loaded, path + ("monthly",), f"{entry['monthly']} is not in its quote")

    def check_glossary(self) -> None:
        loaded = self.files.glossary
        if loaded is None:
            return
        haystack = self.conditions.text_of(loaded.data["article"])
        anchors = set()
        for i, term in enumerate(loaded.data["terms"]):
            self.report.quotes_total += 1
            definition = _plain(term["definition"])
            if definition in haystack:
                self.report.quotes_verified += 1
            else:
                self.add(
                    loaded,
                    ("terms", i, "definition"),
                    f"definition of '{term['term']}' is not verbatim in "
                    f"article {loaded.data['article']}: '{definition[:60]}'",
                )
            if term["anchor"] in anchors:
                self.add(loaded, ("terms", i, "anchor"), f"anchor '{term['anchor']}' is used twice")
            anchors.add(term["anchor"])

    def check_texts(self, loaded: LoadedFile | None) -> None:
        """Articles kept as text: each numbered section exists and its body is verbatim."""
        if loaded is None:
            return
        for i, article in enumerate(loaded.data.get("articles", [])):
            if not self.conditions.has(article["article"]):
                self.add(loaded, ("articles", i, "article"), f"article {article['article']} does not exist")
                continue
            haystack = self.conditions.text_of(article["article"])
            for j, section in enumerate(article.get("sections", [])):
                self.report.quotes_total += 1
                body = _plain(section.get("body", ""))
                if body and body not in haystack:
                    self.add(
                        loaded,
                        ("articles", i, "sections", j, "body"),
                        f"body is not verbatim in article {article['article']}: '{body[:60]}'",
                    )
                else:
                    self.report.quotes_verified += 1


def _file_for_chapter(chapter: str) -> str:
    if chapter == "2":
        return "policies/servicepakket.yaml"
    name = next(n for n, c in PACKAGE_CHAPTERS.items() if c == chapter)
    return f"policies/av/{name}.yaml"


def _plain(markdown: str) -> str:
    """Markdown as the plain, normalised text it reads as: the form the source is compared in."""
    return normalise(" ".join(text for _kind, _level, text in read_plain(markdown)))


def _articles_in(data: dict):
    for article in data.get("articles", []):
        yield article["article"]
        for section in article.get("sections", []):
            if "article" in section:
                yield section["article"]


def check_policies(policies_dir: Path) -> tuple[PolicyFiles, Report]:
    files, problems = load_policy_files(policies_dir)
    report = Report(problems=problems)
    checker = _Checker(
        files,
        parse_conditions(CONDITIONS),
        OVERVIEW.read_text(encoding="utf-8"),
        CONTRACT.read_text(encoding="utf-8"),
        report,
        policies_dir,
    )
    if files.catalogue is None and not any(p.file.endswith("catalogue.yaml") for p in problems):
        report.problems.append(Problem("policies/catalogue.yaml", 1, "missing"))
    checker.check_catalogue()
    for (kind, name), loaded in sorted(files.packages.items()):
        checker.check_package(kind, name, loaded)
    checker.check_completeness()
    checker.check_premiums()
    check_household(checker)
    checker.check_glossary()
    checker.check_texts(files.general_articles)
    checker.check_texts(files.servicepakket)
    report.problems.sort()
    return files, report
