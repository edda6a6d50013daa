"""One publish of a built site to a list of destinations, each fully updated before the next."""

from __future__ import annotations

import json
import time
from pathlib import Path

from newsroom.settings import portal

from .base import Destination, PublishError, manifest_file, record_of
from .files import BUILD_NOTES, scan_site
from .log import PublishLog, redact
from .plan import Plan, adopts, in_the_way
from .progress import seconds_text, size_text
from .redirects import dropped_urls, page_urls, pages_for

STYLESHEET = "theme/css/site.css"
REDIRECTS_SHOWN = 10


def built_sources(site: Path) -> dict[str, str]:
    """URL -> source file of each article and page, as the build noted them."""
    notes = site / BUILD_NOTES
    if not notes.is_file():
        return {}
    return json.loads(notes.read_text(encoding="utf-8"))


def plan_for(destination: Destination, site: Path, log: PublishLog, settings: dict, adopt: list[str] = ()) -> Plan:
    files = scan_site(site)
    sources = built_sources(site)
    listing = destination.listing()
    manifest = destination.read_manifest()
    # Newsroom's own files: those its manifest names, or (a destination published before manifests) its log.
    records = manifest if manifest is not None else {path: {} for path in log.sent_to(destination.label)}
    adopted = sorted(path for path in listing if path not in records and adopts(path, list(adopt)))
    owned = {path for path in listing if path in records} | set(adopted)
    foreign = set(listing) - owned
    remembered = log.remembered(destination.label)
    dropped = dropped_urls(remembered, owned, files, sources)
    stylesheet = STYLESHEET if STYLESHEET in files else None
    files.update(pages_for(dropped, settings["SITEURL"], settings["SITENAME"], stylesheet,
                           portal(settings).addresses.direct["archives"].url))
    conflicts = in_the_way(files, foreign)
    added, changed, extra = destination.differences(files, listing)
    edited = {path for path in changed if path in records and destination.edited_since(records[path], listing.get(path))}
    plan = Plan(destination.label, files, added, changed, [path for path in extra if path in owned],
                len(files) - len(added) - len(changed), dropped,
                kept=sorted(foreign - set(conflicts)), conflicts=conflicts,
                overwritten=sorted(edited | (set(changed) & set(adopted))), adopted=adopted)
    plan.previous = {path: records.get(path, {}) for path in owned}
    # What the log remembers after this publish: every URL the destination answers, and its article.
    plan.pages = {url: remembered.get(url, "") for url in dropped}
    plan.pages.update({url: sources.get(url, "") for url in page_urls(files) if url not in dropped})
    return plan


def publish(site: Path, destinations: list[Destination], log: PublishLog, settings: dict, *,
            dry_run: bool = False, max_deletes: int = 100, confirmed: bool = False, adopt: list[str] = (),
            say=print, warn=print, progress=None) -> int:
    """`progress(label, files, bytes)` makes a bar with `advance(path, size)` and `finish()`, or is None."""
    for destination in destinations:
        started = time.monotonic()
        try:
            plan = plan_for(destination, site, log, settings, adopt)
            if dry_run:
                _dry_run(plan, max_deletes, confirmed, say)
                continue
            if plan.conflicts:
                warn(plan.refusal())
                _log_quietly(log, warn, destination=destination.label, status="refused", error="files not ours in the way",
                             conflicts=plan.conflicts[:1000])
                return 1
            if plan.destructive > max_deletes and not confirmed:
                warn(_too_many(plan, max_deletes))
                _log_quietly(log, warn, destination=destination.label, status="refused", added=len(plan.added),
                             changed=len(plan.changed), deleted=len(plan.deleted), overwritten=len(plan.overwritten),
                             bytes=plan.bytes_to_send, error="too many deletions")
                return 1
            try:
                log.probe()
            except OSError as failure:
                raise PublishError(f"{log.path}: lỗi: không ghi được nhật ký xuất bản ({failure.strerror}); không thay đổi gì / "
                                   f"error: cannot write the publish log ({failure.strerror}); nothing changed") from failure
            bar = progress(destination.label, plan.sent, plan.bytes_to_send) if progress and plan.sent else None
            try:
                entry = _carry_out(destination, plan, log, settings, bar, started)
            finally:
                if bar is not None:
                    bar.finish()
        except (PublishError, OSError) as failure:
            if isinstance(failure, OSError):  # the publishing machine itself: a full disk, a vanished build
                failure = PublishError(f"{failure.filename or destination.label}: lỗi: không đọc/ghi được tệp ({failure.strerror}) / "
                                       f"error: could not read or write: {failure.strerror}")
            warn(redact(str(failure)))
            _log_quietly(log, warn, destination=destination.label, status="failed", error=str(failure))
            warn(f"{destination.label}: xuất bản chưa xong; chạy lại để hoàn tất. / publish incomplete; run it again to finish.")
            return 1
        finally:
            destination.close()
        for line in _redirect_lines(plan):
            say(line)
        say(f"Đã xuất bản / published {entry['time']}: {_summary(plan, time.monotonic() - started)}")
    return 0


