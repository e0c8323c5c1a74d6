import type { St } from "loopwright";

// Heavy on purpose: 10 MB of `data` (100,000 points) sent to a chart component on every run, next
// to a text input. The component draws only how many points it got; typing and rerunning must
// stay responsive, in the preview and in the Session State panel.
const POINTS = 100_000;

const js = `export default function ({ parentElement, data, setStateValue }) {
  parentElement.querySelector("output").textContent = data.points.length + " points, label " + data.label;
  parentElement.querySelector("button").onclick = () => setStateValue("picked", data.points[data.points.length - 1]);
}`;

function points(): { x: number; y: number; label: string; series: string }[] {
  return Array.from({ length: POINTS }, (_, i) => ({ x: i, y: Math.sin(i / 100) * 1000, label: `point number ${i} of the series`, series: `series-${i % 10}` }));
}

export default function app(st: St) {
  const chart = st.components.v2.component("chart", { html: "<output></output> <button>Pick last</button>", js });
  st.title("10 MB of component data");
  const label = st.text_input("Label", { key: "label" });
  chart({ key: "chart", data: { label, points: points() }, default: { picked: null }, on_picked_change: () => {} });
}
