"""Analysing one article: metadata with line numbers, HTML rendered and parsed once, recognition once."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from lxml.html import HtmlElement

from newsroom.analysis.markdown_limits import html_too_deep
from newsroom.core.honour_edits import KEY as HONOURS_KEY, edit_recognition
from newsroom.problems import Problem, error
from newsroom.core.recognition import Recognition, Recogniser, split_metadata_list
from newsroom.core.source import MarkdownSource, parse_markdown
from newsroom.site.figures import make_figures
from newsroom.site.htmltree import depth, parse_fragment
from newsroom.site.mentions import HtmlText
from newsroom.site.photos import SizedPhoto, size_images
from newsroom.site.static_files import PhotoRefused, photo_on_disk

from .render import BodyRenderer

# Links to unit and award pages are written against this stand-in for the site's
# address, so one analysis serves development and production builds alike.
SITE_TOKEN = "newsroom-site:"


@dataclass
class ArticleAnalysis:
    path: Path
    source: MarkdownSource
    html: str  # the body as published, except SITE_TOKEN in place of the site address
    text: str  # the reading text of the body, one paragraph per block
    recognition: Recognition
    problems: list[Problem] = field(default_factory=list)  # found while rendering (sanitising, limits)
    photos: list[SizedPhoto] = field(default_factory=list)  # derivatives the page shows, to copy into the site
    # Files besides the article that the analysis read (photos): path -> (size, mtime); a change re-analyses.
    depends_on: dict[str, tuple[int, int]] = field(default_factory=dict)
    links: list[tuple[str, int, str]] = field(default_factory=list)  # (href or src as written, its line, tag)

    def html_for(self, site_url: str) -> str:
        return self.html.replace(SITE_TOKEN, site_url)

    @property
    def title(self) -> str:
        return self.source.get("title")


def analyse(path: Path, text: str, renderer: BodyRenderer, recogniser: Recogniser | None, photos=None,
            mention_urls: dict[str, str] | None = None) -> ArticleAnalysis:
    """`photos(src, article_path)` gives (SizedPhoto, source file) for a local photo ((None, file) when its
    derivatives cannot be made), or None; `mention_urls` the URL patterns of unit and award pages, by kind."""
    source = parse_markdown(path, text)
    html, problems = renderer.render(source)
    root = parse_fragment(html)
    problems = problems + html_too_deep(path, depth(root), source.body_line)
    links = _links(root, source)
    make_figures(root)
    depends_on: dict[str, tuple[int, int]] = {}
    used: list[SizedPhoto] = []
    if photos is not None:
        def resolve(src: str):
            found = photos(src, Path(path))
            if found is None:
                return None
            photo, file = found
            stat = file.stat()
            depends_on[str(file)] = (stat.st_size, stat.st_mtime_ns)
            if photo is None and not isinstance(photo_on_disk(file), PhotoRefused):  # refusals: check_photo_files
                problems.append(error(
                    path, _line_of(source, src),
                    f"không tạo được ảnh thu nhỏ từ {src}: tệp ảnh hỏng; hãy chép lại ảnh gốc",
                    f"no smaller copies could be made of {src}: the photo file is damaged; copy the original again"))
            return photo

        used = size_images(root, resolve, SITE_TOKEN)
    body = HtmlText(root)
    if recogniser is None:
        recognition = Recognition()
    else:
        recognition = recogniser.recognise(
            source.get("title"),
            body.text,
            metadata_units=split_metadata_list(source.get("units")),
            metadata_awards=split_metadata_list(source.get("awards")),
            excluded=split_metadata_list(source.get("exclude")),
        )
        edit_recognition(recognition, source.get(HONOURS_KEY), recogniser.registry)
        _link_first_mentions(body, recognition, mention_urls or {})
    return ArticleAnalysis(Path(path), source, body.html(), body.text, recognition, problems, used, depends_on, links)


def _line_of(source: MarkdownSource, target: str) -> int:
    lines = source.text.split("\n")
    return next((n for n, text in enumerate(lines[source.body_line - 1:], start=source.body_line) if target in text),
                source.body_line)


def _links(root: HtmlElement, source: MarkdownSource) -> list[tuple[str, int, str]]:
    """Every link and image address the editor wrote, with the first line that holds it and its tag ("a", "img")."""
    lines = source.text.split("\n")
    found = []
    for tag in root.iter("a", "img"):
        target = tag.get("href" if tag.tag == "a" else "src")
        if not target:
            continue
        line = _line_of(source, target)
        if tag.tag == "img" and f"]({target}" in lines[line - 1].replace("( ", "("):
            continue  # a Markdown photo: newsroom.checks.figures says more about those
        found.append((target, line, tag.tag))
    return found


def _link_first_mentions(body: HtmlText, recognition: Recognition, patterns: dict[str, str]) -> None:
    shown = {("unit", u.slug) for u in recognition.units} | {("award", a.slug) for a in recognition.awards}
    spans: dict[tuple[str, str], list[tuple[int, int]]] = {}
    for mention in recognition.mentions:
        key = (mention.kind, mention.slug)
        if key in shown:
            spans.setdefault(key, []).append((mention.start, mention.end))
    spans = {key: found for key, found in spans.items() if key[0] in patterns}
    hrefs = {key: f"{SITE_TOKEN}/{patterns[key[0]].format(slug=key[1])}" for key in spans}
    body.link_first(spans, hrefs)
