"""Deploys: the service worker's version follows the content only.

The site is built from a copy of this checkout, which compiles the comparator's files anew.
"""

from __future__ import annotations

import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path

import pytest
from browser.server import free_port
from browser.site import REPO, build_site
from test_quality_offline import manifest

from build_tools.hooks.csp import offline_files

pytestmark = pytest.mark.browser


@dataclass
class Deploy:
    port: int
    first: Path


def copy_project(target: Path) -> Path:
    """The checkout's files (committed or not, without ignored ones) and ../shared/sources."""
    listed = subprocess.run(
        ["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"],
        cwd=REPO,
        capture_output=True,
        check=True,
    ).stdout.decode()
    for name in filter(None, listed.split("\0")):
        if (REPO / name).is_file():
            (target / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(REPO / name, target / name)
    (target / "node_modules").symlink_to(REPO / "node_modules")
    shutil.copytree(REPO.parent / "shared" / "sources", target.parent / "shared" / "sources")
    return target


@pytest.fixture(scope="module")
def deploy(tmp_path_factory) -> Deploy:
    work = tmp_path_factory.mktemp("deploy")
    port = free_port()
    base = f"http://127.0.0.1:{port}/"
    project = copy_project(work / "project")
    first = build_site(work / "first", base, project)  # compiled anew: the copy has no build/ cache
    return Deploy(port, first)


def test_two_checkouts_of_one_commit_build_one_version(deploy, tmp_path):
    """The service worker's version depends on the content only: this checkout (with its build
    cache) and a copy (compiling the wheel, the standard library and the snapshot anew) agree."""
    here = build_site(tmp_path / "here", f"http://127.0.0.1:{deploy.port}/", REPO)
    assert manifest(here)["version"] == manifest(deploy.first)["version"]


def test_the_version_counts_content_only(tmp_path):
    """Not the build's date (sitemap.xml) nor a compiled file's bytes (named by ?v= in build.js)."""
    files = {
        "index.html": "<h1>Premie</h1>",
        "sitemap.xml": "<lastmod>2026-11-28</lastmod>",
        "assets/comparator/build.js": 'export default {"wheel": "engine.whl?v=0a1b2c"};',
        "assets/comparator/engine.whl": "compiled at 10:00",
    }

    def version(**changed: str) -> str:
        for name, text in {**files, **changed}.items():
            (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
            (tmp_path / name).write_text(text)
        return offline_files(tmp_path, ["nl"])["version"]

    first = version()
    assert version(**{"sitemap.xml": "<lastmod>2026-11-29</lastmod>"}) == first
    assert version(**{"assets/comparator/engine.whl": "compiled at 11:00"}) == first
    assert version(**{"assets/comparator/build.js": 'export default {"wheel": "engine.whl?v=3d4e5f"};'}) != first
    assert version(**{"index.html": "<h1>Premies</h1>"}) != first
