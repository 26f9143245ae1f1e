"""Completeness on a mutated copy: an article heading of the conditions that maps to nothing is reported."""

from __future__ import annotations

from policy_copy import problems_of


def test_an_unmapped_article_heading_is_reported(policies):
    text = (policies / "av/primair.yaml").read_text(encoding="utf-8")
    start = text.index("  - id: stottertherapie")
    end = text.index("  - id: podotherapie")
    (policies / "av/primair.yaml").write_text(text[:start] + text[end:], encoding="utf-8")
    found = problems_of(policies)
    assert any("article 3.9 'Stottertherapie' maps to no benefit" in p for p in found), found
