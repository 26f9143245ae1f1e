"""The answer card's figures beside best_plans: break-even premiums, the deciding lines, "wat als?".

Each has a dict API (profile in, JSON-ready dict out, errors as ProfileError like compare), and
answer_parsed gives the browser worker everything for one input in one call: the profile is parsed
and every person's parts are evaluated once. Its `plans` itemise each of the best plans: per plan
the result `compare` gives for it as a `{"persons": [...]}` entry (every person's packages,
`premium_year` and lines), built from the parts the plan search already evaluated.
"""

from __future__ import annotations

from ._best import PlanSearch, best_plans_json_parts, checked_limit
from ._compare import combination_json, compare_parsed
from ._data import PolicyData, policy_data
from ._insights import break_even_json, deciding_lines_json
from ._profile import Holding, PersonsPackages, Profile, parse_profile
from ._risk import has_uncertain_lines, risk_parsed
from ._what_if import MAX_LIMIT, what_if_json

__all__ = ["ANSWER_PLANS", "answer_parsed", "break_even_premiums", "deciding_lines", "what_if"]

ANSWER_PLANS = 3  # the answer and two runners-up


def _search(profile: dict, limit: int) -> tuple[Profile, dict, PlanSearch, list]:
    data = policy_data()
    parsed = parse_profile(profile, data)
    return (parsed, *best_plans_json_parts(parsed, data, limit))


def break_even_premiums(profile: dict) -> dict:
    """Per package without a known premium (AV Optimaal, dental Excellent in 2020, unless the profile
    gives it): the monthly premium per adult below which a plan holding it is the cheapest."""
    parsed, _, search, _ = _search(profile, 1)
    return {"year": parsed.year, "break_even": break_even_json(parsed, search)}


def deciding_lines(profile: dict) -> dict:
    """The (at most 3) care lines whose own payment differs most between the best plan and the runner-up."""
    parsed, best, search, plans = _search(profile, 2)
    lines = deciding_lines_json(parsed, search, *plans) if len(plans) == 2 and "explanation" not in best else []
    return {"year": parsed.year, "lines": lines}


def what_if(profile: dict, person: int, line: int, limit: int = ANSWER_PLANS) -> dict:
    """The `limit` (1-10) best plans' totals per year against the quantity of one care line, their
    crossings, and the cheapest plan over every candidate at each quantity with where it changes."""
    checked_limit(limit, MAX_LIMIT)
    parsed, _, search, plans = _search(profile, limit)
    return {"year": parsed.year, **what_if_json(search, plans, person, line)}


def answer_parsed(profile: Profile, data: PolicyData, what_if_line: list | None) -> dict:
    """compare, best_plans (ANSWER_PLANS), break-even premiums, deciding lines, each best plan's
    result (`plans`), for `what_if_line` = [person, line], the "wat als?" chart, and with an
    uncertain care line `risk` (ANSWER_PLANS plans): the comparator page's one call."""
    best, search, plans = best_plans_json_parts(profile, data, ANSWER_PLANS)
    ranked = "explanation" not in best
    answer = {
        "result": compare_parsed(profile, data),
        "best": best,
        "break_even": break_even_json(profile, search),
        "deciding": deciding_lines_json(profile, search, *plans[:2]) if ranked and len(plans) > 1 else [],
        "plans": [_plan_result(profile, search, holdings) for holdings in plans],
    }
    if what_if_line is not None and ranked:
        answer["what_if"] = what_if_json(search, plans, *what_if_line)
    if has_uncertain_lines(profile):
        answer["risk"] = risk_parsed(profile, data, ANSWER_PLANS)
    return answer


def _plan_result(profile: Profile, search: PlanSearch, holdings: tuple[Holding, ...]) -> dict:
    """compare's result for the plan as a {"persons": [...]} entry (children null, art. 1.2.2)."""
    adult_age = search.household["children_under"]
    entry = PersonsPackages(
        tuple(
            holding if person.age >= adult_age else None
            for person, holding in zip(profile.persons, holdings, strict=True)
        )
    )
    return combination_json(profile, entry, search.part, search.household)
