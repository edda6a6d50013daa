"""The registry loader refuses YAML a registry never needs, at its line, in bounded memory (issue 9, items 6, 12, 15)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import run_newsroom

from newsroom.core.registry import Registry

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))
from hostile_registry import CASES  # noqa: E402


@pytest.fixture(scope="module")
def hostile_results() -> dict[str, dict]:
    """Every hostile case loaded in one separate process, address space capped at 1 GiB, memory traced."""
    result = subprocess.run([sys.executable, str(ROOT / "bench/hostile_registry.py"), "--json"],
                            capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, result.stderr
    return {row["case"]: row for row in map(json.loads, result.stdout.splitlines())}


@pytest.mark.parametrize("case", list(CASES))
def test_hostile_registry_is_refused_at_its_line_in_bounded_memory(hostile_results, case):
    _text, line, word = CASES[case]
    row = hostile_results[case]
    assert row.get("refused"), row
    assert (row["file"], row["line"]) == ("units.yml", line), row
    assert word in row["message"] and row["english"], row
    assert row["peak_mb"] < 100, row


def test_quoted_yes_is_a_name(tmp_path):
    (tmp_path / "units.yml").write_text('- slug: yes-no\n  name: "yes"\n  aliases: ["no"]\n', encoding="utf-8")
    (tmp_path / "awards.yml").write_text("- slug: bk\n  name: Bằng khen\n  kind: certificate_of_merit\n", encoding="utf-8")
    registry = Registry.load(tmp_path)
    assert registry.find_unit("yes").slug == "yes-no"


def test_the_shipped_registry_still_loads():
    Registry.load(ROOT / "content/registry")


def test_empty_units_file_fails_check_and_build_at_its_line(project_copy):
    units = project_copy / "content/registry/units.yml"
    units.write_text("# tạm thời trống\n", encoding="utf-8")
    for command in (["check"], ["build", "--output", "output"]):
        result = run_newsroom(*command, cwd=project_copy)
        assert result.returncode == 1, (command, result.stdout, result.stderr)
        text = result.stdout + result.stderr
        assert "units.yml:1:" in text and "no entries" in text
        assert "Traceback" not in text


@pytest.mark.parametrize("text, line", [
    ('- slug: so-y-te\n  name: " "\n', 2),
    ("- slug: so-y-te\n  name: Sở Y tế\x07\n", 2),
    ("- slug: a\n  name: A\n  aliases: " + "[" * 250 + "]" * 250 + "\n", 3),
])
def test_check_reports_bad_units_without_a_traceback(project_copy, text, line):
    (project_copy / "content/registry/units.yml").write_text(text, encoding="utf-8")
    result = run_newsroom("check", cwd=project_copy)
    output = result.stdout + result.stderr
    assert result.returncode == 1 and "Traceback" not in output
    assert f"units.yml:{line}:" in output
