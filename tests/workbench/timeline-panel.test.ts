// @vitest-environment happy-dom
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { nextTick, type App, type Component } from "vue";
import AppRoot from "../../renderer/workbench/App.vue";
import InstancesView from "../../renderer/workbench/components/InstancesView.vue";
import StatusLine from "../../renderer/workbench/components/StatusLine.vue";
import TimelinePanel from "../../renderer/workbench/components/TimelinePanel.vue";
import { useTimelineStore } from "../../renderer/workbench/stores/timeline";
import { fakeHost, flush, workbenchApp } from "./fakes";
import { loopEvent, storm, stormFinding } from "./loop-fixtures";

// happy-dom lays nothing out: give the timeline's scroller a 600 px viewport and each virtual row
// (the element the list measures, marked by data-index) 24 px, as a browser would.
beforeAll(() => {
  Object.defineProperty(HTMLElement.prototype, "clientHeight", {
    configurable: true,
    get(this: HTMLElement) {
      return this.dataset.testid === "lw-timeline-list" ? 600 : 0;
    },
  });
  Object.defineProperty(HTMLElement.prototype, "offsetHeight", {
    configurable: true,
    get(this: HTMLElement) {
      return this.hasAttribute("data-index") ? 24 : 0;
    },
  });
});

let app: App | undefined;
afterEach(() => {
  app?.unmount();
  document.body.innerHTML = "";
});

const loopHost = () =>
  Object.assign(fakeHost().host, {
    pauseReruns: vi.fn(async () => {}),
    resumeReruns: vi.fn(async () => {}),
    stepRerun: vi.fn(async () => {}),
    clearTimeline: vi.fn(async () => {}),
  });

async function mount(component: Component, host = loopHost()) {
  ({ app } = workbenchApp(host, component));
  const root = document.createElement("div");
  document.body.append(root);
  app.mount(root);
  await nextTick();
  const all = (selector: string) => [...root.querySelectorAll<HTMLElement>(selector)];
  const q = (selector: string) => root.querySelector<HTMLElement>(selector)!;
  return { host, root, all, q, timeline: useTimelineStore() };
}

const settle = async () => {
  await flush();
  await nextTick();
};

describe("TimelinePanel", () => {
  it("shows one collapsed row per run, with what caused it, and expands it into its hops", async () => {
    const { all, q, timeline } = await mount(TimelinePanel);
    timeline.appendEvents(storm(3));
    await settle();

    const runs = all('[data-testid="lw-timeline-run"]');
    expect(runs.map((r) => r.dataset.runId)).toEqual(["1", "2", "3"]);
    expect(runs[1].textContent).toContain("Run 2 · 1 ms · done · caused by: run 1 → setStateValue('value') (my_key)");
    expect(all('[data-testid="lw-timeline-hop"]')).toHaveLength(0);

    runs[1].click();
    await settle();
    const hops = all('[data-testid="lw-timeline-hop"]');
    expect(hops.map((h) => h.dataset.kind)).toEqual(["run-start", "state-diff", "run-end", "invoke", "dom", "set", "flush", "request", "callback"]);
    expect(hops[1].textContent).toContain("+0.4 ms");
    expect(hops[1].textContent).toContain("my_key.value: 1 → 2");
    expect(hops[5].textContent).toContain("my_key");
    expect(hops[5].textContent).toContain("setStateValue('value', 3) · during invocation");

    hops[1].querySelector("button")!.click();
    await settle();
    const diff = q('[data-testid="lw-diff-changed"]');
    expect(diff.textContent).toContain("my_key.value");
    expect(diff.textContent).toMatch(/1\s*→\s*2/);
  });

  it("highlights a clicked event's whole chain, also in runs that are collapsed", async () => {
    const { all, timeline } = await mount(TimelinePanel);
    const loose = loopEvent("console", { runId: 1, level: "info", message: "unrelated", source: "script" });
    timeline.appendEvents([...storm(2), loose]);
    await settle();
    all('[data-testid="lw-timeline-run"]')[0].click();
    await settle();

    const setHop = all('[data-testid="lw-timeline-hop"]').find((h) => h.dataset.eventId === "r1-set")!;
    setHop.querySelector("button")!.click();
    await settle();

    const chained = all('[data-testid="lw-timeline-hop"][data-chain="true"]').map((h) => h.dataset.eventId);
    expect(chained).toEqual(expect.arrayContaining(["r1-start", "r1-invoke", "r1-set", "r1-flush", "r1-request", "r1-callback"]));
    expect(chained).not.toContain("r1-dom");
    expect(chained).not.toContain(loose.id);
    const runs = all('[data-testid="lw-timeline-run"]');
    expect(runs.map((r) => r.dataset.chain)).toEqual(["true", "true"]);
  });

  it("renders a window of rows, not 10,000 events", async () => {
    const { all, q, timeline } = await mount(TimelinePanel);
    const events = storm(1112);
    expect(events.length).toBeGreaterThan(10_000);
    timeline.appendEvents(events);
    await settle();
    const collapsed = all('[data-testid="lw-timeline-run"]').length;
    expect(collapsed).toBeGreaterThan(0);
    expect(collapsed).toBeLessThan(100);

    // A search that matches every hop opens every run: 11,120 rows, still a window of them in the DOM.
    (q('[data-testid="lw-timeline-search"]') as HTMLInputElement).value = "r";
    q('[data-testid="lw-timeline-search"]').dispatchEvent(new Event("input"));
    await settle();
    const rendered = all('[data-testid="lw-timeline-hop"], [data-testid="lw-timeline-run"]').length;
    expect(rendered).toBeGreaterThan(10);
    expect(rendered).toBeLessThan(100);
    expect(parseFloat(q('[data-testid="lw-timeline-list"] > div').style.height)).toBeGreaterThan(11_000 * 20);
  });

  it("filters by instance and kind from its controls", async () => {
    const { all, q, timeline } = await mount(TimelinePanel);
    timeline.appendEvents([...storm(2), ...storm(1, { instance: "other", firstRun: 3 })]);
    await settle();

    const select = q('[data-testid="lw-timeline-instance"]') as HTMLSelectElement;
    expect([...select.options].map((o) => o.textContent)).toEqual(["All instances", "my_key", "other"]);
    select.selectedIndex = 2;
    select.dispatchEvent(new Event("change"));
    await settle();
    expect(timeline.filter.instance).toBe("other");
    expect(all('[data-testid="lw-timeline-run"]').map((r) => r.dataset.runId)).toEqual(["3"]);

    select.selectedIndex = 0;
    select.dispatchEvent(new Event("change"));
    const kind = all('[data-testid="lw-timeline-kind"]').find((k) => k.dataset.kind === "callback") as HTMLInputElement;
    kind.checked = true;
    kind.dispatchEvent(new Event("change"));
    await settle();
    expect(timeline.filter).toMatchObject({ instance: null, kinds: ["callback"] });
    expect(all('[data-testid="lw-timeline-hop"]').map((h) => h.dataset.eventId)).toEqual(["r1-callback", "r2-callback", "r3-callback"]);
  });

  it("pauses recording, clears, and says how many events were dropped", async () => {
    const { host, q, timeline } = await mount(TimelinePanel);
    timeline.applySnapshot({ events: storm(1), dropped: 120, cap: 9, recording: true, findings: [], reruns: { paused: false, queued: 0, reason: null } });
    await settle();
    expect(q('[data-testid="lw-timeline-dropped"]').textContent).toContain("120 events dropped");

    q('[data-testid="lw-timeline-recording"]').click();
    await settle();
    expect(timeline.recording).toBe(false);
    expect(q('[data-testid="lw-timeline-recording"]').textContent).toContain("Resume recording");

    q('[data-testid="lw-timeline-clear"]').click();
    await settle();
    expect(host.clearTimeline).toHaveBeenCalledOnce();
    expect(timeline.events).toEqual([]);
    expect(q('[data-testid="lw-timeline-dropped"]')).toBeNull();
  });
});

