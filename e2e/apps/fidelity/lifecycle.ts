import type { St } from "loopwright";
import { init, srepr } from "./lib";

// Frontend lifecycle (§4, §8.2–§8.4, issue 3 items 1, 2, 6, 7). The component's module appends
// every evaluation, invocation and cleanup to <pre id="lw-lifecycle-log"> in the preview page
// (components have full page-DOM access), so the spec can read what happened and in which mount.
const LIFE_JS = `
const LOG_ID = 'lw-lifecycle-log'
function logLine(line) {
  let pre = document.getElementById(LOG_ID)
  if (!pre) {
    pre = document.createElement('pre')
    pre.id = LOG_ID
    document.body.append(pre)
  }
  pre.textContent += line + '\\n'
}
globalThis.__lwLifecycleEvaluations = (globalThis.__lwLifecycleEvaluations ?? 0) + 1
logLine('evaluate ' + globalThis.__lwLifecycleEvaluations)

export default function({ parentElement, data, key, setStateValue }) {
  const label = data?.label ?? 'nodata'
  const n = data?.n ?? '-'
  logLine('invoke ' + label + ' ' + n + ' ' + key)
  let root = parentElement.querySelector('.life')
  if (!root) {
    root = document.createElement('div')
    root.className = 'life'
    const button = document.createElement('button')
    button.type = 'button'
    button.textContent = 'Set v'
    const out = document.createElement('span')
    out.className = 'out'
    root.append(button, out)
    parentElement.append(root)
  }
  root.querySelector('button').onclick = () => setStateValue('v', 'browser')
  const host = parentElement.host ?? parentElement
  const bg = getComputedStyle(host).getPropertyValue('--st-background-color').trim()
  root.querySelector('.out').textContent = 'label=' + label + ' n=' + n + ' bg=' + bg
  return () => logLine('cleanup ' + label + ' ' + n + ' ' + key)
}
`;

// Storage inside a component: the sandboxed preview has no origin, so Loopwright provides
// in-memory stand-ins for localStorage, sessionStorage and document.cookie.
const STORAGE_JS = `
export default function({ parentElement, data }) {
  const visits = Number(localStorage.getItem('visits') ?? '0') + 1
  localStorage.setItem('visits', String(visits))
  sessionStorage.setItem('tab', 'ok')
  document.cookie = 'flavour=choc'
  parentElement.textContent = 'visits=' + visits + ' session=' + sessionStorage.getItem('tab') + ' cookie=' + document.cookie
}
`;

// A JS text that changes when "Change JS" is clicked: a new module (evaluated once more), the
// same mount re-invoked without cleanup (§8.3 "inline JS text").
const jsVersion = (version: number) => `
function logLine(line) {
  let pre = document.getElementById('lw-lifecycle-log')
  if (!pre) {
    pre = document.createElement('pre')
    pre.id = 'lw-lifecycle-log'
    document.body.append(pre)
  }
  pre.textContent += line + '\\n'
}
logLine('evaluate-jsver ${version}')
export default function({ key }) {
  logLine('invoke jsver ${version} ' + key)
  return () => logLine('cleanup jsver ${version} ' + key)
}
`;

export default function app(st: St) {
  init(st, "jsv", 0);
  if (st.button("Change JS")) st.session_state.jsv += 1;
  init(st, "n", 0);
  init(st, "show", true);
  if (st.button("Change data")) st.session_state.n += 1;
  if (st.button("Toggle vanish")) st.session_state.show = !st.session_state.show;
  st.button("Unrelated rerun");
  const n = st.session_state.n;
  const noop = () => {};

  const life = st.components.v2.component("lifecycle", { js: LIFE_JS });
  const unkeyed = life({ data: { label: "unkeyed", n }, on_v_change: noop });
  st.text(`unkeyed result: ${srepr(unkeyed)}`);
  const keyed = life({ key: "keyed", data: { label: "keyed", n }, on_v_change: noop });
  st.text(`keyed result: ${srepr(keyed)}`);
  const nodata = life({ key: "nodata", on_v_change: noop });
  st.text(`nodata result: ${srepr(nodata)}`);
  if (st.session_state.show) {
    const vanish = life({ key: "vanish", data: { label: "vanish", n: 0 }, default: { v: "default" }, on_v_change: noop });
    st.text(`vanish result: ${srepr(vanish)}`);
  } else {
    st.text("vanish result: not rendered");
  }

  const jsver = st.components.v2.component("jsver", { js: jsVersion(st.session_state.jsv) });
  jsver({ key: "jsver" });

  const storage = st.components.v2.component("storage", { js: STORAGE_JS });
  storage({ key: "storage", data: { n } });
  st.text(`session keys: ${[...st.session_state.keys()].sort().join(",")}`);
}
