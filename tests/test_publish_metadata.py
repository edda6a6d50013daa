"""A production build (publishconf.py, run from another folder, address with a trailing slash):
sitemap.xml, robots.txt, one id and alternate link per feed, canonical links, no `//` after the host."""

from __future__ import annotations

import os
import re
import subprocess
import sys
import xml.etree.ElementTree as ElementTree
from pathlib import Path
from urllib.parse import urlsplit

import feedparser
import pytest

from conftest import ROOT, soup_of
from publish_support import SITE_URL

SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"


@pytest.fixture(scope="module")
def production_site(tmp_path_factory) -> Path:
    elsewhere = tmp_path_factory.mktemp("elsewhere")
    output = elsewhere / "site"
    result = subprocess.run(
        [sys.executable, "-m", "newsroom.cli", "build", "--settings", str(ROOT / "publishconf.py"),
         "--content", str(ROOT / "content"), "--output", str(output)],
        cwd=elsewhere, env={**os.environ, "NEWSROOM_SITEURL": SITE_URL + "/"}, capture_output=True, text=True, timeout=300,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    return output


def local_page(site: Path, url: str) -> Path:
    assert url.startswith(SITE_URL + "/"), url
    return site / url[len(SITE_URL) + 1:] / "index.html"


def reader_pages(site: Path) -> list[Path]:
    return [path for path in sorted(site.rglob("index.html")) if 'content="noindex"' not in path.read_text(encoding="utf-8")]


def test_sitemap_lists_every_page_readers_can_reach(production_site):
    root = ElementTree.parse(production_site / "sitemap.xml").getroot()
    assert root.tag == f"{SITEMAP}urlset"
    locations = [element.text for element in root.iter(f"{SITEMAP}loc")]
    assert len(locations) == len(set(locations))
    assert all(local_page(production_site, url).is_file() for url in locations)
    expected = {SITE_URL + "/" + path.parent.relative_to(production_site).as_posix().removeprefix(".") for path in reader_pages(production_site)}
    assert {url.rstrip("/") for url in locations} == {url.rstrip("/") for url in expected}
    assert f"{SITE_URL}/tin-tuc/2026/01/van-phong-tinh-uy-trien-khai-nhiem-vu-nam-2026/" in locations
    lastmod = {url.findtext(f"{SITEMAP}loc"): url.findtext(f"{SITEMAP}lastmod") for url in root.iter(f"{SITEMAP}url")}
    assert lastmod[f"{SITE_URL}/tin-tuc/2026/01/van-phong-tinh-uy-trien-khai-nhiem-vu-nam-2026/"] == "2026-01-28T14:00:00+07:00"


def test_robots_txt_points_to_the_sitemap(production_site):
    lines = (production_site / "robots.txt").read_text(encoding="utf-8").splitlines()
    assert "User-agent: *" in lines
    assert f"Sitemap: {SITE_URL}/sitemap.xml" in lines


def test_every_feed_has_its_own_id_and_alternate_link(production_site):
    feeds = sorted((production_site / "feeds").rglob("*.atom.xml"))
    assert len(feeds) > 3
    ids, alternates = [], []
    for path in feeds:
        parsed = feedparser.parse(path.read_bytes())
        assert not parsed.bozo, path
        address = f"{SITE_URL}/{path.relative_to(production_site).as_posix()}"
        assert parsed.feed.id == address
        alternate = next(link.href for link in parsed.feed.links if link.rel == "alternate")
        assert local_page(production_site, alternate).is_file(), alternate
        ids.append(parsed.feed.id)
        alternates.append(alternate)
    assert len(set(ids)) == len(feeds)
    assert len(set(alternates)) == len(feeds)


def test_every_page_has_its_canonical_link(production_site):
    pages = reader_pages(production_site)
    assert len(pages) > 10
    for path in pages:
        links = soup_of(path).select('head link[rel="canonical"]')
        folder = path.parent.relative_to(production_site).as_posix()
        assert [link["href"] for link in links] == [SITE_URL + "/" + ("" if folder == "." else folder + "/")], path


def test_no_url_has_a_double_slash_after_the_host(production_site):
    host = urlsplit(SITE_URL).netloc
    pattern = re.compile(r"https?://" + re.escape(host) + r"[^\s\"'<>)]*")
    checked = 0
    for path in production_site.rglob("*"):
        if path.suffix in (".html", ".xml", ".txt"):
            for url in pattern.findall(path.read_text(encoding="utf-8")):
                assert "//" not in urlsplit(url).path, f"{path}: {url}"
                checked += 1
    assert checked > 100
