"""`newsroom serve`: build, serve on 127.0.0.1 and re-publish on every save.

A saved article's page is re-published at once from the warm build; the lists,
unit and award pages, feeds and search index that show it follow from a
background process, writing only the files that changed. A change of theme,
settings, registry, photos, or an article's address, date or title rebuilds
everything. Every page served carries the editors' panel (newsroom.site.desk):
the errors and warnings of the last check, each with its file and line, and on
an article's page what the article adds to the portal; while there are errors
the pages under the panel are the last good build. Open pages reload
themselves after each change: the server adds the panel and a small polling
script to HTML responses (the built files are never changed).

Other commands may build the same output meanwhile (`newsroom build` in
another terminal): serve writes into the site only under the output's lock,
only into the build it made itself, and when another command's build has
replaced it, shows that one (open pages reload) and rebuilds on the next save.
"""

from __future__ import annotations

import functools
import multiprocessing
import re
import sys
import threading
import time
import urllib.parse
from http import HTTPStatus
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from newsroom.cache_users import using_caches
from newsroom.checks.site import check_content
from newsroom.commands.build import add_site_arguments, options_from
from newsroom.content.files import ARTICLE_SUFFIX, editor_leftover
from newsroom.pelicanrun import ChangedOnlyWriter, SiteRun
from newsroom.settings import portal
from newsroom.site.desk import bare_page, panel
from newsroom.site_output import live_build, lock_is_held, output_lock
from newsroom.sitebuild import BuildFailed, PelicanMessages, build_site, index_for_search, site_settings

BUILD_ID_PATH = "/__newsroom/build-id"
STATUS_PATH = "/__newsroom/status"  # "busy" while pages are being regenerated, then "idle"
RELOAD_SCRIPT = (
    "<script>(function(){var id=null;function poll(){fetch('" + BUILD_ID_PATH + "',{cache:'no-store'})"
    ".then(function(r){return r.text()}).then(function(t){if(id!==null&&t!==id){location.reload()}id=t})"
    ".catch(function(){}).finally(function(){setTimeout(poll,300)})}poll()})();</script>"
).encode()


class BuildState:
    """What the server shows: the build id pages poll, the messages of the last check or failed build,
    and `source_of(save_as)`: the source file and analysis behind a page of the site, if any."""

    def __init__(self):
        self.build_id = str(time.time_ns())
        # Problems (newsroom.problems), or messages as text where no check made them (settings, Pelican).
        self.errors: list = []
        self.warnings: list = []
        self.busy = False
        self.source_of = lambda save_as: (None, None)
        self.page_urls: dict[str, str] = {}  # URL patterns of unit and award pages, from the last build's settings

    def succeeded(self, warnings: list | None = None) -> None:
        self.errors = []
        if warnings is not None:
            self.warnings = list(warnings)
        self.build_id = str(time.time_ns())

    def failed(self, messages: list) -> None:
        self.errors = list(messages)
        self.warnings = []
        self.build_id = str(time.time_ns())


