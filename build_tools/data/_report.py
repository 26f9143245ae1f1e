"""What a check of policies/ found: the problems, gathered in one collector, and the summary's counts."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Iterator

from ._load import LoadedFile, Problem

__all__ = ["Problems", "Report"]


class Problems:
    """The one collector every check writes to. Read back (iterated, rendered) sorted by file, line, message."""

    def __init__(self, found: Iterable[Problem] = ()) -> None:
        self._found = list(found)

    def add(self, loaded: LoadedFile, path: tuple, message: str) -> None:
        """A problem with the value at `path` of a loaded file, reported at that value's line."""
        self._found.append(loaded.problem(path, message))

    def append(self, problem: Problem) -> None:
        self._found.append(problem)

    def in_file(self, name: str) -> bool:
        return any(problem.file == name for problem in self._found)

    def render(self) -> str:
        """One `file:line: message` line per problem."""
        return "\n".join(map(str, self))

    def __iter__(self) -> Iterator[Problem]:
        return iter(sorted(self._found))

    def __len__(self) -> int:
        return len(self._found)


@dataclasses.dataclass
class Report:
    problems: Problems = dataclasses.field(default_factory=Problems)
    benefits: dict[str, int] = dataclasses.field(default_factory=dict)  # "av/primair" -> count
    headings_total: int = 0
    headings_mapped: int = 0
    numbers_total: int = 0
    numbers_traced: int = 0
    quotes_total: int = 0
    quotes_verified: int = 0
