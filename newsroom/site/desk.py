"""The editors' panel of `newsroom serve`: shown above the open page, never written into the built site.

It says what the editor needs while writing: the errors and warnings of the
last check (each with its file and line, Vietnamese first, the English
after), and, on an article's page, what that article adds to the portal —
its units, awards and honours (recipient, award, status, decision), each
honour with the sentence it was read from. Plain Python over the analysis;
the server puts the panel right after <body>, where it pushes the page down
instead of covering it. It uses the page's own typography (the theme's
fonts and colours, inherited); on the bare page shown before any build
succeeded it links the theme's stylesheet.
"""

from __future__ import annotations

import re
from html import escape
from pathlib import Path

from newsroom.core.honour_edits import STATUS_LABELS, is_uncertain

# "path:line: error: Vietnamese / English" (newsroom.problems.Problem), and the settings' and registry's
# "path:line: lỗi: Vietnamese / error: English".
MESSAGE = re.compile(
    r"^(?P<path>.+?):(?P<line>\d+): (?:(?P<severity>error|warning|lỗi|cảnh báo): )?(?P<vi>.*?)"
    r"(?: / (?:(?:error|warning): )?(?P<en>.*))?$", re.DOTALL)
ERROR_WORDS = ("error", "lỗi")
# The messages of other files than the open page's are listed folded, at most this many.
OTHERS_SHOWN = 200

STYLE = """
.newsroom-desk{border-bottom:4px solid #b45309;background:#fffbeb;color:#1d1d1b;padding:.75rem 1rem;line-height:1.5}
.newsroom-desk.has-errors{border-color:#b00020;background:#fff1f1}
.newsroom-desk>*{max-width:60rem;margin-left:auto;margin-right:auto}
.newsroom-desk h2{font-size:1.15rem;margin:.25rem auto}
.newsroom-desk h3{font-size:1rem;margin:.75rem auto .25rem}
.newsroom-desk ul,.newsroom-desk ol{padding-left:1.25rem;margin:.25rem auto}
.newsroom-desk li{margin:.35rem 0}
.newsroom-desk .desk-where{display:block;font-size:.9rem;color:#505a5f}
.newsroom-desk .desk-kind{font-weight:700}
.newsroom-desk .error .desk-kind{color:#b00020}
.newsroom-desk .warning .desk-kind{color:#92400e}
.newsroom-desk .desk-en{display:block;font-size:.9rem;color:#505a5f}
.newsroom-desk blockquote{margin:.25rem 0 .5rem;padding-left:.75rem;border-left:3px solid #d8dde0;color:#333}
.newsroom-desk details{margin:.5rem auto}
.newsroom-desk summary{cursor:pointer;font-weight:700}
.newsroom-desk .desk-note{font-size:.9rem;color:#505a5f}
.newsroom-desk del{color:#6b7280}
"""


def panel(errors: list, warnings: list, source: Path | None = None, analysis=None,
          page_urls: dict[str, str] | None = None) -> str:
    """The panel's HTML ("" when there is nothing to say): messages first, those of `source` (the open page's
    file) in full, the others' after; then, for an article, what it adds to the portal (`page_urls`: the URL
    patterns of a unit's and an award's page, newsroom.addresses)."""
    mine, others = _split([*errors, *warnings], source)
    parts = []
    if mine or others:
        parts.append(_messages(bool(errors), mine, others, source is not None))
    if analysis is not None and analysis.recognition is not None:
        parts.append(_contribution(analysis.recognition, page_urls or {}))
    if not parts:
        return ""
    kind = " has-errors" if errors else ""
    return (f'<aside class="newsroom-desk{kind}" lang="vi" aria-label="Bàn biên tập (chỉ hiện khi xem trước)">'
            f"<style>{STYLE}</style>{''.join(parts)}</aside>")


