// @vitest-environment happy-dom
// @vitest-environment-options {"settings": {"handleDisabledFileLoadingAsSuccess": true}}
import type { FrontendRendererArgs } from "@streamlit/component-v2-lib";
import * as v from "valibot";
import { afterEach, describe, expect, it } from "vitest";
import { FromPreviewSchema } from "../../common/from-preview";
import type { ButtonElement, PreviewLoopEvent, TextInputElement } from "../../common";
import { component, mountPreview, nextMacrotask } from "./harness";

type Hop<K extends PreviewLoopEvent["kind"]> = Extract<PreviewLoopEvent, { kind: K }>;

let preview: ReturnType<typeof mountPreview> | null = null;
afterEach(() => {
  // The workbench validates whatever the preview sends: a batch over the schema's bounds is lost whole.
  for (const message of preview?.sent ?? []) expect(v.safeParse(FromPreviewSchema, message).issues).toBeUndefined();
  preview?.destroy();
  preview = null;
});

const hops = <K extends PreviewLoopEvent["kind"]>(kind: K) => preview!.hops().filter((hop): hop is Hop<K> => hop.kind === kind);

/** The hops sent up to the one the first rerun names as its cause (its flush), which follows the rerun. */
async function hopsLeadingToRerun(): Promise<PreviewLoopEvent[]> {
  await preview!.until(() => preview!.ofType("rerun").length > 0);
  const flushId = preview!.ofType("rerun")[0].causeId;
  await preview!.until(() => preview!.hops().some((hop) => hop.id === flushId));
  const all = preview!.hops();
  return all.slice(0, all.findIndex((hop) => hop.id === flushId) + 1);
}

/** Until the `n`th rerun went out and the hops that led to it followed (with an acknowledgement, or as stragglers). */
async function untilRerun(n: number): Promise<void> {
  await preview!.until(() => preview!.ofType("rerun").length >= n);
  const flushId = preview!.ofType("rerun")[n - 1].causeId;
  if (flushId !== null) await preview!.until(() => preview!.hops().some((hop) => hop.id === flushId));
}

// Evaluated code named like a component module (V8 honours sourceURL), so its frames are the component's.
const enterToSet = {
  default: new Function(
    "args",
    `const input = document.createElement("input");
    input.type = "text";
    args.parentElement.append(input);
    input.addEventListener("keydown", (event) => {
      if (event.key === "Enter") args.setStateValue("value", input.value);
    });
    //# sourceURL=st-bidi-my_component-abc123.js`,
  ),
};

function capture() {
  const calls: FrontendRendererArgs[] = [];
  return { calls, module: { default: (args: FrontendRendererArgs) => void calls.push(args) } };
}

const textInput: TextInputElement = {
  type: "text_input",
  id: "$$ID-name",
  label: "Name",
  value: "",
  placeholder: null,
  maxChars: null,
  disabled: false,
  labelVisibility: "visible",
};
const button: ButtonElement = { type: "button", id: "$$ID-go", label: "Go", kind: "secondary", disabled: false };

