import pandas as pd
import streamlit as st

# basics.py "Arrow serialization" (§11.1 test 8, §3): two DataFrames one level deep in `data`
# arrive as apache-arrow Tables; the label stays JSON.
ARROW_JS = """
export default function(component) {
  const { parentElement, data } = component

  const root = parentElement.querySelector("#my-arrow-component")

  const { df, df2, label } = data;
  const cols = df.schema.fields.map((f) => f.name);
  const rows = df.toArray();
  const cols2 = df2.schema.fields.map((f) => f.name);
  const rows2 = df2.toArray();

  root.innerText = `Label: ${label}\\nCols: ${cols}\\nRows: ${rows}\\nCols2: ${cols2}\\nRows2: ${rows2}`
}
"""

ARROW_HTML = """
<div id="my-arrow-component"></div>
"""

with st.container():
    st.subheader("Arrow serialization")
    cmp = st.components.v2.component("my_arrow_component", js=ARROW_JS, html=ARROW_HTML)
    df = pd.DataFrame({"a": [1, 2, 3]})
    df2 = pd.DataFrame({"b": [4, 5, 6]})
    cmp(key="my_arrow_component", data={"df": df, "df2": df2, "label": "Hello World"})
