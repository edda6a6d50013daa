"""Hostile units.yml files against the registry loader: time and peak memory of each refusal.

Run: .venv/bin/python bench/hostile_registry.py [--json]

Each case is written to a fresh folder beside a valid awards.yml and loaded
with the loader the build uses. Printed per case: whether it was refused, the
first problem, seconds, and the peak of Python memory (tracemalloc). The
address space is capped at 1 GiB so that a regression fails fast instead of
taking the machine down. tests/test_safety_registry.py runs this script and
checks that every case is refused within 100 MB.
"""

from __future__ import annotations

import json
import resource
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from newsroom.core.registry import RegistryError  # noqa: E402
from newsroom.core.registry_loader import load_registry  # noqa: E402

UNIT = "- slug: so-y-te\n  name: Sở Y tế\n"


def alias_bomb(levels: int = 9, width: int = 10) -> str:
    """The billion laughs: each anchor holds `width` aliases of the one before; the last is used as a key."""
    lines = ['- slug: a\n  name: "A"\n  description: &l0 "ha"']
    for level in range(1, levels):
        items = ", ".join([f"*l{level - 1}"] * width)
        lines.append(f"- slug: b{level}\n  name: \"B{level}\"\n  aliases: &l{level} [{items}]")
    lines.append(f"- ? *l{levels - 1}\n  : x\n  slug: c\n  name: \"C\"")
    return "\n".join(lines) + "\n"


CASES = {
    # name: (units.yml text, line of the first problem, a word of its message)
    "alias-bomb": (alias_bomb(), 3, "&l0"),
    "alias-bomb-deeper": (alias_bomb(12), 3, "&l0"),
    "anchor": ("- &u\n  slug: so-y-te\n  name: Sở Y tế\n", 1, "&u"),
    "merge-key": ("- slug: a\n  name: &n A\n- slug: b\n  <<: *n\n", 2, "&n"),
    "python-tag": ("- slug: a\n  name: !!python/object/apply:os.system [\"echo x\"]\n", 2, "python/object"),
    "local-tag": ("- slug: a\n  name: !foo bar\n", 2, "!foo"),
    "str-tag": ("- slug: a\n  name: !!str yes\n", 2, "tag:yaml.org,2002:str"),
    "boolean-name": (UNIT + "- slug: b\n  name: yes\n", 4, '"name" must be text'),
    "number-slug": (UNIT + "- slug: 2020\n  name: Ban 2020\n", 3, '"slug" must be text'),
    "blank-name": (UNIT + '- slug: b\n  name: " "\n', 4, '"name" is empty'),
    "nul-raw": (UNIT + "- slug: b\n  name: B\x00\n", 4, "U+0000"),
    "bel-raw": (UNIT + "- slug: b\n  name: B\x07\n", 4, "U+0007"),
    "bel-escaped": (UNIT + '- slug: b\n  name: "B\\a"\n', 4, "control"),
    "nul-escaped": (UNIT + '- slug: b\n  name: "B\\0"\n', 4, "control"),
    "nested-250-flow": ("- slug: a\n  name: A\n  aliases: " + "[" * 250 + "]" * 250 + "\n", 3, "nested"),
    "nested-250-block": ("- slug: a\n  name: A\n  aliases:\n" + "".join("  " * (i + 2) + "-\n" for i in range(250)), 10, "nested"),
    "list-key": ("- slug: a\n  name: A\n  ? [x, y]\n  : z\n", 3, "key must be a word"),
    "empty-file": ("", 1, "no entries"),
    "only-comments": ("# chưa có đơn vị\n", 1, "no entries"),
    "empty-list": ("[]\n", 1, "no entries"),
}

AWARDS = "- slug: bang-khen\n  name: Bằng khen\n  kind: certificate_of_merit\n"


def run_case(name: str, text: str) -> dict:
    with tempfile.TemporaryDirectory() as folder:
        (Path(folder) / "units.yml").write_text(text, encoding="utf-8")
        (Path(folder) / "awards.yml").write_text(AWARDS, encoding="utf-8")
        tracemalloc.start()
        started = time.perf_counter()
        try:
            load_registry(Path(folder))
            outcome = {"refused": False}
        except RegistryError as refusal:
            first = min(refusal.problems, key=lambda p: (p.path.name != "units.yml", p.line))
            outcome = {"refused": True, "file": first.path.name, "line": first.line,
                       "message": f"{first.vietnamese} / {first.english}", "english": first.english}
        except Exception as failure:  # noqa: BLE001 - a crash is a finding here
            outcome = {"refused": False, "crash": f"{type(failure).__name__}: {failure}"[:300]}
        seconds = time.perf_counter() - started
        _size, peak = tracemalloc.get_traced_memory()
        tracemalloc.stop()
    return {"case": name, "bytes": len(text.encode()), "seconds": round(seconds, 4), "peak_mb": round(peak / 2**20, 2), **outcome}


def main() -> None:
    limit = 1 << 30
    resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
    as_json = "--json" in sys.argv
    for name, (text, _line, _word) in CASES.items():
        result = run_case(name, text)
        if as_json:
            print(json.dumps(result, ensure_ascii=False), flush=True)
        else:
            verdict = "refused" if result.get("refused") else "ACCEPTED" if "crash" not in result else "CRASH"
            print(f"{name:20} {result['bytes']:6d} B  {verdict:8} {result['seconds'] * 1000:8.1f} ms  "
                  f"{result['peak_mb']:7.2f} MB  {result.get('file', '')}:{result.get('line', '')}")


if __name__ == "__main__":
    main()
