"""`newsroom serve`: build, serve on 127.0.0.1 and rebuild when content, theme or settings change.

Pages served by this development server reload themselves after a rebuild:
the server adds a small polling script to HTML responses (the built files on
disk are never changed).
"""

from __future__ import annotations

import functools
import sys
import threading
import time
import urllib.parse
from http import HTTPStatus
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from newsroom.commands.build import add_site_arguments, build_and_report, options_from

BUILD_ID_PATH = "/__newsroom/build-id"
RELOAD_SCRIPT = (
    "<script>(function(){var id=null;function poll(){fetch('" + BUILD_ID_PATH + "',{cache:'no-store'})"
    ".then(function(r){return r.text()}).then(function(t){if(id!==null&&t!==id){location.reload()}id=t})"
    ".catch(function(){}).finally(function(){setTimeout(poll,700)})}poll()})();</script>"
).encode()


class BuildState:
    def __init__(self):
        self.build_id = str(time.time_ns())

    def bump(self) -> None:
        self.build_id = str(time.time_ns())


class DevRequestHandler(SimpleHTTPRequestHandler):
    def __init__(self, *args, state: BuildState, **kwargs):
        self.state = state
        super().__init__(*args, **kwargs)

    def do_GET(self):
        if self.path == BUILD_ID_PATH:
            self._send_bytes(self.state.build_id.encode(), "text/plain; charset=utf-8")
            return
        path = Path(self.translate_path(self.path))
        if path.is_dir() and self.path.endswith("/"):
            path = path / "index.html"
        if path.suffix == ".html" and path.is_file():
            html = path.read_bytes().replace(b"</body>", RELOAD_SCRIPT + b"</body>", 1)
            self._send_bytes(html, "text/html; charset=utf-8")
            return
        super().do_GET()

    def send_head(self):
        # A NUL in the path (GET /%00) makes open() raise instead of answering 404.
        if "\x00" in urllib.parse.unquote(self.path):
            self.send_error(HTTPStatus.BAD_REQUEST, "Bad request")
            return None
        return super().send_head()

    def _send_bytes(self, body: bytes, content_type: str) -> None:
        self.send_response(HTTPStatus.OK)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "no-store")
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format, *args):  # keep the terminal for build messages
        pass


def add_arguments(parser) -> None:
    add_site_arguments(parser)
    parser.add_argument("--port", type=int, default=8000, help="cổng / port (8000)")
    parser.add_argument("--bind", default="127.0.0.1", help="địa chỉ / address (127.0.0.1)")


def watched_paths(args) -> list[Path]:
    return [p for p in (args.content, Path("theme"), Path("plugins"), args.settings) if p.exists()]


def run(args) -> int:
    options = options_from(args)
    state = BuildState()
    build_and_report(options)
    options.output.mkdir(parents=True, exist_ok=True)
    handler = functools.partial(DevRequestHandler, directory=str(options.output), state=state)
    server = ThreadingHTTPServer((args.bind, args.port), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    print(f"Đang phục vụ tại / serving at http://{args.bind}:{args.port}/ (Ctrl+C để dừng / to stop)", flush=True)
    try:
        watch_and_rebuild(options, watched_paths(args), state)
    finally:
        server.shutdown()
    return 0


def watch_and_rebuild(options, paths: list[Path], state: BuildState) -> None:
    from watchfiles import watch

    for changes in watch(*paths, debounce=150, step=50):
        names = ", ".join(sorted({Path(p).name for _, p in changes}))
        print(f"Thay đổi / changed: {names}", flush=True)
        started = time.perf_counter()
        if build_and_report(options) == 0:
            state.bump()
            print(f"Dựng lại xong / rebuilt in {time.perf_counter() - started:.2f} s", flush=True)
        sys.stdout.flush()
