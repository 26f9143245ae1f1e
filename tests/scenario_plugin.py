"""pytest plugin: the data-driven scenarios in tests/scenarios/*.yaml, one test item per case.

A scenario file is a YAML list of cases (OpenFisca-style):

    - name: Primair vergoedt 6 van 12 fysiotherapiebehandelingen.   # a full sentence: the test's name
      articles: ["3.4"]                   # the article(s) of the conditions that justify `expect`
      profile: {persons: [...], packages: [...]}   # a profile as in the comparator contract
      expect:                             # one entry per result, in the order of `packages`
        - reimbursed: 210.00              # any of: av dental cost reimbursed out_of_pocket
          premium_year: 106.80            #   premium_year total_year complete
          lines:                          # the lines of all persons, in order (or `persons:`
            - status: partial             #   [{lines: [...]}, ...] per person); `{}` skips a line
              reimbursed: 210.00          # any of: id cost reimbursed out_of_pocket status article
              article: "3.4"              #   explanation_contains (text or list of texts)
              explanation_contains: 6 behandelingen

A case may also ask for the household's cheapest plans (comparator contract, "Best plans"):

    - name: ...
      articles: ["1.2.2"]
      profile: {persons: [...]}
      best: 3                             # best_plans(profile, limit=3); `packages` is ignored
      expect:                             # every plan returned, cheapest first
        - plan: excellent+none,primair+royaal,excellent+none   # each person's av+dental, none for null
          total_year: 1980.80             # any of: premium_year reimbursed out_of_pocket total_year complete

A `{"persons": [...]}` entry of `packages` gets a result like any other; its expected `persons`
may also give each person's `av` and `dental` (null for none) and `premium_year` (what that person
pays in premium per year; every result's persons carry it).

Every expected number is worked out by hand from the conditions text, not copied from the
engine. A failing case prints its name, its articles and expected-versus-got per field.
Registered by tests/scenarios/conftest.py (which steps aside if tests/conftest.py lists this
module in `pytest_plugins`).
`load_cases` is also used by test_parity.py to run the same profiles inside Pyodide.
"""

from __future__ import annotations

import copy
from decimal import Decimal
from pathlib import Path

import pytest
import yaml

from comparator import best_plans, compare

SCENARIO_DIR = Path(__file__).parent / "scenarios"

CASE_KEYS = ("name", "articles", "profile", "expect")
OPTIONAL_CASE_KEYS = ("best",)
RESULT_KEYS = (
    "av",
    "dental",
    "cost",
    "reimbursed",
    "out_of_pocket",
    "premium_year",
    "total_year",
    "complete",
    "lines",
    "persons",
)
LINE_KEYS = ("id", "cost", "reimbursed", "out_of_pocket", "status", "article", "explanation_contains")
PERSON_KEYS = ("av", "dental", "premium_year", "lines")
PLAN_KEYS = ("plan", "premium_year", "reimbursed", "out_of_pocket", "total_year", "complete")
AMOUNT_KEYS = frozenset(("cost", "reimbursed", "out_of_pocket", "premium_year", "total_year"))
DEFAULT_COMBINATIONS = 5  # no `packages`: the five supplementary packages (comparator contract)


class ScenarioFormatError(Exception):
    """A scenario file that does not follow the format above."""


class ScenarioMismatch(AssertionError):
    """The engine's result differs from the hand-computed expectation."""

    def __init__(self, mismatches: list[str]):
        super().__init__("\n".join(mismatches))
        self.mismatches = mismatches


# Loading ------------------------------------------------------------------------------------


def _check_keys(value, allowed: tuple[str, ...], where: str) -> None:
    if not isinstance(value, dict):
        raise ScenarioFormatError(f"{where}: must be a mapping, got {value!r}")
    unknown = sorted(set(value) - set(allowed))
    if unknown:
        raise ScenarioFormatError(f"{where}: unknown key(s) {', '.join(unknown)}; allowed: {', '.join(allowed)}")


def _check_lines(lines, where: str) -> None:
    if not isinstance(lines, list):
        raise ScenarioFormatError(f"{where}: must be a list of expected lines")
    for i, line in enumerate(lines):
        _check_keys(line if line is not None else {}, LINE_KEYS, f"{where}[{i}]")


