// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from "vitest";
import type {
  AppElement,
  CheckboxElement,
  NumberInputElement,
  SelectElement,
  SliderElement,
  TextAreaElement,
  WidgetState,
} from "../../common";
import { mountPreview, nextMacrotask } from "./harness";

let preview: ReturnType<typeof mountPreview> | null = null;
afterEach(() => {
  preview?.destroy();
  preview = null;
});

const one = <T extends Element = HTMLElement>(selector: string) => preview!.root.querySelector(selector) as T;
const all = (selector: string) => [...preview!.root.querySelectorAll(selector)];
const widget = { disabled: false, labelVisibility: "visible" as const };

const checkbox = (value: boolean, variant: CheckboxElement["variant"] = "checkbox"): CheckboxElement => ({
  ...widget,
  type: "checkbox",
  id: "$$ID-cb",
  label: "Agree",
  variant,
  value,
});
const slider = (value: SliderElement["value"], overrides: Partial<SliderElement> = {}): SliderElement => ({
  ...widget,
  type: "slider",
  id: "$$ID-sl",
  label: "Size",
  min: 0,
  max: 10,
  step: 1,
  value,
  ...overrides,
});
const numberInput = (value: number | null, overrides: Partial<NumberInputElement> = {}): NumberInputElement => ({
  ...widget,
  type: "number_input",
  id: "$$ID-num",
  label: "Count",
  value,
  min: 0,
  max: 5,
  step: 1,
  integer: true,
  placeholder: null,
  ...overrides,
});
const select = (type: SelectElement["type"], index: number | null): SelectElement => ({
  ...widget,
  type,
  id: `$$ID-${type}`,
  label: "Pick",
  options: ["red", "green", "blue"],
  index,
});
const textArea = (value: string): TextAreaElement => ({
  ...widget,
  type: "text_area",
  id: "$$ID-ta",
  label: "Notes",
  value,
  placeholder: null,
  maxChars: null,
  height: 120,
});

function fire(element: Element, type: string, init?: KeyboardEventInit) {
  element.dispatchEvent(init ? new KeyboardEvent(type, init) : new Event(type));
}

async function nextRerun(): Promise<WidgetState[]> {
  const count = preview!.ofType("rerun").length;
  await preview!.until(() => preview!.ofType("rerun").length > count);
  return preview!.ofType("rerun").at(-1)!.widgetStates!;
}

describe("checkbox and toggle", () => {
  it("render as stCheckbox and send their boolean on change", async () => {
    preview = mountPreview();
    await preview.render([checkbox(false), { ...checkbox(true, "toggle"), id: "$$ID-tg", label: "Dark" }]);
    const boxes = all('[data-testid="stCheckbox"] input') as HTMLInputElement[];
    expect(boxes.map((box) => [box.checked, box.getAttribute("role")])).toEqual([
      [false, null],
      [true, "switch"],
    ]);
    expect(all('[data-testid="stCheckbox"] [data-testid="stWidgetLabel"]').map((l) => l.textContent)).toEqual(["Agree", "Dark"]);

    boxes[0].checked = true;
    fire(boxes[0], "change");
    expect(await nextRerun()).toEqual([
      { id: "$$ID-cb", type: "value", value: true },
      { id: "$$ID-tg", type: "value", value: true },
    ]);
  });
});

