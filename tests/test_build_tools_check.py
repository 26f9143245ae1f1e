"""The checker on the real data, and on mutated copies: each fault caught with its file and line."""

from __future__ import annotations

import subprocess
import sys

import pytest
from policy_copy import edit, problems_of

from build_tools import REPO_ROOT, check_policies
from build_tools._check import numbers_in

PRIMAIR = "policies/av/primair.yaml"


def test_the_real_data_has_no_problem_and_is_fully_mapped_and_traced():
    _files, report = check_policies(REPO_ROOT / "policies")
    assert [str(p) for p in report.problems] == []
    assert report.headings_total >= 150 and report.headings_mapped == report.headings_total
    assert report.numbers_total >= 200 and report.numbers_traced == report.numbers_total
    assert report.quotes_verified == report.quotes_total
    assert set(report.benefits) == {f"av/{p}" for p in ("primair", "royaal", "ideaal", "optimaal", "excellent")} | {
        f"dental/{p}" for p in ("primair", "royaal", "optimaal", "excellent")
    }


def test_a_wrong_amount_is_caught_at_its_line(policies):
    line = edit(policies, PRIMAIR, "count: 6\n", "count: 7\n")
    assert f"{PRIMAIR}:{line}: limits.0.count = 7 appears in none of the benefit's quotes" in problems_of(policies)


def test_a_quote_from_the_wrong_article_is_caught(policies):
    line = edit(
        policies,
        PRIMAIR,
        "quote: Wij vergoeden maximaal 6 behandelingen per kalenderjaar.",
        "quote: Wij vergoeden maximaal 9 behandelingen per kalenderjaar.",
    )
    found = problems_of(policies)
    assert any(p.startswith(f"{PRIMAIR}:{line}: quote not found verbatim in article 3.4") for p in found), found


def test_a_misspelt_key_is_caught_at_its_line(policies):
    line = edit(policies, PRIMAIR, "    summary: Condooms", "    sumary: Condooms")
    found = problems_of(policies)
    assert any(p.startswith(f"{PRIMAIR}:{line}:") and "'sumary' was unexpected" in p for p in found), found


def test_malformed_yaml_is_one_line_and_the_other_files_are_still_reported(policies):
    line = edit(policies, PRIMAIR, "  - id: condooms\n", "  - id: condooms\n   bad: [\n")
    edit(policies, "policies/av/royaal.yaml", "count: 9\n", "count: 10\n")
    found = problems_of(policies)
    primair = [p for p in found if p.startswith(PRIMAIR)]
    assert len(primair) == 1 and primair[0].startswith(f"{PRIMAIR}:{line + 1}: invalid YAML"), primair
    assert any(p.startswith("policies/av/royaal.yaml:") and "count = 10" in p for p in found), found


@pytest.mark.parametrize(
    ("old", "new", "below"),
    [
        # PyYAML finds these where the unfinished thing should have ended: a line or the file later.
        ("          - count: 6\n", "          - count: [6\n", 0),  # a flow sequence never closed
        ("          - count: 6\n", "          - count: {n: 6\n", 0),  # a flow mapping never closed
        ("            unit: behandeling\n            period", "            unit behandeling\n            period", 0),
        ("    title: Condooms\n", '    title: "Condooms\n', 0),  # a quote closed on the next line
        ('    article: "3.2.1"\n', '    article: "3.2.1\n', 0),  # ... or 26 lines below
        # These it finds on the line itself.
        ("    title: Condooms\n", "    title: Condooms: ja\n", 0),
        ("    title: Condooms\n", "    title: Condooms\n\tx: 1\n", 1),
        ("    title: Condooms\n", "    title: Condooms\n   x: 1\n", 1),
    ],
    ids=[
        "flow-sequence",
        "flow-mapping",
        "key-without-colon",
        "quote",
        "quote-far",
        "colon-in-value",
        "tab",
        "indentation",
    ],
)
def test_a_yaml_syntax_error_is_reported_at_the_line_to_fix(policies, old, new, below):
    line = edit(policies, PRIMAIR, old, new) + below
    found = [p for p in problems_of(policies) if p.startswith(PRIMAIR)]
    assert len(found) == 1 and found[0].startswith(f"{PRIMAIR}:{line}: invalid YAML: "), found


