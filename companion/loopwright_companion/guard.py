"""Patching Streamlit safely across versions.

Every hook replaces one attribute Streamlit 1.64 has. On a Streamlit where it is missing (or
has another shape), the feature it serves is disabled with one companion warning in the Log, and
the app runs as if the companion were not there. A hook that fails at run time reports once per
feature and lets Streamlit carry on unchanged.
"""

from __future__ import annotations

import threading
import traceback
from collections.abc import Callable
from typing import Any

from loopwright_companion import channel

_warned: set[str] = set()
_lock = threading.Lock()
disabled: set[str] = set()


def warn(message: str, *, once: str | None = None, stack: str | None = None, level: str = "warn") -> None:
    """One `log` line from the companion itself (source "companion")."""
    if once is not None:
        with _lock:
            if once in _warned:
                return
            _warned.add(once)
    channel.send(
        {
            "t": "log",
            "session": None,
            "level": level,
            "source": "companion",
            "message": message[: 64 * 1024],
            "location": None,
            "stack": None if stack is None else stack[-16 * 1024 :],
        }
    )


def disable(feature: str, why: str) -> None:
    disabled.add(feature)
    warn(f"Loopwright's companion cannot {feature} on this Streamlit ({why}); that part of the debugger is off for this app.", once=f"disable:{feature}")


def internal_error(feature: str, doing: str) -> None:
    """Report (once per feature) an error in the companion's own code, from inside an except block."""
    warn(
        f"Loopwright's companion failed while {doing} ({feature}); Streamlit carried on unchanged. This is a Loopwright bug.",
        once=f"internal:{feature}",
        stack=traceback.format_exc(),
    )


def wrap(owner: Any, name: str, feature: str, make: Callable[[Callable[..., Any]], Callable[..., Any]]) -> bool:
    """Replace `owner.name` with `make(original)`; a missing attribute disables `feature`."""
    original = getattr(owner, name, None)
    if original is None or not callable(original):
        disable(feature, f"{getattr(owner, '__name__', owner)!s}.{name} is missing")
        return False
    if getattr(original, "__loopwright__", False):
        return True  # already installed (install() is idempotent)
    replacement = make(original)
    replacement.__loopwright__ = True  # type: ignore[attr-defined]
    replacement.__wrapped__ = original  # type: ignore[attr-defined]
    for attribute in ("__name__", "__qualname__", "__doc__", "__module__"):
        try:
            setattr(replacement, attribute, getattr(original, attribute))
        except (AttributeError, TypeError):
            pass
    setattr(owner, name, replacement)
    return True


def unwrap_all(patches: list[tuple[Any, str]]) -> None:
    """Undo wraps (tests)."""
    for owner, name in patches:
        current = getattr(owner, name, None)
        original = getattr(current, "__wrapped__", None)
        if getattr(current, "__loopwright__", False) and original is not None:
            setattr(owner, name, original)
