"""The footer's dates: the last commit's date, never the clock; 'onbekend' where no date is known."""

from __future__ import annotations

import shutil

from build_tools import REPO_ROOT
from build_tools.hooks import dates


class _Config(dict):
    def __init__(self, path):
        super().__init__()
        self.config_file_path = str(path)


def test_outside_git_the_build_date_is_onbekend_and_a_read_date_is_shown_in_dutch(tmp_path, monkeypatch):
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    shutil.copytree(REPO_ROOT / "policies", tmp_path / "policies")
    premiums = tmp_path / "policies" / "premiums.yaml"
    text = premiums.read_text(encoding="utf-8")
    premiums.write_text(
        text.replace("  description: De openbare", "  read_on: '2020-01-06'\n  description: De openbare")
    )
    footer = dates.on_config(_Config(tmp_path / "mkdocs.yml"))["copyright"]
    assert "overgenomen op: 6 januari 2020." in footer
    assert "Site gemaakt op: onbekend (geen git-geschiedenis)" in footer


def test_source_date_epoch_names_the_day_in_utc(tmp_path, monkeypatch):
    shutil.copytree(REPO_ROOT / "policies", tmp_path / "policies")
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1577919599")  # 2020-01-01 23:59:59 UTC
    assert "Site gemaakt op: 1 januari 2020 " in dates.on_config(_Config(tmp_path / "mkdocs.yml"))["copyright"]


def test_in_the_repository_two_builds_give_the_same_footer(monkeypatch):
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    first = dates.on_config(_Config(REPO_ROOT / "mkdocs.yml"))["copyright"]
    assert first == dates.on_config(_Config(REPO_ROOT / "mkdocs.yml"))["copyright"]
    assert "onbekend (geen git-geschiedenis)" not in first
