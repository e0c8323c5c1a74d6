"""The hooks on Streamlit's real script machinery, driven by AppTest.

AppTest runs the script with a LocalScriptRunner, a subclass of Streamlit's ScriptRunner that keeps
its run loop, ScriptRunContext, SessionState (widget states, callbacks, CCv2 presenters) and error
handling; it only replaces the server and the browser. A CCv2 component's state and triggers are
sent as the frontend would send them: WidgetState protos for the instance's id and its trigger
aggregator. What AppTest cannot show (the AppSession, the browser's script_finished, the process
around it) is covered by test_server.py.
"""

from __future__ import annotations

import hashlib
import json
import logging
import threading
import unittest
from typing import Any

from support import APPTEST_SESSION, CompanionHarness, entries_by_key

from loopwright_companion import runs, snapshot

COMPONENT_APP = """
import streamlit as st

dial = st.components.v2.component("demo_dial", html="<div></div>", js="export default function () {}")

def on_value():
    print("value is", repr(st.session_state.c["value"])[:20])

def on_clicked():
    print("clicked with", repr(st.session_state.c["clicked"])[:20])

def shared():
    pass

result = dial(key="c", on_value_change=on_value, on_clicked_change=on_clicked, default={"value": 1})
other = dial(key="d", on_mode_change=shared, on_ping_change=shared)
st.write("value", result["value"])
"""


def component_states(at: Any, key: str, state: dict[str, Any] | None = None, events: list[dict[str, Any]] | None = None) -> Any:
    """The widget states the frontend would send after the component set its state / fired triggers."""
    widget_states = at._tree.get_widget_states()
    component_id = at._session_state._state._key_id_mapper.get_id_from_key(key)
    if state is not None:
        w = widget_states.widgets.add()
        w.id = component_id
        w.json_value = json.dumps(state)
    if events is not None:
        w = widget_states.widgets.add()
        w.id = snapshot.aggregator_id(component_id)
        w.json_trigger_value = json.dumps(events)
    return widget_states


class AppTestCase(unittest.TestCase):
    harness: CompanionHarness

    def start(self, source: str, extra_files: dict[str, str] | None = None) -> CompanionHarness:
        self.harness = CompanionHarness(source, extra_files)
        self.addCleanup(self.harness.close)
        return self.harness


