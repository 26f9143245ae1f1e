"""A quiet, threaded static file server on 127.0.0.1 for a built site (and extra directories).

Like a static host, it answers an unknown path with the site's own 404.html and status 404. Like
other hosts, it can send other headers (a cache policy: `headers`, which replace or add to those
of every response) and other content types (`types`, by file extension).

Plain, it behaves like `python -m http.server` (nothing compressed). `compress=True` makes it the
reference host, as common static hosts behave: text, JS, JSON, SVG and wasm compressed, with a
pre-compressed sibling when there is one (`.br` when the browser accepts brotli, else `.gz`) and
else gzip made on the fly, and files named by content (`?v=` or a hash in
the name) cacheable for a year, others for 600 s (GitHub Pages). A `Link` throttles it: one token
bucket for all connections (a phone's one network; DevTools' throttling does not reach a worker's
own fetches) and a delay before each response; it also counts the bytes sent.
"""

from __future__ import annotations

import contextlib
import email.utils
import functools
import gzip
import http.server
import os
import re
import socket
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path

__all__ = ["Link", "free_port", "serve"]

_COMPRESSED_TYPES = re.compile(r"^(text/|application/(javascript|json|wasm|xml|manifest\+json)|image/svg\+xml)")
_NAMED_BY_CONTENT = re.compile(r"\?v=|\.[0-9a-f]{8,}\.[a-z]+$")
_CHUNK = 16 * 1024


class Link:
    """A shared link: `rate` bytes per second down for all connections together (None: unlimited),
    `latency` seconds before each response starts; `sent` counts the bytes sent since `reset`."""

    def __init__(self, rate: float | None = None, latency: float = 0.0):
        self.rate, self.latency = rate, latency
        self.sent = 0
        self._lock = threading.Lock()
        self._free_at = 0.0  # when the bucket has sent what it was given so far

    def reset(self) -> None:
        with self._lock:
            self.sent = 0

    def take(self, size: int) -> None:
        """Wait until `size` more bytes have passed the link, in order with every other connection."""
        with self._lock:
            self.sent += size
            if self.rate is None:
                return
            self._free_at = max(self._free_at, time.monotonic()) + size / self.rate
            until = self._free_at
        time.sleep(max(0.0, until - time.monotonic()))


class _Throttled:
    """A connection's writer that passes every byte through the shared Link."""

    def __init__(self, raw, link: Link):
        self.raw, self.link = raw, link

    def write(self, data) -> int:
        view = memoryview(data)
        for at in range(0, len(view), _CHUNK):
            chunk = view[at : at + _CHUNK]
            self.link.take(len(chunk))
            self.raw.write(chunk)
        return len(view)

    def __getattr__(self, name):  # flush, closed, ...: the connection's own
        return getattr(self.raw, name)


_gzipped: dict[tuple[str, int, int], bytes] = {}  # (path, mtime, size) -> gzip, made once per file
_gzipping = threading.Lock()


def _gzip(path: str) -> bytes:
    stat = os.stat(path)
    key = (path, stat.st_mtime_ns, stat.st_size)
    with _gzipping:
        if key not in _gzipped:
            _gzipped[key] = gzip.compress(Path(path).read_bytes(), compresslevel=6, mtime=0)
        return _gzipped[key]


class _Handler(http.server.SimpleHTTPRequestHandler):
    extensions_map = {  # noqa: RUF012 (the base class's own attribute)
        **http.server.SimpleHTTPRequestHandler.extensions_map,
        ".mjs": "text/javascript",
        ".js": "text/javascript",
        ".wasm": "application/wasm",
        ".json": "application/json",
    }

    def __init__(
        self,
        *args,
        mounts: dict[str, Path],
        headers: dict[str, str],
        types: dict[str, str],
        compress: bool,
        link: Link | None,
        **kwargs,
    ):
        self.mounts = mounts
        self.host_headers = headers
        self.extensions_map = {**self.extensions_map, **types}
        self.compress, self.link = compress, link
        super().__init__(*args, **kwargs)  # handles the request

    def setup(self):
        super().setup()
        if self.link:
            self.wfile = _Throttled(self.wfile, self.link)

    def do_GET(self):
        if self.link and self.link.latency:
            time.sleep(self.link.latency)
        if not (self.compress and self._send_compressed()):
            super().do_GET()

    def _send_compressed(self) -> bool:
        """A static host's answer to a file it compresses or names by content; False for the rest."""
        path = self.translate_path(self.path)
        if os.path.isdir(path) and self.path.split("?", 1)[0].endswith("/"):
            path = os.path.join(path, "index.html")
        if not os.path.isfile(path):
            return False
        kind = self.guess_type(path)
        accepted = self.headers.get("Accept-Encoding", "")
        if "br" in accepted and os.path.isfile(path + ".br"):  # a sibling, whatever the type (nginx, Caddy)
            encoding = "br"
        else:
            encoding = "gzip" if _COMPRESSED_TYPES.match(kind) and "gzip" in accepted else ""
        cache = "public, max-age=31536000, immutable" if _NAMED_BY_CONTENT.search(self.path) else "max-age=600"
        if not encoding:
            self.host_headers = {"Cache-Control": cache, **self.host_headers}
            return False
        modified = int(os.stat(path).st_mtime)
        since = self.headers.get("If-Modified-Since")
        if since and self._not_modified_since(since, modified):
            self.send_response(304)
            self.send_header("Cache-Control", cache)
            self.end_headers()
            return True
        sibling = path + {"br": ".br", "gzip": ".gz"}[encoding]
        body = Path(sibling).read_bytes() if os.path.isfile(sibling) else _gzip(path)
        self.send_response(200)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Encoding", encoding)
        self.send_header("Vary", "Accept-Encoding")
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Last-Modified", self.date_time_string(modified))
        self.send_header("Cache-Control", cache)
        self.end_headers()
        self.wfile.write(body)
        return True

    @staticmethod
    def _not_modified_since(since: str, modified: int) -> bool:
        try:
            return email.utils.parsedate_to_datetime(since).timestamp() >= modified
        except (TypeError, ValueError):
            return False

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
    compress: bool = False,
    link: Link | None = None,
) -> Iterator[str]:
    """Serve `root` (and each `mounts` URL prefix from its directory); yields the base URL.

    `compress`: as the reference static host (gzip, cache headers); `link`: throttle and count."""
    handler = functools.partial(
        _Handler,
        directory=str(root),
        mounts=mounts or {},
        headers=headers or {},
        types=types or {},
        compress=compress,
        link=link,
    )
    server = _Server(("127.0.0.1", port), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_port}/"
    finally:
        server.shutdown()
        server.server_close()
