"""python -m comparator [--best | --risk [--limit N]] PROFILE.json | -   (see the comparator contract)."""

from __future__ import annotations

import io
import json
import re
import sys
from typing import cast

from ._best import DEFAULT_LIMIT, best_plans_parsed
from ._compare import compare_parsed
from ._data import policy_data
from ._profile import ProfileError, parse_profile_json
from ._risk import DEFAULT_RISK_LIMIT, risk_parsed

USAGE = "usage: python -m comparator [--best | --risk [--limit N]] PROFILE.json | -"
MODES = {"--best": (DEFAULT_LIMIT, best_plans_parsed), "--risk": (DEFAULT_RISK_LIMIT, risk_parsed)}


def _arguments(args: list[str]) -> tuple[str, str | None, int | str | None] | None:
    """(profile path, None to compare or --best / --risk, its limit), or None when they fit no usage."""
    args = list(args)
    mode: str | None = None
    limit: int | str | None = None
    modes = [arg for arg in args if arg in MODES]
    if len(modes) > 1:
        return None
    if modes:
        mode = modes[0]
        args.remove(mode)
        limit = MODES[mode][0]
        if "--limit" in args:
            at = args.index("--limit")
            if at + 1 == len(args):
                return None
            text = args.pop(at + 1)
            args.pop(at)
            # Text that is not a whole number goes on as given, for the limit's own error message.
            limit = int(text) if re.fullmatch(r"[+-]?[0-9]+", text) else text
    return (args[0], mode, limit) if len(args) == 1 and not args[0].startswith("--") else None


def main(argv: list[str] | None = None) -> int:
    # The contract's JSON is UTF-8 whatever the locale says; messages are valid UTF-8 too.
    # Python's own streams are TextIOWrappers (typeshed types them as TextIO).
    cast(io.TextIOWrapper, sys.stdout).reconfigure(encoding="utf-8")
    cast(io.TextIOWrapper, sys.stderr).reconfigure(encoding="utf-8", errors="backslashreplace")
    arguments = _arguments(sys.argv[1:] if argv is None else argv)
    if arguments is None:
        print(USAGE, file=sys.stderr)
        return 2
    path, mode, limit = arguments
    try:
        if path == "-":
            text = sys.stdin.buffer.read().decode("utf-8")
        else:
            with open(path, encoding="utf-8") as handle:
                text = handle.read()
    except (OSError, UnicodeDecodeError) as error:
        print(f"profile: cannot read {path}: {error}", file=sys.stderr)
        return 2
    data = policy_data()
    try:
        profile = parse_profile_json(text, data)
        result = compare_parsed(profile, data) if mode is None else MODES[mode][1](profile, data, limit)
    except ProfileError as error:
        print(str(error).replace("\n", " "), file=sys.stderr)
        return 2
    sys.stdout.write(json.dumps(result, ensure_ascii=False, indent=2) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