describe("slider", () => {
  it("shows the value over the thumb and the bounds, moves by keyboard and sends the value on key release only", async () => {
    preview = mountPreview();
    await preview.render([slider(3)]);
    expect(one('[data-testid="stSlider"] [data-testid="stSliderThumbValue"]').textContent!.trim()).toBe("3");
    expect(all('[data-testid="stSliderTickBar"] > *').map((tick) => tick.textContent)).toEqual(["0", "10"]);
    const thumb = one('[data-testid="stSlider"] [role="slider"]');
    expect(["aria-valuemin", "aria-valuemax", "aria-valuenow"].map((name) => thumb.getAttribute(name))).toEqual(["0", "10", "3"]);

    for (const key of ["ArrowRight", "ArrowRight", "ArrowUp", "ArrowLeft"]) fire(thumb, "keydown", { key });
    await nextMacrotask();
    expect(one('[data-testid="stSliderThumbValue"]').textContent!.trim()).toBe("5");
    expect(thumb.getAttribute("aria-valuenow")).toBe("5");
    expect(preview.ofType("rerun")).toEqual([]);
    fire(thumb, "keyup", { key: "ArrowLeft" });
    expect(await nextRerun()).toEqual([{ id: "$$ID-sl", type: "value", value: 5 }]);

    fire(thumb, "keydown", { key: "End" });
    fire(thumb, "keyup", { key: "End" });
    expect(await nextRerun()).toEqual([{ id: "$$ID-sl", type: "value", value: 10 }]);
    fire(thumb, "keydown", { key: "PageDown" });
    fire(thumb, "keyup", { key: "PageDown" });
    expect(await nextRerun()).toEqual([{ id: "$$ID-sl", type: "value", value: 0 }]);
  });

  it("is a two-thumb range slider for [low, high] whose thumbs cannot cross, with float formatting", async () => {
    preview = mountPreview();
    await preview.render([slider([0.25, 0.75], { min: 0, max: 1, step: 0.05 })]);
    expect(all('[data-testid="stSliderThumbValue"]').map((v) => v.textContent!.trim())).toEqual(["0.25", "0.75"]);
    const [low, high] = all('[data-testid="stSlider"] [role="slider"]');
    for (let i = 0; i < 12; i++) fire(low, "keydown", { key: "ArrowRight" });
    fire(low, "keyup", { key: "ArrowRight" });
    expect(await nextRerun()).toEqual([{ id: "$$ID-sl", type: "value", value: [0.75, 0.75] }]);
    fire(high, "keydown", { key: "PageUp" });
    fire(high, "keyup", { key: "PageUp" });
    expect(await nextRerun()).toEqual([{ id: "$$ID-sl", type: "value", value: [0.75, 1] }]);
    fire(low, "keydown", { key: "ArrowLeft" });
    fire(low, "keyup", { key: "ArrowLeft" });
    expect(await nextRerun()).toEqual([{ id: "$$ID-sl", type: "value", value: [0.7, 1] }]);
  });
});

describe("number input", () => {
  it("has Streamlit's structure, steps with the buttons and disables them at the bounds", async () => {
    preview = mountPreview();
    await preview.render([numberInput(4)]);
    const field = one<HTMLInputElement>(
      '[data-testid="stNumberInput"] [data-testid="stNumberInputContainer"] input[data-testid="stNumberInputField"]',
    );
    expect(field.value).toBe("4");
    const up = one<HTMLButtonElement>('[data-testid="stNumberInputStepUp"]');
    up.click();
    expect(await nextRerun()).toEqual([{ id: "$$ID-num", type: "value", value: 5 }]);
    await preview.until(() => up.disabled);
    expect(field.value).toBe("5");
    one<HTMLButtonElement>('[data-testid="stNumberInputStepDown"]').click();
    expect(await nextRerun()).toEqual([{ id: "$$ID-num", type: "value", value: 4 }]);
  });

  it("applies typed text on Enter, clamps it, sends null for an empty field, and formats floats with 2 decimals", async () => {
    preview = mountPreview();
    await preview.render([numberInput(1.5, { integer: false, step: 0.1, min: null, max: 10 })]);
    const field = one<HTMLInputElement>('[data-testid="stNumberInputField"]');
    expect(field.value).toBe("1.50");
    fire(field, "blur");
    field.value = "12";
    fire(field, "input");
    fire(field, "keydown", { key: "Enter" });
    expect(await nextRerun()).toEqual([{ id: "$$ID-num", type: "value", value: 10 }]);
    expect(field.value).toBe("10.00");
    field.value = "";
    fire(field, "input");
    fire(field, "blur");
    expect(await nextRerun()).toEqual([{ id: "$$ID-num", type: "value", value: null }]);
    expect(preview.ofType("rerun")).toHaveLength(2);
  });
});

