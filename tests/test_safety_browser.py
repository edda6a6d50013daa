"""Sanitised hostile bodies in real Chromium: no script runs, no request leaves the site, every link is harmless."""

from __future__ import annotations

import functools
import threading
from http.server import ThreadingHTTPServer

import pytest
from playwright.sync_api import Error as PlaywrightError
from conftest import QuietHandler
from test_safety_sanitise import HOSTS, REPRODUCTIONS, SCRIPT_SCHEMES, render

from newsroom.site.sanitise import sanitise

pytestmark = pytest.mark.browser

PAYLOAD = "alert(1)"


def hostile_markdown() -> str:
    """Every reproduction, and every scheme and host spelling in every link and image form."""
    parts = list(REPRODUCTIONS)
    for prefix in SCRIPT_SCHEMES + HOSTS:
        url = prefix + (PAYLOAD if prefix in SCRIPT_SCHEMES else "x.png")
        parts += [
            f"[liên kết]({url})",
            f"![ảnh]({url})",
            f"![ảnh][r{len(parts)}]\n\n[r{len(parts)}]: {url}",
            f'<a href="{url}">a</a> <img src="{url}"> <img srcset="{url} 2x"> <video poster="{url}"></video>',
            f'<iframe src="{url}"></iframe> <object data="{url}"></object> <embed src="{url}">',
            f'<p style="background:url({url})">nền</p> <form action="{url}"><button>Gửi</button></form>',
        ]
    parts += ["<img src=x onerror=alert(1)>", "<body onload=alert(1)>", "<svg><script>alert(1)</script></svg>",
              "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>", "<details open ontoggle=alert(1)>"]
    return "\n\n".join(parts)


@pytest.fixture(scope="module")
def pages(tmp_path_factory):
    folder = tmp_path_factory.mktemp("hostile")
    html = render(hostile_markdown())
    wrap = '<!doctype html><html lang="vi"><head><meta charset="utf-8"><title>t</title></head><body>{}</body></html>'
    (folder / "sanitised.html").write_text(wrap.format(sanitise(html).html), encoding="utf-8")
    (folder / "raw.html").write_text(wrap.format(html), encoding="utf-8")  # the control: what was published before
    server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(QuietHandler, directory=str(folder)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()


def visit(browser, url: str, leaves: bool = False) -> dict:
    """Open `url`; report dialogs, requests to other hosts, and links whose URL is not http(s)/mailto/tel.

    `leaves`: the page navigates away by itself (a meta refresh); wait for that before reading the next page,
    or the reading races the navigation ("Execution context was destroyed")."""
    origin = url.rsplit("/", 1)[0]
    tab = browser.new_page()
    seen = {"dialogs": [], "foreign": [], "links": []}
    # The payloads call alert(); record the calls instead of opening dialogs.
    tab.add_init_script("window.alert = m => console.log('ALERT ' + m);")
    tab.on("console", lambda message: message.text.startswith("ALERT ") and seen["dialogs"].append(message.text))
    tab.on("dialog", lambda dialog: seen["dialogs"].append(dialog.message))

    def route(route_request):
        request = route_request.request
        if not request.url.startswith(origin + "/"):
            seen["foreign"].append(request.url)
            route_request.abort()
        else:
            route_request.continue_()

    tab.route("**/*", route)
    tab.goto(url, wait_until="load")
    if leaves:
        try:
            tab.wait_for_url(lambda address: address != url, wait_until="commit")
        except PlaywrightError:  # the refresh leads to another host, whose request the route aborts
            pass
    tab.wait_for_load_state("networkidle")
    seen["links"] = tab.evaluate(
        "[...document.querySelectorAll('[href],[action],[formaction]')]"
        ".map(e => e.href || e.action || e.formAction)"
        ".filter(u => !/^(https?:|mailto:|tel:)/.test(u))"
    )
    seen["scripts"] = tab.evaluate("document.querySelectorAll('script, iframe, object, embed, [onerror], [onload]').length")
    seen["url"] = tab.url
    tab.close()
    return seen


def test_the_unsanitised_control_page_is_caught(browser, pages):
    seen = visit(browser, pages + "/raw.html", leaves=True)
    # Scripts ran and other hosts were asked; the meta refresh then leaves the page, so links are not counted here.
    assert seen["dialogs"] and seen["foreign"] and seen["url"] != pages + "/raw.html"


def test_sanitised_hostile_bodies_are_inert_in_chromium(browser, pages):
    seen = visit(browser, pages + "/sanitised.html")
    assert seen == {"dialogs": [], "foreign": [], "links": [], "scripts": 0, "url": pages + "/sanitised.html"}
