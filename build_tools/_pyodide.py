"""The Pyodide runtime the comparator self-hosts, prepared for the site.

From the pinned npm `pyodide` package (node_modules/pyodide) only the files a start needs are
shipped: the loader, the Emscripten module, the wasm binary, the standard library cut to the
files the runtime's start and the engine's whole workload import (traced under Node at build
time by `stdlib_imports`, so a new import in the engine ships its module) and compiled to .pyc
(`stdLibURL`: a start without compiling the stdlib's sources in the browser), and a lock file
reduced to its `info` (the engine needs no package from the lock file, so the 120 KB full one is
not fetched). `pyodide py-compile` (pyodide-build) compiles with this interpreter, so its minor
version must be the runtime's."""

from __future__ import annotations

import hashlib
import json
import py_compile as bytecode
import shutil
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path

import yaml

__all__ = [
    "BAD_INPUT",
    "BEST_LIMITS",
    "RUNTIME_FILES",
    "RuntimeMismatch",
    "cached",
    "compiled_stdlib",
    "engine_workload",
    "py_compile",
    "runtime_info",
    "stdlib_imports",
    "trimmed_lock",
]

RUNTIME_FILES = ("pyodide.asm.js", "pyodide.asm.wasm", "pyodide.mjs")
_EPOCH = (2020, 1, 1, 0, 0, 0)

# Input that takes the engine's error paths (with the personas and the scenario suite, the
# workload whose imports decide the shipped standard library).
BAD_INPUT = (
    "not json",
    '{"persons": []}',
    '{"persons": [{"age": 30, "care": [{"id": "onbekend", "price": 10}]}]}',
    '{"persons": [{"age": 30, "care": [{"id": "fysiotherapie", "price": NaN}]}]}',
    '{"persons": [{"age": 1e999999999}]}',
    '{"persons": [{"age": 30, "name": "\\ud800"}]}',
    "[" * 100_000 + "]" * 100_000,
)
BEST_LIMITS = (3, 10)  # the page asks for 3 best plans; 10 is the CLI's default


class RuntimeMismatch(RuntimeError):
    """This interpreter cannot compile for the runtime (different Python minor version)."""


def runtime_info(runtime: Path) -> dict:
    """The `info` of the runtime's lock file: Pyodide's Python version, ABI and platform."""
    return json.loads((runtime / "pyodide-lock.json").read_text(encoding="utf-8"))["info"]


def trimmed_lock(runtime: Path) -> bytes:
    """A lock file with the runtime's `info` and no packages."""
    return json.dumps({"info": runtime_info(runtime), "packages": {}}, sort_keys=True).encode()


def _check_python(runtime: Path) -> None:
    wanted = tuple(int(part) for part in runtime_info(runtime)["python"].split(".")[:2])
    if sys.version_info[:2] != wanted:
        have = ".".join(map(str, sys.version_info[:2]))
        raise RuntimeMismatch(
            f"Pyodide in {runtime} runs Python {'.'.join(map(str, wanted))}; .pyc files compiled by "
            f"Python {have} would not load there. Build with the project's .venv (make build)."
        )


def py_compile(archive: Path, runtime: Path) -> Path:
    """Compile the .py files in a wheel or zip to .pyc with `pyodide py-compile`; returns the new path.

    A wheel's name gets the interpreter tag (`-py3-none-any` becomes `-cp313-none-any`); a zip
    keeps its name.
    """
    _check_python(runtime)
    before = set(archive.parent.iterdir())
    command = [sys.executable, "-m", "pyodide_cli", "py-compile", "--silent", "--no-keep", str(archive)]
    subprocess.run(command, check=True, capture_output=True)
    if archive.suffix == ".zip":
        return archive
    (created,) = set(archive.parent.iterdir()) - before
    return created


