"""The build cache of compiled archives and the snapshot: a file is made again only when its inputs change."""

from __future__ import annotations

import hashlib
import shutil
import sys
from pathlib import Path

__all__ = ["cached"]


def cached(cache: Path, kind: str, inputs: list[bytes], make, keep: int = 3) -> Path:
    """The single file `make(workdir)` writes, cached under `kind` and a hash of `inputs` and this
    interpreter; of each kind only the `keep` most recently made are kept."""
    key = hashlib.sha256()
    for part in [sys.version.encode(), *inputs]:
        key.update(hashlib.sha256(part).digest())
    slot = cache / f"{kind}-{key.hexdigest()[:16]}"
    done = slot / "done"
    if done.is_file():
        return slot / done.read_text(encoding="utf-8")
    shutil.rmtree(slot, ignore_errors=True)
    work = slot / "work"
    result = make(work)
    final = slot / result.name
    result.replace(final)
    shutil.rmtree(work, ignore_errors=True)
    done.write_text(final.name, encoding="utf-8")
    made = sorted(cache.glob(f"{kind}-*/done"), key=lambda path: path.stat().st_mtime, reverse=True)
    for old in made[keep:]:
        shutil.rmtree(old.parent, ignore_errors=True)
    return final
