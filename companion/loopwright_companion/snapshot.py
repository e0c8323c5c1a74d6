"""The Session State snapshot after each run, as CompanionEntrySchema entries, and `value` answers.

Read from Streamlit's SessionState (streamlit/runtime/state/session_state.py) the way
`SessionState.filtered_state` reads it: every user key, every widget with a user key (unkeyed
widgets and internal keys are hidden). A CCv2 instance (streamlit/components/v2/bidi_component/
main.py) is two widgets: its state widget (the instance's element id, a `json_value` holding the
flat state map, with `callbacks` = the `on_<name>_change` names and a presenter) and its trigger
aggregator (`$$STREAMLIT_INTERNAL_KEY_<id>__events`, a `json_trigger_value` holding this run's
`[{"event": name, "value": v}, ...]`). What `st.session_state[key]` presents for it is
`{**fired triggers, **state}` (streamlit/components/v2/presentation.py).

Names Streamlit does not keep beside the state are learnt as the script runs: a widget's type from
the element type it registers its id with (streamlit/elements/lib/utils.py _register_element_id),
else from the element it sends; a component's registered name from the BidiComponent element it
sends; the keys Streamlit refuses script writes for from its own check
(streamlit/elements/lib/policies.py check_session_state_rules with writes_allowed=False: buttons,
file uploaders, …).
"""

from __future__ import annotations

import json
import threading
from collections import OrderedDict
from typing import Any

from loopwright_companion import guard
from loopwright_companion.values import TEXT, ValuePresenter, full_value_path

INTERNAL_PREFIX = "$$STREAMLIT_INTERNAL_KEY"
ELEMENT_ID_PREFIX = "$$ID"
TRIGGER_SUFFIX = "__events"
MAX_ENTRIES = 10_000
MAX_KNOWN_IDS = 100_000
MAX_SESSIONS = 64

_lock = threading.Lock()
# Element id → its type ("text_input", "button", …) and, for CCv2 instances, registered name.
element_types: dict[str, str] = {}
component_names: dict[str, str] = {}
# Per session: user keys Streamlit refuses script writes for; per component id, the names seen firing.
_non_writable: dict[str, set[str]] = {}
_seen_triggers: dict[str, dict[str, set[str]]] = {}


class Snapshot:
    """One session's entries after its last run, the whole JSON of the values they summarise, and
    each component's state map as Python values (for a field edit when Streamlit has no value
    for the key at the start of the next run)."""

    __slots__ = ("entries", "full", "components")

    def __init__(self, entries: list[dict[str, Any]], full: dict[str, str], components: dict[str, tuple[dict[str, Any], list[str]]] | None = None) -> None:
        self.entries = entries
        self.full = full
        self.components = components or {}


_last: OrderedDict[str, Snapshot] = OrderedDict()


def aggregator_id(component_id: str) -> str:
    return f"{INTERNAL_PREFIX}_{component_id}{TRIGGER_SUFFIX}"


def component_of_aggregator(widget_id: str) -> str | None:
    prefix = f"{INTERNAL_PREFIX}_"
    if widget_id.startswith(prefix) and widget_id.endswith(TRIGGER_SUFFIX):
        return widget_id[len(prefix) : -len(TRIGGER_SUFFIX)]
    return None


def note_element_type(element_id: Any, element_type: Any, *, weak: bool = False) -> None:
    if not isinstance(element_id, str) or not element_id or not isinstance(element_type, str):
        return
    if weak and element_id in element_types:
        return
    if len(element_types) > MAX_KNOWN_IDS:
        element_types.clear()
    element_types[element_id] = element_type


def note_forward_msg(msg: Any) -> None:
    """Learn element types and component names from what the script sends (cheap: three oneof reads)."""
    if msg is None or msg.WhichOneof("type") != "delta":
        return
    delta = msg.delta
    if delta.WhichOneof("type") != "new_element":
        return
    element = delta.new_element
    kind = element.WhichOneof("type")
    if kind is None:
        return
    proto = getattr(element, kind)
    element_id = getattr(proto, "id", None)
    if not isinstance(element_id, str) or not element_id:
        return
    if kind == "bidi_component":
        name = getattr(proto, "component_name", "")
        if name:
            if len(component_names) > MAX_KNOWN_IDS:
                component_names.clear()
            component_names[element_id] = name
    note_element_type(element_id, kind, weak=True)


def note_non_writable(session: str | None, key: Any) -> None:
    if session is None or not isinstance(key, str):
        return
    with _lock:
        _non_writable.setdefault(session, set()).add(key)


def is_non_writable(session: str, key: str) -> bool:
    with _lock:
        return key in _non_writable.get(session, ())


def forget(session: str) -> None:
    with _lock:
        _last.pop(session, None)
        _non_writable.pop(session, None)
        _seen_triggers.pop(session, None)


def last(session: str) -> Snapshot | None:
    with _lock:
        return _last.get(session)


def _store(session: str, snapshot: Snapshot) -> None:
    with _lock:
        _last[session] = snapshot
        _last.move_to_end(session)
        while len(_last) > MAX_SESSIONS:
            _last.popitem(last=False)


