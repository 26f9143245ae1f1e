"""The comparator's engine shipped to the browser: the Pyodide runtime files, the compiled standard
library, the engine's wheel, the memory snapshot and the data the comparator page loads."""

from ._cache import cached
from ._page_data import FormDataError, article_links, form_data, manifest_js
from ._runtime import RUNTIME_FILES, RuntimeMismatch, py_compile, trimmed_lock
from ._snapshot import SNAPSHOT_SCRIPT, memory_snapshot
from ._stdlib import STDLIB_DROP, compiled_stdlib
from ._wheel import build_wheel, package_files

__all__ = [
    "RUNTIME_FILES",
    "SNAPSHOT_SCRIPT",
    "STDLIB_DROP",
    "FormDataError",
    "RuntimeMismatch",
    "article_links",
    "build_wheel",
    "cached",
    "compiled_stdlib",
    "form_data",
    "manifest_js",
    "memory_snapshot",
    "package_files",
    "py_compile",
    "trimmed_lock",
]
