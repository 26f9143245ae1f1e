"""The coverage engine: Promovendum 2020 supplementary and dental insurance, per the comparator contract.

Standard library only, so the same code runs in CPython, in the site build and in Pyodide.
"""

from ._compare import compare
from ._profile import ProfileError

__all__ = ["ProfileError", "compare", "compare_json"]


def compare_json(profile_json: str) -> str:
    """JSON in, JSON out: the entry point the browser worker calls. Errors come back as
    {"error": the contract's message, "message_nl": the same in Dutch, for the page}."""
    import json

    from ._compare import compare_parsed
    from ._data import policy_data
    from ._dutch import dutch
    from ._profile import parse_profile_json

    data = policy_data()
    try:
        result = compare_parsed(parse_profile_json(profile_json, data), data)
    except ProfileError as error:
        result = {"error": str(error), "message_nl": dutch(error)}
    return json.dumps(result, ensure_ascii=False)
