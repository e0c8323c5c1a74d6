"""print, logging and uncaught exceptions of the author's code, to the Log.

- print: sys.stdout and sys.stderr become tees that still write everything to the real stream;
  what a thread with a ScriptRunContext writes (the script, its callbacks, fragments, threads the
  author attached) is sent line by line. Lines a logging handler writes are logging's, not prints.
- logging: `logging.Logger.callHandlers` is wrapped rather than a handler added to the root
  logger: a root handler would turn the author's `logging.basicConfig(...)` into a no-op and
  silence logging's last-resort output. Every record a logger hands to its handlers is seen once,
  except Streamlit's own loggers (those streamlit.logger.get_logger made, "streamlit.*") and its
  server's and file watcher's (uvicorn, starlette, websockets, tornado, watchdog).
- exceptions: `streamlit.error_util._log_uncaught_app_exception`, which Streamlit calls for every
  uncaught exception of the script, a callback or a fragment before showing it in the app.
"""

from __future__ import annotations

import logging
import os
import sys
import threading
from collections import deque
from typing import Any

from loopwright_companion import authors, channel, guard
from loopwright_companion.context import script_ctx, session_of_thread

LONG_TEXT = 64 * 1024
# Streamlit's own loggers, and its server's and file watcher's (uvicorn, starlette, websockets in
# 1.5x+, tornado before): not the author's code.
_SKIPPED_LOGGER_PREFIXES = ("streamlit", "loopwright", "uvicorn", "starlette", "websockets", "tornado", "watchdog")


class _ThreadLog(threading.local):
    def __init__(self) -> None:
        self.suppress = 0
        self.in_logging = 0
        self.buffers: dict[int, list[str]] = {}


_local = _ThreadLog()
_reported: deque[BaseException] = deque(maxlen=16)
_reported_lock = threading.Lock()
_streamlit_loggers: dict[str, Any] = {}
_logging_codes: set[Any] = set()


def _log(session: str | None, level: str, source: str, message: str, location: Any = None, stack: str | None = None, droppable: bool = True) -> None:
    channel.send(
        {
            "t": "log",
            "session": session,
            "level": level,
            "source": source,
            "message": message if len(message) <= LONG_TEXT else message[: LONG_TEXT - 1] + "…",
            "location": location,
            "stack": stack,
        },
        droppable=droppable,
    )


# ---------------------------------------------------------------- print


class Tee:
    """A text stream that writes through to `real` and reports the script threads' lines."""

    def __init__(self, real: Any, level: str) -> None:
        self._real = real
        self._level = level

    def write(self, text: str) -> Any:
        result = self._real.write(text)
        if text and _local.suppress == 0 and isinstance(text, str):
            ctx = script_ctx()
            if ctx is not None:
                try:
                    caller = sys._getframe(1)
                    if caller.f_code not in _logging_codes:
                        self._capture(ctx, text, caller)
                except Exception:  # noqa: BLE001
                    guard.internal_error("print", "reading a print")
        return result

    def writelines(self, lines: Any) -> None:
        for line in lines:
            self.write(line)

    def flush(self) -> Any:
        return self._real.flush()

    def __getattr__(self, name: str) -> Any:
        return getattr(self._real, name)

    def _capture(self, ctx: Any, text: str, caller: Any) -> None:
        buffer = _local.buffers.setdefault(id(self), [])
        cut = text.rfind("\n")
        if cut < 0:
            buffer.append(text)
            if sum(len(part) for part in buffer) < LONG_TEXT:
                return
            line, rest = "".join(buffer), ""
        else:
            buffer.append(text[:cut])
            line, rest = "".join(buffer), text[cut + 1 :]
        buffer.clear()
        if rest:
            buffer.append(rest)
        session = getattr(ctx, "session_id", None)
        _log(session if isinstance(session, str) else None, self._level, "print", line, authors.frame_location(caller))

    def flush_thread(self) -> None:
        buffer = _local.buffers.pop(id(self), None)
        if buffer:
            text = "".join(buffer)
            if text:
                _log(session_of_thread(), self._level, "print", text)


_tees: list[Tee] = []


def flush_thread() -> None:
    """Send what this thread printed without a final newline (at the end of a run)."""
    for tee in _tees:
        try:
            tee.flush_thread()
        except Exception:  # noqa: BLE001
            guard.internal_error("print", "flushing a print")


def install_tees() -> None:
    for name, level in (("stdout", "info"), ("stderr", "warn")):
        real = getattr(sys, name, None)
        if real is None or isinstance(real, Tee):
            continue
        tee = Tee(real, level)
        _tees.append(tee)
        setattr(sys, name, tee)


def uninstall_tees() -> None:
    for tee in _tees:
        for name in ("stdout", "stderr"):
            if getattr(sys, name, None) is tee:
                setattr(sys, name, tee._real)
    _tees.clear()


# ---------------------------------------------------------------- logging

_LEVELS = ((logging.ERROR, "error"), (logging.WARNING, "warn"))


