"""Validate a profile (see the comparator contract) into exact, typed values, or raise ProfileError."""

from __future__ import annotations

import dataclasses
import itertools
import json
import math
import re
from decimal import Decimal, InvalidOperation

from ._data import PolicyData
from ._money import CENT, ZERO

__all__ = [
    "AV_PACKAGES",
    "DENTAL_PACKAGES",
    "CareLine",
    "Combination",
    "Holding",
    "Person",
    "PersonsPackages",
    "Profile",
    "ProfileError",
    "field_error",
    "parse_profile",
    "parse_profile_json",
]

MAX_PERSONS = 10
MAX_LINES_PER_PERSON = 200
MAX_AMOUNT = Decimal(1_000_000)
MAX_COUNT = 366
# Each uncertain line doubles the outcomes `risk` weighs: 2**10 keeps it exact and within a second.
MAX_UNCERTAIN_LINES = 10
# A profile nests 4 deep. Deeper JSON is refused before parsing: in Pyodide the parser's recursion
# exhausts the stack long before Python's recursion limit, a fatal error instead of an exception.
MAX_DEPTH = 32
# Exponents of more digits are out of Decimal's reach on some platform (Pyodide's 32-bit build
# stops at 1e425000000, 64-bit CPython at 1e999999999999999999): such a number is kept as its
# text, so every platform names the field holding it alike. No valid value needs one.
MAX_EXPONENT_DIGITS = 6
SHOWN = 40  # characters of a value a message echoes
_SURROGATE = re.compile(r"[\ud800-\udfff]")
# A string, or an unterminated one up to the end: each character is read once (possessive, and a
# string that never closes is taken whole instead of being retried from every quote inside it).
_JSON_STRING = re.compile(r'"(?:[^"\\]++|\\.)*+"?', re.DOTALL)
_NOT_BRACKET = re.compile(r"[^\[\]{}]++")
_NESTING = {"[": 1, "{": 1, "]": -1, "}": -1}
AV_PACKAGES = ("primair", "royaal", "ideaal", "optimaal", "excellent")
DENTAL_PACKAGES = ("primair", "royaal", "optimaal", "excellent")


class ProfileError(ValueError):
    """The profile breaks the contract; the message names the field by its path.

    `path`, `expected` and `got` are the parts of the message (`path: expected, got got`), for a
    caller that words it anew; given only a message, they are read from it.
    """

    def __init__(self, message: str, path: str | None = None, expected: str | None = None, got: str | None = None):
        super().__init__(message)
        head, _, rest = message.partition(": ")
        if expected is None and got is None and ", got " in rest:
            expected, _, got = rest.rpartition(", got ")
        self.path = head if path is None else path
        self.expected = rest if expected is None else expected
        self.got = got


class _NotANumber:
    """Stands in for a JSON number Decimal cannot hold (NaN, Infinity, a huge exponent), so the
    field that holds it can be named."""

    def __init__(self, text: str):
        self.text = text


@dataclasses.dataclass(frozen=True)
class CareLine:
    id: str
    count: int
    price: Decimal
    contracted: bool
    reimbursed_earlier: Decimal
    count_earlier: int
    chance: Decimal = Decimal(1)  # the visitor's estimate that it happens this year; only `risk` weighs it


@dataclasses.dataclass(frozen=True)
class Person:
    name: str | None
    age: int
    sex: str | None
    care: tuple[CareLine, ...]
    guardian: bool = True  # a parent or guardian of the household's children (art. 1.2.2); False for a child


@dataclasses.dataclass(frozen=True)
class Combination:
    av: str
    dental: str | None


@dataclasses.dataclass(frozen=True)
class Holding:
    """The packages one person holds; None is none of that kind."""

    av: str | None
    dental: str | None


@dataclasses.dataclass(frozen=True)
class PersonsPackages:
    """A `{"persons": [...]}` entry: each adult's Holding; None for a child, whose art. 1.2.2 decides."""

    persons: tuple[Holding | None, ...]


@dataclasses.dataclass(frozen=True)
class Profile:
    year: int
    persons: tuple[Person, ...]
    combinations: tuple[Combination | PersonsPackages, ...]
    premiums: dict[str, dict[str, Decimal]]
    lang: str = "nl"  # the language of the explanations; figures do not depend on it


LANGUAGES = ("nl", "en")


def _shown(value) -> str:
    """The value as a message echoes it: JSON-like, at most SHOWN characters, valid UTF-8."""
    text = _sketch(value, SHOWN + 1)
    return text if len(text) <= SHOWN else text[: SHOWN - 3] + "..."


