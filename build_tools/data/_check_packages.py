"""What the JSON Schema cannot say about the catalogue and the packages: ids and themes that exist,
each package in its chapter, articles in that chapter, rules of a sound shape, shared limits alike.

The quotes and numbers of each benefit are traced (_check_traceability.py) as it goes.
"""

from __future__ import annotations

from decimal import Decimal

from ._check_traceability import Traceability, numbers_in, rule_numbers
from ._documents import PACKAGE_CHAPTERS
from ._load import LoadedFile
from ._policy_files import PolicyFiles
from ._report import Problems

__all__ = ["check_catalogue", "check_packages"]


def check_catalogue(files: PolicyFiles, problems: Problems) -> None:
    loaded = files.catalogue
    if loaded is None:
        return
    themes = {t["id"] for t in loaded.data["themes"]}
    seen = set()
    for i, care in enumerate(loaded.data["care"]):
        if care["id"] in seen:
            problems.add(loaded, ("care", i, "id"), f"care id '{care['id']}' appears twice")
        seen.add(care["id"])
        if care["theme"] not in themes:
            problems.add(loaded, ("care", i, "theme"), f"theme '{care['theme']}' is not one of {sorted(themes)}")


def check_packages(files: PolicyFiles, trace: Traceability) -> None:
    checks = _PackageChecks(trace, files.care_ids())
    for (kind, name), loaded in sorted(files.packages.items()):
        checks.package(kind, name, loaded)


class _PackageChecks:
    def __init__(self, trace: Traceability, care_ids: set[str] | None):
        self.trace = trace
        self.problems = trace.problems
        self.care_ids = care_ids

    def package(self, kind: str, name: str, loaded: LoadedFile) -> None:
        data = loaded.data
        if (data["kind"], data["package"]) != (kind, name):
            self.problems.add(
                loaded,
                ("package",),
                f"file path names {kind}/{name} but the file says kind '{data['kind']}', package '{data['package']}'",
            )
        expected_chapter = PACKAGE_CHAPTERS[name] if kind == "av" else "8"
        if data["chapter"] != expected_chapter:
            self.problems.add(
                loaded, ("chapter",), f"{kind} {name} is chapter {expected_chapter}, got {data['chapter']}"
            )
        chapter = data["chapter"]
        self.trace.report.benefits[f"{kind}/{name}"] = len(data["benefits"])
        ids_seen: set[str] = set()
        pools: dict[str, tuple] = {}
        for i, benefit in enumerate(data["benefits"]):
            self.benefit(loaded, ("benefits", i), benefit, chapter, ids_seen, pools)
        for i, entry in enumerate(data.get("not_covered", [])):
            path = ("not_covered", i)
            self.care_id(loaded, path + ("id",), entry["id"], ids_seen)
            self.article(loaded, path + ("article",), entry["article"], chapter)
            for j, source in enumerate(entry["sources"]):
                self.trace.quote(loaded, path + ("sources", j), source, entry["article"])
        for i, entry in enumerate(data.get("no_benefit", [])):
            self.article(loaded, ("no_benefit", i, "article"), entry["article"], chapter)

    def care_id(self, loaded: LoadedFile, path: tuple, care_id: str, ids_seen: set) -> None:
        if self.care_ids is not None and care_id not in self.care_ids:
            self.problems.add(loaded, path, f"id '{care_id}' is not in the catalogue (policies/catalogue.yaml)")
        if care_id in ids_seen:
            self.problems.add(loaded, path, f"id '{care_id}' appears twice in this package")
        ids_seen.add(care_id)

    def article(self, loaded: LoadedFile, path: tuple, article: str, chapter: str) -> None:
        if not self.trace.conditions.has(article):
            self.problems.add(loaded, path, f"article {article} does not exist in the conditions")
        elif article.split(".")[0] != chapter:
            self.problems.add(loaded, path, f"article {article} is not in this package's chapter {chapter}")

    def benefit(self, loaded, path, benefit, chapter, ids_seen, pools) -> None:
        self.care_id(loaded, path + ("id",), benefit["id"], ids_seen)
        self.article(loaded, path + ("article",), benefit["article"], chapter)
        quotes = [
            self.trace.quote(loaded, path + ("sources", j), source, benefit["article"])
            for j, source in enumerate(benefit["sources"])
        ]
        stated = set().union(*(numbers_in(q) for q in quotes if q))
        for r, rule in enumerate(benefit["rules"]):
            rule_path = path + ("rules", r)
            if "article" in rule:
                self.article(loaded, rule_path + ("article",), rule["article"], chapter)
            self.trace.rule_numbers(loaded, rule_path, rule, stated)
            for number_path, value in rule_numbers(rule):
                if isinstance(value, float) and Decimal(str(value)).as_tuple().exponent < -2:
                    self.problems.add(loaded, rule_path + number_path, f"{value} has more than 2 decimals")
            self.rule_shape(loaded, rule_path, rule)
            for limit_index, limit in enumerate(rule.get("limits", [])):
                if "pool" in limit:
                    shape = (limit.get("amount"), limit.get("count"), limit["period"], limit.get("years"))
                    if pools.setdefault(limit["pool"], shape) != shape:
                        self.problems.add(
                            loaded,
                            rule_path + ("limits", limit_index, "pool"),
                            f"pool '{limit['pool']}' has a different limit elsewhere in this package",
                        )
        self.plain_summary(loaded, path, benefit)

    def plain_summary(self, loaded: LoadedFile, path: tuple, benefit: dict) -> None:
        """A hand-written one-sentence summary states only numbers the rules hold, and says 'onbekend'."""
        text = benefit.get("plain_summary")
        if text is None:
            return
        held = {Decimal(str(value)) for rule in benefit["rules"] for _path, value in rule_numbers(rule)}
        stray = sorted(numbers_in(text) - held)
        if stray:
            self.problems.add(
                loaded,
                path + ("plain_summary",),
                f"plain_summary states {', '.join(map(str, stray))}, which the rules do not hold "
                f"(expected only {', '.join(map(str, sorted(held))) or 'no numbers'})",
            )
        if any("unknown" in rule for rule in benefit["rules"]) and "onbekend" not in text:
            self.problems.add(loaded, path + ("plain_summary",), "plain_summary must say 'onbekend': a rule is unknown")

    def rule_shape(self, loaded, path, rule) -> None:
        tiers = rule.get("tiers", [])
        bounds = [t.get("up_to") for t in tiers]
        widths = [t for t in tiers[:-1] if "band" in t]
        if tiers and (bounds[-1] is not None or None in bounds[:-1] or bounds[:-1] != sorted(bounds[:-1]) or widths):
            self.problems.add(
                loaded, path + ("tiers",), "tiers must rise, each with up_to, the last without (open, or with a band)"
            )
        age = rule.get("eligibility", {}).get("age", {})
        if "under" in age and "through" in age:
            self.problems.add(loaded, path + ("eligibility", "age"), "use either 'under' or 'through', not both")
        upper = age.get("through", age.get("under", 121) - 1)
        if age.get("from", 0) > upper:
            self.problems.add(loaded, path + ("eligibility", "age"), f"age bounds exclude everyone: {age}")
        if "eligibility" in rule and "not_eligible" not in rule:
            self.problems.add(
                loaded, path, "a rule with eligibility needs 'not_eligible': the sentence shown to others"
            )
