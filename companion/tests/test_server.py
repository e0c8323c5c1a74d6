"""The boot script end to end: real `streamlit run` machinery (AppSession, its event loop, the
browser's WebSocket protocol), driven by a minimal client speaking Streamlit's own BackMsg /
ForwardMsg over `websockets` (a dependency of Streamlit's server since it moved to Starlette).

What this adds to the AppTest tests: the hello line, the companion under a real AppSession,
run-end reaching the control socket before the browser's script_finished, a panel edit through a
real session, and the process ending when the control socket closes or its parent dies.
"""

from __future__ import annotations

import json
import os
import select
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import textwrap
import time
import unittest
import urllib.request
from typing import Any, Callable

import support

BOOT = os.path.join(support.COMPANION_DIR, "loopwright_boot.py")

try:
    from websockets.sync.client import connect as ws_connect
except Exception:  # noqa: BLE001 - Streamlit before its Starlette server did not need websockets
    ws_connect = None

APP = """
import logging
import streamlit as st
print("script says hi")
logging.getLogger("author").warning("author warns")
name = st.text_input("Name", key="name")
st.button("Go", key="go")
st.session_state.seen = name
st.write("name is", name)
print("c present:", "c" in st.session_state)
dial = st.components.v2.component("demo_dial", html="<div></div>", js="export default function () {}")
c = dial(key="c", on_value_change=lambda: None, default={"value": 1})
st.write("c value is", c["value"])
"""


class LineReader:
    """The host's end of the control socket, read on this thread only (so what has arrived by a
    given moment is exactly what the socket holds)."""

    def __init__(self, sock: socket.socket) -> None:
        self.sock = sock
        self.buffer = b""
        self.messages: list[dict[str, Any]] = []
        self.eof = False

    def _take(self, timeout: float) -> None:
        readable, _, _ = select.select([self.sock], [], [], timeout)
        if not readable:
            return
        chunk = self.sock.recv(1 << 20)
        if not chunk:
            self.eof = True
            return
        self.buffer += chunk
        while b"\n" in self.buffer:
            line, self.buffer = self.buffer.split(b"\n", 1)
            message = json.loads(line)
            support.dump(message)
            self.messages.append(message)

    def drain(self) -> None:
        """Everything already in the socket, without waiting."""
        while True:
            before = (len(self.buffer), len(self.messages), self.eof)
            self._take(0)
            if (len(self.buffer), len(self.messages), self.eof) == before:
                return

    def wait_for(self, predicate: Callable[[list[dict[str, Any]]], Any], timeout: float = 30.0) -> Any:
        deadline = time.monotonic() + timeout
        while True:
            found = predicate(self.messages)
            if found:
                return found
            if self.eof or time.monotonic() > deadline:
                raise AssertionError(f"timed out; received {[m.get('t') for m in self.messages]}")
            self._take(min(0.2, max(0.0, deadline - time.monotonic())))

    def send(self, message: dict[str, Any]) -> None:
        self.sock.sendall((json.dumps(message) + "\n").encode())


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def wait_healthy(port: int, process: subprocess.Popen, timeout: float = 60.0) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise AssertionError(f"Streamlit exited with {process.returncode}")
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/_stcore/health", timeout=2) as response:
                if response.status == 200:
                    return
        except OSError:
            time.sleep(0.2)
    raise AssertionError("Streamlit never became healthy")


def is_gone(pid: int) -> bool:
    try:
        with open(f"/proc/{pid}/status", encoding="utf-8") as status:
            return any(line.startswith("State:") and "Z" in line.split(":", 1)[1] for line in status)
    except FileNotFoundError:
        return True
    except OSError:
        try:
            os.kill(pid, 0)
        except ProcessLookupError:
            return True
        return False


