"""Corrections, withdrawals and revoked honours: glue only; the rules are in newsroom.site.corrections."""

from __future__ import annotations

import logging

from pelican import signals

from newsroom.site.corrections import mark_revoked, metadata_line, withdraw

logger = logging.getLogger("pelican.plugins.newsroom_corrections")  # under "pelican": the build reports it


def read_corrections(content) -> None:
    # Incomplete corrections and withdrawals are refused by the check (newsroom.site.corrections.check_corrections).
    withdraw(content)


def mark_revoked_honours(generators) -> None:
    for generator in generators:
        articles = getattr(generator, "articles", None)
        if articles is None or not hasattr(generator, "hidden_articles"):
            continue
        for article, revocation in mark_revoked(articles):
            # An error fails the build (sitebuild makes Pelican's errors fatal): the editor meant something.
            logger.error('%s:%d: lỗi: "Revoked: %s" không khớp lượt khen thưởng nào trong bài / '
                         'error: "Revoked: %s" names no honour of this article', article.source_path,
                         metadata_line(article.source_path, "Revoked"), revocation.text, revocation.text)


def connect() -> None:
    signals.content_object_init.connect(read_corrections)
    signals.all_generators_finalized.connect(mark_revoked_honours)
