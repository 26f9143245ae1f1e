"""A profile with "lang": "en" changes only the wording of `explanation`: on every scenario of the
suite the figures, statuses and articles are those of the Dutch answer, and each explanation names
the same amounts in English notation."""

from __future__ import annotations

import copy
import re
from decimal import Decimal

import pytest
from scenario_plugin import load_all_cases

from comparator import ProfileError, best_plans, compare
from comparator._data import policy_data

CASES = load_all_cases()
DUTCH_EURO = re.compile(r"€ (\d{1,3}(?:\.\d{3})*),(\d\d)")
ENGLISH_EURO = re.compile(r"€(\d{1,3}(?:,\d{3})*)\.(\d\d)")


def _in(profile: dict, lang: str) -> dict:
    return {**copy.deepcopy(profile), "lang": lang}


def _explanations(value, found: list[str]) -> list[str]:
    """Every explanation in a result, in order; the result itself keeps them."""
    if isinstance(value, dict):
        for key, item in value.items():
            if key == "explanation":
                found.append(item)
            else:
                _explanations(item, found)
    elif isinstance(value, list):
        for item in value:
            _explanations(item, found)
    return found


def _without_explanations(value):
    if isinstance(value, dict):
        return {key: _without_explanations(item) for key, item in value.items() if key != "explanation"}
    if isinstance(value, list):
        return [_without_explanations(item) for item in value]
    return value


def _amounts(text: str, notation: re.Pattern, thousands: str) -> list[Decimal]:
    return [Decimal(f"{whole.replace(thousands, '')}.{cents}") for whole, cents in notation.findall(text)]


def _answer(case: dict, lang: str) -> dict:
    profile = _in(case["profile"], lang)
    return best_plans(profile, case["best"]) if "best" in case else compare(profile)


@pytest.mark.parametrize(("path", "case"), CASES, ids=[case["name"] for _, case in CASES])
def test_english_changes_only_the_wording(path, case):
    dutch, english = _answer(case, "nl"), _answer(case, "en")
    assert _without_explanations(english) == _without_explanations(dutch)
    dutch_texts, english_texts = _explanations(dutch, []), _explanations(english, [])
    assert len(english_texts) == len(dutch_texts)
    for nl, en in zip(dutch_texts, english_texts, strict=True):
        assert en != nl, f"not translated: {nl}"
        assert _amounts(en, ENGLISH_EURO, ",") == _amounts(nl, DUTCH_EURO, "."), (nl, en)
        assert "EUR" not in en and "€ " not in en, en


def test_the_default_language_is_dutch():
    profile = {"persons": [{"age": 30, "care": [{"id": "fysiotherapie", "count": 12, "price": 35}]}]}
    assert compare(profile) == compare(_in(profile, "nl"))
    english = compare(_in(profile, "en"))["results"][0]["persons"][0]["lines"][0]["explanation"]
    assert english == (
        "At most 6 treatments per calendar year: reimbursement for 6 of the 12 treatments. "
        "Reimbursed €210.00, you pay €210.00 yourself."
    )


def test_an_unknown_language_is_refused_naming_the_field():
    with pytest.raises(ProfileError) as raised:
        compare({"lang": "de", "persons": [{"age": 30}]})
    assert str(raised.value) == 'lang: must be "nl" or "en", got "de"'


def test_every_text_the_engine_shows_has_its_english_twin():
    """The compiled data carries `key_en` beside each Dutch text the explanations quote."""
    data = policy_data()
    texts = [(care, "title") for care in data.catalogue.values()]
    for kind in data.packages.values():
        for package in kind.values():
            texts.append((package, "title"))
            texts += [(entry, "explanation") for entry in package["not_covered"].values()]
            for benefit in package["benefits"].values():
                for rule in benefit["rules"]:
                    texts += [(rule, "not_eligible")] if "not_eligible" in rule else []
                    texts += [(rule["unknown"], "reason")] if "unknown" in rule else []
    household = data.household
    texts += [(household["child_dental"], "explanation")]
    texts += [(household, "child_explanation_without_av"), (household, "child_explanation_without_adult")]
    missing = [entry[key] for entry, key in texts if not entry.get(f"{key}_en")]
    assert not missing
    assert len(texts) > 60  # the walk found the texts
