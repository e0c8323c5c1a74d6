import type { St } from "loopwright";
import { tableFromArrays } from "apache-arrow";

// basics.py "Arrow serialization" (§11.1 test 8, §3): two tables one level deep in `data` arrive
// as apache-arrow Tables; the label stays JSON. (pandas DataFrames → apache-arrow tables here.)
const ARROW_JS = `
export default function(component) {
  const { parentElement, data } = component

  const root = parentElement.querySelector("#my-arrow-component")

  const { df, df2, label } = data;
  const cols = df.schema.fields.map((f) => f.name);
  const rows = df.toArray();
  const cols2 = df2.schema.fields.map((f) => f.name);
  const rows2 = df2.toArray();

  root.innerText = \`Label: \${label}\\nCols: \${cols}\\nRows: \${rows}\\nCols2: \${cols2}\\nRows2: \${rows2}\`
}
`;

const ARROW_HTML = `
<div id="my-arrow-component"></div>
`;

export default function app(st: St) {
  st.container().with(() => {
    st.subheader("Arrow serialization");
    const cmp = st.components.v2.component("my_arrow_component", { js: ARROW_JS, html: ARROW_HTML });
    const df = tableFromArrays({ a: [1, 2, 3] });
    const df2 = tableFromArrays({ b: [4, 5, 6] });
    cmp({ key: "my_arrow_component", data: { df, df2, label: "Hello World" } });
  });
}
