"""Shared by the companion's tests: the companion on sys.path, a recorder standing in for the host
(the real Channel over a socketpair), and temporary apps.

When LOOPWRIGHT_COMPANION_MESSAGES_OUT names a file, every message the recorders receive is
appended to it (one JSON per line): tests/streamlit/companion.test.ts validates them against
CompanionMessageSchema, the contract in main/core/streamlit/companion-protocol.ts.
"""

from __future__ import annotations

import json
import os
import shutil
import socket
import sys
import tempfile
import textwrap
import threading
import time
from typing import Any, Callable

COMPANION_DIR = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
if COMPANION_DIR not in sys.path:
    sys.path.insert(0, COMPANION_DIR)

from loopwright_companion import channel, hooks, snapshot  # noqa: E402

APPTEST_SESSION = "test session id"  # LocalScriptRunner's session id
_dump_lock = threading.Lock()


def dump(message: dict[str, Any]) -> None:
    path = os.environ.get("LOOPWRIGHT_COMPANION_MESSAGES_OUT")
    if not path:
        return
    with _dump_lock, open(path, "a", encoding="utf-8") as out:
        out.write(json.dumps(message) + "\n")


class Recorder:
    """The host's end of a control channel: collects what the companion sends, sends it requests."""

    def __init__(self, sock: socket.socket) -> None:
        self.sock = sock
        self.messages: list[dict[str, Any]] = []
        self.raw_lines: list[bytes] = []
        self._cond = threading.Condition()
        self.closed = False
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self) -> None:
        stream = self.sock.makefile("rb")
        try:
            for line in stream:
                message = json.loads(line)
                dump(message)
                with self._cond:
                    self.raw_lines.append(line)
                    self.messages.append(message)
                    self._cond.notify_all()
        except (OSError, ValueError):
            pass
        with self._cond:
            self.closed = True
            self._cond.notify_all()

    def send(self, message: dict[str, Any]) -> None:
        self.sock.sendall((json.dumps(message) + "\n").encode("utf-8"))

    def clear(self) -> None:
        with self._cond:
            self.messages.clear()

    def of(self, kind: str, **match: Any) -> list[dict[str, Any]]:
        with self._cond:
            return [m for m in self.messages if m.get("t") == kind and all(m.get(k) == v for k, v in match.items())]

    def wait_for(self, predicate: Callable[[list[dict[str, Any]]], Any], timeout: float = 10.0) -> Any:
        deadline = time.monotonic() + timeout
        with self._cond:
            while True:
                result = predicate(self.messages)
                if result:
                    return result
                remaining = deadline - time.monotonic()
                if remaining <= 0:
                    kinds = [m.get("t") for m in self.messages]
                    raise AssertionError(f"timed out; received {kinds}")
                # Polled too: a predicate may watch state other than the messages.
                self._cond.wait(min(remaining, 0.05))

    def wait_count(self, kind: str, count: int, timeout: float = 10.0, **match: Any) -> list[dict[str, Any]]:
        def enough(messages: list[dict[str, Any]]) -> list[dict[str, Any]] | None:
            found = [m for m in messages if m.get("t") == kind and all(m.get(k) == v for k, v in match.items())]
            return found if len(found) >= count else None

        return self.wait_for(enough, timeout)


class CompanionHarness:
    """The companion installed in this process (once; each harness swaps in a fresh channel)."""

    def __init__(self, app_source: str, extra_files: dict[str, str] | None = None) -> None:
        self.dir = os.path.realpath(tempfile.mkdtemp(prefix="lw-companion-"))
        self.app = os.path.join(self.dir, "app.py")
        with open(self.app, "w", encoding="utf-8") as out:
            out.write(textwrap.dedent(app_source))
        for name, source in (extra_files or {}).items():
            path = os.path.join(self.dir, name)
            os.makedirs(os.path.dirname(path), exist_ok=True)
            with open(path, "w", encoding="utf-8") as out:
                out.write(textwrap.dedent(source))
        ours, theirs = socket.socketpair()
        self.closed_reasons: list[str] = []
        self.channel = channel.Channel(ours, on_close=self.closed_reasons.append)
        self.host = Recorder(theirs)
        hooks.install(self.channel, self.app)
        self.channel.start_reading()
        snapshot.forget(APPTEST_SESSION)

    def apptest(self) -> Any:
        from streamlit.testing.v1 import AppTest

        return AppTest.from_file(self.app, default_timeout=10)

    def last_run_end(self, count: int) -> dict[str, Any]:
        return self.host.wait_count("run-end", count)[count - 1]

    def close(self) -> None:
        self.channel.close()
        channel.set_current(None)
        try:
            self.host.sock.close()
        except OSError:
            pass
        shutil.rmtree(self.dir, ignore_errors=True)


def entries_by_key(run_end: dict[str, Any]) -> dict[str, dict[str, Any]]:
    return {entry["key"]: entry for entry in run_end["entries"]}