BODY_TAG = re.compile(rb"<body[^>]*>")


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
        try:
            path = Path(self.translate_path(self.path))
            if path.is_dir() and self.path.split("?")[0].endswith("/"):
                path = path / "index.html"
            found = path.is_file() or path.is_dir()
        except (ValueError, OSError):  # a NUL or an over-long name in the address: no such page
            found = False
        if not found:
            missing = Path(self.directory) / "404.html"
            if not missing.is_file() and self.state.errors:  # no site yet: the errors alone
                self._send_bytes(self._bare_page(), "text/html; charset=utf-8")
                return
            body = missing.read_bytes() if missing.is_file() else NOT_FOUND
            self._send_bytes(self._with_desk(body, None), "text/html; charset=utf-8", HTTPStatus.NOT_FOUND)
            return
        if path.suffix == ".html":
            self._send_bytes(self._with_desk(path.read_bytes(), path), "text/html; charset=utf-8")
            return
        super().do_GET()

    def _with_desk(self, page: bytes, path: Path | None) -> bytes:
        """The page with the editors' panel after <body> and the reload script before </body>."""
        source, analysis = None, None
        if path is not None:
            try:
                source, analysis = self.state.source_of(path.relative_to(Path(self.directory)).as_posix())
            except ValueError:
                pass
        shown = panel(self.state.errors, self.state.warnings, source, analysis, self.state.page_urls).encode()
        if shown:
            body = BODY_TAG.search(page)
            page = page[:body.end()] + shown + page[body.end():] if body else shown + page
        return page.replace(b"</body>", RELOAD_SCRIPT + b"</body>", 1)

    def _bare_page(self) -> bytes:
        return bare_page(panel(self.state.errors, self.state.warnings), None).replace(
            b"</body>", RELOAD_SCRIPT + b"</body>", 1)

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
        self.built = None  # the build folder that run wrote: the only one serve writes into
        self.background = Background(self)
        state.source_of = self.source_of

    def source_of(self, save_as: str):
        """(source file, analysis) of the article or page written at `save_as`, from the warm run; (None, None)."""
        run = self.run
        for generator in run.generators if run is not None else ():
            for name in ("articles", "hidden_articles", "pages", "hidden_pages"):
                for content in getattr(generator, name, None) or ():
                    if getattr(content, "save_as", None) == save_as:  # only articles add to the portal
                        return Path(content.source_path), getattr(content, "analysis", None) if "articles" in name else None
        return None, None

    def rebuild(self) -> None:
        started = time.perf_counter()
        if lock_is_held(self.options.output):
            print("Một lệnh newsroom khác đang dựng trang; đợi nó xong. / Another newsroom command is building; "
                  "waiting for it to finish.", flush=True)
        try:
            report = build_site(self.options, keep_run=True, wait=True, analyser=self.analyser)
        except BuildFailed as failure:
            self._failed(failure.reasons)
            return
        self.run, self.built, self.analyser = report.run, report.run.output, report.analyser
        self.state.page_urls = portal(report.run.settings).addresses.mention_urls
        for problem in report.warnings:
            print(problem, flush=True)
        self.state.succeeded(report.warnings)
        print(f"Dựng lại xong / rebuilt in {time.perf_counter() - started:.2f} s", flush=True)

    def _failed(self, messages: list) -> None:
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
            self._failed(checked.errors)
            return True
        with output_lock(self.options.output, wait=True, shared=True):
            if live_build(self.options.output) != self.built:  # another command's build: ours is gone
                return False
            with PelicanMessages() as messages:
                written = [self.run.rewrite_article(path) for path in articles]
        if messages.lines or None in written:
            return False
        self.state.succeeded(checked.warnings)
        print(f"Đã cập nhật / updated {', '.join(written)} in {time.perf_counter() - started:.2f} s", flush=True)
        self.background.request()
        return True

    def watch(self, paths: list[Path], ready) -> None:
        from watchfiles import watch

        articles = (self.options.content / "articles").resolve()
        for changes in watch(*paths, debounce=50, step=20, yield_on_timeout=True, rust_timeout=200):
            if ready is not None:
                ready()
                ready = None
            self.follow_other_builds()
            if self.background.take_failure():
                self.rebuild()
            changes = {(kind, name) for kind, name in changes if not editor_leftover(Path(name).name)}
            if not changes:
                continue
            names = ", ".join(sorted({Path(p).name for _, p in changes}))
            print(f"Thay đổi / changed: {names}", flush=True)
            saved = saved_articles(changes, articles)
            if not (saved and self.republish(saved)):
                self.background.wait()
                self.rebuild()

    def follow_other_builds(self) -> None:
        """Another command built the output: show its site (open pages reload); the next save rebuilds ours."""
        live = live_build(self.options.output)
        if self.built is None or live is None or live == self.built:
            return
        self.built, self.run = live, None
        print("Một lệnh newsroom khác vừa dựng lại trang; đang hiện bản đó. / Another newsroom command rebuilt "
              "the site; serving its build.", flush=True)
        self.state.succeeded()


