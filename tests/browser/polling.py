"""Waiting for a condition the page can only answer asynchronously (Cache Storage, for one).

Playwright's wait_for_function does not await a predicate's promise: a promise is truthy, so an
async predicate passes at once. wait_until asks again until the answer itself is truthy.
"""

from __future__ import annotations

import time

__all__ = ["wait_until"]


def wait_until(page, predicate: str, arg=None, timeout_ms: float = 30_000, every_ms: float = 100):
    """Evaluate `predicate` (a JS function, async or not, taking `arg`) until it returns something
    truthy, and return that; AssertionError with the last answer after `timeout_ms`."""
    deadline = time.monotonic() + timeout_ms / 1000
    while True:
        answer = page.evaluate(predicate, arg)
        if answer:
            return answer
        if time.monotonic() > deadline:
            raise AssertionError(f"still {answer!r} after {timeout_ms:.0f} ms: {predicate.strip()[:200]}")
        page.wait_for_timeout(every_ms)
