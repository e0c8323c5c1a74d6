import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { tableFromArrays, tableFromIPC } from "apache-arrow";
import { describe, expect, it } from "vitest";
import type { AppElement, BlockElement, WidgetState } from "../../common";
import type { St } from "../../common/api";
import { RerunEngine } from "../../main/core/engine/rerun-engine";
import { components, engineFor, jsonBodies, texts } from "./helpers";

const JS = "export default function () {}";

function find<T extends AppElement["type"]>(elements: AppElement[], type: T): Extract<AppElement, { type: T }>[] {
  const out: AppElement[] = [];
  const walk = (list: AppElement[]) => list.forEach((e) => (e.type === type && out.push(e), e.type === "block" && walk(e.children)));
  walk(elements);
  return out as Extract<AppElement, { type: T }>[];
}

const value = (id: string, v: unknown): WidgetState => ({ id, type: "value", value: v as never });

describe("native widgets (issue 3 item 10)", () => {
  it("keys, on_change callbacks and session state for checkbox, slider, number_input, selectbox, radio, text_area", async () => {
    const calls: string[] = [];
    const app = (st: St) => {
      const on = (name: string) => () => calls.push(name);
      st.json({
        checkbox: st.checkbox("Check", { key: "cb", on_change: on("cb") }),
        toggle: st.toggle("Toggle", { value: true }),
        slider: st.slider("Slide", { min_value: 0, max_value: 10, value: 3, key: "sl", on_change: on("sl") }),
        range: st.slider("Range", { value: [2, 8] }),
        number: st.number_input("Number", { key: "n" }),
        select: st.selectbox("Pick", ["a", "b", "c"], { index: 1, key: "sel", on_change: on("sel") }),
        radio: st.radio("Radio", [10, 20], { key: "r" }),
        area: st.text_area("Area", { value: "hi" }),
      });
      st.json(st.session_state.to_dict());
    };
    const engine = new RerunEngine(app, process.cwd());
    const first = await engine.run({ widgetStates: [], fragmentId: null, edits: [] });
    expect(jsonBodies(first.tree.main)[0]).toEqual({ checkbox: false, toggle: true, slider: 3, range: [2, 8], number: 0, select: "b", radio: 10, area: "hi" });
    expect(jsonBodies(first.tree.main)[1]).toEqual({ cb: false, sl: 3, n: 0, sel: "b", r: 10 });
    expect(find(first.tree.main, "checkbox").map((c) => c.variant)).toEqual(["checkbox", "toggle"]);
    expect(find(first.tree.main, "selectbox")[0]).toMatchObject({ options: ["a", "b", "c"], index: 1 });

    const idOf = (type: "checkbox" | "slider" | "selectbox" | "radio" | "number_input") => find(first.tree.main, type)[0].id;
    const ids = { cb: idOf("checkbox"), sl: idOf("slider"), sel: idOf("selectbox"), r: idOf("radio"), n: idOf("number_input") };
    const second = await engine.run({ widgetStates: [value(ids.cb, true), value(ids.sl, 7), value(ids.sel, 2), value(ids.r, 1), value(ids.n, 4.5)], fragmentId: null, edits: [] });
    expect(jsonBodies(second.tree.main)[1]).toEqual({ cb: true, sl: 7, n: 4.5, sel: "c", r: 20 });
    expect(calls).toEqual(["cb", "sl", "sel"]);
    // Same values again: no callback (state callbacks fire on change only).
    await engine.run({ widgetStates: [value(ids.cb, true), value(ids.sl, 7), value(ids.sel, 2)], fragmentId: null, edits: [] });
    expect(calls).toEqual(["cb", "sl", "sel"]);
  });

  it("a session-state write before the widget is created sets its value; a button's cannot be set", async () => {
    const { browser } = engineFor((st: St) => {
      if (!st.session_state.has("t")) st.session_state.t = "preset";
      st.write(st.text_input("T", { key: "t" }));
    });
    expect(texts((await browser.flush()).tree.main)).toEqual(["preset"]);
    const { browser: b2 } = engineFor((st: St) => {
      st.session_state.b = true;
      st.button("B", { key: "b" });
    });
    expect((await b2.flush()).tree.main[0]).toMatchObject({ name: "StreamlitValueAssignmentNotAllowedError" });
  });

  it("display elements: header, subheader, caption, text, code, divider, alerts", async () => {
    const { browser } = engineFor((st: St) => {
      st.header("H");
      st.subheader("S");
      st.caption("C");
      st.text("T");
      st.code("x = 1", { language: "ts" });
      st.divider();
      st.info("i");
      st.success("s");
      st.warning("w");
      st.error("e");
    });
    const run = await browser.flush();
    expect(run.tree.main).toEqual([
      { type: "markdown", body: "H", variant: "header" },
      { type: "markdown", body: "S", variant: "subheader" },
      { type: "markdown", body: "C", variant: "caption" },
      { type: "markdown", body: "T", variant: "text" },
      { type: "code", body: "x = 1", language: "ts" },
      { type: "markdown", body: "", variant: "divider" },
      { type: "alert", kind: "info", body: "i" },
      { type: "alert", kind: "success", body: "s" },
      { type: "alert", kind: "warning", body: "w" },
      { type: "alert", kind: "error", body: "e" },
    ]);
  });
});

