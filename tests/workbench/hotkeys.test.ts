// @vitest-environment happy-dom
import { describe, expect, it } from "vitest";
import { isRerunHotkey } from "../../renderer/shared/hotkeys";

/** Dispatches a keydown on `target` and reports what the shared rule decided. */
function press(target: EventTarget, init: KeyboardEventInit): boolean {
  let decision: boolean | null = null;
  window.addEventListener("keydown", (event) => (decision = isRerunHotkey(event)), { once: true });
  target.dispatchEvent(new KeyboardEvent("keydown", { bubbles: true, composed: true, ...init }));
  return decision!;
}

describe("isRerunHotkey (Streamlit's R)", () => {
  it("r or R on the page reruns; with a modifier or held down it does not", () => {
    expect(press(document.body, { key: "r" })).toBe(true);
    expect(press(document.body, { key: "R" })).toBe(true);
    expect(press(document.body, { key: "r", ctrlKey: true })).toBe(false);
    expect(press(document.body, { key: "r", repeat: true })).toBe(false);
    expect(press(document.body, { key: "x" })).toBe(false);
  });

  it("typing in an input, a textarea or contenteditable does not rerun — also inside a component's ShadowRoot", () => {
    const input = document.body.appendChild(document.createElement("input"));
    expect(press(input, { key: "r" })).toBe(false);
    const host = document.body.appendChild(document.createElement("div"));
    const inner = host.attachShadow({ mode: "open" }).appendChild(document.createElement("input"));
    expect(press(inner, { key: "r" })).toBe(false);
    const text = host.shadowRoot!.appendChild(document.createElement("span"));
    expect(press(text, { key: "r" })).toBe(true);
  });
});