def engine_workload(personas: Path, scenarios: Path) -> bytes:
    """{"compare": [...], "best": [...], "answer": [...]} as JSON: every persona (compare,
    best_plans at each of BEST_LIMITS, answer_json without and with each of its lines' "wat als?"),
    every profile of the scenario suite (scenarios/*.yaml; compare and answer_json) and BAD_INPUT."""
    profiles = [persona["profile"] for persona in json.loads(personas.read_text(encoding="utf-8"))["personas"]]
    texts = [json.dumps(profile, ensure_ascii=False) for profile in profiles]
    for path in sorted(scenarios.glob("*.yaml")):
        cases = yaml.safe_load(path.read_text(encoding="utf-8")) or []
        texts += [json.dumps(case["profile"], ensure_ascii=False) for case in cases if "profile" in case]
    best = [[text, limit] for text in texts[: len(profiles)] for limit in BEST_LIMITS]
    what_ifs = [
        [json.dumps(profile, ensure_ascii=False), json.dumps([person, line])]
        for profile in profiles
        for person, lines in enumerate(profile["persons"])
        for line in range(len(lines.get("care", [])))
    ]
    answers = [*([text, "null"] for text in texts), *what_ifs, [BAD_INPUT[0], "null"], [texts[0], "[99, 0]"]]
    return json.dumps({"compare": [*texts, *BAD_INPUT], "best": [*best, [BAD_INPUT[0], 3]], "answer": answers}).encode()


def _node() -> str:
    node = shutil.which("node")
    if node is None:
        raise RuntimeMismatch("Node is needed to build the comparator's runtime files (it comes with npm)")
    return node


def stdlib_imports(runtime: Path, wheel: Path, workload: bytes, work: Path) -> Path:
    """`imports.json`: the archive names of the standard-library files a start, unpacking `wheel`
    and the engine's `workload` (engine_workload) import under Node (_pyodide_trace.mjs)."""
    work.mkdir(parents=True, exist_ok=True)
    (work / "workload.json").write_bytes(workload)
    target = work / "imports.json"
    script = Path(__file__).with_name("_pyodide_trace.mjs")
    command = [_node(), str(script), str(runtime), str(runtime / "python_stdlib.zip"), str(wheel)]
    done = subprocess.run([*command, str(work / "workload.json"), str(target)], capture_output=True, text=True)
    if done.returncode:
        raise RuntimeMismatch(f"tracing the engine's imports failed:\n{done.stderr.strip()[-2000:]}")
    return target


def compiled_stdlib(runtime: Path, work: Path, keep: list[str]) -> Path:
    """python_stdlib.zip with only the files `keep` names, compiled to .pyc, written into `work`.

    Compiled without docstrings and asserts (optimize=2, as `python -OO`: 17% fewer bytes to
    download; zipimport loads a .pyc whatever its optimisation) and with unchecked hashes instead
    of timestamps (no source ships beside them), so the same files give the same bytes."""
    _check_python(runtime)
    source = runtime / "python_stdlib.zip"
    with zipfile.ZipFile(source) as zin:
        missing = sorted(set(keep) - set(zin.namelist()))
        if missing:
            raise RuntimeMismatch(f"the runtime's python_stdlib.zip lacks traced files: {', '.join(missing)}")
        work.mkdir(parents=True, exist_ok=True)
        target = work / "python_stdlib.zip"
        with zipfile.ZipFile(target, "w") as zout, tempfile.TemporaryDirectory() as temp:
            module, compiled = Path(temp) / "module.py", Path(temp) / "module.pyc"
            for name in sorted(keep):
                module.write_bytes(zin.read(name))
                invalidation = bytecode.PycInvalidationMode.UNCHECKED_HASH
                bytecode.compile(
                    str(module), str(compiled), dfile=name, doraise=True, optimize=2, invalidation_mode=invalidation
                )
                info = zipfile.ZipInfo(name + "c", date_time=_EPOCH)
                info.compress_type = zipfile.ZIP_DEFLATED
                zout.writestr(info, compiled.read_bytes(), compresslevel=9)
    return target


def cached(cache: Path, kind: str, inputs: list[bytes], make, keep: int = 3) -> Path:
    """The single file `make(workdir)` writes, cached under `kind` and a hash of `inputs` and this
    interpreter; of each kind only the `keep` most recently made are kept."""
    key = hashlib.sha256()
    for part in [sys.version.encode(), *inputs]:
        key.update(hashlib.sha256(part).digest())
    slot = cache / f"{kind}-{key.hexdigest()[:16]}"
    done = slot / "done"
    if done.is_file():
        return slot / done.read_text(encoding="utf-8")
    shutil.rmtree(slot, ignore_errors=True)
    work = slot / "work"
    result = make(work)
    final = slot / result.name
    result.replace(final)
    shutil.rmtree(work, ignore_errors=True)
    done.write_text(final.name, encoding="utf-8")
    made = sorted(cache.glob(f"{kind}-*/done"), key=lambda path: path.stat().st_mtime, reverse=True)
    for old in made[keep:]:
        shutil.rmtree(old.parent, ignore_errors=True)
    return final
