// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from "vitest";
import { nextTick } from "vue";
import { mountPreview } from "./harness";

let preview: ReturnType<typeof mountPreview> | null = null;
afterEach(() => {
  preview?.destroy();
  preview = null;
});

const all = (id: string) => [...preview!.root.querySelectorAll(`[data-testid="${id}"]`)] as HTMLElement[];

describe("st.metric and st.image in the preview (§15)", () => {
  it("a metric shows label, value and a coloured delta with Streamlit's arrow test ids", async () => {
    preview = mountPreview();
    await preview.render([
      { type: "metric", label: "Gas price", body: "4", delta: "-0.5", color: "green", direction: "down", help: null, labelVisibility: "visible", border: false },
      { type: "metric", label: "Users", body: "—", delta: "", color: "gray", direction: "none", help: null, labelVisibility: "visible", border: true },
    ]);
    const [gas, users] = all("stMetric");
    expect(gas.querySelector('[data-testid="stMetricLabel"]')!.textContent).toBe("Gas price");
    expect(gas.querySelector('[data-testid="stMetricValue"]')!.textContent).toBe("4");
    const delta = gas.querySelector('[data-testid="stMetricDelta"]')!;
    expect(delta.textContent).toBe("-0.5");
    expect(delta.classList.contains("lw-metric-green")).toBe(true);
    expect(delta.querySelector('[data-testid="stMetricDeltaIcon-Down"]')).not.toBeNull();
    expect(users.querySelector('[data-testid="stMetricDelta"]')).toBeNull();
    expect(users.classList.contains("lw-bordered")).toBe(true);
  });

  it("an image list shows each image in stImageContainer with its caption", async () => {
    preview = mountPreview();
    await preview.render([{ type: "image", images: [{ url: "data:image/png;base64,AA==", caption: "first" }, { url: "https://example.com/b.png", caption: null }], width: 120 }]);
    const containers = all("stImageContainer");
    expect(containers.map((c) => c.querySelector("img")!.getAttribute("src"))).toEqual(["data:image/png;base64,AA==", "https://example.com/b.png"]);
    expect(containers[0].querySelector("img")!.style.width).toBe("120px");
    expect(all("stImageCaption").map((c) => c.textContent)).toEqual(["first"]);
  });
});

describe("st.toast in the preview (§15)", () => {
  it("renders in stToastContainer, not in the page flow; long messages get view more; hides after its duration", async () => {
      preview = mountPreview();
      const long = `Random toast message that is a really really really really really really really long message, going way past the 3 line limit`;
      await preview.render([
        { type: "toast", body: "Saved!", icon: "😍", duration: 0.3 },
        { type: "toast", body: long, icon: null, duration: null },
      ]);
      await nextTick();
      const container = preview.root.querySelector('[data-testid="stToastContainer"]')!;
      const toasts = [...container.querySelectorAll('[data-testid="stToast"]')] as HTMLElement[];
      expect(toasts.map((t) => t.querySelector('[data-testid="stMarkdownContainer"]')!.textContent)).toEqual([
        "Saved!",
        "Random toast message that is a really really really really really really really long message, going way",
      ]);
      expect(toasts[0].querySelector('[data-testid="stToastDynamicIcon"]')!.textContent).toBe("😍");
      expect(preview.root.querySelector('[data-testid="stMainBlockContainer"] [data-testid="stToast"]')).toBeNull();
      (toasts[1].querySelector('[data-testid="stToastViewButton"]') as HTMLButtonElement).click();
      await nextTick();
      expect(toasts[1].textContent).toContain("past the 3 line limitview less");
      await preview.until(() => container.querySelectorAll('[data-testid="stToast"]').length === 1);
      expect(container.querySelector('[data-testid="stToast"]')).toBe(toasts[1]);
  });
});

