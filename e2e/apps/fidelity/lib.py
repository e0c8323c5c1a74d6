"""Shared pieces of the Python fidelity apps: the components of Streamlit's
e2e_playwright/bidi_components/basics.py, with the same html/js text as lib.ts beside this file
(the TypeScript apps' copy), so both hosts mount byte-identical components.

Streamlit puts the script's folder on sys.path, so an app here imports this as `lib`.
"""

import streamlit as st


def init(name, value):
    if name not in st.session_state:
        st.session_state[name] = value


def inc(name):
    """`st.session_state[name] += 1`, as a no-argument callback."""

    def callback():
        st.session_state[name] = st.session_state.get(name, 0) + 1

    return callback


def srepr(value):
    """repr with keys sorted at every level: for maps whose key order the spec does not fix."""

    def sort(v):
        if isinstance(v, list):
            return [sort(x) for x in v]
        if isinstance(v, dict):
            return {k: sort(v[k]) for k in sorted(v)}
        return v

    return repr(sort(value))


# basics.py: the stateful component (range + text)
STATEFUL_JS = """
let hasMounted = {}

export default function(component) {
  const { parentElement, setStateValue, data, key } = component

  const rangeInput = parentElement.querySelector('#range')
  const textInput = parentElement.querySelector('#text')

  const hasMountedForKey = hasMounted[key]

  if (typeof data?.initialRange !== 'undefined' && !hasMountedForKey) {
    rangeInput.value = String(data.initialRange)
  }
  if (typeof data?.initialText !== 'undefined' && !hasMountedForKey) {
    textInput.value = String(data.initialText)
  }

  const handleRangeChange = (event) => {
    setStateValue('range', event.target.value)
  }

  const handleTextChange = (event) => {
    setStateValue('text', event.target.value)
  }

  rangeInput.addEventListener('change', handleRangeChange)
  textInput.addEventListener('input', handleTextChange)

  hasMounted[key] = true

  return () => {
    rangeInput.removeEventListener('change', handleRangeChange)
    textInput.removeEventListener('input', handleTextChange)
  }
}
"""

STATEFUL_HTML = """
<div>
  <label for="range">Range</label>
  <input type="range" id="range" min="0" max="100" value="50" />
  <label for="text">Text</label>
  <input type="text" id="text" value="Text input" />
</div>
"""


def stateful_component(*, key=None, data=None, on_range_change=None, on_text_change=None, default=None):
    cmp = st.components.v2.component("bidi_stateful", js=STATEFUL_JS, html=STATEFUL_HTML)
    return cmp(key=key, data=data, on_range_change=on_range_change, on_text_change=on_text_change, default=default)


# basics.py: the trigger component (foo / bar / both)
TRIGGER_JS = """
export default function(component) {
  const { parentElement, setTriggerValue } = component

  const handleClickFoo = () => { setTriggerValue('foo', true) }
  const handleClickBar = () => { setTriggerValue('bar', true) }
  const handleClickBoth = () => { setTriggerValue('foo', true); setTriggerValue('bar', true) }

  const fooButton = parentElement.querySelector('#foo-button')
  const barButton = parentElement.querySelector('#bar-button')
  const bothButton = parentElement.querySelector('#both-button')

  fooButton.addEventListener('click', handleClickFoo)
  barButton.addEventListener('click', handleClickBar)
  bothButton.addEventListener('click', handleClickBoth)

  return () => {
    fooButton.removeEventListener('click', handleClickFoo)
    barButton.removeEventListener('click', handleClickBar)
    bothButton.removeEventListener('click', handleClickBoth)
  }
}
"""

TRIGGER_HTML = """
<div>
  <button id="foo-button">Trigger foo</button>
  <button id="bar-button">Trigger bar</button>
  <button id="both-button">Trigger both</button>
</div>
"""


def trigger_component(*, key=None, data=None, on_foo_change=None, on_bar_change=None):
    cmp = st.components.v2.component("bidi_trigger", js=TRIGGER_JS, html=TRIGGER_HTML)
    return cmp(key=key, data=data, on_foo_change=on_foo_change, on_bar_change=on_bar_change)


# basics.py: the form/fragment context component
CTX_JS = """
export default function(component) {
  const { parentElement, setStateValue, setTriggerValue, data } = component

  const contextName = data?.contextName ? String(data.contextName) : ''
  const textInput = parentElement.querySelector('#text-input')
  const setTextBtn = parentElement.querySelector('#set-text-btn')
  const triggerBtn = parentElement.querySelector('#trigger-btn')

  if (setTextBtn) setTextBtn.textContent = `Set text${contextName ? ` (${contextName})` : ''}`
  if (triggerBtn) triggerBtn.textContent = `Trigger click${contextName ? ` (${contextName})` : ''}`

  const onSetText = () => {
    const value = (textInput && 'value' in textInput) ? textInput.value : ''
    setStateValue('text', value)
  }

  const onTrigger = () => { setTriggerValue('clicked', true) }

  setTextBtn?.addEventListener('click', onSetText)
  triggerBtn?.addEventListener('click', onTrigger)

  return () => {
    setTextBtn?.removeEventListener('click', onSetText)
    triggerBtn?.removeEventListener('click', onTrigger)
  }
}
"""

CTX_HTML = """
<label for="text-input">Inner Text</label>
<input id="text-input" type="text" value="hello" />
<div style="margin-top: 0.5rem; display: flex; gap: 0.5rem;">
  <button id="set-text-btn">Set text</button>
  <button id="trigger-btn">Trigger click</button>
</div>
"""


def ctx_component(*, key=None, data=None, on_text_change=None, on_clicked_change=None):
    cmp = st.components.v2.component("bidi_ctx", js=CTX_JS, html=CTX_HTML)
    return cmp(key=key, data=data, on_text_change=on_text_change, on_clicked_change=on_clicked_change)


# A generic "buttons" component for the §11.4 scenarios: `data.buttons` lists buttons; a click
# performs its calls in order, in one handler (one macrotask, so one rerun). A value
# `{"$clicks": True}` is replaced by how often that button was clicked in this mount.
BUTTONS_JS = """
const clicks = {}
export default function({ parentElement, data, key, setStateValue, setTriggerValue }) {
  let root = parentElement.querySelector('.lw-buttons')
  if (!root) {
    root = document.createElement('div')
    root.className = 'lw-buttons'
    parentElement.append(root)
  }
  root.replaceChildren()
  for (const spec of data.buttons) {
    const button = document.createElement('button')
    button.type = 'button'
    button.textContent = spec.label
    button.onclick = () => {
      const id = key + '|' + spec.label
      clicks[id] = (clicks[id] ?? 0) + 1
      for (const [kind, name, value] of spec.calls) {
        const v = value && typeof value === 'object' && '$clicks' in value ? clicks[id] : value
        if (kind === 'trigger') setTriggerValue(name, v)
        else setStateValue(name, v)
      }
    }
    root.append(button)
  }
}
"""

CLICKS = {"$clicks": True}


def buttons_component(buttons, **options):
    """`buttons`: [{"label": ..., "calls": [["state" | "trigger", name, value], ...]}, ...]"""
    cmp = st.components.v2.component("lw_buttons", js=BUTTONS_JS)
    return cmp(data={"buttons": buttons}, **options)