def _read(state: Any, widget_id: str | None, user_key: str | None) -> Any:
    """The stored (unpresented) value; raises KeyError when there is none."""
    getitem = getattr(state, "_getitem", None)
    if getitem is not None:
        return getitem(widget_id, user_key)
    return state[user_key if user_key is not None else widget_id]


def capture_triggers(state: Any) -> dict[str, Any]:
    """Every trigger aggregator's payloads, read before Streamlit resets them at the end of a run."""
    captured: dict[str, Any] = {}
    metadata = state._new_widget_state.widget_metadata
    for widget_id, meta in list(metadata.items()):
        if getattr(meta, "value_type", None) != "json_trigger_value":
            continue
        try:
            captured[widget_id] = _read(state, widget_id, None)
        except KeyError:
            captured[widget_id] = None
    return captured


def _fired(payloads: Any) -> dict[str, Any]:
    """{event: value} from an aggregator's payloads (the last payload of a name wins, as in the presenter)."""
    if isinstance(payloads, dict):
        payloads = [payloads]
    fired: dict[str, Any] = {}
    if isinstance(payloads, list):
        for payload in payloads:
            if isinstance(payload, dict) and isinstance(payload.get("event"), str):
                fired[payload["event"]] = payload.get("value")
    return fired


def _valid_key(key: Any) -> bool:
    return isinstance(key, str) and 0 < len(key) <= TEXT


def take(safe_state: Any, session: str, captured: dict[str, Any] | None) -> list[dict[str, Any]]:
    """Build, keep (for `value` requests) and return the snapshot of one session. Session State is
    read under SafeSessionState's lock; presenting the values (the costly part for big ones)
    happens after it is released."""
    state = getattr(safe_state, "_state", safe_state)
    lock = getattr(safe_state, "_lock", None)
    if lock is not None:
        with lock:
            rows = _collect(state, captured)
    else:
        rows = _collect(state, captured)
    snapshot = _present(rows, session)
    _store(session, snapshot)
    return snapshot.entries


def _collect(state: Any, captured: dict[str, Any] | None) -> list[tuple[Any, ...]]:
    """The raw rows: ("value", key, value), ("widget", key, type, value),
    ("component", key, id, name, state map, fired triggers, callback names)."""
    if "snapshot widgets" in guard.disabled:
        return _collect_filtered(state)
    try:
        keys = state._keys()
        id_to_key = state._key_id_mapper.id_key_mapping
        metadata = state._new_widget_state.widget_metadata
    except AttributeError as error:
        guard.disable("snapshot widgets", f"SessionState has no {error.name or 'expected attribute'}; keys are shown as plain values")
        return _collect_filtered(state)

    rows: list[tuple[Any, ...]] = []
    for widget_id in keys:
        if not isinstance(widget_id, str) or widget_id.startswith(INTERNAL_PREFIX):
            continue
        if not widget_id.startswith(ELEMENT_ID_PREFIX):
            # A plain Session State value the script (or a panel edit) set.
            if _valid_key(widget_id):
                try:
                    rows.append(("value", widget_id, state[widget_id]))
                except KeyError:
                    pass
            continue
        if widget_id.endswith("-None"):
            continue  # a widget without a user key: not the author's name, hidden as Streamlit hides it
        key = id_to_key.get(widget_id)
        if not _valid_key(key):
            continue  # a reset widget's leftover value, no longer mapped to a key
        meta = metadata.get(widget_id)
        if _is_component(widget_id, meta, metadata):
            rows.append(_component_row(state, widget_id, key, meta, captured))
            continue
        try:
            value = state[widget_id]
        except KeyError:
            continue  # a value from a reconnecting browser Streamlit cannot deserialize yet
        rows.append(("widget", key, element_types.get(widget_id) or "widget", value))
    return rows


def _collect_filtered(state: Any) -> list[tuple[Any, ...]]:
    """Fallback without SessionState's internals: what `st.session_state.to_dict()` shows."""
    return [("value", key, value) for key, value in state.filtered_state.items() if _valid_key(key)]


def _component_row(state: Any, widget_id: str, key: str, meta: Any, captured: dict[str, Any] | None) -> tuple[Any, ...]:
    try:
        base = _read(state, widget_id, key)
    except KeyError:
        base = {}
    agg = aggregator_id(widget_id)
    if captured is not None and agg in captured:
        payloads = captured[agg]
    else:
        try:
            payloads = _read(state, agg, None)
        except KeyError:
            payloads = None
    callbacks = getattr(meta, "callbacks", None) or {}
    names = [name for name in callbacks if isinstance(name, str)]
    base_map = dict(base) if isinstance(base, dict) else {}
    return ("component", key, widget_id, component_names.get(widget_id) or "unknown", base_map, _fired(payloads), names)


