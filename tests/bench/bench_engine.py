"""Engine speed: compares per second for a 3-person, 20-line household over the 5 default combinations,
and the worst profile the contract allows.

Prints CPython and Pyodide-under-Node figures and their ratio (one run, same profile). Targets:
<= 2 ms per compare in CPython, <= 10 ms in Pyodide; the worst valid profile <= 1 s in CPython.
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

# The contract's limits at their largest: 10 persons x 200 lines of 366 consults at EUR 1,000,000,
# 20 combinations. Alternative consults are the slowest benefit: tiers and a maximum per consult
# (art. 7.1) shared with medicines.
WORST = json.dumps(
    {
        "persons": [
            {
                "age": 40,
                "sex": "female",
                "care": [{"id": "alternatieve-geneeswijzen", "count": 366, "price": 1_000_000}] * 200,
            }
        ]
        * 10,
        "packages": [
            {"av": av, "dental": dental}
            for av in ("primair", "royaal", "ideaal", "optimaal", "excellent")
            for dental in (None, "primair", "royaal", "optimaal")
        ],
    }
)

# `node -e SCRIPT a b` puts a, b at process.argv[1..2]; the profile comes on standard input (the
# worst one is too long for a command line).
NODE_SCRIPT = r"""
const { loadPyodide } = require(process.argv[1] + "/node_modules/pyodide/pyodide.js");
(async () => {
  const py = await loadPyodide();
  py.FS.mkdirTree("/pkg");
  py.FS.mount(py.FS.filesystems.NODEFS, { root: process.argv[1] }, "/pkg");
  py.runPython("import sys; sys.path.insert(0, '/pkg')");
  const run = py.runPython("from comparator import compare_json; compare_json");
  const profile = require("fs").readFileSync(0, "utf8"), rounds = Number(process.argv[2]);
  for (let i = 0; i < 20; i++) run(profile);
  const start = performance.now();
  for (let i = 0; i < rounds; i++) run(profile);
  console.log((performance.now() - start) / rounds);
})();
"""


def cpython_ms(profile: str, rounds: int, warm_up: int) -> float:
    for _ in range(warm_up):
        compare_json(profile)
    start = time.perf_counter()
    for _ in range(rounds):
        compare_json(profile)
    return (time.perf_counter() - start) * 1000 / rounds


def pyodide_ms(profile: str, rounds: int) -> float:
    done = subprocess.run(
        ["node", "-e", NODE_SCRIPT, str(ROOT), str(rounds)], input=profile, capture_output=True, text=True, check=True
    )
    return float(done.stdout.strip().splitlines()[-1])


def main() -> None:
    lines = sum(len(p["care"]) for p in json.loads(PROFILE)["persons"])
    cp, py = cpython_ms(PROFILE, ROUNDS, 20), pyodide_ms(PROFILE, ROUNDS)
    print(f"engine: 3 persons, {lines} care lines, 5 package combinations, {ROUNDS} rounds")
    print(f"  CPython {sys.version.split()[0]:<8} {cp:7.3f} ms per compare  ({1000 / cp:7.0f}/s)  target <= 2 ms")
    print(f"  Pyodide (Node)   {py:7.3f} ms per compare  ({1000 / py:7.0f}/s)  target <= 10 ms")
    print(f"  ratio Pyodide/CPython: {py / cp:.2f}")
    worst_cp, worst_py = cpython_ms(WORST, 3, 1), pyodide_ms(WORST, 1)
    print("worst valid profile: 10 persons x 200 lines of 366 consults at EUR 1,000,000, 20 combinations")
    print(f"  worst CPython    {worst_cp:7.0f} ms  target <= 1000 ms")
    print(f"  worst Pyodide (Node) {worst_py:7.0f} ms")


if __name__ == "__main__":
    main()
