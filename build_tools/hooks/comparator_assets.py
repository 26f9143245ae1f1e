"""MkDocs hook: the in-browser comparator's assets (vergelijker/).

on_config adds the comparator's script (a module, on every page, because Material's instant
navigation swaps pages without loading their scripts; it does nothing on pages without the
comparator) and stylesheet. on_post_page loads that script from <head> too on the comparator's own
page, so its engine starts before the page has been parsed; on_post_page and on_post_template give
every page's <head> the lines that mark it when the browser refuses a module script
(docs/javascripts/comparator/refused.js). on_post_build writes
site/assets/comparator/:

    pyodide/      the runtime files a start needs, the standard library cut to what the engine's
                  workload imports (traced under Node, which npm brings) and compiled to .pyc, and
                  a lock file without packages (see build_tools/browser/)
    comparator-VERSION-cp3XX-none-any.whl   the engine with its policy JSON, compiled to .pyc
    form.json     the form's data (build_tools/browser/_page_data.py)
    build.js      a module naming these files by content (compiled ones by what they are made from)

No memory snapshot ships: it is 4 MB gzipped, and on a phone's network a first visit downloading
it shows results later than one starting Python itself (README, benchmarks). The browser makes
its own after its first results (docs/javascripts/comparator/worker.js). Compiled archives and
the import trace are cached in build/comparator-assets/ by the hash of their inputs.
"""

from __future__ import annotations

import json
import sys
import tomllib
from pathlib import Path

from mkdocs.config.config_options import ExtraScriptValue
from mkdocs.exceptions import PluginError
from mkdocs.utils import get_relative_url

if str(_ROOT := Path(__file__).resolve().parents[2]) not in sys.path:
    sys.path.insert(0, str(_ROOT))  # the repository, when the project is not installed into the venv

from build_tools.browser import (
    COMPILE_OPTIONS,
    RUNTIME_FILES,
    SIBLING,
    STDLIB_COMPILER,
    TRACE_SCRIPT,
    FormDataError,
    RuntimeMismatch,
    brotli_sibling,
    build_wheel,
    cached,
    compiled_stdlib,
    deflated,
    engine_workload,
    form_data,
    manifest_js,
    package_files,
    py_compile,
    stdlib_imports,
    trimmed_lock,
)
from build_tools.data import REPO_ROOT

SCRIPT = "javascripts/comparator/app.js"
EARLY = REPO_ROOT / "docs" / "javascripts" / "comparator" / "early.js"  # see that file
REFUSED = REPO_ROOT / "docs" / "javascripts" / "comparator" / "refused.js"  # see that file
STYLESHEET = "stylesheets/comparator.css"
RUNTIME = REPO_ROOT / "node_modules" / "pyodide"
CACHE = REPO_ROOT / "build" / "comparator-assets"
PACKAGE = REPO_ROOT / "comparator"


def on_config(config):
    if not any(str(script) == SCRIPT for script in config.extra_javascript):
        script = ExtraScriptValue(SCRIPT)
        script.type = "module"
        config.extra_javascript.append(script)
    if STYLESHEET not in config.extra_css:
        config.extra_css.append(STYLESHEET)
    return config


def on_post_page(output, page, config):
    head = ""
    if "data-comparator>" in output:
        src = get_relative_url(SCRIPT, page.url)
        # async: runs as soon as it has arrived, without waiting for the stylesheets or the body
        head = f'<script type="module" async src="{src}" data-comparator-start></script>'
        head += _inline(EARLY)  # inline: it must not wait for a request
    return _into_head(output, page.file.src_uri, head)


def on_post_template(output, template_name, config):
    """Theme pages without a source (404.html): they load the comparator's script like every page."""
    return _into_head(output, template_name) if template_name.endswith(".html") else output


def _into_head(output: str, name: str, lines: str = "") -> str:
    """`lines` at the top of the <head>, after refused.js, which every page gets: instant navigation
    reaches the comparator's page without loading its <head>."""
    charset = '<meta charset="utf-8">'
    if charset not in output:
        raise PluginError(f"{name}: no {charset} in the page's <head> to put the comparator's lines after")
    return output.replace(charset, charset + _inline(REFUSED) + lines, 1)


def _inline(script: Path) -> str:
    """A script of docs/ as an inline <script>, without its comment lines."""
    code = "\n".join(line for line in script.read_text(encoding="utf-8").splitlines() if not line.startswith("//"))
    return f"<script>{code}</script>"