def test_an_id_outside_the_catalogue_is_caught(policies):
    line = edit(policies, PRIMAIR, "- id: plaswekker", "- id: plaswekkers")
    assert f"{PRIMAIR}:{line}: id 'plaswekkers' is not in the catalogue (policies/catalogue.yaml)" in problems_of(
        policies
    )


def test_a_benefit_without_quotes_is_caught(policies):
    text = (policies / "av/primair.yaml").read_text(encoding="utf-8")
    start = text.index("    sources:\n      - quote: Wij vergoeden maximaal 6")
    end = text.index("\n\n", start)
    (policies / "av/primair.yaml").write_text(text[:start] + "    sources: []" + text[end:], encoding="utf-8")
    found = problems_of(policies)
    assert any(p.startswith(PRIMAIR) and "should be non-empty" in p for p in found), found


def test_an_article_that_does_not_exist_is_caught(policies):
    line = edit(policies, PRIMAIR, 'article: "3.10"', 'article: "3.11"')
    assert f"{PRIMAIR}:{line}: article 3.11 does not exist in the conditions" in problems_of(policies)


def test_an_unmapped_article_heading_is_reported(policies):
    text = (policies / "av/primair.yaml").read_text(encoding="utf-8")
    start = text.index("  - id: stottertherapie")
    end = text.index("  - id: podotherapie")
    (policies / "av/primair.yaml").write_text(text[:start] + text[end:], encoding="utf-8")
    found = problems_of(policies)
    assert any("article 3.9 'Stottertherapie' maps to no benefit" in p for p in found), found


def test_a_pool_with_two_different_limits_is_caught(policies):
    text = (policies / "av/primair.yaml").read_text(encoding="utf-8")
    second = text.index("amount: 100", text.index("- id: homeopathische-geneesmiddelen"))
    text = text[:second] + "amount: 80" + text[second + len("amount: 100") :]
    (policies / "av/primair.yaml").write_text(text, encoding="utf-8")
    assert any("pool 'alternatieve-geneeswijzen' has a different limit" in p for p in problems_of(policies))


def test_the_file_path_must_name_the_package(policies):
    edit(policies, PRIMAIR, "package: primair", "package: royaal")
    assert any("file path names av/primair" in p for p in problems_of(policies))


@pytest.mark.parametrize(
    ("sentence", "numbers"),
    [
        ("Hierbij geldt een maximumbedrag van € 1.135,- eenmalig.", {1135, 1}),
        ("Wij vergoeden 80% tot € 7.000,-.", {80, 7000}),
        ("EUR 8,90 per maand", {8.9}),
        ("maximaal één keer per 24 maanden", {1, 24}),
    ],
)
def test_numbers_are_read_as_a_dutch_reader_would(sentence, numbers):
    from decimal import Decimal

    assert numbers_in(sentence) == {Decimal(str(n)) for n in numbers}


def test_the_command_prints_the_report_and_exits_0_on_the_real_data():
    run = subprocess.run([sys.executable, "-m", "build_tools", "check"], capture_output=True, text=True, cwd=REPO_ROOT)
    assert run.returncode == 0, run.stderr
    assert "Article headings of ch. 2-8 mapped: 160/160 (100%)" in run.stdout
    assert "0 problem(s)" in run.stdout


def test_a_dutch_text_without_its_english_twin_is_caught_at_its_entry(policies):
    """The English edition adds only text, kept beside the Dutch it translates; none may be missing."""
    edit(policies, "policies/catalogue.yaml", '    title_en: "Condoms"\n', "")
    line = edit(policies, PRIMAIR, "        not_eligible_en: ", "        not_eligible_nl: ")
    found = problems_of(policies)
    assert any(p.startswith("policies/catalogue.yaml:") and "'title_en' is a required property" in p for p in found)
    assert f"{PRIMAIR}:{line - 3}: benefits.2.rules.0: 'not_eligible_en' is a dependency of 'not_eligible'" in found
