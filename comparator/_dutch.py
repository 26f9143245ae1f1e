"""A ProfileError in Dutch, for the comparator page: the field as a visitor knows it, what it must be, what it got.

The engine's messages are English (the comparator contract, for the CLI and the API); the browser
entry adds this wording so the page shows Dutch only. It is built from the error's parts: the
path, the expectation (the engine's own phrases, matched below) and the value shown. An
expectation without a phrase here still gets a Dutch sentence, naming the field.
"""

from __future__ import annotations

import re

from ._profile import ProfileError

__all__ = ["dutch"]

_FIELDS = {
    "year": "jaar",
    "persons": "personen",
    "name": "naam",
    "age": "leeftijd",
    "sex": "geslacht",
    "care": "zorg",
    "id": "soort zorg",
    "count": "aantal",
    "price": "prijs",
    "contracted": "gecontracteerd",
    "reimbursed_earlier_in_period": "eerder vergoed in de periode",
    "count_earlier_in_period": "eerder gebruikt aantal in de periode",
    "packages": "pakketcombinaties",
    "av": "aanvullend pakket",
    "dental": "tandartspakket",
    "premiums": "premies",
    "limit": "aantal plannen",
    "lang": "taal",
    "what_if_line": "wat als",
    "what_if": "wat als",
    "person": "persoon",
    "line": "zorgregel",
    "guardian": "ouder of verzorger",
    "chance": "kans",
}
# One item of a list, counted from 1 as the page counts.
_ITEMS = {"persons": "persoon", "care": "zorgregel", "packages": "combinatie"}
_EXPECTED = [
    (r"must be an object", "moet een object ({...}) zijn"),
    (r"is required", "ontbreekt"),
    (r"must be a whole number from (\d+) to (\d+)", r"moet een heel getal van \1 tot en met \2 zijn"),
    (
        r"must be an amount in euros from (\d+) to (\d+) with at most 2 decimals",
        r"moet een bedrag in euro's van \1 tot en met \2 zijn, met hoogstens 2 decimalen",
    ),
    (r"must be a care id from the catalogue", "moet een soort zorg uit de lijst van de vergelijker zijn"),
    (r"must be true or false", "moet true of false zijn"),
    (
        r"must be a number above 0 and at most 1 with at most 2 decimals",
        "moet een getal boven 0 en hoogstens 1 zijn, met hoogstens 2 decimalen",
    ),
    (r"at most (\d+) uncertain lines per household", r"hoogstens \1 onzekere zorgregels per huishouden"),
    (r"must be text of at most (\d+) characters", r"moet tekst van hoogstens \1 tekens zijn"),
    (r"must be Unicode text without lone surrogates", "moet geldige tekst zijn, zonder losse surrogaattekens"),
    (r'must be "female", "male" or absent', 'moet "female" of "male" zijn, of ontbreken'),
    (r'must be "nl" or "en"', 'moet "nl" of "en" zijn'),
    (r"only for persons aged (\d+) or over", r"geldt alleen voor personen van \1 jaar of ouder"),
    (r"must be a list of at most (\d+) care lines", r"moet een lijst van hoogstens \1 zorgregels zijn"),
    (r"must be a list of (\d+) to (\d+) persons", r"moet een lijst van \1 tot en met \2 personen zijn"),
    (
        r"must be a list of (\d+) to (\d+) package combinations",
        r"moet een lijst van \1 tot en met \2 pakketcombinaties zijn",
    ),
    (r"must be one of (.+) or null", r"moet een van deze zijn: \1, of null"),
    (r"must be one of (.+)", r"moet een van deze zijn: \1"),
    (r"must be 2020 \(the only policy year here\)", "moet 2020 zijn (het enige polisjaar hier)"),
    (r"must be \[person, line\] as JSON", "moet [persoon, zorgregel] als JSON zijn"),
    (r"must be a person's index from (\d+) to (-?\d+)", r"moet het nummer van een persoon zijn, van \1 tot en met \2"),
    (
        r"must be a care line's index from (\d+) to (-?\d+)",
        r"moet het nummer van een zorgregel zijn, van \1 tot en met \2",
    ),
    (r"must be nested at most (\d+) levels deep", r"mag hoogstens \1 lagen diep genest zijn"),
    (r"must list one entry per person \((\d+)\)", r"moet per persoon één pakketkeuze geven (\1)"),
    (
        r'must be \{"av": \.\.\., "dental": \.\.\.\} for a person aged (\d+) or over',
        r'moet {"av": ..., "dental": ...} zijn voor iemand van \1 jaar of ouder',
    ),
    (
        r"a child under (\d+) follows art\. ([\d.]+); give null",
        r"een kind onder de \1 krijgt het pakket van de hoogst verzekerde ouder (artikel \2); geef null",
    ),
]
_SEGMENT = re.compile(r"\[(\d+)\]|\.?([A-Za-z_]\w*)|\.?(.+)")  # .name, [index], or a shown key to the end
_JSON_POSITION = re.compile(r"line (\d+) column (\d+)")


def _field(path: str) -> list[str]:
    """The path's parts in Dutch: persons[0].care[2].count -> persoon 1, zorgregel 3, aantal."""
    parts: list[str] = []
    name = ""
    for index, identifier, other in _SEGMENT.findall(path):
        if index and name in _ITEMS:
            parts[-1] = f"{_ITEMS[name]} {int(index) + 1}"
        elif index:
            parts.append(f"nummer {int(index) + 1}")
        else:
            name = identifier or other
            parts.append(_FIELDS.get(name, name))
    return parts


def _sentence(parts: list[str], text: str) -> str:
    where = ", ".join(parts) or "het profiel"
    return f"{where[0].upper()}{where[1:]}: {text}."


def dutch(error: ProfileError) -> str:
    """One Dutch sentence for the page."""
    if error.expected.startswith("not valid JSON"):
        position = _JSON_POSITION.search(str(error))
        at = f" (regel {position[1]}, kolom {position[2]})" if position else ""
        return f"Het profiel is geen geldige JSON{at}."
    if error.expected.startswith("unknown field"):
        key = list(_SEGMENT.finditer(error.path))[-1]  # as it was given, not translated
        return _sentence(_field(error.path[: key.start()]), f"onbekend veld {key[2] or key[3]}")
    for english, wording in _EXPECTED:
        if re.fullmatch(english, error.expected):
            text = re.sub(english, wording, error.expected)
            break
    else:
        text = "klopt niet"
    parts = [] if error.path == "profile" else _field(error.path)
    return _sentence(parts, text if error.got is None else f"{text}; gegeven: {error.got}")
