"""Polling until a condition holds, for tests that watch files change (the watcher, arrays)."""

import time


def wait_for(condition, timeout=15.0):
    """The first truthy value of `condition()` within `timeout` seconds, else its last value."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = condition()
        if value:
            return value
        time.sleep(0.05)
    return condition()
