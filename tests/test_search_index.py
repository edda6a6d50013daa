"""The search bundle on disk: the same records give the same files, so a second publish sends nothing."""

from __future__ import annotations

import datetime
from pathlib import Path

from newsroom.site.search_index import SearchRecord, article_record, write_search_index


class _Unit:
    def __init__(self, slug, parent=None):
        self.slug, self.parent = slug, parent


class _Award:
    def __init__(self, slug, kind):
        self.slug = slug
        self.award = type("Award", (), {"kind": kind})()


def records(extra: str = "") -> list[SearchRecord]:
    office = _Unit("van-phong-tinh-uy", _Unit("tinh-uy"))
    found = [
        article_record(url=f"tin-tuc/2025/0{n}/tin-{n}/", title=f"Tin {n}", date=datetime.datetime(2025, n, 1, 8),
                       text=f"Đồng chí Chánh Văn phòng UBND tỉnh phát biểu lần {n}. {extra}",
                       units=[_Unit(f"phong-{n}", office)], awards=[_Award(f"khen-{n}", f"kind-{n % 3}")])
        for n in range(1, 10)
    ]
    return found + [SearchRecord(url="/gioi-thieu/", title="Giới thiệu", text="Cổng thông tin.", kind="page")]


def files(site: Path) -> dict[str, bytes]:
    bundle = site / "pagefind"
    return {p.relative_to(bundle).as_posix(): p.read_bytes() for p in sorted(bundle.rglob("*")) if p.is_file()}


def test_same_records_give_the_same_bundle(tmp_path):
    cache = tmp_path / "cache"
    write_search_index(tmp_path / "one", records(), cache_dir=cache)
    write_search_index(tmp_path / "two", records(), cache_dir=cache)
    assert files(tmp_path / "one") == files(tmp_path / "two")
    assert any(name.startswith("filter/") for name in files(tmp_path / "one"))


def test_changed_records_are_indexed_again(tmp_path):
    cache = tmp_path / "cache"
    write_search_index(tmp_path / "one", records(), cache_dir=cache)
    write_search_index(tmp_path / "two", records("Thêm một câu."), cache_dir=cache)
    one, two = files(tmp_path / "one"), files(tmp_path / "two")
    assert one != two
    assert b"Th\xc3\xaam m\xe1\xbb\x99t c\xc3\xa2u." in b"".join(v for k, v in two.items() if k.startswith("texts/"))


def test_a_damaged_kept_bundle_is_not_trusted(tmp_path):
    cache = tmp_path / "cache"
    write_search_index(tmp_path / "one", records(), cache_dir=cache)
    one = files(tmp_path / "one")
    victim = next(p for p in next(cache.glob("[0-9a-f]*/fragment")).iterdir())
    victim.write_bytes(b"damaged")
    write_search_index(tmp_path / "two", records(), cache_dir=cache)
    two = files(tmp_path / "two")
    assert two[f"fragment/{victim.name}"] == one[f"fragment/{victim.name}"]
    # Indexed again and kept again: the next build reuses the new one.
    write_search_index(tmp_path / "three", records(), cache_dir=cache)
    assert files(tmp_path / "three") == two
