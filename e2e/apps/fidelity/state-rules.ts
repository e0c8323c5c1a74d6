import type { St } from "loopwright";
import { buttonsComponent, CLICKS, inc, init, srepr } from "./lib";

// docs/semantics.md §11.4a–f (and §5–§7): triggers, defaults re-filling a browser map, Python writes
// before and after the mount, the browser's stale state map. Maps are printed with sorted keys.
export default function app(st: St) {
  for (const name of ["dup_t_calls", "nocb_calls", "dflt_s_calls", "dflt_other_calls", "nested_s_calls", "whole_a_calls"]) init(st, name, 0);
  init(st, "dflt_s_seen", null);
  init(st, "nested_s_seen", null);

  // Python writes made before the mounts (§6 "Writing before the component call").
  if (st.button("Python: dflt.s = 9")) st.session_state.dflt.s = 9;
  if (st.button("Python: nested.s = 10")) st.session_state.nested.s = 10;
  if (st.button("Python: nested.junk = 1")) st.session_state.nested.junk = 1;
  if (st.button("Python: whole = {a: 7, b: 8}")) st.session_state.whole = { a: 7, b: 8 };
  st.button("Unrelated rerun");

  // a) the same trigger twice in one batch → callback ×2, value = last
  const dup = buttonsComponent(st, [{ label: "Fire t twice", calls: [["trigger", "t", 1], ["trigger", "t", 2]] }], {
    key: "dup",
    on_t_change: inc(st, "dup_t_calls"),
  });
  st.text(`dup result: ${srepr(dup)}`);
  st.text(`dup session: ${srepr(st.session_state.get("dup"))}`);
  st.text(`dup t calls: ${st.session_state.dup_t_calls}`);

  // b) no callbacks: a trigger appears for its run only; a state key set by the browser persists
  const nocb = buttonsComponent(st, [
    { label: "Fire zz", calls: [["trigger", "zz", "fired"]] },
    { label: "Set q", calls: [["state", "q", "kept"]] },
  ], { key: "nocb" });
  st.text(`nocb result: ${srepr(nocb)}`);
  st.text(`nocb session: ${srepr(st.session_state.get("nocb"))}`);

  // c) default {s: 5}: a browser map lacking s reads back the default and fires on_s_change
  const dflt = buttonsComponent(st, [{ label: "Set other", calls: [["state", "other", CLICKS]] }], {
    key: "dflt",
    default: { s: 5 },
    on_s_change: () => {
      st.session_state.dflt_s_calls += 1;
      st.session_state.dflt_s_seen = st.session_state.dflt.s;
    },
    on_other_change: inc(st, "dflt_other_calls"),
  });
  st.text(`dflt result: ${srepr(dflt)}`);
  st.text(`dflt session: ${srepr(st.session_state.get("dflt"))}`);
  st.text(`dflt s calls: ${st.session_state.dflt_s_calls}`);
  st.text(`dflt other calls: ${st.session_state.dflt_other_calls}`);
  st.text(`dflt s seen: ${srepr(st.session_state.dflt_s_seen)}`);

  // d) nested writes before the mount: no callback; ignored for non-callback names
  const nested = buttonsComponent(st, [{ label: "Browser sets s", calls: [["state", "s", CLICKS]] }], {
    key: "nested",
    on_s_change: () => {
      st.session_state.nested_s_calls += 1;
      st.session_state.nested_s_seen = st.session_state.nested.s;
    },
  });
  st.text(`nested result: ${srepr(nested)}`);
  st.text(`nested session: ${srepr(st.session_state.get("nested"))}`);
  st.text(`nested s calls: ${st.session_state.nested_s_calls}`);
  st.text(`nested s seen: ${srepr(st.session_state.nested_s_seen)}`);
  // A missing name on a session-state entry reads as None (unlike the result object).
  st.text(`nested missing: ${srepr(st.session_state.nested.missing)}`);

  // e) whole-map assignment before the mount replaces the map
  const whole = buttonsComponent(st, [{ label: "Browser sets a and z", calls: [["state", "a", 1], ["state", "z", "old"]] }], {
    key: "whole",
    on_a_change: inc(st, "whole_a_calls"),
  });
  st.text(`whole result: ${srepr(whole)}`);
  st.text(`whole session: ${srepr(st.session_state.get("whole"))}`);
  st.text(`whole a calls: ${st.session_state.whole_a_calls}`);

  // f) writes after the mount raise
  if (st.button("After mount: nested.s = 11")) st.session_state.nested.s = 11;
  if (st.button("After mount: whole = {}")) st.session_state.whole = {};

  // g) premature_stop: a run that an exception cut short keeps the state of what it did not reach
  const tail = buttonsComponent(st, [{ label: "Set tail", calls: [["state", "s", 1]] }], { key: "tail" });
  st.text(`tail result: ${srepr(tail)}`);
  st.text("end of script");
}
