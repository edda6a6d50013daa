"""Sharing a list of jobs between this process and forked copies of it, one per core.

multiprocessing's Pool was measured costing ~0.5 CPU s more than the same analyses done in one
process at 1,000 articles: its threads and pipes, every job's bytes sent to a worker, and a
parent waiting idle. Here each forked child inherits its share of the jobs (nothing is sent),
the parent works through a share of its own, and each child hands back its pickled results once,
in an unnamed temporary file. A child that dies leaves its share to the parent, done again here.
"""

from __future__ import annotations

import os
import pickle
import signal
import tempfile
from collections.abc import Callable, Sequence


def share(jobs: Sequence, work: Callable, workers: int, portable: Callable = lambda result: result) -> list:
    """[work(job) for job in jobs], computed by `workers` processes, this one included.

    A child's results travel as portable(result), pickled; this process's own stay as they are.
    """
    workers = max(1, min(workers, len(jobs)))
    mine = list(range(0, len(jobs), workers))  # this process keeps 0, n, 2n…
    children: list = []  # (pid, results file, indices), until collected
    results: list = [None] * len(jobs)
    try:
        for first in range(1, workers):
            indices = range(first, len(jobs), workers)
            try:
                children.append((*_fork(jobs, lambda job: portable(work(job)), indices), indices))
            except OSError:  # no process to be had (EAGAIN, ENOMEM): this one does that share too
                mine += indices
        for index in mine:
            results[index] = work(jobs[index])
        while children:
            pid, handed_back, indices = children[0]
            done = _collect(pid, handed_back)
            children.pop(0)
            for index, result in zip(indices, done if done is not None else [work(jobs[i]) for i in indices]):
                results[index] = result
    except BaseException:  # interrupted or failed here: the copies' work is no longer wanted
        for pid, handed_back, _ in children:
            _stop(pid, handed_back)
        raise
    return results


def _fork(jobs, work, indices):
    handed_back = tempfile.TemporaryFile()
    try:
        pid = os.fork()
    except OSError:
        handed_back.close()
        raise
    if pid == 0:  # the child: work through its share, write the results, leave without cleaning up the parent's state
        status = 1
        try:
            pickle.dump([work(jobs[index]) for index in indices], handed_back, protocol=pickle.HIGHEST_PROTOCOL)
            handed_back.flush()
            status = 0
        finally:
            os._exit(status)
    return pid, handed_back


def _stop(pid: int, handed_back) -> None:
    with handed_back:
        try:
            os.kill(pid, signal.SIGKILL)
            os.waitpid(pid, 0)
        except (ProcessLookupError, ChildProcessError):  # already gone, or already reaped
            pass


def _collect(pid: int, handed_back) -> list | None:
    with handed_back:
        _, status = os.waitpid(pid, 0)
        if not os.WIFEXITED(status) or os.WEXITSTATUS(status) != 0:
            return None
        handed_back.seek(0)
        try:
            return pickle.load(handed_back)
        except (pickle.UnpicklingError, EOFError):
            return None
