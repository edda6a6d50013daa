"""One publish of a built site to a list of destinations, each fully updated before the next."""

from __future__ import annotations

import json
from pathlib import Path

from newsroom.settings import portal

from .base import Destination, PublishError
from .files import BUILD_NOTES, scan_site
from .log import PublishLog
from .plan import Plan
from .redirects import dropped_urls, page_urls, pages_for

STYLESHEET = "theme/css/site.css"


def built_sources(site: Path) -> dict[str, str]:
    """URL -> source file of each article and page, as the build noted them."""
    notes = site / BUILD_NOTES
    if not notes.is_file():
        return {}
    return json.loads(notes.read_text(encoding="utf-8"))


def plan_for(destination: Destination, site: Path, log: PublishLog, settings: dict) -> Plan:
    files = scan_site(site)
    sources = built_sources(site)
    listing = destination.listing()
    remembered = log.remembered(destination.label)
    dropped = dropped_urls(remembered, listing, files, sources)
    stylesheet = STYLESHEET if STYLESHEET in files else None
    files.update(pages_for(dropped, settings["SITEURL"], settings["SITENAME"], stylesheet,
                           portal(settings).addresses.direct["archives"].url))
    added, changed, extra = destination.differences(files, listing)
    unchanged = len(files) - len(added) - len(changed)
    plan = Plan(destination.label, files, added, changed, extra, unchanged, dropped)
    # What the log remembers after this publish: every URL the destination answers, and its article.
    plan.pages = {url: remembered.get(url, "") for url in dropped}
    plan.pages.update({url: sources.get(url, "") for url in page_urls(files) if url not in dropped})
    return plan


def publish(site: Path, destinations: list[Destination], log: PublishLog, settings: dict, *,
            dry_run: bool = False, max_deletes: int = 100, confirmed: bool = False, say=print, warn=print) -> int:
    for destination in destinations:
        try:
            plan = plan_for(destination, site, log, settings)
            lines = plan.describe()
            if dry_run:
                for line in lines:
                    say(line)
                if len(plan.deleted) > max_deletes and not confirmed:
                    say(f"Cần --yes: {len(plan.deleted)} tệp bị xoá, quá --max-deletes {max_deletes}. / "
                        f"Needs --yes: {len(plan.deleted)} deletions exceed --max-deletes {max_deletes}.")
                say("Chạy thử: không thay đổi gì. / Dry run: nothing changed.")
                continue
            for line in lines[:1] + [line for line in lines if "/ redirect:" in line or "/ removal notice:" in line]:
                say(line)
            if len(plan.deleted) > max_deletes and not confirmed:
                warn(f"{destination.label}: lỗi: sẽ xoá {len(plan.deleted)} tệp, quá giới hạn {max_deletes}; "
                     f"xem bằng --dry-run rồi xác nhận bằng --yes / error: {len(plan.deleted)} deletions exceed "
                     f"--max-deletes {max_deletes}; review with --dry-run, confirm with --yes")
                log.append(destination=destination.label, status="refused", added=len(plan.added),
                           changed=len(plan.changed), deleted=len(plan.deleted), bytes=plan.bytes_to_send,
                           error="too many deletions")
                return 1
            _carry_out(destination, plan)
        except (PublishError, OSError) as failure:
            if isinstance(failure, OSError):  # the publishing machine itself: a full disk, a vanished build
                failure = PublishError(f"{failure.filename or destination.label}: lỗi: không đọc/ghi được tệp ({failure.strerror}) / "
                                       f"error: could not read or write: {failure.strerror}")
            warn(str(failure))
            log.append(destination=destination.label, status="failed", error=str(failure))
            warn(f"{destination.label}: xuất bản chưa xong; chạy lại để hoàn tất. / publish incomplete; run it again to finish.")
            return 1
        finally:
            destination.close()
        entry = log.append(destination=destination.label, status="ok", added=len(plan.added), changed=len(plan.changed),
                           deleted=len(plan.deleted), unchanged=plan.unchanged, bytes=plan.bytes_to_send,
                           redirects=len(plan.dropped), sent=sorted(plan.added + plan.changed), pages=plan.pages)
        say(f"Đã xuất bản / published {entry['time']}: {plan.summary()}")
    return 0


def _carry_out(destination: Destination, plan: Plan) -> None:
    destination.begin(plan)
    for _kind, paths in plan.groups():
        destination.upload(paths, plan.files)
    destination.delete(plan.deleted)
    destination.commit()