def _present(rows: list[tuple[Any, ...]], session: str) -> Snapshot:
    values = ValuePresenter()
    entries: list[dict[str, Any]] = []
    components: dict[str, tuple[dict[str, Any], list[str]]] = {}
    with _lock:
        seen_by_component = _seen_triggers.setdefault(session, {})
        non_writable = set(_non_writable.get(session, ()))
    for row in rows:
        kind, key = row[0], row[1]
        if kind == "value":
            entries.append({"key": key, "kind": "value", **values.present(row[2], full_value_path(key)).fields()})
        elif kind == "widget":
            presented = values.present(row[3], full_value_path(key))
            fields = presented.fields()
            fields["editable"] = presented.editable and key not in non_writable
            entries.append({"key": key, "kind": "widget", "widget": row[2][:TEXT], **fields})
        else:
            _, _, widget_id, name, base_map, fired, callback_names = row
            seen = seen_by_component.setdefault(widget_id, set())
            seen.update(fired)
            entries.append(_component_entry(key, name, base_map, fired, callback_names, seen, values))
            components[key] = (base_map, callback_names)
    entries.sort(key=lambda entry: entry["key"])
    if len(entries) > MAX_ENTRIES:
        guard.warn(f"Session State holds {len(entries):,} keys; the panel shows the first {MAX_ENTRIES:,}.", once="too-many-keys")
        del entries[MAX_ENTRIES:]
    return Snapshot(entries, values.full, components)


def _is_component(widget_id: str, meta: Any, metadata: dict[str, Any]) -> bool:
    if widget_id in component_names:
        return True
    return meta is not None and getattr(meta, "value_type", None) == "json_value" and aggregator_id(widget_id) in metadata


def _component_entry(
    key: str,
    name: str,
    base_map: dict[str, Any],
    fired: dict[str, Any],
    callback_names: list[str],
    seen: set[str],
    values: ValuePresenter,
) -> dict[str, Any]:
    # One callback map serves states and triggers: a name is shown as a trigger once it has fired
    # (null while not firing); a callback name that never held a value is neither yet.
    trigger_names = [n for n in callback_names if n not in base_map and n in seen]
    trigger_names += [n for n in fired if n not in trigger_names]
    triggers = {n: fired.get(n) for n in trigger_names}
    state_values, state_summaries = values.fields(base_map, key, "state")
    trigger_values, trigger_summaries = values.fields(triggers, key, "trigger")
    # What st.session_state[key] presents, {**fired, **state}: the same objects, already presented.
    presented = {n: trigger_values.get(n) for n in fired}
    presented.update(state_values)
    entry: dict[str, Any] = {
        "key": key,
        "kind": "component",
        "component": name[:TEXT],
        "state": state_values,
        "triggers": trigger_values,
        "callbackNames": [n[:TEXT] for n in callback_names],
        "value": presented,
        "editable": True,
    }
    if state_summaries:
        entry["stateSummaries"] = state_summaries
    if trigger_summaries:
        entry["triggerSummaries"] = trigger_summaries
    return entry


def answer_value(message: dict[str, Any]) -> dict[str, Any]:
    """The whole JSON text of one key (or one component state/trigger value) of the last snapshot,
    as main/core/session-value.ts readSessionValue answers it for the emulator."""
    request_id = message.get("id")
    reply: dict[str, Any] = {"t": "value", "id": request_id if isinstance(request_id, (int, float)) else -1, "json": None, "error": None}

    def fail(error: str) -> dict[str, Any]:
        reply["error"] = error[:TEXT]
        return reply

    session, key, field = message.get("session"), message.get("key"), message.get("field")
    kind = message.get("kind") or "state"
    if not isinstance(session, str) or not isinstance(key, str):
        return fail("A value request needs a session and a key.")
    snapshot = last(session)
    if snapshot is None:
        return fail(f'Session "{session}" has not finished a run yet.')
    entry = next((e for e in snapshot.entries if e["key"] == key), None)
    if entry is None:
        return fail(f'There is no key "{key}" in session state. Keys: {_listed([e["key"] for e in snapshot.entries])}.')

    def text(path: str, value: Any) -> str:
        known = snapshot.full.get(path)
        return known if known is not None else json.dumps(value, ensure_ascii=False, separators=(",", ":"))

    if entry["kind"] != "component":
        if field is not None:
            return fail(f'"{key}" is not a component; it has no field "{field}".')
        reply["json"] = text(full_value_path(key), entry["value"]) if entry["editable"] else json.dumps(entry["display"], ensure_ascii=False)
        return reply
    if field is None:
        # What st.session_state[key] presents, {...triggers, ...state}, assembled from each field's text.
        parts = []
        for name, value in entry["value"].items():
            source = "state" if name in entry["state"] else "trigger"
            parts.append(f"{json.dumps(name, ensure_ascii=False)}:{text(full_value_path(key, name, source), value)}")
        reply["json"] = "{" + ",".join(parts) + "}"
        return reply
    mapping = entry["state"] if kind == "state" else entry["triggers"]
    if field not in mapping:
        label = "State" if kind == "state" else "Trigger"
        return fail(f'"{key}" has no {kind} value "{field}". {label} names: {_listed(list(mapping))}.')
    reply["json"] = text(full_value_path(key, field, kind), mapping[field])
    return reply


def _listed(names: list[str]) -> str:
    return ", ".join(json.dumps(name, ensure_ascii=False) for name in names) if names else "none"

