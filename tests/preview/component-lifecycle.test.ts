// @vitest-environment happy-dom
// @vitest-environment-options {"settings": {"handleDisabledFileLoadingAsSuccess": true}}
import type { FrontendRendererArgs } from "@streamlit/component-v2-lib";
import { afterEach, describe, expect, it, vi } from "vitest";
import { triggerAggregatorId } from "../../common";
import { fnv1a, moduleFileName } from "../../renderer/preview/component/loader";
import { component, mountPreview, nextMacrotask } from "./harness";

type Call = { args: FrontendRendererArgs; data: unknown };

/** A default export that records its calls and returns a distinct cleanup each time. */
function recorder() {
  const calls: Call[] = [];
  const cleanups: number[] = [];
  const module = {
    default: (args: FrontendRendererArgs) => {
      const n = calls.push({ args, data: args.data });
      return () => void cleanups.push(n);
    },
  };
  return { calls, cleanups, module };
}

let preview: ReturnType<typeof mountPreview> | null = null;
afterEach(() => {
  preview?.destroy();
  preview = null;
  vi.restoreAllMocks();
});

describe("component mount", () => {
  it("builds Streamlit's DOM and calls the default export with exactly the six arguments", async () => {
    const { calls, module } = recorder();
    preview = mountPreview({ "main.js": module });
    await preview.render([component()]);

    const outer = preview.root.querySelector('[data-testid="stApp"] [data-testid="stMainBlockContainer"] [data-testid="stVerticalBlock"] > [data-testid="stElementContainer"] > div.stBidiComponent')!;
    expect(outer.getAttribute("data-lw-id")).toBe("$$ID-abc-k1");
    expect(outer.getAttribute("data-lw-key")).toBe("k1");
    const host = outer.querySelector('[data-testid="stBidiComponentIsolated"]') as HTMLElement;
    expect(host.parentElement!.style.getPropertyValue("--st-primary-color")).toBe("#ff4b4b");

    expect(calls).toHaveLength(1);
    const { args } = calls[0];
    expect(Object.keys(args).sort()).toEqual(["data", "key", "name", "parentElement", "setStateValue", "setTriggerValue"]);
    expect(args.name).toBe("my_component");
    expect(args.key).toMatch(/^st-bidi-component-[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    expect(args.data).toEqual({ label: "a" });
    expect(args.parentElement).toBe(host.shadowRoot);

    const wrapper = host.shadowRoot!.children[0];
    expect(wrapper.children[0].innerHTML).toBe("<label>hi</label>");
    expect(wrapper.children[1].tagName).toBe("STYLE");
    expect(wrapper.children[1].textContent).toBe("label { color: red; }");
  });

  it("uses the host div itself as parentElement when styles are not isolated", async () => {
    const { calls, module } = recorder();
    preview = mountPreview({ "main.js": module });
    await preview.render([component({ isolateStyles: false })]);
    const host = preview.root.querySelector('[data-testid="stBidiComponentRegular"]');
    expect(calls[0].args.parentElement).toBe(host);
  });

  it("links a css file as a blob stylesheet instead of inlining it", async () => {
    const blobs = new Map<string, Blob>();
    const createObjectURL = URL.createObjectURL.bind(URL);
    vi.spyOn(URL, "createObjectURL").mockImplementation((blob) => {
      const url = createObjectURL(blob);
      blobs.set(url, blob as Blob);
      return url;
    });
    const { module } = recorder();
    preview = mountPreview({ "main.js": module });
    await preview.render([component({ isolateStyles: false, css: "label { color: red; }", cssPath: "style.css" })]);
    const host = preview.root.querySelector('[data-testid="stBidiComponentRegular"]')!;
    const href = host.querySelector('link[rel="stylesheet"]')!.getAttribute("href")!;
    expect(host.querySelector("style")).toBeNull();
    expect(blobs.get(href)!.type).toBe("text/css");
    expect(await blobs.get(href)!.text()).toBe("label { color: red; }");
  });

  it("applies a non-isolated component's css to the whole page", async () => {
    const { module } = recorder();
    preview = mountPreview({ "main.js": module });
    await preview.render([
      { type: "markdown", variant: "markdown", body: "outside" },
      component({ isolateStyles: false, css: '[data-testid="stMarkdown"] p { color: rgb(1, 2, 3); }' }),
    ]);
    const outside = preview.root.querySelector('[data-testid="stMarkdown"] p')!;
    expect(getComputedStyle(outside).color).toBe("rgb(1, 2, 3)");
  });

  it("keeps an isolated component's css inside its shadow root", async () => {
    const { module } = recorder();
    preview = mountPreview({ "main.js": module });
    await preview.render([
      { type: "markdown", variant: "markdown", body: "outside" },
      component({ css: '[data-testid="stMarkdown"] p { color: rgb(1, 2, 3); }' }),
    ]);
    const outside = preview.root.querySelector('[data-testid="stMarkdown"] p')!;
    expect(getComputedStyle(outside).color).not.toBe("rgb(1, 2, 3)");
  });

  it("re-invokes on a data change without cleanup, not on identical JSON, and cleans up once on unmount", async () => {
    const { calls, cleanups, module } = recorder();
    preview = mountPreview({ "main.js": module });
    await preview.render([component()]);
    await preview.render([component()]);
    expect(calls).toHaveLength(1);

    await preview.render([component({ data: { kind: "json", json: '{"label":"b"}' } })]);
    expect(calls).toHaveLength(2);
    expect(calls[1].data).toEqual({ label: "b" });
    expect(calls[1].args.parentElement).toBe(calls[0].args.parentElement);
    expect(calls[1].args.key).toBe(calls[0].args.key);
    expect(cleanups).toEqual([]);

    await preview.render([]);
    await nextMacrotask();
    expect(cleanups).toEqual([2]);
    expect(preview.root.querySelector(".stBidiComponent")).toBeNull();
  });

  it("re-invokes binary data on every run", async () => {
    const { calls, module } = recorder();
    preview = mountPreview({ "main.js": module });
    const bytes = () => component({ data: { kind: "bytes", bytes: new Uint8Array([1, 2]) } });
    await preview.render([bytes()]);
    await preview.render([bytes()]);
    expect(calls).toHaveLength(2);
    expect(calls[1].data).toEqual(new Uint8Array([1, 2]));
  });

  it("re-invokes on a JS change but only swaps the html when the html changes", async () => {
    const first = recorder();
    const second = recorder();
    preview = mountPreview({ "main.js": first.module, "other.js": second.module });
    await preview.render([component()]);
    await preview.render([component({ html: "<b>new</b>" })]);
    expect(first.calls).toHaveLength(1);
    const shadow = first.calls[0].args.parentElement as ShadowRoot;
    expect(shadow.children).toHaveLength(1);
    expect(shadow.children[0].children[0].innerHTML).toBe("<b>new</b>");

    await preview.render([component({ html: "<b>new</b>", js: "other.js" })]);
    expect(second.calls).toHaveLength(1);
    expect(second.calls[0].args.parentElement).toBe(shadow);
    expect(first.cleanups).toEqual([]);
  });

  it("remounts with a new key when the element id changes", async () => {
    const { calls, cleanups, module } = recorder();
    preview = mountPreview({ "main.js": module });
    await preview.render([component()]);
    await preview.render([component({ id: "$$ID-abc-k2", key: "k2" })]);
    await nextMacrotask();
    expect(calls).toHaveLength(2);
    expect(calls[1].args.key).not.toBe(calls[0].args.key);
    expect(calls[1].args.parentElement).not.toBe(calls[0].args.parentElement);
    expect(cleanups).toEqual([1]);
  });

  it("re-invokes when the component moves into a form or fragment", async () => {
    const { calls, module } = recorder();
    preview = mountPreview({ "main.js": module });
    await preview.render([component()]);
    await preview.render([component({ formId: "f" })]);
    await preview.render([component({ formId: "f", fragmentId: "frag" })]);
    await preview.render([component({ formId: "f", fragmentId: "frag" })]);
    expect(calls).toHaveLength(3);
  });

  it("re-invokes every component on a theme change and switches the --st-* variables", async () => {
    const { calls, module } = recorder();
    preview = mountPreview({ "main.js": module });
    await preview.render([component(), component({ id: "$$ID-abc-k2", key: "k2" })]);
    expect(calls).toHaveLength(2);
    preview.handle({ type: "theme", theme: "dark" });
    await preview.until(() => calls.length === 4);
    expect(calls.slice(2).map((call) => call.args.key)).toEqual(calls.slice(0, 2).map((call) => call.args.key));
    const theme = preview.root.querySelector(".stBidiComponent > div") as HTMLElement;
    expect(theme.style.getPropertyValue("--st-background-color")).toBe("#0e1117");
    expect(theme.style.getPropertyValue("--st-text-color")).toBe("#fafafa");
  });

  it("acknowledges a run only after an async default export settled", async () => {
    let finish!: () => void;
    const module = { default: () => new Promise<void>((resolve) => (finish = resolve)) };
    preview = mountPreview({ "main.js": module });
    preview.handle({ type: "render", run: { runId: 7, tree: { main: [component()], sidebar: [] }, warnings: [], causes: { run: null, elements: {} } } });
    await nextMacrotask();
    expect(preview.ofType("rendered")).toEqual([]);
    expect(document.body.dataset.lwRenderedRun).toBeUndefined();
    finish();
    await preview.until(() => preview!.ofType("rendered").length === 1);
    expect(preview.ofType("rendered")).toMatchObject([{ type: "rendered", runId: 7, hops: [{ kind: "mount" }, { kind: "invoke", changed: ["mount"] }] }]);
    expect(document.body.dataset.lwRenderedRun).toBe("7");
  });

  it("sends the component's state and triggers as one rerun", async () => {
    const { calls, module } = recorder();
    preview = mountPreview({ "main.js": module });
    await preview.render([component()]);
    calls[0].args.setStateValue("value", "typed");
    calls[0].args.setTriggerValue("submit", 1);
    calls[0].args.setTriggerValue("submit", 1);
    await preview.until(() => preview!.ofType("rerun").length === 1);
    expect(preview.ofType("rerun")).toEqual([
      {
        type: "rerun",
        fragmentId: null,
        source: "preview",
        causeId: expect.stringMatching(/^p[0-9a-f]{6}-\d+$/),
        widgetStates: [
          { id: "$$ID-abc-k1", type: "json_value", value: '{"value":"typed"}' },
          { id: triggerAggregatorId("$$ID-abc-k1"), type: "json_trigger_value", value: '[{"event":"submit","value":1},{"event":"submit","value":1}]' },
        ],
      },
    ]);
  });

  it("on reset unmounts (one cleanup), forgets widget states and the rendered run", async () => {
    const { calls, cleanups, module } = recorder();
    preview = mountPreview({ "main.js": module });
    await preview.render([component()]);
    calls[0].args.setStateValue("a", 1);
    preview.handle({ type: "reset", sessionId: "s2" });
    await nextMacrotask();
    expect(cleanups).toEqual([1]);
    expect(preview.ofType("rerun")).toEqual([]);
    expect(document.body.dataset.lwRenderedRun).toBeUndefined();
    expect(preview.root.querySelector(".stBidiComponent")).toBeNull();
  });
});

describe("module naming", () => {
  it("hashes the JS text with 32-bit FNV-1a, as Streamlit does", () => {
    expect(fnv1a("")).toBe("811c9dc5");
    expect(fnv1a("a")).toBe("e40c292c");
    expect(fnv1a("foobar")).toBe("bf9cf968");
  });

  it("names the module st-bidi-<name>-<hash>.js", () => {
    expect(moduleFileName("my_component", "export default () => {}")).toBe(`st-bidi-my_component-${fnv1a("export default () => {}")}.js`);
  });
});

describe("component errors", () => {
  // The stack is shown only when it can point at the author's code.
  const cases: Array<[string, Record<string, unknown>, string, boolean]> = [
    ["a missing default export", {}, "JS module does not have a default export function.", false],
    ["a default export that is not a function", { default: 42 }, "JS module does not have a default export function.", false],
    ["a throwing default export", { default: () => { throw new TypeError("boom"); } }, "boom", true],
    ["a rejecting async default export", { default: async () => { throw new Error("late boom"); } }, "late boom", true],
  ];

  it.each(cases)("replaces the component with the error element for %s", async (_, module, message, withStack) => {
    preview = mountPreview({ "main.js": module });
    await preview.render([component()]);
    // Streamlit 1.64.0's ErrorElement has no test id of its own: the error alert inside the instance.
    const error = preview.root.querySelector('.stBidiComponent [data-testid="stAlertContainer"]')!;
    // Streamlit's ErrorElement: "<name>: <message>", then the stack without its first line.
    expect(error.querySelector('[data-testid="stAlertContentError"]')!.textContent).toContain(`BidiComponent Error: ${message}`);
    const stack = error.querySelector('[data-testid="stErrorElementStack"]');
    expect(stack !== null).toBe(withStack);
    if (stack) expect(stack.textContent).toMatch(/^at /);
    expect(preview.root.querySelector('[data-testid="stBidiComponentIsolated"]')).toBeNull();
    // The Log's line names the instance; its stack keeps the author's frames only (none of the preview's).
    const [line] = preview.ofType("console");
    expect(line).toMatchObject({ type: "console", level: "error", message: `BidiComponent Error: ${message}`, source: "component", instance: { component: "my_component", id: "k1" } });
    expect(line.stack ?? "").not.toMatch(/renderer[\\/]preview|ComponentInstance/);
    expect(preview.ofType("console")).toHaveLength(1);
  });

  it("stays failed on later runs, like Streamlit", async () => {
    let calls = 0;
    preview = mountPreview({ "main.js": { default: () => { calls++; throw new Error("x"); } } });
    await preview.render([component()]);
    await preview.render([component({ data: { kind: "json", json: "2" } })]);
    expect(calls).toBe(1);
    expect(preview.root.querySelectorAll('.stBidiComponent [data-testid="stAlertContentError"]')).toHaveLength(1);
  });
});