describe("st.spinner and st.status in the preview (§15)", () => {
  it("a spinner shows stSpinner with its text; a status shows its state's icon in the expander summary", async () => {
    preview = mountPreview();
    const status = (state: "running" | "complete" | "error", id: string) => ({
      type: "block" as const,
      id,
      kind: "status" as const,
      label: `Status ${state}`,
      expanded: state === "running",
      state,
      children: [{ type: "markdown" as const, body: "detail", variant: "markdown" as const }],
    });
    await preview.render([{ type: "spinner", text: "Wait for it..." }, status("running", "main/1"), status("complete", "main/2"), status("error", "main/3")]);
    expect(all("stSpinner")[0].textContent).toBe("Wait for it...");
    const expanders = all("stExpander");
    expect(expanders.map((e) => e.querySelector("summary")!.textContent)).toEqual(["Status running", "Status complete", "Status error"]);
    expect(expanders[0].querySelector('[data-testid="stExpanderIconSpinner"]')).not.toBeNull();
    expect(expanders[1].querySelector('[data-testid="stExpanderIconCheck"]')).not.toBeNull();
    expect(expanders[2].querySelector('[data-testid="stExpanderIconError"]')).not.toBeNull();
    expect(expanders.map((e) => e.querySelector("details")!.open)).toEqual([true, false, false]);
    expect(expanders[1].querySelector('[data-testid="stExpanderDetails"]')!.textContent).toBe("detail");
  });
});

describe("st.tabs in the preview (§15)", () => {
  const tabs = (labels: string[]) => ({
    type: "block" as const,
    id: "main/0",
    kind: "tab_container" as const,
    children: labels.map((label, i) => ({
      type: "block" as const,
      id: `main/0/${i}`,
      kind: "tab" as const,
      label,
      children: [{ type: "markdown" as const, body: `${label} content`, variant: "markdown" as const }],
    })),
  });

  it("role=tab buttons select their panel; the selection is kept by label across runs", async () => {
    preview = mountPreview();
    await preview.render([tabs(["Cat", "Dog", "Owl"])]);
    const buttons = () => all("stTab");
    const shownPanels = () => [...preview!.root.querySelectorAll('[role="tabpanel"]')].filter((p) => !(p as HTMLElement).hidden).map((p) => p.textContent);
    expect(buttons().map((b) => [b.getAttribute("role"), b.textContent, b.getAttribute("aria-selected")])).toEqual([
      ["tab", "Cat", "true"],
      ["tab", "Dog", "false"],
      ["tab", "Owl", "false"],
    ]);
    expect(shownPanels()).toEqual(["Cat content"]);
    buttons()[2].click();
    await nextTick();
    expect(shownPanels()).toEqual(["Owl content"]);
    await preview.render([tabs(["Owl", "Cat"])]);
    expect(buttons().map((b) => b.getAttribute("aria-selected"))).toEqual(["true", "false"]);
    expect(shownPanels()).toEqual(["Owl content"]);
  });
});

describe("st.chat_input in the preview (§15)", () => {
  it("Enter submits the text once as a string trigger and clears the box; Shift+Enter does not; a top-level one sits in stBottom", async () => {
    preview = mountPreview();
    await preview.render([{ type: "chat_input", id: "$$ID-chat", placeholder: "Your message", maxChars: null, disabled: false, bottom: true }]);
    await nextTick();
    const textarea = preview.root.querySelector('[data-testid="stBottom"] [data-testid="stChatInputTextArea"]') as HTMLTextAreaElement;
    expect(textarea.getAttribute("placeholder")).toBe("Your message");
    const send = preview.root.querySelector('[data-testid="stChatInputSubmitButton"]') as HTMLButtonElement;
    expect(send.disabled).toBe(true);
    textarea.value = "hello";
    textarea.dispatchEvent(new Event("input"));
    await nextTick();
    expect(send.disabled).toBe(false);
    textarea.dispatchEvent(new KeyboardEvent("keydown", { key: "Enter", shiftKey: true }));
    textarea.dispatchEvent(new KeyboardEvent("keydown", { key: "Enter" }));
    await preview.until(() => preview!.ofType("rerun").length === 1);
    expect(preview.ofType("rerun")[0].widgetStates).toEqual([{ id: "$$ID-chat", type: "string_trigger_value", value: "hello" }]);
    await nextTick();
    expect(textarea.value).toBe("");
  });
});

describe("st._event in the preview (§15)", () => {
  it("its elements are mounted outside the main block container", async () => {
    preview = mountPreview();
    await preview.render([
      { type: "markdown", body: "page", variant: "markdown" },
      { type: "block", id: "main/1", kind: "event", children: [{ type: "markdown", body: "helper", variant: "markdown" }] },
    ]);
    await nextTick();
    const main = preview.root.querySelector('[data-testid="stMainBlockContainer"]')!;
    expect(main.textContent).toBe("page");
    expect(preview.root.querySelector("#lw-event-container [data-testid='stElementContainer']")!.textContent).toBe("helper");
  });
});
