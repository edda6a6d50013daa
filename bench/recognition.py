"""Recognition speed with the shipped registry and with one ten times larger.

Run: .venv/bin/python bench/recognition.py [--megabytes 3] [--rounds 5]

Speed is reported per core as CPU time of this process (time.process_time),
which other jobs on a shared machine do not inflate the way they inflate wall
time; wall time is printed beside it. The corpus is the seeds and hold-out
articles repeated to a few MB. The
synthetic registry adds plausible units (communes, departments of every Sở,
centres) and awards (Kỷ niệm chương, ministers' and communes' certificates)
in memory. Recognition must stay flat: a larger registry must not cost more
per article. Runs alternate between the two registries and the best of N is
kept, because shared machines are noisy; the ratio is what matters.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from newsroom.core.markdown_text import markdown_to_text  # noqa: E402
from newsroom.core.recognition import Recogniser  # noqa: E402
from newsroom.core.registry import Award, Registry, Unit  # noqa: E402
from newsroom.core.source import parse_markdown, parse_raw  # noqa: E402
from newsroom.core.text import slugify  # noqa: E402

FIXTURES = ROOT / "tests" / "fixtures"
SYLLABLES = ("Tân Phú Hòa An Bình Thanh Hưng Minh Đồng Sơn Xuân Vĩnh Long Phúc Quang Trung Nam Bắc Đông Tây "
             "Lạc Yên Thịnh Lâm Hải Hà Cẩm Ninh Tiến Thắng").split()
FIELDS = (
    "Kế hoạch - Tài chính", "Quản lý đô thị", "Quy hoạch - Kiến trúc", "Pháp chế", "Hợp tác quốc tế", "Chăn nuôi",
    "Thủy lợi", "Lâm nghiệp", "Khoáng sản", "Bảo trợ xã hội", "Việc làm", "Người có công", "Di sản văn hóa",
    "Thể dục thể thao", "Quản lý du lịch", "Xúc tiến thương mại", "Năng lượng", "Quản lý công nghiệp",
    "An toàn thực phẩm", "Nghiệp vụ Dược", "Y tế dự phòng", "Giáo dục mầm non", "Giáo dục tiểu học", "Khảo thí",
    "Quản lý tôn giáo", "Chính sách dân tộc", "Biên giới", "Lãnh sự", "Hộ tịch", "Bổ trợ tư pháp", "Đất đai",
    "Tài nguyên nước", "Biến đổi khí hậu", "Đo đạc bản đồ", "Bưu chính", "Viễn thông", "Báo chí - Xuất bản",
    "Sở hữu trí tuệ", "Tiêu chuẩn đo lường", "Quản lý chất lượng", "Kinh tế hợp tác", "Phát triển nông thôn",
)


def corpus(megabytes: float) -> list[tuple[str, str]]:
    articles = []
    for path in sorted((FIXTURES / "seeds").glob("*.txt")) + sorted((FIXTURES / "articles-unseen").glob("*")):
        if path.suffix == ".md":
            source = parse_markdown(path)
            articles.append((source.get("title"), markdown_to_text(source.body)))
        else:
            article = parse_raw(path)
            articles.append((article.title, article.body_text))
    size = sum(len(t.encode()) + len(b.encode()) for t, b in articles)
    return articles * max(1, round(megabytes * 1e6 / size))


def larger(registry: Registry, factor: int = 10) -> Registry:
    """The registry plus generated units and awards, about `factor` times as many."""
    units, awards = list(registry.units.values()), list(registry.awards.values())
    want_units, want_awards = len(units) * factor, len(awards) * factor
    departments = [u for u in units if u.kind == "department"]
    communes = [f"{a} {b}" for a in SYLLABLES for b in SYLLABLES if a != b]
    extra_units: list[Unit] = []
    for field in FIELDS:  # "Phòng Kế hoạch - Tài chính" under every Sở: ambiguous names, as in life
        for department in departments:
            name = f"Phòng {field}"
            extra_units.append(Unit(f"{department.slug}-{slugify(name)}", name, "division", department.slug, description="synthetic"))
    for commune in communes:
        slug = slugify(commune)
        extra_units += [
            Unit(f"ubnd-xa-{slug}", f"UBND xã {commune}", "people_committee", None, description="synthetic"),
            Unit(f"dang-uy-xa-{slug}", f"Đảng ủy xã {commune}", "party_committee", "tinh-uy", description="synthetic"),
            Unit(f"trung-tam-phuc-vu-hanh-chinh-cong-xa-{slug}", f"Trung tâm Phục vụ hành chính công xã {commune}", "centre",
                 f"ubnd-xa-{slug}", description="synthetic"),
        ]
    extra_awards: list[Award] = []
    for field in FIELDS:
        extra_awards.append(Award(f"ky-niem-chuong-vi-su-nghiep-{slugify(field)}", f"Kỷ niệm chương Vì sự nghiệp {field}",
                                  "commemorative_medal", precedence=401))
        extra_awards.append(Award(f"bang-khen-cua-giam-doc-{slugify(field)}", f"Bằng khen của Cục trưởng Cục {field}",
                                  "certificate_of_merit", precedence=339))
    for commune in communes:
        extra_awards.append(Award(f"giay-khen-cua-chu-tich-ubnd-xa-{slugify(commune)}", f"Giấy khen của Chủ tịch UBND xã {commune}",
                                  "certificate_of_commendation", authority=f"Chủ tịch UBND xã {commune}", precedence=500))
        extra_awards.append(Award(f"danh-hieu-xa-{slugify(commune)}-tieu-bieu", f"Xã {commune} tiêu biểu", "emulation_title", precedence=600))
    # Slugs may repeat ("Đông"/"Đồng" both give "dong"): keep the first, then cut to size.
    extra_units = list({u.slug: u for u in reversed(extra_units)}.values())[::-1]
    extra_awards = list({a.slug: a for a in reversed(extra_awards)}.values())[::-1]
    return Registry(units + extra_units[: want_units - len(units)], awards + extra_awards[: want_awards - len(awards)])


def timed(recogniser: Recogniser, articles: list[tuple[str, str]]) -> tuple[float, float]:
    """(CPU seconds of this process, wall seconds) to recognise every article once."""
    cpu, wall = time.process_time(), time.perf_counter()
    for title, text in articles:
        recogniser.recognise(title, text)
    return time.process_time() - cpu, time.perf_counter() - wall


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--megabytes", type=float, default=3.0)
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args()
    articles = corpus(args.megabytes)
    megabytes = sum(len(t.encode()) + len(b.encode()) for t, b in articles) / 1e6
    shipped = Registry.load(ROOT / "content" / "registry")
    big = larger(shipped)
    recognisers = {}
    for label, registry in (("shipped", shipped), ("10x", big)):
        start = time.perf_counter()
        recognisers[label] = Recogniser(registry)
        print(f"{label:>8}: {len(registry.units):5d} units, {len(registry.awards):5d} awards, "
              f"compiled in {time.perf_counter() - start:.3f} s")
    print(f"  corpus: {megabytes:.2f} MB in {len(articles)} articles, best of {args.rounds} rounds")
    best = {label: float("inf") for label in recognisers}
    wall = {label: float("inf") for label in recognisers}
    for _ in range(args.rounds):
        for label, recogniser in recognisers.items():  # alternate, so drift hits both
            cpu, elapsed = timed(recogniser, articles)
            best[label], wall[label] = min(best[label], cpu), min(wall[label], elapsed)
    for label, seconds in best.items():
        print(f"{label:>8}: {megabytes / seconds:6.2f} MB/s per core ({seconds:.3f} s CPU; "
              f"wall {megabytes / wall[label]:.2f} MB/s, {wall[label]:.3f} s)")
    ratio = best["10x"] / best["shipped"]
    verdict = "flat" if ratio <= 1.5 else "NOT flat"
    print(f"   ratio: 10x registry takes {ratio:.2f}x the time of the shipped one ({verdict}, limit 1.5x)")
    return 0 if ratio <= 1.5 else 1


if __name__ == "__main__":
    sys.exit(main())
