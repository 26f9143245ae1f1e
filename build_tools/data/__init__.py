"""The policy data: policies/ loaded with the line of every value, checked against its schema and
the conditions (every number traced to a verbatim quote, every article mapped), compiled for the engine."""

from ._check import check_policies
from ._check_traceability import numbers_in
from ._compile import ENGINE_DATA, compile_engine_data, engine_data_json, stale_engine_data, write_engine_data
from ._documents import CONDITIONS, PACKAGE_CHAPTERS
from ._load import LoadedFile, Problem, load_yaml
from ._policy_files import REPO_ROOT, PolicyFiles
from ._report import Problems, Report

__all__ = [
    "CONDITIONS",
    "ENGINE_DATA",
    "PACKAGE_CHAPTERS",
    "REPO_ROOT",
    "LoadedFile",
    "PolicyFiles",
    "Problem",
    "Problems",
    "Report",
    "check_policies",
    "compile_engine_data",
    "engine_data_json",
    "load_yaml",
    "numbers_in",
    "stale_engine_data",
    "write_engine_data",
]
