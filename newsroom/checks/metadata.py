"""Checks of an article's metadata block: the keys, and values Pelican would misread or misuse.

Pelican (Python-Markdown's meta extension) reads `Key: value` lines only while
the key is [A-Za-z0-9_-]+. "Đơn vị: ..." or "Tác giả: ..." silently ends the
block and becomes body text, and a misspelt key is silently ignored: the
editor sees no error and the information is lost. We name each such line.
"""

from __future__ import annotations

import datetime
import difflib
import re
import unicodedata
from zoneinfo import ZoneInfo

from newsroom.content.dates import DateProblem, localised, parse_article_date
from newsroom.content.files import SAFE_SLUG
from newsroom.core.source import META_LINE, MarkdownSource
from newsroom.core.text import slugify
from newsroom.problems import Problem, error, warning

KNOWN_KEYS = (
    "title", "date", "modified", "author", "authors", "summary", "slug", "status", "units",
    "awards", "exclude", "lang", "template", "save_as", "url", "category", "tags",
    "correction", "reason", "revoked",  # newsroom.site.corrections
    "honours",  # newsroom.core.honour_edits
)
STATUSES = ("published", "draft", "hidden", "withdrawn")
# Keys Pelican honours that would let an article choose where it is written, or how.
PORTAL_CHOOSES = ("save_as", "url", "template")
# What editors write in Vietnamese, and the key Pelican understands.
VIETNAMESE_KEYS = {
    "tiêu đề": "Title", "tựa đề": "Title", "tên bài": "Title",
    "ngày": "Date", "ngày đăng": "Date", "thời gian": "Date",
    "ngày sửa": "Modified", "ngày cập nhật": "Modified", "cập nhật": "Modified",
    "tác giả": "Author", "người viết": "Author", "phóng viên": "Author",
    "tóm tắt": "Summary", "sapo": "Summary", "mô tả": "Summary",
    "đơn vị": "Units", "cơ quan": "Units",
    "khen thưởng": "Awards", "hình thức khen thưởng": "Awards", "danh hiệu": "Awards",
    "loại trừ": "Exclude", "bỏ qua": "Exclude",
    "trạng thái": "Status", "đường dẫn": "Slug", "ngôn ngữ": "Lang",
    "chuyên mục": "Category", "danh mục": "Category", "thẻ": "Tags", "từ khóa": "Tags",
    "ghi chú sửa đổi": "Correction", "ghi chú": "Correction", "lý do": "Reason", "lý do gỡ": "Reason",
    "thu hồi": "Revoked", "sửa khen thưởng": "Honours",
}
# A line an editor meant as metadata: a short label (up to 4 words), a colon, a value.
KEY_LIKE = re.compile(r"^[ ]{0,3}(?P<key>[^\W\d_][\w-]*(?:[ ][\w-]+){0,3})[ \t]*:[ \t]*(?P<value>.*)$")
MARKUP = re.compile(r"<\s*[A-Za-z!/?]|javascript\s*:", re.IGNORECASE)
# C0 controls but tab and line ends, DEL, C1 controls: XML (feeds) refuses them and no editor means them.
CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
# Direction overrides and isolates turn the text after them around ("‮gpj.exe" reads "exe.jpg"): Vietnamese never needs them.
BIDI_CONTROL = re.compile(r"[\u202a-\u202e\u2066-\u2069]")
# Longer page addresses break file systems (255 bytes) and nobody types them.
MAX_SLUG = 120


def check_metadata(source: MarkdownSource, timezone: ZoneInfo, page: bool = False) -> list[Problem]:
    problems = _check_keys(source) + _check_body_keys(source)
    problems += _check_required(source, timezone, page) + _check_values(source) + check_control_characters(source)
    return problems


def _check_keys(source: MarkdownSource) -> list[Problem]:
    problems = []
    for field in source.metadata.values():
        if field.key not in KNOWN_KEYS:
            guess = difflib.get_close_matches(field.key, KNOWN_KEYS, n=1, cutoff=0.6)
            hint_vi = f'; có phải "{guess[0].capitalize()}:"?' if guess else ""
            hint_en = f'; did you mean "{guess[0].capitalize()}:"?' if guess else ""
            problems.append(error(
                source.path, field.line,
                f'khóa "{field.key.capitalize()}:" không được hỗ trợ nên bị bỏ qua{hint_vi}',
                f'unknown metadata key "{field.key.capitalize()}:" is ignored{hint_en}',
            ))
    for duplicate in source.duplicate_keys:
        first = source.metadata[duplicate.key]
        problems.append(error(
            source.path, duplicate.line,
            f'khóa "{duplicate.key.capitalize()}:" bị lặp lại (đã có ở dòng {first.line}); chỉ giữ một dòng',
            f'duplicate metadata key "{duplicate.key.capitalize()}:" (first on line {first.line}); keep one',
        ))
    return problems