def _check_case(case, where: str) -> dict:
    _check_keys(case, CASE_KEYS + OPTIONAL_CASE_KEYS, where)
    missing = [key for key in CASE_KEYS if key not in case]
    if missing:
        raise ScenarioFormatError(f"{where}: missing {', '.join(missing)}")
    name = case["name"]
    if not isinstance(name, str) or len(name.split()) < 4 or name.rstrip()[-1:] not in ".!?":
        raise ScenarioFormatError(f"{where}.name: must be a full sentence ending with a full stop, got {name!r}")
    where = f"{where} ({name})"
    articles = case["articles"]
    if isinstance(articles, str):
        case["articles"] = articles = [articles]
    if not articles or not all(isinstance(a, str) and a for a in articles):
        raise ScenarioFormatError(f"{where}.articles: must be a non-empty list of article numbers as text")
    if not isinstance(case["profile"], dict):
        raise ScenarioFormatError(f"{where}.profile: must be a mapping")
    expect = case["expect"]
    if "best" in case:
        if not isinstance(case["best"], int) or not isinstance(expect, list) or not expect:
            raise ScenarioFormatError(f"{where}: `best` is the limit (a number) and `expect` lists the plans")
        for p, plan in enumerate(expect):
            _check_keys(plan, PLAN_KEYS, f"{where}.expect[{p}]")
            if "plan" not in plan:
                raise ScenarioFormatError(f"{where}.expect[{p}]: give the `plan`")
        return case
    packages = case["profile"].get("packages")
    results = len(packages) if isinstance(packages, list) else DEFAULT_COMBINATIONS
    if not isinstance(expect, list) or len(expect) != results:
        raise ScenarioFormatError(f"{where}.expect: must list one entry per result ({results})")
    for r, result in enumerate(expect):
        _check_keys(result, RESULT_KEYS, f"{where}.expect[{r}]")
        if "lines" in result and "persons" in result:
            raise ScenarioFormatError(f"{where}.expect[{r}]: give `lines` or `persons`, not both")
        if "lines" in result:
            _check_lines(result["lines"], f"{where}.expect[{r}].lines")
        for p, person in enumerate(result.get("persons", [])):
            _check_keys(person, PERSON_KEYS, f"{where}.expect[{r}].persons[{p}]")
            _check_lines(person.get("lines", []), f"{where}.expect[{r}].persons[{p}].lines")
    return case


def load_cases(path: Path) -> list[dict]:
    """The cases of one scenario file, checked for format (not for content)."""
    cases = yaml.safe_load(path.read_text(encoding="utf-8"))
    if not isinstance(cases, list) or not cases:
        raise ScenarioFormatError(f"{path.name}: must be a non-empty YAML list of cases")
    return [_check_case(case, f"{path.name}[{i}]") for i, case in enumerate(cases)]


def scenario_files() -> list[Path]:
    return sorted(SCENARIO_DIR.glob("*.yaml"))


def load_all_cases() -> list[tuple[Path, dict]]:
    return [(path, case) for path in scenario_files() for case in load_cases(path)]


# Checking -----------------------------------------------------------------------------------


def _same(key: str, expected, got) -> bool:
    if key in AMOUNT_KEYS and expected is not None:
        if isinstance(got, bool) or not isinstance(got, (int, float)):
            return False
        return Decimal(str(expected)) == Decimal(str(got))
    if isinstance(expected, bool) or expected is None:
        return got is expected
    return type(expected) is type(got) and expected == got


def _shown(value) -> str:
    if isinstance(value, float):
        return f"{value:.2f}"
    return repr(value)


def _check_line(expected: dict, got: dict, where: str, out: list[str]) -> None:
    label = f"{where} ({got.get('id')})"
    found = []
    for key, want in expected.items():
        if key == "explanation_contains":
            wanted = [want] if isinstance(want, str) else list(want)
            missing = [text for text in wanted if str(text) not in got["explanation"]]
            if missing:
                found.append(f"{label} explanation: expected to contain {missing!r}, got {got['explanation']!r}")
        elif not _same(key, want, got.get(key)):
            found.append(f"{label} {key}: expected {_shown(want)}, got {_shown(got.get(key))}")
    if found and "explanation_contains" not in expected:
        found.append(f"{label} (explanation: {got['explanation']!r})")
    out.extend(found)


def _check_lines_of(expected: list, got: list, where: str, out: list[str]) -> None:
    if len(expected) != len(got):
        out.append(f"{where}: expected {len(expected)} line(s), got {len(got)}")
    for i, (want, line) in enumerate(zip(expected, got, strict=False)):
        _check_line(want or {}, line, f"{where}[{i}]", out)


