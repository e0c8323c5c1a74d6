"""What Streamlit knows about a widget only while the script creates it, kept for the snapshot:

- its type: `streamlit.elements.lib.utils._register_element_id(ctx, element_type, element_id)`,
  which every widget's compute_and_register_element_id calls with the command name ("text_input",
  "button", "select_slider", "toggle", "bidi_component", …). Without it the element's protobuf
  type (seen as the script sends it) stands in.
- whether Streamlit refuses script writes to its key:
  `streamlit.elements.lib.policies.check_session_state_rules(default_value, key, writes_allowed)`,
  called with writes_allowed=False by buttons, file uploaders, cameras, data editors, charts with
  selections, … on every run that creates them.
"""

from __future__ import annotations

from typing import Any

from loopwright_companion import guard, snapshot
from loopwright_companion.context import session_of_thread


def install() -> None:
    from streamlit.elements.lib import policies, utils

    def make_register(original: Any) -> Any:
        def _register_element_id(ctx: Any, element_type: Any, element_id: Any, *args: Any, **kwargs: Any) -> Any:
            try:
                snapshot.note_element_type(element_id, element_type)
            except Exception:  # noqa: BLE001
                guard.internal_error("widget types", "noting a widget's type")
            return original(ctx, element_type, element_id, *args, **kwargs)

        return _register_element_id

    if not callable(getattr(utils, "_register_element_id", None)):
        guard.warn(
            "Loopwright's companion names widgets by their element type on this Streamlit (streamlit.elements.lib.utils._register_element_id is missing): a toggle shows as checkbox, a select_slider as slider.",
            once="widget-types",
        )
    else:
        guard.wrap(utils, "_register_element_id", "name widget types", make_register)

    def make_rules(original: Any) -> Any:
        def check_session_state_rules(*args: Any, **kwargs: Any) -> Any:
            try:
                key = kwargs.get("key", args[1] if len(args) > 1 else None)
                writes_allowed = kwargs.get("writes_allowed", args[2] if len(args) > 2 else True)
                if key is not None and writes_allowed is False:
                    snapshot.note_non_writable(session_of_thread(), key)
            except Exception:  # noqa: BLE001
                guard.internal_error("write rules", "noting which keys Streamlit refuses writes to")
            return original(*args, **kwargs)

        return check_session_state_rules

    guard.wrap(policies, "check_session_state_rules", "tell which widgets refuse Session State writes", make_rules)
