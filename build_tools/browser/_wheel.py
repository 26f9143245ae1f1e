"""Build a wheel of the engine (comparator/ with its policy JSON) for the browser.

The wheel is pure Python and reproducible: files in sorted order with a fixed timestamp, so the
same sources give the same bytes (and the same cache key). `_runtime.py_compile` then turns it
into a .pyc wheel for the runtime's Python.
"""

from __future__ import annotations

import base64
import hashlib
import zipfile
from pathlib import Path

__all__ = ["WHEEL_DIST", "build_wheel", "package_files"]

WHEEL_DIST = "comparator"
_EPOCH = (2020, 1, 1, 0, 0, 0)
_SUFFIXES = (".py", ".json")


def package_files(package_dir: Path) -> list[Path]:
    """The files that go into the wheel: the package's .py modules and its data/*.json."""
    return sorted(
        path
        for path in package_dir.rglob("*")
        if path.is_file() and path.suffix in _SUFFIXES and "__pycache__" not in path.parts
    )


def _record_hash(data: bytes) -> str:
    digest = base64.urlsafe_b64encode(hashlib.sha256(data).digest()).rstrip(b"=").decode()
    return f"sha256={digest}"


def build_wheel(package_dir: Path, out_dir: Path, version: str) -> Path:
    """Write `comparator-VERSION-py3-none-any.whl` into out_dir and return its path."""
    dist_info = f"{WHEEL_DIST}-{version}.dist-info"
    members: list[tuple[str, bytes]] = [
        (f"{package_dir.name}/{path.relative_to(package_dir).as_posix()}", path.read_bytes())
        for path in package_files(package_dir)
    ]
    members.append(
        (f"{dist_info}/METADATA", f"Metadata-Version: 2.1\nName: {WHEEL_DIST}\nVersion: {version}\n".encode())
    )
    members.append(
        (
            f"{dist_info}/WHEEL",
            b"Wheel-Version: 1.0\nGenerator: build_tools\nRoot-Is-Purelib: true\nTag: py3-none-any\n",
        )
    )
    record = "".join(f"{name},{_record_hash(data)},{len(data)}\n" for name, data in members)
    members.append((f"{dist_info}/RECORD", f"{record}{dist_info}/RECORD,,\n".encode()))

    out_dir.mkdir(parents=True, exist_ok=True)
    wheel = out_dir / f"{WHEEL_DIST}-{version}-py3-none-any.whl"
    with zipfile.ZipFile(wheel, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for name, data in members:
            info = zipfile.ZipInfo(name, date_time=_EPOCH)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            archive.writestr(info, data)
    return wheel
