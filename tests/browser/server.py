"""A quiet, threaded static file server on 127.0.0.1 for a built site (and extra directories).

Like a static host, it answers an unknown path with the site's own 404.html and status 404. Like
other hosts, it can send other headers (a cache policy: `headers`, which replace or add to those
of every response) and other content types (`types`, by file extension).
"""

from __future__ import annotations

import contextlib
import functools
import http.server
import socket
import sys
import threading
from collections.abc import Iterator
from pathlib import Path

__all__ = ["free_port", "serve"]


class _Handler(http.server.SimpleHTTPRequestHandler):
    extensions_map = {  # noqa: RUF012 (the base class's own attribute)
        **http.server.SimpleHTTPRequestHandler.extensions_map,
        ".mjs": "text/javascript",
        ".js": "text/javascript",
        ".wasm": "application/wasm",
        ".json": "application/json",
    }

    def __init__(self, *args, mounts: dict[str, Path], headers: dict[str, str], types: dict[str, str], **kwargs):
        self.mounts = mounts
        self.host_headers = headers
        self.extensions_map = {**self.extensions_map, **types}
        super().__init__(*args, **kwargs)  # handles the request

    def send_header(self, keyword, value):
        if keyword not in self.host_headers:
            super().send_header(keyword, value)

    def end_headers(self):
        for keyword, value in self.host_headers.items():
            super().send_header(keyword, value)
        super().end_headers()

    def translate_path(self, path: str) -> str:
        for prefix, root in self.mounts.items():
            if path.startswith(prefix):
                rest = path[len(prefix) :].split("?", 1)[0].split("#", 1)[0]
                return str(root / rest.lstrip("/"))
        return super().translate_path(path)

    def send_error(self, code, message=None, explain=None):
        page = Path(self.directory) / "404.html"
        if code != 404 or not page.is_file():
            return super().send_error(code, message, explain)
        body = page.read_bytes()
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    def log_message(self, format, *args):
        pass


class _Server(http.server.ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request, client_address):
        if not isinstance(sys.exc_info()[1], ConnectionError):  # a browser that stops reading is normal
            super().handle_error(request, client_address)


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@contextlib.contextmanager
def serve(
    root: Path,
    port: int = 0,
    mounts: dict[str, Path] | None = None,
    headers: dict[str, str] | None = None,
    types: dict[str, str] | None = None,
) -> Iterator[str]:
    """Serve `root` (and each `mounts` URL prefix from its directory); yields the base URL."""
    handler = functools.partial(
        _Handler, directory=str(root), mounts=mounts or {}, headers=headers or {}, types=types or {}
    )
    server = _Server(("127.0.0.1", port), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_port}/"
    finally:
        server.shutdown()
        server.server_close()
