"""The component sources a run read, so saving one reruns the app as saving app.py does.

Streamlit reruns on a save of the script or a module it imports (runOnSave), and watches the
asset_dir of components declared in an installed package's pyproject.toml, but only to update its
registry: the browser sees the change on the next rerun. A script that reads its component's
js/css/html from files (`js=Path("stars.js").read_text()`) is not watched at all. This module
notes which such files a run opened and when Streamlit's component watcher saw a change; the host
watches the files and asks for a rerun either way.
"""

from __future__ import annotations

import builtins
import io
import os
import threading
from typing import Any

from loopwright_companion import authors, channel, guard
from loopwright_companion.context import script_ctx

#: What a component is made of; .py files are Streamlit's own to watch.
SOURCE_SUFFIXES = (".js", ".mjs", ".cjs", ".css", ".html", ".htm")
MAX_SOURCES = 200


class _Reads(threading.local):
    def __init__(self) -> None:
        self.paths: set[str] | None = None


_reads = _Reads()


def begin_run() -> None:
    _reads.paths = set()


def end_run() -> list[str]:
    paths = sorted(_reads.paths or ())[:MAX_SOURCES]
    _reads.paths = None
    return paths


def _note(file: Any, mode: Any) -> None:
    if _reads.paths is None or script_ctx() is None:
        return
    if not isinstance(mode, str) or any(flag in mode for flag in "wax+"):
        return
    try:
        path = os.path.realpath(os.fspath(file))
    except TypeError:
        return  # a file descriptor
    if not path.endswith(SOURCE_SUFFIXES) or authors.relative(path) is None:
        return
    _reads.paths.add(path)


def _make_open(original: Any) -> Any:
    def open(file: Any, mode: str = "r", *args: Any, **kwargs: Any) -> Any:  # noqa: A001 - it is open
        try:
            _note(file, mode)
        except Exception:  # noqa: BLE001
            guard.internal_error("component sources", "noting a file the script read")
        return original(file, mode, *args, **kwargs)

    open.__wrapped__ = original  # type: ignore[attr-defined]
    return open


def install() -> None:
    # pathlib's read_text calls io.open; a plain open() is builtins.open: the same function, two names.
    original = io.open
    wrapped = _make_open(original)
    io.open = wrapped
    if builtins.open is original:
        builtins.open = wrapped
    _watch_component_assets()


def _watch_component_assets() -> None:
    from streamlit.components.v2.component_manager import BidiComponentManager

    def make(original: Any) -> Any:
        def _on_components_changed(self: Any, component_names: list[str], *args: Any, **kwargs: Any) -> Any:
            result = original(self, component_names, *args, **kwargs)
            try:
                names = [str(name)[:200] for name in component_names][:50]
                channel.send({"t": "components-changed", "names": names})
            except Exception:  # noqa: BLE001
                guard.internal_error("component sources", "reporting a component's changed files")
            return result

        return _on_components_changed

    guard.wrap(BidiComponentManager, "_on_components_changed", "rerun when a component's asset_dir changes", make)
