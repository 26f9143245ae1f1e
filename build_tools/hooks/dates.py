"""MkDocs hook: the footer of every page says which conditions, when the premiums were read, when built.

Listed under `hooks:` in mkdocs.yml. `on_config` writes Material's footer line (`copyright`).
The premiums' date comes from `reference.read_on` in policies/premiums.yaml and is "onbekend"
without it (the overview's restatement in ../shared/sources carries no date); the build date is
SOURCE_DATE_EPOCH or the last commit's date, never the clock, so two builds of one commit are identical.
"""

from __future__ import annotations

import datetime
import os
import subprocess
from pathlib import Path

import yaml

_MONTHS = [
    "januari",
    "februari",
    "maart",
    "april",
    "mei",
    "juni",
    "juli",
    "augustus",
    "september",
    "oktober",
    "november",
    "december",
]


def _dutch(iso: str) -> str:
    day = datetime.date.fromisoformat(iso)
    return f"{day.day} {_MONTHS[day.month - 1]} {day.year}"


def _build_date(root: Path) -> str | None:
    """SOURCE_DATE_EPOCH when set (the reproducible-builds convention: a copy of a checkout builds
    as its commit), else the last commit's date; in UTC, so every machine writes the same day."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if not epoch:
        try:
            done = subprocess.run(
                ["git", "log", "-1", "--format=%ct"], cwd=root, capture_output=True, text=True, check=True
            )
        except (OSError, subprocess.CalledProcessError):
            return None
        epoch = done.stdout.strip()
    if not epoch.isdigit():
        return None
    return datetime.datetime.fromtimestamp(int(epoch), datetime.UTC).date().isoformat()


def _read_on(premiums: Path) -> str | None:
    """The date, if the data gives one. A missing or broken file is reported by the pages hook,
    with its file:line, as the build goes on: not here as a traceback."""
    try:
        data = yaml.safe_load(premiums.read_text(encoding="utf-8"))
        return data["reference"].get("read_on")
    except (OSError, yaml.YAMLError, KeyError, TypeError, AttributeError):
        return None


def on_config(config):
    root = Path(config.config_file_path).resolve().parent
    read_on = _read_on(root / "policies" / "premiums.yaml")
    built = _build_date(root)
    config["copyright"] = (
        "Voorwaarden: Aanvullende en tandartsverzekering 2020. "
        "Premies uit het overzicht dekking 2020 van Promovendum, "
        f"overgenomen op: {_dutch(read_on) if read_on else 'onbekend (de bron noemt geen datum)'}. "
        f"Site gemaakt op: {_dutch(built) if built else 'onbekend (geen git-geschiedenis)'} "
        "(datum van de laatste wijziging)."
    )
    return config
