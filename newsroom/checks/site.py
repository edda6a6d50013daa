"""Checks over a whole content folder: each file read and parsed once, the registry loaded once.

`newsroom build` runs this before every build (and `newsroom serve` on every
save), so it stays linear in the number of articles.
"""

from __future__ import annotations

from pathlib import Path

from newsroom.core.source import SourceError, parse_markdown, read_text

from .articles import check_article
from .duplicates import check_duplicates
from .problems import Problem, error, warning
from .registry_terms import TermChecker

ARTICLE_SUFFIXES = {".md", ".markdown", ".mkd"}
# Files editors save by mistake in place of Markdown: Pelican skips them without a word.
FOREIGN_SUFFIXES = {".txt", ".doc", ".docx", ".odt", ".rtf", ".htm", ".html", ".rst"}


def article_files(content: Path) -> list[Path]:
    folder = Path(content) / "articles"
    return sorted(p for p in folder.rglob("*") if p.is_file() and p.suffix.lower() in ARTICLE_SUFFIXES)


def check_site(content: Path) -> list[Problem]:
    content = Path(content)
    terms, problems = TermChecker.for_content(content)
    sources = []
    for path in article_files(content):
        try:
            text = read_text(path)
        except SourceError as failure:
            problems.append(error(path, failure.line, *failure.message.split(" / ", 1)))
            continue
        except OSError as failure:
            problems.append(error(path, 1, f"không đọc được tệp ({failure.strerror})", f"cannot read the file ({failure.strerror})"))
            continue
        if not text.strip():
            problems.append(error(path, 1, "tệp rỗng, chưa có bài viết", "empty file, no article"))
            continue
        source = parse_markdown(path, text)
        sources.append(source)
        problems += check_article(source, content)
        if terms is not None:
            problems += terms.check(source)
    problems += check_duplicates(sources)
    problems += _foreign_files(content)
    return sorted(problems, key=lambda p: (str(p.path), p.line, p.severity.value))


def _foreign_files(content: Path) -> list[Problem]:
    folder = content / "articles"
    return [
        warning(
            path, 1,
            "tệp này không phải Markdown (.md) nên sẽ không được đăng",
            "not a Markdown (.md) file, so it will not be published",
        )
        for path in sorted(folder.rglob("*"))
        if path.is_file() and path.suffix.lower() in FOREIGN_SUFFIXES
    ]
