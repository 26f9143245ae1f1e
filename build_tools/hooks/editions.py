"""MkDocs hook: one command builds both editions; the English one lives in the Dutch site's en/.

Listed under `hooks:` in mkdocs.yml (the English project, docs/en/mkdocs.yml, inherits the list).
After the Dutch build (`on_post_build`, also under `mkdocs serve` and in every test that runs
`mkdocs build`), it builds docs/en/mkdocs.yml into `<site_dir>/en` with `<site_url>en/`, in this
process and with the same strictness. The English project's file lives with its pages (the
repository's top level is fixed) but is read as if it stood beside mkdocs.yml, which it extends:
MkDocs resolves `INHERIT` and every relative path (hooks, docs, overrides) from the config's folder. This is Material's way to a second language: one MkDocs
project per language, linked by `extra.alternate` (its selector and the hreflang links, made
per page by docs/overrides/partials/alternate.html).
"""

from __future__ import annotations

import io
import sys
from pathlib import Path

import yaml
from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.exceptions import ConfigurationError, PluginError
from mkdocs.plugins import event_priority

_REPO = Path(__file__).resolve().parents[2]
if str(_REPO) not in sys.path:
    sys.path.insert(0, str(_REPO))

from build_tools.site import EDITIONS, edition_of  # noqa: E402

_ROOT_EDITION = "nl"
_state = {"command": "build"}


def on_startup(command, dirty):
    # The English project is told the same: under `mkdocs serve` its csp hook allows live reload.
    _state["command"] = command


def on_config(config):
    try:
        edition_of(config)
    except ValueError as error:
        raise PluginError(str(error)) from None
    return config


# Last of all: MkDocs keeps one instance per plugin name across configs loaded in one process,
# so loading the English project re-configures the Dutch build's search plugin (its `lang`).
# Everything of the Dutch build (csp.py's offline list reads that `lang`, at -100) runs before.
@event_priority(-200)
def on_post_build(config) -> None:
    if edition_of(config) != _ROOT_EDITION:
        return
    project = Path(config.config_file_path).resolve().parent
    for lang, folder in EDITIONS.items():
        if lang == _ROOT_EDITION:
            continue
        other = _load_edition(project, lang, config, folder)
        other.plugins.on_startup(command=_state["command"], dirty=False)
        try:
            build(other)
        finally:
            other.plugins.on_shutdown()


def _load_edition(project: Path, lang: str, config, folder: str):
    """The edition's project (docs/<lang>/mkdocs.yml), read from the repository's root."""
    path = project / "docs" / lang / "mkdocs.yml"
    stream = io.BytesIO(path.read_bytes())
    stream.name = str(project / f"mkdocs.{lang}.yml")  # where its relative paths start
    try:
        other = load_config(
            config_file=stream,
            site_dir=str(Path(config.site_dir) / folder),
            site_url=(config.site_url or "/") + folder,
            strict=config.strict,
        )
    except (ConfigurationError, yaml.YAMLError) as error:
        raise PluginError(f"{path.relative_to(project)}: {error}") from None
    if edition_of(other) != lang:
        raise PluginError(f"{path.relative_to(project)}: theme.language: expected '{lang}', got '{edition_of(other)}'")
    return other
