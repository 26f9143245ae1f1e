"""Shared pytest set-up. In CI a skipped test counts as a failure: a missing tool must not pass quietly."""

from __future__ import annotations

import os

import pytest

# The `policies` fixture: a private copy of policies/ for the checker's tests.
pytest_plugins = ["policy_copy"]


@pytest.hookimpl(trylast=True)
def pytest_sessionfinish(session, exitstatus):
    reporter = session.config.pluginmanager.get_plugin("terminalreporter")
    skipped = len(reporter.stats.get("skipped", [])) if reporter else 0
    if os.environ.get("CI") and skipped and exitstatus == 0:
        reporter.write_line(f"CI: {skipped} test(s) skipped; in CI a skip is a failure.", red=True)
        session.exitstatus = 1
