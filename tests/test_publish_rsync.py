"""`newsroom publish` through rsync: to a folder, and over ssh to an sshd started on loopback."""

from __future__ import annotations

import getpass
import os
import re
import shlex
import shutil
import socket
import subprocess
from pathlib import Path

import pytest

from publish_support import (
    ARTICLE_URL, OTHER_ARTICLE, OTHER_URL, changed_between, edit_article, log_entries, newsroom_publish, outside,
    published, site_files, tree,
)
from test_publish_s3 import wait_for_line

SSHD = "/usr/sbin/sshd"
LISTENING = re.compile(r"Server listening on 127\.0\.0\.1 port (\d+)")


def test_rsync_to_a_folder_sends_only_changes_and_deletes_last(project_copy):
    web_root = outside(project_copy, "srv") / "www"
    published(project_copy, f"rsync:{web_root}", "--output", "build-1")
    assert tree(web_root) == site_files(project_copy / "build-1")
    assert all(oct(path.stat().st_mode)[-3:] == "644" for path in web_root.rglob("*") if path.is_file())

    published(project_copy, f"rsync:{web_root}")
    assert log_entries(project_copy)[-1]["sent"] == []

    edit_article(project_copy)
    (project_copy / OTHER_ARTICLE).unlink()
    published(project_copy, f"rsync:{web_root}", "--yes", "--output", "build-2")
    entry = log_entries(project_copy)[-1]
    before, after = site_files(project_copy / "build-1"), site_files(project_copy / "build-2")
    # Pages gone from the site still answer: a removal notice for the article, a redirect for list pages.
    kept_answering = {path for path in before if path.endswith("index.html") and path not in after}
    assert f"{OTHER_URL}index.html" in kept_answering and len(kept_answering) > 1
    assert set(entry["sent"]) == changed_between(before, after) | kept_answering
    assert entry["deleted"] == len([path for path in before if path not in after and path not in kept_answering])
    assert entry["deleted"] > 0
    assert set(tree(web_root)) == set(after) | kept_answering
    assert "Bài viết đã gỡ" in (web_root / OTHER_URL / "index.html").read_text(encoding="utf-8")
    for path in kept_answering - {f"{OTHER_URL}index.html"}:
        assert 'http-equiv="refresh"' in (web_root / path).read_text(encoding="utf-8"), path


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture(scope="module")
def sshd(tmp_path_factory):
    """OpenSSH's server on 127.0.0.1, accepting one key made for this test run, for the current user."""
    if not os.access(SSHD, os.X_OK) or shutil.which("ssh") is None:
        pytest.fail("sshd or ssh missing: `make test` installs openssh-server and openssh-client")
    folder = tmp_path_factory.mktemp("sshd")
    for name in ("host_key", "client_key"):
        subprocess.run(["ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-f", str(folder / name)], check=True)
    (folder / "authorized_keys").write_text((folder / "client_key.pub").read_text())
    (folder / "authorized_keys").chmod(0o600)
    if os.geteuid() == 0:
        Path("/run/sshd").mkdir(mode=0o755, exist_ok=True)  # privilege separation folder, missing in containers
    port = free_port()
    process = subprocess.Popen(
        [SSHD, "-D", "-e", "-f", "/dev/null", "-p", str(port), "-o", "ListenAddress=127.0.0.1",
         "-o", f"HostKey={folder / 'host_key'}", "-o", f"AuthorizedKeysFile={folder / 'authorized_keys'}",
         "-o", "PasswordAuthentication=no", "-o", "KbdInteractiveAuthentication=no", "-o", "UsePAM=no",
         "-o", "StrictModes=no", "-o", "PermitRootLogin=prohibit-password", "-o", f"PidFile={folder / 'pid'}",
         "-o", "Subsystem=sftp internal-sftp"],
        stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
    )
    wait_for_line(process, LISTENING, 30)
    ssh = (f"ssh -F /dev/null -p {port} -i {shlex.quote(str(folder / 'client_key'))} -o BatchMode=yes "
           f"-o IdentitiesOnly=yes -o StrictHostKeyChecking=no -o UserKnownHostsFile=/dev/null -o LogLevel=ERROR")
    yield {"RSYNC_RSH": ssh, "user": getpass.getuser()}
    process.terminate()
    process.wait(timeout=10)


