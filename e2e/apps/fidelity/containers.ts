import type { St } from "loopwright";
import { repr } from "./lib";

// Containers as Python's `with` (issue 3 "API shape for containers"): an author's wrapper mounts
// its component through the global `st`; `container.with(body)` makes it land inside.
const JS = `
export default function({ parentElement, data, setStateValue }) {
  let button = parentElement.querySelector('button')
  if (!button) {
    button = document.createElement('button')
    button.type = 'button'
    parentElement.append(button)
  }
  button.textContent = 'Set from ' + data.where
  button.onclick = () => setStateValue('where', data.where)
}
`;

/** An author's wrapper: knows nothing about containers, renders through the global st. */
function placed(st: St, key: string) {
  const cmp = st.components.v2.component("placed", { js: JS });
  return cmp({ key, data: { where: key }, on_where_change: () => {} });
}

export default function app(st: St) {
  const [left, right] = st.columns(2);
  left.text("left column");
  const inColumn = right.with(() => placed(st, "in_col"));

  st.form("the_form").with(() => {
    placed(st, "in_form");
    st.form_submit_button("Submit the form");
  });

  st.sidebar.with(() => placed(st, "in_sidebar"));
  st.expander("Expander", { expanded: true }).with(() => placed(st, "in_expander"));
  st.container({ border: true }).with(() => {
    // Nested: a column inside a container.
    const [only] = st.columns(1);
    only.with(() => placed(st, "in_nested"));
  });
  const inMain = placed(st, "in_main");

  st.text(`in_col result: ${repr(inColumn)}`);
  st.text(`in_form session: ${repr(st.session_state.get("in_form"))}`);
  st.text(`in_main result: ${repr(inMain)}`);
}
