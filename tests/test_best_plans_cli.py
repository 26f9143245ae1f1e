"""`python -m comparator --best PROFILE.json [--limit N]`: the plans on stdout and exit 0, or exit 2
with one line on stderr (comparator contract, "Best plans")."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from build_tools import REPO_ROOT
from comparator import best_plans

FAMILY = {
    "persons": [
        {"name": "Mark", "age": 42},
        {"name": "Lisa", "age": 40, "care": [{"id": "tandarts", "price": 450}]},
        {"name": "Noor", "age": 13, "care": [{"id": "orthodontie", "price": 2500}]},
    ]
}


def run(args: list[str], stdin: str | None = None) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "comparator", *args], input=stdin, capture_output=True, text=True, cwd=REPO_ROOT
    )


@pytest.fixture
def family(tmp_path) -> str:
    path = tmp_path / "family.json"
    path.write_text(json.dumps(FAMILY), encoding="utf-8")
    return str(path)


def test_best_prints_the_10_cheapest_plans_by_default(family):
    done = run(["--best", family])
    assert done.returncode == 0 and done.stderr == ""
    assert json.loads(done.stdout) == best_plans(FAMILY)
    assert len(json.loads(done.stdout)["plans"]) == 10


def test_limit_sets_the_number_of_plans_and_standard_input_works_too(family):
    done = run(["--best", "-", "--limit", "3"], json.dumps(FAMILY))
    assert done.returncode == 0 and json.loads(done.stdout) == best_plans(FAMILY, 3)
    assert run(["--limit", "3", "--best", family]).stdout == done.stdout


@pytest.mark.parametrize(
    ("args", "line"),
    [
        (["--best", "FAMILY", "--limit", "0"], "limit: must be a whole number from 1 to 50, got 0"),
        (["--best", "FAMILY", "--limit", "51"], "limit: must be a whole number from 1 to 50, got 51"),
        (["--best", "FAMILY", "--limit", "-2"], "limit: must be a whole number from 1 to 50, got -2"),
        (["--best", "FAMILY", "--limit", "drie"], 'limit: must be a whole number from 1 to 50, got "drie"'),
        (["--best", "FAMILY", "--limit", "2.5"], 'limit: must be a whole number from 1 to 50, got "2.5"'),
        (["--best", "FAMILY", "--limit"], "usage: "),
        (["FAMILY", "--limit", "3"], "usage: "),
        (["--best"], "usage: "),
        (["--best", "FAMILY", "FAMILY"], "usage: "),
        (["--best", "--all", "FAMILY"], "usage: "),
    ],
)
def test_bad_arguments_exit_2_with_one_line(family, args, line):
    done = run([family if arg == "FAMILY" else arg for arg in args])
    assert done.returncode == 2 and done.stdout == ""
    assert len(done.stderr.splitlines()) == 1 and done.stderr.startswith(line), done.stderr


def test_a_bad_profile_with_best_exits_2_with_one_line_naming_the_field():
    profile = dict(FAMILY, packages=[{"persons": [{"av": "primair"}, {"av": None}, {"av": "primair"}]}])
    done = run(["--best", "-"], json.dumps(profile))
    assert done.returncode == 2 and done.stdout == ""
    assert done.stderr == "packages[0].persons[2]: a child under 18 follows art. 1.2.2; give null\n"
