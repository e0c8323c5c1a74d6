import { describe, expect, it } from "vitest";
import { triggerAggregatorId } from "../../common";
import type { St } from "../../common/api";
import { components, engineFor, jsonBodies } from "./helpers";

/** The rules of Streamlit's Python unit tests for CCv2 (docs/semantics.md §11.2). */

const JS = "export default function () {}";

describe("§11.2 test_bidi_component rules", () => {
  it("the trigger aggregator id is $$STREAMLIT_INTERNAL_KEY_<element id>__events and is hidden from session state", async () => {
    const { browser } = engineFor((st: St) => {
      st.components.v2.component("c", { js: JS })({ key: "k", on_t_change: () => {} });
      st.json(st.session_state.keys());
    });
    const run = await browser.flush();
    const id = components(run.tree.main)[0].id;
    expect(triggerAggregatorId(id)).toBe(`$$STREAMLIT_INTERNAL_KEY_${id}__events`);
    expect(jsonBodies(run.tree.main)[0]).toEqual(["k"]);
  });

  it("unkeyed identity is stable on equal content and on key-order changes, and follows data and default", async () => {
    let data: Record<string, unknown> = { a: 1, b: 2 };
    let defaults: Record<string, unknown> | null = null;
    const { browser } = engineFor((st: St) => {
      st.components.v2.component("c", { js: JS })({ data, default: defaults, on_x_change: () => {} });
    });
    const id = async () => components((await browser.flush()).tree.main)[0].id;
    const first = await id();
    expect(await id()).toBe(first);
    data = { b: 2, a: 1 };
    expect(await id()).toBe(first);
    data = { a: 1, b: 3 };
    const changed = await id();
    expect(changed).not.toBe(first);
    defaults = { x: 1 };
    expect(await id()).not.toBe(changed);
  });

  it("a button click and component triggers in one message both fire their callbacks", async () => {
    const calls: string[] = [];
    const { browser } = engineFor((st: St) => {
      st.button("B", { on_click: () => calls.push("button") });
      st.components.v2.component("c", { js: JS })({ key: "k", on_t_change: () => calls.push("t") });
    });
    const first = await browser.flush();
    const buttonId = first.tree.main[0].type === "button" ? first.tree.main[0].id : "";
    await browser.click(buttonId).setTrigger(components(first.tree.main)[0].id, "t", 1).flush();
    expect(calls.sort()).toEqual(["button", "t"]);
  });

  it("the aggregator value is always a list: a single payload object is wrapped; empty and whitespace payloads still fire", async () => {
    let fired = 0;
    const { engine } = engineFor((st: St) => {
      st.json(st.components.v2.component("c", { js: JS })({ key: "k", on_t_change: () => fired++ }));
    });
    const id = components((await engine.run({ widgetStates: [], fragmentId: null, edits: [] })).tree.main)[0].id;
    const send = (value: string) => engine.run({ widgetStates: [{ id: triggerAggregatorId(id), type: "json_trigger_value", value }], fragmentId: null, edits: [] });
    expect(jsonBodies((await send('{"event":"t","value":"single"}')).tree.main)[0]).toEqual({ t: "single" });
    expect(jsonBodies((await send('[{"event":"t","value":""}]')).tree.main)[0]).toEqual({ t: "" });
    expect(jsonBodies((await send('[{"event":"t","value":"  "}]')).tree.main)[0]).toEqual({ t: "  " });
    expect(fired).toBe(3);
  });

  it("a browser map that is not a JSON object reads as {} and defaults fill it", async () => {
    const { engine } = engineFor((st: St) => {
      st.json(st.components.v2.component("c", { js: JS })({ key: "k", default: { s: 5 }, on_s_change: () => {} }));
    });
    const id = components((await engine.run({ widgetStates: [], fragmentId: null, edits: [] })).tree.main)[0].id;
    const run = await engine.run({ widgetStates: [{ id, type: "json_value", value: "not json" }], fragmentId: null, edits: [] });
    expect(jsonBodies(run.tree.main)[0]).toEqual({ s: 5 });
  });
});

describe("§11.2 test_default_state rules", () => {
  it("defaults surface in the result, including complex values and null", async () => {
    const { browser } = engineFor((st: St) => {
      const noop = () => {};
      st.json(st.components.v2.component("c", { js: JS })({ key: "k", default: { obj: { a: [1, 2] }, none: null }, on_obj_change: noop, on_none_change: noop }));
    });
    expect(jsonBodies((await browser.flush()).tree.main)[0]).toEqual({ obj: { a: [1, 2] }, none: null });
  });
});
