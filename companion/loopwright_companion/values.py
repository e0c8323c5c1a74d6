"""How one Session State value crosses to the host (common/session.ts, main/core/engine/snapshot.ts).

JSON when the value round-trips through JSON unchanged (then editable), otherwise a bounded
description (read-only). Over PRESENTED_VALUE_CAP characters of JSON, a summary replaces the
value and the whole text stays here until the host asks for it with a `value` request. A big value
costs one walk, one compact encoding and one digest per run: it is never pretty-printed whole.
"""

from __future__ import annotations

import hashlib
import json
import math
import reprlib
from typing import Any

PRESENTED_VALUE_CAP = 100_000
SUMMARY_PREFIX_CHARS = 2_000
# The protocol's LongText: `display` (and every long text) must fit in it.
LONG_TEXT = 64 * 1024
TEXT = 4096
# JavaScript numbers hold integers exactly up to 2**53: a bigger int would come back changed.
_SAFE_INT = 2**53

_encoder = json.JSONEncoder(ensure_ascii=False, allow_nan=False, separators=(",", ":"))


def cut(text: str, limit: int) -> str:
    """`text`, or its first `limit - 1` characters and an ellipsis."""
    return text if len(text) <= limit else f"{text[: limit - 1]}…"


def is_plain_json(value: Any) -> bool:
    """Whether `json.loads(json.dumps(value))` gives this value back, in a JavaScript host too:
    exact dicts with str keys, exact lists, str, bool, finite floats, ints JavaScript holds exactly,
    None; no cycles, no subclasses (a dict subclass would come back a plain dict)."""
    try:
        return _plain(value, set())
    except RecursionError:
        return False


_NONE = type(None)
_ALLOWED = frozenset((_NONE, str, bool, int, float, list, dict))
_STR_ONLY = frozenset((str,))


def _plain(value: Any, ancestors: set[int]) -> bool:
    kind = type(value)
    if kind is list:
        items: Any = value
    elif kind is dict:
        # Keys and value types are checked with C-speed passes (set(map(type, ...))): a value of
        # a million numbers costs a few passes over it, not a million Python-level steps.
        if value and set(map(type, value)) != _STR_ONLY:
            return False
        items = value.values()
    else:
        return _scalar(value, kind)
    kinds = set(map(type, items))
    if not kinds <= _ALLOWED:
        return False
    if int in kinds:
        if kinds == {int}:
            if min(items) < -_SAFE_INT or max(items) > _SAFE_INT:
                return False
        elif not all(-_SAFE_INT <= item <= _SAFE_INT for item in items if type(item) is int):
            return False
    if float in kinds:
        if kinds == {float}:
            if not all(map(math.isfinite, items)):
                return False
        elif not all(math.isfinite(item) for item in items if type(item) is float):
            return False
    if list in kinds or dict in kinds:
        marker = id(value)
        if marker in ancestors:
            return False
        ancestors.add(marker)
        for item in items:
            item_kind = type(item)
            if (item_kind is list or item_kind is dict) and not _plain(item, ancestors):
                return False
        ancestors.discard(marker)
    return True


def _scalar(value: Any, kind: type) -> bool:
    if value is None or kind is str or kind is bool:
        return True
    if kind is int:
        return -_SAFE_INT <= value <= _SAFE_INT
    if kind is float:
        return math.isfinite(value)
    return False


def json_text(value: Any) -> str:
    """Compact JSON, as JavaScript's JSON.stringify writes it (no ASCII escaping)."""
    return _encoder.encode(value)


def utf16_length(text: str) -> int:
    """The length JavaScript gives the text (UTF-16 code units): what the host's sizes count."""
    if text.isascii():
        return len(text)
    return len(text.encode("utf-16-le", "surrogatepass")) // 2


def type_name(value: Any) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "boolean"
    if isinstance(value, (int, float)):
        return "number"
    if isinstance(value, str):
        return "string"
    if isinstance(value, list):
        return "array"
    return "object"


def pretty_prefix(value: Any, limit: int = SUMMARY_PREFIX_CHARS) -> str:
    """The first `limit` characters of the value's JSON indented by 2 (then "…"), without
    printing the rest: the encoder with an indent is a lazy generator, stopped once enough."""
    if isinstance(value, str) and len(value) > limit:
        # A long string is cut before quoting; its closing quote is left off, as the cut says.
        return f"{json.dumps(value[:limit], ensure_ascii=False)[:-1][:limit]}…"
    encoder = json.JSONEncoder(ensure_ascii=False, allow_nan=False, indent=2, separators=(",", ": "))
    parts: list[str] = []
    size = 0
    complete = True
    for chunk in encoder.iterencode(value):
        parts.append(chunk)
        size += len(chunk)
        if size > limit:
            complete = False
            break
    out = "".join(parts)
    return out if complete and len(out) <= limit else f"{out[:limit]}…"


