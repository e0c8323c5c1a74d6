import type { Finding, LoopEvent, ValuePreview } from "../../common";
import type { EventOf } from "../../renderer/workbench/timeline/graph";

type Fields<K extends LoopEvent["kind"]> = Omit<EventOf<K>, "kind" | "id" | "causeId" | "runId" | "at"> &
  Partial<Pick<LoopEvent, "id" | "causeId" | "runId" | "at">>;

let counter = 0;
const preview = (value: unknown): ValuePreview => {
  const text = JSON.stringify(value);
  return { preview: text, size: text.length };
};

/** One loop event with defaults for the bookkeeping fields; ids count up so order is visible. */
export function loopEvent<K extends LoopEvent["kind"]>(kind: K, fields: Fields<K>): EventOf<K> {
  counter++;
  return { id: `e${counter}`, causeId: null, runId: 0, at: 1_000 + counter, ...fields, kind } as unknown as EventOf<K>;
}

/**
 * The loop of a component that sets its state while it is invoked: each run re-invokes it, the set
 * flushes, the flush requests the next run. `runs` runs of 9 hops each, 4 ms apart.
 */
export function storm(runs: number, { instance = "my_key", startAt = 1_000_000, firstRun = 1 } = {}): LoopEvent[] {
  const events: LoopEvent[] = [];
  let cause: string | null = null;
  for (let n = 0; n < runs; n++) {
    const runId = firstRun + n;
    const at = startAt + n * 4;
    const id = (hop: string) => `r${runId}-${hop}`;
    const start: LoopEvent = { id: id("start"), causeId: cause, runId, at, kind: "run-start", fragmentId: null, alsoCausedBy: [] };
    events.push(
      start,
      { id: id("diff"), causeId: start.id, runId, at: at + 0.4, kind: "state-diff", added: [], removed: [],
        changed: [{ key: `${instance}.value`, before: preview(n), after: preview(n + 1) }] },
      { id: id("end"), causeId: start.id, runId, at: at + 1.2, kind: "run-end", status: "done", durationMs: 1.2, fragmentId: null },
      { id: id("invoke"), causeId: id("end"), runId, at: at + 1.8, kind: "invoke", instance, elementId: `$$ID-${instance}`,
        frontendKey: `st-bidi-component-${instance}`, changed: ["data"], durationMs: 0.3 },
      { id: id("dom"), causeId: null, runId, at: at + 2, kind: "dom", eventType: "click", target: "button", trusted: true },
      { id: id("set"), causeId: id("invoke"), runId, at: at + 2.1, kind: "set", instance, name: "value", setter: "state",
        value: preview(n + 2), unchanged: false, phase: "invocation", stack: null, elementId: `$$ID-${instance}` },
      { id: id("flush"), causeId: null, runId, at: at + 2.3, kind: "flush", setIds: [id("set")], fragmentId: null },
      { id: id("request"), causeId: id("flush"), runId, at: at + 2.5, kind: "request", source: "widget", detail: null },
      { id: id("callback"), causeId: id("request"), runId, at: at + 2.6, kind: "callback", instance, name: "value", durationMs: 0.1, error: null },
    );
    cause = id("request");
  }
  return events;
}

export function stormFinding(overrides: Partial<Finding> = {}): Finding {
  return {
    id: "finding-storm",
    kind: "rerun-storm",
    severity: "error",
    instance: "my_key",
    name: "value",
    runId: 40,
    message: "my_key sets 'value' every time it is invoked: 40 reruns in 2 s.",
    why: "A state set during invocation flushes and requests a rerun, which invokes the component again.",
    fix: "Only call setStateValue when the value differs from what data already holds.",
    eventIds: ["r1-set", "r1-flush", "r2-start"],
    count: 40,
    ...overrides,
  };
}