describe("containers (issue 3 API shape)", () => {
  it("columns, container, expander and sidebar nest their elements; `with` captures the global st", async () => {
    const { browser } = engineFor((st: St) => {
      const wrapper = () => st.components.v2.component("c", { js: JS })({ key: "inside" });
      const [left, right] = st.columns([2, 1]);
      left.write("left");
      right.with(() => {
        wrapper();
        st.write("right");
      });
      st.expander("More").with(() => st.write("hidden"));
      st.sidebar.write("side");
      st.write("after");
    });
    const run = await browser.flush();
    const [row, expander, after] = run.tree.main as [BlockElement, BlockElement, AppElement];
    expect(row).toMatchObject({ type: "block", kind: "horizontal", id: "main/0" });
    expect(row.children.map((c) => (c as BlockElement).weight)).toEqual([2, 1]);
    const [left, right] = row.children as BlockElement[];
    expect(left.children).toEqual([{ type: "markdown", body: "left", variant: "markdown" }]);
    expect(right.children.map((c) => c.type)).toEqual(["bidi_component", "markdown"]);
    expect(expander).toMatchObject({ kind: "expander", label: "More", expanded: false, children: [{ body: "hidden" }] });
    expect(after).toMatchObject({ body: "after" });
    expect(run.tree.sidebar).toEqual([{ type: "markdown", body: "side", variant: "markdown" }]);
  });

  it("st.columns validates its spec", async () => {
    const { browser } = engineFor((st: St) => void st.columns(0));
    expect((await browser.flush()).tree.main[0]).toMatchObject({ name: "StreamlitAPIException", message: expect.stringContaining("positive integer") });
  });
});

describe("forms (§8.5)", () => {
  it("widgets in a form carry its id; submit button returns true on the submit run and runs on_click", async () => {
    let clicks = 0;
    const engine = new RerunEngine((st: St) => {
      const form = st.form("f");
      const name = form.text_input("Name");
      const comp = form.with(() => st.components.v2.component("c", { js: JS })({ key: "k", on_text_change: () => {} }));
      const submitted = form.form_submit_button("Go", { on_click: () => clicks++ });
      st.json({ name, submitted, text: comp.text });
    }, process.cwd());
    const first = await engine.run({ widgetStates: [], fragmentId: null, edits: [] });
    const form = first.tree.main[0] as BlockElement;
    expect(form).toMatchObject({ kind: "form", formId: "f", border: true });
    expect(form.children.map((c) => ("formId" in c ? c.formId : null))).toEqual(["f", "f", "f"]);
    expect(find(first.tree.main, "button")[0]).toMatchObject({ submit: true, label: "Go" });
    const ids = { input: find(first.tree.main, "text_input")[0].id, button: find(first.tree.main, "button")[0].id, comp: components(find(first.tree.main, "block")[0].children)[0].id };
    const submit = await engine.run({
      widgetStates: [value(ids.input, "Ada"), { id: ids.comp, type: "json_value", value: '{"text":"hi"}' }, { id: ids.button, type: "trigger_value", value: true }],
      fragmentId: null,
      edits: [],
    });
    expect(jsonBodies(submit.tree.main)[0]).toEqual({ name: "Ada", submitted: true, text: "hi" });
    expect(clicks).toBe(1);
  });

  it("st.button in a form, a submit button outside one, nested and duplicate forms raise", async () => {
    const errorOf = async (app: (st: St) => void) => find((await new RerunEngine(app, process.cwd()).run({ widgetStates: [], fragmentId: null, edits: [] })).tree.main, "exception")[0];
    expect(await errorOf((st) => st.form("f").button("x"))).toMatchObject({ message: expect.stringContaining("can't be used in an `st.form()`") });
    expect(await errorOf((st) => st.form_submit_button("x"))).toMatchObject({ message: expect.stringContaining("must be used inside an `st.form()`") });
    expect(await errorOf((st) => st.form("f").with(() => st.form("g")))).toMatchObject({ message: "Forms cannot be nested in other forms." });
    expect(await errorOf((st) => (st.form("f"), st.form("f")))).toMatchObject({ message: expect.stringContaining("multiple identical forms with `key='f'`") });
  });
});

