"""MkDocs hook: the footer of every page says which conditions, when the premiums were read, when built.

Listed under `hooks:` in mkdocs.yml. `on_config` writes Material's footer line (`copyright`) in
the edition's language (`theme.language`: "nl" or "en"; another fails the build).
The premiums' date comes from `reference.read_on` in policies/premiums.yaml and is "onbekend"
without it (the overview's restatement in ../shared/sources carries no date); the build date is
SOURCE_DATE_EPOCH or the last commit's date, never the clock, so two builds of one commit are identical.
"""

from __future__ import annotations

import datetime
import os
import subprocess
import sys
from pathlib import Path

from mkdocs.exceptions import PluginError

# Loaded by file path: make the repository importable even without an installed package.
_REPO = Path(__file__).resolve().parents[2]
if str(_REPO) not in sys.path:
    sys.path.insert(0, str(_REPO))

from build_tools.data import load_yaml  # noqa: E402

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


# Not the locale's names: a build must not depend on the machine's settings.
_MONTHS_EN = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
]
_FOOTER = {
    "nl": (
        "Voorwaarden: Aanvullende en tandartsverzekering 2020. "
        "Premies uit het overzicht dekking 2020 van Promovendum, overgenomen op: {read_on}. "
        "Site gemaakt op: {built} (datum van de laatste wijziging).",
        "onbekend (de bron noemt geen datum)",
        "onbekend (geen git-geschiedenis)",
    ),
    "en": (
        "Conditions: Aanvullende en tandartsverzekering 2020 (Dutch, the binding text). "
        "Premiums from Promovendum's 2020 coverage overview, read on: {read_on}. "
        "Site built on: {built} (date of the last change).",
        "unknown (the source gives no date)",
        "unknown (no git history)",
    ),
}


def _day(iso: str, lang: str) -> str:
    """ "3 februari 2020" in Dutch, "3 February 2020" in English."""
    day = datetime.date.fromisoformat(iso)
    month = (_MONTHS if lang == "nl" else _MONTHS_EN)[day.month - 1]
    return f"{day.day} {month} {day.year}"


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
    """The date, if the data gives one that exists. A missing or broken file, or a day that does
    not exist, is reported by the pages hook, with its file:line, as the build goes on: not here
    as a traceback. Read with the checker's loader, which refuses what would crash or hang it."""
    loaded, _ = load_yaml(premiums, premiums.name)
    try:
        read_on = loaded.data["reference"]["read_on"]
        datetime.date.fromisoformat(read_on)
    except (AttributeError, KeyError, TypeError, ValueError):
        return None
    return read_on


def on_config(config):
    lang = config["theme"]["language"]
    if lang not in _FOOTER:
        raise PluginError(f"theme.language: expected one of {', '.join(_FOOTER)}, got '{lang}'")
    root = Path(config.config_file_path).resolve().parent
    read_on = _read_on(root / "policies" / "premiums.yaml")
    built = _build_date(root)
    footer, no_read_on, no_built = _FOOTER[lang]
    config["copyright"] = footer.format(
        read_on=_day(read_on, lang) if read_on else no_read_on,
        built=_day(built, lang) if built else no_built,
    )
    return config