def _sketch(value, room: int) -> str:
    """JSON-like text of `value`, built only while it is shorter than `room`: a huge list, a
    100,000-digit number or deep nesting cost next to nothing (each level uses up room)."""
    room = max(room, 1)
    if isinstance(value, (dict, list)):
        items = value.items() if isinstance(value, dict) else value
        text = "{" if isinstance(value, dict) else "["
        for item in items:
            if len(text) >= room:
                break
            text += ", " if len(text) > 1 else ""
            if isinstance(value, dict):
                text += _sketch(item[0], room - len(text)) + ": "
                item = item[1]
            text += _sketch(item, room - len(text))
        return text + ("}" if isinstance(value, dict) else "]")
    if isinstance(value, _NotANumber):
        return value.text[:room]
    if isinstance(value, bool) or value is None or isinstance(value, float):
        return json.dumps(value)
    if isinstance(value, int):
        return _leading_digits(value, room)
    if isinstance(value, Decimal):
        return str(value)[:room]
    if isinstance(value, str):
        # A lone surrogate cannot be written as UTF-8: it is shown as its escape (\ud800).
        text = json.dumps(value[:room], ensure_ascii=False)
        return text.encode("utf-8", "backslashreplace").decode("utf-8")
    return f"<{type(value).__name__}>"


def _leading_digits(value: int, room: int) -> str:
    """The first `room` characters of str(value), without str() of a long integer (refused past
    4,300 digits, and slow before that)."""
    digits = abs(value)
    excess = int(digits.bit_length() * math.log10(2)) - room
    if excess > 0:
        digits //= 10**excess
    return ("-" if value < 0 else "") + str(digits)[:room]


def _fail(path: str, expected: str, value) -> ProfileError:
    shown = _shown(value)
    return ProfileError(f"{path}: {expected}, got {shown}", path, expected, shown)


def field_error(path: str, expected: str, value) -> ProfileError:
    """The error for a value outside the profile (an entry's own argument), worded as the profile's."""
    return _fail(path, expected, value)


def _object(value, path: str, allowed: tuple[str, ...], required: tuple[str, ...] = ()) -> dict:
    if not isinstance(value, dict):
        raise _fail(path, "must be an object", value)
    for key in value:
        if key not in allowed:
            shown = key if isinstance(key, str) and key.isidentifier() else _shown(key)
            where = f"{path}.{shown}" if path != "profile" else shown
            # The parts are given, not read back from the message: a key may hold ": " itself.
            expected = f"unknown field; expected one of {', '.join(allowed)}"
            raise ProfileError(f"{where}: {expected}", where, expected)
    for key in required:
        if key not in value:
            where = f"{path}.{key}" if path != "profile" else key
            raise ProfileError(f"{where}: is required", where, "is required")
    return value


def _whole(value, path: str, low: int, high: int) -> int:
    expected = f"must be a whole number from {low} to {high}"
    if isinstance(value, (float, Decimal)) and not isinstance(value, bool):
        finite = value.is_finite() if isinstance(value, Decimal) else math.isfinite(value)
        if not finite or not low <= value <= high or value != int(value):
            raise _fail(path, expected, value)
        value = int(value)
    if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high:
        raise _fail(path, expected, value)
    return value


def _euros(value, path: str) -> Decimal:
    expected = "must be an amount in euros from 0 to 1000000 with at most 2 decimals"
    if isinstance(value, bool) or not isinstance(value, (int, float, Decimal)):
        raise _fail(path, expected, value)
    try:
        amount = Decimal(repr(value)) if isinstance(value, float) else Decimal(value)
    except (InvalidOperation, ValueError):
        raise _fail(path, expected, value) from None
    if not amount.is_finite() or not ZERO <= amount <= MAX_AMOUNT or amount != amount.quantize(CENT):
        raise _fail(path, expected, value)
    return amount.quantize(CENT)


def _chance(value, path: str) -> Decimal:
    expected = "must be a number above 0 and at most 1 with at most 2 decimals"
    if isinstance(value, bool) or not isinstance(value, (int, float, Decimal)):
        raise _fail(path, expected, value)
    try:
        chance = Decimal(repr(value)) if isinstance(value, float) else Decimal(value)
    except (InvalidOperation, ValueError):
        raise _fail(path, expected, value) from None
    if not chance.is_finite() or not ZERO < chance <= 1 or chance != chance.quantize(CENT):
        raise _fail(path, expected, value)
    return chance.quantize(CENT)


