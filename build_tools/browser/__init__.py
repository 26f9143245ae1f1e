"""The comparator's engine shipped to the browser: the Pyodide runtime files, the standard library
cut to what the engine imports and compiled, the engine's wheel and the data the comparator page
loads."""

from ._cache import cached
from ._page_data import FormDataError, article_links, form_data, manifest_js
from ._precompress import SIBLING, brotli_sibling, text_siblings
from ._runtime import COMPILE_OPTIONS, RUNTIME_FILES, RuntimeMismatch, check_python, py_compile, trimmed_lock
from ._stdlib import STDLIB_COMPILER, compiled_stdlib, deflated
from ._trace import BAD_INPUT, BEST_LIMITS, TRACE_SCRIPT, engine_workload, stdlib_imports
from ._wheel import build_wheel, package_files

__all__ = [
    "BAD_INPUT",
    "BEST_LIMITS",
    "COMPILE_OPTIONS",
    "RUNTIME_FILES",
    "SIBLING",
    "STDLIB_COMPILER",
    "TRACE_SCRIPT",
    "FormDataError",
    "RuntimeMismatch",
    "article_links",
    "brotli_sibling",
    "build_wheel",
    "cached",
    "check_python",
    "compiled_stdlib",
    "deflated",
    "engine_workload",
    "form_data",
    "manifest_js",
    "package_files",
    "py_compile",
    "stdlib_imports",
    "text_siblings",
    "trimmed_lock",
]
