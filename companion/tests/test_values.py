"""How values are presented: JSON when it round-trips, bounded descriptions, summaries over the cap."""

from __future__ import annotations

import hashlib
import json
import unittest
from unittest import mock

import support  # noqa: F401 - puts the companion on sys.path

from loopwright_companion import values


class PresentTest(unittest.TestCase):
    def test_json_values_are_editable_and_shown_as_json(self) -> None:
        presented = values.present({"a": [1, 2.5, "x", None, True]})
        self.assertEqual(presented.value, {"a": [1, 2.5, "x", None, True]})
        self.assertEqual(presented.display, '{"a":[1,2.5,"x",null,true]}')
        self.assertTrue(presented.editable)
        self.assertIsNone(presented.summary)

    def test_values_json_cannot_hold_are_described_read_only(self) -> None:
        for value in ((1, 2), {1: "a"}, float("nan"), 2**60, object(), {"a": {1, 2}}):
            presented = values.present(value)
            self.assertIsNone(presented.value, repr(value))
            self.assertFalse(presented.editable, repr(value))
            self.assertTrue(presented.display)
        cyclic: list = []
        cyclic.append(cyclic)
        self.assertFalse(values.present(cyclic).editable)

    def test_a_dict_subclass_is_not_plain_json(self) -> None:
        class Special(dict):
            pass

        self.assertFalse(values.present(Special(a=1)).editable)

    def test_descriptions_are_bounded(self) -> None:
        presented = values.present([(i, i) for i in range(1_000_000)])
        self.assertLessEqual(len(presented.display), values.SUMMARY_PREFIX_CHARS + 1)

    def test_display_fits_the_protocols_long_text(self) -> None:
        presented = values.present("x" * 90_000)
        self.assertTrue(presented.editable)
        self.assertEqual(presented.value, "x" * 90_000)
        self.assertLessEqual(len(presented.display), values.LONG_TEXT)

    def test_big_values_are_summarised_with_the_whole_text_kept(self) -> None:
        big = {f"key{i}": {"n": i, "tags": ["a", "b"]} for i in range(20_000)}
        presented = values.present(big)
        text = json.dumps(big, separators=(",", ":"), ensure_ascii=False)
        self.assertIsNone(presented.value)
        self.assertTrue(presented.editable)
        self.assertEqual(presented.text, text)
        summary = presented.summary
        assert summary is not None
        self.assertEqual(summary["size"], len(text))
        self.assertEqual(summary["type"], "object")
        self.assertEqual(summary["count"], 20_000)
        self.assertEqual(summary["digest"], hashlib.sha1(text.encode()).hexdigest())
        self.assertTrue(summary["prefix"].startswith('{\n  "key0": {\n    "n": 0,'))
        self.assertEqual(len(summary["prefix"]), values.SUMMARY_PREFIX_CHARS + 1)
        self.assertTrue(summary["prefix"].endswith("…"))
        self.assertEqual(presented.display, f"{values.format_size(len(text))} object · 20,000 keys")

    def test_sizes_count_utf16_code_units_as_the_host_does(self) -> None:
        text = "😀" * 60_000  # 2 code units each: over the cap for the host though 60,002 characters here
        presented = values.present(text)
        assert presented.summary is not None
        self.assertEqual(presented.summary["size"], 120_002)
        self.assertEqual(presented.summary["type"], "string")
        self.assertTrue(presented.summary["prefix"].startswith('"😀😀'))

    def test_a_24_mb_value_is_summarised_without_printing_it_whole(self) -> None:
        big = {f"row{i}": {"name": f"n{i}", "values": list(range(10))} for i in range(240_000)}
        pretty_chunks = 0
        original = json.JSONEncoder.iterencode

        def counting(encoder: json.JSONEncoder, value: object, *args: object, **kwargs: object):  # type: ignore[no-untyped-def]
            nonlocal pretty_chunks
            for chunk in original(encoder, value, *args, **kwargs):  # type: ignore[arg-type]
                if encoder.indent is not None:
                    pretty_chunks += 1
                yield chunk

        with mock.patch.object(json.JSONEncoder, "iterencode", counting):
            presented = values.present(big)
        assert presented.summary is not None
        self.assertGreater(presented.summary["size"], 10_000_000)
        self.assertLess(len(presented.summary["prefix"]), 2_100)
        # One walk, one compact encoding and one digest; of the pretty JSON only the prefix.
        self.assertLess(pretty_chunks, 2_000)

    def test_pretty_prefix_of_small_values_is_whole(self) -> None:
        self.assertEqual(values.pretty_prefix({"a": [1]}), '{\n  "a": [\n    1\n  ]\n}')
        self.assertEqual(values.pretty_prefix([]), "[]")

    def test_one_object_is_presented_once_per_snapshot(self) -> None:
        presenter = values.ValuePresenter()
        shared = list(range(50_000))
        first = presenter.present(shared, values.full_value_path("k", "a", "state"))
        second = presenter.present(shared, values.full_value_path("k", "b", "state"))
        self.assertIs(first, second)
        self.assertEqual(set(presenter.full), {values.full_value_path("k", "a", "state"), values.full_value_path("k", "b", "state")})


if __name__ == "__main__":
    unittest.main()
