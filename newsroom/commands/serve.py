"""`newsroom serve`: build, serve on 127.0.0.1 and re-publish on every save.

A saved article's page is re-published at once from the warm build; the lists,
unit and award pages, feeds and search index that show it follow from a
background process, writing only the files that changed. A change of theme,
settings, registry, photos, or an article's address, date or title rebuilds
everything. While the content has errors, every page shows them (file:line,
Vietnamese and English) in place of the site, until the next good build.
Open pages reload themselves after each change: the server adds a small
polling script to HTML responses (the built files are never changed).
"""

from __future__ import annotations

import functools
import html
import multiprocessing
import sys
import threading
import time
import urllib.parse
from http import HTTPStatus
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from newsroom.checks.site import check_content
from newsroom.commands.build import add_site_arguments, options_from
from newsroom.pelicanrun import ChangedOnlyWriter, SiteRun
from newsroom.sitebuild import BuildFailed, PelicanMessages, build_site, index_for_search, site_settings

BUILD_ID_PATH = "/__newsroom/build-id"
STATUS_PATH = "/__newsroom/status"  # "busy" while pages are being regenerated, then "idle"
RELOAD_SCRIPT = (
    "<script>(function(){var id=null;function poll(){fetch('" + BUILD_ID_PATH + "',{cache:'no-store'})"
    ".then(function(r){return r.text()}).then(function(t){if(id!==null&&t!==id){location.reload()}id=t})"
    ".catch(function(){}).finally(function(){setTimeout(poll,300)})}poll()})();</script>"
).encode()


class BuildState:
    """What the server shows: the build id pages poll, and the messages of a failed build."""

    def __init__(self):
        self.build_id = str(time.time_ns())
        self.errors: list[str] = []
        self.busy = False

    def succeeded(self) -> None:
        self.errors = []
        self.build_id = str(time.time_ns())

    def failed(self, messages: list[str]) -> None:
        self.errors = list(messages)
        self.build_id = str(time.time_ns())


class DevRequestHandler(SimpleHTTPRequestHandler):
    def __init__(self, *args, state: BuildState, **kwargs):
        self.state = state
        super().__init__(*args, **kwargs)

    def do_GET(self):
        if self.path == BUILD_ID_PATH:
            self._send_bytes(self.state.build_id.encode(), "text/plain; charset=utf-8")
            return
        if self.path == STATUS_PATH:
            self._send_bytes(b"busy" if self.state.busy else b"idle", "text/plain; charset=utf-8")
            return
        if "\x00" in urllib.parse.unquote(self.path):  # no file name holds a NUL: a bad request, not a missing page
            self.send_error(HTTPStatus.BAD_REQUEST, "Bad request")
            return
        if self.state.errors:
            self._send_bytes(error_page(self.state.errors), "text/html; charset=utf-8")
            return
        try:
            path = Path(self.translate_path(self.path))
            if path.is_dir() and self.path.split("?")[0].endswith("/"):
                path = path / "index.html"
            found = path.is_file() or path.is_dir()
        except (ValueError, OSError):  # a NUL or an over-long name in the address: no such page
            found = False
        if not found:
            missing = Path(self.directory) / "404.html"
            body = missing.read_bytes() if missing.is_file() else NOT_FOUND
            self._send_bytes(body.replace(b"</body>", RELOAD_SCRIPT + b"</body>", 1), "text/html; charset=utf-8",
                             HTTPStatus.NOT_FOUND)
            return
        if path.suffix == ".html":
            page = path.read_bytes().replace(b"</body>", RELOAD_SCRIPT + b"</body>", 1)
            self._send_bytes(page, "text/html; charset=utf-8")
            return
        super().do_GET()

    def _send_bytes(self, body: bytes, content_type: str, status: HTTPStatus = HTTPStatus.OK) -> None:
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "no-store")
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format, *args):  # keep the terminal for build messages
        pass


class DevServer(ThreadingHTTPServer):
    """A browser that closes a tab or stops a load drops its connection mid-answer: nothing the editor must see."""

    def handle_error(self, request, client_address):
        if isinstance(sys.exc_info()[1], ConnectionError):  # reset, broken pipe, aborted
            return
        super().handle_error(request, client_address)


NOT_FOUND = ("<!DOCTYPE html><html lang=\"vi\"><head><meta charset=\"utf-8\"><title>Không tìm thấy trang</title></head>"
             "<body><h1>Không tìm thấy trang</h1><p><a href=\"/\">Về trang chủ</a></p></body></html>").encode()


def error_page(messages: list[str]) -> bytes:
    items = "".join(f"<li><code>{html.escape(message)}</code></li>" for message in messages)
    return (
        "<!DOCTYPE html><html lang=\"vi\"><head><meta charset=\"utf-8\">"
        "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
        "<title>Lỗi khi dựng trang / Build failed</title>"
        "<style>body{font-family:system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;line-height:1.5}"
        "h1{color:#b00020}li{margin:.5rem 0}code{white-space:pre-wrap;word-break:break-word}</style></head><body>"
        "<main><h1>Trang chưa dựng được / The site could not be built</h1>"
        "<p>Sửa các lỗi dưới đây rồi lưu lại; trang sẽ tự tải lại. / Fix these and save; the page reloads itself.</p>"
        f"<ul class=\"build-errors\">{items}</ul></main>"
    ).encode() + RELOAD_SCRIPT + b"</body></html>"


