// @vitest-environment happy-dom
import { EditorView } from "@codemirror/view";
import { afterEach, describe, expect, it } from "vitest";
import { nextTick, type App } from "vue";
import type { SessionStateSnapshot } from "../../common";
import SessionStatePanel from "../../renderer/workbench/components/SessionStatePanel.vue";
import { useSessionStateStore } from "../../renderer/workbench/stores/sessionState";
import { fakeHost, flush, workbenchApp } from "./fakes";

const state: SessionStateSnapshot = {
  runId: 2,
  entries: [
    {
      key: "my_text_input_instance",
      kind: "component",
      component: "my_text_input",
      state: { value: "Hello" },
      triggers: { submitted: null },
      callbackNames: ["value", "clicked"],
      value: { value: "Hello" },
      editable: true,
    },
    { key: "counter", kind: "value", value: 3, display: "3", editable: true },
    { key: "when", kind: "value", value: null, display: "Date(2024-01-01)", editable: false },
    { key: "blank", kind: "widget", widget: "text_input", value: "", display: "", editable: true },
  ],
};

let app: App | undefined;
afterEach(() => {
  app?.unmount();
  document.body.innerHTML = "";
});

async function mountPanel(snapshot: SessionStateSnapshot = state) {
  const fake = fakeHost();
  ({ app } = workbenchApp(fake.host, SessionStatePanel));
  const root = document.createElement("div");
  document.body.append(root);
  app.mount(root);
  useSessionStateStore().apply(snapshot);
  await nextTick();
  return { ...fake, root };
}

const q = <T extends Element = HTMLElement>(root: ParentNode, selector: string) => root.querySelector<T>(selector)!;
const field = (root: ParentNode, key: string, name?: string) => {
  const entry = q(root, `[data-testid="lw-session-entry"][data-key="${key}"]`);
  return name ? q(entry, `[data-testid="lw-session-field"][data-field="${name}"]`) : entry;
};

/** The editor's text: the panel's editor is CodeMirror, whose document is its state, not a value attribute. */
const editorText = (scope: HTMLElement) => EditorView.findFromDOM(q(scope, '[data-testid="lw-session-editor"]'))!.state.doc.toString();

async function edit(scope: HTMLElement, text: string) {
  q<HTMLButtonElement>(scope, '[data-testid="lw-session-edit"]').click();
  await flush();
  const editor = q<HTMLElement>(scope, '[data-testid="lw-session-editor"]');
  const view = EditorView.findFromDOM(editor)!;
  view.dispatch({ changes: { from: 0, to: view.state.doc.length, insert: text } });
  return editor;
}

async function save(scope: HTMLElement) {
  q<HTMLButtonElement>(scope, '[data-testid="lw-session-save"]').click();
  await flush();
}

