"""Each file against its JSON Schema: what the schema forbids is caught at its line."""

from __future__ import annotations

from policy_copy import edit, problems_of

PRIMAIR = "policies/av/primair.yaml"


def test_a_misspelt_key_is_caught_at_its_line(policies):
    line = edit(policies, PRIMAIR, "    summary: Condooms", "    sumary: Condooms")
    found = problems_of(policies)
    assert any(p.startswith(f"{PRIMAIR}:{line}:") and "'sumary' was unexpected" in p for p in found), found


def test_a_benefit_without_quotes_is_caught(policies):
    text = (policies / "av/primair.yaml").read_text(encoding="utf-8")
    start = text.index("    sources:\n      - quote: Wij vergoeden maximaal 6")
    end = text.index("\n\n", start)
    (policies / "av/primair.yaml").write_text(text[:start] + "    sources: []" + text[end:], encoding="utf-8")
    found = problems_of(policies)
    assert any(p.startswith(PRIMAIR) and "should be non-empty" in p for p in found), found


def test_a_dutch_text_without_its_english_twin_is_caught_at_its_entry(policies):
    """The English edition adds only text, kept beside the Dutch it translates; none may be missing."""
    edit(policies, "policies/catalogue.yaml", '    title_en: "Condoms"\n', "")
    line = edit(policies, PRIMAIR, "        not_eligible_en: ", "        not_eligible_nl: ")
    found = problems_of(policies)
    assert any(p.startswith("policies/catalogue.yaml:") and "'title_en' is a required property" in p for p in found)
    assert f"{PRIMAIR}:{line - 3}: benefits.2.rules.0: 'not_eligible_en' is a dependency of 'not_eligible'" in found
