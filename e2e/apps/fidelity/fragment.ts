import type { St } from "loopwright";
import { ctxComponent, inc, init, repr } from "./lib";

// basics.py "Fragment context" (§11.1 test 5, §8.5): an interaction inside @st.fragment reruns
// only the fragment; the global run counter stays. Plus st.rerun({scope: "fragment"}).
export default function app(st: St) {
  st.container().with(() => {
    st.subheader("Fragment context (partial reruns and local counters)");
    init(st, "frag_text_changes", 0);
    init(st, "frag_clicked_changes", 0);
    init(st, "frag_runs", 0);
    init(st, "runs", 0);
    st.session_state.runs += 1;

    const renderFragment = st.fragment(() => {
      st.session_state.frag_runs += 1;
      const fragResult = ctxComponent(st, {
        key: "in_fragment",
        data: { contextName: "Fragment" },
        on_text_change: inc(st, "frag_text_changes"),
        on_clicked_change: inc(st, "frag_clicked_changes"),
      });
      st.text(`Fragment Result: ${repr(fragResult)}`);
      st.text(`Fragment session state: ${repr(st.session_state.get("in_fragment"))}`);
      st.text(`Fragment Text changes: ${st.session_state.frag_text_changes}`);
      st.text(`Fragment Clicked count: ${st.session_state.frag_clicked_changes}`);
      st.text(`Fragment runs: ${st.session_state.frag_runs}`);
      if (st.button("Rerun this fragment")) st.rerun({ scope: "fragment" });
    });

    renderFragment();

    st.text(`Runs: ${st.session_state.runs}`);
  });
}
