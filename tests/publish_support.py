"""Helpers of the publish tests: run `newsroom publish` in a project copy, read trees and the log."""

from __future__ import annotations

import hashlib
import json
import os
import subprocess
import sys
from pathlib import Path

SITE_URL = "https://tintuc.example.gov.vn"
ARTICLE = "content/articles/2026/01/van-phong-tinh-uy-trien-khai-nhiem-vu-nam-2026.md"
OTHER_ARTICLE = "content/articles/2026/01/nang-cao-chat-luong-tham-muu-gop-phan-cung-ubnd-tinh-hoan-thanh-thang-loi-muc-tieu-nhiem-vu-nam-2026.md"
ARTICLE_URL = "tin-tuc/2026/01/van-phong-tinh-uy-trien-khai-nhiem-vu-nam-2026/"
OTHER_URL = "tin-tuc/2026/01/nang-cao-chat-luong-tham-muu-gop-phan-cung-ubnd-tinh-hoan-thanh-thang-loi-muc-tieu-nhiem-vu-nam-2026/"


def outside(project: Path, name: str = "www") -> Path:
    """A destination of this test's own beside the project: publishing inside the project is refused."""
    return project.parent / f"{project.name}-{name}"


def newsroom_publish(project: Path, *args: str, env: dict | None = None, site_url: str = SITE_URL) -> subprocess.CompletedProcess:
    environment = {**os.environ, "NEWSROOM_SITEURL": site_url, **(env or {})}
    return subprocess.run([sys.executable, "-m", "newsroom.cli", "publish", *args], cwd=project, env=environment,
                          capture_output=True, text=True, timeout=300)


def published(project: Path, *args: str, **kwargs) -> subprocess.CompletedProcess:
    result = newsroom_publish(project, *args, **kwargs)
    assert result.returncode == 0, f"publish failed:\n{result.stdout}\n{result.stderr}"
    assert "Traceback" not in result.stderr
    return result


MANIFEST = ".newsroom-manifest.json"


def tree(folder: Path, manifest: bool = False) -> dict[str, str]:
    """Relative path -> SHA-256 of every file (through a link to the current release); the manifest when asked."""
    root = folder.resolve()
    return {path.relative_to(root).as_posix(): hashlib.sha256(path.read_bytes()).hexdigest()
            for path in sorted(root.rglob("*")) if path.is_file() and (manifest or path.relative_to(root).as_posix() != MANIFEST)}


def manifest_paths(data: bytes) -> set[str]:
    return set(json.loads(data.decode("utf-8"))["files"])


def site_files(build: Path) -> dict[str, str]:
    """What a publish should put at the destination: the build, less the build notes."""
    return {path: digest for path, digest in tree(build).items() if path != ".newsroom-sources.json"}


def changed_between(before: dict[str, str], after: dict[str, str]) -> set[str]:
    return {path for path, digest in after.items() if before.get(path) != digest}


def log_entries(project: Path) -> list[dict]:
    log = project / "publish-log.jsonl"
    return [json.loads(line) for line in log.read_text(encoding="utf-8").splitlines()] if log.exists() else []


def edit_article(project: Path) -> None:
    path = project / ARTICLE
    path.write_text(path.read_text(encoding="utf-8").rstrip("\n") + "\n\nBài viết được cập nhật thêm thông tin.\n", encoding="utf-8")


def retitle_article(project: Path, title: str) -> None:
    path = project / ARTICLE
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    lines = [f"Title: {title}\n" if line.startswith("Title:") else line for line in lines]
    path.write_text("".join(lines), encoding="utf-8")
