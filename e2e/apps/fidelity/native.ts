import type { St } from "loopwright";
import { init, repr } from "./lib";

// The native elements authors put around a component (issue 3 item 10; docs/semantics.md Appendix A test ids),
// with keys, on_change callbacks and session-state rules.
const WIDGETS = ["cb", "tg", "sl", "ni", "sb", "rd", "ta"] as const;

export default function app(st: St) {
  for (const key of WIDGETS) init(st, `${key}_changes`, 0);
  const changed = (key: string) => () => {
    st.session_state[`${key}_changes`] += 1;
    // Callbacks run before the body and already see the new value.
    st.session_state[`${key}_seen`] = st.session_state[key];
  };

  // Session-state writes before the widgets are created set their values, without callbacks.
  if (st.button("Preset via session_state")) {
    st.session_state.cb = true;
    st.session_state.ni = 42;
    st.session_state.rd = "z";
  }

  st.header("Native header");
  st.subheader("Native subheader");
  st.caption("Native caption");
  st.text("Native text");
  st.code("const answer = 42;", { language: "javascript" });
  st.divider();
  st.info("Info alert");
  st.success("Success alert");
  st.warning("Warning alert");
  st.error("Error alert");

  const values: Record<string, unknown> = {
    cb: st.checkbox("Check me", { key: "cb", on_change: changed("cb") }),
    tg: st.toggle("Toggle me", { key: "tg", on_change: changed("tg") }),
    sl: st.slider("Slide", { min_value: 0, max_value: 10, value: 3, key: "sl", on_change: changed("sl") }),
    ni: st.number_input("Number", { key: "ni", on_change: changed("ni") }),
    sb: st.selectbox("Pick", ["a", "b", "c"], { key: "sb", on_change: changed("sb") }),
    rd: st.radio("Choose", ["x", "y", "z"], { key: "rd", on_change: changed("rd") }),
    ta: st.text_area("Notes", { key: "ta", on_change: changed("ta") }),
  };
  for (const key of WIDGETS) {
    st.text(`${key} value: ${repr(values[key])} · changes: ${st.session_state[`${key}_changes`]} · seen: ${repr(st.session_state.get(`${key}_seen`, null))}`);
  }

  const columns = st.columns(3);
  columns.forEach((column, i) => column.text(`column ${i + 1}`));
  st.container({ border: true }).text("inside a bordered container");
  st.expander("More details").with(() => st.text("inside the expander"));
  st.sidebar.text("inside the sidebar");
  const sidebarToggle = st.sidebar.checkbox("Sidebar box", { key: "side_cb" });
  st.text(`side_cb value: ${repr(sidebarToggle)}`);

  init(st, "body_runs", 0);
  st.session_state.body_runs += 1;
  st.text(`body runs: ${st.session_state.body_runs}`);
  if (st.button("st.rerun once")) {
    init(st, "reran", 0);
    st.session_state.reran += 1;
    st.rerun();
  }
  if (st.button("st.stop here")) {
    st.text("before stop");
    st.stop();
  }
  st.button("Unrelated rerun");
  if (st.button("Write ni after widget")) st.session_state.ni = 1;
  st.text("end of script");
}
