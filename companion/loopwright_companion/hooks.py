"""Installs the companion into this process: every hook, each on its own (one that cannot be
installed on this Streamlit disables its feature with one warning; the others still work)."""

from __future__ import annotations

import base64
import importlib.metadata
import platform
from typing import Any

from loopwright_companion import authors, callbacks, channel, edits, elements, gate, guard, logs, runs, snapshot, sources

_installed = False


def hello() -> dict[str, Any]:
    """The first message: the Streamlit that runs and its protocol definitions."""
    try:
        version = importlib.metadata.version("streamlit")
    except Exception:  # noqa: BLE001
        import streamlit

        version = str(getattr(streamlit, "__version__", "unknown"))
    descriptors = ""
    problem = None
    try:
        from loopwright_companion.descriptors import descriptor_set

        descriptors = base64.b64encode(descriptor_set()).decode("ascii")
    except Exception as error:  # noqa: BLE001 - the host says what it cannot decode without them
        problem = f"{type(error).__name__}: {error}"
    message = {"t": "hello", "streamlit": version[:4096], "python": platform.python_version(), "descriptors": descriptors}
    if problem is not None:
        message["_problem"] = problem
    return message


def send_hello(current: channel.Channel) -> None:
    message = hello()
    problem = message.pop("_problem", None)
    current.send(message, wait=5.0)
    if problem is not None:
        guard.warn(f"Loopwright's companion could not read this Streamlit's protocol definitions: {problem}", level="error")


def install(current: channel.Channel | None, app_path: str) -> None:
    """Install every hook (idempotent) and route the host's messages."""
    global _installed  # noqa: PLW0603
    authors.set_app(app_path)
    if current is not None:
        channel.set_current(current)
        edits.install(current)
        current.on("value", _on_value)
        current.on("gate", gate.on_gate)
    if _installed:
        return
    _installed = True
    for name, step in (
        ("report runs and Session State", runs.install),
        ("name widgets", elements.install),
        ("time callbacks", callbacks.install),
        ("show prints, logging and exceptions", logs.install),
        ("rerun when a component's source files are saved", sources.install),
        ("hold st.rerun() while reruns are paused", gate.install),
    ):
        try:
            step()
        except Exception as error:  # noqa: BLE001 - an import that moved, a class that changed
            guard.disable(name, f"{type(error).__name__}: {error}")


def _on_value(message: dict[str, Any]) -> None:
    channel.send(snapshot.answer_value(message))
