"""The Pyodide runtime the comparator self-hosts, prepared for the site.

From the pinned npm `pyodide` package (node_modules/pyodide) only the files a start needs are
shipped: the loader, the Emscripten module, the wasm binary, the standard library compiled to
.pyc (`stdLibURL`: a start without compiling the stdlib's sources in the browser) and a lock file
reduced to its `info` (the engine needs no package from the lock file, so the 120 KB full one is
not fetched). `pyodide py-compile` (pyodide-build) compiles with this interpreter, so its minor
version must be the runtime's. `memory_snapshot` runs _pyodide_snapshot.mjs under Node: the
runtime's memory after starting Python and importing the engine, which the browser restores
instead of doing that work again.
"""

from __future__ import annotations

import hashlib
import json
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

__all__ = [
    "RUNTIME_FILES",
    "STDLIB_DROP",
    "RuntimeMismatch",
    "cached",
    "compiled_stdlib",
    "memory_snapshot",
    "py_compile",
    "runtime_info",
    "trimmed_lock",
]

RUNTIME_FILES = ("pyodide.asm.js", "pyodide.asm.wasm", "pyodide.mjs")

# Top-level stdlib entries the runtime, the engine and their error paths never import (listed
# from sys.modules after a start without the snapshot, the engine's personas and a bad input
# under Node: about half of the zip is never imported). Dropped: networking, mail, markup,
# processes, databases, CLI and developer tools. Kept: anything on that list, and what Pyodide
# itself may import later (asyncio, inspect, logging, tempfile, ...). Dropping them makes the zip
# the browser fetches and writes into its file system smaller.
STDLIB_DROP = (
    "__phello__",
    "_pyrepl",
    "argparse.py",
    "bdb.py",
    "cProfile.py",
    "configparser.py",
    "ctypes",
    "doctest.py",
    "email",
    "ftplib.py",
    "html",
    "http",
    "imaplib.py",
    "mailbox.py",
    "multiprocessing",
    "optparse.py",
    "pdb.py",
    "pickletools.py",
    "plistlib.py",
    "poplib.py",
    "profile.py",
    "pstats.py",
    "pydoc.py",
    "smtplib.py",
    "statistics.py",
    "tarfile.py",
    "unittest",
    "urllib",
    "wsgiref",
    "xml",
    "xmlrpc",
    "zoneinfo",
)


class RuntimeMismatch(RuntimeError):
    """This interpreter cannot compile for the runtime (different Python minor version)."""


def runtime_info(runtime: Path) -> dict:
    """The `info` of the runtime's lock file: Pyodide's Python version, ABI and platform."""
    return json.loads((runtime / "pyodide-lock.json").read_text(encoding="utf-8"))["info"]


def trimmed_lock(runtime: Path) -> bytes:
    """A lock file with the runtime's `info` and no packages."""
    return json.dumps({"info": runtime_info(runtime), "packages": {}}, sort_keys=True).encode()


def _check_python(runtime: Path) -> None:
    wanted = tuple(int(part) for part in runtime_info(runtime)["python"].split(".")[:2])
    if sys.version_info[:2] != wanted:
        have = ".".join(map(str, sys.version_info[:2]))
        raise RuntimeMismatch(
            f"Pyodide in {runtime} runs Python {'.'.join(map(str, wanted))}; .pyc files compiled by "
            f"Python {have} would not load there. Build with the project's .venv (make build)."
        )


def py_compile(archive: Path, runtime: Path) -> Path:
    """Compile the .py files in a wheel or zip to .pyc with `pyodide py-compile`; returns the new path.

    A wheel's name gets the interpreter tag (`-py3-none-any` becomes `-cp313-none-any`); a zip
    keeps its name.
    """
    _check_python(runtime)
    before = set(archive.parent.iterdir())
    command = [sys.executable, "-m", "pyodide_cli", "py-compile", "--silent", "--no-keep", str(archive)]
    subprocess.run(command, check=True, capture_output=True)
    if archive.suffix == ".zip":
        return archive
    (created,) = set(archive.parent.iterdir()) - before
    return created


def _drop_entries(source: Path, target: Path, drop: tuple[str, ...]) -> None:
    with zipfile.ZipFile(source) as zin, zipfile.ZipFile(target, "w", compression=zipfile.ZIP_DEFLATED) as zout:
        for info in zin.infolist():
            if info.filename.split("/", 1)[0] not in drop:
                zout.writestr(info, zin.read(info))


def compiled_stdlib(runtime: Path, work: Path, drop: tuple[str, ...] = STDLIB_DROP) -> Path:
    """python_stdlib.zip without `drop`, compiled to .pyc, written into `work`."""
    work.mkdir(parents=True, exist_ok=True)
    target = work / "python_stdlib.zip"
    _drop_entries(runtime / "python_stdlib.zip", target, drop)
    return py_compile(target, runtime)


def memory_snapshot(runtime: Path, stdlib: Path, wheel: Path, work: Path) -> Path:
    """The gzipped memory snapshot of the runtime with `stdlib` and `wheel`, the engine imported."""
    node = shutil.which("node")
    if node is None:
        raise RuntimeMismatch("Node is needed to build the comparator's memory snapshot (it comes with npm)")
    work.mkdir(parents=True, exist_ok=True)
    target = work / "engine.snapshot.gz"
    script = Path(__file__).with_name("_pyodide_snapshot.mjs")
    done = subprocess.run(
        [node, str(script), str(runtime), str(stdlib), str(wheel), str(target)], capture_output=True, text=True
    )
    if done.returncode:
        raise RuntimeMismatch(f"making the memory snapshot failed:\n{done.stderr.strip()[-2000:]}")
    return target


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
