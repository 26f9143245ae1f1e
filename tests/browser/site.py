"""Build the site for browser tests and benchmarks (mkdocs build --strict into a directory)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

__all__ = ["CHROMIUM", "LAUNCH_ARGS", "REPO", "build_site"]

REPO = Path(__file__).resolve().parents[2]
CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
# Every host name resolves to nothing except the local server: no request can leave the machine.
LAUNCH_ARGS = ["--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE localhost, EXCLUDE 127.0.0.1"]


def _commit_time() -> str:
    done = subprocess.run(["git", "log", "-1", "--format=%ct"], cwd=REPO, capture_output=True, text=True)
    return done.stdout.strip()


def build_site(target: Path, site_url: str, project: Path | None = None) -> Path:
    """Build the site with `site_url` (so instant navigation works on the test server).

    COMPARATOR_SITE_DIR names an already built site to use instead; MKDOCS_CONFIG another config.
    `project` builds another copy of the project instead (the two variables then do not apply).
    """
    if project is None and (prebuilt := os.environ.get("COMPARATOR_SITE_DIR")):
        return Path(prebuilt)
    config = str(project / "mkdocs.yml") if project else os.environ.get("MKDOCS_CONFIG", str(REPO / "mkdocs.yml"))
    env = {**os.environ, "SITE_URL": site_url, "NO_MKDOCS_2_WARNING": "1"}
    if project:  # a copy has no git history: it builds as the checkout's commit (the footer's date)
        env.setdefault("SOURCE_DATE_EPOCH", _commit_time())
    command = [sys.executable, "-m", "mkdocs", "build", "--strict", "--quiet", "-f", config, "-d", str(target)]
    done = subprocess.run(command, cwd=project or REPO, env=env, capture_output=True, text=True)
    if done.returncode:
        raise RuntimeError(f"mkdocs build failed:\n{done.stderr}")
    return target