def _carry_out(destination: Destination, plan: Plan, log: PublishLog, settings: dict, bar, started: float) -> dict:
    destination.begin(plan)
    site_url = settings["SITEURL"]
    # Claimed before the first file is sent: a publish cut short leaves its files known as newsroom's.
    claimed = {**plan.previous, **{path: record_of(file) for path, file in plan.files.items()}}
    destination.write_manifest(manifest_file(claimed, site_url))
    for _kind, paths in plan.groups():
        destination.upload(paths, plan.files, bar.advance if bar is not None else None)
    destination.delete(plan.deleted)
    destination.write_manifest(manifest_file({path: record_of(file) for path, file in plan.files.items()}, site_url))
    # The log line comes before the switch: a publish it does not record is not switched in.
    entry = log.append(destination=destination.label, status="ok", added=len(plan.added), changed=len(plan.changed),
                       deleted=len(plan.deleted), unchanged=plan.unchanged, bytes=plan.bytes_to_send,
                       redirects=len(plan.dropped), kept=len(plan.kept), adopted=plan.adopted,
                       seconds=round(time.monotonic() - started, 1), sent=sorted(plan.added + plan.changed),
                       removed=plan.deleted, pages=plan.pages)
    try:
        destination.commit()
    except PublishError as failure:
        _log_quietly(log, print, destination=destination.label, status="failed", cancels=entry["id"], error=str(failure))
        raise
    return entry


def _log_quietly(log: PublishLog, warn, **fields) -> None:
    try:
        log.append(**fields)
    except OSError as failure:
        warn(f"{log.path}: lỗi: không ghi được nhật ký xuất bản / error: cannot write the publish log: {failure.strerror}")


def _summary(plan: Plan, seconds: float) -> str:
    kept = (f", để nguyên {len(plan.kept)} tệp không do newsroom đăng", f", {len(plan.kept)} not ours kept") if plan.kept else ("", "")
    return (f"{plan.destination}: thêm {len(plan.added)}, sửa {len(plan.changed)}, xoá {len(plan.deleted)} tệp{kept[0]}, "
            f"gửi {size_text(plan.bytes_to_send)} trong {seconds_text(seconds)} / added {len(plan.added)}, "
            f"changed {len(plan.changed)}, deleted {len(plan.deleted)}{kept[1]}, {plan.bytes_to_send} bytes sent "
            f"in {seconds:.1f} s")


def _redirect_lines(plan: Plan) -> list[str]:
    lines = plan.redirect_lines()
    if len(lines) > REDIRECTS_SHOWN:
        more = len(lines) - REDIRECTS_SHOWN
        lines = lines[:REDIRECTS_SHOWN] + [f"  … và {more} địa chỉ nữa, xem nhật ký xuất bản / and {more} more, see the publish log"]
    return lines


def _too_many(plan: Plan, max_deletes: int) -> str:
    return (f"{plan.destination}: lỗi: sẽ xoá {len(plan.deleted)} tệp và ghi đè {len(plan.overwritten)} tệp không do lần "
            f"xuất bản trước ghi, tổng {plan.destructive}, quá giới hạn {max_deletes}; xem bằng --dry-run rồi xác nhận bằng --yes / "
            f"error: {len(plan.deleted)} deletions and {len(plan.overwritten)} overwrites of files the last publish did not "
            f"write, {plan.destructive} in all, exceed --max-deletes {max_deletes}; review with --dry-run, confirm with --yes")


def _dry_run(plan: Plan, max_deletes: int, confirmed: bool, say) -> None:
    for line in plan.describe():
        say(line)
    if plan.conflicts:
        say(plan.refusal())
    if plan.destructive > max_deletes and not confirmed:
        say(f"Cần --yes: {plan.destructive} tệp bị xoá hoặc ghi đè, quá --max-deletes {max_deletes}. / "
            f"Needs --yes: {plan.destructive} deletions and overwrites exceed --max-deletes {max_deletes}.")
    say("Chạy thử: không thay đổi gì. / Dry run: nothing changed.")
