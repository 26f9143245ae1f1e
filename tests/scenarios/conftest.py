"""Collects the scenario files in this directory through tests/scenario_plugin.py.

If tests/conftest.py registers the plugin itself (`pytest_plugins = ["scenario_plugin"]`), this
hook steps aside so that no file is collected twice.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import scenario_plugin


def pytest_collect_file(file_path: Path, parent):
    if parent.config.pluginmanager.has_plugin("scenario_plugin"):
        return None
    return scenario_plugin.pytest_collect_file(file_path, parent)
