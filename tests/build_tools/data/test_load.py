"""Loading the YAML: a syntax error is one problem at the line to fix, and the other files are still checked."""

from __future__ import annotations

import pytest
from policy_copy import edit, problems_of

PRIMAIR = "policies/av/primair.yaml"


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
