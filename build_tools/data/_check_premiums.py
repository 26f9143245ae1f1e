"""Checks of policies/premiums.yaml: the age below which children pay nothing, and each known monthly
premium, stated in its quote (article 1.5 unless the entry names another source)."""

from __future__ import annotations

from ._check_traceability import Traceability
from ._policy_files import PolicyFiles

__all__ = ["check_premiums"]


def check_premiums(files: PolicyFiles, trace: Traceability) -> None:
    loaded = files.premiums
    if loaded is None:
        return
    children = loaded.data["children"]
    quote = trace.quote(loaded, ("children",), children, children["article"])
    trace.number(loaded, ("children", "under"), children["under"], [quote])
    for kind in ("av", "dental"):
        for name, entry in loaded.data.get(kind, {}).items():
            if entry.get("monthly") is None:
                continue
            path = (kind, name)
            quote = trace.quote(loaded, path + ("source",), entry["source"], "1.5")
            trace.number(loaded, path + ("monthly",), entry["monthly"], [quote])
