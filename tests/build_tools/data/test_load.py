"""Loading the YAML: a syntax error, or what would crash or hang the loader, is one problem at the line to fix,
and the other files are still checked."""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

import pytest
from policy_copy import edit, problems_of

from build_tools import REPO_ROOT

PRIMAIR = "policies/av/primair.yaml"
PREMIUMS = "policies/premiums.yaml"


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


# A kilobyte of anchors and aliases (billion laughs): nine copies of the level above, ten levels deep.
ALIAS_BOMB = "    x:\n" + "".join(
    f"      l{level}: &l{level} [{', '.join([f'*l{level - 1}'] * 9) if level else 'lol'}]\n" for level in range(10)
)
BAD_INPUT = [
    (
        PREMIUMS,
        "  document: overzicht\n",
        "  document: overzicht\n  read_on: 2026-02-30\n",
        1,
        ("reference.read_on: expected a valid date, got '2026-02-30'"),
    ),
    (
        PRIMAIR,
        "  - id: condooms\n",
        "  - id: condooms\n    x: " + "[" * 3000 + "]" * 3000 + "\n",
        1,
        ("invalid YAML: expected at most 32 levels of nesting, got more"),
    ),
    (
        PRIMAIR,
        "  - id: condooms\n",
        "  - id: condooms\n" + ALIAS_BOMB,
        2,
        ("invalid YAML: anchors and aliases are not used in policies/: write the value out (got '&l0')"),
    ),
    (
        PRIMAIR,
        "  - id: condooms\n",
        "  - id: condooms\n    x: !!int tachtig\n",
        1,
        ("invalid YAML: cannot read 'tachtig' as int: invalid literal for int() with base 10: 'tachtig'"),
    ),
]


def _check_in_a_process_of_its_own(policies: Path, seconds: int) -> subprocess.CompletedProcess:
    """The check as `python -m build_tools check` runs it, stopped after `seconds`: bad data must
    neither crash it nor make it hang."""
    code = "import sys, pathlib, build_tools; print(build_tools.check_policies(pathlib.Path(sys.argv[1]))[1].problems.render())"
    return subprocess.run(
        [sys.executable, "-c", code, str(policies)], capture_output=True, text=True, timeout=seconds, cwd=REPO_ROOT
    )


@pytest.mark.parametrize(
    ("relative", "old", "new", "below", "message"),
    BAD_INPUT,
    ids=["impossible-date", "deep-nesting", "alias-bomb", "bad-tag"],
)
def test_data_that_would_crash_or_hang_the_loader_is_one_line_within_seconds(
    policies, relative, old, new, below, message
):
    line = edit(policies, relative, old, new) + below
    started = time.monotonic()
    done = _check_in_a_process_of_its_own(policies, seconds=30)
    assert done.returncode == 0 and not done.stderr, done.stderr[-2000:]
    assert done.stdout.splitlines() == [f"{relative}:{line}: {message}"]
    assert time.monotonic() - started < 30


def test_a_date_written_without_quotes_is_read_as_the_text_the_schema_wants(policies):
    edit(policies, PREMIUMS, "  document: overzicht\n", "  document: overzicht\n  read_on: 2020-01-06\n")
    assert problems_of(policies) == []