def _care_line(value, path: str, data: PolicyData) -> CareLine:
    keys = ("id", "count", "price", "contracted", "reimbursed_earlier_in_period", "count_earlier_in_period", "chance")
    line = _object(value, path, keys, required=("id", "price"))
    care_id = line["id"]
    if not isinstance(care_id, str) or care_id not in data.catalogue:
        raise _fail(f"{path}.id", "must be a care id from the catalogue", care_id)
    contracted = line.get("contracted", True)
    if not isinstance(contracted, bool):
        raise _fail(f"{path}.contracted", "must be true or false", contracted)
    return CareLine(
        id=care_id,
        count=_whole(line.get("count", 1), f"{path}.count", 1, MAX_COUNT),
        price=_euros(line["price"], f"{path}.price"),
        contracted=contracted,
        reimbursed_earlier=_euros(line.get("reimbursed_earlier_in_period", 0), f"{path}.reimbursed_earlier_in_period"),
        count_earlier=_whole(line.get("count_earlier_in_period", 0), f"{path}.count_earlier_in_period", 0, MAX_COUNT),
        chance=_chance(line.get("chance", 1), f"{path}.chance"),
    )


def _person(value, path: str, data: PolicyData) -> Person:
    person = _object(value, path, ("name", "age", "sex", "care", "guardian"), required=("age",))
    name = person.get("name")
    if name is not None and (not isinstance(name, str) or len(name) > 60):
        raise _fail(f"{path}.name", "must be text of at most 60 characters", name)
    if name is not None and _SURROGATE.search(name):  # shown back, it could not be written as UTF-8
        raise _fail(f"{path}.name", "must be Unicode text without lone surrogates", name)
    sex = person.get("sex")
    if sex is not None and sex not in ("female", "male"):
        raise _fail(f"{path}.sex", 'must be "female", "male" or absent', sex)
    care = person.get("care", [])
    if not isinstance(care, list) or len(care) > MAX_LINES_PER_PERSON:
        raise _fail(f"{path}.care", f"must be a list of at most {MAX_LINES_PER_PERSON} care lines", care)
    age = _whole(person["age"], f"{path}.age", 0, 120)
    return Person(
        name=name,
        age=age,
        sex=sex,
        care=tuple(_care_line(line, f"{path}.care[{i}]", data) for i, line in enumerate(care)),
        guardian=_guardian(person, path, age, data.household["children_under"]),
    )


def _guardian(person: dict, path: str, age: int, adult_age: int) -> bool:
    """Whether the person counts as "ouder/verzorger" for art. 1.2.2: every adult unless told not."""
    if "guardian" not in person:
        return age >= adult_age
    if age < adult_age:
        expected = f"only for persons aged {adult_age} or over"
        raise ProfileError(f"{path}.guardian: {expected}", f"{path}.guardian", expected)
    guardian = person["guardian"]
    if not isinstance(guardian, bool):
        raise _fail(f"{path}.guardian", "must be true or false", guardian)
    return guardian


def _combination(value, path: str) -> Combination:
    combination = _object(value, path, ("av", "dental"), required=("av",))
    av, dental = combination["av"], combination.get("dental")
    if av not in AV_PACKAGES:
        raise _fail(f"{path}.av", f"must be one of {', '.join(AV_PACKAGES)}", av)
    if dental is not None and dental not in DENTAL_PACKAGES:
        raise _fail(f"{path}.dental", f"must be one of {', '.join(DENTAL_PACKAGES)} or null", dental)
    return Combination(av, dental)


def _holding(value, path: str, adult_age: int) -> Holding:
    if value is None:
        raise _fail(path, f'must be {{"av": ..., "dental": ...}} for a person aged {adult_age} or over', value)
    holding = _object(value, path, ("av", "dental"), required=("av",))
    av, dental = holding["av"], holding.get("dental")
    if av is not None and av not in AV_PACKAGES:
        raise _fail(f"{path}.av", f"must be one of {', '.join(AV_PACKAGES)} or null", av)
    if dental is not None and dental not in DENTAL_PACKAGES:
        raise _fail(f"{path}.dental", f"must be one of {', '.join(DENTAL_PACKAGES)} or null", dental)
    return Holding(av, dental)


def _persons_packages(value: dict, path: str, persons: tuple[Person, ...], household: dict) -> PersonsPackages:
    entries = _object(value, path, ("persons",))["persons"]
    if not isinstance(entries, list) or len(entries) != len(persons):
        raise _fail(f"{path}.persons", f"must list one entry per person ({len(persons)})", entries)
    adult_age = household["children_under"]
    holdings: list[Holding | None] = []
    for index, (entry, person) in enumerate(zip(entries, persons, strict=True)):
        where = f"{path}.persons[{index}]"
        if person.age >= adult_age:
            holdings.append(_holding(entry, where, adult_age))
        elif entry is None:
            holdings.append(None)
        else:
            raise ProfileError(
                f"{where}: a child under {adult_age} follows art. {household['child_article']}; give null"
            )
    return PersonsPackages(tuple(holdings))


