"""python -m comparator PROFILE.json | -   (see the comparator contract)."""

from __future__ import annotations

import json
import sys

from ._compare import compare_parsed
from ._data import policy_data
from ._profile import ProfileError, parse_profile_json

USAGE = "usage: python -m comparator PROFILE.json | -"


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    # The contract's JSON is UTF-8 whatever the locale says; messages are valid UTF-8 too.
    sys.stdout.reconfigure(encoding="utf-8")
    sys.stderr.reconfigure(encoding="utf-8", errors="backslashreplace")
    if len(args) != 1:
        print(USAGE, file=sys.stderr)
        return 2
    try:
        if args[0] == "-":
            text = sys.stdin.buffer.read().decode("utf-8")
        else:
            with open(args[0], encoding="utf-8") as handle:
                text = handle.read()
    except (OSError, UnicodeDecodeError) as error:
        print(f"profile: cannot read {args[0]}: {error}", file=sys.stderr)
        return 2
    data = policy_data()
    try:
        result = compare_parsed(parse_profile_json(text, data), data)
    except ProfileError as error:
        print(str(error).replace("\n", " "), file=sys.stderr)
        return 2
    sys.stdout.write(json.dumps(result, ensure_ascii=False, indent=2) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
