"""CPython/Pyodide parity: every scenario profile gives byte-identical result JSON in both.

The scenario profiles (tests/scenarios/*.yaml) and a few bad profiles run through
`comparator.compare_json`, and the comparator page's personas (docs/vergelijker/personas.json)
through `comparator.best_plans_json` and `comparator.answer_json` (with each of their care lines'
"wat als?", and with every line uncertain for `risk`), here and inside real Pyodide under Node
(npm `pyodide`, pinned in package-lock.json), in one Node run because Pyodide takes seconds to
start. Pyodide runs with the standard library the site ships, cut to what the engine's workload
imports (build_tools/browser/_trace.py, traced at build time): a module the cut left out fails an
import here.
"""

from __future__ import annotations

import itertools
import json
import shutil
import subprocess
import zipfile
from pathlib import Path

import pytest
from scenario_plugin import load_all_cases

from build_tools.hooks.comparator_assets import engine_files
from comparator import answer_json, best_plans_json, compare_json

REPO = Path(__file__).resolve().parent.parent
SCRIPT = Path(__file__).resolve().parent / "pyodide_compare.mjs"
PERSONAS = REPO / "docs" / "vergelijker" / "personas.json"

# Invalid input must fail the same way too (compare_json returns {"error": ...}).
BAD_PROFILES = [
    "not json",
    '{"persons": []}',
    '{"persons": [{"age": 30, "care": [{"id": "fysiotherapie", "price": NaN}]}]}',
    '{"persons": [{"age": 30, "care": [{"id": "fysiotherapie", "price": 10.001}]}]}',
    '{"persons": [{"age": 30, "care": [{"id": "tandarts", "price": 100, "count": 1e400}]}]}',
    # Beyond what Decimal holds in Pyodide's 32-bit build (not in 64-bit CPython): named alike.
    '{"persons": [{"age": 1e999999999}]}',
    # Pyodide's stack gives out on deep JSON (a fatal error); the engine refuses it first.
    "[" * 100_000 + "]" * 100_000,
    '{"persons": [{"age": 30, "name": "\\ud800"}]}',
]


def _profiles() -> list[tuple[str, str]]:
    cases = [(case["name"], json.dumps(case["profile"], ensure_ascii=False)) for _, case in load_all_cases()]
    return cases + [(f"bad profile {text!r}", text) for text in BAD_PROFILES]


def _best_plans_inputs() -> list[tuple[str, str, int]]:
    """(name, profile JSON, limit): every persona at the default limit and at 50, plus edge cases."""
    personas = json.loads(PERSONAS.read_text(encoding="utf-8"))["personas"]
    inputs = [
        (f"persona {persona['id']}, limit {limit}", json.dumps(persona["profile"], ensure_ascii=False), limit)
        for persona in personas
        for limit in (10, 50)
    ]
    return inputs + [
        ("no adult", '{"persons": [{"age": 7, "care": [{"id": "bril-lenzen", "price": 90}]}]}', 10),
        ("Optimaal with a premium", '{"persons": [{"age": 40}, {"age": 13}], "premiums": {"av": {"optimaal": 12}}}', 5),
        ("limit 0", '{"persons": [{"age": 40}]}', 0),
        ("bad profile", '{"persons": [{"age": 40}, {"age": 3}], "packages": [{"persons": [null, null]}]}', 3),
    ]


def _answer_inputs() -> list[tuple[str, str, str]]:
    """(name, profile JSON, what-if line JSON): every persona without a chart and with each of its lines."""
    personas = json.loads(PERSONAS.read_text(encoding="utf-8"))["personas"]
    inputs = []
    for persona in personas:
        text = json.dumps(persona["profile"], ensure_ascii=False)
        lines = [
            json.dumps([p, i])
            for p, person in enumerate(persona["profile"]["persons"])
            for i in range(len(person["care"]))
        ]
        inputs += [(f"persona {persona['id']}, what if {line}", text, line) for line in ["null", *lines]]
        # Every line uncertain, at chances from 10% up: the answer adds `risk`.
        uncertain = json.loads(text)
        chances = itertools.cycle([0.1, 0.25, 0.5, 0.75, 0.99])
        for person in uncertain["persons"]:
            person["care"] = [dict(line, chance=next(chances)) for line in person["care"]]
        inputs.append((f"persona {persona['id']}, uncertain", json.dumps(uncertain, ensure_ascii=False), "null"))
    return inputs


