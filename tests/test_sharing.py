"""Jobs shared between this process and forked copies: every result, in order, even when a copy dies."""

from __future__ import annotations

import os

import pytest

from newsroom.analysis.sharing import share


def test_results_come_back_in_order_from_every_process():
    parent = os.getpid()
    results = share(list(range(11)), lambda n: (n * n, os.getpid() == parent), workers=3)
    assert [square for square, _ in results] == [n * n for n in range(11)]
    assert {here for _, here in results} == {True, False}, "the parent and its copies both worked"


def test_only_what_a_copy_hands_back_is_made_portable():
    results = share(list(range(6)), lambda n: [n], workers=2, portable=tuple)
    assert results == [[0], (1,), [2], (3,), [4], (5,)]


def test_the_share_of_a_copy_that_fails_is_done_by_the_parent(capfd):
    parent = os.getpid()

    def work(n):
        if os.getpid() != parent:
            raise RuntimeError("a copy failing (killed, out of memory, a bug)")
        return n + 100

    assert share(list(range(7)), work, workers=3) == [n + 100 for n in range(7)]
    assert "Traceback" not in capfd.readouterr().err


def test_fewer_jobs_than_workers():
    assert share([5], lambda n: n, workers=8) == [5]
    assert share([], lambda n: n, workers=8) == []


def test_a_failure_here_stops_the_copies_and_is_raised(monkeypatch):
    parent, forked = os.getpid(), []
    real_fork = os.fork

    def fork():
        pid = real_fork()
        forked.append(pid)
        return pid

    monkeypatch.setattr(os, "fork", fork)

    def work(n):
        if os.getpid() == parent:
            raise ValueError("the parent's own share fails")
        return n

    with pytest.raises(ValueError):
        share(list(range(6)), work, workers=3)
    assert len(forked) == 2
    for pid in forked:
        with pytest.raises(ChildProcessError):  # stopped and reaped: nothing left behind
            os.waitpid(pid, os.WNOHANG)


def test_without_a_process_to_fork_this_one_does_all_the_work(monkeypatch):
    def no_fork():
        raise BlockingIOError("fork: Resource temporarily unavailable")

    monkeypatch.setattr(os, "fork", no_fork)
    assert share(list(range(7)), lambda n: n * 3, workers=4) == [n * 3 for n in range(7)]