def summarize(value: Any, text: str) -> dict[str, Any]:
    kind = type_name(value)
    count = len(value) if kind in ("object", "array", "string") else None
    return {
        "size": utf16_length(text),
        "type": kind,
        "count": count,
        "prefix": pretty_prefix(value),
        "digest": hashlib.sha1(text.encode("utf-8", "surrogatepass")).hexdigest(),
    }


def format_size(size: int) -> str:
    if size >= 1_000_000:
        return f"{size / 1_000_000:.1f} MB"
    if size >= 1_000:
        return f"{round(size / 1_000)} KB"
    return f"{size} B"


def summary_label(summary: dict[str, Any]) -> str:
    """"24.6 MB object · 41,203 keys" (common/session.ts summaryLabel)."""
    unit = {"object": "keys", "array": "items", "string": "characters"}.get(summary["type"])
    count = summary["count"]
    tail = "" if count is None or unit is None else f" · {count:,} {unit[:-1] if count == 1 else unit}"
    return f"{format_size(summary['size'])} {summary['type']}{tail}"


_repr = reprlib.Repr()
_repr.maxlevel = 3
_repr.maxdict = _repr.maxlist = _repr.maxtuple = _repr.maxset = _repr.maxfrozenset = _repr.maxdeque = _repr.maxarray = 50
_repr.maxstring = SUMMARY_PREFIX_CHARS
_repr.maxother = SUMMARY_PREFIX_CHARS
_repr.maxlong = 400


def describe(value: Any) -> str:
    """A bounded description of a value JSON cannot hold (containers are cut, not walked whole)."""
    try:
        text = _repr.repr(value)
    except Exception:  # noqa: BLE001 - an author's __repr__ may raise anything
        text = f"<{type(value).__name__} object (its repr raised)>"
    return cut(text, SUMMARY_PREFIX_CHARS + 1)


class Presented:
    """One value as the host receives it; `text` is the whole JSON of a summarised value."""

    __slots__ = ("value", "display", "editable", "summary", "text")

    def __init__(self, value: Any, display: str, editable: bool, summary: dict[str, Any] | None = None, text: str | None = None):
        self.value = value
        self.display = display
        self.editable = editable
        self.summary = summary
        self.text = text

    def fields(self) -> dict[str, Any]:
        out: dict[str, Any] = {"value": self.value, "display": self.display, "editable": self.editable}
        if self.summary is not None:
            out["summary"] = self.summary
        return out


def present(value: Any) -> Presented:
    if is_plain_json(value):
        try:
            text = json_text(value)
        except (ValueError, TypeError, RecursionError):
            text = None
        if text is not None:
            if utf16_length(text) <= PRESENTED_VALUE_CAP:
                return Presented(value, cut(text, LONG_TEXT), True)
            summary = summarize(value, text)
            return Presented(None, summary_label(summary), True, summary, text)
    return Presented(None, describe(value), False)


def full_value_path(key: str, field: str | None = None, kind: str = "state") -> str:
    """Where a summarised value's whole JSON is kept (main/core/engine/snapshot.ts fullValuePath)."""
    return json.dumps([key] if field is None else [key, field, kind], separators=(",", ":"))


class ValuePresenter:
    """Presents one snapshot's values and keeps the whole JSON of those it summarises. A
    component's state map and its presented value hold the same objects: each is walked once."""

    def __init__(self) -> None:
        self.full: dict[str, str] = {}
        self._seen: dict[int, tuple[Any, Presented]] = {}

    def present(self, value: Any, path: str) -> Presented:
        known = self._seen.get(id(value)) if isinstance(value, (dict, list, str)) else None
        # The value itself is kept beside its presentation so its id cannot be reused meanwhile.
        presented = known[1] if known is not None and known[0] is value else present(value)
        if known is None and isinstance(value, (dict, list, str)):
            self._seen[id(value)] = (value, presented)
        if presented.text is not None:
            self.full[path] = presented.text
        return presented

    def fields(self, mapping: dict[str, Any], key: str, kind: str) -> tuple[dict[str, Any], dict[str, Any]]:
        """A component's map, name by name: JSON values (null when summarised or not JSON) and summaries."""
        values: dict[str, Any] = {}
        summaries: dict[str, Any] = {}
        for name, value in mapping.items():
            presented = self.present(value, full_value_path(key, name, kind))
            values[name] = presented.value
            if presented.summary is not None:
                summaries[name] = presented.summary
        return values, summaries
