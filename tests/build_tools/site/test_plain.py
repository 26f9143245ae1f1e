"""The plain sentence of each benefit: written from its rules, adding no number of its own."""

from __future__ import annotations

from decimal import Decimal

import pytest
import yaml

from build_tools import REPO_ROOT
from build_tools.data._check_traceability import numbers_in, rule_numbers
from build_tools.site._plain import plain_sentence
from build_tools.site._text import tiers_maximum

CATALOGUE = yaml.safe_load((REPO_ROOT / "policies" / "catalogue.yaml").read_text(encoding="utf-8"))
UNITS = {care["id"]: care.get("unit") for care in CATALOGUE["care"]}
BENEFITS = [
    (path.relative_to(REPO_ROOT).as_posix(), benefit)
    for path in sorted((REPO_ROOT / "policies").glob("*/*.yaml"))
    if path.parent.name in ("av", "dental")
    for benefit in yaml.safe_load(path.read_text(encoding="utf-8"))["benefits"]
]


@pytest.mark.parametrize(("file", "benefit"), BENEFITS, ids=[f"{f}:{b['id']}" for f, b in BENEFITS])
def test_every_number_in_the_sentence_is_one_of_its_rules(file, benefit):
    sentence = plain_sentence(benefit, UNITS[benefit["id"]], ["Andere zorg"])
    held = {Decimal(str(value)) for rule in benefit["rules"] for _path, value in rule_numbers(rule)}
    for rule in benefit["rules"]:  # the yearly maximum of closed bands is their sum, shown with its sum
        if "tiers" in rule and tiers_maximum(rule["tiers"]):
            held |= numbers_in(tiers_maximum(rule["tiers"])[0])
    assert numbers_in(sentence) <= held, f"{file} {benefit['id']}: {sentence}"
    assert sentence.endswith(".") and "\n" not in sentence
    if any("unknown" in rule for rule in benefit["rules"]):
        assert "onbekend" in sentence


def sentence(benefit: dict, unit: str | None, partners: list[str]) -> str:
    return plain_sentence(benefit, unit, partners).replace("\u00a0", " ")  # "€ 30" keeps together


def test_shapes_read_as_plain_dutch():
    benefit = {
        "rules": [{"rate": 80, "unit_max": 30, "limits": [{"amount": 200, "period": "calendar_year", "pool": "p"}]}]
    }
    assert sentence(benefit, "consult", ["Homeopathische geneesmiddelen"]) == (
        "U krijgt 80% van de kosten terug, maximaal € 30 per consult, tot € 200 per kalenderjaar "
        "(samen met homeopathische geneesmiddelen)."
    )
    once = {
        "rules": [
            {
                "limits": [
                    {"count": 1, "unit": "keer", "period": "calendar_years", "years": 2},
                    {"amount": 230, "period": "calendar_years", "years": 2},
                ]
            }
        ]
    }
    assert sentence(once, None, []) == "U krijgt de kosten helemaal terug, 1 keer en tot € 230 per 2 kalenderjaren."
    children = {"rules": [{"eligibility": {"age": {"through": 12}}, "non_contracted": "unknown"}]}
    assert sentence(children, None, []) == (
        "Voor verzekerden tot en met 12 jaar: u krijgt de kosten helemaal terug; "
        "bij een zorgaanbieder zonder contract is het bedrag onbekend."
    )
    assert sentence({"plain_summary": "Eigen zin.", "rules": []}, None, []) == "Eigen zin."
