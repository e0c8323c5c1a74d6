import type { St } from "loopwright";
import { init, repr, statefulComponent } from "./lib";

// basics.py "Stateful" (§11.1 test 2): two state keys with callbacks; an unrelated st.button.
export default function app(st: St) {
  st.container().with(() => {
    st.subheader("Stateful");
    init(st, "stateful_range_change_count", 0);
    init(st, "stateful_text_change_count", 0);

    const result = statefulComponent(st, {
      key: "stateful_component_1",
      on_range_change: () => {
        st.session_state.stateful_range_change_count += 1;
      },
      on_text_change: () => {
        st.session_state.stateful_text_change_count += 1;
      },
    });

    st.text(`Result: ${repr(result)}`);
    st.text(`session_state: ${repr(st.session_state.get("stateful_component_1"))}`);
    st.text(`Range change count: ${st.session_state.stateful_range_change_count}`);
    st.text(`Text change count: ${st.session_state.stateful_text_change_count}`);
  });
  st.divider();
  st.button("st.button trigger");
}
