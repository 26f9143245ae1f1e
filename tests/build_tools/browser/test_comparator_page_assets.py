"""What the comparator page ships: the engine's wheel, the compiled runtime files, the form data."""

from __future__ import annotations

import json
import marshal
import zipfile
from pathlib import Path

import brotli
import pytest

import comparator
from build_tools.browser import (
    BAD_INPUT,
    FormDataError,
    RuntimeMismatch,
    article_links,
    brotli_sibling,
    build_wheel,
    compiled_stdlib,
    deflated,
    engine_workload,
    form_data,
    manifest_js,
    py_compile,
    text_siblings,
    trimmed_lock,
)

REPO = Path(__file__).resolve().parents[3]
RUNTIME = REPO / "node_modules" / "pyodide"
ENGINE_DATA = REPO / "comparator" / "data" / "policies-2020.json"
CATALOGUE = REPO / "policies" / "catalogue.yaml"
PAGE = REPO / "docs" / "vergelijker"

needs_runtime = pytest.mark.skipif(not RUNTIME.is_dir(), reason="npm ci has not installed node_modules/pyodide")


def test_wheel_is_reproducible_and_holds_the_engine_and_its_data(tmp_path):
    first = build_wheel(REPO / "comparator", tmp_path / "a", "1.2.3")
    second = build_wheel(REPO / "comparator", tmp_path / "b", "1.2.3")
    assert first.name == "comparator-1.2.3-py3-none-any.whl"
    assert first.read_bytes() == second.read_bytes()
    names = zipfile.ZipFile(first).namelist()
    assert {"comparator/__init__.py", "comparator/data/policies-2020.json"} <= set(names)
    assert "comparator-1.2.3.dist-info/RECORD" in names
    assert not any("__pycache__" in name for name in names)


def test_a_brotli_sibling_is_made_once_per_content(tmp_path):
    data = b"let runtime = 1;\n" * 1000
    sibling = brotli_sibling(tmp_path, "runtime.js", data)
    assert brotli.decompress(sibling) == data and len(sibling) < len(data) // 20
    (slot,) = tmp_path.glob("brotli-runtime.js-*")
    (slot / "runtime.js.br").write_bytes(b"kept")  # a second call reads the cache, not brotli
    assert brotli_sibling(tmp_path, "runtime.js", data) == b"kept"
    assert brotli.decompress(brotli_sibling(tmp_path, "runtime.js", data + b"2")) == data + b"2"


def lines_without_columns(pyc: bytes) -> bool:
    """Whether a .pyc's module code names its lines but no columns (compiled with -X no_debug_ranges)."""
    positions = list(marshal.loads(pyc[16:]).co_positions())  # after the 16-byte header
    return any(line for line, *_ in positions) and all(column is None for *_, column, _ in positions)


def test_text_siblings_are_written_for_scripts_stylesheets_and_json_over_1_kb(tmp_path):
    files = {
        "search/search_index.json": b'{"docs": []}' * 200,
        "app.js": b"let a = 1;\n" * 200,
        "site.css": b"a { color: red }\n" * 100,
        "tiny.js": b"let a = 1;\n",
        "index.html": b"<p>Hallo</p>\n" * 200,
        "runtime/big.js": b"let b = 2;\n" * 200,
    }
    for name, data in files.items():
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_bytes(data)
    assert text_siblings(tmp_path, skip=("runtime/",)) == 3
    siblings = sorted(path.relative_to(tmp_path).as_posix() for path in tmp_path.rglob("*.br"))
    assert siblings == ["app.js.br", "search/search_index.json.br", "site.css.br"]
    for name in siblings:
        assert brotli.decompress((tmp_path / name).read_bytes()) == files[name.removesuffix(".br")]


@needs_runtime
def test_py_compiled_wheel_holds_bytecode_only(tmp_path):
    compiled = py_compile(build_wheel(REPO / "comparator", tmp_path, "1.0"), RUNTIME)
    assert compiled.name.startswith("comparator-1.0-cp313-")
    names = zipfile.ZipFile(compiled).namelist()
    assert "comparator/__init__.pyc" in names
    assert not [name for name in names if name.endswith(".py")]
    assert lines_without_columns(zipfile.ZipFile(compiled).read("comparator/_engine.pyc"))


@needs_runtime
def test_compiled_stdlib_holds_the_kept_files_only(tmp_path):
    archive = zipfile.ZipFile(compiled_stdlib(RUNTIME, tmp_path, keep=["json/__init__.py", "decimal.py"]))
    infos = archive.infolist()
    assert sorted(info.filename for info in infos) == ["decimal.pyc", "json/__init__.pyc"]
    assert {info.compress_type for info in infos} == {zipfile.ZIP_STORED}  # the host compresses the whole
    assert lines_without_columns(archive.read("json/__init__.pyc"))


@needs_runtime
def test_the_deflated_copy_holds_the_same_files(tmp_path):
    stored = zipfile.ZipFile(compiled_stdlib(RUNTIME, tmp_path / "stored", keep=["json/__init__.py", "decimal.py"]))
    copy = zipfile.ZipFile(deflated(Path(stored.filename), tmp_path / "deflated"))
    assert [(i.filename, i.date_time) for i in copy.infolist()] == [
        (i.filename, i.date_time) for i in stored.infolist()
    ]
    assert all(copy.read(name) == stored.read(name) for name in stored.namelist())
    assert {info.compress_type for info in copy.infolist()} == {zipfile.ZIP_DEFLATED}


