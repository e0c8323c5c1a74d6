import type { St } from "loopwright";
import { init, repr, triggerComponent } from "./lib";

// basics.py "Trigger" (§11.1 test 3): foo / bar / both triggers with callbacks.
export default function app(st: St) {
  st.container().with(() => {
    st.subheader("Trigger");
    init(st, "trigger_foo_count", 0);
    init(st, "trigger_bar_count", 0);

    const result = triggerComponent(st, {
      key: "trigger_component_1",
      on_foo_change: () => {
        st.session_state.trigger_foo_count += 1;
      },
      on_bar_change: () => {
        st.session_state.trigger_bar_count += 1;
      },
    });

    st.text(`Result: ${repr(result)}`);
    st.text(`Foo count: ${st.session_state.trigger_foo_count}`);
    st.text(`Bar count: ${st.session_state.trigger_bar_count}`);
    st.text(`Session state: ${repr(st.session_state.get("trigger_component_1"))}`);

    st.button("st.button trigger");
  });
}