describe("fragments (§8.5)", () => {
  function fragmentApp(counters: { runs: number; fragmentRuns: number }) {
    return (st: St) => {
      counters.runs++;
      st.write(`Runs: ${counters.runs}`);
      const f = st.fragment(() => {
        counters.fragmentRuns++;
        const result = st.components.v2.component("c", { js: JS })({ key: "fk", on_v_change: () => {} });
        st.write(`Fragment runs: ${counters.fragmentRuns}, v=${result.v}`);
        if (st.button("again")) st.rerun({ scope: "fragment" });
      });
      f();
      st.write("tail");
    };
  }

  it("an interaction inside a fragment reruns only the fragment and keeps the rest of the tree", async () => {
    const counters = { runs: 0, fragmentRuns: 0 };
    const engine = new RerunEngine(fragmentApp(counters), process.cwd());
    const first = await engine.run({ widgetStates: [], fragmentId: null, edits: [] });
    const block = first.tree.main[1] as BlockElement;
    expect(block).toMatchObject({ kind: "fragment", id: "main/1" });
    const fragmentId = block.fragmentId!;
    const comp = components(block.children)[0];
    expect(comp.fragmentId).toBe(fragmentId);

    const second = await engine.run({ widgetStates: [{ id: comp.id, type: "json_value", value: '{"v":5}' }], fragmentId, edits: [] });
    expect(counters).toEqual({ runs: 1, fragmentRuns: 2 });
    expect(second.fragmentId).toBe(fragmentId);
    expect(texts(second.tree.main)).toEqual(["Runs: 1", "tail"]);
    expect(texts((second.tree.main[1] as BlockElement).children)).toEqual(["Fragment runs: 2, v=5"]);
  });

  it("st.rerun({scope: 'fragment'}) asks for a fragment rerun; outside a fragment it raises", async () => {
    const counters = { runs: 0, fragmentRuns: 0 };
    const engine = new RerunEngine(fragmentApp(counters), process.cwd());
    const first = await engine.run({ widgetStates: [], fragmentId: null, edits: [] });
    const block = first.tree.main[1] as BlockElement;
    const buttonId = find(block.children, "button")[0].id;
    const run = await engine.run({ widgetStates: [{ id: buttonId, type: "trigger_value", value: true }], fragmentId: block.fragmentId!, edits: [] });
    expect(run).toMatchObject({ rerunRequested: true, rerunFragment: block.fragmentId });
    const outside = await new RerunEngine((st: St) => st.rerun({ scope: "fragment" }), process.cwd()).run({ widgetStates: [], fragmentId: null, edits: [] });
    expect(outside.tree.main[0]).toMatchObject({ name: "StreamlitAPIException" });
  });
});

describe("st.stop and cleanup rules", () => {
  it("st.stop ends the run and keeps widgets the rest of the script would have rendered", async () => {
    let stop = false;
    const { browser, engine } = engineFor((st: St) => {
      if (stop) st.stop();
      st.components.v2.component("c", { js: JS })({ key: "k", default: { s: 1 }, on_s_change: () => {} });
    });
    await browser.flush();
    stop = true;
    const run = await browser.flush();
    expect(run.tree.main).toEqual([]);
    expect(engine.state.has("k")).toBe(true);
  });
});