describe("FindingCard", () => {
  it("says what, why and how to fix it, and shows its events", async () => {
    const { all, q, timeline } = await mount(TimelinePanel);
    timeline.appendEvents(storm(3));
    timeline.applyFindings([stormFinding()]);
    await settle();

    const card = q('[data-testid="lw-finding"]');
    expect(card.dataset.kind).toBe("rerun-storm");
    for (const text of ["my_key", "value", "40 reruns in 2 s", "Why", "flushes and requests a rerun", "Fix", "×40"]) {
      expect(card.textContent).toContain(text);
    }
    expect(card.querySelector('[data-testid="lw-finding-resume"]')).toBeNull();

    q('[data-testid="lw-finding-show"]').click();
    await settle();
    expect([...timeline.highlighted]).toEqual(["r1-set", "r1-flush", "r2-start"]);
    expect(all('[data-testid="lw-timeline-hop"][data-chain="true"]').map((h) => h.dataset.eventId)).toEqual(["r1-set", "r1-flush", "r2-start"]);
  });

  it("offers Resume and Step for a storm while reruns are held", async () => {
    const { host, q, timeline } = await mount(TimelinePanel);
    timeline.applyFindings([stormFinding(), stormFinding({ id: "f2", kind: "unchanged-value", severity: "info" })]);
    timeline.applyGate({ paused: true, queued: 7, reason: "finding-storm" });
    await settle();

    expect(document.querySelectorAll('[data-testid="lw-finding-step"]')).toHaveLength(1);
    expect(q('[data-testid="lw-finding-queued"]').textContent).toBe("7 queued");
    q('[data-testid="lw-finding-step"]').click();
    q('[data-testid="lw-finding-resume"]').click();
    await settle();
    expect(host.stepRerun).toHaveBeenCalledOnce();
    expect(host.resumeReruns).toHaveBeenCalledOnce();
  });
});

