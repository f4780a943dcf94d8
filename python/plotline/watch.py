"""Running ``plotline watch`` on a folder as a child process of the notebook kernel.

One watcher per folder: a process remembers the watchers it started, and a pid file in the
folder (``.plotline-watch.pid``) lets a second kernel (or a restarted one) find a watcher that
is already running there instead of starting a rival that would write the same PNGs. Watchers
this process started are stopped at interpreter exit (``atexit``); a kernel killed with SIGKILL
leaves its watcher running, and the next ``watch`` of that folder adopts it through the pid file.

The child's output goes to a log file (``Watcher.log_path``), not to the kernel's stdout, which
ipykernel would otherwise copy into whichever cell happens to run. ``watch`` returns once the
watcher printed ``watching`` (the first pass over the folder is done and changes are followed),
or raises with the end of the log when the process exits early.
"""

import atexit
import os
import signal
import subprocess
import tempfile
import threading
import warnings

from .binary import find_binary

__all__ = ["Watcher", "watch", "PID_FILE"]

PID_FILE = ".plotline-watch.pid"


def _alive(pid):
    """True when `pid` runs and (where /proc tells) is a ``plotline watch`` process."""
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    try:
        with open(f"/proc/{pid}/cmdline", "rb") as f:
            args = f.read().split(b"\0")
    except OSError:
        return True
    if any(arg.endswith(b"<defunct>") for arg in args) or args == [b""]:
        return False  # a zombie has an empty command line
    return any(os.path.basename(a).startswith(b"plotline") for a in args) and b"watch" in args


class Watcher:
    """A ``plotline watch`` process for one folder (started here, or found through its pid file)."""

    def __init__(self, folder, output, pid, process=None, log_path=None):
        self.folder = folder
        """The watched folder (absolute)."""
        self.output = output
        """The output folder for PNGs, or None (beside each input)."""
        self.pid = pid
        """The watcher's process id."""
        self.log_path = log_path
        """The file receiving the watcher's output (None for a watcher another process started)."""
        self._process = process
        self._ready = threading.Event()
        self._output_ended = False

    @property
    def owned(self):
        """True when this process started the watcher (then `stop` and exit stop it)."""
        return self._process is not None

    def running(self):
        """True while the watcher process runs."""
        if self._process is not None:
            return self._process.poll() is None
        return _alive(self.pid)

    def stop(self, timeout=5.0):
        """Stop the watcher (SIGTERM, then SIGKILL after `timeout` s) if this process started it.

        A watcher found through the pid file belongs to another process and is left running.
        """
        if self._process is None:
            return
        if self._process.poll() is None:
            self._process.send_signal(signal.SIGTERM)
            try:
                self._process.wait(timeout)
            except subprocess.TimeoutExpired:
                self._process.kill()
                self._process.wait()
        pid_file = os.path.join(self.folder, PID_FILE)
        try:
            with open(pid_file) as f:
                if f.readline().strip() == str(self.pid):
                    os.unlink(pid_file)
        except (OSError, ValueError):
            pass
        with _lock:
            if _watchers.get(self.folder) is self:
                del _watchers[self.folder]

    def log_tail(self, lines=20):
        """The last `lines` lines of the watcher's log ("" when there is none)."""
        if not self.log_path:
            return ""
        try:
            with open(self.log_path, "r", encoding="utf-8", errors="replace") as f:
                return "".join(f.readlines()[-lines:])
        except OSError:
            return ""

    def __repr__(self):
        state = "running" if self.running() else "stopped"
        origin = "" if self.owned else ", started elsewhere"
        return f"<plotline.Watcher {self.folder!r} pid {self.pid} {state}{origin}>"

    def _pump(self, stream):
        """Copy the child's output to the log file; mark ready at its 'watching' line or exit."""
        with open(self.log_path, "ab") as log:
            for line in stream:
                log.write(line)
                log.flush()
                if line.startswith(b"watching "):
                    self._ready.set()
        self._output_ended = True
        self._ready.set()


_watchers = {}
_lock = threading.Lock()


def watch(folder, output=None, *, binary=None, ready_timeout=10.0, **flags):
    """Start ``plotline watch folder [-o output]`` unless a watcher already runs for `folder`.

    `flags` become command-line options: ``debounce=100`` → ``--debounce 100``,
    ``poll=True`` → ``--poll``. Returns a Watcher; ``.stop()`` stops it, and interpreter exit
    stops every watcher this process started. A missing `folder` is created. Raises
    PlotlineNotFound when there is no binary
    and RuntimeError (with the watcher's log) when it exits at start.
    """
    folder = os.path.abspath(os.fspath(folder))
    if output is not None:
        output = os.path.abspath(os.fspath(output))
    if os.path.exists(folder) and not os.path.isdir(folder):
        raise NotADirectoryError(f"plotline.watch: {folder} is not a folder")
    os.makedirs(folder, exist_ok=True)  # a fresh run's folder: figures and logs are written into it next
    with _lock:
        current = _watchers.get(folder)
        if current is not None and current.running():
            return current
        found = _from_pid_file(folder)
        if found is not None:
            if found.output != output:
                warnings.warn(f"a plotline watcher (pid {found.pid}) already runs for {folder} "
                              f"with output {found.output or 'beside the inputs'}; using it", stacklevel=2)
            _watchers[folder] = found
            return found
        watcher = _start(folder, output, find_binary(binary), flags)
        _watchers[folder] = watcher
    # With --quiet there is no 'watching' line: only wait long enough to catch an early exit.
    if not watcher._ready.wait(min(ready_timeout, 0.3) if flags.get("quiet") else ready_timeout):
        return watcher  # a slow first pass; it keeps going in the background
    if watcher._output_ended:
        try:
            watcher._process.wait(2.0)  # its output ended: it is exiting
        except subprocess.TimeoutExpired:
            return watcher
        watcher.stop()
        raise RuntimeError(f"plotline watch {folder} exited with status {watcher._process.returncode}:\n{watcher.log_tail()}")
    return watcher


def _from_pid_file(folder):
    try:
        with open(os.path.join(folder, PID_FILE)) as f:
            pid = int(f.readline())
            output = f.readline().rstrip("\n") or None
    except (OSError, ValueError):
        return None
    if pid == os.getpid() or not _alive(pid):
        return None
    return Watcher(folder, output, pid)


def _start(folder, output, binary, flags):
    args = [binary, "watch", folder]
    if output is not None:
        os.makedirs(output, exist_ok=True)
        args += ["-o", output]
    for name, value in flags.items():
        option = "--" + name.replace("_", "-")
        if value is True:
            args.append(option)
        elif value is not False and value is not None:
            args += [option, str(value)]
    fd, log_path = tempfile.mkstemp(prefix="plotline-watch-", suffix=".log")
    os.close(fd)
    process = subprocess.Popen(args, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                               stderr=subprocess.STDOUT, close_fds=True, start_new_session=True)
    watcher = Watcher(folder, output, process.pid, process, log_path)
    threading.Thread(target=watcher._pump, args=(process.stdout,), name="plotline-watch-log", daemon=True).start()
    pid_file = os.path.join(folder, PID_FILE)
    temp = pid_file + f".{os.getpid()}.plotline-tmp"
    with open(temp, "w") as f:
        f.write(f"{process.pid}\n{output or ''}\n")
    os.replace(temp, pid_file)
    return watcher


@atexit.register
def _stop_all():
    for watcher in list(_watchers.values()):
        try:
            watcher.stop(timeout=2.0)
        except Exception:  # exiting: never raise from atexit
            pass
