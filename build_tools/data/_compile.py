"""Compile the validated policies/ YAML into the JSON the engine reads (comparator/data/)."""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path

from ._load import Problem
from ._policy_files import REPO_ROOT, PolicyFiles

__all__ = ["ENGINE_DATA", "compile_engine_data", "engine_data_json", "stale_engine_data", "write_engine_data"]

ENGINE_DATA = REPO_ROOT / "comparator" / "data" / "policies-2020.json"
_RULE_KEYS = (
    "article",
    "eligibility",
    "not_eligible",
    "not_eligible_en",
    "rate",
    "tiers",
    "unit_max",
    "limits",
    "non_contracted",
    "unknown",
)


# Counts, periods in years and ages: whole numbers (the schema makes them integers), kept as such.
_WHOLE_NUMBERS = {"count", "years", "from", "under", "through"}


def _exact(value, key: str | None = None):
    """Amounts and rates become strings so the engine reads them as exact decimals; floats never
    travel. Whole-number fields stay numbers."""
    if isinstance(value, bool) or value is None:
        return value
    if isinstance(value, int) and key in _WHOLE_NUMBERS:
        return value
    if isinstance(value, (int, float)):
        return str(Decimal(str(value)))
    if isinstance(value, dict):
        return {name: _exact(item, name) for name, item in value.items()}
    if isinstance(value, list):
        return [_exact(item) for item in value]
    return value


def _package(data: dict) -> dict:
    return {
        "title": data["title"],
        "title_en": data["title_en"],
        "chapter": data["chapter"],
        "benefits": {
            benefit["id"]: {
                "title": benefit["title"],
                "article": benefit["article"],
                "rules": [_exact({k: r[k] for k in _RULE_KEYS if k in r}) for r in benefit["rules"]],
            }
            for benefit in data["benefits"]
        },
        "not_covered": {
            entry["id"]: {
                "article": entry["article"],
                "explanation": entry["explanation"],
                "explanation_en": entry["explanation_en"],
            }
            for entry in data.get("not_covered", [])
        },
    }


def _household(data: dict) -> dict:
    """Art. 1.2.2, what can be taken on its own and the 2020 on-sale list, without their quotes (the
    checker has verified them)."""
    children = data["children"]
    return {
        "adult_without_av_article": data["adult_without_av"]["article"],
        "av_order": data["av_order"]["packages"],
        "child_article": children["article"],
        "child_dental": {key: children["dental"][key] for key in ("article", "explanation", "explanation_en")},
        "child_explanation_without_av": children["explanation_without_av"],
        "child_explanation_without_av_en": children["explanation_without_av_en"],
        "child_explanation_without_adult": children["explanation_without_adult"],
        "child_explanation_without_adult_en": children["explanation_without_adult_en"],
        "children_under": children["under"],
        "on_sale": {kind: data["on_sale"][kind]["packages"] for kind in ("av", "dental")},
        "standalone": {
            key: {field: statement[field] for field in ("article", "text", "text_en")}
            for key, statement in data["standalone"].items()
        },
    }


def compile_engine_data(files: PolicyFiles) -> dict:
    """The engine's view of the policies; call only on files that passed the checker."""
    packages = {"av": {}, "dental": {}}
    for (kind, name), loaded in sorted(files.packages.items()):
        packages[kind][name] = _package(loaded.data)
    dental_ids = {care_id for package in packages["dental"].values() for care_id in package["benefits"]}
    catalogue = {
        care["id"]: {
            "title": care["title"],
            "title_en": care["title_en"],
            "theme": care["theme"],
            "quantity": care["quantity"],
            **({"unit": care["unit"]} if "unit" in care else {}),
            "kind": "dental" if care["id"] in dental_ids else "av",
        }
        for care in files.catalogue.data["care"]
    }
    premiums = {
        kind: {name: _exact(entry.get("monthly")) for name, entry in files.premiums.data.get(kind, {}).items()}
        for kind in ("av", "dental")
    }
    return {
        "year": 2020,
        # Children pay no premium (art. 1.5.1): the article the answer card cites for a child's € 0.
        "household": {
            **_household(files.household.data),
            "child_premium_article": files.premiums.data["children"]["article"],
        },
        "themes": files.catalogue.data["themes"],
        "catalogue": catalogue,
        "packages": packages,
        "premiums": premiums,
    }


def engine_data_json(files: PolicyFiles) -> str:
    return json.dumps(compile_engine_data(files), ensure_ascii=False, indent=1, sort_keys=True) + "\n"


def write_engine_data(files: PolicyFiles, target: Path = ENGINE_DATA) -> bool:
    """Write the JSON; return whether it changed."""
    text = engine_data_json(files)
    if target.is_file() and target.read_text(encoding="utf-8") == text:
        return False
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(text, encoding="utf-8")
    return True


def stale_engine_data(files: PolicyFiles, target: Path = ENGINE_DATA) -> Problem | None:
    """The problem when the engine's JSON is not what `files` compile to: the engine (CLI, site
    build, browser) would compute with other data than the pages show."""
    if target.is_file() and target.read_text(encoding="utf-8") == engine_data_json(files):
        return None
    return Problem(str(target.relative_to(REPO_ROOT)), 1, "stale: run 'python -m build_tools compile'")
