"""Waiting on a state, not for a time: poll a condition until it holds, with a deadline generous
enough for a loaded 2-core machine. A wait ends as soon as its state is there, so a generous
deadline costs nothing when all is well."""

from __future__ import annotations

import time
from typing import Callable, TypeVar

T = TypeVar("T")

DEADLINE = 60.0  # seconds


def wait_until(condition: Callable[[], T], what: str, timeout: float = DEADLINE, every: float = 0.05) -> T:
    """Poll ``condition`` every ``every`` seconds until it returns something true, and return that;
    fail the test, naming ``what`` it waited for, when ``timeout`` seconds pass first."""
    deadline = time.monotonic() + timeout
    while True:
        value = condition()
        if value:
            return value
        if time.monotonic() > deadline:
            raise AssertionError(f"waited {timeout:g} s for {what}")
        time.sleep(every)  # the pace of the poll
