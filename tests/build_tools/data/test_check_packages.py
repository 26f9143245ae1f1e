"""The packages' own consistency on mutated copies: ids, articles, pools and the file's name, each at its line."""

from __future__ import annotations

from policy_copy import edit, problems_of

PRIMAIR = "policies/av/primair.yaml"


def test_an_id_outside_the_catalogue_is_caught(policies):
    line = edit(policies, PRIMAIR, "- id: plaswekker", "- id: plaswekkers")
    assert f"{PRIMAIR}:{line}: id 'plaswekkers' is not in the catalogue (policies/catalogue.yaml)" in problems_of(
        policies
    )


def test_an_article_that_does_not_exist_is_caught(policies):
    line = edit(policies, PRIMAIR, 'article: "3.10"', 'article: "3.11"')
    assert f"{PRIMAIR}:{line}: article 3.11 does not exist in the conditions" in problems_of(policies)


def test_a_pool_with_two_different_limits_is_caught(policies):
    text = (policies / "av/primair.yaml").read_text(encoding="utf-8")
    second = text.index("amount: 100", text.index("- id: homeopathische-geneesmiddelen"))
    text = text[:second] + "amount: 80" + text[second + len("amount: 100") :]
    (policies / "av/primair.yaml").write_text(text, encoding="utf-8")
    assert any("pool 'alternatieve-geneeswijzen' has a different limit" in p for p in problems_of(policies))


def test_the_file_path_must_name_the_package(policies):
    edit(policies, PRIMAIR, "package: primair", "package: royaal")
    assert any("file path names av/primair" in p for p in problems_of(policies))


def test_a_plain_summary_stating_a_number_its_rules_do_not_hold_is_caught_at_its_line(policies):
    line = edit(
        policies, PRIMAIR, "      Vanaf 21 jaar krijgt u anticonceptie", "      Vanaf 18 jaar krijgt u anticonceptie"
    )
    expected = f"{PRIMAIR}:{line - 1}: plain_summary states 18, which the rules do not hold (expected only 21)"
    assert expected in problems_of(policies)


def test_a_plain_summary_with_an_amount_from_elsewhere_is_caught(policies):
    line = edit(
        policies,
        PRIMAIR,
        "    summary: Condooms",
        "    plain_summary: U krijgt condooms terug tot € 25 per kalenderjaar.\n"
        '    plain_summary_en: "You get condoms back up to €25 per calendar year."\n    summary: Condooms',
    )
    expected = f"{PRIMAIR}:{line}: plain_summary states 25, which the rules do not hold (expected only 20)"
    assert expected in problems_of(policies)


def test_a_plain_summary_of_an_unknown_amount_must_say_onbekend(policies):
    line = edit(policies, PRIMAIR, "hoeveel u terugkrijgt is onbekend.", "u krijgt het terug.")
    found = problems_of(policies)
    assert f"{PRIMAIR}:{line - 3}: plain_summary must say 'onbekend': a rule is unknown" in found, found


def test_a_plain_summary_is_one_sentence_by_the_schema(policies):
    line = edit(policies, PRIMAIR, "hoeveel u terugkrijgt is onbekend.", "hoeveel u terugkrijgt is onbekend")
    found = problems_of(policies)
    assert any(p.startswith(f"{PRIMAIR}:{line - 3}:") and "plain_summary" in p for p in found), found