def _package_entry(value, path: str, persons: tuple[Person, ...], data: PolicyData) -> Combination | PersonsPackages:
    if isinstance(value, dict) and "persons" in value:
        return _persons_packages(value, path, persons, data.household)
    return _combination(value, path)


def _premiums(value) -> dict[str, dict[str, Decimal]]:
    premiums = _object(value, "premiums", ("av", "dental"))
    parsed: dict[str, dict[str, Decimal]] = {}
    for kind, names in (("av", AV_PACKAGES), ("dental", DENTAL_PACKAGES)):
        table = _object(premiums.get(kind, {}), f"premiums.{kind}", names)
        parsed[kind] = {name: _euros(amount, f"premiums.{kind}.{name}") for name, amount in table.items()}
    return parsed


DEFAULT_COMBINATIONS = tuple(Combination(av, av if av in DENTAL_PACKAGES else None) for av in AV_PACKAGES)


def _check_uncertain_lines(persons: tuple[Person, ...]) -> None:
    uncertain = ((i, j) for i, person in enumerate(persons) for j, line in enumerate(person.care) if line.chance < 1)
    for i, j in itertools.islice(uncertain, MAX_UNCERTAIN_LINES, MAX_UNCERTAIN_LINES + 1):
        path, expected = (
            f"persons[{i}].care[{j}].chance",
            f"at most {MAX_UNCERTAIN_LINES} uncertain lines per household",
        )
        raise ProfileError(f"{path}: {expected}", path, expected)


def parse_profile(value, data: PolicyData) -> Profile:
    profile = _object(value, "profile", ("year", "persons", "packages", "premiums", "lang"), required=("persons",))
    year = profile.get("year", 2020)
    # == on a signalling NaN (a Decimal from Python, never from JSON) raises instead of answering
    if isinstance(year, bool) or (isinstance(year, Decimal) and year.is_snan()) or year != 2020:
        raise _fail("year", "must be 2020 (the only policy year here)", year)
    persons = profile["persons"]
    if not isinstance(persons, list) or not 1 <= len(persons) <= MAX_PERSONS:
        raise _fail("persons", f"must be a list of 1 to {MAX_PERSONS} persons", persons)
    parsed_persons = tuple(_person(p, f"persons[{i}]", data) for i, p in enumerate(persons))
    _check_uncertain_lines(parsed_persons)
    combinations = profile.get("packages", None)
    if combinations is None:
        parsed_combinations: tuple[Combination | PersonsPackages, ...] = DEFAULT_COMBINATIONS
    elif not isinstance(combinations, list) or not 1 <= len(combinations) <= 20:
        raise _fail("packages", "must be a list of 1 to 20 package combinations", combinations)
    else:
        parsed_combinations = tuple(
            _package_entry(c, f"packages[{i}]", parsed_persons, data) for i, c in enumerate(combinations)
        )
    lang = profile.get("lang", "nl")
    if lang not in LANGUAGES:
        raise _fail("lang", 'must be "nl" or "en"', lang)
    return Profile(
        year=2020,
        persons=parsed_persons,
        combinations=parsed_combinations,
        premiums=_premiums(profile.get("premiums", {})),
        lang=lang,
    )


def _depth(text: str) -> int:
    """How deep the JSON text nests, counting the brackets outside strings; linear in the text's length."""
    brackets = _NOT_BRACKET.sub("", _JSON_STRING.sub("", text))
    return max(itertools.accumulate(map(_NESTING.__getitem__, brackets), initial=0))


def _number(text: str) -> Decimal | _NotANumber:
    exponent = text.lower().partition("e")[2]
    if len(exponent.lstrip("+-")) > MAX_EXPONENT_DIGITS:
        return _NotANumber(text)
    return Decimal(text)


def parse_profile_json(text: str, data: PolicyData) -> Profile:
    """JSON text to a Profile. Every number is read as an exact Decimal (which also keeps a
    100,000-digit integer from costing time); NaN, Infinity and numbers Decimal cannot hold are
    kept so the field holding them is named."""
    depth = _depth(text)
    if depth > MAX_DEPTH:
        raise _fail("profile", f"must be nested at most {MAX_DEPTH} levels deep", depth)
    try:
        value = json.loads(text, parse_float=_number, parse_int=Decimal, parse_constant=_NotANumber)
    except ValueError as error:
        raise ProfileError(f"profile: not valid JSON ({error})", "profile", "not valid JSON") from None
    return parse_profile(value, data)
