"""Shared Playwright set-up for browser tests and benchmarks: the built site served on 127.0.0.1 to
Debian's Chromium, with nothing able to leave the machine.

Test modules take the fixtures with `from browser.fixtures import *` (tests/ is on sys.path).
"""