class RunsTest(AppTestCase):
    def test_each_run_is_a_start_end_pair_with_the_snapshot(self) -> None:
        h = self.start(
            """
            import streamlit as st
            if "n" not in st.session_state:
                st.session_state.n = 0
            st.session_state.n += 1
            st.session_state.obj = object()
            st.text_input("Name", key="name")
            st.button("Go", key="go")
            st.slider("Level", 0, 10, 3, key="level")
            st.toggle("On", key="on")
            st.checkbox("Unkeyed")
            """
        )
        at = h.apptest().run()
        self.assertFalse(at.exception)
        first = h.last_run_end(1)
        at.text_input(key="name").input("bob").run()
        second = h.last_run_end(2)

        kinds = [m["t"] for m in h.host.messages if m["t"] in ("run-start", "run-end")]
        self.assertEqual(kinds, ["run-start", "run-end", "run-start", "run-end"])
        starts = h.host.of("run-start")
        self.assertTrue(all(m["session"] == APPTEST_SESSION for m in starts + [first, second]))
        self.assertLessEqual(starts[1]["at"], second["at"])
        self.assertEqual(first["status"], "done")

        entries = entries_by_key(second)
        self.assertEqual(sorted(entries), ["go", "level", "n", "name", "obj", "on"])  # no unkeyed widget, no internal key
        self.assertEqual(entries["n"], {"key": "n", "kind": "value", "value": 2, "display": "2", "editable": True})
        self.assertEqual(entries["name"], {"key": "name", "kind": "widget", "widget": "text_input", "value": "bob", "display": '"bob"', "editable": True})
        self.assertEqual(entries["level"]["widget"], "slider")
        self.assertEqual(entries["level"]["value"], 3)
        self.assertEqual(entries["on"]["widget"], "toggle")
        # Streamlit refuses values for buttons: not editable.
        self.assertEqual(entries["go"], {"key": "go", "kind": "widget", "widget": "button", "value": False, "display": "false", "editable": False})
        self.assertEqual(entries["obj"]["kind"], "value")
        self.assertFalse(entries["obj"]["editable"])
        self.assertIsNone(entries["obj"]["value"])
        self.assertTrue(entries["obj"]["display"].startswith("<object object at"))

    def test_statuses_stop_exception_rerun(self) -> None:
        h = self.start(
            """
            import streamlit as st
            mode = st.session_state.get("mode", "done")
            if mode == "stop":
                st.stop()
            if mode == "raise":
                raise ValueError("boom")
            if mode == "rerun" and not st.session_state.get("reran"):
                st.session_state.reran = True
                st.rerun()
            """
        )
        at = h.apptest()
        for mode in ("done", "stop", "raise", "rerun"):
            at.session_state["mode"] = mode
            at.run()
        ends = h.host.wait_count("run-end", 5)
        self.assertEqual([m["status"] for m in ends], ["done", "stopped", "exception", "rerun", "done"])
        self.assertEqual(len(h.host.of("run-start")), 5)

    def test_a_compile_error_is_a_run_that_ends_in_an_exception(self) -> None:
        h = self.start("import streamlit as st\nx = (\n")
        h.apptest().run()
        end = h.last_run_end(1)
        self.assertEqual(end["status"], "exception")
        self.assertEqual([m["t"] for m in h.host.messages if m["t"].startswith("run-")], ["run-start", "run-end"])
        log = h.host.wait_count("log", 1, source="exception")[0]
        self.assertTrue(log["message"].startswith("SyntaxError:"), log["message"])
        self.assertEqual(log["location"]["file"], "app.py")
        self.assertEqual(log["level"], "error")

    def test_run_end_is_sent_before_any_other_receiver_hears_the_run_finished(self) -> None:
        """AppSession connects its receiver after constructing the runner, as LocalScriptRunner does:
        ours is connected inside the constructor, so it runs first."""
        from streamlit.runtime.pages_manager import PagesManager
        from streamlit.runtime.scriptrunner.script_cache import ScriptCache
        from streamlit.runtime.state.safe_session_state import SafeSessionState
        from streamlit.runtime.state.session_state import SessionState
        from streamlit.testing.v1.local_script_runner import LocalScriptRunner

        h = self.start("import streamlit as st\n")
        runner = LocalScriptRunner(h.app, SafeSessionState(SessionState(), lambda: None), PagesManager(h.app, ScriptCache(), setup_watcher=False))
        try:
            receivers = runner.on_event._get_live_receivers()
            self.assertIs(receivers[0], runs._on_runner_event)
            self.assertEqual(len(receivers), 2)
        finally:
            runner._close_owned_event_loop()

    def test_a_failing_snapshot_never_breaks_the_run(self) -> None:
        h = self.start("import streamlit as st\nst.session_state.a = 1\nst.write('ok')\n")
        original = snapshot.take

        def broken(*args: Any, **kwargs: Any) -> Any:
            raise RuntimeError("snapshot bug")

        snapshot.take = broken  # type: ignore[assignment]
        try:
            at = h.apptest().run()
            at.run()
        finally:
            snapshot.take = original  # type: ignore[assignment]
        self.assertFalse(at.exception)
        self.assertEqual(at.markdown[0].value, "ok")
        ends = h.host.wait_count("run-end", 2)
        self.assertEqual(ends[0]["entries"], [])
        warnings = h.host.of("log", source="companion")
        self.assertEqual(len([w for w in warnings if "snapshot" in w["message"]]), 1)  # once, not per run


