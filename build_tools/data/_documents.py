"""The documents the data is checked against (the conditions, the 2020 overview, the comparator
contract in ../shared) and the chapter of the conditions that holds each package."""

from __future__ import annotations

from ._policy_files import REPO_ROOT

__all__ = ["CONDITIONS", "CONTRACT", "DENTAL_HEADING", "OVERVIEW", "PACKAGE_CHAPTERS", "SOURCES"]

SOURCES = REPO_ROOT.parent / "shared" / "sources"
CONDITIONS = SOURCES / "aanvullende-verzekeringen-2020-voorwaarden.md"
OVERVIEW = SOURCES / "promovendum-dekking-2020-overzicht.md"
CONTRACT = SOURCES.parent / "spec" / "comparator-contract.md"
PACKAGE_CHAPTERS = {"primair": "3", "royaal": "4", "ideaal": "5", "optimaal": "6", "excellent": "7"}
DENTAL_HEADING = "Tandartsverzekering {title}"
