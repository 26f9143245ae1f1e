"""Run every benchmark (engine, site build, comparator start, Lighthouse) and print their figures in one table.

    python tests/bench/run_all.py [--runs N]   # --runs goes to bench_comparator.py (default 3)

Each script runs in its own process and prints for people; the figures are read from its output
by the patterns below. A figure that is not found stops the run with the script's output, so a
changed script cannot drop a figure silently. Not part of `make test`.
"""

from __future__ import annotations

import argparse
import re
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
NUMBER = r"([\d.]+)"

# script -> [(figure, pattern whose first group is the value, unit, target)]
FIGURES = {
    "bench_engine.py": [
        ("compare in CPython", rf"CPython \S+\s+{NUMBER} ms per compare", "ms", "<= 2"),
        ("compare in Pyodide (Node)", rf"Pyodide \(Node\)\s+{NUMBER} ms per compare", "ms", "<= 10"),
        ("ratio Pyodide / CPython", rf"ratio Pyodide/CPython: {NUMBER}", "x", ""),
        ("worst valid profile, CPython", rf"worst CPython\s+{NUMBER} ms", "ms", "<= 1000"),
        ("worst valid profile, Pyodide (Node)", rf"worst Pyodide \(Node\)\s+{NUMBER} ms", "ms", ""),
        ("malformed 1 MB profile, CPython", rf"adversarial CPython\s+{NUMBER} ms", "ms", "<= 2000"),
        ("malformed 1 MB profile, Pyodide (Node)", rf"adversarial Pyodide \(Node\)\s+{NUMBER} ms", "ms", "<= 2000"),
        ("best_plans 4x10 in CPython", rf"best_plans 4x10\s+CPython\s+{NUMBER} ms", "ms", "<= 20"),
        ("best_plans 4x10 in Pyodide (Node)", rf"best_plans 4x10\s+Pyodide \(Node\)\s+{NUMBER} ms", "ms", "<= 100"),
        ("best_plans 10x20 in CPython", rf"best_plans 10x20\s+CPython\s+{NUMBER} ms", "ms", "<= 100"),
        ("best_plans 10x20 in Pyodide (Node)", rf"best_plans 10x20\s+Pyodide \(Node\)\s+{NUMBER} ms", "ms", "<= 500"),
        ("what_if limit 10, many crossings, CPython", rf"what_if CPython\s+{NUMBER} ms", "ms", "<= 1000"),
    ],
    "bench_site.py": [
        ("pages built", rf"Pages built:\s+{NUMBER}", "", ""),
        ("full build (fresh process)", rf"Full build \(fresh process\):\s+{NUMBER} s", "s", "<= 10"),
        ("rebuild after a YAML edit", rf"one-line YAML edit:\s+{NUMBER} s", "s", ""),
        ("rebuild as under mkdocs serve", rf"^\s+{NUMBER} s\s+\(in-process", "s", ""),
        ("content page, gzip", rf"^\s+{NUMBER} KB\s+total", "KB", "<= 300"),
    ],
    "bench_comparator.py": [
        ("bare Pyodide, first visit", rf"^\s+bare first\s+{NUMBER}", "ms", ""),
        ("bare Pyodide, repeat visit", rf"^\s+bare repeat\s+{NUMBER}", "ms", ""),
        ("comparator results, first visit", rf"^\s+ours first\s+{NUMBER}", "ms", ""),
        ("comparator results, reload at once", rf"^\s+ours reload\s+{NUMBER}", "ms", ""),
        ("comparator results, repeat visit", rf"^\s+ours repeat\s+{NUMBER}", "ms", ""),
        ("persona's answer built with the site, first visit", rf"^\s+ours first, built\s+{NUMBER}", "ms", ""),
        ("ratio first (ours / bare)", rf"^\s+ratio first\s+{NUMBER}", "x", "<= 0.6"),
        ("ratio repeat (ours / bare)", rf"^\s+ratio repeat\s+{NUMBER}", "x", "<= 0.6"),
        ("ratio reload (ours / bare)", rf"^\s+ratio reload\s+{NUMBER}", "x", ""),
        ("recompute after one change", rf"^\s+recompute\s+{NUMBER}", "ms", "<= 50"),
        ("phone: bare Pyodide, first visit", rf"^\s+phone bare first\s+{NUMBER}", "ms", ""),
        ("phone: bare Pyodide, repeat visit", rf"^\s+phone bare repeat\s+{NUMBER}", "ms", ""),
        ("phone: results, first visit", rf"^\s+phone ours first\s+{NUMBER}", "ms", ""),
        ("phone: results, repeat visit", rf"^\s+phone ours repeat\s+{NUMBER}", "ms", ""),
        (
            "phone: persona's answer built with the site, first visit",
            rf"^\s+phone ours first, built\s+{NUMBER}",
            "ms",
            "",
        ),
        ("phone: ratio first (ours / bare)", rf"phone ratio first\s+{NUMBER}", "x", "<= 0.5"),
        ("phone: ratio first, built answer (ours / bare)", rf"phone ratio built\s+{NUMBER}", "x", ""),
        ("phone: ratio repeat (ours / bare)", rf"phone ratio repeat\s+{NUMBER}", "x", "<= 0.4"),
        ("phone: first visit, bytes to results", rf"phone bytes to results\s+{NUMBER}", "MB", "<= 5"),
        ("phone: first visit, bytes in all", rf"phone bytes settled\s+{NUMBER}", "MB", ""),
    ],
    "bench_lighthouse.py": [
        ("content page: performance", rf"content page performance\s+{NUMBER}", "", ">= 95"),
        ("content page: accessibility", rf"content page accessibility\s+{NUMBER}", "", ">= 100"),
        ("content page: best practices", rf"content page best-practices\s+{NUMBER}", "", ""),
        ("content page: SEO", rf"content page seo\s+{NUMBER}", "", ""),
        ("comparator: performance", rf"comparator performance\s+{NUMBER}", "", ">= 80"),
        ("comparator: accessibility", rf"comparator accessibility\s+{NUMBER}", "", ">= 100"),
        ("comparator: best practices", rf"comparator best-practices\s+{NUMBER}", "", ""),
        ("comparator: SEO", rf"comparator seo\s+{NUMBER}", "", ""),
    ],
}


