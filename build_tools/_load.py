"""Load the YAML files of policies/ with the line of every value, for `file:line` messages."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import yaml

__all__ = ["LoadedFile", "Problem", "load_yaml"]


@dataclasses.dataclass(frozen=True, order=True)
class Problem:
    """One thing wrong with the data, reported as `file:line: message`."""

    file: str
    line: int
    message: str

    def __str__(self) -> str:
        return f"{self.file}:{self.line}: {self.message}"


@dataclasses.dataclass
class LoadedFile:
    """A parsed YAML file plus the line of each value, keyed by its path of keys and indexes."""

    path: Path
    name: str  # the path as reported in messages, relative to the repository root
    data: object
    lines: dict[tuple, int]

    def line_of(self, path: tuple) -> int:
        """The line of the value at `path`, or of its nearest parent that has one."""
        path = tuple(path)
        while path not in self.lines and path:
            path = path[:-1]
        return self.lines.get(path, 1)

    def problem(self, path: tuple, message: str) -> Problem:
        return Problem(self.name, self.line_of(path), message)


def _record_lines(node: yaml.Node, path: tuple, lines: dict, problems: list, name: str) -> None:
    lines.setdefault(path, node.start_mark.line + 1)
    if isinstance(node, yaml.MappingNode):
        seen = set()
        for key_node, value_node in node.value:
            key = key_node.value
            if key in seen:
                problems.append(Problem(name, key_node.start_mark.line + 1, f"duplicate key '{key}'"))
            seen.add(key)
            lines[path + (key,)] = key_node.start_mark.line + 1
            _record_lines(value_node, path + (key,), lines, problems, name)
    elif isinstance(node, yaml.SequenceNode):
        for index, item in enumerate(node.value):
            _record_lines(item, path + (index,), lines, problems, name)


def load_yaml(path: Path, name: str) -> tuple[LoadedFile | None, list[Problem]]:
    """Parse one file; on a syntax error return no file and one problem at the error's line."""
    try:
        text = path.read_text(encoding="utf-8")
        node = yaml.compose(text, Loader=yaml.SafeLoader)
        data = yaml.safe_load(text)
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line = mark.line + 1 if mark else 1
        return None, [Problem(name, line, f"invalid YAML: {error.problem or error.context}")]
    except (OSError, UnicodeDecodeError) as error:
        return None, [Problem(name, 1, f"cannot read file: {error}")]
    lines: dict[tuple, int] = {}
    problems: list[Problem] = []
    if node is not None:
        _record_lines(node, (), lines, problems, name)
    return LoadedFile(path, name, data, lines), problems
