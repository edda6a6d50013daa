"""Checks over a whole content folder, from the one analysis of each file that the build also publishes.

`newsroom build` runs this before every build and `newsroom serve` on every
save: analyses come from memory or the cache, so only changed files cost time.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

from newsroom.analysis import Analyser, ArticleAnalysis
from newsroom.analysis.render import body_markdown_settings
from newsroom.content.files import (
    ARTICLE_SUFFIX, SOURCE_FOLDERS, article_files, destination, editor_leftover, page_slug, source_files,
)
from newsroom.problems import Problem, error
from newsroom.settings import Settings, portal
from newsroom.site.corrections import check_corrections, check_revocations
from newsroom.site.photos import check_photo_files
from newsroom.site.portal import check_portal_file
from newsroom.site.static_files import static_file_problems

from .articles import check_article
from .duplicates import check_duplicates
from .honour_edits import check_honour_edits
from .links import check_links, published_paths
from .paths import special_file_problems
from .registry_terms import check_terms, unregistered_names
from .reserved import reserved_registry_problems, reserved_slug_problems


@dataclass
class ContentCheck:
    problems: list[Problem] = field(default_factory=list)
    analyses: dict[Path, ArticleAnalysis] = field(default_factory=dict)
    articles: list[Path] = field(default_factory=list)
    pages: list[Path] = field(default_factory=list)
    analyser: Analyser | None = None

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.is_error]

    @property
    def warnings(self) -> list[Problem]:
        return [p for p in self.problems if not p.is_error]


# The key of a run's Analyser in Pelican's settings dict: the build checks with it, then Pelican's run reads from it.
ANALYSER = "NEWSROOM_ANALYSER"


def current_analyser(settings: dict, analyser: Analyser | None = None) -> Analyser:
    """`analyser` while it still fits `settings` and the registry it read is unchanged; else a new one.

    Its holder (a build, `serve`, the plugin's run) keeps it: nothing is remembered here.
    """
    found = portal(settings)
    inputs = (found.content, found.registry, repr(body_markdown_settings(settings.get("MARKDOWN"))), found.analysis_cache,
              found.photo_cache, found.analysis_workers, tuple(sorted(found.addresses.mention_urls.items())))
    if analyser is not None and analyser.inputs == inputs and not analyser.registry_changed():
        return analyser
    analyser = Analyser(found.content, settings.get("MARKDOWN", {}), found.registry, found.analysis_cache,
                        found.analysis_workers, found.photo_cache, dict(found.addresses.mention_urls))
    analyser.inputs = inputs
    return analyser


def check_content(content: Path, settings: dict, analyser: Analyser | None = None) -> ContentCheck:
    """Every problem of the content folder; the analyser used stays with the result for the build to publish from."""
    content = Path(content)
    analyser = current_analyser(settings, analyser)
    result = ContentCheck(articles=article_files(content), pages=source_files(content, "pages"), analyser=analyser)
    analyses, unreadable = analyser.analyse_files(result.articles + result.pages)
    result.analyses = analyses
    problems = list(analyser.registry_problems) + [item.problem for item in unreadable]
    pages = set(result.pages)
    article_sources = [analyses[p].source for p in result.articles if p in analyses]
    addresses = portal(settings).addresses
    problems += check_duplicates(article_sources, addresses)
    problems += unregistered_names(analyses[p] for p in result.articles if p in analyses)
    problems += _unpublished_files(content) + check_portal_file(content) + special_file_problems(content)
    problems += static_file_problems(content, addresses.static_folders)
    if analyser.registry is not None:
        problems += reserved_registry_problems(analyser.registry, analyser.registry_folder, addresses)
    theme = Path(settings["THEME"]) if settings.get("THEME") else None
    published = published_paths(settings, [analyses[p] for p in result.articles if p in analyses],
                                [analyses[p] for p in result.pages if p in analyses], analyser.registry, theme)
    # An article's own checks read its analysis and, on disk, the photos and files it links to, and the
    # site's addresses: while none of those changed (a save in `serve` changes one article), reuse them.
    world = (_files_stamp(content), hash(frozenset(published)))
    memo = analyser.check_memo
    for path, analysis in analyses.items():
        remembered = memo.get(path)
        if remembered is None or remembered[0] is not analysis or remembered[1] != world:
            remembered = memo[path] = (analysis, world, _article_problems(
                analysis, content, path in pages, analyser.registry, published, portal(settings)))
        problems += remembered[2]
    result.problems = sorted(problems, key=lambda p: (str(p.path), p.line, p.severity.value))
    return result


def prune_caches(checked: ContentCheck) -> None:
    """After a build: the caches keep what this build read, nothing of deleted articles, photos or older code."""
    checked.analyser.prune_caches(checked.articles + checked.pages)


def _article_problems(analysis, content: Path, page: bool, registry, published: set[str], settings: Settings) -> list[Problem]:
    source = analysis.source
    if not source.text.strip():
        return [error(analysis.path, 1, "tệp rỗng, chưa có bài viết", "empty file, no article")]
    problems = check_article(source, content, settings.timezone, page=page) + check_photo_files(source, content) + analysis.problems
    if registry is not None and not page:
        problems += check_terms(source, registry, analysis.recognition)
        problems += check_revocations(source, analysis.recognition.honours)
        problems += check_honour_edits(source, registry, analysis.recognition)
    problems += check_corrections(source)
    problems += reserved_slug_problems(source, settings.addresses, page)
    problems += check_links(content, analysis, _page_url(source, page, settings.addresses), published)
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


def _page_url(source, page: bool, addresses) -> str:
    if page:
        return addresses.page(page_slug(source)).url
    found = destination(source, addresses)
    return found.url if found else ""


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