def add_arguments(parser) -> None:
    add_site_arguments(parser)
    parser.add_argument("--port", type=int, default=8000, help="cổng / port (8000)")
    parser.add_argument("--bind", default="127.0.0.1", help="địa chỉ / address (127.0.0.1)")


def watched_paths(args) -> list[Path]:
    return [p for p in (args.content, Path("theme"), Path("plugins"), args.settings) if p.exists()]


def run(args) -> int:
    options = options_from(args)
    state = BuildState()
    site = LiveSite(options, state)
    try:
        server = DevServer((args.bind, args.port), functools.partial(
            DevRequestHandler, directory=str(options.output), state=state))
    except OSError as failure:
        print(f"lỗi: không mở được cổng {args.port} ({failure.strerror}); hãy thử --port {args.port + 1} / "
              f"error: cannot use port {args.port} ({failure.strerror}); try --port {args.port + 1}", file=sys.stderr)
        return 1
    site.rebuild()

    def serve() -> None:  # once the watcher runs, so no save made after the first page is missed
        threading.Thread(target=server.serve_forever, daemon=True).start()
        print(f"Đang phục vụ tại / serving at http://{args.bind}:{args.port}/ (Ctrl+C để dừng / to stop)", flush=True)

    try:
        site.watch(watched_paths(args), ready=serve)
    except KeyboardInterrupt:
        print("Đã dừng. / Stopped.", flush=True)
    finally:
        server.shutdown()
    return 0


class LiveSite:
    def __init__(self, options, state: BuildState):
        self.options, self.state = options, state
        self.run = None  # the warm Pelican run of the last full build
        self.analyser = None  # the analyses of the last check or build, kept warm between saves
        self.background = Background(self)

    def rebuild(self) -> None:
        started = time.perf_counter()
        try:
            report = build_site(self.options, keep_run=True, analyser=self.analyser)
        except BuildFailed as failure:
            self._failed(failure.messages)
            return
        self.run, self.analyser = report.run, report.analyser
        for problem in report.warnings:
            print(problem, flush=True)
        self.state.succeeded()
        print(f"Dựng lại xong / rebuilt in {time.perf_counter() - started:.2f} s", flush=True)

    def _failed(self, messages: list[str]) -> None:
        for message in messages:
            print(message, file=sys.stderr, flush=True)
        print("Dựng trang thất bại; trình duyệt hiện các lỗi. / Build failed; the browser shows why.", file=sys.stderr, flush=True)
        self.state.failed(messages)

    def republish(self, articles: list[Path]) -> bool:
        """The saved articles' pages, at once; False when only a full rebuild will do."""
        if self.run is None or self.state.errors:
            return False
        started = time.perf_counter()
        try:
            checked = check_content(self.options.content, site_settings(self.options), self.analyser)
        except BuildFailed:
            return False
        self.analyser = checked.analyser
        if checked.errors:
            self._failed([str(p) for p in checked.errors])
            return True
        with PelicanMessages() as messages:
            written = [self.run.rewrite_article(path) for path in articles]
        if messages.lines or None in written:
            return False
        self.state.succeeded()
        print(f"Đã cập nhật / updated {', '.join(written)} in {time.perf_counter() - started:.2f} s", flush=True)
        self.background.request()
        return True

    def watch(self, paths: list[Path], ready) -> None:
        from watchfiles import Change, watch

        articles = (self.options.content / "articles").resolve()
        for changes in watch(*paths, debounce=50, step=20, yield_on_timeout=True, rust_timeout=200):
            if ready is not None:
                ready()
                ready = None
            if not changes:
                continue
            names = ", ".join(sorted({Path(p).name for _, p in changes}))
            print(f"Thay đổi / changed: {names}", flush=True)
            saved = {Path(p).resolve() for kind, p in changes}
            edits_only = all(kind == Change.modified for kind, _ in changes) and all(
                path.suffix == ".md" and articles in path.parents for path in saved)
            if not (edits_only and self.republish(sorted(saved))):
                self.background.wait()
                self.rebuild()


class Background:
    """Regenerates the rest of the site after a quick re-publish, in a forked copy of the warm server process."""

    def __init__(self, site: LiveSite):
        self.site = site
        self.process = None
        self.pending = False
        self.lock = threading.Lock()

    def request(self) -> None:
        with self.lock:
            if self.process is not None and self.process.is_alive():
                self.pending = True
                return
            self._start()

    def _start(self) -> None:
        self.pending = False
        self.site.state.busy = True
        self.process = multiprocessing.get_context("fork").Process(target=_regenerate, args=(self.site.run.settings,))
        self.process.start()
        threading.Thread(target=self._finished, args=(self.process,), daemon=True).start()

    def _finished(self, process) -> None:
        process.join()
        with self.lock:
            if process.exitcode == 0 and not self.site.state.errors:
                self.site.state.succeeded()
            if self.pending:
                self._start()
            else:
                self.site.state.busy = False

    def wait(self) -> None:
        with self.lock:
            self.pending = False
            process = self.process
        if process is not None:
            process.join()


def _regenerate(settings: dict) -> None:
    """Every page again into the live site, writing only what changed; then the search index."""
    with PelicanMessages() as messages:
        SiteRun(settings).generate(writer_class=ChangedOnlyWriter)
    if messages.lines:
        sys.exit(1)
    index_for_search(Path(settings["OUTPUT_PATH"]))
