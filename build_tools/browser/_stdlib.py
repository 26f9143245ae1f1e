"""The runtime's standard library for the browser: python_stdlib.zip cut to the files the engine's
workload imports (_trace.py), compiled to .pyc (`stdLibURL`: a start without compiling the
stdlib's sources in the browser)."""

from __future__ import annotations

import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path

from ._runtime import COMPILE_OPTIONS, RuntimeMismatch, check_python

__all__ = ["STDLIB_COMPILER", "compiled_stdlib", "deflated"]

STDLIB_COMPILER = Path(__file__)  # how the library is cut and compiled: part of its cache key
_EPOCH = (2020, 1, 1, 0, 0, 0)
# Run by a child interpreter: python COMPILE_OPTIONS -c _COMPILE ROOT NAME...
_COMPILE = """
import py_compile, sys
root, names = sys.argv[1], sys.argv[2:]
for name in names:
    py_compile.compile(f"{root}/{name}", f"{root}/{name}c", dfile=name, doraise=True, optimize=2,
                       invalidation_mode=py_compile.PycInvalidationMode.UNCHECKED_HASH)
"""


def compiled_stdlib(runtime: Path, work: Path, keep: list[str]) -> Path:
    """python_stdlib.zip with only the files `keep` names, compiled to .pyc, written into `work`.

    Compiled without docstrings and asserts (optimize=2, as `python -OO`: 17% fewer bytes to
    download; zipimport loads a .pyc whatever its optimisation), without column ranges (`-X
    no_debug_ranges`: a traceback still names each line but underlines no part of it; brotli
    sibling 0.54 MB instead of 0.72 MB, as those tables hardly compress) and with unchecked hashes
    instead of timestamps (no source ships beside them), so the same files give the same bytes.
    Stored, not deflated: brotli compresses the archive as a whole and finds what its files share
    (0.54 MB, against 0.79 MB deflated file by file). The site ships its `deflated` copy, for the
    hosts that compress no zip (GitHub Pages gzips text, not zips) or nothing (2.3 MB stored), and
    this one as that copy's brotli sibling: a host that sends siblings thus sends another zip of
    the same files, which the runtime reads all the same."""
    check_python(runtime)
    source = runtime / "python_stdlib.zip"
    with zipfile.ZipFile(source) as zin:
        missing = sorted(set(keep) - set(zin.namelist()))
        if missing:
            raise RuntimeMismatch(f"the runtime's python_stdlib.zip lacks traced files: {', '.join(missing)}")
        work.mkdir(parents=True, exist_ok=True)
        target = work / "python_stdlib.zip"
        with zipfile.ZipFile(target, "w") as zout, tempfile.TemporaryDirectory() as temp:
            for name in keep:
                (Path(temp) / name).parent.mkdir(parents=True, exist_ok=True)
                (Path(temp) / name).write_bytes(zin.read(name))
            # The column tables can only be left out by an interpreter started without them.
            command = [sys.executable, *COMPILE_OPTIONS, "-c", _COMPILE, temp, *sorted(keep)]
            done = subprocess.run(command, capture_output=True, text=True)
            if done.returncode:
                raise RuntimeMismatch(f"compiling the standard library failed:\n{done.stderr[-2000:]}")
            for name in sorted(keep):
                info = zipfile.ZipInfo(name + "c", date_time=_EPOCH)
                zout.writestr(info, (Path(temp) / (name + "c")).read_bytes())  # ZipInfo's default: stored
    return target


def deflated(archive: Path, work: Path) -> Path:
    """A copy of the stored `archive` with each file deflated (same names, order and dates), in `work`."""
    work.mkdir(parents=True, exist_ok=True)
    target = work / archive.name
    with zipfile.ZipFile(archive) as zin, zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as zout:
        for info in zin.infolist():
            zout.writestr(
                zipfile.ZipInfo(info.filename, date_time=info.date_time), zin.read(info), zipfile.ZIP_DEFLATED
            )
    return target
