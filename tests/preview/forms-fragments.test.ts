// @vitest-environment happy-dom
import type { FrontendRendererArgs } from "@streamlit/component-v2-lib";
import { afterEach, describe, expect, it, vi } from "vitest";
import type { AppElement, BlockElement, ButtonElement, CheckboxElement, TextInputElement } from "../../common";
import { FORM_TRIGGER_WARNING } from "../../renderer/preview/widgets/manager";
import { component, mountPreview, nextMacrotask } from "./harness";

let preview: ReturnType<typeof mountPreview> | null = null;
afterEach(() => {
  preview?.destroy();
  preview = null;
  vi.restoreAllMocks();
});

const one = <T extends Element = HTMLElement>(selector: string) => preview!.root.querySelector(selector) as T;
const placement = (formId: string | null, fragmentId: string | null = null) => ({ formId, fragmentId });
const textInput = (value: string, formId: string | null = "form"): TextInputElement => ({
  type: "text_input",
  id: "$$ID-name",
  label: "Name",
  value,
  placeholder: null,
  maxChars: null,
  disabled: false,
  labelVisibility: "visible",
  ...placement(formId),
});
const checkbox = (id: string, value: boolean, formId: string | null, fragmentId: string | null = null): CheckboxElement => ({
  type: "checkbox",
  id,
  label: id,
  variant: "checkbox",
  value,
  disabled: false,
  ...placement(formId, fragmentId),
});
const submit: ButtonElement = {
  type: "button",
  id: "$$ID-submit",
  label: "Submit",
  kind: "secondary",
  disabled: false,
  submit: true,
  ...placement("form"),
};
const form = (children: AppElement[], extra: Partial<BlockElement> = {}): BlockElement => ({
  type: "block",
  id: "main/0",
  kind: "form",
  children,
  formId: "form",
  ...extra,
});

/** Types a value and leaves the field, which applies it. */
function type(input: HTMLInputElement, value: string) {
  input.value = value;
  input.dispatchEvent(new Event("input"));
  input.dispatchEvent(new Event("blur"));
}

function recorder() {
  const calls: FrontendRendererArgs[] = [];
  return { calls, module: { default: (args: FrontendRendererArgs) => void calls.push(args) } };
}