class SnapshotValueTest(AppTestCase):
    def test_big_values_are_summarised_and_answered_whole(self) -> None:
        h = self.start(
            """
            import streamlit as st
            st.session_state.big = {f"row{i}": list(range(8)) for i in range(10_000)}
            st.session_state.small = {"a": 1}
            st.session_state.odd = (1, 2)
            """
        )
        h.apptest().run()
        entries = entries_by_key(h.last_run_end(1))
        big = entries["big"]
        whole = json.dumps({f"row{i}": list(range(8)) for i in range(10_000)}, separators=(",", ":"))
        self.assertIsNone(big["value"])
        self.assertTrue(big["editable"])
        self.assertEqual(big["summary"]["size"], len(whole))
        self.assertEqual(big["summary"]["count"], 10_000)
        self.assertEqual(big["summary"]["digest"], hashlib.sha1(whole.encode()).hexdigest())
        self.assertLessEqual(len(big["summary"]["prefix"]), 2_001)

        h.host.send({"t": "value", "id": 1, "session": APPTEST_SESSION, "key": "big", "field": None, "kind": None})
        h.host.send({"t": "value", "id": 2, "session": APPTEST_SESSION, "key": "small", "field": None, "kind": None})
        h.host.send({"t": "value", "id": 3, "session": APPTEST_SESSION, "key": "odd", "field": None, "kind": None})
        h.host.send({"t": "value", "id": 4, "session": APPTEST_SESSION, "key": "nope", "field": None, "kind": None})
        h.host.send({"t": "value", "id": 5, "session": "other", "key": "big", "field": None, "kind": None})
        answers = {m["id"]: m for m in h.host.wait_count("value", 5)}
        self.assertEqual(answers[1]["json"], whole)
        self.assertIsNone(answers[1]["error"])
        self.assertEqual(answers[2]["json"], '{"a":1}')
        self.assertEqual(json.loads(answers[3]["json"]), "(1, 2)")  # a value JSON cannot hold: its description
        self.assertIsNone(answers[4]["json"])
        self.assertIn('no key "nope"', answers[4]["error"])
        self.assertIn("has not finished a run", answers[5]["error"])


class ComponentTest(AppTestCase):
    def test_component_state_triggers_and_callbacks(self) -> None:
        h = self.start(COMPONENT_APP)
        at = h.apptest().run()
        self.assertFalse(at.exception)
        first = entries_by_key(h.last_run_end(1))["c"]
        self.assertEqual(
            first,
            {
                "key": "c",
                "kind": "component",
                "component": "demo_dial",
                "state": {"value": 1},
                "triggers": {},
                "callbackNames": ["value", "clicked"],
                "value": {"value": 1},
                "editable": True,
            },
        )

        at._run(widget_state=component_states(at, "c", {"value": 5}, [{"event": "clicked", "value": "left"}]))
        second = entries_by_key(h.last_run_end(2))["c"]
        self.assertEqual(second["state"], {"value": 5})
        self.assertEqual(second["triggers"], {"clicked": "left"})  # this run's trigger, read before Streamlit resets it
        self.assertEqual(second["value"], {"clicked": "left", "value": 5})

        callbacks = h.host.wait_count("callback", 2)
        self.assertEqual({(c["key"], c["name"]) for c in callbacks}, {("c", "value"), ("c", "clicked")})
        self.assertTrue(all(c["error"] is None and c["durationMs"] >= 0 for c in callbacks))
        prints = [m["message"] for m in h.host.of("log", source="print")]
        self.assertIn("value is 5", prints)
        self.assertIn("clicked with 'left'", prints)

        # The browser resends the state map with every rerun; the trigger does not fire again.
        at._run(widget_state=component_states(at, "c", {"value": 5}))
        third = entries_by_key(h.last_run_end(3))["c"]
        self.assertEqual(third["triggers"], {"clicked": None})
        self.assertEqual(third["value"], {"value": 5})

    def test_one_function_for_several_names_is_told_apart(self) -> None:
        h = self.start(COMPONENT_APP)
        at = h.apptest().run()
        at._run(widget_state=component_states(at, "d", None, [{"event": "ping", "value": 1}]))
        callback = h.host.wait_count("callback", 1)[0]
        self.assertEqual((callback["key"], callback["name"]), ("d", "ping"))

    def test_big_component_values_are_summarised_per_name(self) -> None:
        h = self.start(COMPONENT_APP)
        at = h.apptest().run()
        big = ["x" * 10] * 20_000
        at._run(widget_state=component_states(at, "c", {"value": big}))
        entry = entries_by_key(h.last_run_end(2))["c"]
        self.assertIsNone(entry["state"]["value"])
        self.assertIsNone(entry["value"]["value"])
        self.assertEqual(entry["stateSummaries"]["value"]["count"], 20_000)
        h.host.send({"t": "value", "id": 7, "session": APPTEST_SESSION, "key": "c", "field": "value", "kind": "state"})
        h.host.send({"t": "value", "id": 8, "session": APPTEST_SESSION, "key": "c", "field": None, "kind": None})
        answers = {m["id"]: m for m in h.host.wait_count("value", 2)}
        self.assertEqual(json.loads(answers[7]["json"]), big)
        self.assertEqual(json.loads(answers[8]["json"]), {"value": big})


