import streamlit as st
from lib import init, srepr

# Frontend lifecycle (§4, §8.2–§8.4, issue 3 items 1, 2, 6, 7). The component's module appends
# every evaluation, invocation and cleanup to <pre id="lw-lifecycle-log"> in the page
# (components have full page-DOM access), so the spec can read what happened and in which mount.
LIFE_JS = r"""
const LOG_ID = 'lw-lifecycle-log'
function logLine(line) {
  let pre = document.getElementById(LOG_ID)
  if (!pre) {
    pre = document.createElement('pre')
    pre.id = LOG_ID
    document.body.append(pre)
  }
  pre.textContent += line + '\n'
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
"""

# Storage inside a component: on Streamlit the app's own origin; in the emulator's opaque-origin
# preview, in-memory stand-ins (docs/fidelity.md row 9).
STORAGE_JS = """
export default function({ parentElement, data }) {
  const visits = Number(localStorage.getItem('visits') ?? '0') + 1
  localStorage.setItem('visits', String(visits))
  sessionStorage.setItem('tab', 'ok')
  document.cookie = 'flavour=choc'
  parentElement.textContent = 'visits=' + visits + ' session=' + sessionStorage.getItem('tab') + ' cookie=' + document.cookie
}
"""


def js_version(version):
    """A JS text that changes when "Change JS" is clicked: a new module (evaluated once more), the
    same mount re-invoked without cleanup (§8.3 "inline JS text")."""
    return r"""
function logLine(line) {
  let pre = document.getElementById('lw-lifecycle-log')
  if (!pre) {
    pre = document.createElement('pre')
    pre.id = 'lw-lifecycle-log'
    document.body.append(pre)
  }
  pre.textContent += line + '\n'
}
logLine('evaluate-jsver ${version}')
export default function({ key }) {
  logLine('invoke jsver ${version} ' + key)
  return () => logLine('cleanup jsver ${version} ' + key)
}
""".replace("${version}", str(version))


init("jsv", 0)
if st.button("Change JS"):
    st.session_state.jsv += 1
init("n", 0)
init("show", True)
if st.button("Change data"):
    st.session_state.n += 1
if st.button("Toggle vanish"):
    st.session_state.show = not st.session_state.show
st.button("Unrelated rerun")
n = st.session_state.n


def noop():
    pass


life = st.components.v2.component("lifecycle", js=LIFE_JS)
unkeyed = life(data={"label": "unkeyed", "n": n}, on_v_change=noop)
st.text(f"unkeyed result: {srepr(unkeyed)}")
keyed = life(key="keyed", data={"label": "keyed", "n": n}, on_v_change=noop)
st.text(f"keyed result: {srepr(keyed)}")
nodata = life(key="nodata", on_v_change=noop)
st.text(f"nodata result: {srepr(nodata)}")
if st.session_state.show:
    vanish = life(key="vanish", data={"label": "vanish", "n": 0}, default={"v": "default"}, on_v_change=noop)
    st.text(f"vanish result: {srepr(vanish)}")
else:
    st.text("vanish result: not rendered")

jsver = st.components.v2.component("jsver", js=js_version(st.session_state.jsv))
jsver(key="jsver")

storage = st.components.v2.component("storage", js=STORAGE_JS)
storage(key="storage", data={"n": n})
st.text(f"session keys: {','.join(sorted(st.session_state.keys()))}")
