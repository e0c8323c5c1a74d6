import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { Finding, FindingKind, LoopEvent } from "../../common/loop-events";
import { previewValue } from "../../common/loop-values";
import type { AnalyzerOptions, AnalyzerVerdict } from "../../main/core/debugger/findings";
import { FindingsAnalyzer } from "../../main/core/debugger/findings";

type Draft = LoopEvent extends infer E ? (E extends LoopEvent ? Omit<E, "id" | "runId" | "at"> : never) : never;

interface WriteOptions {
  instance: string;
  name: string;
  value?: unknown;
  setter?: "state" | "trigger";
  unchanged?: boolean;
  /** The element id; the instance itself when unkeyed. */
  elementId?: string;
}

/** Feeds an analyzer the hops the preview and the host record, with ids, runs and causes wired up. */
class Loop {
  readonly analyzer: FindingsAnalyzer;
  runId = 0;
  private nextId = 0;

  constructor(options?: AnalyzerOptions) {
    this.analyzer = new FindingsAnalyzer(options);
  }

  emit(draft: Draft): { id: string; verdict: AnalyzerVerdict } {
    const id = `e${++this.nextId}`;
    const verdict = this.analyzer.observe({ ...draft, id, runId: this.runId, at: this.nextId } as LoopEvent);
    return { id, verdict };
  }

  dom(trusted = true): string {
    return this.emit({ kind: "dom", causeId: null, eventType: "click", target: "button", trusted }).id;
  }

  set(write: WriteOptions, phase: "invocation" | "later", causeId: string | null = null): { id: string; verdict: AnalyzerVerdict } {
    const elementId = write.elementId ?? (write.instance.startsWith("$$ID-") ? write.instance : `$$ID-abc-${write.instance}`);
    return this.emit({
      kind: "set",
      causeId,
      instance: write.instance,
      name: write.name,
      setter: write.setter ?? "state",
      value: previewValue(write.value ?? null),
      unchanged: write.unchanged ?? false,
      phase,
      stack: null,
      elementId,
    });
  }

  flush(setIds: string[], causeId: string | null = null): string {
    return this.emit({ kind: "flush", causeId, setIds, fragmentId: null }).id;
  }

  request(source: "button" | "st.rerun" | "file" | "resume" | "step" | "api"): string {
    return this.emit({ kind: "request", causeId: null, source, detail: null }).id;
  }

  /** The next run starts; returns the run-start's id and the verdict on it. */
  runStart(causeId: string | null): { id: string; verdict: AnalyzerVerdict } {
    this.runId++;
    return this.emit({ kind: "run-start", causeId, fragmentId: null, alsoCausedBy: [] });
  }

  /** A component write during its invocation, flushed: the next run is automatic. */
  invocationWrite(write: WriteOptions): { setId: string; flushId: string; runStart: { id: string; verdict: AnalyzerVerdict } } {
    const setId = this.set(write, "invocation").id;
    const flushId = this.flush([setId]);
    return { setId, flushId, runStart: this.runStart(flushId) };
  }

  /** A user click in the component that sets state: the next run is a user's. */
  click(write: WriteOptions): { id: string; verdict: AnalyzerVerdict } {
    const domId = this.dom();
    const setId = this.set(write, "later", domId).id;
    return this.runStart(this.flush([setId], domId));
  }

  mount(elementId: string, component: string, instance = elementId): void {
    this.emit({ kind: "mount", causeId: null, instance, elementId, frontendKey: `st-bidi-component-${elementId}`, component });
  }

  remount(previousElementId: string, elementId: string, changedArguments = ["data"]): { id: string; verdict: AnalyzerVerdict } {
    return this.emit({ kind: "remount", causeId: null, instance: elementId, elementId, previousElementId, changedArguments });
  }

  of(kind: FindingKind): Finding[] {
    return this.analyzer.all().filter((f) => f.kind === kind);
  }
}

const STARS = { instance: "stars", name: "rating" };
const unkeyed = (n: number) => `$$ID-${n.toString(16).padStart(32, "0")}-None`;

