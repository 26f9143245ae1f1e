"""MkDocs hook: validate policies/ and generate the site's pages from it.

Listed under `hooks:` in mkdocs.yml. `on_files` runs the same checks as
`python -m build_tools check` and adds the generated pages; `on_page_markdown` fills the
`[[polis: ...]]` lines of hand-written pages. The edition is the project's `theme.language`:
the English project (docs/en/mkdocs.yml) generates every page from the `_en` twins and takes the
hand-written pages from docs/en/ (same paths as the Dutch ones, which it leaves out). Bad data, or an engine JSON not compiled from
it, stops the build with the checker's `file:line: message` lines (a PluginError), never a
traceback. MkDocs does not reload hook
modules under `mkdocs serve`: restart it after editing build_tools/.
"""

from __future__ import annotations

import sys
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files

# The hook is loaded by file path; make the repository importable even without an installed package.
_REPO = Path(__file__).resolve().parents[2]
if str(_REPO) not in sys.path:
    sys.path.insert(0, str(_REPO))

from build_tools.site import Site, SiteDataError, build_site, edition_of  # noqa: E402

_state: dict[str, Site] = {}


def on_files(files: Files, config) -> Files:
    # policies/ beside mkdocs.yml, so a copy of the project (tests, benchmark) builds its own data.
    policies = Path(config.config_file_path).resolve().parent / "policies"
    try:
        lang = edition_of(config)
    except ValueError as error:
        raise PluginError(str(error)) from None
    if lang != "nl":
        files = _edition_pages(files, config, lang)
    handwritten = {f.src_uri: f.content_string for f in files.documentation_pages()}
    others = {f.src_uri for f in files if f.src_uri not in handwritten}
    try:
        site = build_site(policies, handwritten, others, lang)
    except SiteDataError as error:
        raise PluginError("The policy data cannot be published:\n" + "\n".join(error.problems)) from None
    for path, content in site.pages.items():
        files.append(File.generated(config, path, content=content))
    _state["site"] = site
    return files


def _edition_pages(files: Files, config, lang: str) -> Files:
    """The edition's hand-written pages (docs/en/X.md) in place of the Dutch ones (docs/X.md)."""
    prefix = f"{lang}/"
    own = [f for f in files.documentation_pages() if f.src_uri.startswith(prefix)]
    for page in files.documentation_pages():
        files.remove(page)
    for page in own:
        files.append(File.generated(config, page.src_uri[len(prefix) :], abs_src_path=page.abs_src_path))
    return files


def on_page_markdown(markdown: str, page, config, files) -> str:
    fragments = _state["site"].fragments.get(page.file.src_uri)
    if not fragments:
        return markdown
    return "\n".join(fragments.get(line.strip(), line) for line in markdown.split("\n"))
