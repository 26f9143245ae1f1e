"""Helpers of the quality gates (tests/test_quality_*.py): the built site served like a real host
(unknown paths get the site's 404 page), a watched page and axe-core."""
