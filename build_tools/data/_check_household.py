"""Checks of policies/household.yaml: the art. 1.2.2 rule, what can be taken on its own, the order of
the packages, the 2020 on-sale list.

Beyond its schema, every quote must stand in its document and every fact in a quote: the age in
each quote about children, the order of `av_order` as the contract's sentence gives it, and each
on-sale list exactly the packages its sentence of the overview names, no more and no fewer.
"""

from __future__ import annotations

import re

from ._check_traceability import Traceability
from ._load import LoadedFile, Problem
from ._policy_files import PolicyFiles

__all__ = ["check_household"]

HOUSEHOLD = "policies/household.yaml"
_PACKAGE_NAME = re.compile(r"\b(Primair|Royaal|Ideaal|Optimaal|Excellent)\b")  # as the overview writes them
_PACKAGE_ID = re.compile(r"`(primair|royaal|ideaal|optimaal|excellent)`")  # as the contract writes them


def check_household(files: PolicyFiles, trace: Traceability) -> None:
    loaded = files.household
    if loaded is None:
        if not trace.problems.in_file(HOUSEHOLD):
            trace.problems.append(Problem(HOUSEHOLD, 1, "missing"))
        return
    data = loaded.data
    children = data["children"]
    quote = trace.quote(loaded, ("children",), children, children["article"])
    trace.number(loaded, ("children", "under"), children["under"], [quote])
    dental = children["dental"]
    if not trace.conditions.has(dental["article"]):
        trace.problems.add(loaded, ("children", "dental", "article"), f"article {dental['article']} does not exist")
    for index, source in enumerate(dental["sources"]):
        path = ("children", "dental", "sources", index)
        quote = trace.quote(loaded, path, source, dental["article"])
        trace.number(loaded, path + ("quote",), children["under"], [quote])
    adult_without_av = data["adult_without_av"]
    trace.quote(loaded, ("adult_without_av",), adult_without_av, adult_without_av["article"])
    for key, statement in data["standalone"].items():
        trace.quote(loaded, ("standalone", key), statement, statement["article"])
    _check_order(files, trace, loaded, data["av_order"])
    for kind in ("av", "dental"):
        _check_on_sale(files, trace, loaded, kind, data["on_sale"][kind])


def _check_order(files: PolicyFiles, trace: Traceability, loaded: LoadedFile, order: dict) -> None:
    path = ("av_order", "packages")
    packages = order["packages"]
    on_file = files.package_names("av")
    if sorted(packages) != on_file:
        trace.problems.add(loaded, path, f"must list every package of policies/av/ once ({', '.join(on_file)})")
    quotes = [
        trace.quote(loaded, ("av_order", "sources", index), source, "1.2.2")
        for index, source in enumerate(order["sources"])
    ]
    if not any(_PACKAGE_ID.findall(quote) == packages for quote in quotes if quote):
        trace.problems.add(loaded, path, f"[{', '.join(packages)}] is not the order any of its quotes states")


def _check_on_sale(files: PolicyFiles, trace: Traceability, loaded: LoadedFile, kind: str, on_sale: dict) -> None:
    path = ("on_sale", kind, "packages")
    quote = trace.quote(loaded, ("on_sale", kind, "source"), on_sale["source"], "")
    named = sorted({name.lower() for name in _PACKAGE_NAME.findall(quote)})
    if quote and sorted(on_sale["packages"]) != named:
        trace.problems.add(loaded, path, f"must be the packages its quote names ({', '.join(named)})")
    premiums = files.premiums.data[kind] if files.premiums else {}
    for name in on_sale["packages"]:
        if name not in files.package_names(kind):
            trace.problems.add(loaded, path, f"'{name}' has no policies/{kind}/{name}.yaml")
        elif ("premiums",) not in files.failed and premiums.get(name, {}).get("monthly") is None:
            trace.problems.add(
                loaded, path, f"'{name}' is on sale but its premium in policies/premiums.yaml is unknown"
            )
