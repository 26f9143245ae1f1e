"""Bad input to every entry (CLI, `compare`, `compare_json`): one short line naming the field, never a traceback.

The fuzz puts one bad value of a hard class (a lone surrogate, a number beyond Decimal's reach, a
huge integer, deep nesting, a long text) at one field of a valid profile and checks each entry's
answer against the contract: exit 2 with one stderr line for the CLI, ProfileError for the API,
{"error", "message_nl"} for the browser's entry (the page shows the Dutch one only), all valid
UTF-8, values shortened.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
import time
from decimal import Decimal

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from build_tools import REPO_ROOT
from comparator import ProfileError, answer_json, compare, compare_json
from comparator._data import policy_data
from comparator._profile import parse_profile_json

# Wherever a value stands in a profile, by the path the message must start with.
FIELDS = [
    "year",
    "persons[0].name",
    "persons[0].age",
    "persons[0].sex",
    "persons[0].care",
    "persons[0].care[1].id",
    "persons[0].care[1].count",
    "persons[0].care[1].price",
    "persons[0].care[1].contracted",
    "persons[0].care[1].reimbursed_earlier_in_period",
    "persons[0].care[1].count_earlier_in_period",
    "persons[0].care[1].chance",
    "packages",
    "packages[0].av",
    "packages[0].dental",
    "premiums.av.primair",
    "premiums.dental.royaal",
]
LONGEST_MESSAGE = 250  # the longest path and expectation plus a shortened value
# Words of the engine's English messages that must not show in the Dutch one (JSON's null, true
# and false may); the value shown back is taken out first, being the visitor's own.
ENGLISH = re.compile(
    r"\b(must|got|expected|unknown|field|required|valid|profile|persons?|care|whole|number|amount|euros|text|"
    r"list|nested|levels|one of|or|at most|from|to|characters)\b"
)


def base_profile() -> dict:
    return {
        "year": 2020,
        "persons": [
            {
                "name": "Ik",
                "age": 34,
                "care": [
                    {"id": "fysiotherapie", "count": 12, "price": 35},
                    {"id": "bril-lenzen", "price": 300, "contracted": True, "count": 1},
                ],
            }
        ],
        "packages": [{"av": "primair", "dental": "primair"}],
        "premiums": {"av": {"primair": 8.9}, "dental": {"royaal": 20}},
    }


def put(profile: dict, path: str, value) -> dict:
    """`profile` with the value at `path` (a contract path such as persons[0].care[1].count) replaced."""
    keys: list = []
    for part in path.split("."):
        name, _, index = part.partition("[")
        keys.append(name)
        if index:
            keys.append(int(index.rstrip("]")))
    target = profile
    for key in keys[:-1]:
        target = target[key]
    target[keys[-1]] = value
    return profile


def deep(depth: int, kind: str):
    value: list | dict = []
    for _ in range(depth):
        value = [value] if kind == "list" else {"a": value}
    return value


SURROGATES = st.sampled_from(["\ud800", "\udc80x", "a\udfff", "\ud83d", "x\udcff\ud800y"])
# Python values: every class the JSON text can carry too, and huge integers and deep nesting.
bad_values = st.one_of(
    SURROGATES,
    st.integers(min_value=200, max_value=6000).map(lambda digits: 10**digits),
    st.integers(min_value=200, max_value=6000).map(lambda digits: -(10**digits) + 7),
    st.tuples(st.integers(5_000, 100_000), st.sampled_from(["list", "dict"])).map(lambda args: deep(*args)),
    st.text(min_size=200, max_size=2000),
    st.sampled_from([float("nan"), float("inf"), Decimal("sNaN"), Decimal("-Infinity"), -1, 1.005, "x" * 100_000]),
)
# JSON number texts Decimal cannot hold on some platform (Pyodide's 32-bit build stops at 1e425000000)
# or that have 100,000 digits.
huge_numbers = st.one_of(
    st.sampled_from(["1e999999999", "1e9999999999999999999", "-1E+999999999", "1e-999999999", "5e425000001"]),
    st.integers(min_value=8, max_value=100_000).map(lambda digits: "9" * digits),
    st.integers(min_value=3, max_value=5_000).map(lambda digits: "0." + "1" * digits),
)
deep_texts = st.integers(min_value=40, max_value=100_000).map(lambda depth: "[" * depth + "]" * depth)

SETTINGS = settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def assert_one_short_line(message: str, field: str) -> None:
    """`field` or a field inside it is named first (a deep list in `persons` is `persons[0]`'s fault)."""
    assert message.startswith(field) and message[len(field)] in ":.[", message[:300]
    assert "\n" not in message and len(message) <= LONGEST_MESSAGE, message[:300]
    message.encode("utf-8")  # no lone surrogate: it could not be written as UTF-8


def browser_message(profile_text: str) -> str:
    """compare_json's answer, checked: valid UTF-8 JSON with the contract's message (returned) and a Dutch one."""
    answer_text = compare_json(profile_text)
    answer_text.encode("utf-8")
    answer = json.loads(answer_text)
    assert set(answer) == {"error", "message_nl"}, answer
    with pytest.raises(ProfileError) as raised:
        parse_profile_json(profile_text, policy_data())
    assert answer["error"] == str(raised.value)
    assert_dutch(answer["message_nl"], raised.value.got)
    return answer["error"]


def assert_dutch(message_nl: str, got: str | None) -> None:
    """One line, Dutch words only (besides the value shown back), and a phrase for the expectation."""
    assert "\n" not in message_nl and len(message_nl) <= LONGEST_MESSAGE, message_nl
    words = message_nl.replace(got, "") if got else message_nl
    assert not ENGLISH.search(words) and "klopt niet" not in words, message_nl


def api_message(profile) -> str:
    with pytest.raises(ProfileError) as raised:
        compare(profile)
    return str(raised.value)


@SETTINGS
@given(st.sampled_from(FIELDS), bad_values)
def test_any_bad_value_anywhere_is_one_short_line_from_the_api(field, value):
    assert_one_short_line(api_message(put(base_profile(), field, value)), field)


@SETTINGS
@given(st.sampled_from(FIELDS), st.one_of(SURROGATES, huge_numbers.map(lambda n: ("number", n))))
def test_any_bad_value_anywhere_is_one_short_line_from_compare_json(field, value):
    marker = "\u2603marker\u2603"
    text = json.dumps(put(base_profile(), field, marker), ensure_ascii=True)
    token = value[1] if isinstance(value, tuple) else json.dumps(value)  # "\ud800" as its JSON escape
    text = text.replace(json.dumps(marker), token)
    message = browser_message(text)
    assert_one_short_line(message, field)
    if not isinstance(value, tuple):  # a value Python holds: the API says the same
        assert api_message(json.loads(text)) == message


@SETTINGS
@given(deep_texts, st.sampled_from(["persons", "persons[0].name", "persons[0].care", "premiums.av.primair"]))
def test_deep_nesting_in_json_text_is_one_line_naming_the_profile(nested, field):
    text = json.dumps(put(base_profile(), field, "\u2603")).replace('"\\u2603"', nested)
    message = browser_message(text)
    assert_one_short_line(message, "profile")
    assert "nested" in message


def run_cli(stdin: bytes, env: dict | None = None) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "comparator", "-"], input=stdin, capture_output=True, cwd=REPO_ROOT, env=env
    )


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.sampled_from(FIELDS),
    st.one_of(SURROGATES, huge_numbers.map(lambda n: ("number", n)), deep_texts.map(lambda t: ("nested", t))),
)
def test_any_bad_value_anywhere_is_one_line_on_stderr_and_exit_2_from_the_cli(field, value):
    marker = "\u2603marker\u2603"
    text = json.dumps(put(base_profile(), field, marker), ensure_ascii=True)
    token = value[1] if isinstance(value, tuple) else json.dumps(value)
    done = run_cli(text.replace(json.dumps(marker), token).encode("ascii"))
    stderr = done.stderr.decode("utf-8")  # strict: invalid UTF-8 fails here
    assert done.returncode == 2 and done.stdout == b"", stderr
    expected_field = "profile" if isinstance(value, tuple) and value[0] == "nested" else field
    assert_one_short_line(stderr.removesuffix("\n"), expected_field)


