"""What the engine imports: its whole workload (the personas, the scenario suite and bad input) run
under Pyodide in Node by _trace.mjs, which lists the standard-library files that a start and that
workload import. The standard library shipped to the browser holds those files only (_stdlib.py),
so a new import in the engine ships its module without a hand list."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import yaml

from ._runtime import RuntimeMismatch

__all__ = ["BAD_INPUT", "BEST_LIMITS", "TRACE_SCRIPT", "engine_workload", "stdlib_imports"]

TRACE_SCRIPT = Path(__file__).with_name("_trace.mjs")

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


def engine_workload(personas: Path, scenarios: Path) -> bytes:
    """{"compare": [...], "best": [...], "answer": [...]} as JSON: every persona (compare,
    best_plans at each of BEST_LIMITS, answer_json without and with each of its lines' "wat als?",
    and with its lines uncertain, for `risk`), every profile of the scenario suite
    (scenarios/*.yaml; compare and answer_json) and BAD_INPUT."""
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
    answers += [[_uncertain(profile), "null"] for profile in profiles]
    return json.dumps({"compare": [*texts, *BAD_INPUT], "best": [*best, [BAD_INPUT[0], 3]], "answer": answers}).encode()


def _uncertain(profile: dict) -> str:
    """The profile with its first 10 care lines at a chance of 50%."""
    uncertain = json.loads(json.dumps(profile))
    lines = [line for person in uncertain["persons"] for line in person.get("care", [])]
    for line in lines[:10]:
        line["chance"] = 0.5
    return json.dumps(uncertain, ensure_ascii=False)


def _node() -> str:
    node = shutil.which("node")
    if node is None:
        raise RuntimeMismatch("Node is needed to build the comparator's runtime files (it comes with npm)")
    return node


def stdlib_imports(runtime: Path, wheel: Path, workload: bytes, work: Path) -> Path:
    """`imports.json`: the archive names of the standard-library files a start, unpacking `wheel`
    and the engine's `workload` (engine_workload) import under Node (_trace.mjs)."""
    work.mkdir(parents=True, exist_ok=True)
    (work / "workload.json").write_bytes(workload)
    target = work / "imports.json"
    command = [_node(), str(TRACE_SCRIPT), str(runtime), str(runtime / "python_stdlib.zip"), str(wheel)]
    done = subprocess.run([*command, str(work / "workload.json"), str(target)], capture_output=True, text=True)
    if done.returncode:
        raise RuntimeMismatch(f"tracing the engine's imports failed:\n{done.stderr.strip()[-2000:]}")
    return target