describe("rerun-storm", () => {
  it("12 automatic runs: one card, pause exactly at run 10, the card counts every automatic run", () => {
    const loop = new Loop();
    loop.runStart(null);
    const proof: string[] = [];
    const verdicts: AnalyzerVerdict[] = [];
    for (let i = 1; i <= 12; i++) {
      const { setId, flushId, runStart } = loop.invocationWrite({ ...STARS, value: i });
      proof.push(setId, flushId, runStart.id);
      verdicts.push(runStart.verdict);
    }
    expect(verdicts.map((v) => v.pause)).toEqual([false, false, false, false, false, false, false, false, false, true, false, false]);
    expect(verdicts.slice(0, 9).every((v) => v.findings.length === 0)).toBe(true);
    expect(verdicts[9].findings).toMatchObject([{ kind: "rerun-storm", count: 10, runId: 11 }]);

    const storms = loop.of("rerun-storm");
    expect(storms).toHaveLength(1);
    expect(storms[0]).toMatchObject({
      id: verdicts[9].findings[0].id,
      severity: "error",
      instance: "stars",
      name: "rating",
      runId: 13,
      count: 12,
      message: "`stars` calls setStateValue('rating') during every invocation with a new value",
    });
    expect(storms[0].eventIds).toEqual(proof);
    expect(storms[0].fix).toContain("compare with the previous value");
  });

  it("the same value written every time is named as such", () => {
    const loop = new Loop();
    for (let i = 0; i < 10; i++) loop.invocationWrite({ ...STARS, value: 4 });
    expect(loop.of("rerun-storm")[0].message).toBe("`stars` calls setStateValue('rating') during every invocation with the same value");
  });

  it("a user click in between resets the count", () => {
    const loop = new Loop();
    const pauses: boolean[] = [];
    for (let i = 0; i < 9; i++) pauses.push(loop.invocationWrite({ ...STARS, value: i }).runStart.verdict.pause);
    pauses.push(loop.click({ ...STARS, value: 5 }).verdict.pause);
    for (let i = 0; i < 9; i++) pauses.push(loop.invocationWrite({ ...STARS, value: i }).runStart.verdict.pause);
    expect(pauses.some(Boolean)).toBe(false);
    expect(loop.of("rerun-storm")).toEqual([]);
    expect(loop.invocationWrite({ ...STARS, value: 9 }).runStart.verdict.pause).toBe(true);
  });

  it.each([
    ["a widget change carried by the flush", (loop: Loop) => {
      loop.emit({ kind: "widget", causeId: null, widget: "text_input", elementId: "$$ID-t-None", value: previewValue("a") });
      return loop.runStart(loop.flush([loop.set({ ...STARS, value: 9 }, "invocation").id])).verdict;
    }],
    ["an edit in the Session State panel", (loop: Loop) => loop.runStart(loop.emit({ kind: "edit", causeId: null, key: "k", field: null, value: previewValue(1) }).id).verdict],
    ["a Rerun button request", (loop: Loop) => loop.runStart(loop.request("button")).verdict],
    ["a Step request", (loop: Loop) => loop.runStart(loop.request("step")).verdict],
    ["a flush whose set is not known", (loop: Loop) => loop.runStart(loop.flush(["never-seen"])).verdict],
  ])("%s resets the count", (_, act) => {
    const loop = new Loop();
    for (let i = 0; i < 9; i++) loop.invocationWrite({ ...STARS, value: i });
    expect(act(loop).pause).toBe(false);
    expect(loop.invocationWrite({ ...STARS, value: 10 }).runStart.verdict.pause).toBe(false);
    expect(loop.of("rerun-storm")).toEqual([]);
  });

  it("a write coalesced with a user's click is not automatic", () => {
    const loop = new Loop();
    for (let i = 0; i < 9; i++) loop.invocationWrite({ ...STARS, value: i });
    const domId = loop.dom();
    const byUser = loop.set({ instance: "other", name: "x" }, "later", domId).id;
    const automatic = loop.set({ ...STARS, value: 9 }, "invocation").id;
    expect(loop.runStart(loop.flush([automatic, byUser])).verdict.pause).toBe(false);
  });

  it("writes from a timer or an untrusted event are automatic and named as outside any user event", () => {
    const loop = new Loop();
    const verdicts: AnalyzerVerdict[] = [];
    for (let i = 0; i < 10; i++) {
      const causeId = i % 2 ? loop.dom(false) : null;
      const setId = loop.set({ instance: "clock", name: "now", value: i }, "later", causeId).id;
      verdicts.push(loop.runStart(loop.flush([setId])).verdict);
    }
    expect(verdicts[9].pause).toBe(true);
    expect(loop.of("rerun-storm")[0].message).toBe("`clock` calls setStateValue('now') after every run, outside any user event (a timer or a promise), with a new value");
  });

  it("st.rerun() on every run", () => {
    const loop = new Loop();
    const pauses = Array.from({ length: 10 }, () => loop.runStart(loop.request("st.rerun")).verdict.pause);
    expect(pauses.indexOf(true)).toBe(9);
    expect(loop.of("rerun-storm")).toMatchObject([{ message: "`st.rerun()` is called on every run", instance: null, name: null, count: 10 }]);
    expect(loop.of("rerun-storm")[0].fix).toContain("condition");
  });

  it("an unkeyed instance remounted by new data every run: names `data`, the component, and suggests a key", () => {
    const loop = new Loop();
    loop.runStart(null);
    const rendered = (i: number) => {
      // Run i+1 renders new data: a new element id, whose mount-time write starts the next run.
      if (i > 0) loop.remount(unkeyed(i - 1), unkeyed(i));
      loop.mount(unkeyed(i), "chart");
      return loop.invocationWrite({ instance: unkeyed(i), name: "selection", value: i }).runStart.verdict;
    };
    const pauses = Array.from({ length: 11 }, (_, i) => rendered(i).pause);
    expect(pauses.indexOf(true)).toBe(9);
    const storms = loop.of("rerun-storm");
    expect(storms).toHaveLength(1);
    expect(storms[0]).toMatchObject({ count: 11, instance: unkeyed(10), name: "selection", runId: 12 });
    expect(storms[0].message).toBe("unkeyed instance of `chart` gets new `data` every run, so it remounts and writes on mount: give it a key");
    expect(storms[0].fix).toContain("`key`");
    expect(loop.of("remount-churn")).toHaveLength(1);
  });

  it("after reset() (Resume) the same loop keeps its card and pauses again only after a new full count", () => {
    const loop = new Loop();
    for (let i = 0; i < 10; i++) loop.invocationWrite({ ...STARS, value: i });
    loop.analyzer.reset();
    const pauses = Array.from({ length: 10 }, (_, i) => loop.invocationWrite({ ...STARS, value: 10 + i }).runStart.verdict.pause);
    expect(pauses.indexOf(true)).toBe(9);
    expect(loop.of("rerun-storm")).toHaveLength(1);
    expect(loop.of("rerun-storm")[0].count).toBe(20);
  });

  it("honours stormThreshold; 9 automatic runs raise nothing at the default", () => {
    const quick = new Loop({ stormThreshold: 3 });
    expect([1, 2, 3].map((i) => quick.invocationWrite({ ...STARS, value: i }).runStart.verdict.pause)).toEqual([false, false, true]);
    const loop = new Loop();
    for (let i = 0; i < 9; i++) loop.invocationWrite({ ...STARS, value: i });
    expect(loop.analyzer.all()).toEqual([]);
  });
});

