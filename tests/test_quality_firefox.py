"""The comparator's share-link journey in Firefox ESR (Debian's `firefox-esr`), driven by npm
`puppeteer-core` over WebDriver BiDi (tests/firefox_share_link.mjs): each link opens, computes the
same figures as the engine under CPython (the CLI's) and offers itself as the share link, with no
request to another host and no console error."""

from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path

import pytest
from quality.fixtures import *  # noqa: F403 (quality_site)
from quality.fixtures import share_link
from test_comparator_page import PERSONAS, expected

pytestmark = pytest.mark.browser

FIREFOX = os.environ.get("FIREFOX", "/usr/bin/firefox-esr")
SCRIPT = Path(__file__).with_name("firefox_share_link.mjs")


def test_firefox_computes_share_links_like_the_cli(quality_site):
    if not Path(FIREFOX).is_file():
        pytest.skip(f"Firefox ESR not found at {FIREFOX} (apt-get install firefox-esr)")
    profiles = [persona["profile"] for persona in PERSONAS[:3]]
    links = [share_link(quality_site.url, profile) for profile in profiles]
    done = subprocess.run(["node", str(SCRIPT), FIREFOX, *links], capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr[-3000:]
    report = json.loads(done.stdout)
    assert report["offsite"] == [] and report["errors"] == []
    assert report["results"] == [expected(profile) for profile in profiles]
    assert report["links"] == links
