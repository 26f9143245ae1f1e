"""A quiet, threaded static file server on 127.0.0.1 for a built site (and extra directories).

Like a static host, it answers an unknown path with the site's own 404.html and status 404.
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

    def __init__(self, *args, mounts: dict[str, Path], **kwargs):
        self.mounts = mounts
        super().__init__(*args, **kwargs)

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
def serve(root: Path, port: int = 0, mounts: dict[str, Path] | None = None) -> Iterator[str]:
    """Serve `root` (and each `mounts` URL prefix from its directory); yields the base URL."""
    handler = functools.partial(_Handler, directory=str(root), mounts=mounts or {})
    server = _Server(("127.0.0.1", port), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_port}/"
    finally:
        server.shutdown()
        server.server_close()
