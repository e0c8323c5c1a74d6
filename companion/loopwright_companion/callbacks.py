"""Every widget callback Streamlit calls, timed, with what it raised (re-raised unchanged).

Streamlit 1.64 calls them from SessionState._call_callbacks (streamlit/runtime/state/
session_state.py), on the script thread before the body runs:

- a widget's `on_change`: `WStates.call_callback(widget_id)`;
- a CCv2 instance's `on_<name>_change`: `SessionState._execute_widget_callback(votes, callback,
  metadata, args, kwargs)`, from `_dispatch_json_change_callbacks` (a state name changed; the
  metadata is the instance's state widget) or `_dispatch_trigger_callbacks` (a trigger fired; the
  metadata is its aggregator `$$STREAMLIT_INTERNAL_KEY_<id>__events`). The name is the one the
  callback is registered under; when one function serves several names, the dispatcher's loop
  variable (`key` / `event_name`) tells which.

st.rerun() and st.stop() inside a callback are control flow, not errors.
"""

from __future__ import annotations

import sys
import time
from typing import Any

from loopwright_companion import authors, channel, guard, snapshot
from loopwright_companion.context import script_ctx

LONG_TEXT = 64 * 1024
TEXT = 4096
_CONTROL_FLOW = ("RerunException", "StopException")


def _user_key(widget_id: Any) -> str | None:
    if not isinstance(widget_id, str):
        return None
    component = snapshot.component_of_aggregator(widget_id)
    if component is not None:
        widget_id = component
    ctx = script_ctx()
    try:
        state = ctx.session_state._state if ctx is not None else None
        key = state._key_id_mapper.id_key_mapping.get(widget_id) if state is not None else None
        if isinstance(key, str):
            return key[:TEXT]
    except Exception:  # noqa: BLE001 - fall back to the key the id ends with
        pass
    if widget_id.startswith(snapshot.ELEMENT_ID_PREFIX):
        tail = widget_id.split("-", 2)[-1]
        if tail != "None":
            return tail[:TEXT]
    return widget_id[:TEXT]


def _report(key: str | None, name: str | None, started: float, error: BaseException | None) -> None:
    ctx = script_ctx()
    session = getattr(ctx, "session_id", None) if ctx is not None else None
    if not isinstance(session, str) or not session:
        return
    channel.send(
        {
            "t": "callback",
            "session": session,
            "key": key,
            "name": None if name is None else name[:TEXT],
            "durationMs": max(0.0, (time.perf_counter() - started) * 1000.0),
            "error": None if error is None else authors.exception_message(error)[:LONG_TEXT],
        },
        droppable=True,
    )


def _timed(call: Any, key_of: Any, name_of: Any) -> Any:
    started = time.perf_counter()
    try:
        result = call()
    except BaseException as error:
        failed = None if type(error).__name__ in _CONTROL_FLOW or not isinstance(error, Exception) else error
        try:
            _report(key_of(), name_of(), started, failed)
        except Exception:  # noqa: BLE001
            guard.internal_error("callbacks", "reporting a callback")
        raise
    try:
        _report(key_of(), name_of(), started, None)
    except Exception:  # noqa: BLE001
        guard.internal_error("callbacks", "reporting a callback")
    return result


def _name_of(callback: Any, metadata: Any, caller: Any) -> str | None:
    callbacks = getattr(metadata, "callbacks", None) or {}
    names = [name for name, registered in callbacks.items() if registered is callback]
    if len(names) == 1:
        return names[0]
    # Several names share the function: the dispatcher's loop variable names this one.
    if caller is not None:
        for local in ("event_name", "key"):
            candidate = caller.f_locals.get(local)
            if isinstance(candidate, str) and callbacks.get(candidate) is callback:
                return candidate
    return None


def install() -> None:
    from streamlit.runtime.state import session_state

    def make_single(original: Any) -> Any:
        def call_callback(self: Any, widget_id: Any, *args: Any, **kwargs: Any) -> Any:
            metadata = getattr(self, "widget_metadata", {}).get(widget_id) if isinstance(widget_id, str) else None
            if metadata is None or getattr(metadata, "callback", None) is None:
                return original(self, widget_id, *args, **kwargs)
            return _timed(lambda: original(self, widget_id, *args, **kwargs), lambda: _user_key(widget_id), lambda: None)

        return call_callback

    guard.wrap(session_state.WStates, "call_callback", "time widget on_change callbacks", make_single)

    def make_multi(original: Any) -> Any:
        def _execute_widget_callback(self: Any, votes: Any, callback_fn: Any, cb_metadata: Any, *args: Any, **kwargs: Any) -> Any:
            caller = sys._getframe(1)
            return _timed(
                lambda: original(self, votes, callback_fn, cb_metadata, *args, **kwargs),
                lambda: _user_key(getattr(cb_metadata, "id", None)),
                lambda: _name_of(callback_fn, cb_metadata, caller),
            )

        return _execute_widget_callback

    guard.wrap(session_state.SessionState, "_execute_widget_callback", "time components' on_<name>_change callbacks", make_multi)
