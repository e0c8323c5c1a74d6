"""A Streamlit without some of the attributes the companion hooks: one companion warning per
missing feature, that feature off, everything else on, and the app runs as before."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import unittest

import support  # noqa: F401

from loopwright_companion import guard

HERE = os.path.dirname(os.path.abspath(__file__))


class GuardTest(unittest.TestCase):
    def test_a_missing_attribute_disables_its_feature_with_one_warning(self) -> None:
        class Owner:
            present = staticmethod(lambda: 1)

        before = len(guard.disabled)
        self.assertFalse(guard.wrap(Owner, "absent", "do a thing", lambda original: original))
        self.assertFalse(guard.wrap(Owner, "absent", "do a thing", lambda original: original))
        self.assertIn("do a thing", guard.disabled)
        self.assertEqual(len(guard.disabled), before + 1)
        self.assertTrue(guard.wrap(Owner, "present", "do another thing", lambda original: lambda: original() + 1))
        self.assertEqual(Owner.present(), 2)
        # Installing twice does not wrap twice.
        self.assertTrue(guard.wrap(Owner, "present", "do another thing", lambda original: lambda: original() + 1))
        self.assertEqual(Owner.present(), 2)


class DegradedStreamlitTest(unittest.TestCase):
    def test_missing_hooks_turn_features_off_not_the_app(self) -> None:
        result = subprocess.run([sys.executable, os.path.join(HERE, "degraded.py")], cwd=HERE, capture_output=True, text=True, timeout=120)
        self.assertEqual(result.returncode, 0, result.stderr[-4000:])
        messages = [json.loads(line[len("MESSAGE ") :]) for line in result.stdout.splitlines() if line.startswith("MESSAGE ")]
        for message in messages:
            support.dump(message)
        exceptions = json.loads(next(line for line in result.stdout.splitlines() if line.startswith("EXCEPTION "))[len("EXCEPTION ") :])
        self.assertEqual(exceptions, ["boom"])  # the app behaved as without the companion

        warnings = [m["message"] for m in messages if m["t"] == "log" and m["source"] == "companion"]
        self.assertEqual(len(warnings), 3, warnings)
        self.assertTrue(any("apply panel edits" in w for w in warnings))
        self.assertTrue(any("on_change callbacks" in w for w in warnings))
        self.assertTrue(any("toggle shows as checkbox" in w for w in warnings))
        # Without error_util._log_uncaught_app_exception the public handler, where the script
        # runner calls it, still shows uncaught exceptions: no warning, and the exception is there.
        self.assertEqual([m["message"] for m in messages if m["t"] == "log" and m["source"] == "exception"], ["RuntimeError: boom"])
        self.assertTrue(all(m["session"] is None and m["level"] in ("warn", "error") for m in messages if m["t"] == "log" and m["source"] == "companion"))

        # Runs and snapshots still work: run-start comes with run-end; the toggle is named by its element.
        kinds = [m["t"] for m in messages if m["t"] in ("run-start", "run-end")]
        self.assertEqual(kinds, ["run-start", "run-end", "run-start", "run-end"])
        ends = [m for m in messages if m["t"] == "run-end"]
        self.assertEqual([m["status"] for m in ends], ["done", "exception"])
        self.assertEqual(support.entries_by_key(ends[0])["on"]["widget"], "checkbox")
        # Edits cannot be applied without the start-of-run hook: none is claimed.
        self.assertEqual([m for m in messages if m["t"] == "edit-applied"], [])
        self.assertEqual([m for m in messages if m["t"] == "callback"], [])


if __name__ == "__main__":
    unittest.main()
