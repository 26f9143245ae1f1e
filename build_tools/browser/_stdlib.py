"""The runtime's standard library for the browser: python_stdlib.zip without what is never imported,
compiled to .pyc (`stdLibURL`: a start without compiling the stdlib's sources in the browser)."""

from __future__ import annotations

import zipfile
from pathlib import Path

from ._runtime import py_compile

__all__ = ["STDLIB_DROP", "compiled_stdlib"]

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
