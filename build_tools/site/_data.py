"""The policy data as the site needs it: validated by the checker, packages in a fixed order, lookups that fail loudly."""

from __future__ import annotations

import dataclasses
from pathlib import Path

from ..data import PACKAGE_CHAPTERS, PolicyFiles, Problem, Report, check_policies

__all__ = ["AV_ORDER", "DENTAL_ORDER", "KIND_TITLES", "Package", "SiteData", "SiteDataError", "load_site_data"]

# Package order follows the conditions (chapters 3-7), never alphabetical.
AV_ORDER = tuple(PACKAGE_CHAPTERS)
DENTAL_ORDER = ("primair", "royaal", "ideaal", "optimaal", "excellent")
KIND_TITLES = {"av": "Aanvullende verzekering", "dental": "Tandartsverzekering"}

# Files the site renders. The checker reports missing package chapters itself; these it may not.
_REQUIRED = {
    "catalogue": "policies/catalogue.yaml",
    "premiums": "policies/premiums.yaml",
    "glossary": "policies/general/glossary.yaml",
    "general_articles": "policies/general/articles.yaml",
    "servicepakket": "policies/servicepakket.yaml",
}


class SiteDataError(Exception):
    """The data cannot be rendered; `problems` are the checker's `file:line: message` lines."""

    def __init__(self, problems: list[Problem | str]):
        self.problems = [str(p) for p in problems]
        super().__init__("\n".join(self.problems))


@dataclasses.dataclass
class Package:
    kind: str  # "av" or "dental"
    id: str  # "primair"
    data: dict

    @property
    def name(self) -> str:
        """The short name visitors know: "Primair"."""
        return self.id.capitalize()

    @property
    def title(self) -> str:
        return self.data["title"]

    @property
    def chapter(self) -> str:
        return self.data["chapter"]

    @property
    def benefits(self) -> dict[str, dict]:
        return {b["id"]: b for b in self.data["benefits"]}

    @property
    def not_covered(self) -> dict[str, dict]:
        return {e["id"]: e for e in self.data.get("not_covered", [])}

    def mentions(self, care_id: str) -> bool:
        return care_id in self.benefits or care_id in self.not_covered


@dataclasses.dataclass
class SiteData:
    files: PolicyFiles
    report: Report
    themes: list[dict]
    care: dict[str, dict]  # catalogue entries by id, in catalogue order
    av: list[Package]
    dental: list[Package]

    @property
    def packages(self) -> list[Package]:
        return self.av + self.dental

    def care_item(self, care_id: str) -> dict:
        """A catalogue entry; an id that does not exist is an error, never an empty section."""
        try:
            return self.care[care_id]
        except KeyError:
            raise SiteDataError([f"unknown benefit id '{care_id}': not in policies/catalogue.yaml"]) from None

    def theme(self, theme_id: str) -> dict:
        for theme in self.themes:
            if theme["id"] == theme_id:
                return theme
        raise SiteDataError([f"unknown theme '{theme_id}': not in policies/catalogue.yaml"])

    def care_in_theme(self, theme_id: str) -> list[dict]:
        return [c for c in self.care.values() if c["theme"] == theme_id]

    def kinds_for(self, care_id: str) -> list[str]:
        """Which kinds of package speak about this care: the ones its comparisons show."""
        kinds = [k for k in ("av", "dental") if any(p.mentions(care_id) for p in self.of_kind(k))]
        return kinds or ["av"]

    def of_kind(self, kind: str) -> list[Package]:
        return self.av if kind == "av" else self.dental

    def premium(self, package: Package) -> dict | None:
        """The premiums.yaml entry of a package, or None when the file does not list it."""
        return self.files.premiums.data.get(package.kind, {}).get(package.id)

    @property
    def glossary(self) -> dict:
        return self.files.glossary.data

    @property
    def general_articles(self) -> dict:
        return self.files.general_articles.data

    @property
    def servicepakket(self) -> dict:
        return self.files.servicepakket.data


def load_site_data(policies_dir: Path) -> SiteData:
    """Run the checker; any problem (or a file the site needs that is absent) stops the build."""
    files, report = check_policies(policies_dir)
    problems = report.problems
    for attribute, name in _REQUIRED.items():
        if getattr(files, attribute) is None and not problems.in_file(name):
            problems.append(Problem(name, 1, "missing: the site is generated from this file"))
    if problems:
        raise SiteDataError(list(problems))
    catalogue = files.catalogue.data
    return SiteData(
        files=files,
        report=report,
        themes=list(catalogue["themes"]),
        care={c["id"]: c for c in catalogue["care"]},
        av=[Package("av", p, files.packages[("av", p)].data) for p in AV_ORDER if ("av", p) in files.packages],
        dental=[
            Package("dental", p, files.packages[("dental", p)].data)
            for p in DENTAL_ORDER
            if ("dental", p) in files.packages
        ],
    )
