import streamlit as st
from lib import CLICKS, buttons_component, inc, init, srepr

# docs/semantics.md §11.4a–f (and §5–§7): triggers, defaults re-filling a browser map, Python
# writes before and after the mount, the browser's stale state map. Maps are printed with sorted
# keys.
for name in ["dup_t_calls", "nocb_calls", "dflt_s_calls", "dflt_other_calls", "nested_s_calls", "whole_a_calls"]:
    init(name, 0)
init("dflt_s_seen", None)
init("nested_s_seen", None)

# Python writes made before the mounts (§6 "Writing before the component call").
if st.button("Python: dflt.s = 9"):
    st.session_state.dflt.s = 9
if st.button("Python: nested.s = 10"):
    st.session_state.nested.s = 10
if st.button("Python: nested.junk = 1"):
    st.session_state.nested.junk = 1
if st.button("Python: whole = {a: 7, b: 8}"):
    st.session_state.whole = {"a": 7, "b": 8}
st.button("Unrelated rerun")

# a) the same trigger twice in one batch: callback ×2, value = last
dup = buttons_component(
    [{"label": "Fire t twice", "calls": [["trigger", "t", 1], ["trigger", "t", 2]]}],
    key="dup",
    on_t_change=inc("dup_t_calls"),
)
st.text(f"dup result: {srepr(dup)}")
st.text(f"dup session: {srepr(st.session_state.get('dup'))}")
st.text(f"dup t calls: {st.session_state.dup_t_calls}")

# b) no callbacks: a trigger appears for its run only; a state key set by the browser persists
nocb = buttons_component(
    [
        {"label": "Fire zz", "calls": [["trigger", "zz", "fired"]]},
        {"label": "Set q", "calls": [["state", "q", "kept"]]},
    ],
    key="nocb",
)
st.text(f"nocb result: {srepr(nocb)}")
st.text(f"nocb session: {srepr(st.session_state.get('nocb'))}")


# c) default {s: 5}: a browser map lacking s reads back the default and fires on_s_change
def on_dflt_s_change():
    st.session_state.dflt_s_calls += 1
    st.session_state.dflt_s_seen = st.session_state.dflt.s


dflt = buttons_component(
    [{"label": "Set other", "calls": [["state", "other", CLICKS]]}],
    key="dflt",
    default={"s": 5},
    on_s_change=on_dflt_s_change,
    on_other_change=inc("dflt_other_calls"),
)
st.text(f"dflt result: {srepr(dflt)}")
st.text(f"dflt session: {srepr(st.session_state.get('dflt'))}")
st.text(f"dflt s calls: {st.session_state.dflt_s_calls}")
st.text(f"dflt other calls: {st.session_state.dflt_other_calls}")
st.text(f"dflt s seen: {srepr(st.session_state.dflt_s_seen)}")


# d) nested writes before the mount: no callback; ignored for non-callback names
def on_nested_s_change():
    st.session_state.nested_s_calls += 1
    st.session_state.nested_s_seen = st.session_state.nested.s


nested = buttons_component(
    [{"label": "Browser sets s", "calls": [["state", "s", CLICKS]]}],
    key="nested",
    on_s_change=on_nested_s_change,
)
st.text(f"nested result: {srepr(nested)}")
st.text(f"nested session: {srepr(st.session_state.get('nested'))}")
st.text(f"nested s calls: {st.session_state.nested_s_calls}")
st.text(f"nested s seen: {srepr(st.session_state.nested_s_seen)}")
# A missing name on a session-state entry reads as None (unlike the result object).
st.text(f"nested missing: {srepr(st.session_state.nested.missing)}")

# e) whole-map assignment before the mount replaces the map
whole = buttons_component(
    [{"label": "Browser sets a and z", "calls": [["state", "a", 1], ["state", "z", "old"]]}],
    key="whole",
    on_a_change=inc("whole_a_calls"),
)
st.text(f"whole result: {srepr(whole)}")
st.text(f"whole session: {srepr(st.session_state.get('whole'))}")
st.text(f"whole a calls: {st.session_state.whole_a_calls}")

# f) writes after the mount raise
if st.button("After mount: nested.s = 11"):
    st.session_state.nested.s = 11
if st.button("After mount: whole = {}"):
    st.session_state.whole = {}

# g) premature_stop: a run that an exception cut short keeps the state of what it did not reach
tail = buttons_component([{"label": "Set tail", "calls": [["state", "s", 1]]}], key="tail")
st.text(f"tail result: {srepr(tail)}")
st.text("end of script")
