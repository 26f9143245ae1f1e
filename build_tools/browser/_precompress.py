"""Brotli siblings (`NAME.br`) of the comparator's large files, for static hosts that serve a
pre-compressed sibling when the browser accepts it (README: host settings).

Measured on pyodide.asm.wasm (8.6 MB): gzip sends 2.8 MB, brotli at its best quality 2.1 MB, which a
phone's 10 Mbit/s link downloads 0.6 s sooner. Compressing at that quality takes ~20 s for the wasm,
so each sibling is kept in the build cache by the hash of the file's bytes. A host that ignores
siblings sends the file itself, compressed on the fly or not at all: the sibling only saves bytes.
"""

from __future__ import annotations

from pathlib import Path

import brotli

from ._cache import cached

__all__ = ["SIBLING", "brotli_sibling"]

SIBLING = ".br"


def brotli_sibling(cache: Path, name: str, data: bytes) -> bytes:
    """`data` compressed with brotli at quality 11 (from the cache when these bytes were done before)."""

    def make(work: Path) -> Path:
        work.mkdir(parents=True, exist_ok=True)
        target = work / (name + SIBLING)
        target.write_bytes(brotli.compress(data, quality=11, lgwin=24))
        return target

    return cached(cache, f"brotli-{name}", [data], make, keep=2).read_bytes()
