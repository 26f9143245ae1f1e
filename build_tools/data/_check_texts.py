"""Text the site shows as the conditions' own words: the glossary's definitions (article 1.1) and the
articles kept as text (chapter 1, chapter 2), each verbatim in its article; glossary anchors unique."""

from __future__ import annotations

from ._check_traceability import Traceability
from ._load import LoadedFile
from ._policy_files import PolicyFiles
from ._source import normalise, read_plain

__all__ = ["check_glossary", "check_texts"]


def check_glossary(files: PolicyFiles, trace: Traceability) -> None:
    loaded = files.glossary
    if loaded is None:
        return
    haystack = trace.conditions.text_of(loaded.data["article"])
    anchors = set()
    for i, term in enumerate(loaded.data["terms"]):
        trace.report.quotes_total += 1
        definition = _plain(term["definition"])
        if definition in haystack:
            trace.report.quotes_verified += 1
        else:
            trace.problems.add(
                loaded,
                ("terms", i, "definition"),
                f"definition of '{term['term']}' is not verbatim in "
                f"article {loaded.data['article']}: '{definition[:60]}'",
            )
        if term["anchor"] in anchors:
            trace.problems.add(loaded, ("terms", i, "anchor"), f"anchor '{term['anchor']}' is used twice")
        anchors.add(term["anchor"])
    for i, word in enumerate(loaded.data.get("words", [])):
        for j, source in enumerate(word.get("sources", [])):
            trace.quote(loaded, ("words", i, "sources", j), source, source["article"])
        if word["anchor"] in anchors:
            trace.problems.add(loaded, ("words", i, "anchor"), f"anchor '{word['anchor']}' is used twice")
        anchors.add(word["anchor"])


def check_texts(loaded: LoadedFile | None, trace: Traceability) -> None:
    """Articles kept as text: each numbered section exists and its body is verbatim."""
    if loaded is None:
        return
    for i, article in enumerate(loaded.data.get("articles", [])):
        if not trace.conditions.has(article["article"]):
            trace.problems.add(loaded, ("articles", i, "article"), f"article {article['article']} does not exist")
            continue
        haystack = trace.conditions.text_of(article["article"])
        for j, section in enumerate(article.get("sections", [])):
            trace.report.quotes_total += 1
            body = _plain(section.get("body", ""))
            if body and body not in haystack:
                trace.problems.add(
                    loaded,
                    ("articles", i, "sections", j, "body"),
                    f"body is not verbatim in article {article['article']}: '{body[:60]}'",
                )
            else:
                trace.report.quotes_verified += 1


def _plain(markdown: str) -> str:
    """Markdown as the plain, normalised text it reads as: the form the source is compared in."""
    return normalise(" ".join(text for _kind, _level, text in read_plain(markdown)))