@unittest.skipIf(ws_connect is None, "websockets (Streamlit's server dependency since 1.5x) is not installed")
@unittest.skipIf(sys.platform == "win32", "the control channel is a Unix socket")
class ServerTest(unittest.TestCase):
    def setUp(self) -> None:
        self.dir = os.path.realpath(tempfile.mkdtemp(prefix="lw-boot-"))
        self.addCleanup(shutil.rmtree, self.dir, True)
        with open(os.path.join(self.dir, "app.py"), "w", encoding="utf-8") as out:
            out.write(textwrap.dedent(APP))
        self.control_path = os.path.join(self.dir, "control.sock")
        self.listener = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        self.listener.bind(self.control_path)
        self.listener.listen(1)
        self.addCleanup(self.listener.close)
        self.port = free_port()

    def boot(self, argv_prefix: list[str] | None = None) -> subprocess.Popen:
        command = [
            *(argv_prefix or []),
            sys.executable,
            BOOT,
            "app.py",
            "--server.headless=true",
            f"--server.port={self.port}",
            "--server.address=127.0.0.1",
            "--browser.gatherUsageStats=false",
            "--server.fileWatcherType=none",
        ]
        env = {**os.environ, "LOOPWRIGHT_CONTROL": self.control_path}
        process = subprocess.Popen(command, cwd=self.dir, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)

        def stop() -> None:
            if process.poll() is None:
                process.kill()
            process.wait(10)
            if process.stdout:
                process.stdout.close()

        self.addCleanup(stop)
        return process

    def accept(self) -> LineReader:
        self.listener.settimeout(60)
        connection, _ = self.listener.accept()
        self.addCleanup(connection.close)
        return LineReader(connection)

    def test_runs_the_app_reports_runs_in_order_applies_edits_and_ends_with_the_socket(self) -> None:
        from streamlit.proto.BackMsg_pb2 import BackMsg
        from streamlit.proto.ForwardMsg_pb2 import ForwardMsg

        process = self.boot()
        control = self.accept()
        hello = control.wait_for(lambda ms: ms[0] if ms else None)
        self.assertEqual(hello["t"], "hello")  # the first line
        import streamlit

        self.assertEqual(hello["streamlit"], streamlit.__version__)
        self.assertTrue(hello["python"].startswith(f"{sys.version_info.major}.{sys.version_info.minor}"))
        self.assertGreater(len(hello["descriptors"]), 1000)

        wait_healthy(self.port, process)
        with ws_connect(f"ws://127.0.0.1:{self.port}/_stcore/stream", subprotocols=["streamlit"], open_timeout=30) as ws:  # type: ignore[misc]

            def rerun(widget_states: Any = None) -> list[Any]:
                back = BackMsg()
                back.rerun_script.query_string = ""
                if widget_states is not None:
                    back.rerun_script.widget_states.CopyFrom(widget_states)
                else:
                    back.rerun_script.widget_states.SetInParent()
                ws.send(back.SerializeToString())
                received = []
                while True:
                    msg = ForwardMsg.FromString(ws.recv(timeout=60))
                    received.append(msg)
                    if msg.WhichOneof("type") == "script_finished":
                        return received

            forward = rerun()
            # run-end was written to the control socket before Streamlit enqueued script_finished:
            # it is already there, without waiting.
            control.drain()
            ends = [m for m in control.messages if m["t"] == "run-end"]
            self.assertEqual(len(ends), 1, [m["t"] for m in control.messages])
            self.assertEqual(forward[-1].script_finished, ForwardMsg.FINISHED_SUCCESSFULLY)
            session = ends[0]["session"]
            self.assertEqual(forward[0].new_session.initialize.session_id or session, session)
            self.assertEqual(ends[0]["status"], "done")
            entries = support.entries_by_key(ends[0])
            self.assertEqual(entries["name"]["widget"], "text_input")
            self.assertEqual(entries["go"]["editable"], False)
            self.assertEqual(entries["seen"]["value"], "")
            kinds = [m["t"] for m in control.messages]
            self.assertLess(kinds.index("run-start"), kinds.index("run-end"))
            logs = [m for m in control.messages if m["t"] == "log" and m["session"] == session]
            self.assertIn(("print", "script says hi", {"file": "app.py", "line": 4}), [(m["source"], m["message"], m["location"]) for m in logs])
            self.assertIn(("logging", "author warns"), [(m["source"], m["message"]) for m in logs])

            # A panel edit, then a rerun: applied at the start of the run, before the body.
            control.send({"t": "edit", "id": 7, "session": session, "key": "name", "field": None, "value": "from the panel"})
            control.send({"t": "edit", "id": 8, "session": session, "key": "go", "field": None, "value": True})
            control.send({"t": "edit", "id": 10, "session": session, "key": "c", "field": "value", "value": 9})
            time.sleep(0.3)  # the companion's reader queues them before the rerun arrives
            forward = rerun()
            control.drain()
            applied = {m["id"]: m for m in control.messages if m["t"] == "edit-applied"}
            self.assertEqual(applied[7]["ok"], True)
            self.assertEqual(applied[8]["ok"], False)
            self.assertIn("cannot be set using `st.session_state`", applied[8]["error"])
            self.assertEqual(applied[10]["ok"], True, applied[10]["error"])
            last_end = [m for m in control.messages if m["t"] == "run-end"][-1]
            self.assertEqual(support.entries_by_key(last_end)["seen"]["value"], "from the panel")
            # The component's key was there at the start of the run (the same-page rerun keeps it):
            # the write went through the presenter's write-through dict, as the script's would.
            self.assertEqual([m["message"] for m in control.messages if m["t"] == "log" and m["message"].startswith("c present")][-1], "c present: True")
            self.assertEqual(support.entries_by_key(last_end)["c"]["state"], {"value": 9})
            self.assertEqual(support.entries_by_key(last_end)["c"]["component"], "demo_dial")
            texts = [d.delta.new_element.markdown.body for d in forward if d.WhichOneof("type") == "delta" and d.delta.WhichOneof("type") == "new_element"]
            self.assertTrue(any("from the panel" in text for text in texts), texts)
            self.assertTrue(any("c value is" in text and "9" in text for text in texts), texts)

            control.send({"t": "value", "id": 9, "session": session, "key": "seen", "field": None, "kind": None})
            answer = control.wait_for(lambda ms: next((m for m in ms if m["t"] == "value" and m["id"] == 9), None))
            self.assertEqual(answer["json"], '"from the panel"')

        # Loopwright goes away: the control socket closes, the process ends within seconds.
        started = time.monotonic()
        control.sock.close()
        process.wait(timeout=10)
        self.assertLess(time.monotonic() - started, 6)

    def test_the_process_ends_when_its_parent_dies(self) -> None:
        # A parent that starts the companion and is then killed without a chance to clean up.
        parent = self.boot(
            [
                sys.executable,
                "-c",
                "import subprocess, sys, time; p = subprocess.Popen(sys.argv[1:]); print(p.pid, flush=True); time.sleep(600)",
            ]
        )
        control = self.accept()
        control.wait_for(lambda ms: ms[0] if ms else None)
        assert parent.stdout is not None
        child = int(parent.stdout.readline())
        os.kill(parent.pid, signal.SIGKILL)
        parent.wait(10)
        deadline = time.monotonic() + 8
        while not is_gone(child) and time.monotonic() < deadline:
            time.sleep(0.1)
        self.assertTrue(is_gone(child), "the companion outlived its parent")

    def test_without_a_control_socket_it_refuses_to_start(self) -> None:
        result = subprocess.run([sys.executable, BOOT, "app.py"], cwd=self.dir, env={k: v for k, v in os.environ.items() if k != "LOOPWRIGHT_CONTROL"}, capture_output=True, text=True, timeout=60)
        self.assertEqual(result.returncode, 2)
        self.assertIn("LOOPWRIGHT_CONTROL", result.stderr)


if __name__ == "__main__":
    unittest.main()
