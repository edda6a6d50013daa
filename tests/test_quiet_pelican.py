"""Pelican's own English log lines never reach the editor: build, check and serve speak in our words only."""

from __future__ import annotations

import os
import re
import subprocess
import sys

# Pelican's own wording: what it says of a trailing slash, and of a template it cannot use.
PELICAN_WORDS = re.compile(r"Removed extraneous|TemplateSyntaxError|Traceback|^(WARNING|ERROR|CRITICAL)\b", re.MULTILINE)


def test_a_pelican_warning_goes_to_its_log_file_not_the_terminal(project_copy, tmp_path):
    (project_copy / "slash.py").write_text(
        "import os, sys\nsys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))\n"
        "from pelicanconf import *  # noqa\nSITEURL = 'http://127.0.0.1:8000/'\n", encoding="utf-8")
    logs = tmp_path / "logs"
    result = newsroom(project_copy, logs, "build", "--settings", "slash.py")
    assert result.returncode == 0, result.stdout + result.stderr
    assert not PELICAN_WORDS.search(result.stdout + result.stderr), result.stdout + result.stderr
    assert "Removed extraneous trailing slash" in (logs / "pelican.log").read_text(encoding="utf-8")


def newsroom(project, logs, *args):
    return subprocess.run([sys.executable, "-m", "newsroom.cli", *args], cwd=project, capture_output=True, text=True,
                          timeout=300, env={**os.environ, "NEWSROOM_LOG_DIR": str(logs)})


def test_a_broken_template_fails_the_build_in_our_words(project_copy, tmp_path):
    base = project_copy / "theme/templates/base.html"
    base.write_text(base.read_text(encoding="utf-8").replace("</footer>", "{% if %}</footer>", 1), encoding="utf-8")
    result = newsroom(project_copy, tmp_path / "logs", "build")
    assert result.returncode == 1
    output = result.stdout + result.stderr
    assert not PELICAN_WORDS.search(output), output
    assert "không dựng được trang" in output and str(tmp_path / "logs" / "pelican.log") in output
    assert "TemplateSyntaxError" in (tmp_path / "logs" / "pelican.log").read_text(encoding="utf-8")
