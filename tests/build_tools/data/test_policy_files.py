"""Each file against its JSON Schema: what the schema forbids is caught at its line."""

from __future__ import annotations

import pytest
from policy_copy import edit, problems_of

from build_tools import REPO_ROOT

PRIMAIR = "policies/av/primair.yaml"
POLICY_FILES = sorted((REPO_ROOT / "policies").rglob("*.yaml"))


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


# -- a file that fails its schema is reported once, not again by every file that points at it ---
def test_a_schema_error_in_the_catalogue_is_its_one_problem(policies):
    line = edit(policies, "policies/catalogue.yaml", '    title_en: "Condoms"\n', "")
    assert problems_of(policies) == [f"policies/catalogue.yaml:{line - 2}: care.3: 'title_en' is a required property"]


def test_a_catalogue_whose_ids_are_unreadable_does_not_flag_every_package_id(policies):
    line = edit(policies, "policies/catalogue.yaml", "  - id: condooms\n    title:", "  - title:")
    assert problems_of(policies) == [f"policies/catalogue.yaml:{line}: care.3: 'id' is a required property"]


def test_a_misspelt_key_in_a_package_gives_only_that_files_problems(policies):
    """Not also household.yaml's 'primair has no file' and 'must list every package'."""
    line = edit(policies, PRIMAIR, "    summary: Condooms", "    sumary: Condooms")
    found = problems_of(policies)
    assert f"{PRIMAIR}:{line}: benefits.3: Additional properties are not allowed ('sumary' was unexpected)" in found
    assert all(p.startswith(f"{PRIMAIR}:") for p in found), found


# Every file with a key its schema forbids; the files others point at also with a syntax error.
BROKEN = [(str(p.relative_to(REPO_ROOT)), "zzz_unknown_key: 1\n") for p in POLICY_FILES] + [
    (relative, "zzz_unclosed: [1\n")
    for relative in ("policies/catalogue.yaml", PRIMAIR, "policies/dental/royaal.yaml", "policies/premiums.yaml")
]


@pytest.mark.parametrize(("relative", "mistake"), BROKEN, ids=[f"{r}-{m.split(':')[0]}" for r, m in BROKEN])
def test_one_broken_file_gives_one_problem_in_that_file_only(policies, relative, mistake):
    """The others still find it: the catalogue's ids, a package for household.yaml and chapter 8, the premiums."""
    path = policies.parent / relative
    path.write_text(path.read_text(encoding="utf-8") + mistake, encoding="utf-8")
    found = problems_of(policies)
    assert len(found) == 1 and found[0].startswith(f"{relative}:"), found
