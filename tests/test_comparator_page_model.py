"""The form's validation (docs/javascripts/comparator/model.js) mirrors the engine's rules: whatever
it lets through, the CPython engine accepts, and the edge values on both sides of each limit are
judged alike. model.js runs under Node (it uses no browser API)."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest

import comparator
from build_tools.browser import form_data

REPO = Path(__file__).resolve().parent.parent
MODEL = REPO / "docs" / "javascripts" / "comparator" / "model.js"
RUNNER = """
import { readFileSync } from "node:fs";
import { validate, parseEuros, stateFromProfile } from "MODEL";
const { data, states, texts, profiles } = JSON.parse(readFileSync(0, "utf8"));
const checked = states.map((state) => {
  const { profile, errors } = validate(state, data);
  return { profile, errors: [...errors.keys()] };
});
const euros = texts.map((text) => { const n = parseEuros(text); return Number.isNaN(n) ? null : n; });
const restored = profiles.map((profile) => validate(stateFromProfile(profile, data), data).profile);
process.stdout.write(JSON.stringify({ checked, euros, restored }));
"""

pytestmark = pytest.mark.skipif(shutil.which("node") is None, reason="needs Node")


def run_model(data, states=(), texts=(), profiles=()):
    script = RUNNER.replace("MODEL", MODEL.as_uri())
    payload = json.dumps({"data": data, "states": list(states), "texts": list(texts), "profiles": list(profiles)})
    done = subprocess.run(
        ["node", "--input-type=module", "-e", script], input=payload, capture_output=True, text=True, check=True
    )
    return json.loads(done.stdout)


@pytest.fixture(scope="module")
def data():
    return form_data(
        REPO / "comparator" / "data" / "policies-2020.json",
        REPO / "policies" / "catalogue.yaml",
        REPO / "docs" / "vergelijker",
    )


def state(age="40", name="", count="1", price="35", earlier="", care_id="fysiotherapie", premium=""):
    line = {"id": care_id, "count": count, "price": price, "contracted": True, "earlier": earlier, "earlierCount": ""}
    return {
        "persons": [{"name": name, "age": age, "sex": "", "care": [line]}],
        "packages": [{"av": "primair", "dental": "primair"}, {"av": "ideaal", "dental": ""}],
        "premiums": {"av": {"optimaal": premium}, "dental": {}},
    }


EDGES = [
    # (field, value, valid for the engine)
    ("age", "0", True),
    ("age", "120", True),
    ("age", "121", False),
    ("age", "-1", False),
    ("age", "30.5", False),
    ("age", "", False),
    ("name", "x" * 60, True),
    ("name", "x" * 61, False),
    ("name", "é" * 60, True),
    ("count", "1", True),
    ("count", "366", True),
    ("count", "367", False),
    ("count", "0", False),
    ("price", "0", True),
    ("price", "1000000", True),
    ("price", "1.000.000", True),
    ("price", "1000000,01", False),
    ("price", "12,345", False),
    ("price", "12,34", True),
    ("price", "€ 40", True),
    ("price", "-5", False),
    ("price", "abc", False),
    ("premium", "", True),
    ("premium", "59,90", True),
    ("premium", "5,999", False),
]


def test_the_form_judges_edge_values_as_the_engine_does(data):
    states = [state(**{field: value}) for field, value, _ in EDGES]
    results = run_model(data, states=states)["checked"]
    for (field, value, valid), result in zip(EDGES, results, strict=True):
        assert (result["profile"] is not None) == valid, (field, value, result["errors"])
        if valid:
            comparator.compare(result["profile"])  # raises ProfileError if the form let bad input through


def test_euro_amounts_as_people_type_them(data):
    texts = ["35", "35,5", "35.50", "1.250,50", "2.800", "€ 1.135,-", "0,005", "", " 7 "]
    assert run_model(data, texts=texts)["euros"] == [35, 35.5, 35.5, 1250.5, 2800, None, None, None, 7]


def test_every_persona_survives_the_form_unchanged(data):
    profiles = [persona["profile"] for persona in data["personas"]]
    restored = run_model(data, profiles=profiles)["restored"]
    for profile, again in zip(profiles, restored, strict=True):
        assert comparator.compare(again) == comparator.compare(profile)