describe("stale-map-revert", () => {
  const revert = (loop: Loop, script: unknown, browser: unknown) =>
    loop.emit({ kind: "revert", causeId: null, instance: "settings", name: "volume", scriptValue: previewValue(script), browserValue: previewValue(browser) });

  it("a revert raises one card that repeats with the latest run", () => {
    const loop = new Loop();
    loop.runStart(null);
    loop.runStart(null);
    loop.runStart(null);
    loop.runStart(null);
    const first = revert(loop, 7, 3);
    expect(first.verdict.findings).toEqual([
      {
        id: expect.any(String),
        kind: "stale-map-revert",
        severity: "warning",
        instance: "settings",
        name: "volume",
        runId: 4,
        message: "`settings`: the script's value 7 for 'volume' was replaced by the browser's 3 on run 4",
        why: "Streamlit's frontend resends the component's whole state map on every rerun, and that map overwrites writes made by the script or the Session State panel.",
        fix: expect.stringContaining("through `data`"),
        eventIds: [first.id],
        count: 1,
      },
    ]);
    loop.runStart(null);
    const second = revert(loop, 8, 3);
    expect(loop.of("stale-map-revert")).toMatchObject([{ id: first.verdict.findings[0].id, count: 2, runId: 5, eventIds: [first.id, second.id] }]);
    expect(loop.of("stale-map-revert")[0].message).toContain("value 8");
  });

  it("a write the browser does not overwrite raises nothing", () => {
    const loop = new Loop();
    loop.emit({ kind: "edit", causeId: null, key: "settings", field: "volume", value: previewValue(7) });
    loop.emit({ kind: "state-diff", causeId: null, added: [], changed: [{ key: "settings.volume", before: previewValue(3), after: previewValue(7) }], removed: [] });
    expect(loop.analyzer.all()).toEqual([]);
  });
});

