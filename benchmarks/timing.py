"""`best_of`: the timing rule that every benchmark script here follows."""

from __future__ import annotations

import time
from collections.abc import Callable


def best_of(action: Callable[[], object], runs: int = 5) -> float:
    """Seconds of the fastest of *runs* timed calls of *action*, after one untimed warm-up.

    The warm-up fills caches and builds what is built lazily; the minimum is the run least
    disturbed by the rest of the machine.
    """
    action()
    best = float("inf")
    for _ in range(runs):
        start = time.perf_counter()
        action()
        best = min(best, time.perf_counter() - start)
    return best
