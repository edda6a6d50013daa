"""No command prints a traceback; `newsroom new` writes only one-line metadata into a real content folder (issue 9, items 12, 15)."""

from __future__ import annotations

import http.client
import os
import re
import socket
import subprocess
import time
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from conftest import NEWSROOM, run_newsroom

from newsroom import cli


# --- item 12: an internal error is one line and a log file ---------------------------------------------------------

def test_an_internal_error_is_one_line_naming_its_log(monkeypatch, tmp_path, capsys):
    import newsroom.commands.check as check_command

    def broken(args):
        raise KeyError("bug in our code")

    monkeypatch.setattr(check_command, "run", broken)
    monkeypatch.setenv("NEWSROOM_LOG_DIR", str(tmp_path / "logs"))
    assert cli.main(["check"]) == 1
    err = capsys.readouterr().err
    assert "Traceback" not in err and len(err.strip().splitlines()) == 1
    assert "lỗi nội bộ" in err and "unexpected internal error (KeyError)" in err
    logs = list((tmp_path / "logs").glob("newsroom-error-*.log"))
    assert len(logs) == 1 and str(logs[0]) in err
    logged = logs[0].read_text(encoding="utf-8")
    assert "Traceback" in logged and "bug in our code" in logged and "newsroom check" in logged


def test_an_internal_error_without_a_writable_log_folder_is_still_one_line(monkeypatch, tmp_path, capsys):
    import newsroom.commands.check as check_command

    monkeypatch.setattr(check_command, "run", lambda args: 1 / 0)
    monkeypatch.setattr(cli, "error_log_folders", lambda: [tmp_path / "tep" / "x"])
    (tmp_path / "tep").write_text("a file, not a folder")
    assert cli.main(["check"]) == 1
    err = capsys.readouterr().err
    assert len(err.strip().splitlines()) == 1 and "ZeroDivisionError" in err and "no log file" in err


# --- item 12: GET /%00 against newsroom serve --------------------------------------------------------------------

def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def request(port: int, path: str) -> int:
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    try:
        connection.request("GET", path)
        return connection.getresponse().status
    finally:
        connection.close()


def test_serve_answers_a_nul_in_the_path_without_a_traceback(project_copy):
    port = free_port()
    server = subprocess.Popen([*NEWSROOM, "serve", "--port", str(port)], cwd=project_copy,
                              stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    try:
        deadline = time.monotonic() + 120
        while True:
            try:
                if request(port, "/") == 200:
                    break
            except OSError:
                pass
            assert server.poll() is None and time.monotonic() < deadline, "server did not start"
            time.sleep(0.1)
        assert request(port, "/%00") == 400
        assert request(port, "/index.html%00") == 400
        assert request(port, "/tin-tuc/%00/") == 400
        assert request(port, "/") == 200  # still serving
    finally:
        server.terminate()
        output, _ = server.communicate(timeout=30)
    assert "Traceback" not in output and "embedded null" not in output


# --- item 15: newsroom new ------------------------------------------------------------------------------------------

def empty_content(tmp_path: Path) -> Path:
    content = tmp_path / "content"
    (content / "articles").mkdir(parents=True)
    return content


def written_files(content: Path) -> list[Path]:
    return [p for p in content.rglob("*") if p.is_file()]


@pytest.mark.parametrize("author", [
    "A\nSave_as: index.html",
    "A\rSave_as: index.html",
    "A\u2028Save_as: index.html",
    "Nguyễn\x07Văn",
])
def test_new_refuses_an_author_that_breaks_the_metadata_line(tmp_path, author):
    content = empty_content(tmp_path)
    result = run_newsroom("new", "Tin thử", "--author", author, "--content", str(content))
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert "author" in result.stderr and "tác giả" in result.stderr
    assert written_files(content) == []


def test_new_refuses_the_same_from_the_environment(tmp_path):
    content = empty_content(tmp_path)
    environment = {**os.environ, "NEWSROOM_AUTHOR": "B\nUrl: tin-moi/"}
    result = subprocess.run([*NEWSROOM, "new", "Tin thử", "--content", str(content)],
                            capture_output=True, text=True, env=environment, timeout=120)
    assert result.returncode == 1 and written_files(content) == []


def test_new_refuses_a_control_character_in_the_title(tmp_path):
    content = empty_content(tmp_path)
    result = run_newsroom("new", "Tin\x1bthử", "--content", str(content))
    assert result.returncode == 1 and "title" in result.stderr and written_files(content) == []


def test_new_keeps_a_plain_author(tmp_path):
    content = empty_content(tmp_path)
    result = run_newsroom("new", "Tin thử", "--author", "  Lê Thị Hoa  ", "--content", str(content))
    assert result.returncode == 0, result.stderr
    text = Path(result.stdout.splitlines()[0]).read_text(encoding="utf-8")
    assert "\nAuthor: Lê Thị Hoa\n" in text and "Save_as" not in text


@pytest.mark.parametrize("relative", ["khong-co/c", "khong-co"])
def test_new_refuses_a_content_folder_that_does_not_exist(tmp_path, relative):
    target = tmp_path / relative
    result = run_newsroom("new", "Tin thử", "--content", str(target))
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert "content folder not found" in result.stderr
    assert not target.exists() and not (tmp_path / "khong-co").exists()


def test_new_refuses_a_file_as_content(tmp_path):
    target = tmp_path / "content"
    target.write_text("tệp", encoding="utf-8")
    result = run_newsroom("new", "Tin thử", "--content", str(target))
    assert result.returncode == 1 and target.read_text(encoding="utf-8") == "tệp"


# --- item 15: NEWSROOM_SITEURL with a trailing slash ------------------------------------------------------------------

@pytest.mark.parametrize("site_url", ["https://tintuc.example.gov.vn/", "https://tintuc.example.gov.vn//"])
def test_a_trailing_slash_in_the_site_url_does_not_double_slashes(project_copy, site_url):
    environment = {**os.environ, "NEWSROOM_SITEURL": site_url}
    result = subprocess.run([*NEWSROOM, "build", "--settings", "publishconf.py", "--output", "output"],
                            cwd=project_copy, capture_output=True, text=True, env=environment, timeout=300)
    assert result.returncode == 0, result.stderr
    home = BeautifulSoup((project_copy / "output/index.html").read_text(encoding="utf-8"), "html.parser")
    links = [a["href"] for a in home.find_all("a", href=True)] + [s["src"] for s in home.find_all(src=True)]
    ours = [link for link in links if link.startswith("https://tintuc.example.gov.vn")]
    assert ours, links
    assert not [link for link in ours if re.search(r"[^:]//", link)], ours
