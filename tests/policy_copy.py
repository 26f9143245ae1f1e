"""A private copy of policies/ to break, for the checker's tests: the fixture and its two helpers."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from build_tools import REPO_ROOT, check_policies

__all__ = ["edit", "policies", "problems_of"]


@pytest.fixture
def policies(tmp_path: Path) -> Path:
    """A private copy of policies/ to break."""
    target = tmp_path / "policies"
    shutil.copytree(REPO_ROOT / "policies", target)
    return target


def edit(policies: Path, relative: str, old: str, new: str) -> int:
    """Replace the first `old` in a file; return the 1-based line where it stood."""
    path = policies.parent / relative
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {relative}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return text[: text.index(old)].count("\n") + 1


def problems_of(policies: Path) -> list[str]:
    return [str(p) for p in check_policies(policies)[1].problems]