def run(script: str, args: list[str]) -> tuple[str, float]:
    start = time.perf_counter()
    done = subprocess.run([sys.executable, str(HERE / script), *args], capture_output=True, text=True)
    if done.returncode:
        sys.exit(f"{script} failed (exit {done.returncode}):\n{done.stdout}{done.stderr}")
    return done.stdout, time.perf_counter() - start


def verdict(value: float, target: str) -> str:
    if not target:
        return ""
    relation, limit = target.split()
    met = value >= float(limit) if relation == ">=" else value <= float(limit)
    return "ok" if met else ("UNDER" if relation == ">=" else "OVER")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", default="3", help="runs of bench_comparator.py (median reported)")
    args = parser.parse_args(argv)
    rows = []
    for script, figures in FIGURES.items():
        print(f"running {script} ...", file=sys.stderr, flush=True)
        output, seconds = run(script, ["--runs", args.runs] if script == "bench_comparator.py" else [])
        for figure, pattern, unit, target in figures:
            match = re.search(pattern, output, flags=re.M)
            if match is None:
                sys.exit(f"{script}: no figure '{figure}' (pattern {pattern!r}) in its output:\n{output}")
            value = float(match.group(1))
            rows.append((script.removesuffix(".py").removeprefix("bench_"), figure, value, unit, target))
        rows.append((script.removesuffix(".py").removeprefix("bench_"), "(benchmark's own run time)", seconds, "s", ""))

    print(f"{'benchmark':<11} {'figure':<38} {'value':>9} {'unit':<4} {'target':<8} ")
    print("-" * 76)
    for bench, figure, value, unit, target in rows:
        shown = f"{value:.0f}" if value >= 100 or value.is_integer() else f"{value:.2f}"
        print(f"{bench:<11} {figure:<38} {shown:>9} {unit:<4} {target:<8} {verdict(value, target)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
