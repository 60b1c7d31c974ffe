"""The built site served on 127.0.0.1 the way a static host serves it: text files
gzip-compressed, everything else as it is."""

from __future__ import annotations

import functools
import gzip
import mimetypes
import threading
from contextlib import contextmanager
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Iterator

# What static hosts compress; images other than SVG and fonts are compressed already.
COMPRESSED_SUFFIXES = frozenset({".html", ".css", ".js", ".json", ".svg", ".xml", ".txt", ".map"})
# zlib's default level, the usual setting of web servers' on-the-fly gzip.
GZIP_LEVEL = 6


def is_compressed_in_transit(path: Path) -> bool:
    return path.suffix.lower() in COMPRESSED_SUFFIXES


@functools.lru_cache(maxsize=512)
def _gzip_file(path: Path, _mtime_ns: int) -> bytes:
    return gzip.compress(path.read_bytes(), compresslevel=GZIP_LEVEL, mtime=0)


def gzipped(path: Path) -> bytes:
    return _gzip_file(path, path.stat().st_mtime_ns)


def transfer_size(path: Path) -> int:
    """Bytes of the response body when a static host serves this file."""
    return len(gzipped(path)) if is_compressed_in_transit(path) else path.stat().st_size


class StaticHostHandler(SimpleHTTPRequestHandler):
    def do_GET(self):
        path = Path(self.translate_path(self.path))
        if path.is_dir() and self.path.split("?", 1)[0].endswith("/"):
            path = path / "index.html"
        accepts_gzip = "gzip" in self.headers.get("Accept-Encoding", "")
        if not (path.is_file() and accepts_gzip and is_compressed_in_transit(path)):
            return super().do_GET()
        body = gzipped(path)
        self.send_response(200)
        self.send_header("Content-Type", mimetypes.guess_type(path.name)[0] or "application/octet-stream")
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


@contextmanager
def serving(site_dir: Path) -> Iterator[str]:
    """Serve site_dir on a free loopback port; yields the site's address."""
    server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(StaticHostHandler, directory=str(site_dir)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()
