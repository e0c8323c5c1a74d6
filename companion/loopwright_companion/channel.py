"""The control channel to Loopwright: newline-delimited JSON over the Unix socket the host listens on
(main/core/streamlit/companion-protocol.ts is the contract).

Any thread may send (script threads, fragment workers, the server's event loop): a message is
encoded on the caller's thread and queued; one writer thread writes the queue in order, so a slow
reader never blocks the author's script. `send(..., wait=seconds)` waits, bounded, until that
message is written: run-end uses it so it reaches the socket before Streamlit enqueues the run's
script_finished message for the browser. One reader thread parses what the host sends and hands
each message to the handler for its `t`; when the socket ends (Loopwright is gone), `on_close` runs.
"""

from __future__ import annotations

import json
import socket
import threading
import time
from collections import deque
from collections.abc import Callable
from typing import Any

# Past this many bytes waiting for the host, logs and callback reports are dropped (and counted)
# rather than growing without bound; past the hard cap everything is.
DROPPABLE_BACKLOG = 32 * 1024 * 1024
HARD_BACKLOG = 512 * 1024 * 1024


class Channel:
    def __init__(self, sock: socket.socket, on_close: Callable[[str], None] | None = None) -> None:
        self._sock = sock
        self._on_close = on_close
        self._cond = threading.Condition()
        self._queue: deque[tuple[bytes, threading.Event | None]] = deque()
        self._backlog = 0
        self._dropped = 0
        self._closed = False
        self._close_reported = False
        self._handlers: dict[str, Callable[[dict[str, Any]], None]] = {}
        self._writer = threading.Thread(target=self._write_loop, name="loopwright-companion-writer", daemon=True)
        self._reader = threading.Thread(target=self._read_loop, name="loopwright-companion-reader", daemon=True)
        self._writer.start()

    @classmethod
    def connect(cls, path: str, on_close: Callable[[str], None] | None = None, timeout: float = 10.0) -> Channel:
        sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        sock.settimeout(timeout)
        sock.connect(path)
        sock.settimeout(None)
        return cls(sock, on_close)

    @property
    def closed(self) -> bool:
        return self._closed

    def on(self, kind: str, handler: Callable[[dict[str, Any]], None]) -> None:
        """Route the host's messages of type `kind` to `handler` (called on the reader thread)."""
        self._handlers[kind] = handler

    def start_reading(self) -> None:
        if not self._reader.is_alive():
            self._reader.start()

    def send(self, message: dict[str, Any], *, wait: float | None = None, droppable: bool = False) -> bool:
        """Queue one message; with `wait`, block up to that many seconds until it is written.
        Returns whether it was queued (and, with `wait`, written in time)."""
        line = (json.dumps(message, ensure_ascii=True, allow_nan=False, separators=(",", ":")) + "\n").encode("ascii")
        written = threading.Event() if wait is not None else None
        with self._cond:
            if self._closed:
                return False
            limit = DROPPABLE_BACKLOG if droppable else HARD_BACKLOG
            if self._backlog + len(line) > limit:
                self._dropped += 1
                return False
            self._queue.append((line, written))
            self._backlog += len(line)
            self._cond.notify()
        if written is None:
            return True
        return written.wait(wait)

    def take_dropped(self) -> int:
        """How many messages were dropped since the last call (for one warning saying so)."""
        with self._cond:
            dropped, self._dropped = self._dropped, 0
            return dropped

    def flush(self, timeout: float = 2.0) -> bool:
        """Wait until everything queued so far is written (bounded)."""
        deadline = time.monotonic() + timeout
        with self._cond:
            while self._queue and not self._closed:
                remaining = deadline - time.monotonic()
                if remaining <= 0:
                    return False
                self._cond.wait(remaining)
            return not self._queue

    def close(self, reason: str = "closed by the companion") -> None:
        self._shutdown(reason, notify=False)

    def _shutdown(self, reason: str, notify: bool = True) -> None:
        with self._cond:
            if self._closed:
                return
            self._closed = True
            pending = list(self._queue)
            self._queue.clear()
            self._backlog = 0
            self._cond.notify_all()
        for _, written in pending:
            if written is not None:
                written.set()
        try:
            self._sock.shutdown(socket.SHUT_RDWR)
        except OSError:
            pass
        try:
            self._sock.close()
        except OSError:
            pass
        if notify and self._on_close is not None and not self._close_reported:
            self._close_reported = True
            self._on_close(reason)

    def _write_loop(self) -> None:
        while True:
            with self._cond:
                while not self._queue and not self._closed:
                    self._cond.wait()
                if self._closed:
                    return
                line, written = self._queue[0]
            try:
                self._sock.sendall(line)
            except OSError as error:
                self._shutdown(f"the control socket failed while writing: {error}")
                return
            with self._cond:
                if self._queue and self._queue[0][0] is line:
                    self._queue.popleft()
                    self._backlog -= len(line)
                self._cond.notify_all()
            if written is not None:
                written.set()

    def _read_loop(self) -> None:
        try:
            stream = self._sock.makefile("rb")
            while True:
                line = stream.readline()
                if not line:
                    break
                if not line.strip():
                    continue
                try:
                    message = json.loads(line)
                except ValueError:
                    continue
                if not isinstance(message, dict):
                    continue
                handler = self._handlers.get(message.get("t"))  # type: ignore[arg-type]
                if handler is None:
                    continue
                try:
                    handler(message)
                except Exception:  # noqa: BLE001 - a bad message must not end the channel
                    from loopwright_companion import guard

                    guard.internal_error("host message", f"handling a {message.get('t')!r} message")
        except OSError:
            pass
        self._shutdown("the control socket closed (Loopwright is gone)")


_current: Channel | None = None


def set_current(channel: Channel | None) -> None:
    global _current  # noqa: PLW0603
    _current = channel


def current() -> Channel | None:
    return _current


def send(message: dict[str, Any], *, wait: float | None = None, droppable: bool = False) -> bool:
    channel = _current
    if channel is None:
        return False
    try:
        return channel.send(message, wait=wait, droppable=droppable)
    except (ValueError, TypeError):
        # Not encodable (a value slipped through unchecked): say so rather than lose it silently.
        from loopwright_companion import guard

        guard.internal_error("channel", f"encoding a {message.get('t')!r} message")
        return False


def now_ms() -> float:
    return time.time() * 1000.0
