"""pytest fixtures for browser tests: Debian's Chromium, the built site on 127.0.0.1, and a page
that fails its test on any request to another host, any console error and any uncaught error.

    from browser.fixtures import *  # in a test module
"""

from __future__ import annotations

import os
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from .server import free_port, serve
from .site import CHROMIUM, LAUNCH_ARGS, build_site

__all__ = ["browser_context_args", "browser_type_launch_args", "guarded_page", "site_url"]


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    if not Path(CHROMIUM).is_file():
        pytest.skip(f"Chromium not found at {CHROMIUM} (apt-get install chromium)")
    return {**browser_type_launch_args, "executable_path": CHROMIUM, "args": LAUNCH_ARGS}


@pytest.fixture(scope="session")
def browser_context_args(browser_context_args):
    # A service worker's responses bypass context.route, so the guard would not see them.
    return {**browser_context_args, "service_workers": "block"}


@pytest.fixture(scope="session")
def site_url(tmp_path_factory) -> str:
    """The base URL of the built site, served on 127.0.0.1 for the whole session."""
    port = free_port()
    base = f"http://127.0.0.1:{port}/"
    root = build_site(tmp_path_factory.mktemp("site"), base)
    with serve(root, port) as url:
        yield url


class PageGuard:
    """What a page did that a test must not let pass: off-host requests, console errors, page errors."""

    def __init__(self):
        self.blocked: list[str] = []
        self.console_errors: list[str] = []
        self.page_errors: list[str] = []
        self.allow_console: list[str] = []

    def problems(self) -> list[str]:
        console = [m for m in self.console_errors if not any(a in m for a in self.allow_console)]
        return (
            [f"request off 127.0.0.1: {u}" for u in self.blocked]
            + [f"console error: {m}" for m in console]
            + [f"page error: {e}" for e in self.page_errors]
        )


@pytest.fixture
def guarded_page(context, site_url):
    """A page in a context that records and aborts every request not to 127.0.0.1; the test fails
    afterwards on any such request, console error or uncaught error (allow_console lists
    substrings of console errors a test provokes on purpose)."""
    guard = PageGuard()

    def route(route):
        host = urlsplit(route.request.url).hostname
        if route.request.url.startswith(("data:", "blob:")) or host == "127.0.0.1":
            route.continue_()
        else:
            guard.blocked.append(route.request.url)
            route.abort()

    context.route("**/*", route)
    page = context.new_page()
    page.on("console", lambda message: message.type == "error" and guard.console_errors.append(message.text))
    page.on("pageerror", lambda error: guard.page_errors.append(str(error)))
    page.set_default_timeout(float(os.environ.get("BROWSER_TIMEOUT_MS", "30000")))
    page.guard = guard
    yield page
    assert not guard.problems(), "\n".join(guard.problems())
