"""Which files are the author's: under the app script's folder, and not an installed package, a
virtual environment inside that folder, or Loopwright's companion. Locations are named relative to
that folder, as the Log shows them (common/status.ts LogLocation)."""

from __future__ import annotations

import os
import sys
import traceback
from types import FrameType, TracebackType
from typing import Any

_app_dir: str | None = None
_excluded: tuple[str, ...] = ()
_cache: dict[str, str | None] = {}
_COMPANION_DIR = os.path.realpath(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
MAX_STACK = 16 * 1024


def set_app(app_path: str) -> None:
    """`app_path` as `streamlit run` takes it: the script, or a folder holding streamlit_app.py."""
    global _app_dir, _excluded  # noqa: PLW0603
    path = os.path.abspath(app_path)
    _app_dir = os.path.realpath(path if os.path.isdir(path) else os.path.dirname(path))
    prefixes = {os.path.realpath(p) for p in (sys.prefix, sys.base_prefix, sys.exec_prefix) if p}
    _excluded = tuple(p + os.sep for p in prefixes | {_COMPANION_DIR})
    _cache.clear()


def app_dir() -> str | None:
    return _app_dir


def relative(filename: str) -> str | None:
    """The author's file as named relative to the app folder, or None when it is not the author's."""
    known = _cache.get(filename, False)
    if known is not False:
        return known  # type: ignore[return-value]
    result: str | None = None
    if _app_dir is not None and filename and not filename.startswith("<"):
        path = os.path.realpath(os.path.abspath(filename))
        inside = path.startswith(_app_dir + os.sep)
        parts = path.split(os.sep)
        if inside and not path.startswith(_excluded) and "site-packages" not in parts and "dist-packages" not in parts:
            result = os.path.relpath(path, _app_dir)
    if len(_cache) > 10_000:
        _cache.clear()
    _cache[filename] = result
    return result


def location(filename: str | None, line: int | None) -> dict[str, Any] | None:
    if not filename or not line or line < 1:
        return None
    name = relative(filename)
    return None if name is None else {"file": name[:4096], "line": int(line)}


def frame_location(frame: FrameType | None, depth: int = 64) -> dict[str, Any] | None:
    """The innermost of the author's frames from `frame` outwards."""
    while frame is not None and depth > 0:
        found = location(frame.f_code.co_filename, frame.f_lineno)
        if found is not None:
            return found
        frame = frame.f_back
        depth -= 1
    return None


def exception_location(error: BaseException) -> dict[str, Any] | None:
    """The innermost author frame of the exception's traceback (a SyntaxError: its own line)."""
    innermost: dict[str, Any] | None = None
    for summary in traceback.extract_tb(error.__traceback__):
        found = location(summary.filename, summary.lineno)
        if found is not None:
            innermost = found
    if isinstance(error, SyntaxError) and error.filename:
        found = location(error.filename, error.lineno)
        if found is not None:
            innermost = found
    return innermost


def exception_message(error: BaseException) -> str:
    if isinstance(error, SyntaxError):
        # format_exception_only would add the file's absolute path and a caret line.
        return f"{type(error).__name__}: {error.msg}"
    return "".join(traceback.format_exception_only(type(error), error)).strip()


def trimmed_stack(error: BaseException | None, tb: TracebackType | None = None) -> str | None:
    """A traceback of the author's frames only (named relative to the app folder), then the
    exception line; None when none of the frames is the author's."""
    if error is None:
        return None
    lines: list[str] = []
    for summary in traceback.extract_tb(tb if tb is not None else error.__traceback__):
        name = relative(summary.filename)
        if name is None:
            continue
        lines.append(f'  File "{name}", line {summary.lineno}, in {summary.name}\n')
        if summary.line:
            lines.append(f"    {summary.line.strip()}\n")
    if isinstance(error, SyntaxError) and error.filename:
        name = relative(error.filename)
        if name is not None and error.lineno:
            lines.append(f'  File "{name}", line {error.lineno}\n')
            if error.text:
                lines.append(f"    {error.text.strip()}\n")
    if not lines:
        return None
    text = "Traceback (most recent call last):\n" + "".join(lines) + exception_message(error)
    return text if len(text) <= MAX_STACK else "…" + text[-(MAX_STACK - 1) :]