@pytest.mark.parametrize(
    ("profile", "field"),
    [
        ({"persons": [{"age": 10**5000}]}, "persons[0].age"),
        ({"persons": [{"age": 30, "care": deep(100_000, "list")}]}, "persons[0].care"),
        ({"persons": [{"age": 30, "name": deep(100_000, "dict")}]}, "persons[0].name"),
        ({"persons": [{"age": 30, "name": "\ud800"}]}, "persons[0].name"),
        ({"persons": [{"age": 30, "name": "\udc80x"}]}, "persons[0].name"),
        ({"persons": [{"age": 30}] * 11}, "persons"),
        ({"persons": [{"age": 30, "care": [{"id": "tandarts", "price": 1}] * 201}]}, "persons[0].care"),
        ({"year": Decimal("sNaN"), "persons": [{"age": 30}]}, "year"),  # == on it raises
    ],
    ids=["10**5000", "deep-list", "deep-dict", "surrogate", "surrogate-escape", "11-persons", "201-lines", "sNaN"],
)
def test_the_issues_api_cases_raise_profile_error(profile, field):
    assert_one_short_line(api_message(profile), field)


@pytest.mark.parametrize(
    ("text", "field", "shown"),
    [
        ('{"persons": [{"age": 30, "name": "\\ud800"}]}', "persons[0].name", '"\\ud800"'),
        ('{"persons": [{"age": 30, "name": "\\udc80x"}]}', "persons[0].name", '"\\udc80x"'),
        ('{"persons": [{"age": 1e9999999999999999999}]}', "persons[0].age", "1e9999999999999999999"),
        ('{"persons": [{"age": 1e999999999}]}', "persons[0].age", "1e999999999"),
        ('{"persons": [{"age": ' + "9" * 100_000 + "}]}", "persons[0].age", "9" * 37 + "..."),
        ("[" * 100_000 + "]" * 100_000, "profile", "100000"),
    ],
    ids=["surrogate", "surrogate-escape", "exponent-19-digits", "exponent-9-digits", "100000-digits", "deep"],
)
def test_the_issues_cli_cases_exit_2_with_one_line(text, field, shown):
    done = run_cli(text.encode("ascii"))
    stderr = done.stderr.decode("utf-8")
    assert done.returncode == 2 and done.stdout == b"", stderr
    assert_one_short_line(stderr.removesuffix("\n"), field)
    assert stderr.removesuffix("\n").endswith(f"got {shown}"), stderr


