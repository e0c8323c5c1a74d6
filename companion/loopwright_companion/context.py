"""The ScriptRunContext of the calling thread (set on script threads, fragment workers and threads
the author attached with add_script_run_ctx), read without Streamlit's missing-context warning."""

from __future__ import annotations

import threading
from typing import Any

_ATTRIBUTE = "streamlit_script_run_ctx"
try:
    from streamlit.runtime.scriptrunner_utils.script_run_context import SCRIPT_RUN_CONTEXT_ATTR_NAME as _ATTRIBUTE  # type: ignore[no-redef]
except Exception:  # noqa: BLE001 - older layouts keep the same attribute name
    pass


def script_ctx() -> Any | None:
    return getattr(threading.current_thread(), _ATTRIBUTE, None)


def session_of_thread() -> str | None:
    ctx = script_ctx()
    session = getattr(ctx, "session_id", None) if ctx is not None else None
    return session if isinstance(session, str) and session else None
