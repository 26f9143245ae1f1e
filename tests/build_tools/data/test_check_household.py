"""The checker on policies/household.yaml: art. 1.2.2, the package order and the 2020 on-sale list
are traced like every other fact, and each fault is reported at its line."""

from __future__ import annotations

from pathlib import Path

from policy_copy import edit as edit_file
from policy_copy import problems_of

from build_tools import REPO_ROOT, check_policies
from build_tools.data import compile_engine_data

HOUSEHOLD = "policies/household.yaml"


def edit(policies: Path, old: str, new: str) -> int:
    """Replace the first `old` in household.yaml; return the 1-based line where it stood."""
    return edit_file(policies, HOUSEHOLD, old, new)


def test_the_real_household_file_has_no_problem():
    _files, report = check_policies(REPO_ROOT / "policies")
    assert [p for p in report.problems if p.file == HOUSEHOLD] == []


def test_an_age_that_is_not_in_the_quote_of_art_1_2_2_is_caught(policies):
    line = edit(policies, "under: 18", "under: 17")
    assert f"{HOUSEHOLD}:{line}: 17 is not in its quote" in problems_of(policies)


def test_a_quote_that_is_not_in_art_1_2_2_is_caught(policies):
    line = edit(policies, "Kinderen jonger dan 18 jaar, krijgen", "Kinderen jonger dan 18 jaar krijgen")
    found = problems_of(policies)
    assert any(p.startswith(f"{HOUSEHOLD}:{line}: quote not found verbatim in article 1.2.2") for p in found), found


def test_an_order_the_contract_does_not_state_is_caught(policies):
    line = edit(
        policies,
        "packages: [primair, royaal, ideaal, optimaal, excellent]",
        "packages: [primair, royaal, optimaal, ideaal, excellent]",
    )
    found = problems_of(policies)
    assert (
        f"{HOUSEHOLD}:{line}: [primair, royaal, optimaal, ideaal, excellent] is not the order any of its quotes states"
        in found
    )


def test_an_order_that_leaves_out_a_package_is_caught(policies):
    line = edit(
        policies,
        "packages: [primair, royaal, ideaal, optimaal, excellent]",
        "packages: [primair, royaal, ideaal, excellent]",
    )
    found = problems_of(policies)
    assert any(p.startswith(f"{HOUSEHOLD}:{line}: must list every package of policies/av/ once") for p in found), found


def test_a_package_on_sale_that_the_overview_does_not_name_is_caught(policies):
    line = edit(
        policies,
        "packages: [primair, royaal, ideaal, excellent]",
        "packages: [primair, royaal, ideaal, optimaal, excellent]",
    )
    found = problems_of(policies)
    assert f"{HOUSEHOLD}:{line}: must be the packages its quote names (excellent, ideaal, primair, royaal)" in found
    assert f"{HOUSEHOLD}:{line}: 'optimaal' is on sale but its premium in policies/premiums.yaml is unknown" in found


def test_a_package_on_sale_left_out_is_caught(policies):
    line = edit(policies, "packages: [primair, royaal, optimaal]", "packages: [primair, royaal]")
    assert f"{HOUSEHOLD}:{line}: must be the packages its quote names (optimaal, primair, royaal)" in problems_of(
        policies
    )


def test_a_sentence_that_is_not_in_the_overview_is_caught(policies):
    line = edit(policies, "quote: and the dental packages Primair", "quote: and the dental packages Excellent, Primair")
    found = problems_of(policies)
    assert any(p.startswith(f"{HOUSEHOLD}:{line}: quote not found verbatim in the 2020 overview") for p in found), found


def test_a_missing_household_file_is_reported(policies):
    (policies / "household.yaml").unlink()
    assert f"{HOUSEHOLD}:1: missing" in problems_of(policies)


def test_the_engine_gets_the_rule_the_order_and_the_on_sale_list():
    files, _report = check_policies(REPO_ROOT / "policies")
    household = compile_engine_data(files)["household"]
    assert household["children_under"] == 18 and household["child_article"] == "1.2.2"
    assert household["av_order"] == ["primair", "royaal", "ideaal", "optimaal", "excellent"]
    assert household["on_sale"] == {
        "av": ["primair", "royaal", "ideaal", "excellent"],
        "dental": ["primair", "royaal", "optimaal"],
    }