def test_rsync_over_ssh_to_each_server_in_turn(project_copy, sshd):
    first, second = outside(project_copy, "web1") / "www", outside(project_copy, "web2") / "www"
    with (project_copy / "publishconf.py").open("a", encoding="utf-8") as settings:
        settings.write(f"PUBLISH_DESTINATIONS = {{'may-chu': ['{sshd['user']}@127.0.0.1:{first}', "
                       f"'{sshd['user']}@127.0.0.1:{second}']}}\n")
    env = {"RSYNC_RSH": sshd["RSYNC_RSH"]}
    result = published(project_copy, "may-chu", "--output", "build-1", env=env)
    assert result.stdout.index(f"127.0.0.1:{first}") < result.stdout.index(f"127.0.0.1:{second}")
    assert tree(first) == tree(second) == site_files(project_copy / "build-1")
    assert [entry["destination"] for entry in log_entries(project_copy)] == [
        f"{sshd['user']}@127.0.0.1:{first}", f"{sshd['user']}@127.0.0.1:{second}"]

    edit_article(project_copy)
    published(project_copy, "may-chu", "--output", "build-2", env=env)
    expected = changed_between(site_files(project_copy / "build-1"), site_files(project_copy / "build-2"))
    assert f"{ARTICLE_URL}index.html" in expected
    assert [set(entry["sent"]) for entry in log_entries(project_copy)[-2:]] == [expected, expected]
    assert tree(first) == tree(second) == site_files(project_copy / "build-2")


def test_an_unreachable_server_is_named_and_nothing_is_sent(project_copy, sshd):
    env = {"RSYNC_RSH": sshd["RSYNC_RSH"].replace("-p ", "-p 1 -o Port=", 1)}
    target = f"{sshd['user']}@127.0.0.1:{outside(project_copy)}"
    result = newsroom_publish(project_copy, target, env=env)
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert re.search(rf"^{re.escape(target)}: lỗi: .* / error: rsync could not", result.stderr, re.M), result.stderr
    assert not outside(project_copy).exists()


def test_rsync_keeps_another_s_files_and_deletes_only_its_own(project_copy):
    web_root = outside(project_copy, "srv") / "www"
    published(project_copy, f"rsync:{web_root}")
    (web_root / "don-vi-khac").mkdir()
    (web_root / "don-vi-khac" / "index.html").write_text("<p>Trang của đơn vị khác</p>", encoding="utf-8")
    (web_root / "don-vi-khac" / "bang-gia.txt").write_text("giá", encoding="utf-8")
    (web_root / "tai-lieu").symlink_to(web_root.parent)
    (project_copy / OTHER_ARTICLE).unlink()

    result = published(project_copy, f"rsync:{web_root}", "--yes")
    assert "3 not ours kept" in result.stdout
    assert (web_root / "don-vi-khac" / "index.html").read_text(encoding="utf-8") == "<p>Trang của đơn vị khác</p>"
    assert (web_root / "tai-lieu").is_symlink()
    assert "Bài viết đã gỡ" in (web_root / OTHER_URL / "index.html").read_text(encoding="utf-8")
    entry = log_entries(project_copy)[-1]
    assert entry["removed"] and not any(path.startswith(("don-vi-khac", "tai-lieu")) for path in entry["removed"])

    # A file newsroom wrote, edited on the server to another size: overwriting it counts against --max-deletes.
    (web_root / "robots.txt").write_text("User-agent: *\nDisallow: /\n", encoding="utf-8")
    refused = newsroom_publish(project_copy, f"rsync:{web_root}", "--max-deletes", "0")
    assert refused.returncode == 1 and "1 overwrites" in refused.stderr
    # Adopted: its page becomes a redirect (an address that answered keeps answering), its other file is deleted.
    published(project_copy, f"rsync:{web_root}", "--adopt", "don-vi-khac", "--yes")
    assert not (web_root / "don-vi-khac" / "bang-gia.txt").exists() and (web_root / "tai-lieu").is_symlink()
    assert 'http-equiv="refresh"' in (web_root / "don-vi-khac" / "index.html").read_text(encoding="utf-8")
    assert "Disallow: /\n" not in (web_root / "robots.txt").read_text(encoding="utf-8")
    assert log_entries(project_copy)[-1]["removed"] == ["don-vi-khac/bang-gia.txt"]