def bare_page(panel_html: str, stylesheet: str | None) -> bytes:
    """A page holding only the panel: before any build succeeded there is no site to show under it."""
    link = f'<link rel="stylesheet" href="{escape(stylesheet)}">' if stylesheet else ""
    return (
        '<!DOCTYPE html><html lang="vi"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>Trang chưa dựng được</title>{link}"
        '<style>body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans",Arial,sans-serif;margin:0}</style>'
        f"</head><body>{panel_html}</body></html>"
    ).encode()


def _split(messages: list, source: Path | None) -> tuple[list[dict], list[dict]]:
    mine, others = [], []
    wanted = source.resolve() if source is not None else None
    for text in messages:
        item = _parts(text)
        same = wanted is not None and item["path"] and _resolved(item["path"]) == wanted
        (mine if same else others).append(item)
    return mine, others


def _resolved(path: str) -> Path | None:
    try:
        return Path(path).resolve()
    except (OSError, ValueError):
        return None


def _parts(message) -> dict:
    if hasattr(message, "vietnamese"):  # a Problem: its parts as they are
        return {"path": str(message.path), "line": str(message.line), "error": message.is_error,
                "vi": message.vietnamese, "en": message.english}
    text = str(message)
    match = MESSAGE.match(text)
    if match is None:  # a message naming no file (a folder, the search index): as it is
        vietnamese, _, english = text.partition(" / ")
        return {"path": "", "line": "", "error": True, "vi": vietnamese, "en": english}
    severity = match["severity"] or "error"
    return {"path": match["path"], "line": match["line"], "error": severity in ERROR_WORDS,
            "vi": match["vi"], "en": match["en"] or ""}


def _messages(failed: bool, mine: list[dict], others: list[dict], on_a_page: bool) -> str:
    count_errors = sum(item["error"] for item in mine + others)
    count_warnings = len(mine) + len(others) - count_errors
    if failed:
        title = "Trang chưa dựng được"
        note = ("Sửa các lỗi dưới đây rồi lưu lại; trang tự tải lại. Phần bên dưới là bản dựng trước, chưa có thay đổi mới."
                if on_a_page else "Sửa các lỗi dưới đây rồi lưu lại; trang tự tải lại.")
    else:
        title = "Cảnh báo khi dựng trang"
        note = "Trang vẫn được dựng; nên xem lại các điểm dưới đây."
    counts = ", ".join(filter(None, [f"{count_errors} lỗi" if count_errors else "",
                                     f"{count_warnings} cảnh báo" if count_warnings else ""]))
    html = [f'<section class="desk-messages"><h2>{title} <span class="desk-note">({counts})</span></h2>'
            f'<p class="desk-note">{note}</p>']
    if mine:
        html.append(_list(mine))
    if others:
        label = f"{len(others)} thông báo ở các tệp khác" if mine else f"{len(others)} thông báo"
        shown = others[:OTHERS_SHOWN]
        more = f'<p class="desk-note">… và {len(others) - len(shown)} thông báo nữa (xem `newsroom check`).</p>' \
            if len(others) > len(shown) else ""
        # Open where nothing else is listed, unless long; errors always: nothing is published until they go.
        opened = " open" if not mine and (len(others) <= 10 or any(item["error"] for item in others)) else ""
        html.append(f"<details{opened}><summary>{label}</summary>{_list(shown)}{more}</details>")
    html.append("</section>")
    return "".join(html)


def _list(items: list[dict]) -> str:
    errors = [item for item in items if item["error"]]
    warnings = [item for item in items if not item["error"]]
    html = ""
    if errors:
        html += '<ul class="build-errors">' + "".join(_item(item, "error", "Lỗi") for item in errors) + "</ul>"
    if warnings:
        html += '<ul class="build-warnings">' + "".join(_item(item, "warning", "Cảnh báo") for item in warnings) + "</ul>"
    return html


def _item(item: dict, kind: str, label: str) -> str:
    where = f'{item["path"]}, dòng {item["line"]}' if item["line"] else item["path"]
    english = f'<span class="desk-en" lang="en">{escape(item["en"])}</span>' if item["en"] else ""
    return (f'<li class="{kind}"><span class="desk-where">{escape(where)}</span>'
            f'<span class="desk-kind">{label}:</span> {escape(item["vi"])}{english}</li>')