describe("SessionStatePanel", () => {
  it("says so when there is no session state", async () => {
    const { root } = await mountPanel({ runId: 0, entries: [] });
    expect(q(root, '[data-testid="lw-session-panel"]').textContent).toContain("No session state yet");
  });

  it("shows every key, state and trigger values, and callbacks", async () => {
    const { root } = await mountPanel();
    const keys = [...root.querySelectorAll('[data-testid="lw-session-entry"]')].map((e) => e.getAttribute("data-key"));
    expect(keys).toEqual(["my_text_input_instance", "counter", "when", "blank"]);

    const component = field(root, "my_text_input_instance");
    expect(component.textContent).toContain("my_text_input");
    const value = field(root, "my_text_input_instance", "value");
    expect(value.dataset.kind).toBe("state");
    expect(q(value, '[data-testid="lw-session-value"]').textContent).toBe('"Hello"');
    expect(value.textContent).toContain("on_value_change");

    const trigger = field(root, "my_text_input_instance", "submitted");
    expect(trigger.dataset.kind).toBe("trigger");
    expect(trigger.textContent).toContain("trigger");
    expect(q(trigger, '[data-testid="lw-session-value"]').textContent).toBe("null");
    expect(trigger.querySelector('[data-testid="lw-session-edit"]')).toBeNull();
    expect(component.textContent).toContain("on_clicked_change");

    const plain = field(root, "counter");
    expect(plain.querySelector('[data-testid="lw-session-field"]')).toBeNull();
    expect(q(plain, '[data-testid="lw-session-value"]').textContent).toBe("3");
    const opaque = field(root, "when");
    expect(q(opaque, '[data-testid="lw-session-value"]').textContent).toBe("Date(2024-01-01)");
    expect(opaque.querySelector('[data-testid="lw-session-edit"]')).toBeNull();
    expect(field(root, "blank").textContent).toContain("text_input");
    expect(q(field(root, "blank"), '[data-testid="lw-session-value"]').textContent).toBe('""');
  });

  it("prefills the editor with the current value as JSON", async () => {
    const { root } = await mountPanel();
    const scope = field(root, "my_text_input_instance", "value");
    q<HTMLButtonElement>(scope, '[data-testid="lw-session-edit"]').click();
    await flush();
    expect(editorText(scope)).toBe('"Hello"');
  });

  it("shows invalid JSON inline, sends nothing and keeps the typed text", async () => {
    const { root, host } = await mountPanel();
    const scope = field(root, "my_text_input_instance", "value");
    await edit(scope, "{not json");
    await save(scope);

    expect(host.editSessionState).not.toHaveBeenCalled();
    expect(q(scope, '[data-testid="lw-session-error"]').textContent).toMatch(/^Invalid JSON: .+/);
    expect(editorText(scope)).toBe("{not json");
  });

  it("saves a component state value with its field and closes the editor", async () => {
    const { root, host } = await mountPanel();
    const scope = field(root, "my_text_input_instance", "value");
    await edit(scope, '"Hello World"');
    await save(scope);

    expect(host.editSessionState).toHaveBeenCalledWith({ key: "my_text_input_instance", field: "value", value: "Hello World" });
    expect(scope.querySelector('[data-testid="lw-session-editor"]')).toBeNull();
  });

  it("saves a plain value without a field, on Ctrl+Enter", async () => {
    const { root, host } = await mountPanel();
    const scope = field(root, "counter");
    const editor = await edit(scope, '{"n": 4}');
    editor.dispatchEvent(new KeyboardEvent("keydown", { key: "Enter", ctrlKey: true }));
    await flush();

    expect(host.editSessionState).toHaveBeenCalledWith({ key: "counter", value: { n: 4 } });
  });

  it("shows the host's refusal inline and keeps the editor open", async () => {
    const { root, host } = await mountPanel();
    host.editSessionState.mockResolvedValueOnce({ ok: false, error: "counter cannot be set right now" });
    const scope = field(root, "counter");
    await edit(scope, "5");
    await save(scope);

    expect(q(scope, '[data-testid="lw-session-error"]').textContent).toBe("counter cannot be set right now");
    expect(editorText(scope)).toBe("5");
  });

  it("shows a thrown host error inline too", async () => {
    const { root, host } = await mountPanel();
    host.editSessionState.mockRejectedValueOnce(new Error("Lost the connection to the Loopwright host"));
    const scope = field(root, "counter");
    await edit(scope, "5");
    await save(scope);

    expect(q(scope, '[data-testid="lw-session-error"]').textContent).toBe("Lost the connection to the Loopwright host");
  });

  it("cancels on Escape without sending", async () => {
    const { root, host } = await mountPanel();
    const scope = field(root, "counter");
    const editor = await edit(scope, "8");
    editor.dispatchEvent(new KeyboardEvent("keydown", { key: "Escape" }));
    await nextTick();

    expect(host.editSessionState).not.toHaveBeenCalled();
    expect(scope.querySelector('[data-testid="lw-session-editor"]')).toBeNull();
    expect(q(scope, '[data-testid="lw-session-value"]').textContent).toBe("3");
  });
});

