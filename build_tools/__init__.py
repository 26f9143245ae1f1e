"""Build tools: validate policies/, compile them for the engine, and generate the site (MkDocs hooks)."""

from ._check import Report, check_policies
from ._load import LoadedFile, Problem
from ._policies import REPO_ROOT, PolicyFiles

__all__ = ["REPO_ROOT", "LoadedFile", "PolicyFiles", "Problem", "Report", "check_policies"]