def _contribution(recognition, page_urls: dict[str, str]) -> str:
    units = "".join(_page_link(page_urls.get("unit"), u) for u in recognition.units)
    awards = "".join(_page_link(page_urls.get("award"), a) for a in recognition.awards if getattr(a, "registered", True))
    read = recognition.read_honours
    honours = "".join(_honour(h, edited=read is not None and h not in read) for h in recognition.honours)
    removed = "".join(_honour(h, removed=True) for h in (read or []) if h not in recognition.honours
                      and not any(_same(h, other) for other in recognition.honours))
    count = len(recognition.honours)
    summary = f"Bài này đưa lên cổng: {len(recognition.units)} đơn vị, {len(recognition.awards)} khen thưởng, {count} lượt khen thưởng"
    # Open when something needs the editor: an honour the recogniser is unsure of, or the Honours: line at work.
    opened = " open" if read is not None or any(is_uncertain(h) for h in recognition.honours) else ""
    html = [f'<details class="desk-adds"{opened}><summary>{summary}</summary>',
            '<p class="desk-note">Chỉ người biên tập thấy phần này. Sửa lượt khen thưởng đọc sai bằng một dòng '
            '<strong>Honours:</strong> trong phần đầu bài (xem README, mục dành cho biên tập viên).</p>']
    html.append(f"<h3>Đơn vị</h3><ul>{units}</ul>" if units else "<h3>Đơn vị</h3><p class=\"desk-note\">Không có.</p>")
    html.append(f"<h3>Khen thưởng</h3><ul>{awards}</ul>" if awards else "<h3>Khen thưởng</h3><p class=\"desk-note\">Không có.</p>")
    html.append(f'<h3>Lượt khen thưởng</h3><ol class="desk-honours">{honours}{removed}</ol>' if honours or removed
                else '<h3>Lượt khen thưởng</h3><p class="desk-note">Không có.</p>')
    html.append("</details>")
    return "".join(html)


def _page_link(pattern: str | None, entry) -> str:
    if pattern is None:
        return f"<li>{escape(entry.name)}</li>"
    return f'<li><a href="/{escape(pattern.format(slug=entry.slug))}">{escape(entry.name)}</a></li>'


def _same(first, second) -> bool:
    return first.award.slug == second.award.slug and first.recipient == second.recipient


def _honour(honour, edited: bool = False, removed: bool = False) -> str:
    who = f"{honour.count} {honour.recipient}" if honour.count else honour.recipient
    details = [d for d in (honour.role, honour.unit.name if honour.unit and honour.unit.name not in who else None) if d]
    if details:
        who += f" ({', '.join(details)})"
    status = STATUS_LABELS.get(honour.status, honour.status)
    facts = [f"<strong>{escape(who)}</strong>", escape(honour.award.name), escape(status)]
    decision = _decision(honour.decision)
    if decision:
        facts.append(escape(decision))
    notes = []
    if is_uncertain(honour):
        notes.append('<strong class="desk-uncertain">chưa chắc, chưa đăng</strong>: câu này hiểu được hai cách; '
                     f'nếu đúng, thêm "+ {escape(honour.award.name)} – {escape(honour.recipient)}" vào dòng Honours:')
    if edited:
        notes.append("theo dòng Honours:")
    line = " — ".join(facts)
    if removed:
        line = f"<del>{line}</del>"
        notes.append("đã bỏ theo dòng Honours:, không đăng")
    note = f' <span class="desk-note">({"; ".join(notes)})</span>' if notes else ""
    kind = "uncertain" if is_uncertain(honour) else "removed" if removed else "honour"
    return f'<li class="desk-{kind}">{line}{note}<blockquote>{escape(honour.sentence)}</blockquote></li>'


def _decision(decision) -> str:
    if decision is None:
        return ""
    text = "Quyết định"
    if decision.number:
        text += f" số {decision.number}"
    if decision.date:
        text += f" ngày {decision.date}"
    if decision.issuer:
        text += f" của {decision.issuer}"
    return text
