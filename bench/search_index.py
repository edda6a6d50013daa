"""Search-index benchmark: records from the portal (what the build does now) against Pagefind crawling every page.

Builds a synthetic site of N articles once, keeping the record pages the build indexed, then in turn:
  records  the build's own indexing (newsroom.site.search_index: one page per record, one Pagefind call);
  crawl    `python -m pagefind --site` over the whole written site, as the build did before.
Prints wall seconds, Pagefind's peak memory, the bundle's size and how many pages each indexed.
Usage:
    .venv/bin/python bench/search_index.py [--sizes 250,1000]
"""

from __future__ import annotations

import argparse
import contextlib
import io
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

import newsroom.site.search_index as search_index  # noqa: E402
from sites import make_site  # noqa: E402
from newsroom.sitebuild import BuildOptions, build_site  # noqa: E402


def _bundle(site: Path) -> tuple[int, float]:
    folder = site / "pagefind"
    entry = (folder / "pagefind-entry.json").read_text()
    import json

    pages = sum(language["page_count"] for language in json.loads(entry)["languages"].values())
    size = sum(path.stat().st_size for path in folder.rglob("*") if path.is_file())
    return pages, size / 1024 / 1024


def measure(articles: int) -> None:
    with tempfile.TemporaryDirectory(prefix="bench-search-") as tmp:
        project = make_site(articles, Path(tmp) / "project")
        output = Path(tmp) / "output"
        kept = Path(tmp) / "records"
        original = search_index._index_folder

        async def keep(folder, bundle):
            # Keep the records' pages; both indexers then run below in processes of their own.
            shutil.copytree(folder, kept)
            await original(folder, bundle)

        search_index._index_folder = keep  # write_search_index looks it up at call time
        try:
            with contextlib.redirect_stdout(io.StringIO()), contextlib.chdir(project):  # its caches stay in the project
                build_site(BuildOptions(content=project / "content", output=output, settings=project / "pelicanconf.py"))
        finally:
            search_index._index_folder = original

        for name, code, target in (("records", RECORDS, str(kept)), ("crawl", CRAWL, str(output))):
            shutil.rmtree(output / "pagefind")
            started = time.perf_counter()
            probe = subprocess.run([sys.executable, "-c", code, target, str(output / "pagefind")],
                                   check=True, capture_output=True, text=True, cwd=ROOT)
            seconds = time.perf_counter() - started
            pages, size = _bundle(output)
            print(f"{articles:>6} articles  {name:<8} {seconds:6.2f} s wall, {pages:>5} pages indexed, "
                  f"bundle {size:5.1f} MiB, pagefind peak RSS {int(probe.stdout.split()[-1]) / 1024:4.0f} MiB")


# Each indexer in a process of its own, so the peak memory of its children is its own.
RECORDS = (
    "import asyncio, resource, sys; from pathlib import Path; "
    "from newsroom.site.search_index import _index_folder; "
    "asyncio.run(_index_folder(Path(sys.argv[1]), Path(sys.argv[2]))); "
    "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)"
)
CRAWL = (
    "import resource, subprocess, sys; "
    "subprocess.run([sys.executable, '-m', 'pagefind', '--site', sys.argv[1], '--quiet'], check=True); "
    "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)"
)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="250,1000")
    args = parser.parse_args()
    for size in (int(s) for s in args.sizes.split(",")):
        measure(size)


if __name__ == "__main__":
    main()
