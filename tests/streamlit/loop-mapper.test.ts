import { describe, expect, it } from "vitest";
import type { LoopEvent, SessionStateEntry } from "../../common";
import { LoopRecorder } from "../../main/core/debugger/loop-recorder";
import { LoopMapper } from "../../main/core/streamlit/loop-mapper";
import type { BackFacts, BidiFacts } from "../../main/core/streamlit/protocol";

// What the proxy sees, turned into the emulator's hops: the findings analyzer reads both hosts alike.

const ID = "$$ID-0123abcd-rating";
const AGGREGATOR = `$$STREAMLIT_INTERNAL_KEY_${ID}__events`;

function bidi(change: Partial<BidiFacts> = {}): BidiFacts {
  return {
    id: ID, componentName: "stars", json: '{"value":0}', dataKind: "json", dataSize: 11, jsContent: "export default () => {}", jsSourcePath: "",
    htmlContent: "<button></button>", cssContent: "", cssSourcePath: "", isolateStyles: true, formId: "", ...change,
  };
}

function rerun(widgets: Extract<BackFacts, { type: "rerun_script" }>["widgets"]): Extract<BackFacts, { type: "rerun_script" }> {
  return { type: "rerun_script", widgets, fragmentId: "", pageScriptHash: "", queryString: "", isAutoRerun: false };
}

function setUp() {
  const loop = new LoopRecorder({ onDelta: () => {}, onStorm: () => {} });
  const mapper = new LoopMapper(loop);
  const events = (): LoopEvent[] => loop.snapshot().events;
  // One run that rendered the component, so its widget id is known to be a component's.
  const start = loop.record({ kind: "run-start", causeId: null, alsoCausedBy: [], fragmentId: null });
  mapper.runStarted(1, start, []);
  mapper.component(bidi(), [0, 0], 1, "h-end");
  mapper.runEnded();
  return { loop, mapper, events };
}

describe("LoopMapper", () => {
  it("a request after a person's click: dom → set per changed state name → flush", () => {
    const { mapper, events } = setUp();
    mapper.userActed([{ type: "click", target: 'button "+1"', key: "rating", at: performance.timeOrigin + performance.now() }]);
    const flushId = mapper.flush(rerun([{ id: ID, kind: "json_value", value: { value: 1 } }]), 1);
    const [dom, set, flush] = events().slice(-3);
    expect(dom).toMatchObject({ kind: "dom", eventType: "click", trusted: true, instance: "rating" });
    expect(set).toMatchObject({ kind: "set", causeId: dom.id, setter: "state", name: "value", instance: "rating", phase: "later", value: { preview: "1" } });
    expect(flush).toMatchObject({ kind: "flush", id: flushId, causeId: set.id, setIds: [set.id] });
  });

  it("a request no person caused is made of writes during invocation; an unchanged name is no set", () => {
    const { mapper, events } = setUp();
    mapper.flush(rerun([{ id: ID, kind: "json_value", value: { value: 1, other: "x" } }]), 1);
    mapper.flush(rerun([{ id: ID, kind: "json_value", value: { value: 2, other: "x" } }]), 1);
    const sets = events().filter((e) => e.kind === "set");
    expect(sets.map((e) => [e.name, e.kind === "set" && e.phase, e.causeId])).toEqual([
      ["value", "invocation", null],
      ["other", "invocation", null],
      ["value", "invocation", null],
    ]);
  });

  it("each trigger payload is a trigger set", () => {
    const { mapper, events } = setUp();
    mapper.flush(rerun([{ id: AGGREGATOR, kind: "json_trigger_value", value: [{ event: "clicked", value: 1 }, { event: "hovered", value: null }] }]), 1);
    expect(events().filter((e) => e.kind === "set").map((e) => e.kind === "set" && [e.setter, e.name, e.elementId])).toEqual([
      ["trigger", "clicked", ID],
      ["trigger", "hovered", ID],
    ]);
  });

  it("a request carrying nothing new is the frontend's own", () => {
    const { mapper, events } = setUp();
    mapper.flush(rerun([]), 1);
    expect(events().at(-1)).toMatchObject({ kind: "request", source: "browser" });
  });

  it("a native widget's click is a widget hop, named by its element type", () => {
    const { mapper, events } = setUp();
    mapper.widgetRendered("$$ID-99-None", "button");
    mapper.userActed([{ type: "click", target: 'button "Go"', key: null, at: performance.timeOrigin + performance.now() }]);
    mapper.flush(rerun([{ id: "$$ID-99-None", kind: "trigger_value", value: true }]), 1);
    expect(events().find((e) => e.kind === "widget")).toMatchObject({ widget: "button", elementId: "$$ID-99-None", value: { preview: "true" } });
  });

  it("the browser resending an old value over the script's is a revert at the next run's start", () => {
    const { loop, mapper, events } = setUp();
    mapper.flush(rerun([{ id: ID, kind: "json_value", value: { value: 1 } }]), 1);
    const entries: SessionStateEntry[] = [
      { key: "rating", kind: "component", component: "stars", state: { value: 5 }, triggers: {}, callbackNames: ["value"], value: { value: 5 }, editable: true },
    ];
    expect(mapper.withBrowserHolds(entries)[0]).toMatchObject({ browserHolds: { value: 1 } });
    // An unrelated rerun: the browser's map still says 1.
    mapper.flush(rerun([{ id: ID, kind: "json_value", value: { value: 1 } }]), 2);
    const start = loop.record({ kind: "run-start", causeId: null, alsoCausedBy: [], fragmentId: null });
    mapper.runStarted(3, start, entries);
    expect(events().at(-1)).toMatchObject({ kind: "revert", causeId: start, instance: "rating", name: "value", scriptValue: { preview: "5" }, browserValue: { preview: "1" } });
  });

  it("a new element id in the same slot is a remount naming the arguments that changed; new data a data-diff", () => {
    const { loop, mapper, events } = setUp();
    const start = loop.record({ kind: "run-start", causeId: null, alsoCausedBy: [], fragmentId: null });
    mapper.runStarted(2, start, []);
    mapper.component(bidi({ id: "$$ID-ffff-rating", json: '{"value":3}', dataSize: 11, htmlContent: "<b></b>" }), [0, 0], 2, "h-end2");
    mapper.runEnded();
    const [remount, diff] = events().slice(-2);
    expect(remount).toMatchObject({ kind: "remount", instance: "rating", previousElementId: ID, changedArguments: ["data", "html"] });
    expect(diff).toMatchObject({ kind: "data-diff", changes: [{ key: "data.value", before: { preview: "0" }, after: { preview: "3" } }] });
  });
});
