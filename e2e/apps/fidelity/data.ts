import type { MountOptions, St } from "loopwright";
import { tableFromArrays } from "apache-arrow";

// `data` serialization (§3, §11.4i–j, issue 3 item 5): the probe component prints what its
// default export receives. Loopwright differs from Python where JavaScript has no repr
// (docs/fidelity.md row 3): lossy values are sent as JSON sends them, with a warning naming the
// path; values JSON cannot carry raise BidiComponentUnserializableDataError naming the path.
const PROBE_JS = `
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
`;

export default function app(st: St) {
  const probe = st.components.v2.component("probe", { js: PROBE_JS });
  const table = tableFromArrays({ a: [1, 2, 3] });

  // i) a Date inside an object → ISO string (+ warning); NaN → null, undefined dropped (+ warnings)
  probe({ key: "dated", data: { when: new Date("2024-01-02T03:04:05.000Z"), n: 1, nan: NaN, gone: undefined } });
  // j) top-level table → Uint8Array of Arrow IPC bytes; one level deep → Table
  probe({ key: "arrow_top", data: table });
  probe({ key: "arrow_nested", data: { t: table, label: "x" } });
  // bytes
  probe({ key: "bytes", data: new Uint8Array([1, 2, 3]) });
  probe({ key: "buffer", data: new Uint8Array([4, 5]).buffer });
  probe({ key: "plain", data: { list: [1, "two", true, null], nested: { deep: [{ x: 1 }] } } });
  // NaN on its own: JSON has no NaN (docs/fidelity.md row 3)
  probe({ key: "nan", data: { n: NaN } });

  const errors: Record<string, unknown> = {
    "Top-level function": () => 1,
    "Nested function": { items: [0, 1, { fn: () => 1 }] },
    "Nested BigInt": { big: 10n },
    "Nested cycle": (() => {
      const loop: Record<string, unknown> = { name: "loop" };
      loop.self = loop;
      return { loop };
    })(),
    "Table two levels deep": { x: { t: table } },
  };
  // All buttons render first; the clicked case then mounts with its data and raises.
  const clicked = Object.keys(errors).filter((label) => st.button(label));
  for (const label of clicked) probe({ key: "bad", data: errors[label] } as MountOptions);
  st.text("end of script");
}
