"""The policy data compiled from policies/ by build_tools, shipped inside this package."""

from __future__ import annotations

import json
from decimal import Decimal
from fractions import Fraction
from functools import cache
from importlib import resources

__all__ = ["PolicyData", "policy_data"]


class PolicyData:
    """Read-only view of policies-2020.json with amounts as Decimal."""

    def __init__(self, raw: dict):
        self.year: int = raw["year"]
        self.themes: list[dict] = raw["themes"]
        self.catalogue: dict[str, dict] = raw["catalogue"]
        self.packages: dict[str, dict[str, dict]] = raw["packages"]
        self.household: dict = raw["household"]  # art. 1.2.2 and the packages on sale (policies/household.yaml)
        self.premiums = {
            kind: {name: None if monthly is None else Decimal(monthly) for name, monthly in table.items()}
            for kind, table in raw["premiums"].items()
        }
        for kind_packages in self.packages.values():
            for package in kind_packages.values():
                for benefit in package["benefits"].values():
                    benefit["rules"] = [_parse_rule(rule) for rule in benefit["rules"]]
                package["pools"] = _pools(package)


def _parse_rule(rule: dict) -> dict:
    parsed = dict(rule)
    for key in ("rate", "unit_max"):
        if key in rule:
            parsed[key] = Decimal(rule[key])
    if "tiers" in rule:
        parsed["tiers"] = _parse_tiers(rule["tiers"])
    parsed["limits"] = [
        {**limit, **({"amount": Decimal(limit["amount"])} if "amount" in limit else {})}
        for limit in rule.get("limits", [])
    ]
    if isinstance(rule.get("non_contracted"), dict):
        parsed["non_contracted"] = {"unit_max": Decimal(rule["non_contracted"]["unit_max"])}
    return parsed


def _parse_tiers(tiers: list[dict]) -> list[dict]:
    """Bands with their bounds: `up_to` ends a band at a cost, `band` gives its width ("70% van € 500").

    `up_to` None is an open band; after a last band with a bound nothing more is reimbursed.
    """
    parsed, lower = [], Decimal(0)
    for tier in tiers:
        upper = Decimal(tier["up_to"]) if "up_to" in tier else lower + Decimal(tier["band"]) if "band" in tier else None
        rate = Decimal(tier["rate"])
        # The same band as exact fractions (lower, upper, share of the costs), for the engine's sums.
        exact = (Fraction(lower), None if upper is None else Fraction(upper), Fraction(rate) / 100)
        parsed.append({"rate": rate, "from": lower, "up_to": upper, "band": "band" in tier, "exact": exact})
        if upper is None:  # an open band is the last one (build_tools checks the tiers' order)
            break
        lower = upper
    return parsed


def _pools(package: dict) -> dict[str, list[str]]:
    """Pool name -> the care ids sharing it, in package order."""
    pools: dict[str, list[str]] = {}
    for care_id, benefit in package["benefits"].items():
        for rule in benefit["rules"]:
            for limit in rule["limits"]:
                if "pool" in limit and care_id not in pools.setdefault(limit["pool"], []):
                    pools[limit["pool"]].append(care_id)
    return pools


@cache
def policy_data() -> PolicyData:
    text = resources.files(__package__).joinpath("data/policies-2020.json").read_text(encoding="utf-8")
    return PolicyData(json.loads(text))
