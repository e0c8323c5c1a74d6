import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it, vi } from "vitest";
import type { LoopEvent, PreviewLoopEvent, RenderedRun } from "../../common";
import { previewValue } from "../../common/loop-values";
import { createScriptHost, type ScriptHost } from "../../main/core";
import { HOLD_MS } from "../../main/core/debugger/loop-recorder";
import { scriptHostFixture } from "./worker-build";

/**
 * The host's side of the loop debugger, with the preview played by the test: it answers every
 * render the way a component that writes during its invocation would, and the host must record
 * the chain, raise the storm and hold the reruns it would otherwise run forever.
 */

const { workerPath: worker, hosts } = scriptHostFixture();

const APP = `export default function app(st) {
  const stars = st.components.v2.component("stars", { html: "<span></span>", js: "export default function () {}" });
  st.write(stars({ key: "stars", data: { n: 1 }, on_rating_change: () => {} }));
}`;

async function open(stormThreshold = 10) {
  const dir = mkdtempSync(join(tmpdir(), "lw-loop-"));
  writeFileSync(join(dir, "app.js"), APP);
  const host = await createScriptHost({ appPath: join(dir, "app.js"), workerPath: worker(), watch: false, stormThreshold });
  hosts.push(host);
  const events: LoopEvent[] = [];
  host.on("loop", (delta) => events.push(...delta.events));
  return { host, events };
}

let seq = 0;
/** What the preview sends when the component calls setStateValue("rating", value) during its invocation. */
async function writeDuringInvocation(host: ScriptHost, run: RenderedRun, value: number): Promise<void> {
  const elementId = run.tree.main.find((e) => e.type === "bidi_component")!.id;
  const at = performance.timeOrigin + performance.now();
  const invoke: PreviewLoopEvent = {
    id: `pt-${++seq}`, causeId: run.causes.elements[elementId] ?? run.causes.run, runId: run.runId, at, kind: "invoke",
    instance: "stars", elementId, frontendKey: "st-bidi-component-1", changed: ["data"], durationMs: 0.1,
  };
  const set: PreviewLoopEvent = {
    id: `pt-${++seq}`, causeId: invoke.id, runId: run.runId, at, kind: "set", instance: "stars", name: "rating",
    setter: "state", value: previewValue(value), unchanged: false, phase: "invocation", stack: null, elementId,
  };
  const flush: PreviewLoopEvent = { id: `pt-${++seq}`, causeId: set.id, runId: run.runId, at, kind: "flush", setIds: [set.id], fragmentId: null };
  // As the workbench sends them: the rerun first; its hops come with the acknowledgement of the run it led to.
  await host.rerun({
    widgetStates: [{ id: elementId, type: "json_value", value: JSON.stringify({ rating: value }) }],
    fragmentId: null,
    source: "preview",
    causeId: flush.id,
  });
  await host.runRendered((await lastRun(host)).runId, [invoke, set, flush]);
}

const lastRun = async (host: ScriptHost) => (await host.hello()).lastRun!;
const settle = () => new Promise((resolve) => setTimeout(resolve, 20));

describe("the host's loop recording", () => {
  it("links a run to the flush that caused it, its callback, its state diff and what it rendered", async () => {
    const { host, events } = await open();
    await writeDuringInvocation(host, await lastRun(host), 4);
    await settle();
    const flush = events.find((e) => e.kind === "flush")!;
    const start = events.find((e) => e.kind === "run-start" && e.causeId === flush.id)!;
    expect(start).toMatchObject({ runId: 2 });
    expect(events.find((e) => e.kind === "callback" && e.causeId === start.id)).toMatchObject({ instance: "stars", name: "rating", error: null });
    const end = events.find((e) => e.kind === "run-end" && e.causeId === start.id)!;
    expect(end).toMatchObject({ status: "done", runId: 2 });
    expect(events.find((e) => e.kind === "state-diff" && e.causeId === end.id)).toMatchObject({ added: [{ key: "stars.rating", after: { preview: "4" } }] });
    expect((await lastRun(host)).causes.run).toBe(end.id);
  });

  it("holds a rerun storm at the threshold, loses no write, and Resume runs what was held", async () => {
    const { host } = await open(5);
    for (let i = 1; i <= 5; i++) await writeDuringInvocation(host, await lastRun(host), i);
    await settle();
    const paused = (await host.hello()).loop;
    expect(paused.reruns).toMatchObject({ paused: true, queued: 0 });
    expect(paused.findings.map((f) => [f.kind, f.instance, f.name])).toEqual([["rerun-storm", "stars", "rating"]]);
    const runsWhenPaused = (await host.hello()).status.runCount;

    // The component writes again on the render it got: held, not run, not dropped.
    await writeDuringInvocation(host, await lastRun(host), 6);
    await settle();
    expect((await host.hello()).status.runCount).toBe(runsWhenPaused);
    expect((await host.hello()).loop.reruns).toMatchObject({ paused: true, queued: 1 });

    await host.resumeReruns();
    await settle();
    const resumed = await host.hello();
    expect(resumed.loop.reruns).toEqual({ paused: false, queued: 0, reason: null });
    expect(resumed.status.runCount).toBe(runsWhenPaused + 1);
    const stars = resumed.sessionState.entries.find((e) => e.key === "stars");
    expect(stars).toMatchObject({ kind: "component", state: { rating: 6 } });
  });

  it("Step runs one held request, Stop during a loop pauses it", async () => {
    const { host } = await open();
    await writeDuringInvocation(host, await lastRun(host), 1);
    await settle();
    await host.stop();
    expect((await host.hello()).loop.reruns).toMatchObject({ paused: true, reason: "stop" });
    await writeDuringInvocation(host, await lastRun(host), 2);
    await writeDuringInvocation(host, await lastRun(host), 3);
    const before = (await host.hello()).status.runCount;
    await host.stepRerun();
    await settle();
    const stepped = await host.hello();
    expect(stepped.status.runCount).toBe(before + 1);
    expect(stepped.loop.reruns).toMatchObject({ paused: true, queued: 1 });
  });

  it("holds the timeline's updates while a run and its render are in flight, HOLD_MS at most", async () => {
    const { host, events } = await open();
    const run = await lastRun(host);
    await host.runRendered(run.runId, []);
    events.length = 0;
    const renders: number[] = [];
    host.on("render", (rendered) => renders.push(rendered.runId));
    await host.rerun({ widgetStates: null, fragmentId: null, source: "api", causeId: null });
    await settle();
    // The run is over and its render went out, but the preview has not said it rendered it.
    expect(renders).toEqual([run.runId + 1]);
    expect(events).toEqual([]);
    await host.runRendered(run.runId + 1, []);
    expect(events.map((e) => e.kind)).toEqual(expect.arrayContaining(["request", "run-start", "run-end"]));

    // A preview that never answers: the updates go out anyway.
    events.length = 0;
    await host.rerun({ widgetStates: null, fragmentId: null, source: "api", causeId: null });
    const heldSince = performance.now();
    await vi.waitFor(() => expect(events.map((e) => e.kind)).toContain("run-end"), { timeout: 2 * HOLD_MS, interval: 5 });
    expect(performance.now() - heldSince).toBeLessThan(HOLD_MS + 100);
  });

  it("records nothing while recording is off", async () => {
    const { host, events } = await open();
    await host.setRecording(false);
    await settle();
    events.length = 0;
    await writeDuringInvocation(host, await lastRun(host), 1);
    await settle();
    expect(events).toEqual([]);
    expect((await host.hello()).status.runCount).toBe(2);
  });
});
