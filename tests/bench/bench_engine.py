"""Engine speed in CPython and in Pyodide under Node, on the same inputs (one run each).

- compare: a 3-person household, 20 care lines in all, over the 5 default combinations. Targets:
  <= 2 ms per compare in CPython, <= 10 ms in Pyodide.
- best_plans (limit 10): 4 persons with 10 care lines each (2 adults, 2 children), and 10 persons
  with 20 care lines each (6 adults, 4 children). Targets: <= 20 ms and <= 100 ms in CPython,
  <= 100 ms and <= 500 ms in Pyodide.
- the worst profile the contract allows: 10 persons x 200 lines of 366 consults at EUR 1,000,000,
  20 combinations. Target: <= 1 s in CPython.
- a malformed profile of 1 MB: a string of escaped quotes that never closes, refused by the
  nesting pre-scan and the parser. Target: <= 2 s in both (the scan is linear in the text).
- risk (limit 3, as on the answer card) with 10 uncertain lines: the 10-person best_plans
  household above, each person's first line at a chance of 35% (1,024 outcomes). The contract:
  <= 1 s in CPython; the page's aim <= 2 s in Pyodide.
- what_if at limit 10 on a profile whose best plans cross often: one adult with orthodontics of
  EUR 5,000 and three of each other supplementary care id at EUR 3 (132 lines beside the varied one),
  Optimaal and dental Excellent priced. The contract: <= 1 s in CPython.
- what_if at limit 3 and 10 on the worst profile, on its first line and on a middle one (under AV
  Excellent the lines before it in the order use the tiers first). The contract: <= 1 s in CPython.

`python tests/bench/bench_engine.py what_if` runs only the what_if rows (CPython, no Node).
"""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

import comparator  # noqa: E402
from comparator._data import policy_data  # noqa: E402

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
# Care for the best_plans households: every person takes the next `lines` of this cycle.
CARE_CYCLE = [
    *LINES,
    {"id": "tandarts", "price": 380},
    {"id": "fysiotherapie", "count": 6, "price": 38},
    {"id": "reisvaccinaties", "price": 140},
    {"id": "griepvaccinatie", "price": 35},
    {"id": "preventief-onderzoek", "price": 250},
    {"id": "kuuroord", "price": 600},
    {"id": "acne-behandeling", "price": 300},
    {"id": "hoortoestel-batterijen", "price": 90},
    {"id": "herstellingsoord-hospice", "count": 5, "price": 70},
    {"id": "spoedeisende-zorg-buitenland", "price": 1200},
    {"id": "leefstijltraining", "price": 400},
    {"id": "pedicure-diabetes", "price": 160},
    {"id": "stottertherapie", "price": 500},
    {"id": "anticonceptie", "price": 80},
]
AGES = [42, 40, 13, 8, 71, 68, 35, 16, 29, 4]  # the first 4: 2 adults, 2 children; all 10: 6 and 4


def household(persons: int, lines: int) -> str:
    return json.dumps(
        {
            "persons": [
                {
                    "age": age,
                    "sex": "female" if i % 2 else "male",
                    "care": [CARE_CYCLE[(i * lines + k) % len(CARE_CYCLE)] for k in range(lines)],
                }
                for i, age in enumerate(AGES[:persons])
            ]
        }
    )


# The contract's limits at their largest. Alternative consults are the slowest benefit: tiers and a
# maximum per consult (art. 7.1), shared with medicines.
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

# A string that never closes, of escaped quotes: a scan retrying from every quote is quadratic.
ADVERSARIAL = '{"persons": "' + '\\"' * 500_000
# Many crossings: the best ten plans differ in the adult's av, beside 132 supplementary lines (the
# varied orthodontics is dental care, a part of its own).
_CATALOGUE = policy_data().catalogue
_CHEAP_LINES = [
    {"id": care_id, "price": 3}
    for care_id in sorted(_CATALOGUE)
    if _CATALOGUE[care_id]["kind"] == "av" and care_id != "fysiotherapie"
]
CROSSING = {
    "persons": [{"age": 40, "sex": "female", "care": [{"id": "orthodontie", "price": 5000}, *_CHEAP_LINES * 3]}],
    "premiums": {"av": {"optimaal": 30}, "dental": {"excellent": 50}},
}


def uncertain_household() -> str:
    """household(10, 20) with each person's first line happening at a chance of 35%."""
    profile = json.loads(household(10, 20))
    for person in profile["persons"]:
        person["care"][0] = {**person["care"][0], "chance": 0.35}
    return json.dumps(profile)


# (label, function, profile JSON, rounds, warm-up rounds)
WORKLOADS = [
    ("compare", "compare_json", PROFILE, 300, 20),
    ("best_plans 4x10", "best_plans_json", household(4, 10), 100, 20),
    ("best_plans 10x20", "best_plans_json", household(10, 20), 30, 20),
    ("worst", "compare_json", WORST, 3, 1),
    ("adversarial", "compare_json", ADVERSARIAL, 3, 1),
    ("risk 10x20", "risk_json", uncertain_household(), 5, 1),
]

