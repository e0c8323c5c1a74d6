import type { St } from "loopwright";
import { repr } from "./lib";

// What a component may do on Streamlit's page beyond the CCv2 API (issue 14 item 6): the
// clipboard, fullscreen, a download, web storage and focus. Each button reports what happened in
// the component's own text, so the spec reads the same lines on both hosts.
const JS = `
const report = (root, name, text) => { root.querySelector('.out-' + name).textContent = name + ': ' + text }
const failure = (error) => (error && error.name) || String(error)

export default function({ parentElement, data, setStateValue }) {
  const root = parentElement.querySelector('.apis')
  if (root.dataset.ready) return
  root.dataset.ready = 'yes'

  root.querySelector('.copy').onclick = async () => {
    try {
      await navigator.clipboard.writeText('copied by the component')
      report(root, 'clipboard', 'read back "' + (await navigator.clipboard.readText()) + '"')
    } catch (error) {
      report(root, 'clipboard', failure(error))
    }
  }

  const box = root.querySelector('.box')
  // In the component's ShadowRoot, document.fullscreenElement is retargeted to the shadow host.
  const state = () => ((parentElement.fullscreenElement ?? document.fullscreenElement) === box ? 'on' : 'off')
  root.querySelector('.fullscreen').onclick = async () => {
    try {
      await box.requestFullscreen()
      const entered = state()
      await document.exitFullscreen()
      report(root, 'fullscreen', entered + ', ' + state())
    } catch (error) {
      report(root, 'fullscreen', failure(error))
    }
  }

  root.querySelector('.download').onclick = () => {
    const link = document.createElement('a')
    link.href = URL.createObjectURL(new Blob(['hello from the component'], { type: 'text/plain' }))
    link.download = 'hello.txt'
    root.append(link)
    link.click()
    link.remove()
    report(root, 'download', 'clicked')
  }

  const visits = Number(localStorage.getItem('lw-visits') ?? '0') + 1
  localStorage.setItem('lw-visits', String(visits))
  const tab = Number(sessionStorage.getItem('lw-tab') ?? '0') + 1
  sessionStorage.setItem('lw-tab', String(tab))
  report(root, 'storage', 'local ' + visits + ', session ' + tab)

  const input = root.querySelector('input')
  input.onkeydown = (event) => { if (event.key === 'Enter') setStateValue('text', input.value) }
  if (data.autofocus) input.focus()
}
`;

const HTML = `
<div class="apis">
  <button type="button" class="copy">Copy</button>
  <button type="button" class="fullscreen">Fullscreen</button>
  <button type="button" class="download">Download</button>
  <div class="box">fullscreen box</div>
  <label>Focus me <input type="text" class="focus" /></label>
  <p class="out-clipboard">clipboard: -</p>
  <p class="out-fullscreen">fullscreen: -</p>
  <p class="out-download">download: -</p>
  <p class="out-storage">storage: -</p>
</div>
`;

export default function app(st: St) {
  const apis = st.components.v2.component("page_apis", { html: HTML, js: JS });
  const result = apis({ key: "apis", data: { autofocus: true }, on_text_change: () => {} });
  st.text(`text: ${repr(result.text)}`);
}
