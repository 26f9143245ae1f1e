"""Build tools: check policies/ and compile it for the engine (data/), generate the site's pages
(site/), ship the engine to the browser (browser/); hooks/ are MkDocs' thin entry points to them."""

from .data import REPO_ROOT, LoadedFile, PolicyFiles, Problem, Report, check_policies

__all__ = ["REPO_ROOT", "LoadedFile", "PolicyFiles", "Problem", "Report", "check_policies"]
