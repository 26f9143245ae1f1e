"""`python -m build_tools check` on the real data: the report, and exit status 0."""

from __future__ import annotations

import subprocess
import sys

from build_tools import REPO_ROOT


def test_the_command_prints_the_report_and_exits_0_on_the_real_data():
    run = subprocess.run([sys.executable, "-m", "build_tools", "check"], capture_output=True, text=True, cwd=REPO_ROOT)
    assert run.returncode == 0, run.stderr
    assert "Article headings of ch. 2-8 mapped: 160/160 (100%)" in run.stdout
    assert "0 problem(s)" in run.stdout
