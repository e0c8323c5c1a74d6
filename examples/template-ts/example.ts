import type { St } from "loopwright";

/**
 * my_ts_component/__init__.py (the wrapper) and example.py, translated line by line; `component`
 * says where the module comes from: the build output, as the wrapper mounts it, or the sources.
 */
export function exampleApp(component: { name: string; js: string }) {
  return function app(st: St) {
    const out = st.components.v2.component(component.name, {
      js: component.js,
      html: '<div class="react-root"></div>',
    });

    const on_num_clicks_change = () => {};

    function my_ts_component(name: string, key: string | null = null) {
      return out({ key, default: { num_clicks: 0 }, data: { name }, on_num_clicks_change });
    }

    st.subheader("Component with constant args");
    let result = my_ts_component("World");
    st.markdown(`You've clicked ${Math.trunc(result.num_clicks)} times!`);

    st.markdown("---");
    st.subheader("Component with variable args");
    const name_input = st.text_input("Enter a name", { value: "Streamlit" });
    result = my_ts_component(name_input, "foo");
    st.markdown(`You've clicked ${Math.trunc(result.num_clicks)} times!`);
  };
}
