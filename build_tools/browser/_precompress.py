"""Brotli siblings (`NAME.br`), for static hosts that serve a pre-compressed sibling when the
browser accepts it (README: host settings). A host that ignores siblings sends the file itself,
compressed on the fly or not at all: a sibling only saves bytes.

The comparator's large files (brotli_sibling): measured on pyodide.asm.wasm (8.6 MB), gzip sends
2.8 MB, brotli at its best quality 2.1 MB, which a phone's 10 Mbit/s link downloads 0.6 s sooner.
Compressing at that quality takes ~20 s for the wasm, so each sibling is kept in the build cache
by the hash of the file's bytes.

The site's scripts, stylesheets and JSON (text_siblings): at quality 9, which takes ~0.2 s for
all of them at every build; the search index (600 KB) is 50 KB instead of gzip's 87 KB.
"""

from __future__ import annotations

from pathlib import Path

import brotli

from ._cache import cached

__all__ = ["SIBLING", "brotli_sibling", "text_siblings"]

SIBLING = ".br"
TEXT = (".css", ".js", ".json", ".mjs")
_SMALL = 1024  # bytes: a smaller file fits in a packet either way


def brotli_sibling(cache: Path, name: str, data: bytes) -> bytes:
    """`data` compressed with brotli at quality 11 (from the cache when these bytes were done before)."""

    def make(work: Path) -> Path:
        work.mkdir(parents=True, exist_ok=True)
        target = work / (name + SIBLING)
        target.write_bytes(brotli.compress(data, quality=11, lgwin=24))
        return target

    return cached(cache, f"brotli-{name}", [data], make, keep=2).read_bytes()


def text_siblings(site: Path, skip: tuple[str, ...]) -> int:
    """Write a sibling beside each script, stylesheet and JSON file of `site` over 1 KB, except
    under the folders `skip` names (relative to `site`); returns how many were written."""
    written = 0
    for path in sorted(site.rglob("*")):
        relative = path.relative_to(site).as_posix()
        if path.suffix not in TEXT or any(relative.startswith(folder) for folder in skip) or not path.is_file():
            continue
        data = path.read_bytes()
        if len(data) > _SMALL:
            path.with_name(path.name + SIBLING).write_bytes(brotli.compress(data, quality=9, lgwin=22))
            written += 1
    return written