class CallbackTest(AppTestCase):
    def test_widget_on_change_is_timed_and_its_exception_reported_and_reraised(self) -> None:
        h = self.start(
            """
            import time
            import streamlit as st
            def slow():
                time.sleep(0.05)
            def broken():
                raise KeyError("missing thing")
            st.text_input("A", key="a", on_change=slow)
            st.text_input("B", key="b", on_change=broken)
            """
        )
        at = h.apptest().run()
        at.text_input(key="a").input("x").run()
        slow = h.host.wait_count("callback", 1)[0]
        self.assertEqual(slow["key"], "a")
        self.assertIsNone(slow["name"])
        self.assertGreaterEqual(slow["durationMs"], 45)
        self.assertIsNone(slow["error"])

        at.text_input(key="b").input("y").run()
        broken = h.host.wait_count("callback", 2)[1]
        self.assertEqual(broken["key"], "b")
        self.assertEqual(broken["error"], "KeyError: 'missing thing'")
        # Streamlit behaved as before: the run ended with the exception shown in the app.
        self.assertEqual(at.exception[0].value, "'missing thing'")
        # ... and its traceback is the one Streamlit shows without the companion.
        self.assertTrue(any("broken" in line for line in at.exception[0].stack_trace), at.exception[0].stack_trace)
        self.assertFalse(any("loopwright_companion" in line for line in at.exception[0].stack_trace), at.exception[0].stack_trace)
        self.assertEqual(h.last_run_end(3)["status"], "exception")
        log = h.host.wait_count("log", 1, source="exception")[0]
        self.assertEqual(log["location"], {"file": "app.py", "line": 7})


class EditTest(AppTestCase):
    def test_edits_are_script_side_writes_at_the_start_of_the_next_run(self) -> None:
        h = self.start(COMPONENT_APP.replace('st.write("value", result["value"])', 'st.write("value", result["value"])\nst.text_input("Name", key="name")\nst.button("Go", key="go")\nst.write("n is", st.session_state.get("n"))\n'))
        at = h.apptest().run()
        h.last_run_end(1)
        edits = [
            {"key": "n", "field": None, "value": 41},
            {"key": "name", "field": None, "value": "from the panel"},
            {"key": "go", "field": None, "value": True},
            {"key": "c", "field": "value", "value": 9},
            {"key": "c", "field": "bogus", "value": 1},
            {"key": "missing", "field": "value", "value": 1},
        ]
        for number, edit in enumerate(edits, start=1):
            h.host.send({"t": "edit", "id": number, "session": APPTEST_SESSION, **edit})
        h.host.wait_for(lambda _: __import__("loopwright_companion.edits", fromlist=["_"]).pending(APPTEST_SESSION) == len(edits))
        at.run()
        applied = {m["id"]: m for m in h.host.wait_count("edit-applied", len(edits))}
        self.assertEqual([applied[i]["ok"] for i in range(1, 7)], [True, True, False, True, False, False], [applied[i]["error"] for i in range(1, 7)])
        self.assertEqual(applied[3]["error"], "Values for the widget with `key` 'go' cannot be set using `st.session_state`.")
        self.assertIn("on_bogus_change", applied[5]["error"])
        self.assertIn('st.session_state has no key "missing"', applied[6]["error"])
        self.assertTrue(all(m["session"] == APPTEST_SESSION for m in applied.values()))

        # Applied before the body: the script saw them, and the run's snapshot shows them.
        self.assertFalse(at.exception)
        self.assertEqual(at.text_input(key="name").value, "from the panel")
        self.assertIn("n is `41`", [m.value for m in at.markdown])
        self.assertIn("value `9`", [m.value for m in at.markdown])  # the component field edit, seen by the script
        entries = entries_by_key(h.last_run_end(2))
        self.assertEqual(entries["n"]["value"], 41)
        self.assertEqual(entries["name"]["value"], "from the panel")
        self.assertEqual(entries["c"]["state"], {"value": 9})
        # edit-applied comes before the run-start of the run that applied it
        order = [(m["t"], m.get("id")) for m in h.host.messages if m["t"] in ("edit-applied", "run-start")]
        self.assertEqual(order[-1][0], "run-start")

    def test_an_edit_waits_for_its_own_session(self) -> None:
        h = self.start("import streamlit as st\n")
        h.host.send({"t": "edit", "id": 1, "session": "someone else", "key": "n", "field": None, "value": 1})
        h.host.wait_for(lambda _: __import__("loopwright_companion.edits", fromlist=["_"]).pending("someone else") == 1)
        h.apptest().run()
        self.assertEqual(entries_by_key(h.last_run_end(1)), {})
        self.assertEqual(h.host.of("edit-applied"), [])


