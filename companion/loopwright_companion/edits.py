"""Session State panel edits, applied as script-side writes at the start of the session's next run.

The host sends `{"t": "edit", id, session, key, field, value}`; edits wait per session and are
applied in order when that session's next run reaches its body (after widget states were applied
and callbacks ran: ScriptRunContext.on_script_start), exactly as a first line of the script would
write them, so Streamlit's own rules decide:

- `st.session_state[key] = value` (SessionState.__setitem__). Streamlit refuses values for some
  widgets (buttons, file uploaders, …) only later, when the widget is created
  (elements/lib/policies.py check_session_state_rules with writes_allowed=False), which would fail
  the run; such keys are learnt from that very check and refused here with Streamlit's exception.
- `st.session_state[key][field] = value`: for a CCv2 instance `st.session_state[key]` is the
  presenter's write-through dict (components/v2/presentation.py), which stores the name into the
  component's state, or ignores it when the component has callbacks and none for that name.
"""

from __future__ import annotations

import contextlib
import threading
from collections.abc import MutableMapping
from typing import Any

from loopwright_companion import channel, guard, snapshot

LONG_TEXT = 64 * 1024

_lock = threading.Lock()
_pending: dict[str, list[dict[str, Any]]] = {}


def enqueue(message: dict[str, Any]) -> None:
    edit_id, session, key, field = message.get("id"), message.get("session"), message.get("key"), message.get("field")
    if not isinstance(edit_id, (int, float)) or isinstance(edit_id, bool) or not isinstance(session, str) or not session:
        return
    if not isinstance(key, str) or not key or (field is not None and not isinstance(field, str)):
        _reply(session, edit_id, "An edit needs a key (a string) and a field (a string or null).")
        return
    with _lock:
        _pending.setdefault(session, []).append({"id": edit_id, "key": key, "field": field, "value": message.get("value")})
    # The host asks for the rerun only once the edit waits here: sent over another socket, the
    # rerun could otherwise start before this reader thread has even read the edit.
    channel.send({"t": "edit-queued", "id": edit_id})


def cancel(message: dict[str, Any]) -> None:
    """The host gave up waiting for this edit's receipt and told the author nothing changed: keep it so."""
    edit_id = message.get("id")
    with _lock:
        for edits in _pending.values():
            edits[:] = [edit for edit in edits if edit["id"] != edit_id]


def forget(session: str) -> None:
    with _lock:
        _pending.pop(session, None)


def pending(session: str) -> int:
    with _lock:
        return len(_pending.get(session, ()))


def _reply(session: str, edit_id: Any, error: str | None) -> None:
    channel.send({"t": "edit-applied", "session": session, "id": edit_id, "ok": error is None, "error": None if error is None else error[:LONG_TEXT]})


def _error_text(error: BaseException) -> str:
    if isinstance(error, KeyError) and error.args and isinstance(error.args[0], str):
        return error.args[0]  # str(KeyError) would quote Streamlit's message
    text = str(error)
    return text if text else type(error).__name__


def _refused(key: str) -> BaseException:
    try:
        from streamlit.errors import StreamlitValueAssignmentNotAllowedError

        return StreamlitValueAssignmentNotAllowedError(key=key)
    except Exception:  # noqa: BLE001 - the same words, should the class be gone
        return ValueError(f"Values for the widget with `key` '{key}' cannot be set using `st.session_state`.")


def _ignored(key: str, field: str) -> ValueError:
    return ValueError(f'Streamlit ignored the write to st.session_state["{key}"]["{field}"]: the component has callbacks and none is named on_{field}_change.')


def _write_whole_map(state: Any, session: str, key: str, field: str, value: Any) -> bool:
    """`st.session_state[key][field] = value` for a component Streamlit holds no value for at the
    start of this run (the browser did not resend its state; it is created again when the script
    renders it): the same change written as `st.session_state[key] = {...its state map, field: value}`,
    which Streamlit applies when the component is created. False when the key is no component."""
    last = snapshot.last(session)
    known = last.components.get(key) if last is not None else None
    if known is None:
        return False
    base_map, callback_names = known
    if callback_names and field not in callback_names:
        raise _ignored(key, field)
    state[key] = {**base_map, field: value}
    return True


def _write_field(state: Any, session: str, key: str, field: str, value: Any) -> None:
    """`st.session_state[key][field] = value`, as the script would write it."""
    try:
        target = state[key]
    except KeyError:
        if _write_whole_map(state, session, key, field, value):
            return
        raise
    if not isinstance(target, MutableMapping):
        raise TypeError(f'st.session_state["{key}"] is {type(target).__name__}, not a component\'s state: it has no field "{field}".')
    target[field] = value
    if field not in target or target[field] is not value:
        raise _ignored(key, field)


def apply_pending(ctx: Any, session: str) -> None:
    with _lock:
        queued = _pending.pop(session, None)
    if not queued:
        return
    safe = getattr(ctx, "session_state", None)
    if safe is None:
        for edit in queued:
            _reply(session, edit["id"], "Streamlit gave this run no Session State to write to.")
        return
    # The unwrapped SessionState under SafeSessionState's lock: the same write the script makes,
    # without SafeSessionState's yield check (which could raise a rerun from inside this hook).
    state = getattr(safe, "_state", safe)
    lock = getattr(safe, "_lock", None) or contextlib.nullcontext()
    for index, edit in enumerate(queued):
        key, field, value = edit["key"], edit["field"], edit["value"]
        try:
            with lock:
                if field is None:
                    if snapshot.is_non_writable(session, key):
                        raise _refused(key)
                    state[key] = value
                else:
                    _write_field(state, session, key, field, value)
        except Exception as error:  # noqa: BLE001 - Streamlit's refusal is the answer
            _reply(session, edit["id"], _error_text(error))
            continue
        except BaseException:
            # A rerun or stop raised from inside a write: answer, then let Streamlit have it.
            _reply(session, edit["id"], "The run was interrupted while this edit was applied.")
            with _lock:
                _pending[session] = queued[index + 1 :] + _pending.get(session, [])
            raise
        _reply(session, edit["id"], None)


def install(current: channel.Channel) -> None:
    def on_edit(message: dict[str, Any]) -> None:
        try:
            enqueue(message)
        except Exception:  # noqa: BLE001
            guard.internal_error("edits", "queueing a panel edit")

    def on_cancel(message: dict[str, Any]) -> None:
        try:
            cancel(message)
        except Exception:  # noqa: BLE001
            guard.internal_error("edits", "cancelling a panel edit")

    current.on("edit", on_edit)
    current.on("cancel-edit", on_cancel)
