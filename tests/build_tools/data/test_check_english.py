"""The English twins on mutated copies: a missing twin, a number its Dutch text does not state and
a list with one text too few are each caught at their line; numbers read as an English reader would."""

from __future__ import annotations

from decimal import Decimal

import pytest
from policy_copy import edit, problems_of

from build_tools import REPO_ROOT, check_policies
from build_tools.data import numbers_in
from build_tools.data._check_english import english_numbers_in

PRIMAIR = "policies/av/primair.yaml"


def test_the_real_twins_have_no_problem():
    _files, report = check_policies(REPO_ROOT / "policies")
    assert list(map(str, report.problems)) == []


def test_a_missing_twin_is_caught_at_its_entry(policies):
    entry = edit(policies, PRIMAIR, "  - id: condooms\n", "  - id: condooms\n")
    edit(policies, PRIMAIR, '    summary_en: "Condoms up to €20 per calendar year, whatever your age."\n', "")
    found = problems_of(policies)
    assert f"{PRIMAIR}:{entry}: benefits.3: 'summary_en' is a required property" in found, found


def test_an_optional_text_without_its_twin_is_caught_at_its_entry(policies):
    text = (policies / "av/primair.yaml").read_text(encoding="utf-8")
    start = text.index("    plain_summary_en: >-\n")
    end = text.index("    rules:", start)
    (policies / "av/primair.yaml").write_text(text[:start] + text[end:], encoding="utf-8")
    found = problems_of(policies)
    assert any("benefits.2: 'plain_summary_en' is a dependency of 'plain_summary'" in p for p in found), found


def test_a_number_its_dutch_text_does_not_state_is_caught_at_its_line(policies):
    line = edit(policies, PRIMAIR, "Condoms up to €20 per calendar year", "Condoms up to €25 per calendar year")
    assert (
        f"{PRIMAIR}:{line}: benefits.3.summary_en states 25, which its Dutch text does not (expected only 20)"
        in problems_of(policies)
    )


def test_a_number_in_a_text_without_numbers_is_caught_at_its_line(policies):
    line = edit(policies, PRIMAIR, '- "manual therapy given by a physiotherapist"', '- "manual therapy (2 sessions)"')
    found = problems_of(policies)
    expected = f"{PRIMAIR}:{line}: benefits.0.exclusions_en.1 states 2, which its Dutch text does not (expected none)"
    assert expected in found, found


def test_a_list_with_one_english_text_too_few_is_caught_at_its_line(policies):
    line = edit(policies, PRIMAIR, '      - "manual therapy given by a physiotherapist"\n', "")
    found = problems_of(policies)
    assert any(
        p.startswith(f"{PRIMAIR}:{line - 2}: benefits.0.exclusions_en has 8 text(s), its Dutch 9") for p in found
    ), found


@pytest.mark.parametrize(
    ("sentence", "numbers"),
    [
        ("up to a one-off €1,135", {1135}),
        ("80% of the costs", {80}),
        ("€ 12.50 per month", {12.5}),
        ("€1,135.50 in total", {1135.5}),
        ("Promovendum Ruime Keuze 2020", {2020}),
        ("from the 11th day, at most 6 hours", {11, 6}),
        ("art. 1.8.3 and article 6.11", {1, 8, 3, 6, 11}),
        ("once a year, without a maximum", set()),
    ],
)
def test_numbers_are_read_as_an_english_reader_would(sentence, numbers):
    assert english_numbers_in(sentence) == {Decimal(str(n)) for n in numbers}


@pytest.mark.parametrize(
    ("dutch", "english"),
    [
        ("tot eenmalig € 2.000", "up to a one-off €2,000"),
        ("€ 8,90 per maand", "€8.90 per month"),
        ("zie artikel 1.8.3", "see article 1.8.3"),
        ("Promovendum Ruime Keuze 2020", "Promovendum Ruime Keuze 2020"),
    ],
)
def test_a_number_reads_the_same_in_both_notations(dutch, english):
    assert english_numbers_in(english) <= numbers_in(dutch)