def test_the_cli_writes_utf8_whatever_the_locale_says():
    profile = {"persons": [{"name": "Zoë ✓ 😀", "age": 30}], "packages": [{"av": "primair"}]}
    env = {"PATH": "/usr/bin:/bin", "PYTHONIOENCODING": "latin-1", "LC_ALL": "C"}
    done = run_cli(json.dumps(profile).encode("ascii"), env)
    assert done.returncode == 0, done.stderr.decode("utf-8", "replace")
    result = json.loads(done.stdout.decode("utf-8"))
    assert result["results"][0]["persons"][0]["name"] == "Zoë ✓ 😀"


@pytest.mark.parametrize(
    ("text", "dutch"),
    [
        (
            '{"persons": [{"age": 34, "care": [{"id": "tandarts", "price": 1}, {"id": "tandarts", "price": 1}, '
            '{"id": "fysiotherapie", "count": -3, "price": 35}]}]}',
            "Persoon 1, zorgregel 3, aantal: moet een heel getal van 1 tot en met 366 zijn; gegeven: -3.",
        ),
        (
            '{"persons": [{"age": 300}]}',
            "Persoon 1, leeftijd: moet een heel getal van 0 tot en met 120 zijn; gegeven: 300.",
        ),
        (
            '{"persons": [{"age": 3, "care": [{"id": "bestaat-niet", "price": 1}]}]}',
            'Persoon 1, zorgregel 1, soort zorg: moet een soort zorg uit de lijst van de vergelijker zijn; gegeven: "bestaat-niet".',
        ),
        (
            '{"persons": [{"age": 3, "care": [{"id": "tandarts", "prijs": 1}]}]}',
            "Persoon 1, zorgregel 1: onbekend veld prijs.",
        ),
        ('{"persons": [{"age": 3, "price": 1}]}', "Persoon 1: onbekend veld price."),
        ('{"persons": [{"age": 3}], "x y": 1}', 'Het profiel: onbekend veld "x y".'),
        ('{"persons": [{"age": 3, "care": [{"id": "tandarts"}]}]}', "Persoon 1, zorgregel 1, prijs: ontbreekt."),
        (
            '{"persons": [{"age": 3}], "packages": [{"av": "ideaal", "dental": "ideaal"}]}',
            "Combinatie 1, tandartspakket: moet een van deze zijn: primair, royaal, optimaal, excellent, of null; "
            'gegeven: "ideaal".',
        ),
        (
            '{"persons": [{"age": 3}], "premiums": {"dental": {"royaal": 1.001}}}',
            "Premies, tandartspakket, royaal: moet een bedrag in euro's van 0 tot en met 1000000 zijn, met hoogstens "
            "2 decimalen; gegeven: 1.001.",
        ),
        ("{not json", "Het profiel is geen geldige JSON (regel 1, kolom 2)."),
        ("[" * 50 + "]" * 50, "Het profiel: mag hoogstens 32 lagen diep genest zijn; gegeven: 50."),
        (
            '{"persons": [{"age": 40}, {"age": 5}], "packages": [{"persons": [{"av": null}, {"av": "primair"}]}]}',
            "Combinatie 1, persoon 2: een kind onder de 18 krijgt het pakket van de hoogst verzekerde ouder "
            "(artikel 1.2.2); geef null.",
        ),
    ],
    ids=[
        "contract-example",
        "age",
        "care-id",
        "unknown-line-field",
        "unknown-person-field",
        "odd-key",
        "missing",
        "dental",
        "premium",
        "not-json",
        "deep",
        "child-package",
    ],
)
def test_the_browser_entry_words_each_error_in_dutch_too(text, dutch):
    assert json.loads(compare_json(text))["message_nl"] == dutch
    browser_message(text)


