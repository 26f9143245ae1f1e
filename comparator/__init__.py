"""The coverage engine: Promovendum 2020 supplementary and dental insurance, per the comparator contract.

Standard library only, so the same code runs in CPython, in the site build and in Pyodide.
"""

from ._best import DEFAULT_LIMIT, best_plans
from ._compare import compare
from ._profile import ProfileError

__all__ = ["ProfileError", "best_plans", "best_plans_json", "compare", "compare_json"]


def compare_json(profile_json: str) -> str:
    """JSON in, JSON out: the entry point the browser worker calls. Errors come back as {"error": ...}."""
    import json

    from ._compare import compare_parsed
    from ._data import policy_data
    from ._profile import parse_profile_json

    data = policy_data()
    try:
        result = compare_parsed(parse_profile_json(profile_json, data), data)
    except ProfileError as error:
        result = {"error": str(error)}
    return json.dumps(result, ensure_ascii=False)


def best_plans_json(profile_json: str, limit: int = DEFAULT_LIMIT) -> str:
    """best_plans for the browser worker: JSON in, JSON out, errors as {"error": ...} (like compare_json)."""
    import json

    from ._best import best_plans_parsed
    from ._data import policy_data
    from ._profile import parse_profile_json

    data = policy_data()
    try:
        result = best_plans_parsed(parse_profile_json(profile_json, data), data, limit)
    except ProfileError as error:
        result = {"error": str(error)}
    return json.dumps(result, ensure_ascii=False)
