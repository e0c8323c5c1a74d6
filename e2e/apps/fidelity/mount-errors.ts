import type { MountOptions, St } from "loopwright";
import { srepr } from "./lib";

// Mount-call rules (§2, §4, §5, §11.4g): every case is a button; clicking it makes the bad call
// after everything above has rendered, so each run shows exactly one exception.
const JS = `
export default function({ parentElement }) {
  parentElement.textContent = 'probe'
}
`;

export default function app(st: St) {
  const probe = st.components.v2.component("probe", { js: JS });

  const cases: Record<string, () => unknown> = {
    "Key with __": () => probe({ key: "bad__key" }),
    "Duplicate key": () => {
      probe({ key: "dup", data: 1 });
      probe({ key: "dup", data: 2 });
    },
    "Duplicate unkeyed": () => {
      probe({ data: "same" });
      probe({ data: "same" });
    },
    "on_change callback": () => probe({ key: "cb", on_change: () => {} } as MountOptions),
    "Default without callback": () => probe({ key: "dk", default: { b: 1 }, on_a_change: () => {} }),
    "Width auto": () => probe({ key: "w", width: "auto" as unknown as number }),
    "Missing result attribute": () => (probe({ key: "r" }) as Record<string, unknown>).missing,
  };
  const clicked = Object.keys(cases).filter((label) => st.button(label));

  // Ignored, not errors (§2): a non-callable on_<x>_change and unknown keyword arguments.
  const ok = probe({ key: "ok", on_x_change: "str", foo: 1 } as unknown as MountOptions);
  st.text(`ok result: ${srepr(ok)}`);
  // Unkeyed instances are not in session state (§6).
  probe({ data: "unkeyed" });
  st.text(`session keys: ${[...st.session_state.keys()].sort().join(",")}`);

  for (const label of clicked) cases[label]();
  st.text("end of script");
}