@pytest.fixture(scope="module")
def in_pyodide(tmp_path_factory) -> dict:
    """{"results": compare's texts for _profiles(), "best": best_plans' for _best_plans_inputs(),
    both in Pyodide with the cut standard library, "modules": its sys.modules after, "stdlib": the
    names in the library it ran with}."""
    node = shutil.which("node")
    if node is None:
        pytest.fail("node is not on PATH; the parity test needs Node 20 (deselect with -m 'not pyodide')")
    if not (REPO / "node_modules" / "pyodide" / "package.json").is_file():
        pytest.fail("node_modules/pyodide is missing; run `npm ci` (or `make setup`)")
    inputs = tmp_path_factory.mktemp("parity") / "profiles.json"
    compare_inputs = [text for _, text in _profiles()]
    best_inputs = [[text, limit] for _, text, limit in _best_plans_inputs()]
    answer_inputs = [[text, line] for _, text, line in _answer_inputs()]
    inputs.write_text(
        json.dumps({"compare": compare_inputs, "best": best_inputs, "answer": answer_inputs}, ensure_ascii=False),
        encoding="utf-8",
    )
    run = subprocess.run(
        [node, str(SCRIPT), str(REPO), str(inputs), str(engine_files()[1])],
        cwd=REPO,
        capture_output=True,
        timeout=600,
        check=False,
    )
    assert run.returncode == 0, f"Pyodide run failed (exit {run.returncode}):\n{run.stderr.decode(errors='replace')}"
    return json.loads(run.stdout.decode("utf-8"))


@pytest.mark.pyodide
def test_pyodide_results_are_byte_identical_to_cpython(in_pyodide):
    profiles = _profiles()
    assert len(profiles) >= 90 + len(BAD_PROFILES)
    assert len(in_pyodide["results"]) == len(profiles)
    different = [
        f"{name}\n  CPython: {mine}\n  Pyodide: {theirs}"
        for (name, text), theirs in zip(profiles, in_pyodide["results"], strict=True)
        if (mine := compare_json(text)).encode("utf-8") != theirs.encode("utf-8")
    ]
    assert not different, f"{len(different)} of {len(profiles)} profiles differ:\n" + "\n".join(different[:10])


@pytest.mark.pyodide
def test_pyodide_best_plans_are_byte_identical_to_cpython(in_pyodide):
    inputs = _best_plans_inputs()
    assert len(in_pyodide["best"]) == len(inputs)
    answers = [json.loads(text) for text in in_pyodide["best"]]
    assert sum("error" in answer for answer in answers) == 2  # the last two inputs; the others have plans
    assert all(answer["plans"] for answer in answers[:-2])
    different = [
        f"{name}\n  CPython: {mine}\n  Pyodide: {theirs}"
        for (name, text, limit), theirs in zip(inputs, in_pyodide["best"], strict=True)
        if (mine := best_plans_json(text, limit)).encode("utf-8") != theirs.encode("utf-8")
    ]
    assert not different, f"{len(different)} of {len(inputs)} inputs differ:\n" + "\n".join(different[:10])


@pytest.mark.pyodide
def test_pyodide_answers_are_byte_identical_to_cpython(in_pyodide):
    inputs = _answer_inputs()
    assert len(in_pyodide["answers"]) == len(inputs) > 20
    uncertain = [
        json.loads(theirs)
        for (name, _, _), theirs in zip(inputs, in_pyodide["answers"], strict=True)
        if name.endswith("uncertain")
    ]
    assert uncertain and all(answer["risk"]["plans"] for answer in uncertain)
    different = [
        f"{name}\n  CPython: {mine}\n  Pyodide: {theirs}"
        for (name, text, line), theirs in zip(inputs, in_pyodide["answers"], strict=True)
        if (mine := answer_json(text, line)).encode("utf-8") != theirs.encode("utf-8")
    ]
    assert not different, f"{len(different)} of {len(inputs)} inputs differ:\n" + "\n".join(different[:10])


@pytest.mark.pyodide
def test_pyodide_ran_with_the_cut_standard_library(in_pyodide):
    shipped = zipfile.ZipFile(engine_files()[1]).namelist()
    assert sorted(in_pyodide["stdlib"]) == sorted(shipped)
    assert {"json/__init__.pyc", "decimal.pyc", "dataclasses.pyc"} <= set(shipped)
    assert "unittest/__init__.pyc" not in shipped and "email/__init__.pyc" not in shipped
    assert {"json", "decimal", "dataclasses", "comparator"} <= set(in_pyodide["modules"])