def mismatches(case: dict, result: dict) -> list[str]:
    """Every difference between the case's expectation and the engine's result, one line each."""
    out: list[str] = []
    results = result["results"]
    if len(results) != len(case["expect"]):
        return [f"expected {len(case['expect'])} result(s), got {len(results)}"]
    for r, (want, got) in enumerate(zip(case["expect"], results, strict=True)):
        where = f"results[{r}] ({got['av'] or 'per person'}/{got['dental'] or '-'})"
        for key, value in want.items():
            if key == "lines":
                all_lines = [line for person in got["persons"] for line in person["lines"]]
                _check_lines_of(value, all_lines, f"{where}.lines", out)
            elif key == "persons":
                if len(value) != len(got["persons"]):
                    out.append(f"{where}.persons: expected {len(value)} person(s), got {len(got['persons'])}")
                for p, (person, got_person) in enumerate(zip(value, got["persons"], strict=False)):
                    for kind in ("av", "dental"):
                        if kind in person and person[kind] != got_person[kind]:
                            out.append(f"{where}.persons[{p}] {kind}: expected {person[kind]}, got {got_person[kind]}")
                    if "premium_year" in person and not _same(
                        "premium_year", person["premium_year"], got_person["premium_year"]
                    ):
                        shown = f"expected {_shown(person['premium_year'])}, got {_shown(got_person['premium_year'])}"
                        out.append(f"{where}.persons[{p}] premium_year: {shown}")
                    _check_lines_of(person.get("lines", []), got_person["lines"], f"{where}.persons[{p}].lines", out)
            elif not _same(key, value, got.get(key)):
                out.append(f"{where} {key}: expected {_shown(value)}, got {_shown(got.get(key))}")
    return out


def plan_label(plan: dict) -> str:
    """A plan as the contract's `data-plan` writes it: av+dental per person, none for null."""
    return ",".join(f"{person['av'] or 'none'}+{person['dental'] or 'none'}" for person in plan["persons"])


def best_mismatches(case: dict, result: dict) -> list[str]:
    """Every difference between a `best` case's expected plans and best_plans' answer."""
    plans = result["plans"]
    out = [] if len(plans) == len(case["expect"]) else [f"expected {len(case['expect'])} plan(s), got {len(plans)}"]
    for p, (want, got) in enumerate(zip(case["expect"], plans, strict=False)):
        where = f"plans[{p}] ({plan_label(got)})"
        if want["plan"] != plan_label(got):
            out.append(f"plans[{p}]: expected {want['plan']}, got {plan_label(got)}")
        for key, value in want.items():
            if key != "plan" and not _same(key, value, got.get(key)):
                out.append(f"{where} {key}: expected {_shown(value)}, got {_shown(got.get(key))}")
    return out


# Collection ---------------------------------------------------------------------------------


def pytest_collect_file(file_path: Path, parent):
    if file_path.suffix == ".yaml" and file_path.parent == SCENARIO_DIR:
        return ScenarioFile.from_parent(parent, path=file_path)
    return None


_SEEN_NAMES = pytest.StashKey[dict]()


class ScenarioFile(pytest.File):
    def collect(self):
        seen = self.config.stash.setdefault(_SEEN_NAMES, {})
        for case in load_cases(self.path):
            name = case["name"]
            if name in seen and seen[name] != self.path:
                raise ScenarioFormatError(f"{self.path.name}: case name also used in {seen[name].name}: {name!r}")
            if name in seen:
                raise ScenarioFormatError(f"{self.path.name}: case name used twice: {name!r}")
            seen[name] = self.path
            yield ScenarioItem.from_parent(self, name=name, case=case)


class ScenarioItem(pytest.Item):
    def __init__(self, *, case: dict, **kwargs):
        super().__init__(**kwargs)
        self.case = case

    def runtest(self) -> None:
        profile = copy.deepcopy(self.case["profile"])
        if "best" in self.case:
            found = best_mismatches(self.case, best_plans(profile, self.case["best"]))
        else:
            found = mismatches(self.case, compare(profile))
        if found:
            raise ScenarioMismatch(found)

    def repr_failure(self, excinfo, style=None):
        if isinstance(excinfo.value, ScenarioMismatch):
            return "\n".join(
                [
                    f"Scenario:  {self.case['name']}",
                    f"Articles:  {', '.join(self.case['articles'])}",
                    f"File:      tests/scenarios/{self.path.name}",
                    "Expected vs got:",
                    *(f"  {line}" for line in excinfo.value.mismatches),
                ]
            )
        return super().repr_failure(excinfo, style=style)

    def reportinfo(self):
        return self.path, None, f"scenario: {self.name} [art. {', '.join(self.case['articles'])}]"