def saved_articles(changes, articles: Path) -> list[Path] | None:
    """The articles a batch of file events saved, or None when it did more than save articles.

    An editor saves in place (modified), by writing a new file over the old one
    (deleted and added), or through a swap or backup file (their names are
    dropped before this): what counts is that every path is an article that
    is there now, or within half a second. A new article is not known to the warm run, which then asks
    for a full rebuild.
    """
    saved = {Path(name).resolve() for _, name in changes}
    if not all(path.suffix == ARTICLE_SUFFIX and articles in path.parents for path in saved):
        return None
    # An editor renaming the old file away before writing the new one may be seen between the two steps.
    deadline = time.monotonic() + REAPPEAR_SECONDS
    while not all(path.is_file() for path in saved) and time.monotonic() < deadline:
        time.sleep(0.01)
    return sorted(saved) if all(path.is_file() for path in saved) else None


REAPPEAR_SECONDS = 0.5  # how long a saved article may be missing before it counts as deleted


SITE_REPLACED = 3  # exit code of a regeneration that found another command's build in place of serve's


class Background:
    """Regenerates the rest of the site after a quick re-publish, in a forked copy of the warm server process."""

    def __init__(self, site: LiveSite):
        self.site = site
        self.process = None
        self.pending = False
        self.failed = False  # the last regeneration failed: the watcher rebuilds everything instead
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
        forking = multiprocessing.get_context("fork")
        lists_written, pages_written = forking.Event(), forking.Event()
        # Forked, the copy has the warm run as it is now (the saved article in place): no pickling.
        self.process = forking.Process(
            target=_regenerate, args=(self.site.run, self.site.options.output, lists_written, pages_written))
        self.process.start()
        threading.Thread(target=self._finished, args=(self.process, lists_written, pages_written), daemon=True).start()

    def _finished(self, process, lists_written, pages_written) -> None:
        # Open pages reload as soon as the lists are written, again when every page is; the search index follows.
        for written in (lists_written, pages_written):
            while process.is_alive() and not written.wait(0.02):
                pass
            if written.is_set() and not self.site.state.errors:
                self.site.state.succeeded()
        process.join()
        with self.lock:
            if process.exitcode == 0 and not self.site.state.errors and not pages_written.is_set():
                self.site.state.succeeded()
            elif process.exitcode not in (0, SITE_REPLACED):  # replaced: follow_other_builds shows the new one
                self.failed = True
            if self.pending:
                self._start()
            else:
                self.site.state.busy = False

    def take_failure(self) -> bool:
        with self.lock:
            failed, self.failed = self.failed, False
        if failed:
            print("Không cập nhật được các trang danh sách; dựng lại toàn bộ. / "
                  "The lists could not be updated; rebuilding everything.", flush=True)
        return failed

    def wait(self) -> None:
        with self.lock:
            self.pending = False
            process = self.process
        if process is not None:
            process.join()


def _regenerate(warm, output: Path, lists_written, pages_written) -> None:
    """The lists from the warm run; every page again into the live site, writing only what changed; then the
    search index.

    Under the output's lock, and only while the site is still the build serve made
    (`settings["OUTPUT_PATH"]`): another command's build is never written into.
    """
    settings = warm.settings
    caches = portal(settings).analysis_cache.parent
    with using_caches(caches), output_lock(output, wait=True, shared=True):
        if live_build(output) != Path(settings["OUTPUT_PATH"]):
            sys.exit(SITE_REPLACED)
        with PelicanMessages() as messages:
            warm.rewrite_lists()
        if messages.lines:
            sys.exit(1)
        lists_written.set()
        with PelicanMessages() as messages:
            run = SiteRun(settings)
            run.generate(writer_class=ChangedOnlyWriter, search_later=True)
        if messages.lines:
            sys.exit(1)
        pages_written.set()
        with PelicanMessages() as messages:
            run.write_search_index()
        if messages.lines:
            sys.exit(1)
        index_for_search(Path(settings["OUTPUT_PATH"]))
