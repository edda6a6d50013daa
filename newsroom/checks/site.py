"""Checks over a whole content folder, from the one analysis of each file that the build also publishes.

`newsroom build` runs this before every build and `newsroom serve` on every
save: analyses come from memory or the cache, so only changed files cost time.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from pathlib import Path

from newsroom.analysis import Analyser, ArticleAnalysis
from newsroom.analysis.render import body_markdown_settings
from newsroom.site.corrections import check_corrections, check_revocations
from newsroom.site.photos import check_photo_files
from newsroom.site.portal import check_portal_file
from newsroom.site.static_files import static_file_problems

from .articles import check_article
from .honour_edits import check_honour_edits
from .duplicates import check_duplicates, destination
from .links import check_links, published_paths
from .paths import special_file_problems
from .problems import Problem, error
from .registry_terms import check_terms, unregistered_names
from .slugs import slugify

# The one extension Pelican publishes (pelicanconf.py READERS): exactly these files are checked and built.
ARTICLE_SUFFIX = ".md"
SOURCE_FOLDERS = ("articles", "pages")
# What editors' programs leave beside a file they save: hidden and swap files (".bai.md.swp", ".#bai.md"),
# backups ("bai.md~", "#bai.md#"), JetBrains' and Kate's temporary copies.
EDITOR_LEFTOVER = re.compile(r"^\.|~$|^#.*#$|___jb_(?:tmp|old)___$|\.kate-swp$")


def editor_leftover(name: str) -> bool:
    """Whether a file of this name is an editor's working copy, never an article: not checked, not watched."""
    return EDITOR_LEFTOVER.search(name) is not None or _vim_probe(name)


def _vim_probe(name: str) -> bool:
    """Vim tries whether it may write in a folder with a file named 4913 (then 5036, 5159…: +123 while taken).
    Only those numbers: year and month folders ("2026", "12") are digits too."""
    return name.isdigit() and int(name) >= 4913 and (int(name) - 4913) % 123 == 0


def article_files(content: Path) -> list[Path]:
    return source_files(content, "articles")


def source_files(content: Path, folder: str) -> list[Path]:
    root = Path(content) / folder
    return sorted(p for p in root.rglob(f"*{ARTICLE_SUFFIX}") if p.is_file()) if root.is_dir() else []


@dataclass
class ContentCheck:
    problems: list[Problem] = field(default_factory=list)
    analyses: dict[Path, ArticleAnalysis] = field(default_factory=dict)
    articles: list[Path] = field(default_factory=list)
    pages: list[Path] = field(default_factory=list)

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.is_error]

    @property
    def warnings(self) -> list[Problem]:
        return [p for p in self.problems if not p.is_error]


_ANALYSERS: dict[tuple, Analyser] = {}


def analyser_for(content: Path, settings: dict | None = None) -> Analyser:
    """One Analyser per content folder and settings in a process, renewed when the registry changes."""
    settings = settings or _default_settings()
    photos = settings.get("PHOTO_CACHE_PATH") or str(Path(settings.get("ANALYSIS_CACHE_PATH") or ".cache/analysis").parent / "photos")
    key = (str(Path(content).resolve()), settings.get("REGISTRY_DIR", "registry"), repr(body_markdown_settings(settings.get("MARKDOWN"))),
           settings.get("ANALYSIS_CACHE_PATH"), photos)
    analyser = _ANALYSERS.get(key)
    if analyser is None or analyser.registry_changed():
        analyser = _ANALYSERS[key] = Analyser(
            Path(content), settings.get("MARKDOWN", {}), settings.get("REGISTRY_DIR", "registry"),
            settings.get("ANALYSIS_CACHE_PATH"), settings.get("ANALYSIS_WORKERS", 0), Path(photos),
        )
    return analyser


def _default_settings() -> dict:
    from newsroom.settings import load_settings

    return load_settings(Path("pelicanconf.py"))


