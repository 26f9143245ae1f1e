"""The test server (tests/browser/server.py): plain like `python -m http.server`, or the reference
host that gzips (or sends a pre-compressed sibling) and sends cache headers like common static
hosts, with a shared, counted link."""

from __future__ import annotations

import gzip
import time
import urllib.request

import brotli
from browser.server import Link, free_port, serve

GZIP = {"Accept-Encoding": "gzip"}
BROTLI = {"Accept-Encoding": "gzip, deflate, br, zstd"}  # what Chromium sends


def fetch(url: str, headers: dict | None = None):
    with urllib.request.urlopen(urllib.request.Request(url, headers=headers or {})) as response:
        return response.headers, response.read()


def site(tmp_path):
    (tmp_path / "page").mkdir()
    (tmp_path / "page" / "index.html").write_text("<p>hallo</p>" * 100)
    (tmp_path / "engine.wasm").write_bytes(b"\0asm" * 1000)
    (tmp_path / "runtime.js").write_text("let a = 1;\n" * 500)
    (tmp_path / "runtime.js.gz").write_bytes(gzip.compress(b"// the sibling\n"))
    (tmp_path / "stdlib.zip").write_bytes(b"PK" * 500)
    (tmp_path / "stdlib.zip.br").write_bytes(brotli.compress(b"PK" * 500))
    (tmp_path / "engine.wasm.br").write_bytes(brotli.compress(b"\0asm" * 1000))
    return tmp_path


def test_plain_compresses_nothing(tmp_path):
    with serve(site(tmp_path), free_port()) as base:
        headers, body = fetch(base + "engine.wasm", GZIP)
    assert headers["Content-Encoding"] is None and body == b"\0asm" * 1000
    assert headers["Content-Type"] == "application/wasm" and headers["Cache-Control"] is None


def test_reference_host_gzips_text_and_wasm_and_caches_named_files(tmp_path):
    with serve(site(tmp_path), free_port(), compress=True) as base:
        wasm_headers, wasm = fetch(base + "engine.wasm?v=0123456789ab", GZIP)
        page_headers, page = fetch(base + "page/", GZIP)
        zip_headers, _ = fetch(base + "stdlib.zip", GZIP)
        plain_headers, plain = fetch(base + "engine.wasm")
    assert wasm_headers["Content-Encoding"] == "gzip" and gzip.decompress(wasm) == b"\0asm" * 1000
    assert wasm_headers["Cache-Control"] == "public, max-age=31536000, immutable"
    assert page_headers["Content-Encoding"] == "gzip" and gzip.decompress(page) == b"<p>hallo</p>" * 100
    assert page_headers["Cache-Control"] == "max-age=600"
    assert zip_headers["Content-Encoding"] is None and zip_headers["Cache-Control"] == "max-age=600"
    assert plain_headers["Content-Encoding"] is None and plain == b"\0asm" * 1000  # a client without gzip


def test_reference_host_sends_a_precompressed_sibling(tmp_path):
    with serve(site(tmp_path), free_port(), compress=True) as base:
        headers, body = fetch(base + "runtime.js", GZIP)
    assert headers["Content-Encoding"] == "gzip" and gzip.decompress(body) == b"// the sibling\n"


def test_reference_host_sends_the_brotli_sibling_to_a_browser_that_accepts_it(tmp_path):
    with serve(site(tmp_path), free_port(), compress=True) as base:
        wasm_headers, wasm = fetch(base + "engine.wasm", BROTLI)
        zip_headers, zipped = fetch(base + "stdlib.zip?v=0123456789ab", BROTLI)  # a sibling, whatever its type
        js_headers, js = fetch(base + "runtime.js", BROTLI)  # no .br: the .gz sibling
        gzip_headers, _ = fetch(base + "engine.wasm", GZIP)
    assert wasm_headers["Content-Encoding"] == "br" and brotli.decompress(wasm) == b"\0asm" * 1000
    assert wasm_headers["Content-Type"] == "application/wasm" and wasm_headers["Vary"] == "Accept-Encoding"
    assert zip_headers["Content-Encoding"] == "br" and brotli.decompress(zipped) == b"PK" * 500
    assert zip_headers["Cache-Control"] == "public, max-age=31536000, immutable"
    assert js_headers["Content-Encoding"] == "gzip" and gzip.decompress(js) == b"// the sibling\n"
    assert gzip_headers["Content-Encoding"] == "gzip"


def test_plain_sends_the_file_itself_beside_a_sibling(tmp_path):
    with serve(site(tmp_path), free_port()) as base:
        headers, body = fetch(base + "engine.wasm", BROTLI)
    assert headers["Content-Encoding"] is None and body == b"\0asm" * 1000


def test_link_counts_and_shares_its_rate(tmp_path):
    link = Link(rate=40_000)  # bytes per second, for all connections together
    with serve(site(tmp_path), free_port(), link=link) as base:
        start = time.monotonic()
        fetch(base + "engine.wasm")
        fetch(base + "stdlib.zip")
        took = time.monotonic() - start
    assert link.sent > 4000 + 1000  # the bodies and their headers
    assert took >= (4000 + 1000) / 40_000
    link.reset()
    assert link.sent == 0
