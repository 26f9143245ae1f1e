"""Bad input stops the site build with the checker's `file:line` message, never a traceback."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[3]
_LINKED = {".git", ".venv", "site", "policies", "docs", "mkdocs.yml", "node_modules", ".pytest_cache"}


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """A copy of the project to break: policies/, docs/ and mkdocs.yml copied, the rest linked."""
    shutil.copytree(REPO / "policies", tmp_path / "policies")
    shutil.copytree(REPO / "docs", tmp_path / "docs", symlinks=True)
    shutil.copy(REPO / "mkdocs.yml", tmp_path / "mkdocs.yml")
    for entry in REPO.iterdir():
        if entry.name not in _LINKED:
            (tmp_path / entry.name).symlink_to(entry)
    return tmp_path


def edit(root: Path, relative: str, old: str, new: str) -> int:
    """Replace the first `old`; return the 1-based line where it stood."""
    path = root / relative
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {relative}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return text[: text.index(old)].count("\n") + 1


def build(root: Path, timeout: float | None = None) -> subprocess.CompletedProcess:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    command = [sys.executable, "-m", "mkdocs", "build", "--strict", "--quiet", "-d", str(root / "out")]
    return subprocess.run(command, cwd=root, env=env, capture_output=True, text=True, timeout=timeout)


def assert_fails_with(done: subprocess.CompletedProcess, message: str) -> None:
    assert done.returncode != 0
    assert message in done.stderr, done.stderr
    assert "Traceback" not in done.stderr, done.stderr


def test_the_copy_builds(project):
    done = build(project)
    assert done.returncode == 0, done.stderr


def test_invalid_data_fails_with_file_and_line(project):
    line = edit(project, "policies/av/primair.yaml", "rate: 80", "rate: tachtig")
    assert_fails_with(build(project), f"policies/av/primair.yaml:{line}:")


def test_a_number_not_in_its_quote_fails_with_file_and_line(project):
    line = edit(project, "policies/av/primair.yaml", "unit_max: 30", "unit_max: 35")
    assert_fails_with(build(project), f"policies/av/primair.yaml:{line}: unit_max = 35 appears in none")


def test_broken_yaml_fails_with_file_and_line(project):
    line = edit(project, "policies/catalogue.yaml", "  - id: kuuroord\n", "  - id: [kuuroord\n")
    done = build(project)
    # PyYAML finds the unclosed bracket on the next line; the line to fix is this one.
    assert_fails_with(done, f"policies/catalogue.yaml:{line}: invalid YAML: while parsing a flow sequence")


def test_yaml_the_engine_uses_without_compiling_its_json_fails_loudly(project):
    """The pages would show the new title while the comparator (its form, its explanations of a
    shared limit) still names the old one."""
    edit(
        project,
        "policies/catalogue.yaml",
        "title: Homeopathische en antroposofische geneesmiddelen",
        "title: Homeopathische geneesmiddelen",
    )
    done = build(project)
    assert_fails_with(done, "comparator/data/policies-2020.json:1: stale: run 'python -m build_tools compile'")


def test_a_missing_file_fails_loudly(project):
    (project / "policies" / "premiums.yaml").unlink()
    assert_fails_with(build(project), "policies/premiums.yaml:1: missing")


def test_a_page_naming_an_unknown_benefit_fails_loudly(project):
    line = edit(
        project, "docs/index.md", "[[polis: in-het-kort fysiotherapie", "[[polis: in-het-kort beugelzorg fysiotherapie"
    )
    assert_fails_with(build(project), f"docs/index.md:{line}: unknown benefit id 'beugelzorg'")


def test_an_unknown_directive_fails_loudly(project):
    line = edit(project, "docs/klachten.md", "[[polis: artikel 1.15]]", "[[polis: artikelen 1.15]]")
    assert_fails_with(build(project), f"docs/klachten.md:{line}: unknown directive 'artikelen'")


def test_an_article_that_does_not_exist_fails_loudly(project):
    line = edit(project, "docs/klachten.md", "[[polis: artikel 1.15]]", "[[polis: artikel 1.99]]")
    assert_fails_with(build(project), f"docs/klachten.md:{line}: article 1.99 is not in")


@pytest.mark.parametrize(
    ("relative", "old", "new", "page", "word"),
    [
        (
            "policies/av/ideaal.yaml",
            "De tekst noemt geen periode bij het maximum van 6 uur.",
            "De tekst noemt geen periode bij het maximum van 6 uur (period unstated).",
            ".md",  # every page that shows the note: the first one built fails
            "period unstated",
        ),
        (
            "docs/klachten.md",
            "[[polis: artikel 1.15]]",
            "[[polis: artikel 1.15]]\n\nZie unit_max.",
            "klachten.md",
            "unit_max",
        ),
        (
            "docs/klachten.md",
            "[[polis: artikel 1.15]]",
            "[[polis: artikel 1.15]]\n\nHooguit EUR 12,50.",
            "klachten.md",
            "EUR 1",
        ),
        (
            "docs/declareren.md",
            "## Welke verzekering betaalt eerst?",
            "Premie: \\| Primair \\| € 8,90 \\|\n\n## Welke verzekering betaalt eerst?",
            "declareren.md",
            "| Primair |",
        ),
    ],
    ids=["yaml-note", "field-name", "eur-amount", "table-debris"],
)
def test_internal_or_english_words_on_a_page_fail_the_build(project, relative, old, new, page, word):
    edit(project, relative, old, new)
    assert_fails_with(build(project), f"{page}: '{word}")


@pytest.mark.parametrize(
    ("new", "below", "message"),
    [
        ("  read_on: 2026-02-30\n", 1, "reference.read_on: expected a valid date, got '2026-02-30'"),
        ("  read_on: " + "[" * 3000 + "]" * 3000 + "\n", 1, "invalid YAML: expected at most 32 levels of nesting"),
        (
            "  read_on:\n"
            + "".join(f"    l{n}: &l{n} [{', '.join([f'*l{n - 1}'] * 9) if n else 'lol'}]\n" for n in range(10)),
            2,
            "invalid YAML: anchors and aliases are not used in policies/",
        ),
    ],
    ids=["impossible-date", "deep-nesting", "alias-bomb"],
)
def test_data_that_would_crash_or_hang_the_loader_fails_with_file_and_line(project, new, below, message):
    """In premiums.yaml, which the footer's hook reads too, before the pages' check."""
    line = edit(project, "policies/premiums.yaml", "  document: overzicht\n", "  document: overzicht\n" + new) + below
    started = time.monotonic()
    done = build(project, timeout=120)
    assert_fails_with(done, f"policies/premiums.yaml:{line}: {message}")
    assert time.monotonic() - started < 60
