"""Find and load every YAML file of policies/, validated against the JSON Schema it names."""

from __future__ import annotations

import dataclasses
import json
import re
from pathlib import Path

import jsonschema

from ._load import LoadedFile, Problem, load_yaml

__all__ = ["REPO_ROOT", "PolicyFiles", "load_policy_files"]

REPO_ROOT = Path(__file__).resolve().parents[2]
_SCHEMA_COMMENT = re.compile(r"^#\s*yaml-language-server:\s*\$schema=(\S+)\s*$")


@dataclasses.dataclass
class PolicyFiles:
    """Every policies/ file that parsed and matched its schema, by role.

    A file that exists but failed to parse or to match its schema is in `failed` instead, by its
    path under policies/ without suffix (("av", "royaal")). Its own problems are reported and it
    is checked no further, but it still exists for the other files' cross-references: one
    mistake gives one message, not one more for every file that points at it.
    """

    catalogue: LoadedFile | None = None
    packages: dict[tuple[str, str], LoadedFile] = dataclasses.field(default_factory=dict)  # (kind, id)
    premiums: LoadedFile | None = None
    household: LoadedFile | None = None
    glossary: LoadedFile | None = None
    general_articles: LoadedFile | None = None
    servicepakket: LoadedFile | None = None
    failed: dict[tuple[str, ...], LoadedFile | None] = dataclasses.field(default_factory=dict)  # None: unparsable

    def package_names(self, kind: str) -> list[str]:
        """The packages of a kind that have a file, valid or not."""
        names = {name for k, name in self.packages if k == kind}
        names.update(parts[1] for parts in self.failed if len(parts) == 2 and parts[0] == kind)
        return sorted(names)

    def care_ids(self) -> set[str] | None:
        """The catalogue's care ids; None when the catalogue failed and its ids cannot all be read.

        From a failed catalogue the ids are read only when every `care` entry has a string id: a
        package's id is then known to be missing, not merely unreadable.
        """
        if self.catalogue is not None:
            return {care["id"] for care in self.catalogue.data["care"]}
        if ("catalogue",) not in self.failed:
            return set()
        failed = self.failed[("catalogue",)]
        care = failed.data.get("care") if failed and isinstance(failed.data, dict) else None
        if isinstance(care, list) and all(isinstance(c, dict) and isinstance(c.get("id"), str) for c in care):
            return {c["id"] for c in care}
        return None


def _schema_for(loaded: LoadedFile) -> tuple[Path | None, str | None]:
    first_line = loaded.path.read_text(encoding="utf-8").splitlines()[:1]
    match = _SCHEMA_COMMENT.match(first_line[0]) if first_line else None
    if not match:
        return None, "first line must name its schema: '# yaml-language-server: $schema=<path>'"
    schema_path = (loaded.path.parent / match.group(1)).resolve()
    if not schema_path.is_file():
        return None, f"schema '{match.group(1)}' not found"
    return schema_path, None


def _schema_problems(loaded: LoadedFile, schema_path: Path) -> list[Problem]:
    schema = json.loads(schema_path.read_text(encoding="utf-8"))
    # With its format checker: a date such as 2026-02-30 has the right form but no day.
    validator = jsonschema.Draft202012Validator(schema, format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER)
    problems = []
    for error in sorted(validator.iter_errors(loaded.data), key=lambda e: list(map(str, e.absolute_path))):
        # A oneOf/anyOf failure is clearer from its most specific sub-error.
        best = jsonschema.exceptions.best_match([error])
        path = tuple(best.absolute_path)
        where = ".".join(str(p) for p in path) or "(top level)"
        if best.validator == "additionalProperties" and isinstance(best.instance, dict):
            # Point at the misspelt key itself, not at the start of the object holding it.
            allowed = best.schema.get("properties", {})
            path += (next((key for key in best.instance if key not in allowed), ""),)
        message = best.message
        if best.validator == "format":
            message = f"expected a valid {best.validator_value}, got {best.instance!r}"
        problems.append(loaded.problem(path, f"{where}: {message}"))
    return problems


def load_policy_files(policies_dir: Path) -> tuple[PolicyFiles, list[Problem]]:
    files = PolicyFiles()
    problems: list[Problem] = []
    for path in sorted(policies_dir.rglob("*.yaml")):
        name = str(path.relative_to(policies_dir.parent))
        parts = path.relative_to(policies_dir).with_suffix("").parts
        loaded, load_problems = load_yaml(path, name)
        problems += load_problems
        if loaded is None:
            files.failed[parts] = None
            continue
        schema_path, error = _schema_for(loaded)
        if error:
            problems.append(Problem(name, 1, error))
            files.failed[parts] = loaded
            continue
        schema_problems = _schema_problems(loaded, schema_path)
        problems += schema_problems
        if schema_problems or load_problems:
            files.failed[parts] = loaded
            continue
        if parts[0] in ("av", "dental") and len(parts) == 2:
            files.packages[(parts[0], parts[1])] = loaded
        elif parts == ("catalogue",):
            files.catalogue = loaded
        elif parts == ("premiums",):
            files.premiums = loaded
        elif parts == ("household",):
            files.household = loaded
        elif parts == ("general", "glossary"):
            files.glossary = loaded
        elif parts == ("general", "articles"):
            files.general_articles = loaded
        elif parts == ("servicepakket",):
            files.servicepakket = loaded
        else:
            problems.append(
                Problem(
                    name,
                    1,
                    "unexpected file: policies/ holds catalogue, premiums, household, "
                    "servicepakket, general/{glossary,articles}, av/<package>, dental/<package>",
                )
            )
    return files, problems