describe("SessionStatePanel with big values", () => {
  const summary = { size: 2_312_000, type: "object" as const, count: 41_203, prefix: '{\n  "k0": 1', digest: "d1" };
  const big: SessionStateSnapshot = {
    runId: 3,
    entries: [
      { key: "catalogue", kind: "value", value: null, display: "2.3 MB object · 41,203 keys", editable: true, summary },
      { key: "rows", kind: "value", value: Array.from({ length: 3_000 }, (_, i) => i), display: "", editable: true },
      { key: "n", kind: "value", value: 1, display: "1", editable: true },
    ],
  };

  it("shows a summarised value collapsed with its size, and expanding shows only the host's prefix", async () => {
    const { root } = await mountPanel(big);
    const scope = field(root, "catalogue");
    expect(q(scope, '[data-testid="lw-session-value"]').textContent).toBe("2.3 MB object · 41,203 keys");
    expect(scope.querySelector('[data-testid="lw-session-prefix"]')).toBeNull();
    q<HTMLButtonElement>(scope, '[data-testid="lw-session-expand"]').click();
    await nextTick();
    expect(q(scope, '[data-testid="lw-session-prefix"]').textContent).toBe('{\n  "k0": 1');
  });

  it("collapses a value the panel holds whole once its pretty JSON is long", async () => {
    const { root } = await mountPanel(big);
    const scope = field(root, "rows");
    expect(q(scope, '[data-testid="lw-session-value"]').textContent).toBe(`${(JSON.stringify(big.entries[1].value).length / 1000).toFixed(0)} KB array · 3,000 items`);
    q<HTMLButtonElement>(scope, '[data-testid="lw-session-expand"]').click();
    await nextTick();
    expect(q(scope, '[data-testid="lw-session-prefix"]').textContent).toHaveLength(2_001);
  });

  it("copies a summarised value whole, fetched from the host", async () => {
    const { root, host } = await mountPanel(big);
    host.sessionValue.mockResolvedValueOnce({ ok: true, json: '{"k0":1}' });
    const written: string[] = [];
    Object.defineProperty(navigator, "clipboard", { value: { writeText: async (text: string) => void written.push(text) }, configurable: true });
    q<HTMLButtonElement>(field(root, "catalogue"), '[data-testid="lw-session-copy"]').click();
    await flush();
    expect(host.sessionValue).toHaveBeenCalledWith({ key: "catalogue" });
    expect(written).toEqual(['{"k0":1}']);
    expect(q(field(root, "catalogue"), '[data-testid="lw-session-note"]').textContent).toBe("Copied 8 B of JSON.");
  });

  it("opens an empty editor for a value over the edit limit, saying so", async () => {
    const { root, host } = await mountPanel({ runId: 3, entries: [{ ...big.entries[0], summary: { ...summary, size: 24_600_000 } } as SessionStateSnapshot["entries"][number]] });
    const scope = field(root, "catalogue");
    q<HTMLButtonElement>(scope, '[data-testid="lw-session-edit"]').click();
    await flush();
    expect(host.sessionValue).not.toHaveBeenCalled();
    expect(editorText(scope)).toBe("");
    expect(q(scope, '[data-testid="lw-session-note"]').textContent).toBe("The current value (24.6 MB) is over the 1.0 MB edit limit: type a replacement.");
  });

  it("refuses an edit over the limit without sending it", async () => {
    const { root, host } = await mountPanel(big);
    const scope = field(root, "n");
    await edit(scope, JSON.stringify("x".repeat(1_000_000)));
    await save(scope);
    expect(host.editSessionState).not.toHaveBeenCalled();
    expect(q(scope, '[data-testid="lw-session-error"]').textContent).toBe(
      "This value is 1.0 MB of JSON; the Session State panel accepts edits up to 1.0 MB. Write bigger values from the app script.",
    );
  });
});
