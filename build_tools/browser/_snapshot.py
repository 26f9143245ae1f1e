"""The comparator's memory snapshot: _snapshot.mjs run under Node records the runtime's memory after
starting Python and importing the engine, which the browser restores instead of doing that work again."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

from ._runtime import RuntimeMismatch

__all__ = ["SNAPSHOT_SCRIPT", "memory_snapshot"]

SNAPSHOT_SCRIPT = Path(__file__).with_name("_snapshot.mjs")


def memory_snapshot(runtime: Path, stdlib: Path, wheel: Path, work: Path) -> Path:
    """The gzipped memory snapshot of the runtime with `stdlib` and `wheel`, the engine imported."""
    node = shutil.which("node")
    if node is None:
        raise RuntimeMismatch("Node is needed to build the comparator's memory snapshot (it comes with npm)")
    work.mkdir(parents=True, exist_ok=True)
    target = work / "engine.snapshot.gz"
    done = subprocess.run(
        [node, str(SNAPSHOT_SCRIPT), str(runtime), str(stdlib), str(wheel), str(target)], capture_output=True, text=True
    )
    if done.returncode:
        raise RuntimeMismatch(f"making the memory snapshot failed:\n{done.stderr.strip()[-2000:]}")
    return target