def _check_body_keys(source: MarkdownSource) -> list[Problem]:
    """`Key: value` lines Pelican took as body text, in the body's first paragraph."""
    last_meta = max((f.line for f in (*source.metadata.values(), *source.duplicate_keys)), default=0)
    attached = source.body_line == last_meta + 1  # no blank line: Pelican stopped reading here
    lines = []
    for offset, line in enumerate(source.body.split("\n")):
        if not line.strip():
            break
        lines.append((source.body_line + offset, unicodedata.normalize("NFC", line)))
    matches = [(number, KEY_LIKE.match(line)) for number, line in lines]
    if not attached:
        # After a blank line a paragraph is only suspect when it all reads as metadata.
        known = [m for _, m in matches if m and _intended_key(m["key"])]
        if not known or not all(m for _, m in matches):
            return []
    problems = []
    for number, match in matches:
        if not match:
            continue
        key, intended = match["key"], _intended_key(match["key"])
        if META_LINE.match(match.group(0)):
            # A valid key, but Pelican had already stopped reading metadata.
            where_vi = f"sau dòng {lines[0][0]} (không phải thông tin bài)" if attached else "sau một dòng trống"
            where_en = f"after line {lines[0][0]} ended the metadata" if attached else "after a blank line"
            problems.append(error(
                source.path, number,
                f'dòng "{key}:" nằm {where_vi} nên bị coi là nội dung bài; hãy đưa nó vào khối thông tin đầu bài',
                f'"{key}:" comes {where_en}, so it became body text; move it into the metadata block',
            ))
            continue
        if intended:
            hint_vi, hint_en = f'; hãy viết "{intended}: {match["value"].strip()}"', f'; write "{intended}:"'
        else:
            hint_vi = "; tên khóa chỉ gồm chữ không dấu, không có khoảng trắng (nếu đây là nội dung bài, hãy thêm một dòng trống phía trên)"
            hint_en = "; keys are unaccented letters without spaces (if this is body text, add a blank line above it)"
        problems.append(error(
            source.path, number,
            f'"{key}:" không phải khóa thông tin bài hợp lệ nên dòng này và phần sau thành nội dung bài{hint_vi}',
            f'"{key}:" is not a valid metadata key, so this line and the rest became body text{hint_en}',
        ))
    return problems


def _intended_key(label: str) -> str | None:
    """The metadata key an editor meant by a label, or None."""
    folded = " ".join(label.lower().split())
    if folded in VIETNAMESE_KEYS:
        return VIETNAMESE_KEYS[folded]
    ascii_key = folded.replace(" ", "_")
    if ascii_key in KNOWN_KEYS:
        return ascii_key.capitalize()
    return None


def _check_required(source: MarkdownSource, timezone: ZoneInfo, page: bool = False) -> list[Problem]:
    problems = []
    path = source.path
    title = source.metadata.get("title")
    if title is None or not title.value:
        problems.append(error(path, title.line if title else 1, "bài viết thiếu tiêu đề (Title:)", "the article has no title (Title:)"))
    if page:
        return problems
    author = source.metadata.get("author") or source.metadata.get("authors")
    if author is None or not author.value:
        problems.append(error(path, author.line if author else 1, "bài viết thiếu tác giả (Author:)", "the article has no author (Author:)"))
    date = source.metadata.get("date")
    if date is None:
        problems.append(error(path, 1, "bài viết thiếu ngày đăng (Date:)", "the article has no date (Date:)"))
    else:
        problems += _check_date(source, date, timezone, future_is_suspect=True)
    if "modified" in source.metadata:
        problems += _check_date(source, source.metadata["modified"], timezone, future_is_suspect=False)
    return problems


def _check_date(source: MarkdownSource, field, timezone: ZoneInfo, future_is_suspect: bool) -> list[Problem]:
    try:
        moment = parse_article_date(field.value)
    except DateProblem as problem:
        return [error(source.path, field.line, problem.vietnamese, problem.english)]
    if future_is_suspect and localised(moment, timezone) > datetime.datetime.now(timezone):
        return [warning(
            source.path, field.line,
            f"ngày đăng {field.value} ở tương lai; bài vẫn được đăng ngay với ngày này",
            f"the date {field.value} is in the future; the article is still published now with that date",
        )]
    return []


