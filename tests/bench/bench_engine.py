"""Engine speed: compares per second for a 3-person, 20-line household over the 5 default combinations.

Prints CPython and Pyodide-under-Node figures and their ratio (one run, same profile). Targets:
<= 2 ms per compare in CPython, <= 10 ms in Pyodide.
"""

from __future__ import annotations

import json
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from comparator import compare_json  # noqa: E402

LINES = [
    {"id": "fysiotherapie", "count": 12, "price": 35},
    {"id": "alternatieve-geneeswijzen", "count": 8, "price": 60},
    {"id": "homeopathische-geneesmiddelen", "price": 45.5},
    {"id": "bril-lenzen", "price": 320, "reimbursed_earlier_in_period": 40},
    {"id": "tandarts", "price": 640},
    {"id": "podotherapie", "price": 180},
    {"id": "orthodontie", "price": 1800},
]
PROFILE = json.dumps(
    {
        "persons": [
            {
                "name": "A",
                "age": 41,
                "sex": "female",
                "care": LINES[:6] + [{"id": "kraamzorg-eigen-bijdrage", "price": 240}],
            },
            {
                "name": "B",
                "age": 43,
                "sex": "male",
                "care": LINES[:5] + [{"id": "sterilisatie", "price": 400}, LINES[5]],
            },
            {
                "name": "C",
                "age": 12,
                "care": [
                    LINES[6],
                    LINES[0],
                    LINES[3],
                    {"id": "flaporen-correctie", "price": 1500},
                    {"id": "therapeutisch-kamp", "count": 7, "price": 30},
                    LINES[1],
                ],
            },
        ]
    }
)
ROUNDS = 300

# `node -e SCRIPT a b c` puts a, b, c at process.argv[1..3].
NODE_SCRIPT = r"""
const { loadPyodide } = require(process.argv[1] + "/node_modules/pyodide/pyodide.js");
(async () => {
  const py = await loadPyodide();
  py.FS.mkdirTree("/pkg");
  py.FS.mount(py.FS.filesystems.NODEFS, { root: process.argv[1] }, "/pkg");
  py.runPython("import sys; sys.path.insert(0, '/pkg')");
  const run = py.runPython("from comparator import compare_json; compare_json");
  const profile = process.argv[2], rounds = Number(process.argv[3]);
  for (let i = 0; i < 20; i++) run(profile);
  const start = performance.now();
  for (let i = 0; i < rounds; i++) run(profile);
  console.log((performance.now() - start) / rounds);
})();
"""


def cpython_ms() -> float:
    for _ in range(20):
        compare_json(PROFILE)
    start = time.perf_counter()
    for _ in range(ROUNDS):
        compare_json(PROFILE)
    return (time.perf_counter() - start) * 1000 / ROUNDS


def pyodide_ms() -> float:
    done = subprocess.run(
        ["node", "-e", NODE_SCRIPT, str(ROOT), PROFILE, str(ROUNDS)], capture_output=True, text=True, check=True
    )
    return float(done.stdout.strip().splitlines()[-1])


def main() -> None:
    lines = sum(len(p["care"]) for p in json.loads(PROFILE)["persons"])
    cp, py = cpython_ms(), pyodide_ms()
    print(f"engine: 3 persons, {lines} care lines, 5 package combinations, {ROUNDS} rounds")
    print(f"  CPython {sys.version.split()[0]:<8} {cp:7.3f} ms per compare  ({1000 / cp:7.0f}/s)  target <= 2 ms")
    print(f"  Pyodide (Node)   {py:7.3f} ms per compare  ({1000 / py:7.0f}/s)  target <= 10 ms")
    print(f"  ratio Pyodide/CPython: {py / cp:.2f}")


if __name__ == "__main__":
    main()
