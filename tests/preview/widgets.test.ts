// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from "vitest";
import { triggerAggregatorId, type AppElement, type WidgetState } from "../../common";
import { LoopRecorder } from "../../renderer/preview/loop/recorder";
import { WidgetStateManager } from "../../renderer/preview/widgets/manager";
import { componentElement as component } from "../common/elements";

const nextMacrotask = () => new Promise((resolve) => setTimeout(resolve, 0));

function setup() {
  const reruns: WidgetState[][] = [];
  const logs: string[] = [];
  const widgets = new WidgetStateManager(
    ({ widgetStates }) => reruns.push(widgetStates!),
    (level, message) => logs.push(`${level}: ${message}`),
    new LoopRecorder(() => undefined),
  );
  return { widgets, reruns, logs };
}


let current: WidgetStateManager | null = null;
afterEach(() => current?.reset());

describe("WidgetStateManager", () => {
  it("merges state values into one JSON map per component", async () => {
    const { widgets, reruns } = setup();
    current = widgets;
    widgets.setStateValue("c1", "a", 1);
    widgets.setStateValue("c1", "b", { x: [1, 2] });
    widgets.setStateValue("c1", "a", 3);
    await nextMacrotask();
    expect(reruns).toEqual([[{ id: "c1", type: "json_value", value: '{"a":3,"b":{"x":[1,2]}}' }]]);
  });

  it("keeps the merged map across flushes and still sends identical values", async () => {
    const { widgets, reruns } = setup();
    current = widgets;
    widgets.setStateValue("c1", "a", 1);
    await nextMacrotask();
    widgets.setStateValue("c1", "a", 1);
    await nextMacrotask();
    expect(reruns).toHaveLength(2);
    expect(reruns[1]).toEqual([{ id: "c1", type: "json_value", value: '{"a":1}' }]);
  });

  it("sends one rerun per macrotask with all widget states, triggers in call order with duplicates", async () => {
    const { widgets, reruns } = setup();
    current = widgets;
    widgets.setStateValue("c1", "s", "x");
    widgets.setTriggerValue("c1", "t", 1);
    widgets.setTriggerValue("c1", "t", 2);
    widgets.setTriggerValue("c1", "u", null);
    widgets.setStateValue("c2", "v", true);
    widgets.setValue("text", "typed");
    expect(reruns).toHaveLength(0);
    await nextMacrotask();
    expect(reruns).toEqual([
      [
        { id: "c1", type: "json_value", value: '{"s":"x"}' },
        {
          id: triggerAggregatorId("c1"),
          type: "json_trigger_value",
          value: '[{"event":"t","value":1},{"event":"t","value":2},{"event":"u","value":null}]',
        },
        { id: "c2", type: "json_value", value: '{"v":true}' },
        { id: "text", type: "value", value: "typed" },
      ],
    ]);
  });

  it("clears pending triggers and button clicks after the flush, keeping state values", async () => {
    const { widgets, reruns } = setup();
    current = widgets;
    widgets.setTriggerValue("c1", "clicked", true);
    widgets.clickButton("btn");
    widgets.setStateValue("c1", "s", 1);
    await nextMacrotask();
    expect(reruns[0]).toContainEqual({ id: "btn", type: "trigger_value", value: true });
    expect(reruns[0]).toContainEqual({ id: triggerAggregatorId("c1"), type: "json_trigger_value", value: '[{"event":"clicked","value":true}]' });

    widgets.setStateValue("c1", "s", 2);
    await nextMacrotask();
    expect(reruns[1]).toEqual([{ id: "c1", type: "json_value", value: '{"s":2}' }]);
  });

  it("puts a re-created trigger after the older state entry, like Streamlit's map", async () => {
    const { widgets, reruns } = setup();
    current = widgets;
    widgets.setTriggerValue("c1", "t", 1);
    widgets.setStateValue("c1", "s", 1);
    await nextMacrotask();
    widgets.setTriggerValue("c1", "t", 2);
    widgets.setStateValue("c1", "s", 2);
    await nextMacrotask();
    expect(reruns.map((states) => states.map((s) => s.type))).toEqual([
      ["json_trigger_value", "json_value"],
      ["json_value", "json_trigger_value"],
    ]);
  });

  it("reports values JSON cannot hold and sends nothing for them", async () => {
    const { widgets, reruns, logs } = setup();
    current = widgets;
    const cycle: Record<string, unknown> = {};
    cycle.self = cycle;
    widgets.setStateValue("c1", "big", 10n);
    widgets.setTriggerValue("c1", "loop", cycle);
    await nextMacrotask();
    expect(reruns).toEqual([]);
    expect(logs).toHaveLength(2);
    expect(logs[0]).toMatch(/^error: setStateValue\("big"\) on c1 was not sent: .*BigInt/);
    expect(logs[1]).toMatch(/^error: setTriggerValue\("loop"\) on c1 was not sent/);
  });

  it("adopts the host's text_input values and drops widgets missing from the tree", async () => {
    const { widgets, reruns } = setup();
    current = widgets;
    widgets.setStateValue("gone", "a", 1);
    widgets.setStateValue("kept", "a", 1);
    widgets.syncTree({
      main: [component("kept"), { type: "text_input", id: "t", label: "T", value: "host", placeholder: null, maxChars: null, disabled: false, labelVisibility: "visible" }],
      sidebar: [],
    });
    await nextMacrotask();
    expect(reruns).toEqual([
      [
        { id: "kept", type: "json_value", value: '{"a":1}' },
        { id: "t", type: "value", value: "host" },
      ],
    ]);
  });

  it("does not let a render revert a typed value that has not been sent yet", async () => {
    const { widgets, reruns } = setup();
    current = widgets;
    const input = (value: string): AppElement => ({ type: "text_input", id: "t", label: "T", value, placeholder: null, maxChars: null, disabled: false, labelVisibility: "visible" });
    widgets.syncTree({ main: [input("old")], sidebar: [] });
    widgets.setValue("t", "typed");
    widgets.syncTree({ main: [input("old")], sidebar: [] });
    await nextMacrotask();
    expect(reruns).toEqual([[{ id: "t", type: "value", value: "typed" }]]);
  });

  it("adopts values and forgets widgets inside blocks too", async () => {
    const { widgets, reruns } = setup();
    current = widgets;
    const input: AppElement = { type: "text_input", id: "t", label: "T", value: "in column", placeholder: null, maxChars: null, disabled: false, labelVisibility: "visible" };
    const column = (children: AppElement[]): AppElement => ({ type: "block", id: "main/0/0", kind: "column", children });
    widgets.syncTree({ main: [{ type: "block", id: "main/0", kind: "horizontal", children: [column([input, component("c1")])] }], sidebar: [] });
    widgets.setStateValue("c1", "a", 1);
    await nextMacrotask();
    widgets.syncTree({ main: [column([input])], sidebar: [] });
    widgets.clickButton("b");
    await nextMacrotask();
    expect(reruns).toEqual([
      [
        { id: "t", type: "value", value: "in column" },
        { id: "c1", type: "json_value", value: '{"a":1}' },
      ],
      [
        { id: "t", type: "value", value: "in column" },
        { id: "b", type: "trigger_value", value: true },
      ],
    ]);
  });

  it("builds a component's form-pending map from its last sent map and sends it only on submit", async () => {
    const { widgets, reruns } = setup();
    current = widgets;
    widgets.setStateValue("c1", "a", 1);
    await nextMacrotask();
    widgets.setStateValue("c1", "b", 2, { formId: "f" });
    widgets.setStateValue("c1", "a", 3, { formId: "f" });
    await nextMacrotask();
    expect(reruns).toHaveLength(1);
    widgets.submitForm("f", "submit");
    await nextMacrotask();
    expect(reruns[1]).toEqual([
      { id: "c1", type: "json_value", value: '{"a":3,"b":2}' },
      { id: "submit", type: "trigger_value", value: true },
    ]);
  });

  it("drops a form's pending change when its widget leaves the tree", async () => {
    const { widgets, reruns } = setup();
    current = widgets;
    widgets.syncTree({ main: [component("c1"), component("c2")], sidebar: [] });
    widgets.setStateValue("c1", "a", 1, { formId: "f" });
    widgets.setStateValue("c2", "a", 2, { formId: "f" });
    widgets.syncTree({ main: [component("c2")], sidebar: [] });
    widgets.submitForm("f", "submit");
    await nextMacrotask();
    expect(reruns).toEqual([
      [
        { id: "c2", type: "json_value", value: '{"a":2}' },
        { id: "submit", type: "trigger_value", value: true },
      ],
    ]);
  });

  it("forgets everything on reset, including an armed flush", async () => {
    const { widgets, reruns } = setup();
    current = widgets;
    widgets.setStateValue("c1", "a", 1);
    widgets.reset();
    await nextMacrotask();
    expect(reruns).toEqual([]);
    widgets.setStateValue("c1", "b", 2);
    await nextMacrotask();
    expect(reruns).toEqual([[{ id: "c1", type: "json_value", value: '{"b":2}' }]]);
  });
});
