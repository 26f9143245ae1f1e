"""Lighthouse (npm `lighthouse`, pinned in package.json) on a content page and the comparator.

    python tests/bench/bench_lighthouse.py [--site DIR]

Mobile (Lighthouse's default form factor and simulated throttling), Debian's Chromium headless,
offline, the site served by the reference host (tests/browser/server.py: gzip and cache headers
as common static hosts). Prints the four category scores (0-100) per page. Without --site the
site is built first. A benchmark, not a test: the scores move with the machine's load.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench_comparator import PERSONA, share_fragment
from browser.server import free_port, serve
from browser.site import CHROMIUM, REPO, build_site

LIGHTHOUSE = REPO / "node_modules" / ".bin" / "lighthouse"
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
CONTENT_PAGE = "aanvullend/ideaal/"


def scores(url: str, out: Path) -> dict[str, int]:
    """Lighthouse's category scores for `url`, 0-100."""
    command = [
        str(LIGHTHOUSE),
        url,
        "--quiet",
        "--output=json",
        f"--output-path={out}",
        f"--only-categories={','.join(CATEGORIES)}",
        "--chrome-flags=--headless=new --no-sandbox",
    ]
    done = subprocess.run(command, env={**os.environ, "CHROME_PATH": CHROMIUM}, capture_output=True, text=True)
    if done.returncode:
        raise RuntimeError(f"lighthouse failed on {url}:\n{done.stderr[-2000:]}")
    report = json.loads(out.read_text(encoding="utf-8"))
    return {name: round(report["categories"][name]["score"] * 100) for name in CATEGORIES}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--site", type=Path, help="an already built site (default: build one)")
    args = parser.parse_args(argv)
    if not LIGHTHOUSE.is_file():
        sys.exit(f"{LIGHTHOUSE} is missing: run 'npm ci' (make setup)")
    personas = json.loads((REPO / "docs" / "vergelijker" / "personas.json").read_text(encoding="utf-8"))
    profile = next(p["profile"] for p in personas["personas"] if p["id"] == PERSONA)
    with tempfile.TemporaryDirectory() as temp:
        temp = Path(temp)
        port = free_port()
        site = args.site or build_site(temp / "site", f"http://127.0.0.1:{port}/")
        with serve(site, port, compress=True) as base:
            pages = {"content page": CONTENT_PAGE, "comparator": f"vergelijker/{share_fragment(profile)}"}
            found = {name: scores(base + path, temp / "report.json") for name, path in pages.items()}
    print("Lighthouse, mobile (scores 0-100)")
    for name, page_scores in found.items():
        for category, score in page_scores.items():
            print(f"  {name} {category:<15} {score:4d}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