describe("selectbox and radio", () => {
  it("send the chosen option's index", async () => {
    preview = mountPreview();
    await preview.render([select("selectbox", 0), select("radio", 1)]);
    const input = one<HTMLInputElement>('[data-testid="stSelectbox"] [data-baseweb="select"] input[role="combobox"]');
    expect(one('[data-testid="stSelectbox"] [data-baseweb="select"]').textContent).toContain("red");
    expect(input.getAttribute("aria-expanded")).toBe("false");
    const options = all('[data-testid="stRadio"] > [data-testid="stRadioGroup"] > [data-testid="stRadioOption"]');
    expect(options.map((o) => [o.textContent, (o.querySelector("input") as HTMLInputElement).checked])).toEqual([
      ["red", false],
      ["green", true],
      ["blue", false],
    ]);

    fire(one('[data-testid="stSelectbox"] [data-baseweb="select"]'), "mousedown");
    await preview.until(() => input.getAttribute("aria-expanded") === "true");
    const listed = all('[data-baseweb="popover"] [data-testid="stSelectboxVirtualDropdown"][role="listbox"] li[role="option"]');
    expect(listed.map((o) => [o.textContent!.trim(), o.getAttribute("aria-selected")])).toEqual([
      ["red", "true"],
      ["green", "false"],
      ["blue", "false"],
    ]);
    fire(listed[2], "mousedown");
    const radio = options[0].querySelector("input") as HTMLInputElement;
    radio.checked = true;
    fire(radio, "change");
    expect(await nextRerun()).toEqual([
      { id: "$$ID-selectbox", type: "value", value: 2 },
      { id: "$$ID-radio", type: "value", value: 0 },
    ]);
    expect(all('[data-baseweb="popover"]')).toHaveLength(0);
    expect(one('[data-testid="stSelectbox"] [data-baseweb="select"]').textContent).toContain("blue");
  });

  it("shows the placeholder while nothing is selected", async () => {
    preview = mountPreview();
    await preview.render([select("selectbox", null)]);
    expect(one('[data-testid="stSelectbox"] [data-baseweb="select"]').textContent!.trim()).toBe("Choose an option");
  });

  it("filters the options fuzzily as the user types and picks the best match with Enter", async () => {
    preview = mountPreview();
    await preview.render([{ ...select("selectbox", 0), options: ["apple", "banana", "blueberry", "cherry"] }]);
    const input = one<HTMLInputElement>('[data-testid="stSelectbox"] input');
    input.value = "ry";
    fire(input, "input");
    await preview.until(() => all('li[role="option"]').length > 0);
    // fzy scores "cherry" (0.98) over "blueberry" (0.965); "apple" and "banana" do not match.
    expect(all('li[role="option"]').map((o) => o.textContent!.trim())).toEqual(["cherry", "blueberry"]);
    fire(input, "keydown", { key: "ArrowDown" });
    fire(input, "keydown", { key: "Enter" });
    expect(await nextRerun()).toEqual([{ id: "$$ID-selectbox", type: "value", value: 2 }]);
  });

  it("clears a selectbox created with index=None on Escape, and lists 'No results' when nothing matches", async () => {
    preview = mountPreview();
    await preview.render([{ ...select("selectbox", null), clearable: true }]);
    const input = one<HTMLInputElement>('[data-testid="stSelectbox"] input');
    input.value = "zzz";
    fire(input, "input");
    await preview.until(() => all('[data-testid="stSelectboxVirtualDropdown"] li').length > 0);
    expect(one('[data-testid="stSelectboxVirtualDropdown"]').textContent!.trim()).toBe("No results");
    input.value = "gre";
    fire(input, "input");
    await preview.until(() => all('li[role="option"]').length === 1);
    fire(input, "keydown", { key: "Enter" });
    expect(await nextRerun()).toEqual([{ id: "$$ID-selectbox", type: "value", value: 1 }]);
    fire(input, "keydown", { key: "Escape" });
    expect(await nextRerun()).toEqual([{ id: "$$ID-selectbox", type: "value", value: null }]);
  });
});

describe("multiselect", () => {
  const multiselect = (indexes: number[], maxSelections: number | null = null): AppElement => ({
    ...widget,
    type: "multiselect",
    id: "$$ID-ms",
    label: "Colors",
    options: ["Green", "Yellow", "Red", "Blue"],
    indexes,
    placeholder: "Choose options",
    maxSelections,
  });

  it("shows the selection as tags, lists only the other options and keeps the list open while picking", async () => {
    preview = mountPreview();
    await preview.render([multiselect([1])]);
    const tags = () => all('[data-testid="stMultiSelect"] [data-baseweb="tag"]').map((tag) => tag.textContent!.trim());
    expect(tags()).toEqual(["Yellow"]);
    fire(one('[data-testid="stMultiSelect"] [data-baseweb="select"]'), "mousedown");
    await preview.until(() => all('[data-testid="stMultiSelectDropdown"] li[role="option"]').length > 0);
    const listed = () => all('[data-testid="stMultiSelectDropdown"] li[role="option"]').map((o) => o.textContent!.trim());
    expect(listed()).toEqual(["Green", "Red", "Blue"]);
    fire(all('li[role="option"]')[2], "mousedown");
    expect(await nextRerun()).toEqual([{ id: "$$ID-ms", type: "value", value: [1, 3] }]);
    expect(tags()).toEqual(["Yellow", "Blue"]);
    expect(listed()).toEqual(["Green", "Red"]);

    fire(one('[data-baseweb="tag"] [role="presentation"]'), "mousedown");
    expect(await nextRerun()).toEqual([{ id: "$$ID-ms", type: "value", value: [3] }]);
    const input = one<HTMLInputElement>('[data-testid="stMultiSelect"] input[role="combobox"]');
    fire(input, "keydown", { key: "Backspace" });
    expect(await nextRerun()).toEqual([{ id: "$$ID-ms", type: "value", value: [] }]);
    expect(one('[data-testid="stMultiSelect"] [data-baseweb="select"]').textContent).toContain("Choose options");
  });

  it("lists nothing but Streamlit's notice once max_selections is reached", async () => {
    preview = mountPreview();
    await preview.render([multiselect([0, 2], 2)]);
    fire(one('[data-testid="stMultiSelect"] [data-baseweb="select"]'), "mousedown");
    await preview.until(() => all('[data-testid="stMultiSelectDropdown"] li').length > 0);
    expect(all('[data-testid="stMultiSelectDropdown"] li[role="option"]')).toHaveLength(0);
    expect(one('[data-testid="stMultiSelectDropdown"]').textContent!.trim()).toBe("You can only select up to 2 options. Remove an option first.");
  });
});

