// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from "vitest";
import type { AppElement, TextInputElement } from "../../common";
import { mountPreview } from "./harness";

let preview: ReturnType<typeof mountPreview> | null = null;
afterEach(() => {
  preview?.destroy();
  preview = null;
});

const testId = (id: string) => preview!.root.querySelector(`[data-testid="${id}"]`) as HTMLElement;
const textInput = (value: string): TextInputElement => ({
  type: "text_input",
  id: "$$ID-t-name",
  label: "Name",
  value,
  placeholder: "type here",
  maxChars: null,
  disabled: false,
  labelVisibility: "visible",
});

describe("native elements", () => {
  it("renders markdown with HTML escaped, and titles as stHeading", async () => {
    preview = mountPreview();
    await preview.render([
      { type: "markdown", variant: "title", body: "The *title*" },
      { type: "markdown", variant: "markdown", body: "Hello **world** <img src=x onerror=alert(1)>" },
    ]);
    expect(testId("stHeading").querySelector("h1 > span")!.innerHTML).toBe("The <em>title</em>");
    const markdown = testId("stMarkdown").querySelector('[data-testid="stMarkdownContainer"]')!;
    expect(markdown.querySelector("strong")!.textContent).toBe("world");
    expect(markdown.querySelector("img")).toBeNull();
    expect(markdown.textContent).toBe("Hello world <img src=x onerror=alert(1)>");
  });

  it("renders json, alerts and exceptions with Streamlit's test ids", async () => {
    preview = mountPreview();
    const elements: AppElement[] = [
      { type: "json", body: '{\n  "value": "x"\n}', expanded: true },
      { type: "alert", kind: "warning", body: "Careful" },
      { type: "exception", name: "TypeError", message: "x is not a function", trace: ["at app (app.ts:3:5)", "at run (runner.ts:9:1)"] },
    ];
    await preview.render(elements);
    // react-json-view's rows, as st.json shows them: quoted keys, no commas or indentation in the text.
    expect(testId("stJson").textContent).toBe('{"value":"x"}');
    expect(testId("stAlert").querySelector('[data-testid="stAlertContentWarning"]')!.textContent).toBe("Careful");
    expect(testId("stExceptionMessage").textContent!.trim()).toBe("TypeError: x is not a function");
    const rows = [...preview.root.querySelectorAll('[data-testid="stExceptionTraceRow"]')].map((row) => row.textContent);
    expect(rows).toEqual(["at app (app.ts:3:5)", "at run (runner.ts:9:1)"]);
 
  });

  it("shows st.json as react-json-view's rows: quoted keys, array indexes, NULL; empty strings and false as they are", async () => {
    preview = mountPreview();
    await preview.render([{ type: "json", body: JSON.stringify({ a: "", b: false, c: null, d: [1, "x"], e: {} }), expanded: true }]);
    expect(testId("stJson").textContent).toBe('{"a":"""b":false"c":NULL"d":[0:11:"x"]"e":{}}');
    await preview.render([{ type: "json", body: '{"hidden": 1}', expanded: false }]);
    expect(testId("stJson").textContent).toBe("{...}");
  });

  it("shows Streamlit's own exceptions by module and with a Markdown message, and builds Streamlit's links", async () => {
    preview = mountPreview();
    const trace = ["app (app.ts:3:5)"];
    await preview.render([
      { type: "exception", name: "StreamlitAPIException", module: "streamlit.errors", messageIsMarkdown: true, message: "`st.x` cannot be modified.\n\nSecond paragraph.", trace },
    ]);
    const message = testId("stExceptionMessage");
    expect(message.querySelector("strong")!.textContent).toBe("streamlit.errors.StreamlitAPIException");
    expect([...message.querySelectorAll("code")].map((code) => code.textContent)).toEqual(["st.x"]);
    expect(message.querySelectorAll("p")).toHaveLength(2);
    expect(testId("stException").querySelector('[data-testid="stAlertContainer"] [data-testid="stAlertContentError"]')).not.toBeNull();
    const links = [...testId("stException").querySelectorAll("a")].map((a) => [a.textContent, a.getAttribute("href")]);
    const summary = "streamlit.errors.StreamlitAPIException: `st.x` cannot be modified.\n\nSecond paragraph.";
    expect(links).toEqual([
      ["Ask Google", `https://www.google.com/search?q=${encodeURIComponent(summary)}`],
      ["Ask ChatGPT", `https://chatgpt.com/?q=${encodeURIComponent(`${summary}\n\n${trace[0]}`)}`],
    ]);
  });

  it("puts sidebar elements in stSidebarUserContent only when there are any", async () => {
    preview = mountPreview();
    await preview.render([{ type: "markdown", variant: "markdown", body: "main" }]);
    expect(testId("stSidebar")).toBeNull();
    await preview.render([], [{ type: "markdown", variant: "markdown", body: "side" }]);
    expect(testId("stSidebarUserContent").textContent).toBe("side");
  });

  it("sends a button's trigger for exactly one rerun, alongside the other widget values", async () => {
    preview = mountPreview();
    const button: AppElement = { type: "button", id: "$$ID-b-hello", label: "Hello World", kind: "secondary", disabled: false };
    await preview.render([button, textInput("")]);
    (testId("stBaseButton-secondary") as HTMLButtonElement).click();
    await preview.until(() => preview!.ofType("rerun").length === 1);
    expect(preview.ofType("rerun")[0].widgetStates).toEqual([
      { id: "$$ID-t-name", type: "value", value: "" },
      { id: "$$ID-b-hello", type: "trigger_value", value: true },
    ]);

    const input = testId("stTextInputField") as HTMLInputElement;
    input.value = "Ada";
    input.dispatchEvent(new Event("input"));
    input.dispatchEvent(new KeyboardEvent("keydown", { key: "Enter" }));
    await preview.until(() => preview!.ofType("rerun").length === 2);
    expect(preview.ofType("rerun")[1].widgetStates).toEqual([{ id: "$$ID-t-name", type: "value", value: "Ada" }]);
  });

  it("commits a text input on blur only when the value changed, and shows the host's later value", async () => {
    preview = mountPreview();
    await preview.render([textInput("start")]);
    const input = testId("stTextInputField") as HTMLInputElement;
    expect(input.value).toBe("start");
    input.dispatchEvent(new Event("blur"));
    input.value = "typed";
    input.dispatchEvent(new Event("input"));
    input.dispatchEvent(new Event("blur"));
    await preview.until(() => preview!.ofType("rerun").length === 1);
    expect(preview.ofType("rerun")[0].widgetStates).toEqual([{ id: "$$ID-t-name", type: "value", value: "typed" }]);

    await preview.render([textInput("from script")]);
    expect(input.value).toBe("from script");
  });
});