describe("per-event rules", () => {
  const trigger = (loop: Loop, handled: boolean) => loop.emit({ kind: "trigger", causeId: null, instance: "stars", name: "clicked", handled });

  it("trigger-without-callback: raised for an unhandled trigger, not for a handled one", () => {
    const loop = new Loop();
    loop.runStart(null);
    trigger(loop, true);
    expect(loop.analyzer.all()).toEqual([]);
    const { verdict } = trigger(loop, false);
    expect(verdict.findings).toMatchObject([
      { kind: "trigger-without-callback", severity: "warning", message: "`stars` fired trigger 'clicked' on run 1, but no `on_clicked_change` callback is registered" },
    ]);
  });

  it("mount-time-trigger: a trigger set during invocation, not one from a click", () => {
    const loop = new Loop();
    loop.set({ instance: "stars", name: "ready", setter: "trigger" }, "later", loop.dom());
    expect(loop.of("mount-time-trigger")).toEqual([]);
    const { id, verdict } = loop.set({ instance: "stars", name: "ready", setter: "trigger" }, "invocation");
    expect(verdict.findings).toMatchObject([{ kind: "mount-time-trigger", eventIds: [id], message: "`stars` calls setTriggerValue('ready') during its invocation" }]);
    expect(verdict.findings[0].fix).toContain("user events");
  });

  it("unchanged-value: a state set of the value already held, not a changed one or a trigger", () => {
    const loop = new Loop();
    loop.set({ ...STARS, value: 4 }, "later", loop.dom());
    loop.set({ instance: "stars", name: "clicked", setter: "trigger", unchanged: true }, "later", loop.dom());
    expect(loop.of("unchanged-value")).toEqual([]);
    loop.set({ ...STARS, value: 4, unchanged: true }, "later", loop.dom());
    const { verdict } = loop.set({ ...STARS, value: 4, unchanged: true }, "later", loop.dom());
    expect(verdict.findings).toMatchObject([
      { kind: "unchanged-value", severity: "info", count: 2, message: "`stars` sets 'rating' to 4, the value it already holds: no `on_rating_change` callback runs for a value that did not change" },
    ]);
  });
});

