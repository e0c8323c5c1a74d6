"""Loopwright's entry into the author's Python process.

    LOOPWRIGHT_CONTROL=/path/to/control.sock \
        python /path/to/companion/loopwright_boot.py app.py [--server.headless=true ...] [-- script args]

runs the author's app exactly as `streamlit run app.py [flags]` would (Streamlit's own CLI entry,
so `.streamlit/config.toml`, secrets, `pages/` and sys.path behave the same), with the companion
installed: it connects to the control socket, says hello, installs its hooks, and ends the process
when the socket closes or the parent process dies. None of the author's files is touched.
"""

from __future__ import annotations

import os
import sys


def _fail(message: str, code: int = 2) -> None:
    sys.stderr.write(f"loopwright companion: {message}\n")
    sys.stderr.flush()
    sys.exit(code)


def main() -> None:
    here = os.path.dirname(os.path.abspath(__file__))
    if len(sys.argv) < 2:
        _fail("usage: loopwright_boot.py APP.py [streamlit run flags...]")
    app = sys.argv[1]
    control = os.environ.get("LOOPWRIGHT_CONTROL")
    if not control:
        _fail("LOOPWRIGHT_CONTROL (the control socket's path) is not set; this entry is for Loopwright only.")

    # Import the whole companion while its folder is on sys.path, then take the folder off again
    # (python put it first, as the script's folder): the author's imports resolve as they would
    # under `streamlit run`.
    if here not in sys.path:
        sys.path.insert(0, here)
    # No bytecode written into Loopwright's folder (it may be read-only); the author's imports
    # afterwards write theirs as under `streamlit run`.
    writes_bytecode = sys.dont_write_bytecode
    sys.dont_write_bytecode = True
    try:
        from loopwright_companion import channel, descriptors, hooks, lifeline  # noqa: F401, PLC0415
    finally:
        sys.dont_write_bytecode = writes_bytecode

    ours = {here, os.path.realpath(here)}
    sys.path[:] = [entry for entry in sys.path if not ({os.path.abspath(entry or os.curdir), os.path.realpath(entry or os.curdir)} & ours)]
    # Forget LOOPWRIGHT_CONTROL for the author's code and anything it starts.
    os.environ.pop("LOOPWRIGHT_CONTROL", None)

    lifeline.die_with_parent()
    try:
        control_channel = channel.Channel.connect(control, on_close=lambda reason: lifeline.end(reason))
    except OSError as error:
        _fail(f"cannot connect to Loopwright's control socket {control}: {error}")
        return
    hooks.send_hello(control_channel)
    hooks.install(control_channel, app)
    control_channel.start_reading()

    from streamlit.web import cli  # noqa: PLC0415

    sys.argv = ["streamlit", "run", app, *sys.argv[2:]]
    try:
        cli.main(prog_name="streamlit")
    finally:
        control_channel.flush(timeout=1.0)


if __name__ == "__main__":
    main()
