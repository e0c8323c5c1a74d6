"""run-start / run-end per session, hooked on Streamlit's ScriptRunner
(streamlit/runtime/scriptrunner/script_runner.py).

- `ScriptRunner.__init__`: after it, our receiver is connected to the runner's `on_event` signal.
  AppSession (and AppTest's LocalScriptRunner) connect theirs after construction, and the signal
  calls receivers in the order they connected, so ours runs first. AppSession's receiver only
  schedules the work on the event loop (`call_soon_threadsafe`), which is where the browser's
  `script_finished` ForwardMsg is built and enqueued; run-end is written to the socket (waited for,
  bounded) inside our receiver, before that scheduling happens.
- `ScriptRunContext.on_script_start`: called on the script thread once widget states were applied
  and their callbacks ran (`SessionState.on_script_will_rerun`), right before the script body (or
  the fragments) execute: pending panel edits are applied there, then run-start is sent.
- The SCRIPT_STOPPED_* events (sent from `ScriptRunner._on_script_finished`, or straight from
  `_run_script` for a compile error): the snapshot is taken and run-end sent.
- `exec_func_with_error_handling` (as script_runner.py calls it): its result tells an uncaught
  exception (`run_without_errors` False) and `st.stop()`/Stop (`premature_stop` without error).
- `SessionState.on_script_finished`: the trigger aggregators are read just before Streamlit resets
  them, so run-end shows the triggers this run saw.
"""

from __future__ import annotations

import threading
from typing import Any

from loopwright_companion import channel, edits, guard, logs, snapshot, sources
from loopwright_companion.context import script_ctx

# How long run-end may hold the script thread while the host is slow to read.
RUN_END_WAIT = 1.0

_STOPPED = {
    "SCRIPT_STOPPED_WITH_SUCCESS",
    "SCRIPT_STOPPED_WITH_COMPILE_ERROR",
    "SCRIPT_STOPPED_FOR_RERUN",
    "FRAGMENT_STOPPED_WITH_SUCCESS",
}


class _RunState(threading.local):
    def __init__(self) -> None:
        self.open = False  # run-start was sent for the run in progress on this thread
        self.captured: dict[str, Any] | None = None
        self.exec_result: tuple[bool, bool] | None = None  # (run_without_errors, premature_stop)


_run = _RunState()


def install() -> None:
    from streamlit.runtime.scriptrunner import script_runner
    from streamlit.runtime.scriptrunner_utils import script_run_context
    from streamlit.runtime.state import session_state

    runner_class = getattr(script_runner, "ScriptRunner", None)
    if runner_class is None or not hasattr(runner_class, "__init__"):
        guard.disable("report runs and Session State", "streamlit.runtime.scriptrunner.script_runner.ScriptRunner is missing")
        return

    def make_init(original: Any) -> Any:
        def __init__(self: Any, *args: Any, **kwargs: Any) -> None:
            original(self, *args, **kwargs)
            try:
                self.on_event.connect(_on_runner_event, weak=False)
            except Exception:  # noqa: BLE001
                guard.internal_error("runs", "listening to a ScriptRunner")

        return __init__

    if not guard.wrap(runner_class, "__init__", "report runs and Session State", make_init):
        return

    def make_start(original: Any) -> Any:
        def on_script_start(self: Any, *args: Any, **kwargs: Any) -> Any:
            result = original(self, *args, **kwargs)
            try:
                _body_starts(self)
            except Exception:  # noqa: BLE001
                guard.internal_error("run-start", "starting a run")
            return result

        return on_script_start

    # Without it, run-start comes with run-end and edits cannot be applied.
    context_class = getattr(script_run_context, "ScriptRunContext", None)
    if context_class is None:
        guard.disable("apply panel edits at the start of a run", "ScriptRunContext is missing")
    else:
        guard.wrap(context_class, "on_script_start", "apply panel edits at the start of a run", make_start)

    def make_exec(original: Any) -> Any:
        def exec_func_with_error_handling(*args: Any, **kwargs: Any) -> Any:
            result = original(*args, **kwargs)
            try:
                if isinstance(result, tuple) and len(result) >= 4:
                    _run.exec_result = (bool(result[1]), bool(result[3]))
            except Exception:  # noqa: BLE001
                guard.internal_error("run status", "reading a run's outcome")
            return result

        return exec_func_with_error_handling

    guard.wrap(script_runner, "exec_func_with_error_handling", "tell a stopped run from a finished one", make_exec)

    def make_finished(original: Any) -> Any:
        def on_script_finished(self: Any, *args: Any, **kwargs: Any) -> Any:
            try:
                _run.captured = snapshot.capture_triggers(self)
            except Exception:  # noqa: BLE001
                guard.internal_error("triggers", "reading this run's trigger values")
            return original(self, *args, **kwargs)

        return on_script_finished

    guard.wrap(session_state.SessionState, "on_script_finished", "show this run's trigger values", make_finished)

    try:
        from streamlit.runtime.app_session import AppSession

        def make_shutdown(original: Any) -> Any:
            def shutdown(self: Any, *args: Any, **kwargs: Any) -> Any:
                try:
                    session = getattr(self, "id", None)
                    if isinstance(session, str):
                        snapshot.forget(session)
                        edits.forget(session)
                except Exception:  # noqa: BLE001
                    guard.internal_error("sessions", "forgetting a closed session")
                return original(self, *args, **kwargs)

            return shutdown

        # Only frees a closed session's snapshot: nothing to warn about when it is missing.
        if callable(getattr(AppSession, "shutdown", None)):
            guard.wrap(AppSession, "shutdown", "free closed sessions", make_shutdown)
    except Exception:  # noqa: BLE001
        pass


