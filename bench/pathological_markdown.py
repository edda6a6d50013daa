"""Markdown shapes that are slow or crash in Python-Markdown, about 100 KB each: render time, and whether
newsroom.analysis.markdown_limits refuses them first (and how long that check takes).

Run: .venv/bin/python bench/pathological_markdown.py [--skip-slow]

Rendering uses the project's Markdown settings (pelicanconf.py MARKDOWN), in a
child process killed after 120 s. Figures are printed, never asserted.
"""

from __future__ import annotations

import argparse
import multiprocessing
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from newsroom.analysis.markdown_limits import markdown_hazards  # noqa: E402

PARAGRAPH = "Văn phòng Tỉnh ủy tổ chức [hội nghị](/tin-tuc/) tổng kết công tác năm, *đánh giá* kết quả đạt được.\n\n"
CASES = {
    "ordinary article": PARAGRAPH * 900,
    "10,000 × ![ on one line": "![" * 10_000,
    "50,000 × ![ on one line": "![" * 50_000,
    "[x on 2,000 lines": "\n".join("[x" for _ in range(2000)),
    "10,000 × [^": "[^" * 10_000,
    "10,000 × <a ": "<a " * 10_000,
    "list nested 250 (tabs)": "\n".join("\t" * i + "- x" for i in range(250)),
    "list nested 440 (tabs)": "\n".join("\t" * i + "- x" for i in range(440)),
    "3,000 abbreviations": "\n".join(f"*[A{i}]: x" for i in range(3000)) + "\n\n" + " ".join(f"A{i}" for i in range(3000)),
    "3,000 closed links": "[a](b) " * 3000,
}
SLOW = {"50,000 × ![ on one line"}


def render(text: str) -> None:
    import markdown

    namespace: dict = {}
    exec((ROOT / "pelicanconf.py").read_text(encoding="utf-8"), namespace)
    config = namespace["MARKDOWN"]
    try:
        markdown.Markdown(extensions=list(config["extension_configs"]), extension_configs=config["extension_configs"],
                          output_format=config.get("output_format", "html5")).convert(text)
    except RecursionError:
        sys.exit(1)  # reported as "crashed"; the traceback would only bury the table


def timed_render(text: str, limit: float = 120) -> str:
    process = multiprocessing.Process(target=render, args=(text,))
    started = time.perf_counter()
    process.start()
    process.join(limit)
    if process.is_alive():
        process.kill()
        process.join()
        return f"> {limit:.0f} s (killed)"
    outcome = "" if process.exitcode == 0 else " (crashed)"
    return f"{time.perf_counter() - started:6.2f} s{outcome}"


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--skip-slow", action="store_true")
    args = parser.parse_args()
    print(f"{'case':28} {'bytes':>8}  {'render':>16}  {'check':>8}  verdict")
    for name, text in CASES.items():
        started = time.perf_counter()
        problems = markdown_hazards(Path("bai.md"), text)
        checked = time.perf_counter() - started
        rendered = "skipped" if args.skip_slow and name in SLOW else timed_render(text)
        verdict = f"refused at line {problems[0].line}" if problems else "accepted"
        print(f"{name:28} {len(text.encode()):8d}  {rendered:>16}  {checked * 1000:6.1f}ms  {verdict}", flush=True)


if __name__ == "__main__":
    main()