describe("data (§3, issue 3 item 5)", () => {
  const mountData = async (data: unknown) => {
    const engine = new RerunEngine((st: St) => void st.components.v2.component("c", { js: JS })({ key: "k", data }), process.cwd());
    return engine.run({ widgetStates: [], fragmentId: null, edits: [] });
  };

  it("bytes and ArrayBuffer arrive as bytes; a top-level Arrow table as IPC bytes; one level deep as mixed", async () => {
    expect(components((await mountData(new Uint8Array([1, 2]))).tree.main)[0].data).toEqual({ kind: "bytes", bytes: new Uint8Array([1, 2]) });
    expect(components((await mountData(new Uint8Array([3]).buffer)).tree.main)[0].data).toEqual({ kind: "bytes", bytes: new Uint8Array([3]) });
    const table = tableFromArrays({ a: Int32Array.from([1, 2, 3]) });
    const top = components((await mountData(table)).tree.main)[0].data;
    expect(top.kind).toBe("arrow");
    expect(tableFromIPC((top as { bytes: Uint8Array }).bytes).getChild("a")!.toArray()).toEqual(Int32Array.from([1, 2, 3]));
    const mixed = components((await mountData({ df: table, df2: table, label: "Hello World" })).tree.main)[0].data as { kind: string; json: string; blobs: Record<string, Uint8Array> };
    expect(mixed.kind).toBe("mixed");
    const parsed = JSON.parse(mixed.json);
    expect(parsed.label).toBe("Hello World");
    expect(Object.keys(mixed.blobs)).toEqual([parsed.df.__streamlit_arrow_ref__]); // identical tables share one blob
  });

  it("unserializable values raise naming the path; lossy ones warn naming the path", async () => {
    const cycle: Record<string, unknown> = {};
    cycle.self = cycle;
    const cases: [unknown, string][] = [
      [{ items: [1, { fn: () => 1 }] }, "data.items[1].fn is a function"],
      [cycle, "data.self is a circular reference"],
      [{ n: 10n }, "data.n is a BigInt"],
      [{ s: Symbol("x") }, "data.s is a Symbol"],
      [{ deep: { t: tableFromArrays({ a: [1] }) } }, "data.deep.t is an Arrow table nested too deep"],
    ];
    for (const [data, message] of cases) {
      const run = await mountData(data);
      expect(run.tree.main[0]).toMatchObject({ type: "exception", name: "BidiComponentUnserializableDataError", message: expect.stringContaining(message) });
    }
    const lossy = await mountData({ when: new Date("2026-01-02T03:04:05Z"), gone: undefined, nan: NaN });
    expect(JSON.parse((components(lossy.tree.main)[0].data as { json: string }).json)).toEqual({ when: "2026-01-02T03:04:05.000Z", nan: null });
    expect(lossy.warnings).toEqual([
      "Component 'c' (key 'k'): data.when: Date is sent as the ISO string 2026-01-02T03:04:05.000Z",
      "Component 'c' (key 'k'): data.gone: undefined is dropped",
      "Component 'c' (key 'k'): data.nan: NaN is sent as null (JSON has no NaN/Infinity)",
    ]);
  });
});

describe("component assets (§1)", () => {
  it("html/css/js paths are read relative to the script; a CSS path is marked for a <link>; a non-string css raises", async () => {
    const dir = mkdtempSync(join(tmpdir(), "lw-assets-"));
    writeFileSync(join(dir, "c.js"), JS);
    writeFileSync(join(dir, "c.css"), "p { color: red }");
    const run = await new RerunEngine((st: St) => void st.components.v2.component("c", { js: "./c.js", css: "c.css", html: "<p>x</p>" })({}), dir).run({ widgetStates: [], fragmentId: null, edits: [] });
    expect(components(run.tree.main)[0]).toMatchObject({ js: JS, css: "p { color: red }", cssPath: "c.css", html: "<p>x</p>" });
    const missing = await new RerunEngine((st: St) => void st.components.v2.component("c", { js: "./nope.js" }), dir).run({ widgetStates: [], fragmentId: null, edits: [] });
    expect(missing.tree.main[0]).toMatchObject({ name: "StreamlitAPIException", message: expect.stringContaining("`./nope.js` was not found") });
    const badType = await new RerunEngine((st: St) => void st.components.v2.component("c", { css: 42 as never }), dir).run({ widgetStates: [], fragmentId: null, edits: [] });
    expect(badType.tree.main[0]).toMatchObject({ name: "StreamlitInvalidParameterTypeError", message: expect.stringContaining("Invalid `css` type. Expected one of: str, None.") });
  });
});

describe("st.form(clear_on_submit)", () => {
  it("the submit run and later reruns see the submitted value; the element carries the default the browser resets to", async () => {
    const seen: string[] = [];
    const engine = new RerunEngine((st: St) => {
      const form = st.form("f", { clear_on_submit: true });
      seen.push(form.text_input("Name", { value: "default", key: "name" }));
      form.form_submit_button("Go");
    }, process.cwd());
    const first = await engine.run({ widgetStates: [], fragmentId: null, edits: [] });
    const input = find(first.tree.main, "text_input")[0];
    const submitId = find(first.tree.main, "button")[0].id;
    const submit = await engine.run({ widgetStates: [value(input.id, "Ada"), { id: submitId, type: "trigger_value", value: true }], fragmentId: null, edits: [] });
    expect(seen).toEqual(["default", "Ada"]);
    const element = find(submit.tree.main, "text_input")[0];
    expect(element.value).toBe("Ada");
    expect(element.clearedTo).toMatchObject({ type: "text_input", value: "default" });
    expect(submit.entries.find((e) => e.key === "name")).toMatchObject({ value: "Ada" });
    // Streamlit 1.64.0: only the browser resets; a rerun that is not a submit still carries "Ada".
    await engine.run({ widgetStates: [value(input.id, "Ada")], fragmentId: null, edits: [] });
    expect(seen).toEqual(["default", "Ada", "Ada"]);
  });
});