describe("st.form", () => {
  it("holds widget and component changes until the submit button sends them in one rerun", async () => {
    const { calls, module } = recorder();
    preview = mountPreview({ "main.js": module });
    await preview.render([form([textInput(""), component(placement("form")), checkbox("$$ID-cb", false, "form"), submit])]);

    type(one('[data-testid="stTextInputField"]'), "Ada");
    calls[0].setStateValue("a", 1);
    calls[0].setStateValue("b", 2);
    one<HTMLInputElement>('[data-testid="stCheckbox"] input').click();
    await nextMacrotask();
    expect(preview.ofType("rerun")).toEqual([]);

    const button = one<HTMLButtonElement>('[data-testid="stFormSubmitButton"] > button[data-testid="stBaseButton-secondaryFormSubmit"]');
    button.click();
    await preview.until(() => preview!.ofType("rerun").length === 1);
    expect(preview.ofType("rerun")).toEqual([
      {
        type: "rerun",
        fragmentId: null,
        source: "preview",
        causeId: expect.stringMatching(/^p[0-9a-f]{6}-\d+$/),
        widgetStates: [
          { id: "$$ID-name", type: "value", value: "Ada" },
          { id: "$$ID-cb", type: "value", value: true },
          { id: "$$ID-abc-k1", type: "json_value", value: '{"a":1,"b":2}' },
          { id: "$$ID-submit", type: "trigger_value", value: true },
        ],
      },
    ]);
  });

  it("ignores setTriggerValue inside a form with Streamlit's console warning", async () => {
    const warn = vi.spyOn(console, "warn").mockImplementation(() => undefined);
    const { calls, module } = recorder();
    preview = mountPreview({ "main.js": module });
    await preview.render([form([component(placement("form")), submit])]);
    calls[0].setTriggerValue("clicked", true);
    await nextMacrotask();
    expect(preview.ofType("rerun")).toEqual([]);
    expect(warn).toHaveBeenCalledWith(FORM_TRIGGER_WARNING);
    expect(FORM_TRIGGER_WARNING).toContain("setTriggerValue ignored inside st.form");
    expect(preview.ofType("console")).toEqual([{ type: "console", level: "warn", message: FORM_TRIGGER_WARNING, source: "component" }]);
  });

  it("keeps pending changes shown (and unsent) through a rerun caused outside the form", async () => {
    preview = mountPreview();
    const tree = (name: string, outside: boolean) => [form([textInput(name), submit]), checkbox("$$ID-out", outside, null)];
    await preview.render(tree("", false));
    type(one('[data-testid="stTextInputField"]'), "pending");
    one<HTMLInputElement>('[data-testid="stCheckbox"] input').click();
    await preview.until(() => preview!.ofType("rerun").length === 1);
    expect(preview.ofType("rerun")[0].widgetStates).toEqual([
      { id: "$$ID-name", type: "value", value: "" },
      { id: "$$ID-out", type: "value", value: true },
    ]);

    await preview.render(tree("", true));
    expect(one<HTMLInputElement>('[data-testid="stTextInputField"]').value).toBe("pending");
    one<HTMLButtonElement>('[data-testid="stBaseButton-secondaryFormSubmit"]').click();
    await preview.until(() => preview!.ofType("rerun").length === 2);
    expect(preview.ofType("rerun")[1].widgetStates).toContainEqual({ id: "$$ID-name", type: "value", value: "pending" });
  });

  it("submits with Enter in a text input through the first submit button, unless it is disabled", async () => {
    preview = mountPreview();
    const second: ButtonElement = { ...submit, id: "$$ID-submit-2", label: "Other" };
    await preview.render([form([textInput(""), submit, second])]);
    const input = one<HTMLInputElement>('[data-testid="stTextInputField"]');
    input.value = "Ada";
    input.dispatchEvent(new Event("input"));
    input.dispatchEvent(new KeyboardEvent("keydown", { key: "Enter" }));
    await preview.until(() => preview!.ofType("rerun").length === 1);
    expect(preview.ofType("rerun")[0].widgetStates).toEqual([
      { id: "$$ID-name", type: "value", value: "Ada" },
      { id: "$$ID-submit", type: "trigger_value", value: true },
    ]);

    await preview.render([form([textInput("Ada"), { ...submit, disabled: true }, second])]);
    input.value = "Bob";
    input.dispatchEvent(new Event("input"));
    input.dispatchEvent(new KeyboardEvent("keydown", { key: "Enter" }));
    await nextMacrotask();
    expect(preview.ofType("rerun")).toHaveLength(1);
  });

  it("with clear_on_submit shows the host's values again after the submit", async () => {
    preview = mountPreview();
    await preview.render([form([textInput("start"), checkbox("$$ID-cb", false, "form"), submit], { clearOnSubmit: true })]);
    const input = one<HTMLInputElement>('[data-testid="stTextInputField"]');
    type(input, "typed");
    one<HTMLInputElement>('[data-testid="stCheckbox"] input').click();
    // The user's clicks are separate tasks: the page renders in between.
    await nextMacrotask();
    one<HTMLButtonElement>('[data-testid="stBaseButton-secondaryFormSubmit"]').click();
    await preview.until(() => preview!.ofType("rerun").length === 1);
    expect(preview.ofType("rerun")[0].widgetStates!.slice(0, 2)).toEqual([
      { id: "$$ID-name", type: "value", value: "typed" },
      { id: "$$ID-cb", type: "value", value: true },
    ]);
    expect(input.value).toBe("start");
    expect(one<HTMLInputElement>('[data-testid="stCheckbox"] input').checked).toBe(false);
  });

  it("with clear_on_submit resets to the default in the browser only: reruns send the submitted value, the next submit the default", async () => {
    preview = mountPreview();
    const cleared = (value: string) => ({ ...textInput(value), clearedTo: textInput("anonymous") });
    const other: ButtonElement = { ...submit, id: "$$ID-other", label: "Other", submit: false, formId: null };
    await preview.render([form([cleared("anonymous"), submit], { clearOnSubmit: true }), other]);
    const input = one<HTMLInputElement>('[data-testid="stTextInputField"]');
    type(input, "Ada");
    await nextMacrotask();
    one<HTMLButtonElement>('[data-testid="stBaseButton-secondaryFormSubmit"]').click();
    await preview.until(() => preview!.ofType("rerun").length === 1);
    expect(input.value).toBe("anonymous");
    // The submit run's element carries the submitted value (the script saw it): the field keeps the default.
    await preview.render([form([cleared("Ada"), submit], { clearOnSubmit: true }), other]);
    expect(input.value).toBe("anonymous");

    one<HTMLButtonElement>('[data-testid="stBaseButton-secondary"]').click();
    await preview.until(() => preview!.ofType("rerun").length === 2);
    expect(preview.ofType("rerun")[1].widgetStates).toContainEqual({ id: "$$ID-name", type: "value", value: "Ada" });
    await preview.render([form([cleared("Ada"), submit], { clearOnSubmit: true }), other]);
    expect(input.value).toBe("anonymous");

    one<HTMLButtonElement>('[data-testid="stBaseButton-secondaryFormSubmit"]').click();
    await preview.until(() => preview!.ofType("rerun").length === 3);
    expect(preview.ofType("rerun")[2].widgetStates).toContainEqual({ id: "$$ID-name", type: "value", value: "anonymous" });
  });
});

