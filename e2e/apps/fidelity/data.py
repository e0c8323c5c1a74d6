from datetime import datetime, timezone

import pandas as pd
import streamlit as st

# `data` serialization (§3, §11.4i–j, issue 3 item 5): the probe component prints what its
# default export receives. The values are Python's counterparts of data.ts's; where JavaScript
# has no such value the emulator differs (docs/fidelity.md row 3): here what json.dumps rejects
# is sent as the Python repr string, and only a value nothing can carry raises.
PROBE_JS = """
const describe = (v) => {
  if (v instanceof Uint8Array) return 'Uint8Array(' + v.length + ') [' + Array.from(v.slice(0, 6)).join(',') + ']'
  if (v instanceof ArrayBuffer) return 'ArrayBuffer'
  if (v && typeof v === 'object' && typeof v.toArray === 'function' && v.schema) {
    return 'Table rows=' + v.numRows + ' cols=' + v.schema.fields.map((f) => f.name).join(',') + ' data=' + v.toArray()
  }
  if (v === null) return 'null'
  if (Array.isArray(v)) return '[' + v.map(describe).join(', ') + ']'
  if (typeof v === 'object') return '{' + Object.keys(v).map((k) => k + ': ' + describe(v[k])).join('; ') + '}'
  return typeof v + ' ' + JSON.stringify(v)
}
export default function({ parentElement, data }) {
  parentElement.textContent = describe(data)
}
"""

probe = st.components.v2.component("probe", js=PROBE_JS)
table = pd.DataFrame({"a": [1, 2, 3]})

# i) a datetime inside a dict: json.dumps rejects it, so the whole dict is sent as its repr
probe(key="dated", data={"when": datetime(2024, 1, 2, 3, 4, 5, tzinfo=timezone.utc), "n": 1, "nan": float("nan"), "gone": None})
# j) top-level table: Arrow IPC bytes; one level deep: a Table
probe(key="arrow_top", data=table)
probe(key="arrow_nested", data={"t": table, "label": "x"})
# bytes
probe(key="bytes", data=b"\x01\x02\x03")
probe(key="buffer", data=bytearray([4, 5]))
probe(key="plain", data={"list": [1, "two", True, None], "nested": {"deep": [{"x": 1}]}})
# NaN on its own: JSON has no NaN (docs/fidelity.md row 3)
probe(key="nan", data={"n": float("nan")})

loop = {"name": "loop"}
loop["self"] = loop
errors = {
    "Top-level function": lambda: 1,
    "Nested function": {"items": [0, 1, {"fn": lambda: 1}]},
    "Nested BigInt": {"big": 10},
    "Nested cycle": {"loop": loop},
    "Table two levels deep": {"x": {"t": table}},
}
# All buttons render first; the clicked case then mounts with its data (and may raise).
clicked = [label for label in errors if st.button(label)]
for label in clicked:
    probe(key="bad", data=errors[label])
st.text("end of script")
