import type { Callback, ComponentResult, MountOptions, St } from "loopwright";

/**
 * Shared pieces of the fidelity apps: Python's `repr` (so an app prints exactly what the
 * Streamlit e2e apps print with f-strings, e.g. `Result: {'range': None, 'text': None}`) and the
 * components of Streamlit's `e2e_playwright/bidi_components/basics.py`, ported line by line.
 */

/** Python's repr of a JSON-like value: None/True/False, single-quoted strings, `{'k': v}`. */
export function repr(value: unknown): string {
  if (value === null || value === undefined) return "None";
  if (value === true) return "True";
  if (value === false) return "False";
  if (typeof value === "number") return String(value);
  if (typeof value === "string") return pyStr(value);
  if (Array.isArray(value)) return `[${value.map(repr).join(", ")}]`;
  if (typeof value === "object") {
    const obj = value as Record<string, unknown>;
    return `{${Object.keys(obj)
      .map((k) => `${pyStr(k)}: ${repr(obj[k])}`)
      .join(", ")}}`;
  }
  return String(value);
}

function pyStr(text: string): string {
  const quote = text.includes("'") && !text.includes('"') ? '"' : "'";
  const escaped = text.replace(/\\/g, "\\\\").replace(/\n/g, "\\n").replace(new RegExp(quote, "g"), `\\${quote}`);
  return `${quote}${escaped}${quote}`;
}

/** `if "name" not in st.session_state: st.session_state.name = value` */
export function init(st: St, name: string, value: unknown): void {
  if (!st.session_state.has(name)) st.session_state[name] = value;
}

/** `st.session_state[name] += 1`, as a no-argument callback. */
export const inc = (st: St, name: string): Callback => () => {
  st.session_state[name] = Number(st.session_state.get(name, 0)) + 1;
};

// ---------------------------------------------------------------------------------------------
// basics.py: the stateful component (range + text)
// ---------------------------------------------------------------------------------------------
export const STATEFUL_JS = `
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
`;

export const STATEFUL_HTML = `
<div>
  <label for="range">Range</label>
  <input type="range" id="range" min="0" max="100" value="50" />
  <label for="text">Text</label>
  <input type="text" id="text" value="Text input" />
</div>
`;

export function statefulComponent(
  st: St,
  options: { key?: string; data?: unknown; on_range_change?: Callback; on_text_change?: Callback; default?: Record<string, unknown> },
): ComponentResult {
  const cmp = st.components.v2.component("bidi_stateful", { js: STATEFUL_JS, html: STATEFUL_HTML });
  return cmp({
    key: options.key,
    data: options.data,
    on_range_change: options.on_range_change,
    on_text_change: options.on_text_change,
    default: options.default,
  } as MountOptions);
}

// ---------------------------------------------------------------------------------------------
// basics.py: the trigger component (foo / bar / both)
// ---------------------------------------------------------------------------------------------
export const TRIGGER_JS = `
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
`;

export const TRIGGER_HTML = `
<div>
  <button id="foo-button">Trigger foo</button>
  <button id="bar-button">Trigger bar</button>
  <button id="both-button">Trigger both</button>
</div>
`;

export function triggerComponent(
  st: St,
  options: { key?: string; data?: unknown; on_foo_change?: Callback; on_bar_change?: Callback },
): ComponentResult {
  const cmp = st.components.v2.component("bidi_trigger", { js: TRIGGER_JS, html: TRIGGER_HTML });
  return cmp({
    key: options.key,
    data: options.data,
    on_foo_change: options.on_foo_change,
    on_bar_change: options.on_bar_change,
  } as MountOptions);
}

// ---------------------------------------------------------------------------------------------
// basics.py: the form/fragment context component
// ---------------------------------------------------------------------------------------------
export const CTX_JS = `
export default function(component) {
  const { parentElement, setStateValue, setTriggerValue, data } = component

  const contextName = data?.contextName ? String(data.contextName) : ''
  const textInput = parentElement.querySelector('#text-input')
  const setTextBtn = parentElement.querySelector('#set-text-btn')
  const triggerBtn = parentElement.querySelector('#trigger-btn')

  if (setTextBtn) setTextBtn.textContent = \`Set text\${contextName ? \` (\${contextName})\` : ''}\`
  if (triggerBtn) triggerBtn.textContent = \`Trigger click\${contextName ? \` (\${contextName})\` : ''}\`

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
`;

export const CTX_HTML = `
<label for="text-input">Inner Text</label>
<input id="text-input" type="text" value="hello" />
<div style="margin-top: 0.5rem; display: flex; gap: 0.5rem;">
  <button id="set-text-btn">Set text</button>
  <button id="trigger-btn">Trigger click</button>
</div>
`;

export function ctxComponent(
  st: St,
  options: { key?: string; data?: unknown; on_text_change?: Callback; on_clicked_change?: Callback },
): ComponentResult {
  const cmp = st.components.v2.component("bidi_ctx", { js: CTX_JS, html: CTX_HTML });
  return cmp({
    key: options.key,
    data: options.data,
    on_text_change: options.on_text_change,
    on_clicked_change: options.on_clicked_change,
  } as MountOptions);
}

/** repr with keys sorted at every level: for maps whose key order docs/semantics.md does not fix. */
export function srepr(value: unknown): string {
  const sort = (v: unknown): unknown => {
    if (Array.isArray(v)) return v.map(sort);
    if (v && typeof v === "object") {
      const obj = v as Record<string, unknown>;
      return Object.fromEntries(Object.keys(obj).sort().map((k) => [k, sort(obj[k])]));
    }
    return v;
  };
  return repr(sort(value));
}

// ---------------------------------------------------------------------------------------------
// A generic "buttons" component for the §11.4 scenarios: `data.buttons` lists buttons; a click
// performs its calls in order, in one handler (one macrotask → one rerun). A value
// `{"$clicks": true}` is replaced by how often that button was clicked in this mount.
// ---------------------------------------------------------------------------------------------
export type ButtonCall = ["state" | "trigger", string, unknown];
export interface ButtonSpec {
  label: string;
  calls: ButtonCall[];
}

export const BUTTONS_JS = `
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
`;

export function buttonsComponent(st: St, buttons: ButtonSpec[], options: Omit<MountOptions, "data"> = {}): ComponentResult {
  const cmp = st.components.v2.component("lw_buttons", { js: BUTTONS_JS });
  return cmp({ ...options, data: { buttons } });
}

export const CLICKS = { $clicks: true };
