"""What the comparator page loads besides the runtime: the form's data and a manifest of the assets.

`form.json` lets the page draw the whole form before the engine has started: the catalogue in
theme order with search words (Dutch and English; titles in both languages), which lines need a "gecontracteerd" switch or an "al eerder
vergoed" field (derived from the rules, so new data needs no code), the packages with their
default premiums, the indicative prices and the personas. Every persona is run through the
engine here, so a persona the engine rejects fails the build, and carries the engine's answer for
its household (`answer`, and `answer_en` with English explanations): the page shows it at once for
a persona's link or button while the engine starts in the browser, which then computes it again.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import yaml

import comparator

__all__ = ["FormDataError", "article_links", "form_data", "manifest_js"]

MULTI_YEAR_PERIODS = ("calendar_years", "lifetime")


class FormDataError(ValueError):
    """docs/vergelijker/*.json does not fit the catalogue or the engine."""


def _rules(data: dict, care_id: str):
    for kind_packages in data["packages"].values():
        for package in kind_packages.values():
            benefit = package["benefits"].get(care_id)
            if benefit:
                yield from benefit["rules"]


def _flags(data: dict, care_id: str) -> dict:
    contracted = earlier = earlier_count = False
    for rule in _rules(data, care_id):
        contracted = contracted or "non_contracted" in rule
        for limit in rule.get("limits", []):
            if limit.get("period") in MULTI_YEAR_PERIODS:
                earlier = True
                earlier_count = earlier_count or "count" in limit
    return {"contracted": contracted, "earlier": earlier, "earlier_count": earlier_count}


def _packages(data: dict, kind: str, order: tuple[str, ...]) -> list[dict]:
    names = [name for name in order if name in data["packages"][kind]]
    return [
        {
            "id": name,
            "title": data["packages"][kind][name]["title"],
            "title_en": data["packages"][kind][name]["title_en"],
            "premium": data["premiums"][kind].get(name),
        }
        for name in names
    ]


def _household(household: dict) -> dict:
    """What the answer card says of who holds what (art. 1.2.2), children's premium (art. 1.5.1) and
    what can be taken on its own (art. 1.1, 1.2.1), with their articles."""
    return {
        "av_order": household["av_order"],
        "children_under": household["children_under"],
        "child_article": household["child_article"],
        "child_dental_article": household["child_dental"]["article"],
        "child_premium_article": household["child_premium_article"],
        "standalone": household["standalone"],
    }


def _article_numbers(data: dict) -> set[str]:
    household = data["household"]  # lines without a package cite art. 1.2.1 or 1.2.2
    numbers = {household["adult_without_av_article"], household["child_article"], household["child_dental"]["article"]}
    numbers.add("1.2.3")  # the page's answer cites (d): a request can be refused when care is already needed
    numbers.add(household["child_premium_article"])
    numbers.update(statement["article"] for statement in household["standalone"].values())
    for kind_packages in data["packages"].values():
        for package in kind_packages.values():
            numbers.add(package["chapter"])
            for entry in [*package["benefits"].values(), *package.get("not_covered", {}).values()]:
                numbers.add(entry["article"])
                numbers.update(rule["article"] for rule in entry.get("rules", []) if "article" in rule)
    return numbers


def article_links(data: dict, use_directory_urls: bool = True) -> dict[str, tuple[str, str]]:
    """Where the site shows each article the engine can name: {"3.4": (page, anchor), "8@royaal": ...}.

    Keys with "@" are a dental package's part of chapter 8; the page paths come from the site's own
    scheme (build_tools/site/_paths.py), as URLs relative to the site root.
    """
    from ..site import article_target

    def url(page: str) -> str:
        stem = page.removesuffix(".md")
        if not use_directory_urls:
            return stem + ".html"
        return "" if stem == "index" else stem.removesuffix("/index") + "/"

    links = {}
    for number in sorted(_article_numbers(data)):
        page, anchor = article_target(number)
        links[number] = (url(page), anchor)
        if number.split(".")[0] == "8":
            for dental in data["packages"]["dental"]:
                page, anchor = article_target(number, dental)
                links[f"{number}@{dental}"] = (url(page), anchor)
    return links


def _load_json(path: Path) -> dict:
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as error:
        raise FormDataError(f"{path}: {error}") from None


def form_data(engine_data: Path, catalogue_yaml: Path, page_dir: Path, use_directory_urls: bool = True) -> dict:
    """The form's data from the engine's JSON, the catalogue's search words and docs/vergelijker/*.json."""
    data = json.loads(engine_data.read_text(encoding="utf-8"))
    catalogue = yaml.safe_load(catalogue_yaml.read_text())["care"]
    keywords = {entry["id"]: entry.get("keywords", []) for entry in catalogue}
    keywords_en = {entry["id"]: entry.get("keywords_en", []) for entry in catalogue}
    prices = _load_json(page_dir / "prijsindicaties.json")["prices"]
    personas = _load_json(page_dir / "personas.json")["personas"]
    if missing := sorted(set(data["catalogue"]) - set(prices)):
        raise FormDataError(f"{page_dir / 'prijsindicaties.json'}: no indicative price for {', '.join(missing)}")
    if untranslated := sorted(care_id for care_id, price in prices.items() if not price.get("note_en")):
        raise FormDataError(
            f"{page_dir / 'prijsindicaties.json'}: no English note (note_en) for {', '.join(untranslated)}"
        )
    if unknown := sorted(set(prices) - set(data["catalogue"])):
        raise FormDataError(f"{page_dir / 'prijsindicaties.json'}: not in the catalogue: {', '.join(unknown)}")
    for persona in personas:
        try:
            comparator.compare(persona["profile"])
        except (comparator.ProfileError, KeyError, TypeError) as error:
            raise FormDataError(f"{page_dir / 'personas.json'}: persona {persona.get('id')!r}: {error}") from None

    theme_order = {theme["id"]: index for index, theme in enumerate(data["themes"])}
    care = [
        {
            "id": care_id,
            **entry,
            "keywords": keywords.get(care_id, []),
            "keywords_en": keywords_en.get(care_id, []),  # the English edition searches these too
            "typical": prices[care_id],
            **_flags(data, care_id),
        }
        for care_id, entry in data["catalogue"].items()
    ]
    care.sort(key=lambda entry: (theme_order.get(entry["theme"], len(theme_order)), entry["title"].casefold()))
    av = _packages(data, "av", ("primair", "royaal", "ideaal", "optimaal", "excellent"))
    dental = _packages(data, "dental", ("primair", "royaal", "optimaal", "excellent"))
    dental_ids = {package["id"] for package in dental}
    defaults = [{"av": p["id"], "dental": p["id"] if p["id"] in dental_ids else None} for p in av]
    for persona in personas:
        persona.update(_built_answers(persona, defaults, page_dir / "personas.json"))
    return {
        "year": data["year"],
        "themes": data["themes"],
        "care": care,
        "av": av,
        "dental": dental,
        "defaults": defaults,
        "personas": personas,
        "household": _household(data["household"]),
        "links": {key: f"{page}#{anchor}" for key, (page, anchor) in article_links(data, use_directory_urls).items()},
    }


def _built_answers(persona: dict, defaults: list[dict], source: Path) -> dict:
    """{"answer", "answer_en"}: the engine's answer (comparator.answer_json) for the persona's
    household, in Dutch and English. The page sends a persona's household with the form's default
    combinations written out; a persona without `packages` must get the same answer that way."""
    profile = persona["profile"]
    answers = {}
    for key, lang in (("answer", "nl"), ("answer_en", "en")):
        written_out = {"packages": defaults, **profile, "lang": lang}
        answer = comparator.answer_json(json.dumps({**profile, "lang": lang}))
        if answer != comparator.answer_json(json.dumps(written_out)):
            raise FormDataError(
                f"{source}: persona {persona['id']!r}: the engine answers its household without `packages`"
                " otherwise than with the form's default combinations; give `packages` explicitly"
            )
        answers[key] = json.loads(answer)
    return answers


def _content_hash(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()[:12]


def manifest_js(files: dict[str, tuple[str, bytes]]) -> str:
    """An ES module naming each asset with `?v=<hash>` of the bytes given with it (its content, or
    what it is made from), so a rebuilt file is never served stale."""
    urls = {key: f"{name}?v={_content_hash(data)}" for key, (name, data) in sorted(files.items())}
    return (
        "// Generated by build_tools/hooks/comparator_assets.py: the comparator's assets, named by content.\n"
        f"export default {json.dumps(urls, indent=2)};\n"
    )
