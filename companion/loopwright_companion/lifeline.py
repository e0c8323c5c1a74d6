"""Nothing Loopwright starts outlives it: the process ends when the control socket closes or when
the parent process (Loopwright) dies.

Ending first asks Streamlit to stop as Ctrl+C would (SIGTERM: its handler stops the server, the
author's `finally` blocks and atexit handlers run); whatever is still running GRACE seconds later
(a script stuck in a loop, a non-daemon thread) is cut short with os._exit.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import os
import signal
import sys
import threading
import time

GRACE = 2.0
PARENT_POLL = 0.5

_ending = threading.Event()


def end(reason: str, code: int = 0) -> None:
    """End this process promptly (idempotent; callable from any thread)."""
    if _ending.is_set():
        return
    _ending.set()
    try:
        sys.__stderr__.write(f"loopwright companion: {reason}; stopping Streamlit.\n")  # type: ignore[union-attr]
        sys.__stderr__.flush()  # type: ignore[union-attr]
    except Exception:  # noqa: BLE001
        pass
    killer = threading.Thread(target=_force, args=(code,), name="loopwright-companion-exit", daemon=True)
    killer.start()
    try:
        os.kill(os.getpid(), signal.SIGTERM)
    except Exception:  # noqa: BLE001
        os._exit(code)


def _force(code: int) -> None:
    time.sleep(GRACE)
    os._exit(code)


def die_with_parent() -> None:
    """SIGTERM when the parent dies (Linux: PR_SET_PDEATHSIG), and a poll of the parent's pid
    everywhere (the parent changes to init or a subreaper when it dies)."""
    parent = os.getppid()
    if sys.platform.startswith("linux"):
        try:
            libc = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6", use_errno=True)
            pr_set_pdeathsig = 1
            libc.prctl(pr_set_pdeathsig, signal.SIGTERM, 0, 0, 0)
        except Exception:  # noqa: BLE001 - the poll below still covers it
            pass

    def watch() -> None:
        while not _ending.is_set():
            if os.getppid() != parent:
                end("Loopwright (the parent process) is gone")
                return
            time.sleep(PARENT_POLL)

    if os.getppid() != parent:
        end("Loopwright (the parent process) is gone")
        return
    threading.Thread(target=watch, name="loopwright-companion-parent", daemon=True).start()
