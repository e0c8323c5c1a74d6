import { describe, expect, it } from "vitest";
import type { AppElement, BlockElement, RenderTree, TextInputElement, WidgetState } from "../../common";
import { BrowserState, triggerAggregatorId } from "../../common";
import { componentElement as component } from "./elements";

const textInput = (id: string, value: string): TextInputElement => ({
  type: "text_input",
  id,
  label: id,
  disabled: false,
  value,
  placeholder: null,
  maxChars: null,
  labelVisibility: "visible",
});
const button = (id: string): AppElement => ({ type: "button", id, label: id, disabled: false, kind: "secondary" });
const block = (id: string, kind: BlockElement["kind"], children: AppElement[]): BlockElement => ({ type: "block", id, kind, children });
const tree = (main: AppElement[], sidebar: AppElement[] = []): RenderTree => ({ main, sidebar });

const map = (id: string, value: Record<string, unknown>): WidgetState => ({ id, type: "json_value", value: JSON.stringify(value) });
const ids = (states: WidgetState[]) => states.map((s) => s.id);

describe("BrowserState", () => {
  it("a flush sends every state in first-set order, then forgets clicks and trigger aggregators", () => {
    const browser = new BrowserState();
    browser.set(map("c", { a: 1 }));
    browser.fireTrigger("c", JSON.stringify({ event: "go", value: 1 }));
    browser.set({ id: "b", type: "trigger_value", value: true });
    browser.set({ id: "t", type: "value", value: "typed" });
    browser.set(map("c", { a: 2 })); // an update keeps the map ahead of its aggregator

    expect(browser.flush()).toEqual([
      map("c", { a: 2 }),
      { id: triggerAggregatorId("c"), type: "json_trigger_value", value: '[{"event":"go","value":1}]' },
      { id: "b", type: "trigger_value", value: true },
      { id: "t", type: "value", value: "typed" },
    ]);
    expect(browser.held()).toEqual([map("c", { a: 2 }), { id: "t", type: "value", value: "typed" }]);
    expect(browser.flush()).toEqual(browser.held());
  });

  it("trigger events of one flush collect in the component's aggregator, duplicates kept", () => {
    const browser = new BrowserState();
    for (const value of [1, 2]) browser.fireTrigger("c", JSON.stringify({ event: "foo", value }));
    browser.fireTrigger("c", JSON.stringify({ event: "bar", value: null }));
    const aggregator = browser.get(triggerAggregatorId("c"));
    expect(aggregator?.type).toBe("json_trigger_value");
    expect(JSON.parse(String(aggregator?.value))).toEqual([
      { event: "foo", value: 1 },
      { event: "foo", value: 2 },
      { event: "bar", value: null },
    ]);
    browser.flush();
    browser.fireTrigger("c", JSON.stringify({ event: "foo", value: 3 }));
    expect(JSON.parse(String(browser.get(triggerAggregatorId("c"))?.value))).toEqual([{ event: "foo", value: 3 }]);
  });

  it("adopting a tree forgets the ids it did not render, and keeps those rendered inside blocks at any depth", () => {
    const browser = new BrowserState();
    for (const id of ["nested", "gone", "side"]) {
      browser.set(map(id, { v: id }));
      browser.fireTrigger(id, JSON.stringify({ event: "e", value: id }));
    }
    browser.adopt(
      tree(
        [block("main/0", "horizontal", [block("main/0/0", "column", [block("main/0/0/0", "expander", [component("nested")])])])],
        [component("side")],
      ),
    );
    expect(ids(browser.held())).toEqual(["nested", triggerAggregatorId("nested"), "side", triggerAggregatorId("side")]);

    browser.adopt(tree([block("main/0", "horizontal", [block("main/0/0", "column", [])])]));
    expect(browser.held()).toEqual([]);
  });

  it("native widgets take the rendered value unless the user's newer value is still unsent", () => {
    const browser = new BrowserState();
    browser.set({ id: "name", type: "value", value: "typed" });
    const rendered = tree([block("main/0", "form", [textInput("name", "from script")])]);

    browser.adopt(rendered);
    expect(browser.get("name")).toEqual({ id: "name", type: "value", value: "typed" });
    expect(browser.unsent("name")).toEqual({ id: "name", type: "value", value: "typed" });

    browser.flush();
    expect(browser.unsent("name")).toBeUndefined();
    browser.adopt(rendered);
    expect(browser.get("name")).toEqual({ id: "name", type: "value", value: "from script" });
  });

  it("a widget rendered for the first time is held with its rendered value, after the states already held", () => {
    const browser = new BrowserState();
    browser.set(map("c", {}));
    browser.flush();
    browser.adopt(tree([block("main/0", "container", [textInput("late", "x"), button("b")]), component("c")]));
    expect(browser.held()).toEqual([map("c", {}), { id: "late", type: "value", value: "x" }]);
  });

  it("forgetting a widget also forgets that its value was unsent", () => {
    const browser = new BrowserState();
    browser.set({ id: "name", type: "value", value: "typed" });
    browser.adopt(tree([]));
    browser.adopt(tree([textInput("name", "fresh")]));
    expect(browser.get("name")).toEqual({ id: "name", type: "value", value: "fresh" });
  });

  it("mirroring a flush holds what was sent minus the one-shot triggers, and nothing counts as unsent", () => {
    const host = new BrowserState();
    host.set(map("stale", {}));
    host.mirrorFlush([
      map("c", { a: 1 }),
      { id: triggerAggregatorId("c"), type: "json_trigger_value", value: "[]" },
      { id: "b", type: "trigger_value", value: true },
      { id: "name", type: "value", value: "sent" },
    ]);
    expect(host.held()).toEqual([map("c", { a: 1 }), { id: "name", type: "value", value: "sent" }]);
    host.adopt(tree([component("c"), textInput("name", "written by the script")]));
    expect(host.get("name")).toEqual({ id: "name", type: "value", value: "written by the script" });
  });

  it("clear forgets everything", () => {
    const browser = new BrowserState();
    browser.set({ id: "name", type: "value", value: "typed" });
    browser.clear();
    expect(browser.held()).toEqual([]);
    browser.adopt(tree([textInput("name", "rendered")]));
    expect(browser.get("name")).toEqual({ id: "name", type: "value", value: "rendered" });
  });
});