# Every expectation the engine states, once: each has its Dutch phrase.
EVERY_EXPECTATION = [
    "[1]",
    "{}",
    '{"year": 2021, "persons": [{"age": 3}]}',
    '{"persons": {}}',
    '{"persons": [{"age": 3, "name": 1}]}',
    '{"persons": [{"age": 3, "name": "\\udfff"}]}',
    '{"persons": [{"age": 3, "sex": "f"}]}',
    '{"persons": [{"age": 3, "care": {}}]}',
    '{"persons": [{"age": 3, "care": [{"id": "tandarts", "price": 1, "contracted": null}]}]}',
    '{"persons": [{"age": 3, "care": [{"id": "tandarts", "price": 1, "count_earlier_in_period": -1}]}]}',
    '{"persons": [{"age": 3, "care": [{"id": "tandarts", "price": 1, "chance": 0}]}]}',
    '{"persons": [{"age": 3, "care": [' + ", ".join(['{"id": "tandarts", "price": 1, "chance": 0.5}'] * 11) + "]}]}",
    '{"persons": [{"age": 3}], "packages": []}',
    '{"persons": [{"age": 3}], "packages": [{"av": null}]}',
    '{"persons": [{"age": 3}], "packages": [{"dental": null}]}',
    '{"persons": [{"age": 3}], "premiums": {"av": []}}',
    '{"persons": [{"age": 40}], "packages": [{"persons": []}]}',
    '{"persons": [{"age": 40}], "packages": [{"persons": [null]}]}',
    '{"persons": [{"age": 40}, {"age": 5}], "packages": [{"persons": [{"av": null}, {"av": "primair"}]}]}',
]


