"""The Pyodide runtime the comparator self-hosts, prepared for the site.

From the pinned npm `pyodide` package (node_modules/pyodide) only the files a start needs are
shipped: the loader, the Emscripten module, the wasm binary, the standard library cut and compiled
to .pyc (_stdlib.py) and a lock file reduced to its `info` (the engine needs no package from the
lock file, so the 120 KB full one is not fetched). `pyodide py-compile` (pyodide-build) compiles
with this interpreter, so its minor version must be the runtime's.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

__all__ = [
    "COMPILE_OPTIONS",
    "RUNTIME_FILES",
    "RuntimeMismatch",
    "check_python",
    "py_compile",
    "runtime_info",
    "trimmed_lock",
]

RUNTIME_FILES = ("pyodide.asm.js", "pyodide.asm.wasm", "pyodide.mjs")
COMPILE_OPTIONS = ("-X", "no_debug_ranges")  # the interpreter's, for py_compile (a cache key too)


class RuntimeMismatch(RuntimeError):
    """This interpreter cannot compile for the runtime (different Python minor version)."""


def runtime_info(runtime: Path) -> dict:
    """The `info` of the runtime's lock file: Pyodide's Python version, ABI and platform."""
    return json.loads((runtime / "pyodide-lock.json").read_text(encoding="utf-8"))["info"]


def trimmed_lock(runtime: Path) -> bytes:
    """A lock file with the runtime's `info` and no packages."""
    return json.dumps({"info": runtime_info(runtime), "packages": {}}, sort_keys=True).encode()


def check_python(runtime: Path) -> None:
    """RuntimeMismatch unless this interpreter's minor version is the runtime's."""
    wanted = tuple(int(part) for part in runtime_info(runtime)["python"].split(".")[:2])
    if sys.version_info[:2] != wanted:
        have = ".".join(map(str, sys.version_info[:2]))
        raise RuntimeMismatch(
            f"Pyodide in {runtime} runs Python {'.'.join(map(str, wanted))}; .pyc files compiled by "
            f"Python {have} would not load there. Build with the project's .venv (make build)."
        )


def py_compile(archive: Path, runtime: Path) -> Path:
    """Compile the .py files in a wheel or zip to .pyc with `pyodide py-compile`; returns the new path.

    Without column ranges (COMPILE_OPTIONS, as the standard library: _stdlib.py): a traceback
    names the line but underlines no part of it.

    A wheel's name gets the interpreter tag (`-py3-none-any` becomes `-cp313-none-any`); a zip
    keeps its name.
    """
    check_python(runtime)
    before = set(archive.parent.iterdir())
    command = [
        sys.executable,
        *COMPILE_OPTIONS,
        "-m",
        "pyodide_cli",
        "py-compile",
        "--silent",
        "--no-keep",
        str(archive),
    ]
    subprocess.run(command, check=True, capture_output=True)
    if archive.suffix == ".zip":
        return archive
    (created,) = set(archive.parent.iterdir()) - before
    return created