describe("preview loop hops", () => {
  it("records the seed chain dom → set → flush, and sends it with the acknowledgement of the run the rerun led to", async () => {
    preview = mountPreview({ "main.js": enterToSet });
    await preview.render([component()]);
    const shadow = preview.root.querySelector('[data-testid="stBidiComponentIsolated"]')!.shadowRoot!;
    const input = shadow.querySelector("input")!;
    input.value = "hello";
    input.dispatchEvent(new KeyboardEvent("keydown", { key: "Enter", bubbles: true, composed: true }));
    await preview.until(() => preview!.ofType("rerun").length === 1);
    // The rerun goes out alone: its hops are completed (the stack formatted) while the host runs.
    expect(hops("set")).toEqual([]);
    await preview.render([component()]);
    expect(preview.ofType("loop")).toEqual([]);

    const chain = (await hopsLeadingToRerun()).filter((hop) => hop.kind === "dom" || hop.kind === "set" || hop.kind === "flush");
    expect(chain.map((hop) => hop.kind)).toEqual(["dom", "set", "flush"]);
    const [dom, set, flush] = chain as [Hop<"dom">, Hop<"set">, Hop<"flush">];
    expect(dom).toMatchObject({ eventType: "keydown", target: "input[type=text]", trusted: false, causeId: null, runId: 1 });
    expect(dom.id).toMatch(/^p[0-9a-f]{6}-\d+$/);
    expect(set).toMatchObject({
      causeId: dom.id,
      setter: "state",
      name: "value",
      instance: "k1",
      elementId: "$$ID-abc-k1",
      value: { preview: '"hello"', size: 7 },
      unchanged: false,
      phase: "later",
    });
    expect(set.stack).toContain("st-bidi-my_component-abc123.js");
    expect(set.stack).not.toMatch(/instance\.ts|recorder\.ts/);
    expect(flush).toMatchObject({ setIds: [set.id], causeId: set.id, fragmentId: null });
    expect(dom.at).toBeLessThanOrEqual(set.at);
    expect(set.at).toBeLessThanOrEqual(flush.at);
    expect(preview.ofType("rerun")[0]).toMatchObject({ source: "preview", causeId: flush.id });
  });

  it("records one dom hop per event, and none for a set outside any event's dispatch", async () => {
    const { calls, module } = capture();
    preview = mountPreview({ "main.js": module });
    await preview.render([component({ isolateStyles: false })]);
    const host = preview.root.querySelector('[data-testid="stBidiComponentRegular"]')!;
    host.innerHTML = '<button aria-label="Like"><span>♥</span></button>';
    host.querySelector("button")!.addEventListener("click", () => {
      calls[0].setStateValue("likes", 1);
      calls[0].setTriggerValue("liked", true);
    });
    host.querySelector("span")!.click();
    calls[0].setStateValue("after", 2);
    await untilRerun(1);

    const [dom] = hops("dom");
    expect(hops("dom")).toHaveLength(1);
    expect(dom).toMatchObject({ eventType: "click", target: 'button "Like"' });
    expect(hops("set").map((set) => [set.setter, set.name, set.causeId, set.phase])).toEqual([
      ["state", "likes", dom.id, "later"],
      ["trigger", "liked", dom.id, "later"],
      ["state", "after", null, "later"],
    ]);
    expect(hops("set")[0].stack).toBeNull();
    expect(hops("flush")[0].setIds).toEqual(hops("set").map((set) => set.id));
  });

  it("links a set during the default export's call to its invoke hop", async () => {
    let finish!: () => void;
    const module = {
      default: async (args: FrontendRendererArgs) => {
        args.setStateValue("ready", true);
        await new Promise<void>((resolve) => (finish = resolve));
        args.setStateValue("loaded", true);
      },
    };
    preview = mountPreview({ "main.js": module });
    preview.handle({ type: "render", run: { runId: 3, tree: { main: [component()], sidebar: [] }, warnings: [], causes: { run: "h9", elements: {} } } });
    await preview.until(() => hops("set").length === 1);
    finish();
    await preview.until(() => preview!.ofType("rendered").length === 1);

    const [invoke] = hops("invoke");
    expect(invoke).toMatchObject({ causeId: "h9", runId: 3, changed: ["mount"], elementId: "$$ID-abc-k1", instance: "k1" });
    expect(invoke.durationMs).toBeGreaterThanOrEqual(0);
    expect(hops("set").map((set) => [set.name, set.phase, set.causeId])).toEqual([
      ["ready", "invocation", invoke.id],
      ["loaded", "invocation", invoke.id],
    ]);
    // The invocation's hop rides with the run's acknowledgement (its sets' flush went ahead, as stragglers).
    const [rendered] = preview.ofType("rendered");
    expect(rendered.hops).toContain(invoke);
  });

  it("marks a state set to the value the browser already holds as unchanged", async () => {
    const { calls, module } = capture();
    preview = mountPreview({ "main.js": module });
    await preview.render([component()]);
    calls[0].setStateValue("pick", { id: 1 });
    await untilRerun(1);
    calls[0].setStateValue("pick", { id: 1 });
    calls[0].setStateValue("pick", { id: 2 });
    calls[0].setTriggerValue("pick", { id: 2 });
    await preview.until(() => hops("set").length === 4);
    expect(hops("set").map((set) => set.unchanged)).toEqual([false, true, false, false]);
  });

  it("records a remount as the old instance's cleanup and the new one's mount and invoke, caused as the render says", async () => {
    const { module } = { module: { default: () => () => undefined } };
    preview = mountPreview({ "main.js": module });
    await preview.render([component({ id: "$$ID-abc", key: null })], [], { run: "h1", elements: {} });
    await preview.render([component({ id: "$$ID-abc", key: null, data: { kind: "json", json: "2" } })], [], {
      run: "h3",
      elements: { "$$ID-abc": "h2" },
    });
    await preview.render([component({ id: "$$ID-def", key: null, data: { kind: "json", json: "2" } })], [], {
      run: "h6",
      elements: { "$$ID-def": "h5" },
    });
    await preview.until(() => hops("cleanup").length === 1);

    const mounts = hops("mount");
    expect(mounts.map((mount) => [mount.elementId, mount.instance, mount.component, mount.causeId, mount.runId])).toEqual([
      ["$$ID-abc", "$$ID-abc", "my_component", "h1", 1],
      ["$$ID-def", "$$ID-def", "my_component", "h5", 3],
    ]);
    expect(mounts[0].frontendKey).not.toBe(mounts[1].frontendKey);
    expect(hops("invoke").map((invoke) => [invoke.elementId, invoke.changed, invoke.causeId, invoke.frontendKey])).toEqual([
      ["$$ID-abc", ["mount"], "h1", mounts[0].frontendKey],
      ["$$ID-abc", ["data"], "h2", mounts[0].frontendKey],
      ["$$ID-def", ["mount"], "h5", mounts[1].frontendKey],
    ]);
    expect(hops("cleanup")).toEqual([expect.objectContaining({ elementId: "$$ID-abc", frontendKey: mounts[0].frontendKey, causeId: "h6", runId: 3 })]);
  });

  it("names what changed for a re-invocation, and no render cause for a theme switch", async () => {
    preview = mountPreview({ "main.js": capture().module, "other.js": capture().module });
    await preview.render([component()], [], { run: "h1", elements: {} });
    await preview.render([component({ js: "other.js", formId: "f" })], [], { run: "h2", elements: {} });
    preview.handle({ type: "theme", theme: "dark" });
    await preview.until(() => hops("invoke").length === 3);
    expect(hops("invoke").map((invoke) => [invoke.changed, invoke.causeId])).toEqual([
      [["mount"], "h1"],
      [["js", "form"], "h2"],
      [["theme"], null],
    ]);
  });

  it("records a failed invocation as an error hop of that invoke, and every report as a console hop", async () => {
    preview = mountPreview({ "main.js": { default: () => { throw new TypeError("boom"); } } });
    await preview.render([component()]);
    const [invoke] = hops("invoke");
    expect(hops("error")).toEqual([expect.objectContaining({ causeId: invoke.id, message: "boom", source: "component", instance: "k1" })]);
    expect(hops("error")[0].stack).toContain("TypeError: boom");
    expect(hops("console")).toEqual([expect.objectContaining({ level: "error", message: "BidiComponent Error: boom", source: "component" })]);
    expect(preview.ofType("console")).toEqual([
      {
        type: "console",
        level: "error",
        message: "BidiComponent Error: boom",
        source: "component",
        instance: { component: "my_component", id: "k1" },
        location: null,
        stack: expect.stringMatching(/^TypeError: boom\n {4}at default \(.*loop\.test\.ts:\d+:\d+\)$/),
      },
    ]);
  });

  it("records nothing while recording is off", async () => {
    const { calls, module } = capture();
    preview = mountPreview({ "main.js": module });
    preview.handle({ type: "recording", on: false });
    await preview.render([component(), button]);
    preview.root.querySelector<HTMLButtonElement>('[data-testid="stButton"] button')!.click();
    calls[0].setStateValue("a", 1);
    await untilRerun(1);
    await nextMacrotask();
    expect(preview.ofType("loop")).toEqual([]);
    expect(preview.ofType("rerun")[0].causeId).toBeNull();

    preview.handle({ type: "recording", on: true });
    calls[0].setStateValue("a", 2);
    await untilRerun(2);
    expect(hops("set")).toHaveLength(1);
    expect(preview.ofType("rerun")[1].causeId).toBe(hops("flush")[0].id);
  });

  it("records a native text_input's change as a widget hop that the flush carries", async () => {
    preview = mountPreview();
    await preview.render([textInput]);
    const field = preview.root.querySelector<HTMLInputElement>('[data-testid="stTextInputField"]')!;
    field.value = "Ada";
    field.dispatchEvent(new Event("input"));
    field.dispatchEvent(new KeyboardEvent("keydown", { key: "Enter", bubbles: true }));
    await untilRerun(1);

    const chain = await hopsLeadingToRerun();
    expect(chain.map((hop) => hop.kind)).toEqual(["dom", "widget", "flush"]);
    const [dom, widget, flush] = chain as [Hop<"dom">, Hop<"widget">, Hop<"flush">];
    expect(dom).toMatchObject({ eventType: "keydown", target: "input[type=text]" });
    expect(widget).toMatchObject({ widget: "text_input", elementId: "$$ID-name", value: { preview: '"Ada"', size: 5 }, causeId: dom.id });
    expect(flush).toMatchObject({ setIds: [widget.id], causeId: widget.id });
    expect(preview.ofType("rerun")[0].causeId).toBe(flush.id);
  });

  it("keeps a form's changes out of flushes until its submit carries them", async () => {
    const { calls, module } = capture();
    preview = mountPreview({ "main.js": module });
    const submit: ButtonElement = { ...button, id: "$$ID-submit", label: "Submit", submit: true, formId: "form" };
    await preview.render([
      { type: "block", id: "main/0", kind: "form", formId: "form", children: [component({ formId: "form" }), submit] },
      button,
    ]);
    calls[0].setStateValue("draft", "x");
    preview.root.querySelector<HTMLButtonElement>('[data-testid="stButton"] button')!.click();
    await untilRerun(1);
    preview.root.querySelector<HTMLButtonElement>('[data-testid="stFormSubmitButton"] button')!.click();
    await untilRerun(2);

    const [draft] = hops("set");
    const [go, submitted] = hops("widget");
    expect([go.widget, submitted.widget]).toEqual(["button", "form_submit_button"]);
    expect(submitted.causeId).toBe(hops("dom")[1].id);
    expect(hops("flush").map((flush) => flush.setIds)).toEqual([[go.id], [draft.id, submitted.id]]);
  });

  it("cuts author-sized strings to the schema's bounds", async () => {
    const { calls, module } = capture();
    preview = mountPreview({ "main.js": module });
    await preview.render([component()]);
    calls[0].setStateValue("n".repeat(5000), "v".repeat(100_000));
    await untilRerun(1);
    const [set] = hops("set");
    expect(set.name).toBe(`${"n".repeat(4095)}…`);
    expect(set.value.size).toBe(100_002);
  });

  it("sends many hops of one macrotask in batches the schema accepts", async () => {
    const { calls, module } = capture();
    preview = mountPreview({ "main.js": module });
    await preview.render([component()]);
    for (let i = 0; i < 2500; i++) calls[0].setTriggerValue("tick", i);
    await untilRerun(1);
    const leading = await hopsLeadingToRerun();
    const batches = [...preview.ofType("loop").map((message) => message.events.length), ...preview.ofType("rendered").map((message) => message.hops.length)];
    expect(batches.length).toBeGreaterThan(1);
    expect(Math.max(...batches)).toBeLessThanOrEqual(2000);
    expect(leading.filter((hop) => hop.kind === "set")).toHaveLength(2500);
    expect(hops("flush")[0].setIds).toHaveLength(2500);
  });
});
