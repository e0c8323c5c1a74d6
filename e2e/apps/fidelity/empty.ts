import type { St } from "loopwright";

// basics.py "Empty content": a component with no html/css/js (isolate_styles=False) renders one
// empty stBidiComponentRegular and the script goes on (§1, §11.1 test 1).
export default function app(st: St) {
  st.header("Custom Components v2 - Basics");
  const empty = st.components.v2.component("bidi_empty_content", { isolate_styles: false });
  st.container({ key: "empty_component_container" }).with(() => {
    st.subheader("Empty content");
    empty({ key: "empty_component" });
    st.write("After empty component");
  });
}
