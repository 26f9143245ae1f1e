"""`check_policies`: every check of policies/, one module per concern, into one report.

Loading and the JSON Schema (_policy_files.py), the packages' own consistency (_check_packages.py),
traceability of quotes and numbers (_check_traceability.py), completeness against the conditions
(_check_completeness.py), premiums, household, the texts and their English twins (_check_english.py);
all file their problems with the report's one collector (_report.py).
"""

from __future__ import annotations

from pathlib import Path

from ._check_completeness import check_completeness
from ._check_english import check_english
from ._check_household import check_household
from ._check_packages import check_catalogue, check_packages
from ._check_premiums import check_premiums
from ._check_texts import check_glossary, check_texts
from ._check_traceability import Traceability
from ._documents import CONDITIONS, CONTRACT, OVERVIEW
from ._load import Problem
from ._policy_files import PolicyFiles, load_policy_files
from ._report import Problems, Report
from ._source import parse_conditions

__all__ = ["check_policies"]


def check_policies(policies_dir: Path) -> tuple[PolicyFiles, Report]:
    files, problems = load_policy_files(policies_dir)
    report = Report(problems=Problems(problems))
    trace = Traceability(
        parse_conditions(CONDITIONS),
        OVERVIEW.read_text(encoding="utf-8"),
        CONTRACT.read_text(encoding="utf-8"),
        report,
    )
    if files.catalogue is None and not any(p.file.endswith("catalogue.yaml") for p in problems):
        report.problems.append(Problem("policies/catalogue.yaml", 1, "missing"))
    check_catalogue(files, report.problems)
    check_packages(files, trace)
    check_completeness(files, trace.conditions, report, policies_dir)
    check_premiums(files, trace)
    check_household(files, trace)
    check_glossary(files, trace)
    check_texts(files.general_articles, trace)
    check_texts(files.servicepakket, trace)
    check_english(files, report.problems)
    return files, report
