"""Traceability on mutated copies: a number no quote states, a quote not in its article; numbers read as in Dutch."""

from __future__ import annotations

import pytest
from policy_copy import edit, problems_of

from build_tools.data import numbers_in

PRIMAIR = "policies/av/primair.yaml"


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
