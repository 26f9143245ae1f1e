"""The coverage engine: Promovendum 2020 supplementary and dental insurance, per the comparator contract.

Standard library only, so the same code runs in CPython, in the site build and in Pyodide.
"""

from ._answer import break_even_premiums, deciding_lines, what_if
from ._best import DEFAULT_LIMIT, best_plans
from ._compare import compare
from ._profile import ProfileError
from ._risk import risk

__all__ = [
    "ProfileError",
    "answer_json",
    "best_plans",
    "best_plans_json",
    "break_even_premiums",
    "compare",
    "compare_json",
    "deciding_lines",
    "risk",
    "risk_json",
    "what_if",
]


def compare_json(profile_json: str) -> str:
    """JSON in, JSON out: the entry point the browser worker calls. Errors come back as
    {"error": the contract's message, "message_nl": the same in Dutch, for the page}."""
    from ._compare import compare_parsed

    return _json_entry(profile_json, compare_parsed)


def best_plans_json(profile_json: str, limit: int = DEFAULT_LIMIT) -> str:
    """best_plans for the browser worker: JSON in, JSON out, errors as in compare_json."""
    from ._best import best_plans_parsed

    return _json_entry(profile_json, lambda profile, data: best_plans_parsed(profile, data, limit))


def risk_json(profile_json: str, limit: int = 3) -> str:
    """risk for the browser worker: JSON in, JSON out, errors as in compare_json."""
    from ._risk import risk_parsed

    return _json_entry(profile_json, lambda profile, data: risk_parsed(profile, data, limit))


def answer_json(profile_json: str, what_if_line: str = "null") -> str:
    """The comparator page's one call per input: {"result": compare, "best": best_plans (3),
    "break_even", "deciding", with what_if_line = "[person, line]" also "what_if", and when a
    care line has a chance below 1 also "risk" (3 plans)}; errors as in compare_json (the
    profile's first, then the line's)."""
    from ._answer import answer_parsed

    return _json_entry(profile_json, lambda profile, data: answer_parsed(profile, data, _what_if_line(what_if_line)))


def _what_if_line(text: str) -> list | None:
    """`null` or `[person, line]` (the indices are checked against the profile by what_if)."""
    import json

    from ._profile import field_error

    try:
        value = json.loads(text) if isinstance(text, str) else text
    except ValueError:
        value = None
    else:
        if value is None or (isinstance(value, list) and len(value) == 2):
            return value
    raise field_error("what_if_line", "must be [person, line] as JSON", text)


def _json_entry(profile_json: str, answer) -> str:
    import json

    from ._data import policy_data
    from ._dutch import dutch
    from ._profile import parse_profile_json

    data = policy_data()
    try:
        result = answer(parse_profile_json(profile_json, data), data)
    except ProfileError as error:
        result = {"error": str(error), "message_nl": dutch(error)}
    return json.dumps(result, ensure_ascii=False)