def _skipped(name: str) -> bool:
    root = name.split(".", 1)[0]
    return root in _SKIPPED_LOGGER_PREFIXES or name in _streamlit_loggers


def capture_record(record: logging.LogRecord) -> None:
    if _local.in_logging or _local.suppress or _skipped(record.name):
        return
    _local.in_logging += 1
    try:
        level = next((label for threshold, label in _LEVELS if record.levelno >= threshold), "info")
        try:
            message = record.getMessage()
        except Exception:  # noqa: BLE001 - bad %-arguments: logging itself would report them
            message = str(record.msg)
        stack = None
        if record.exc_info and record.exc_info[1] is not None:
            error = record.exc_info[1]
            stack = authors.trimmed_stack(error, record.exc_info[2])
            if stack is None:
                message = f"{message}\n{authors.exception_message(error)}"
        _log(session_of_thread(), level, "logging", message, authors.location(record.pathname, record.lineno), stack)
    finally:
        _local.in_logging -= 1


def install_logging() -> None:
    try:
        from streamlit import logger as streamlit_logger

        global _streamlit_loggers  # noqa: PLW0603
        loggers = getattr(streamlit_logger, "_loggers", None)
        if isinstance(loggers, dict):
            _streamlit_loggers = loggers  # the live dict: loggers Streamlit makes later count too
    except Exception:  # noqa: BLE001
        pass
    _logging_codes.add(logging.StreamHandler.emit.__code__)

    def make(original: Any) -> Any:
        def callHandlers(self: logging.Logger, record: logging.LogRecord) -> Any:  # noqa: N802
            try:
                return original(self, record)
            finally:
                try:
                    capture_record(record)
                except Exception:  # noqa: BLE001
                    guard.internal_error("logging", "reading a log record")

        return callHandlers

    guard.wrap(logging.Logger, "callHandlers", "show logging records", make)


# ---------------------------------------------------------------- exceptions


def report_exception(error: BaseException, session: str | None = None) -> None:
    """One `log` line for an uncaught exception (each exception once)."""
    with _reported_lock:
        if any(seen is error for seen in _reported):
            return
        _reported.append(error)
    _log(
        session if session is not None else session_of_thread(),
        "error",
        "exception",
        authors.exception_message(error),
        authors.exception_location(error),
        authors.trimmed_stack(error),
        droppable=False,
    )


_PACKAGE_DIR = os.path.dirname(os.path.abspath(__file__)) + os.sep


def _ours(tb: Any) -> bool:
    return tb.tb_frame.f_code.co_filename.startswith(_PACKAGE_DIR)


def strip_companion_frames(error: BaseException) -> None:
    """Take the companion's own frames (a callback passed through its timing wrapper) out of the
    exception's traceback, so Streamlit shows and logs the traceback it would show without it."""
    seen: set[int] = set()
    while error is not None and id(error) not in seen:
        seen.add(id(error))
        head = error.__traceback__
        while head is not None and _ours(head):
            head = head.tb_next
        current = head
        while current is not None:
            following = current.tb_next
            while following is not None and _ours(following):
                following = following.tb_next
            current.tb_next = following
            current = following
        if head is not error.__traceback__:
            error.__traceback__ = head
        error = error.__cause__ or error.__context__  # type: ignore[assignment]


def install_exceptions() -> None:
    from streamlit import error_util

    def make(original: Any) -> Any:
        def hook(error: Any, *args: Any, **kwargs: Any) -> Any:
            try:
                if isinstance(error, BaseException):
                    strip_companion_frames(error)
                    report_exception(error)
            except Exception:  # noqa: BLE001
                guard.internal_error("exceptions", "reporting an uncaught exception")
            # Streamlit's own console output of it (rich prints directly) is not a print of the app.
            _local.suppress += 1
            try:
                return original(error, *args, **kwargs)
            finally:
                _local.suppress -= 1

        return hook

    if callable(getattr(error_util, "_log_uncaught_app_exception", None)):
        guard.wrap(error_util, "_log_uncaught_app_exception", "show uncaught exceptions", make)
        return
    # Older layouts: wrap the public handlers where the script runner and fragments call them.
    wrapped_any = False
    targets = [error_util]
    for module_name in ("streamlit.runtime.scriptrunner.exec_code", "streamlit.runtime.scriptrunner.script_runner", "streamlit.runtime.fragment"):
        module = sys.modules.get(module_name)
        if module is None:
            try:
                module = __import__(module_name, fromlist=["_"])
            except Exception:  # noqa: BLE001
                module = None
        if module is not None:
            targets.append(module)
    for name in ("handle_user_script_exception", "handle_uncaught_app_exception"):
        original = getattr(error_util, name, None)
        if not callable(original):
            continue
        for module in targets:
            if getattr(module, name, None) is original:
                guard.wrap(module, name, "show uncaught exceptions", make)
                wrapped_any = True
    if not wrapped_any:
        guard.disable("show uncaught exceptions", "streamlit.error_util has no uncaught-exception handler to hook")


def install() -> None:
    install_tees()
    install_logging()
    install_exceptions()
