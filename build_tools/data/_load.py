"""Load the YAML files of policies/ with the line of every value, for `file:line` messages.

The data needs plain YAML only, so what could make loading crash or take forever is refused at
its line: anchors and aliases (a kilobyte of them expands to billions of values), nesting deeper
than `MAX_DEPTH` (PyYAML recurses per level), a value its type cannot read (`!!int tachtig`).
Dates stay text, as the schema wants them; it checks that they exist.
"""

from __future__ import annotations

import dataclasses
from pathlib import Path

import yaml

__all__ = ["LoadedFile", "Problem", "load_yaml"]

MAX_DEPTH = 32  # the deepest file of policies/ has 7 levels


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


class _PlainLoader(yaml.SafeLoader):
    """SafeLoader refusing anchors, aliases and deep nesting; a value it cannot read has its line."""

    _depth = 0

    def compose_node(self, parent, index):
        event = self.peek_event()
        if isinstance(event, yaml.AliasEvent) or getattr(event, "anchor", None):
            mark = "*" if isinstance(event, yaml.AliasEvent) else "&"
            raise yaml.composer.ComposerError(
                None,
                None,
                f"anchors and aliases are not used in policies/: write the value out (got '{mark}{event.anchor}')",
                event.start_mark,
            )
        if isinstance(event, (yaml.MappingStartEvent, yaml.SequenceStartEvent)) and self._depth == MAX_DEPTH:
            raise yaml.composer.ComposerError(
                None, None, f"expected at most {MAX_DEPTH} levels of nesting, got more", event.start_mark
            )
        self._depth += 1
        try:
            return super().compose_node(parent, index)
        finally:
            self._depth -= 1

    def construct_object(self, node, deep=False):
        try:
            return super().construct_object(node, deep)
        except ValueError as error:  # a constructor's own check, as int() of "tachtig"
            message = f"cannot read {node.value!r} as {node.tag.rpartition(':')[2]}: {error}"
            raise yaml.constructor.ConstructorError(None, None, message, node.start_mark) from None


# A date is text here: the schema checks its form and that the day exists, with the line.
_PlainLoader.add_constructor("tag:yaml.org,2002:timestamp", yaml.SafeLoader.construct_yaml_str)


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


# PyYAML finds these constructs unfinished only where they should have ended (on the next line,
# at the next key, at the end of the file); the line to fix is where they began, the context's.
_UNFINISHED = {
    "while scanning a simple key",
    "while scanning a quoted scalar",
    "while parsing a flow sequence",
    "while parsing a flow mapping",
}


def _scalar_running_into(text: str, mark: yaml.Mark) -> yaml.ScalarToken | None:
    """The scalar just before `mark` when it began on an earlier line and runs on to the mark's:
    a quote closed too late swallows the lines after it, and the error shows where it ends."""
    last = None
    try:
        for token in yaml.scan(text, Loader=yaml.SafeLoader):
            if token.start_mark.index >= mark.index:
                break
            last = token
    except yaml.MarkedYAMLError:
        pass  # the tokens before the error are all there is
    if isinstance(last, yaml.ScalarToken) and last.start_mark.line < mark.line <= last.end_mark.line:
        return last
    return None


def _syntax_problem(text: str, error: yaml.MarkedYAMLError, name: str) -> Problem:
    """The error at the line to fix, which is not always where PyYAML found it."""
    found = error.problem_mark or error.context_mark
    if found is None:
        return Problem(name, 1, f"invalid YAML: {error.problem or error.context}")
    if error.context in _UNFINISHED and error.context_mark and error.context_mark.line < found.line:
        message = f"{error.context} that starts here, {error.problem} on line {found.line + 1}"
        return Problem(name, error.context_mark.line + 1, f"invalid YAML: {message}")
    if scalar := _scalar_running_into(text, found):
        message = f"a value that starts here runs on to line {found.line + 1} (a quote not closed?): {error.problem}"
        return Problem(name, scalar.start_mark.line + 1, f"invalid YAML: {message}")
    return Problem(name, found.line + 1, f"invalid YAML: {error.problem or error.context}")


def load_yaml(path: Path, name: str) -> tuple[LoadedFile | None, list[Problem]]:
    """Parse one file; on a syntax error return no file and one problem at the line to fix."""
    try:
        text = path.read_text(encoding="utf-8")
        loader = _PlainLoader(text)
        try:
            node = loader.get_single_node()
            data = None if node is None else loader.construct_document(node)
        finally:
            loader.dispose()
    except yaml.MarkedYAMLError as error:
        return None, [_syntax_problem(text, error, name)]
    except (OSError, UnicodeDecodeError) as error:
        return None, [Problem(name, 1, f"cannot read file: {error}")]
    lines: dict[tuple, int] = {}
    problems: list[Problem] = []
    if node is not None:
        _record_lines(node, (), lines, problems, name)
    return LoadedFile(path, name, data, lines), problems