describe("fragments", () => {
  it("sends the fragment id of the widget or component that caused the flush", async () => {
    const { calls, module } = recorder();
    preview = mountPreview({ "main.js": module });
    const button: ButtonElement = { type: "button", id: "$$ID-b", label: "Go", kind: "primary", disabled: false, ...placement(null, "frag-1") };
    await preview.render([button, component(placement(null, "frag-2"))]);
    one<HTMLButtonElement>('[data-testid="stBaseButton-primary"]').click();
    await preview.until(() => preview!.ofType("rerun").length === 1);
    calls[0].setTriggerValue("t", 1);
    await preview.until(() => preview!.ofType("rerun").length === 2);
    expect(preview.ofType("rerun").map((rerun) => rerun.fragmentId)).toEqual(["frag-1", "frag-2"]);
  });

  it("lets the first fragment win when one flush mixes fragments, with a console warning", async () => {
    const warn = vi.spyOn(console, "warn").mockImplementation(() => undefined);
    preview = mountPreview();
    await preview.render([checkbox("$$ID-a", false, null, "frag-a"), checkbox("$$ID-b", false, null, "frag-b")]);
    for (const box of preview.root.querySelectorAll<HTMLInputElement>('[data-testid="stCheckbox"] input')) box.click();
    await preview.until(() => preview!.ofType("rerun").length === 1);
    expect(preview.ofType("rerun")[0].fragmentId).toBe("frag-a");
    expect(preview.ofType("rerun")[0].widgetStates).toEqual([
      { id: "$$ID-a", type: "value", value: true },
      { id: "$$ID-b", type: "value", value: true },
    ]);
    const message = "One rerun carried changes from fragment frag-a and fragment frag-b; like Streamlit, it reruns fragment frag-a (the first).";
    expect(warn).toHaveBeenCalledWith(message);
    expect(preview.ofType("console")).toEqual([{ type: "console", level: "warn", message, source: "component" }]);
  });

  it("submits a form inside a fragment as a fragment rerun", async () => {
    preview = mountPreview();
    const inFragment = { ...submit, fragmentId: "frag" };
    await preview.render([form([textInput("x"), inFragment], { fragmentId: "frag" })]);
    one<HTMLButtonElement>('[data-testid="stBaseButton-secondaryFormSubmit"]').click();
    await preview.until(() => preview!.ofType("rerun").length === 1);
    expect(preview.ofType("rerun")[0].fragmentId).toBe("frag");
  });
});