def _version() -> str:
    return tomllib.loads((REPO_ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["version"]


def _wheel() -> Path:
    sources = package_files(PACKAGE)
    inputs = [path.relative_to(PACKAGE).as_posix().encode() + path.read_bytes() for path in sources]
    version = _version()
    return cached(
        CACHE,
        "wheel",
        [version.encode(), " ".join(COMPILE_OPTIONS).encode(), (RUNTIME / "pyodide-lock.json").read_bytes(), *inputs],
        lambda work: py_compile(build_wheel(PACKAGE, work, version), RUNTIME),
    )


def engine_files() -> tuple[Path, Path]:
    """The engine's .pyc wheel and the standard library cut for it, deflated as the site ships it
    (built or from the cache); the parity test runs the engine with that library too."""
    wheel, _, library = _engine_files()
    return wheel, library


def _engine_files() -> tuple[Path, Path, Path]:
    """The wheel, the standard library stored (its brotli sibling: see compiled_stdlib) and deflated."""
    wheel = _wheel()
    stored = _stdlib(wheel)
    return wheel, stored, cached(CACHE, "deflated", [stored.read_bytes()], lambda work: deflated(stored, work))


def _stdlib(wheel: Path) -> Path:
    """The standard library cut to what the engine's workload imports (personas, scenario suite)."""
    workload = engine_workload(REPO_ROOT / "docs" / "vergelijker" / "personas.json", REPO_ROOT / "tests" / "scenarios")
    runtime = [(RUNTIME / name).read_bytes() for name in (*RUNTIME_FILES, "python_stdlib.zip")]
    imports = cached(
        CACHE,
        "imports",
        [_made_from(wheel), workload, TRACE_SCRIPT.read_bytes(), *runtime],
        lambda work: stdlib_imports(RUNTIME, wheel, workload, work),
    )
    return cached(
        CACHE,
        "stdlib",
        [
            (RUNTIME / "python_stdlib.zip").read_bytes(),
            imports.read_bytes(),
            STDLIB_COMPILER.read_bytes(),
            " ".join(COMPILE_OPTIONS).encode(),
        ],
        lambda work: compiled_stdlib(RUNTIME, work, json.loads(imports.read_bytes())),
    )


def _made_from(path: Path) -> bytes:
    """What names a cached file: its slot in the build cache, a hash of its inputs (see `cached`).
    Its bytes would not do: compiling the wheel stamps its .pyc files with the time, so two
    checkouts of one commit would name it apart."""
    return path.parent.name.encode()


def _write(path: Path, data: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    if not path.is_file() or path.read_bytes() != data:
        path.write_bytes(data)


def _write_with_sibling(path: Path, data: bytes) -> None:
    """The file and its brotli sibling, for hosts that send pre-compressed files (README)."""
    _write(path, data)
    _write(path.with_name(path.name + SIBLING), brotli_sibling(CACHE, path.name, data))


def _check_links(site_dir: Path, links: dict[str, str], use_directory_urls: bool) -> None:
    """Every article link the results can show must land on an element of the built site."""
    pages: dict[str, str] = {}
    missing = []
    for key, link in sorted(links.items()):
        page, anchor = link.split("#")
        if page not in pages:
            html = site_dir / (page + "index.html" if use_directory_urls else page)
            pages[page] = html.read_text(encoding="utf-8") if html.is_file() else ""
        if f'id="{anchor}"' not in pages[page]:
            missing.append(f"article {key}: {link}")
    if missing:
        raise PluginError("Comparator article links without a target on the site:\n" + "\n".join(missing))


def on_post_build(config):
    if not RUNTIME.is_dir():
        raise PluginError(f"{RUNTIME} is missing: run 'npm ci' (make setup) to install the pinned Pyodide runtime")
    try:
        wheel, stored, stdlib = _engine_files()
        data = form_data(
            PACKAGE / "data" / "policies-2020.json",
            REPO_ROOT / "policies" / "catalogue.yaml",
            Path(config.docs_dir) / "vergelijker",
            config.use_directory_urls,
        )
    except (RuntimeMismatch, FormDataError) as error:
        raise PluginError(str(error)) from None
    _check_links(Path(config.site_dir), data["links"], config.use_directory_urls)

    out = Path(config.site_dir) / "assets" / "comparator"
    for name in RUNTIME_FILES:
        _write_with_sibling(out / "pyodide" / name, (RUNTIME / name).read_bytes())
    _write(out / "pyodide" / "pyodide-lock.json", trimmed_lock(RUNTIME))
    form = json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode()
    _write(out / "form.json", form)
    named = {"form": ("form.json", form)}  # each file with what names it in build.js
    _write_with_sibling(out / wheel.name, wheel.read_bytes())
    named["wheel"] = (wheel.name, _made_from(wheel))
    library = "pyodide/python_stdlib.zip"
    _write(out / library, stdlib.read_bytes())
    # Its sibling holds the same files stored (see compiled_stdlib).
    _write(out / (library + SIBLING), brotli_sibling(CACHE, "python_stdlib-stored.zip", stored.read_bytes()))
    named["stdlib"] = (library, _made_from(stdlib))
    _write(out / "build.js", manifest_js(named).encode())