# `node -e SCRIPT a b` puts a, b at process.argv[1..2]: the repository and a file holding the
# workloads as JSON (the worst profile is too long for a command line).
NODE_SCRIPT = r"""
const { loadPyodide } = require(process.argv[1] + "/node_modules/pyodide/pyodide.js");
(async () => {
  const py = await loadPyodide();
  py.FS.mkdirTree("/pkg");
  py.FS.mount(py.FS.filesystems.NODEFS, { root: process.argv[1] }, "/pkg");
  py.runPython("import sys; sys.path.insert(0, '/pkg')");
  const comparator = py.pyimport("comparator");
  const times = {};
  for (const [label, name, profile, rounds, warmUp] of JSON.parse(require("fs").readFileSync(process.argv[2], "utf8"))) {
    const run = comparator[name];
    for (let i = 0; i < warmUp; i++) run(profile);
    const start = performance.now();
    for (let i = 0; i < rounds; i++) run(profile);
    times[label] = (performance.now() - start) / rounds;
  }
  console.log(JSON.stringify(times));
})();
"""


def cpython_ms(function: str, profile: str, rounds: int, warm_up: int) -> float:
    run = getattr(comparator, function)
    for _ in range(warm_up):
        run(profile)
    start = time.perf_counter()
    for _ in range(rounds):
        run(profile)
    return (time.perf_counter() - start) * 1000 / rounds


def pyodide_ms() -> dict[str, float]:
    with tempfile.NamedTemporaryFile("w", suffix=".json") as workloads:
        workloads.write(json.dumps(WORKLOADS))
        workloads.flush()
        command = ["node", "-e", NODE_SCRIPT, str(ROOT), workloads.name]
        done = subprocess.run(command, capture_output=True, text=True, check=True)
    return json.loads(done.stdout.strip().splitlines()[-1])


def what_if_ms(rounds: int = 3) -> tuple[float, int, int]:
    """CPython ms per what_if call at limit 10 on CROSSING, and its crossings and changes."""
    answer = comparator.what_if(CROSSING, 0, 0, 10)
    start = time.perf_counter()
    for _ in range(rounds):
        comparator.what_if(CROSSING, 0, 0, 10)
    return (time.perf_counter() - start) * 1000 / rounds, len(answer["crossings"]), len(answer["changes"])


def worst_what_if_ms(line: int, limit: int, rounds: int = 3) -> tuple[float, float]:
    """CPython ms per what_if call on WORST's first person's line `line`: (wall clock, CPU time)."""
    profile = json.loads(WORST)
    comparator.what_if(profile, 0, line, limit)
    wall, cpu = time.perf_counter(), time.process_time()
    for _ in range(rounds):
        comparator.what_if(profile, 0, line, limit)
    return (time.perf_counter() - wall) * 1000 / rounds, (time.process_time() - cpu) * 1000 / rounds


def print_what_if() -> None:
    ms, crossings, changes = what_if_ms()
    print(f"what_if, limit 10, 1 adult x 133 lines, {crossings} crossings, {changes} changes of the cheapest plan")
    print(f"  what_if CPython  {ms:7.0f} ms  target <= 1000 ms")
    print("what_if on the worst valid profile (wall clock; CPU time, which a loaded machine inflates less)")
    for line, limit in ((0, 3), (0, 10), (117, 3), (117, 10)):
        wall, cpu = worst_what_if_ms(line, limit)
        print(f"  line {line:>3}, limit {limit:>2} CPython {wall:7.0f} ms (CPU {cpu:5.0f} ms)  target <= 1000 ms")


def main() -> None:
    if sys.argv[1:] == ["what_if"]:
        print_what_if()
        return
    cp = {label: cpython_ms(*workload) for label, *workload in WORKLOADS}
    py = pyodide_ms()
    lines = sum(len(p["care"]) for p in json.loads(PROFILE)["persons"])
    print(f"engine: 3 persons, {lines} care lines, 5 package combinations, {WORKLOADS[0][3]} rounds")
    print(
        f"  CPython {sys.version.split()[0]:<8} {cp['compare']:7.3f} ms per compare  "
        f"({1000 / cp['compare']:7.0f}/s)  target <= 2 ms"
    )
    print(f"  Pyodide (Node)   {py['compare']:7.3f} ms per compare  ({1000 / py['compare']:7.0f}/s)  target <= 10 ms")
    print(f"  ratio Pyodide/CPython: {py['compare'] / cp['compare']:.2f}")
    targets = {"best_plans 4x10": (20, 100), "best_plans 10x20": (100, 500)}
    print("best_plans, limit 10 (persons x care lines each):")
    for label, (cp_target, py_target) in targets.items():
        print(f"  {label:<17} CPython        {cp[label]:8.3f} ms per call  target <= {cp_target} ms")
        print(f"  {label:<17} Pyodide (Node) {py[label]:8.3f} ms per call  target <= {py_target} ms")
    print("worst valid profile: 10 persons x 200 lines of 366 consults at EUR 1,000,000, 20 combinations")
    print(f"  worst CPython    {cp['worst']:7.0f} ms  target <= 1000 ms")
    print(f"  worst Pyodide (Node) {py['worst']:7.0f} ms")
    print(f"malformed profile of {len(ADVERSARIAL) / 1e6:.1f} MB (escaped quotes in a string that never closes)")
    print(f"  adversarial CPython        {cp['adversarial']:7.0f} ms  target <= 2000 ms")
    print(f"  adversarial Pyodide (Node) {py['adversarial']:7.0f} ms  target <= 2000 ms")
    outcomes = json.loads(comparator.risk_json(uncertain_household()))["outcomes"]
    print(f"risk, limit 3, 10 persons x 20 care lines, 10 uncertain lines ({outcomes} outcomes)")
    print(f"  risk CPython         {cp['risk 10x20']:7.0f} ms  target <= 1000 ms")
    print(f"  risk Pyodide (Node)  {py['risk 10x20']:7.0f} ms  target <= 2000 ms")
    print_what_if()


if __name__ == "__main__":
    main()