class LogTest(AppTestCase):
    def test_prints_logging_and_exceptions_with_the_authors_file_and_line(self) -> None:
        h = self.start(
            """
            import logging, sys, threading
            import streamlit as st
            from helpers import work
            print("two", "parts")
            sys.stderr.write("to stderr\\n")
            logging.getLogger("author").warning("careful %s", 42)
            logging.getLogger("streamlit.fake").warning("streamlit's own")
            try:
                work()
            except ZeroDivisionError:
                logging.getLogger("author").exception("caught")
            threading.Thread(target=print, args=("from a plain thread",)).start()
            print("no newline", end="")
            work()
            """,
            {"helpers.py": "def work():\n    return 1 / 0\n"},
        )
        handlers_before = list(logging.root.handlers)
        at = h.apptest().run()
        self.assertEqual(at.exception[0].value, "division by zero")
        h.last_run_end(1)
        logs = h.host.of("log")
        prints = [(m["message"], m["level"], m["location"]) for m in logs if m["source"] == "print"]
        self.assertIn(("two parts", "info", {"file": "app.py", "line": 5}), prints)
        self.assertIn(("to stderr", "warn", {"file": "app.py", "line": 6}), prints)
        self.assertIn(("no newline", "info", None), prints)  # flushed at the end of the run
        self.assertNotIn("from a plain thread", [p[0] for p in prints])

        records = [m for m in logs if m["source"] == "logging"]
        self.assertEqual([r["message"] for r in records], ["careful 42", "caught"])
        self.assertEqual(records[0]["level"], "warn")
        self.assertEqual(records[0]["location"], {"file": "app.py", "line": 7})
        self.assertEqual(records[1]["level"], "error")
        self.assertIn('File "helpers.py", line 2, in work', records[1]["stack"])
        self.assertTrue(all(r["session"] == APPTEST_SESSION for r in records))

        exception = [m for m in logs if m["source"] == "exception"]
        self.assertEqual(len(exception), 1)
        self.assertEqual(exception[0]["message"], "ZeroDivisionError: division by zero")
        self.assertEqual(exception[0]["location"], {"file": "helpers.py", "line": 2})  # innermost author frame
        self.assertIn('File "app.py", line 15, in <module>', exception[0]["stack"])
        self.assertNotIn("site-packages", exception[0]["stack"])
        # No root handler was added: the author's logging.basicConfig still configures logging.
        self.assertEqual(logging.root.handlers, handlers_before)

    def test_logs_outside_a_run_have_no_session(self) -> None:
        h = self.start("import streamlit as st\n")
        done = threading.Event()

        def elsewhere() -> None:
            logging.getLogger("author.worker").error("from a worker")
            done.set()

        threading.Thread(target=elsewhere).start()
        done.wait(5)
        record = h.host.wait_count("log", 1, source="logging")[0]
        self.assertIsNone(record["session"])
        self.assertEqual(record["level"], "error")


if __name__ == "__main__":
    unittest.main()