def _check_values(source: MarkdownSource) -> list[Problem]:
    problems = []
    path = source.path
    for field in source.metadata.values():
        bidi = BIDI_CONTROL.search(field.value)
        if bidi:
            problems.append(error(
                path, field.line,
                f'"{field.key.capitalize()}:" có ký tự đảo chiều chữ vô hình (U+{ord(bidi.group()):04X}) làm chữ hiện khác với chữ thật; hãy xóa nó',
                f'"{field.key.capitalize()}:" holds an invisible direction override (U+{ord(bidi.group()):04X}) that shows the text other than it is; delete it',
            ))
        if MARKUP.search(field.value):
            problems.append(error(
                path, field.line,
                f'"{field.key.capitalize()}:" chứa mã HTML hoặc script; chỉ viết chữ thường',
                f'"{field.key.capitalize()}:" contains markup or script; write plain text',
            ))
    for key in PORTAL_CHOOSES:
        field = source.metadata.get(key)
        if field is not None:
            problems.append(error(
                path, field.line,
                f'không được dùng "{key.capitalize()}:": địa chỉ và khuôn trang do cổng thông tin quyết định (có thể đè lên trang khác); hãy xóa dòng này, dùng Slug: nếu cần đổi địa chỉ',
                f'"{key.capitalize()}:" is not allowed: the portal decides page addresses and layouts (it could replace another page); delete the line, use Slug: to change the address',
            ))
    slug = source.metadata.get("slug")
    if slug and not SAFE_SLUG.match(slug.value):
        problems.append(error(
            path, slug.line,
            f'"Slug: {slug.value}" chỉ được dùng chữ không dấu, số và dấu gạch ngang',
            '"Slug:" may only hold unaccented letters, digits and hyphens',
        ))
    problems += _check_address(source)
    status = source.metadata.get("status")
    if status and status.value.lower() == "draft":
        problems.append(warning(
            path, status.line,
            "bài đang là bản nháp (Status: draft) nên không được đăng; xóa dòng này khi muốn đăng",
            "the article is a draft (Status: draft), so it is not published; remove the line to publish it",
        ))
    if status and status.value.lower() not in STATUSES:
        problems.append(error(
            path, status.line,
            f'trạng thái "{status.value}" không hợp lệ; dùng published (đăng), draft (nháp) hoặc hidden (ẩn)',
            f'invalid status "{status.value}"; use published, draft or hidden',
        ))
    summary = source.metadata.get("summary")
    if summary is not None and not summary.value:
        problems.append(warning(
            path, summary.line,
            "tóm tắt (Summary:) đang để trống; hãy viết một câu tóm tắt",
            "the summary (Summary:) is empty; write a one-sentence summary",
        ))
    return problems


def _check_address(source: MarkdownSource) -> list[Problem]:
    """The page address comes from Slug: or the title: it must exist and fit in a file name."""
    title, slug_field = source.metadata.get("title"), source.metadata.get("slug")
    if slug_field and slug_field.value:
        slug, field, origin_vi, origin_en = slug_field.value, slug_field, "Slug:", "Slug:"
    elif title and title.value:
        slug, field, origin_vi, origin_en = slugify(title.value), title, "tiêu đề", "the title"
    else:
        return []
    if not slug:
        return [error(
            source.path, field.line,
            f"{origin_vi} không có chữ hoặc số nào để làm địa chỉ trang; hãy viết tiêu đề bằng chữ hoặc thêm dòng Slug:",
            f"{origin_en} has no letter or digit to make the page address from; write words or add a Slug: line",
        )]
    if len(slug) > MAX_SLUG:
        return [error(
            source.path, field.line,
            f"địa chỉ trang lấy từ {origin_vi} dài {len(slug)} ký tự (tối đa {MAX_SLUG}); hãy rút gọn hoặc thêm dòng Slug: ngắn hơn",
            f"the page address from {origin_en} is {len(slug)} characters long (at most {MAX_SLUG}); shorten it or add a shorter Slug:",
        )]
    return []


def check_control_characters(source: MarkdownSource) -> list[Problem]:
    """Invisible control characters (pasted from other programs) break feeds and searches: name each line."""
    problems = []
    for number, line in enumerate(source.text.split("\n"), start=1):
        found = CONTROL.search(line)
        if found:
            problems.append(error(
                source.path, number,
                f"dòng có ký tự điều khiển vô hình (mã U+{ord(found.group()):04X}), thường do dán từ phần mềm khác; hãy xóa nó",
                f"the line holds an invisible control character (U+{ord(found.group()):04X}), often pasted from another program; delete it",
            ))
    return problems