def check_content(content: Path, settings: dict | None = None) -> ContentCheck:
    content = Path(content)
    analyser = analyser_for(content, settings)
    result = ContentCheck(articles=article_files(content), pages=source_files(content, "pages"))
    analyses, unreadable = analyser.analyse_files(result.articles + result.pages)
    result.analyses = analyses
    problems = list(analyser.registry_problems) + [item.problem for item in unreadable]
    pages = set(result.pages)
    article_sources = [analyses[p].source for p in result.articles if p in analyses]
    page_sources = [analyses[p].source for p in result.pages if p in analyses]
    problems += check_duplicates(article_sources)
    problems += unregistered_names(analyses[p] for p in result.articles if p in analyses)
    static_paths = tuple((settings or {}).get("STATIC_PATHS") or ("images",))
    problems += _unpublished_files(content) + check_portal_file(content) + special_file_problems(content)
    problems += static_file_problems(content, static_paths)
    theme = Path(settings["THEME"]) if settings and settings.get("THEME") else None
    published = published_paths(content, article_sources, page_sources, analyser.registry, theme, static_paths)
    # An article's own checks read its analysis and, on disk, the photos and files it links to, and the
    # site's addresses: while none of those changed (a save in `serve` changes one article), reuse them.
    world = (_files_stamp(content), hash(frozenset(published)))
    memo = analyser.check_memo
    for path, analysis in analyses.items():
        remembered = memo.get(path)
        if remembered is None or remembered[0] is not analysis or remembered[1] != world:
            remembered = memo[path] = (analysis, world, _article_problems(
                analysis, content, path in pages, analyser.registry, published))
        problems += remembered[2]
    result.problems = sorted(problems, key=lambda p: (str(p.path), p.line, p.severity.value))
    return result


def prune_caches(content: Path, settings: dict, checked: ContentCheck) -> None:
    """After a build: the caches keep what this build read, nothing of deleted articles, photos or older code."""
    analyser_for(Path(content), settings).prune_caches(checked.articles + checked.pages)


def _article_problems(analysis, content: Path, page: bool, registry, published: set[str]) -> list[Problem]:
    source = analysis.source
    if not source.text.strip():
        return [error(analysis.path, 1, "tệp rỗng, chưa có bài viết", "empty file, no article")]
    problems = check_article(source, content, page=page) + check_photo_files(source, content) + analysis.problems
    if registry is not None and not page:
        problems += check_terms(source, registry, analysis.recognition)
        problems += check_revocations(source, analysis.recognition.honours)
        problems += check_honour_edits(source, registry, analysis.recognition)
    problems += check_corrections(source)
    problems += check_links(content, analysis, _page_url(source, page), published)
    return problems


def _files_stamp(content: Path) -> int:
    """Every file of the content folder but the articles and pages themselves: size and time."""
    stamps = []
    for root, folders, names in os.walk(content):
        if root == str(content):
            folders[:] = [f for f in folders if f not in SOURCE_FOLDERS]
        for name in names:
            try:
                stat = os.stat(os.path.join(root, name))
            except OSError:
                continue
            stamps.append((root, name, stat.st_size, stat.st_mtime_ns))
    return hash(tuple(sorted(stamps)))


def _page_url(source, page: bool) -> str:
    if page:
        return f"{source.get('slug') or slugify(source.get('title'))}/"
    found = destination(source)
    return found.output.removesuffix("index.html") if found else ""


def check_site(content: Path, settings: dict | None = None) -> list[Problem]:
    return check_content(content, settings).problems


def _unpublished_files(content: Path) -> list[Problem]:
    """Files in the articles and pages folders that the build would not publish: never silently dropped."""
    problems = []
    for folder in SOURCE_FOLDERS:
        root = content / folder
        for path in sorted(root.rglob("*")) if root.is_dir() else ():
            if path.is_file() and path.suffix != ARTICLE_SUFFIX and not editor_leftover(path.name):
                problems.append(error(
                    path, 1,
                    f"tệp này không phải bài Markdown (đuôi {ARTICLE_SUFFIX}) nên sẽ không được đăng; hãy đổi tên hoặc chuyển đi",
                    f"not a Markdown article (ending {ARTICLE_SUFFIX}), so it would not be published; rename or move it",
                ))
    return problems
