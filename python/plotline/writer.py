"""The background thread that writes figures' updated arrays, so a training loop never waits for the disk.

``Figure.update`` encodes and copies the new arrays in the caller's thread (a memory copy) and
queues the figure here; this one daemon thread performs the commit (data files, then the spec,
each renamed into place) with the GIL released for the system calls. Updates that arrive while
a figure waits are merged (the newest array of each source wins), as the render queue
coalesces renders: a loop faster than the disk skips intermediate versions, never mixes them.
At interpreter exit the queue is drained.
"""

import atexit
import threading

__all__ = ["submit", "drain"]

_cond = threading.Condition()
_queue = []
_busy = [0]
_thread = None


def submit(figure):
    """Queue `figure` for a commit of its pending data (once, however often it is submitted)."""
    global _thread
    with _cond:
        if figure not in _queue:
            _queue.append(figure)
        if _thread is None or not _thread.is_alive():
            _thread = threading.Thread(target=_run, name="plotline-figure-writer", daemon=True)
            _thread.start()
        _cond.notify_all()


def _run():
    while True:
        with _cond:
            while not _queue:
                _cond.wait()
            figure = _queue.pop(0)
            _busy[0] += 1
        try:
            figure._commit_in_background()
        finally:
            with _cond:
                _busy[0] -= 1
                _cond.notify_all()


def drain(timeout=10.0):
    """Wait until every queued figure is written (at most `timeout` seconds); True when done."""
    with _cond:
        return _cond.wait_for(lambda: not _queue and not _busy[0], timeout)


atexit.register(drain)
