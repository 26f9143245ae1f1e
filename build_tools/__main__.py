"""`python -m build_tools check|compile`: validate policies/ and print the report; exit 1 on any problem.

`compile` also writes the engine's JSON (comparator/data/); `check` reports it stale when it differs.
"""

from __future__ import annotations

import argparse
import sys

from .data import ENGINE_DATA, REPO_ROOT, check_policies, stale_engine_data, write_engine_data


def _percent(part: int, whole: int) -> str:
    return f"{part}/{whole} ({100 * part / whole:.0f}%)" if whole else "0/0"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m build_tools")
    parser.add_argument(
        "command",
        choices=["check", "compile"],
        help="check: validate and report; compile: also write the engine's JSON",
    )
    command = parser.parse_args(argv).command
    files, report = check_policies(REPO_ROOT / "policies")
    if not report.problems:
        if command == "compile":
            changed = write_engine_data(files)
            print(f"{ENGINE_DATA.relative_to(REPO_ROOT)}: {'written' if changed else 'up to date'}")
        elif stale := stale_engine_data(files):
            report.problems.append(stale)
    print("Benefits per package:")
    for package, count in report.benefits.items():
        print(f"  {package:<18} {count}")
    print(f"Article headings of ch. 2-8 mapped: {_percent(report.headings_mapped, report.headings_total)}")
    print(f"Numbers traced to a quote:         {_percent(report.numbers_traced, report.numbers_total)}")
    print(f"Quotes verbatim in their article:  {_percent(report.quotes_verified, report.quotes_total)}")
    if report.problems:
        print(report.problems.render(), file=sys.stderr)
    print(f"{len(report.problems)} problem(s)")
    return 1 if report.problems else 0


if __name__ == "__main__":
    sys.exit(main())
