"""Many decision PDFs: rendered here, or in worker processes when there are enough of them to be worth
starting those (reportlab is pure Python under the GIL, so threads would not help; processes use every core).

Plain data in, bytes out, in the order given: the caller reads the sheets and writes the files.
"""

from __future__ import annotations

import os
from collections import deque
from collections.abc import Iterable, Iterator
from typing import TypeVar

from ..domain.sheet import DecisionSheet

K = TypeVar("K")

# Below this many PDFs one process is as quick: a worker process takes about half a second to start
# (Python, reportlab and the fonts), the time of some 25 PDFs.
POOL_FROM = 80
MAX_WORKERS = 4


def worker_count(total: int) -> int:
    """How many processes to render `total` PDFs with: 1 (this one) for a few, else one per core."""
    if total < POOL_FROM:
        return 1
    try:
        cores = len(os.sched_getaffinity(0))
    except AttributeError:  # Windows, macOS
        cores = os.cpu_count() or 1
    return max(1, min(cores, MAX_WORKERS))


def render_decisions(items: Iterable[tuple[K, DecisionSheet]], workers: int = 1) -> Iterator[tuple[K, bytes]]:
    """(key, PDF) for each (key, sheet), in the same order. With workers > 1 the sheets are rendered in that
    many processes, a few ahead of the one being handed back; `items` is read only as far as needed, so it
    may read the sheets lazily. Closing the iterator early (a cancelled batch) stops the workers: the PDFs
    still being made are dropped. Should the workers fail to start or die (killed, or a program whose main
    module they cannot import), this process renders the rest itself."""
    from .decision import render_decision_pdf

    if workers <= 1:
        for key, sheet in items:
            yield key, render_decision_pdf(sheet)
        return

    import multiprocessing
    from concurrent.futures import Future, ProcessPoolExecutor
    from concurrent.futures.process import BrokenProcessPool

    def take(key: K, sheet: DecisionSheet, future: Future | None) -> tuple[K, bytes]:
        if future is not None:
            try:
                return key, future.result()
            except BrokenProcessPool:  # a worker could not start or was killed: this process does the rest
                pass
        return key, render_decision_pdf(sheet)

    # spawn, never fork: the parent may be the Qt app with threads and open database connections.
    pool = ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("spawn"), initializer=_start_worker)
    pending: deque[tuple[K, DecisionSheet, Future | None]] = deque()
    try:
        for key, sheet in items:
            try:
                future = pool.submit(render_decision_pdf, sheet)
            except BrokenProcessPool:
                future = None
            pending.append((key, sheet, future))
            if len(pending) >= 2 * workers:  # enough queued to keep every worker busy
                yield take(*pending.popleft())
        while pending:
            yield take(*pending.popleft())
    finally:
        for *_, future in pending:
            if future is not None:
                future.cancel()
        pool.shutdown(wait=True, cancel_futures=True)


def _start_worker() -> None:
    """In each worker: Ctrl+C in a terminal is for the parent, which stops the batch cleanly and ends the
    workers; load reportlab and the fonts before the first sheet arrives."""
    import signal

    signal.signal(signal.SIGINT, signal.SIG_IGN)
    from .decision import _styles

    _styles()
