"""The whole check on the real data: no problem, every heading mapped, every number and quote traced."""

from __future__ import annotations

from build_tools import REPO_ROOT, check_policies


def test_the_real_data_has_no_problem_and_is_fully_mapped_and_traced():
    _files, report = check_policies(REPO_ROOT / "policies")
    assert [str(p) for p in report.problems] == []
    assert report.headings_total >= 150 and report.headings_mapped == report.headings_total
    assert report.numbers_total >= 200 and report.numbers_traced == report.numbers_total
    assert report.quotes_verified == report.quotes_total
    assert set(report.benefits) == {f"av/{p}" for p in ("primair", "royaal", "ideaal", "optimaal", "excellent")} | {
        f"dental/{p}" for p in ("primair", "royaal", "optimaal", "excellent")
    }
