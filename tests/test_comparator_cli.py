"""`python -m comparator`: exit codes, nothing on stdout on error, exactly one stderr line naming the field."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from build_tools import REPO_ROOT

GOOD = {"persons": [{"age": 34, "care": [{"id": "fysiotherapie", "count": 12, "price": 35}]}]}


def run(args: list[str], stdin: str | None = None) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "comparator", *args], input=stdin, capture_output=True, text=True, cwd=REPO_ROOT
    )


def test_a_profile_file_gives_the_result_on_stdout_and_exit_0(tmp_path):
    profile = tmp_path / "profile.json"
    profile.write_text(json.dumps(GOOD), encoding="utf-8")
    done = run([str(profile)])
    assert done.returncode == 0 and done.stderr == ""
    result = json.loads(done.stdout)
    assert [r["av"] for r in result["results"]] == ["primair", "royaal", "ideaal", "optimaal", "excellent"]
    assert result["results"][0]["persons"][0]["lines"][0]["reimbursed"] == 210.0


def test_standard_input_gives_the_same_result(tmp_path):
    profile = tmp_path / "profile.json"
    profile.write_text(json.dumps(GOOD), encoding="utf-8")
    assert run(["-"], json.dumps(GOOD)).stdout == run([str(profile)]).stdout


@pytest.mark.parametrize(
    ("profile", "field"),
    [
        (
            '{"persons": [{"age": 34, "care": [{"id": "fysiotherapie", "count": -3, "price": 35}]}]}',
            "persons[0].care[0].count: must be a whole number from 1 to 366, got -3",
        ),
        ('{"persons": [{"age": 34, "care": [{"id": "fysio", "price": 35}]}]}', "persons[0].care[0].id:"),
        ('{"persons": [{"age": 34, "care": [{"id": "bril-lenzen", "price": 35.001}]}]}', "persons[0].care[0].price:"),
        ('{"persons": [{"age": 34, "care": [{"id": "bril-lenzen", "price": NaN}]}]}', "persons[0].care[0].price:"),
        ('{"persons": [{"age": 34, "care": [{"id": "bril-lenzen", "price": Infinity}]}]}', "persons[0].care[0].price:"),
        ('{"persons": [{"age": 34, "care": [{"id": "bril-lenzen", "price": "35"}]}]}', "persons[0].care[0].price:"),
        ('{"persons": [{"age": 34, "care": [{"id": "bril-lenzen", "price": true}]}]}', "persons[0].care[0].price:"),
        (
            '{"persons": [{"age": 34, "care": [{"id": "bril-lenzen", "price": 1000000.01}]}]}',
            "persons[0].care[0].price:",
        ),
        (
            '{"persons": [{"age": 34, "care": [{"id": "fysiotherapie", "count": 367, "price": 1}]}]}',
            "persons[0].care[0].count:",
        ),
        (
            '{"persons": [{"age": 34, "care": [{"id": "fysiotherapie", "count": 2.5, "price": 1}]}]}',
            "persons[0].care[0].count:",
        ),
        ('{"persons": [{"age": 34, "care": [{"id": "fysiotherapie", "prijs": 1}]}]}', "persons[0].care[0].prijs:"),
        ('{"persons": [{"age": 121}]}', "persons[0].age:"),
        ('{"persons": [{"age": 30, "sex": "x"}]}', "persons[0].sex:"),
        ('{"persons": [{"age": 30, "name": "' + "x" * 61 + '"}]}', "persons[0].name:"),
        ('{"persons": []}', "persons:"),
        ('{"persons": [' + ",".join(['{"age": 1}'] * 11) + "]}", "persons:"),
        ('{"year": 2021, "persons": [{"age": 30}]}', "year:"),
        ('{"persons": [{"age": 30}], "packages": [{"av": "goud"}]}', "packages[0].av:"),
        ('{"persons": [{"age": 30}], "packages": [{"av": "ideaal", "dental": "ideaal"}]}', "packages[0].dental:"),
        ('{"persons": [{"age": 30}], "premiums": {"av": {"primair": -1}}}', "premiums.av.primair:"),
        ('{"persons": [{"age": 30}], "extra": 1}', "extra:"),
        ("[1, 2]", "profile:"),
        ("{not json", "profile: not valid JSON"),
    ],
)
def test_bad_input_exits_2_with_one_line_naming_the_field(profile, field):
    done = run(["-"], profile)
    assert done.returncode == 2
    assert done.stdout == ""
    lines = done.stderr.splitlines()
    assert len(lines) == 1, done.stderr
    assert lines[0].startswith(field), lines[0]
    assert "Traceback" not in done.stderr


def test_a_missing_file_exits_2_with_one_line(tmp_path):
    done = run([str(tmp_path / "nope.json")])
    assert done.returncode == 2 and done.stdout == "" and len(done.stderr.splitlines()) == 1


def test_no_argument_prints_usage_and_exits_2():
    done = run([])
    assert done.returncode == 2 and "usage" in done.stderr