describe("StatusLine reruns", () => {
  it("shows the rerun rate and toggles the rerun gate", async () => {
    vi.useFakeTimers({ toFake: ["setInterval", "performance"] });
    try {
      const { host, q, timeline } = await mount(StatusLine);
      expect(q('[data-testid="lw-reruns-rate"]').dataset.rate).toBe("0");
      timeline.appendEvents(storm(20, { startAt: performance.timeOrigin + performance.now() - 100 }));
      vi.advanceTimersByTime(500);
      await nextTick();
      expect(q('[data-testid="lw-reruns-rate"]').textContent).toContain("10.0 reruns/s");

      q('[data-testid="lw-pause-reruns"]').click();
      expect(host.pauseReruns).toHaveBeenCalledOnce();
      timeline.applyGate({ paused: true, queued: 2, reason: "user" });
      await nextTick();
      expect(q('[data-testid="lw-pause-reruns"]').textContent).toContain("Resume reruns (2)");
      q('[data-testid="lw-pause-reruns"]').click();
      expect(host.resumeReruns).toHaveBeenCalledOnce();

      vi.advanceTimersByTime(3000);
      await nextTick();
      expect(q('[data-testid="lw-reruns-rate"]').dataset.rate).toBe("0");
    } finally {
      vi.useRealTimers();
    }
  });
});

describe("InstancesView", () => {
  it("shows identity, lifecycle counts, remounts and each trigger's set → seen → reset", async () => {
    const { q, timeline } = await mount(InstancesView);
    const unkeyed = "$$ID-abc-None";
    const trigger = (runId: number, handled: boolean) => loopEvent("trigger", { runId, instance: "my_key", name: "clicked", handled });
    timeline.appendEvents([
      loopEvent("mount", { runId: 1, instance: "my_key", elementId: "$$ID-my_key", frontendKey: "st-bidi-component-my_key", component: "my_button" }),
      loopEvent("invoke", { runId: 1, instance: "my_key", elementId: "$$ID-my_key", frontendKey: "st-bidi-component-my_key", changed: ["mount"], durationMs: 1 }),
      loopEvent("set", {
        runId: 1, instance: "my_key", name: "clicked", setter: "trigger", value: { preview: "true", size: 4 },
        unchanged: false, phase: "later", stack: null, elementId: "$$ID-my_key",
      }),
      loopEvent("run-start", { runId: 2, fragmentId: null, alsoCausedBy: [] }),
      trigger(2, true),
      loopEvent("invoke", { runId: 2, instance: "my_key", elementId: "$$ID-my_key", frontendKey: "st-bidi-component-my_key", changed: ["data"], durationMs: 1 }),
      loopEvent("run-start", { runId: 3, fragmentId: null, alsoCausedBy: [] }),
      loopEvent("remount", { runId: 3, instance: unkeyed, elementId: unkeyed, previousElementId: "$$ID-old-None", changedArguments: ["label"] }),
      loopEvent("cleanup", { runId: 3, instance: unkeyed, elementId: "$$ID-old-None", frontendKey: "st-bidi-component-old" }),
    ]);
    await settle();

    const keyed = q('[data-testid="lw-instance"][data-instance="my_key"]');
    expect(keyed.querySelector('[data-testid="lw-instance-keyed"]')!.textContent).toBe("keyed");
    expect(keyed.textContent).toContain("st-bidi-component-my_key");
    expect(keyed.querySelector('[data-testid="lw-instance-counts"]')!.textContent!.replace(/\s+/g, " ").trim()).toBe(
      "1 mount · 2 invocations · 0 cleanups",
    );
    expect(keyed.querySelector('[data-testid="lw-instance-trigger"][data-name="clicked"]')!.textContent!.trim()).toBe(
      "set in run 1 = true → seen in run 2 → reset (null) in run 3",
    );

    // An unkeyed instance keeps one card across remounts, under the element id it had first.
    expect(document.querySelector(`[data-testid="lw-instance"][data-instance="${unkeyed}"]`)).toBeNull();
    const other = q('[data-testid="lw-instance"][data-instance="$$ID-old-None"]');
    expect(other.querySelector('[data-testid="lw-instance-keyed"]')!.textContent).toBe("unkeyed");
    expect(other.querySelector('[data-testid="lw-instance-remounts"]')!.textContent).toContain("run 3: label changed");
    expect(other.textContent).toContain("2 element ids");
    expect(other.querySelector('[data-testid="lw-instance-counts"]')!.textContent!.replace(/\s+/g, " ").trim()).toBe("0 mounts · 0 invocations · 1 cleanup");
  });
});

describe("workbench layout", () => {
  it("shows the session panel by default, the timeline and instances as tabs beside it", async () => {
    const { q } = await mount(AppRoot);
    expect(q('[data-testid="lw-session-panel"]').style.display).toBe("");
    expect(q('[data-testid="lw-tab-session"]').getAttribute("aria-selected")).toBe("true");
    expect(q('[data-testid="lw-timeline-panel"]')).toBeNull();

    q('[data-testid="lw-tab-timeline"]').click();
    await nextTick();
    expect(q('[data-testid="lw-session-panel"]').style.display).toBe("none");
    expect(q('[data-testid="lw-timeline-panel"]')).not.toBeNull();

    q('[data-testid="lw-tab-instances"]').click();
    await nextTick();
    expect(q('[data-testid="lw-instances"]')).not.toBeNull();
    expect(q('[data-testid="lw-reruns-rate"]')).not.toBeNull();
  });
});
