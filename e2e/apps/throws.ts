import type { St } from "loopwright";

// An app whose script throws after rendering one element: the page shows the element and
// Streamlit's exception box, whose trace points at the throwing line of this file.
export default function app(st: St) {
  st.markdown("before the error");
  throw new Error("boom from throws.ts");
}