describe("remount-churn", () => {
  function remountOn(runs: number[]): { loop: Loop; verdicts: AnalyzerVerdict[] } {
    const loop = new Loop();
    loop.runStart(null);
    loop.mount(unkeyed(0), "chart");
    const verdicts: AnalyzerVerdict[] = [];
    let element = 0;
    for (let run = 2; run <= Math.max(...runs); run++) {
      loop.runStart(loop.request("button"));
      if (!runs.includes(run)) continue;
      verdicts.push(loop.remount(unkeyed(element), unkeyed(element + 1), ["data", "default"]).verdict);
      loop.mount(unkeyed(++element), "chart");
    }
    return { loop, verdicts };
  }

  it("the same slot remounted on 3 runs in a row is reported once, naming the arguments; later runs count", () => {
    const { loop, verdicts } = remountOn([2, 3, 4, 5]);
    expect(verdicts.map((v) => v.findings.length)).toEqual([0, 0, 1, 1]);
    expect(verdicts[2].findings[0]).toMatchObject({
      kind: "remount-churn",
      count: 3,
      runId: 4,
      eventIds: expect.arrayContaining([expect.any(String)]),
      message: "unkeyed instance of `chart` remounted on 3 runs in a row because its `data` and `default` changed: give it a key",
    });
    expect(verdicts[2].findings[0].eventIds).toHaveLength(3);
    expect(loop.of("remount-churn")).toMatchObject([{ count: 4, runId: 5, instance: unkeyed(4) }]);
  });

  it("remounts with a run between them are not churn", () => {
    expect(remountOn([2, 3, 5, 6]).loop.of("remount-churn")).toEqual([]);
  });

  it("honours churnThreshold", () => {
    const loop = new Loop({ churnThreshold: 2 });
    loop.runStart(null);
    loop.runStart(null);
    loop.remount(unkeyed(0), unkeyed(1));
    loop.runStart(null);
    expect(loop.remount(unkeyed(1), unkeyed(2)).verdict.findings).toHaveLength(1);
  });
});

describe("undeclared-name", () => {
  it("a state name without a callback, when the instance has callbacks", () => {
    const loop = new Loop();
    loop.runStart(null);
    loop.analyzer.setCallbackNames("stars", ["rating", "clicked"]);
    loop.set({ ...STARS, value: 1 }, "invocation");
    expect(loop.of("undeclared-name")).toEqual([]);
    const { verdict } = loop.set({ instance: "stars", name: "hover", value: true }, "later", loop.dom());
    expect(verdict.findings).toMatchObject([
      { kind: "undeclared-name", severity: "info", name: "hover", message: "`stars` sets 'hover', which has no `on_hover_change` callback (its callbacks: 'rating', 'clicked')" },
    ]);
    expect(verdict.findings[0].why).toContain("silently ignored");
  });

  it("no card for an instance without callbacks (every name is kept then)", () => {
    const loop = new Loop();
    loop.analyzer.setCallbackNames("stars", []);
    loop.set({ instance: "stars", name: "hover", value: true }, "later", loop.dom());
    expect(loop.analyzer.all()).toEqual([]);
  });

  it("a callback name the component has not set once the instance was seen in 3 runs", () => {
    const loop = new Loop();
    const raised: Finding[][] = [];
    for (let run = 0; run < 4; run++) {
      const setId = loop.set({ instance: "picker", name: "color", value: run }, "later", loop.dom()).id;
      loop.runStart(loop.flush([setId]));
      raised.push(loop.analyzer.setCallbackNames("picker", ["color", "colour"]));
    }
    expect(raised.map((found) => found.length)).toEqual([0, 0, 1, 0]);
    expect(raised[2][0]).toMatchObject({ kind: "undeclared-name", name: "colour", message: "`picker` registers `on_colour_change`, but the component has not set 'colour' in 3 runs" });
    expect(loop.of("undeclared-name")).toHaveLength(1);
  });

  it("the same run reported twice counts once", () => {
    const loop = new Loop();
    loop.runStart(null);
    for (let i = 0; i < 3; i++) expect(loop.analyzer.setCallbackNames("picker", ["colour"])).toEqual([]);
  });
});

describe("the analyzer is pure", () => {
  it("imports nothing but its siblings and the loop-event types", () => {
    const dir = join(__dirname, "../../main/core/debugger");
    const analyzer = ["findings.ts", "finding-texts.ts", "recent-map.ts"];
    const specifiers = readdirSync(dir)
      .filter((file) => analyzer.includes(file))
      .flatMap((file) => [...readFileSync(join(dir, file), "utf8").matchAll(/from\s+"([^"]+)"/g)].map((m) => m[1]));
    expect(specifiers.length).toBeGreaterThan(0);
    expect(specifiers.filter((s) => !s.startsWith("./") && s !== "../../../common/loop-events")).toEqual([]);
  });
});