@pytest.mark.parametrize("text", EVERY_EXPECTATION)
def test_every_expectation_has_its_dutch_phrase(text):
    browser_message(text)


# Text built to make a pre-scan retry from every quote: a long run of escaped quotes in a string
# that never closes (each quote inside starts another string the scan must give up on).
ADVERSARIAL_1MB = {
    "escaped-quotes": '{"persons": "' + '\\"' * 500_000,
    "escaped-quotes-in-brackets": "[" * 30 + '"' + '\\"' * 499_985,
    "quotes": '"' * 1_000_000,
    "brackets": "[" * 1_000_000,
}


@pytest.mark.parametrize("text", ADVERSARIAL_1MB.values(), ids=ADVERSARIAL_1MB.keys())
def test_a_megabyte_of_adversarial_text_is_refused_in_linear_time(text):
    # Generous (the scan takes about 0.1 s here; quadratic, the first took over 10 minutes).
    started = time.perf_counter()
    message = browser_message(text)
    assert time.perf_counter() - started < 10, message
    assert message.startswith("profile: ")


def test_the_pre_scan_counts_brackets_outside_strings_only():
    inside = '{"persons": [{"age": 3, "name": "' + "[" * 50 + '\\"]"}]}'
    assert json.loads(compare_json(inside))["results"][0]["persons"][0]["name"] == "[" * 50 + '"]'
    assert browser_message("[" * 33 + '"\\"' + "]" * 33).endswith("got 33")


ANSWER_PROFILE = '{"persons": [{"age": 30, "care": [{"id": "tandarts", "price": 300}]}]}'


@pytest.mark.parametrize(
    ("argument", "shown"),
    [
        ("[0,", '"[0,"'),
        ("{}", '"{}"'),
        ("5", '"5"'),
        ("[0]", '"[0]"'),
        ("[0, 0, 0]", '"[0, 0, 0]"'),
        ('"x"', '"\\"x\\""'),
    ],
)
def test_a_malformed_what_if_line_is_one_line_naming_the_argument(argument, shown):
    answer = json.loads(answer_json(ANSWER_PROFILE, argument))
    assert answer == {
        "error": f"what_if_line: must be [person, line] as JSON, got {shown}",
        "message_nl": f"Wat als: moet [persoon, zorgregel] als JSON zijn; gegeven: {shown}.",
    }


def test_the_what_if_line_is_checked_after_the_profile_and_its_indices_against_it():
    assert json.loads(answer_json("{", "[0,"))["error"].startswith("profile: not valid JSON")
    assert json.loads(answer_json(ANSWER_PROFILE, "[0, 1]")) == {
        "error": "what_if.line: must be a care line's index from 0 to 0, got 1",
        "message_nl": "Wat als, zorgregel: moet het nummer van een zorgregel zijn, van 0 tot en met 0; gegeven: 1.",
    }
    assert json.loads(answer_json(ANSWER_PROFILE, "[0, 0]"))["what_if"]["id"] == "tandarts"
    assert "what_if" not in json.loads(answer_json(ANSWER_PROFILE, "null"))


@pytest.mark.parametrize(
    ("text", "english", "dutch"),
    [
        (
            '{"persons": [{"age": 3}], "a: b": 1}',
            '"a: b": unknown field; expected one of year, persons, packages, premiums, lang',
            'Het profiel: onbekend veld "a: b".',
        ),
        (
            '{"persons": [{"age": 3, "care": [{"id": "tandarts", "price": 1, "x: y, got z": 1}]}]}',
            'persons[0].care[0]."x: y, got z": unknown field; expected one of id, count, price, contracted, '
            "reimbursed_earlier_in_period, count_earlier_in_period, chance",
            'Persoon 1, zorgregel 1: onbekend veld "x: y, got z".',
        ),
    ],
    ids=["profile", "care-line"],
)
def test_an_unknown_key_holding_a_colon_is_named_whole_in_both_languages(text, english, dutch):
    assert json.loads(compare_json(text)) == {"error": english, "message_nl": dutch}
