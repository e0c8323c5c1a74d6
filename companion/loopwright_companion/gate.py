"""Holds `st.rerun()` while Loopwright has reruns paused.

The host holds the rerun requests the browser sends while a storm (or the author) paused reruns,
but a script that calls `st.rerun()` every run loops inside Streamlit's script runner, where no
request crosses the proxy. While paused, `st.rerun()` therefore ends the run instead, as
`st.stop()` would, and the companion tells the host, which holds that rerun with the others:
Resume or Step asks Streamlit for it.
"""

from __future__ import annotations

import threading
from typing import Any

from loopwright_companion import channel, guard
from loopwright_companion.context import session_of_thread

_paused = threading.Event()


def on_gate(message: dict[str, Any]) -> None:
    if message.get("paused") is True:
        _paused.set()
    else:
        _paused.clear()


def install() -> None:
    import streamlit
    from streamlit.commands import execution_control

    def make(original: Any) -> Any:
        def rerun(*args: Any, **kwargs: Any) -> Any:
            session = session_of_thread()
            if not _paused.is_set() or session is None:
                return original(*args, **kwargs)
            channel.send({"t": "rerun-held", "session": session})
            return streamlit.stop()

        return rerun

    # `st.rerun` is bound in streamlit/__init__.py at import: both names are replaced.
    if guard.wrap(execution_control, "rerun", "hold st.rerun() while reruns are paused", make):
        streamlit.rerun = execution_control.rerun