def _on_runner_event(sender: Any, event: Any = None, **kwargs: Any) -> None:
    try:
        name = getattr(event, "name", None) or str(event)
        if name == "ENQUEUE_FORWARD_MSG":
            snapshot.note_forward_msg(kwargs.get("forward_msg"))
        elif name == "SCRIPT_STARTED":
            _run.open = False
            _run.captured = None
            _run.exec_result = None
        elif name in _STOPPED:
            _run_ends(sender, name, kwargs.get("exception"))
    except Exception:  # noqa: BLE001 - a receiver that raises would break Streamlit's dispatch
        guard.internal_error("runs", f"handling {getattr(event, 'name', event)}")


def _session_of(ctx: Any, sender: Any = None) -> str | None:
    session = getattr(ctx, "session_id", None) if ctx is not None else None
    if not isinstance(session, str) and sender is not None:
        session = getattr(sender, "_session_id", None)
    return session if isinstance(session, str) and session else None


def _body_starts(ctx: Any) -> None:
    session = _session_of(ctx)
    if session is None:
        return
    edits.apply_pending(ctx, session)
    sources.begin_run()
    channel.send({"t": "run-start", "session": session, "at": channel.now_ms()})
    _run.open = True


def _status(sender: Any, event: str) -> str:
    if event == "SCRIPT_STOPPED_FOR_RERUN":
        return "rerun"
    if event == "SCRIPT_STOPPED_WITH_COMPILE_ERROR":
        return "exception"
    result = _run.exec_result
    if result is not None:
        run_without_errors, premature_stop = result
        if not run_without_errors:
            return "exception"
        return "stopped" if premature_stop else "done"
    try:
        from streamlit.runtime.state import SCRIPT_RUN_WITHOUT_ERRORS_KEY

        if sender._session_state[SCRIPT_RUN_WITHOUT_ERRORS_KEY] is False:
            return "exception"
    except Exception:  # noqa: BLE001
        pass
    return "done"


def _run_ends(sender: Any, event: str, exception: Any) -> None:
    ctx = script_ctx()
    session = _session_of(ctx, sender)
    if session is None:
        return
    at = channel.now_ms()
    if not _run.open:
        # A run that never reached its body (a compile error; a callback's st.rerun()): the browser
        # saw it start and finish, so the host gets the pair too. Pending edits wait for the next.
        channel.send({"t": "run-start", "session": session, "at": at})
    if event == "SCRIPT_STOPPED_WITH_COMPILE_ERROR" and isinstance(exception, BaseException):
        logs.report_exception(exception, session)
    logs.flush_thread()
    status = _status(sender, event)
    safe_state = getattr(sender, "_session_state", None) or getattr(ctx, "session_state", None)
    entries: list[dict[str, Any]] = []
    if safe_state is not None:
        try:
            entries = snapshot.take(safe_state, session, _run.captured)
        except Exception:  # noqa: BLE001
            guard.internal_error("snapshot", "reading Session State after a run")
    message = {"t": "run-end", "session": session, "at": at, "status": status, "entries": entries, "sources": sources.end_run()}
    channel.send(message, wait=RUN_END_WAIT)
    _run.open = False
    _run.captured = None
    _run.exec_result = None
    current = channel.current()
    dropped = current.take_dropped() if current is not None else 0
    if dropped:
        guard.warn(f"Loopwright was slow to read: {dropped:,} log line(s) from the app were dropped.")