describe("text area", () => {
  it("applies on Ctrl+Enter or blur, not on a plain Enter", async () => {
    preview = mountPreview();
    await preview.render([textArea("")]);
    const area = one<HTMLTextAreaElement>('[data-testid="stTextArea"] > [data-testid="stTextAreaRootElement"] > textarea');
    expect(area.style.height).toBe("120px");
    area.value = "line 1";
    fire(area, "input");
    fire(area, "keydown", { key: "Enter" });
    await nextMacrotask();
    expect(preview.ofType("rerun")).toEqual([]);
    fire(area, "keydown", { key: "Enter", ctrlKey: true });
    expect(await nextRerun()).toEqual([{ id: "$$ID-ta", type: "value", value: "line 1" }]);
    area.value = "line 2";
    fire(area, "input");
    fire(area, "blur");
    expect(await nextRerun()).toEqual([{ id: "$$ID-ta", type: "value", value: "line 2" }]);
  });
});

describe("values across runs", () => {
  it("sends every value widget's current value in each rerun and shows the host's later values", async () => {
    preview = mountPreview();
    await preview.render([checkbox(true), slider(2), numberInput(null), select("radio", null)]);
    one<HTMLButtonElement>('[data-testid="stNumberInputStepUp"]').click();
    expect(await nextRerun()).toEqual([
      { id: "$$ID-cb", type: "value", value: true },
      { id: "$$ID-sl", type: "value", value: 2 },
      { id: "$$ID-num", type: "value", value: 0 },
      { id: "$$ID-radio", type: "value", value: null },
    ]);

    // A script-side write arrives with the next run.
    await preview.render([checkbox(false), slider(9), numberInput(3), select("radio", 2)]);
    expect((one('[data-testid="stCheckbox"] input') as HTMLInputElement).checked).toBe(false);
    expect(one('[data-testid="stSliderThumbValue"]').textContent!.trim()).toBe("9");
    expect(one<HTMLInputElement>('[data-testid="stNumberInputField"]').value).toBe("3");
    expect((all('[data-testid="stRadioOption"] input')[2] as HTMLInputElement).checked).toBe(true);
  });

  it("keeps an edit in progress when a late run renders", async () => {
    preview = mountPreview();
    await preview.render([textArea("host"), slider(2)]);
    const area = one<HTMLTextAreaElement>("textarea");
    area.value = "typing…";
    fire(area, "input");
    const thumb = one('[role="slider"]');
    for (let i = 0; i < 4; i++) fire(thumb, "keydown", { key: "ArrowRight" });

    await preview.render([textArea("host"), slider(2)] as AppElement[]);
    expect(area.value).toBe("typing…");
    expect(one('[data-testid="stSliderThumbValue"]').textContent!.trim()).toBe("6");
  });
});

describe("text elements", () => {
  it("render header, subheader, caption, text, divider and code with Streamlit's test ids", async () => {
    preview = mountPreview();
    await preview.render([
      { type: "markdown", variant: "header", body: "Header" },
      { type: "markdown", variant: "subheader", body: "Sub" },
      { type: "markdown", variant: "caption", body: "small *print*" },
      { type: "markdown", variant: "text", body: "  raw *text*" },
      { type: "markdown", variant: "divider", body: "" },
      { type: "code", body: "print('hi')", language: "python" },
    ]);
    // Streamlit's headings carry their anchor: stHeadingWithActionElements > h2#slug > text span + link icon.
    expect(all('[data-testid="stHeading"] [data-testid="stHeadingWithActionElements"] > :is(h2, h3)').map((h) => [h.tagName, h.id, h.firstElementChild!.textContent])).toEqual([
      ["H2", "header", "Header"],
      ["H3", "sub", "Sub"],
    ]);
    expect(one('[data-testid="stCaptionContainer"]').innerHTML).toBe("<p>small <em>print</em></p>");
    expect(one('[data-testid="stText"]').textContent).toBe("  raw *text*");
    expect(all('[data-testid="stMarkdown"] [data-testid="stMarkdownContainer"] > hr')).toHaveLength(1);
    const code = one('[data-testid="stCode"] pre > code');
    expect([code.textContent, code.className]).toEqual(["print('hi')", "language-python"]);
  });
});
