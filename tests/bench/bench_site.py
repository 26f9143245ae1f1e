"""Site build and page weight: full build, rebuild after a one-line YAML edit, bytes of a content page.

    python tests/bench/bench_site.py [--page aanvullend/primair/]

Works on a temporary copy of the project (policies/, docs/ and mkdocs.yml copied, the rest
linked), so the edit never touches the tree. Prints:
- full build: `mkdocs build --strict` in a fresh process (what `make build` costs);
- rebuild: the same after changing one line of policies/av/primair.yaml, in a fresh process,
  and in-process as `mkdocs serve` does it (hook module and parsed conditions already loaded);
- transferred size of a typical content page: the HTML and every CSS/JS file Chromium requests
  while loading it, each gzip-compressed (level 6), summed; without Chromium, the HTML plus the
  stylesheets and scripts it names.
Targets: full build <= 10 s; content page <= 300 KB (the comparator's runtime is not on it).
"""

from __future__ import annotations

import argparse
import contextlib
import gzip
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from browser.server import free_port, serve
from browser.site import CHROMIUM, LAUNCH_ARGS, REPO

FULL_BUILD_TARGET_S = 10.0
PAGE_TARGET_KB = 300.0
_COPIED = {"policies", "docs", "mkdocs.yml"}
_SKIPPED = {".git", ".venv", "site", "node_modules", ".pytest_cache"}
EDIT = (
    "summary: Condooms tot € 20 per kalenderjaar, ongeacht de leeftijd.",
    "summary: Condooms tot € 20 per kalenderjaar, voor iedereen.",
)


def copy_project(target: Path) -> Path:
    for entry in REPO.iterdir():
        if entry.name in _COPIED:
            (shutil.copytree if entry.is_dir() else shutil.copy)(entry, target / entry.name)
        elif entry.name not in _SKIPPED:
            (target / entry.name).symlink_to(entry)
    (target / "node_modules").symlink_to(REPO / "node_modules")
    return target


def timed_build(root: Path, site_url: str) -> float:
    env = {**os.environ, "SITE_URL": site_url, "NO_MKDOCS_2_WARNING": "1"}
    command = [sys.executable, "-m", "mkdocs", "build", "--strict", "--quiet", "-d", str(root / "out")]
    start = time.perf_counter()
    done = subprocess.run(command, cwd=root, env=env, capture_output=True, text=True)
    elapsed = time.perf_counter() - start
    if done.returncode:
        raise SystemExit(f"mkdocs build failed:\n{done.stderr}")
    return elapsed


def edit_one_line(root: Path) -> None:
    path = root / "policies" / "av" / "primair.yaml"
    text = path.read_text(encoding="utf-8")
    old, new = EDIT if EDIT[0] in text else (EDIT[1], EDIT[0])
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def in_process_rebuild(root: Path) -> float:
    """Build twice in one process, editing a line between: the second build is what serve does."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    def once() -> float:
        config = load_config(str(root / "mkdocs.yml"), site_dir=str(root / "out-serve"), strict=True)
        start = time.perf_counter()
        build(config)
        return time.perf_counter() - start

    with open(os.devnull, "w") as quiet, contextlib.redirect_stderr(quiet):
        once()
        edit_one_line(root)
        return once()


def _gzip_size(path: Path) -> int:
    return len(gzip.compress(path.read_bytes(), compresslevel=6))


def page_weight(site: Path, page: str, base: str) -> tuple[int, list[tuple[str, int]], str]:
    """(total gzip bytes, [(file, bytes)], how measured)."""
    files = _requested_in_chromium(site, page) or _named_in_html(site, page)
    how = "requested by Chromium" if Path(CHROMIUM).is_file() else "named in the HTML"
    sizes = [(name, _gzip_size(site / name)) for name in files if (site / name).is_file()]
    return sum(s for _n, s in sizes), sizes, how


def _named_in_html(site: Path, page: str) -> list[str]:
    html = (site / page / "index.html").read_text(encoding="utf-8")
    names = re.findall(r'<link[^>]+rel="stylesheet"[^>]+href="([^"]+)"', html)
    names += re.findall(r'<script[^>]+src="([^"]+)"', html)
    base = Path(page)
    return [f"{page}index.html"] + [os.path.normpath(base / n) for n in names if "://" not in n]


def _requested_in_chromium(site: Path, page: str) -> list[str]:
    if not Path(CHROMIUM).is_file():
        return []
    from playwright.sync_api import sync_playwright

    port = free_port()
    requested: list[str] = []
    with serve(site, port) as url, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=LAUNCH_ARGS)
        # The page alone: the service worker would otherwise fetch the whole site in the background.
        context = browser.new_context(service_workers="block")
        context.on("request", lambda request: requested.append(request.url))
        tab = context.new_page()
        tab.goto(url + page, wait_until="networkidle")
        tab.wait_for_timeout(500)
        browser.close()
    out = []
    for request in requested:
        if request.startswith(url):
            path = request[len(url) :].split("?")[0].split("#")[0]
            out.append(path + "index.html" if path == "" or path.endswith("/") else path)
    return list(dict.fromkeys(out))


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--page", default="aanvullend/primair/", help="a content page, as its URL path")
    args = parser.parse_args()
    port = free_port()
    site_url = f"http://127.0.0.1:{port}/"
    with tempfile.TemporaryDirectory() as tmp:
        root = copy_project(Path(tmp))
        full = timed_build(root, site_url)
        edit_one_line(root)
        rebuild = timed_build(root, site_url)
        serve_rebuild = in_process_rebuild(root)
        pages = len(list((root / "out").rglob("*.html")))
        total, sizes, how = page_weight(root / "out", args.page, site_url)
    print(f"Pages built:                         {pages}")
    print(
        f"Full build (fresh process):          {full:5.2f} s   target <= {FULL_BUILD_TARGET_S:.0f} s  "
        f"{'ok' if full <= FULL_BUILD_TARGET_S else 'OVER'}"
    )
    print(f"Rebuild after a one-line YAML edit:  {rebuild:5.2f} s   (fresh process)")
    print(f"                                     {serve_rebuild:5.2f} s   (in-process, as under mkdocs serve)")
    print(f"Content page {args.page} ({how}), gzip:")
    for name, size in sizes:
        print(f"  {size / 1024:7.1f} KB  {name}")
    print(
        f"  {total / 1024:7.1f} KB  total   target <= {PAGE_TARGET_KB:.0f} KB  "
        f"{'ok' if total / 1024 <= PAGE_TARGET_KB else 'OVER'}"
    )


if __name__ == "__main__":
    main()
