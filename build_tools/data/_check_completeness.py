"""Completeness against the conditions: every article heading of chapters 2-7 maps to a benefit or
a `no_benefit` entry, every chapter has its file, and every dental package of chapter 8 its YAML."""

from __future__ import annotations

from pathlib import Path

from ._documents import DENTAL_HEADING, PACKAGE_CHAPTERS
from ._load import LoadedFile, Problem
from ._policy_files import PolicyFiles
from ._report import Report
from ._source import SourceDocument

__all__ = ["check_completeness"]


def check_completeness(files: PolicyFiles, conditions: SourceDocument, report: Report, policies_dir: Path) -> None:
    mapped_by_chapter: dict[str, set[str]] = {}
    files_by_chapter: dict[str, LoadedFile] = {}
    for (kind, _name), loaded in files.packages.items():
        if kind != "av":
            continue
        data = loaded.data
        articles = mapped_by_chapter.setdefault(data["chapter"], set())
        files_by_chapter[data["chapter"]] = loaded
        for benefit in data["benefits"]:
            articles.add(benefit["article"])
            articles.update(r["article"] for r in benefit["rules"] if "article" in r)
            articles.update(s["article"] for s in benefit["sources"] if "article" in s)
        articles.update(e["article"] for e in data.get("not_covered", []))
        articles.update(e["article"] for e in data.get("no_benefit", []))
    if files.servicepakket:
        files_by_chapter["2"] = files.servicepakket
        mapped_by_chapter["2"] = set(_articles_in(files.servicepakket.data))
    for section in conditions.headings_in_chapters({"2", "3", "4", "5", "6", "7"}):
        chapter = section.number.split(".")[0]
        report.headings_total += 1
        mapped = mapped_by_chapter.get(chapter, set())
        if any(a == section.number or a.startswith(section.number + ".") for a in mapped):
            report.headings_mapped += 1
        elif chapter in files_by_chapter:
            report.problems.add(
                files_by_chapter[chapter],
                (),
                f"article {section.number} '{section.title}' maps to no benefit and no 'no_benefit' entry",
            )
        elif section.number == chapter + ".1" and not (policies_dir.parent / _file_for_chapter(chapter)).exists():
            report.problems.append(
                Problem(_file_for_chapter(chapter), 1, f"missing: chapter {chapter} of the conditions has no file")
            )
    dental_titles = {DENTAL_HEADING.format(title=name.capitalize()): name for name in files.package_names("dental")}
    for heading in conditions.sections["8"].headings:
        if heading.startswith("Tandartsverzekering "):
            report.headings_total += 1
            if heading in dental_titles:
                report.headings_mapped += 1
            else:
                report.problems.append(
                    Problem("policies/dental", 1, f"'{heading}' (chapter 8) has no policies/dental/<package>.yaml")
                )


def _file_for_chapter(chapter: str) -> str:
    if chapter == "2":
        return "policies/servicepakket.yaml"
    name = next(n for n, c in PACKAGE_CHAPTERS.items() if c == chapter)
    return f"policies/av/{name}.yaml"


def _articles_in(data: dict):
    for article in data.get("articles", []):
        yield article["article"]
        for section in article.get("sections", []):
            if "article" in section:
                yield section["article"]