@needs_runtime
def test_a_kept_file_the_runtime_lacks_is_named(tmp_path):
    with pytest.raises(RuntimeMismatch, match=r"lacks traced files: nonesuch\.py"):
        compiled_stdlib(RUNTIME, tmp_path, keep=["json/__init__.py", "nonesuch.py"])


def test_the_workload_holds_the_personas_the_scenarios_and_bad_input():
    workload = json.loads(engine_workload(PAGE / "personas.json", REPO / "tests" / "scenarios"))
    personas = json.loads((PAGE / "personas.json").read_text(encoding="utf-8"))["personas"]
    assert json.loads(workload["compare"][0]) == personas[0]["profile"]
    assert len(workload["compare"]) >= len(personas) + 90 + len(BAD_INPUT)
    assert workload["compare"][-len(BAD_INPUT) :] == list(BAD_INPUT)
    assert {limit for _, limit in workload["best"]} >= {3}
    assert [json.loads(workload["answer"][0][0]), workload["answer"][0][1]] == [personas[0]["profile"], "null"]
    assert {line for _, line in workload["answer"]} >= {"[0, 0]", "[1, 0]", "null"}
    assert any('"chance"' in text for text, _ in workload["answer"])  # risk's path is traced too


def test_compiling_for_another_python_is_refused(tmp_path):
    runtime = tmp_path / "runtime"
    runtime.mkdir()
    (runtime / "pyodide-lock.json").write_text(json.dumps({"info": {"python": "3.99.0"}, "packages": {}}))
    with pytest.raises(RuntimeMismatch, match=r"Python 3\.99"):
        py_compile(tmp_path / "x.whl", runtime)


@needs_runtime
def test_trimmed_lock_keeps_the_runtime_info_only():
    lock = json.loads(trimmed_lock(RUNTIME))
    assert lock["packages"] == {}
    assert lock["info"] == json.loads((RUNTIME / "pyodide-lock.json").read_text())["info"]


def test_form_data_derives_the_extra_fields_from_the_rules():
    data = form_data(ENGINE_DATA, CATALOGUE, PAGE)
    care = {item["id"]: item for item in data["care"]}
    engine = json.loads(ENGINE_DATA.read_text(encoding="utf-8"))
    assert set(care) == set(engine["catalogue"])
    assert care["plaswekker"]["contracted"] and care["fysiotherapie"]["contracted"]
    assert not care["bril-lenzen"]["contracted"]
    assert care["bril-lenzen"]["earlier"] and care["orthodontie"]["earlier"]
    assert not care["fysiotherapie"]["earlier"]
    assert all(item["typical"]["price"] >= 0 and item["keywords"] is not None for item in data["care"])
    assert [p["id"] for p in data["av"]] == ["primair", "royaal", "ideaal", "optimaal", "excellent"]
    assert {"av": "ideaal", "dental": None} in data["defaults"]
    assert len(data["personas"]) >= 6


def test_every_article_the_engine_names_has_a_link():
    engine = json.loads(ENGINE_DATA.read_text(encoding="utf-8"))
    links = article_links(engine)
    assert links["3.4"] == ("voorwaarden/primair/", "art-3-4")
    assert links["8@royaal"][0] == links["8"][0]
    for kind in engine["packages"].values():
        for package in kind.values():
            assert package["chapter"] in links
            assert all(benefit["article"] in links for benefit in package["benefits"].values())


def test_every_persona_carries_the_engines_answer_in_both_languages():
    data = form_data(ENGINE_DATA, CATALOGUE, PAGE)
    assert len(data["personas"]) == 6
    for persona in data["personas"]:
        profile = json.dumps(persona["profile"])
        assert persona["answer"] == json.loads(comparator.answer_json(profile))
        english = json.loads(comparator.answer_json(json.dumps({**persona["profile"], "lang": "en"})))
        assert persona["answer_en"] == english
        assert (
            persona["answer_en"]["result"]["results"] != persona["answer"]["result"]["results"]
        )  # explained in English
        figures = [(r["reimbursed"], r["out_of_pocket"]) for r in persona["answer"]["result"]["results"]]
        assert figures == [(r["reimbursed"], r["out_of_pocket"]) for r in english["result"]["results"]]


def test_a_persona_the_engine_rejects_fails_the_build(tmp_path):
    (tmp_path / "prijsindicaties.json").write_text((PAGE / "prijsindicaties.json").read_text(encoding="utf-8"))
    persona = {"id": "te-oud", "title": "x", "summary": "x", "profile": {"persons": [{"age": 300}]}}
    (tmp_path / "personas.json").write_text(json.dumps({"personas": [persona]}))
    with pytest.raises(FormDataError, match=r"te-oud.*persons\[0\]\.age"):
        form_data(ENGINE_DATA, CATALOGUE, tmp_path)


def test_manifest_names_files_by_content():
    one = manifest_js({"wheel": ("engine.whl", b"a")})
    assert one.startswith("// Generated") and '"wheel": "engine.whl?v=' in one
    assert one != manifest_js({"wheel": ("engine.whl", b"b")})
