"""Run by test_degraded.py in its own process: installs the companion while some of the Streamlit
attributes it hooks are hidden (as on a Streamlit that lacks them), puts them back for Streamlit's
own use, runs an app with AppTest and prints what the host received, one JSON per line."""

from __future__ import annotations

import json
import sys
import time

import support
from support import CompanionHarness

HIDDEN = [
    ("streamlit.runtime.scriptrunner_utils.script_run_context", "ScriptRunContext", "on_script_start"),
    ("streamlit.runtime.state.session_state", "WStates", "call_callback"),
    ("streamlit.elements.lib.utils", None, "_register_element_id"),
    ("streamlit.error_util", None, "_log_uncaught_app_exception"),
]


def main() -> None:
    import importlib

    saved = []
    for module_name, class_name, attribute in HIDDEN:
        owner = importlib.import_module(module_name)
        if class_name is not None:
            owner = getattr(owner, class_name)
        saved.append((owner, attribute, owner.__dict__[attribute]))
        delattr(owner, attribute)
    try:
        harness = CompanionHarness(
            """
            import streamlit as st
            st.toggle("On", key="on")
            st.text_input("Name", key="name", on_change=lambda: None)
            if st.session_state.get("name") == "boom":
                raise RuntimeError("boom")
            """
        )
    finally:
        for owner, attribute, value in saved:
            setattr(owner, attribute, value)
    at = harness.apptest().run()
    harness.host.send({"t": "edit", "id": 1, "session": support.APPTEST_SESSION, "key": "name", "field": None, "value": "x"})
    time.sleep(0.3)
    at.text_input(key="name").input("boom").run()
    harness.host.wait_count("run-end", 2)
    time.sleep(0.3)
    for message in harness.host.messages:
        sys.stdout.write("MESSAGE " + json.dumps(message) + "\n")
    sys.stdout.write("EXCEPTION " + json.dumps([e.value for e in at.exception]) + "\n")


if __name__ == "__main__":
    main()
