"""The engine's JSON is compiled from policies/ and must not go stale."""

from __future__ import annotations

import json
import shutil

from build_tools import REPO_ROOT, check_policies
from build_tools.data import ENGINE_DATA, compile_engine_data, engine_data_json, stale_engine_data


def test_the_shipped_engine_json_matches_the_yaml():
    files, report = check_policies(REPO_ROOT / "policies")
    assert not report.problems
    assert ENGINE_DATA.read_text(encoding="utf-8") == engine_data_json(files), (
        "comparator/data/policies-2020.json is stale: run 'python -m build_tools compile'"
    )


def test_amounts_travel_as_exact_decimal_strings_and_every_catalogue_id_is_there():
    files, _report = check_policies(REPO_ROOT / "policies")
    data = compile_engine_data(files)
    assert set(data["packages"]["av"]) == {"primair", "royaal", "ideaal", "optimaal", "excellent"}
    assert set(data["packages"]["dental"]) == {"primair", "royaal", "optimaal", "excellent"}
    assert data["premiums"]["av"]["primair"] == "8.9" and data["premiums"]["av"]["optimaal"] is None
    assert data["catalogue"]["tandarts"]["kind"] == "dental" and data["catalogue"]["fysiotherapie"]["kind"] == "av"
    assert "float" not in json.dumps(data)
    fysio = data["packages"]["av"]["primair"]["benefits"]["fysiotherapie"]["rules"][0]["limits"][0]
    assert fysio == {"count": 6, "unit": "behandeling", "period": "calendar_year"}


def test_engine_json_not_compiled_from_the_yaml_is_a_problem_naming_the_file(tmp_path):
    shutil.copytree(REPO_ROOT / "policies", tmp_path / "policies")
    catalogue = tmp_path / "policies" / "catalogue.yaml"
    catalogue.write_text(catalogue.read_text(encoding="utf-8").replace("title: Plaswekker", "title: Wekker"))
    files, report = check_policies(tmp_path / "policies")
    assert not report.problems
    assert str(stale_engine_data(files)) == (
        "comparator/data/policies-2020.json:1: stale: run 'python -m build_tools compile'"
    )
    fresh = tmp_path / "policies-2020.json"
    fresh.write_text(engine_data_json(files), encoding="utf-8")
    assert stale_engine_data(files, fresh) is None
