"""The policy data: policies/ loaded with the line of every value, checked against its schema and
the conditions (every number traced to a verbatim quote, every article mapped), compiled for the engine."""

from ._check import CONDITIONS, PACKAGE_CHAPTERS, Report, check_policies, numbers_in
from ._compile import ENGINE_DATA, compile_engine_data, engine_data_json, stale_engine_data, write_engine_data
from ._load import LoadedFile, Problem
from ._policy_files import REPO_ROOT, PolicyFiles

__all__ = [
    "CONDITIONS",
    "ENGINE_DATA",
    "PACKAGE_CHAPTERS",
    "REPO_ROOT",
    "LoadedFile",
    "PolicyFiles",
    "Problem",
    "Report",
    "check_policies",
    "compile_engine_data",
    "engine_data_json",
    "numbers_in",
    "stale_engine_data",
    "write_engine_data",
]
