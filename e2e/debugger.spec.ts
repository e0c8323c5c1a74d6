import { causesOf } from "./causes";
import { expect, test } from "./kit";
import { BROKEN, SEED_APP } from "./apps";

// The loop debugger through the kit: each broken example raises its finding, a storm is held at
// the threshold with nothing lost, and the seed's type + Enter is one causal chain.


test("seed: type + Enter is one chain dom → set → flush → run-start → callback → run-end → state-diff → data-diff → invoke", async ({ workbench }) => {
  await workbench.open(SEED_APP);
  const input = workbench.component("my_text_input_instance").locator("input");
  await input.pressSequentially("abc");
  await input.press("Enter");
  await workbench.waitForIdle({ minRunCount: 2 });

  const events = await workbench.timeline();
  const invoke = events.findLast((e) => e.kind === "invoke" && e.instance === "my_text_input_instance")!;
  expect(invoke).toMatchObject({ runId: 2, changed: ["data"] });
  const chain = [invoke, ...causesOf(events, invoke)].reverse();
  expect(chain.map((e) => e.kind)).toEqual(["dom", "set", "flush", "run-start", "run-end", "data-diff", "invoke"]);
  expect(chain[0]).toMatchObject({ kind: "dom", eventType: "keydown", trusted: true });
  expect(chain[1]).toMatchObject({ kind: "set", instance: "my_text_input_instance", name: "value", setter: "state", phase: "later", value: { preview: '"abc"' } });
  expect(chain[5]).toMatchObject({
    kind: "data-diff",
    changes: [
      { key: "data.value", before: { preview: '""' }, after: { preview: '"abc"' } },
      { key: "default.value", before: { preview: '""' }, after: { preview: '"abc"' } },
    ],
  });

  // Every hop of the chain the timeline shows leads back to the keydown.
  const dom = chain[0];
  for (const kind of ["set", "flush", "run-start", "callback", "run-end", "state-diff", "data-diff", "invoke"] as const) {
    const hop = events.find((e) => e.kind === kind && causesOf(events, e).includes(dom));
    expect(hop, `a ${kind} caused by the keydown`).toBeDefined();
  }
  // The callback and the state diff hang off the same run.
  const [start, end] = [chain[3], chain[4]];
  expect(events.find((e) => e.kind === "callback" && e.causeId === start.id)).toMatchObject({ instance: "my_text_input_instance", name: "value", error: null });
  expect(events.find((e) => e.kind === "state-diff" && e.causeId === end.id)).toMatchObject({
    changed: [{ key: "my_text_input_instance.value", before: { preview: '""' }, after: { preview: '"abc"' } }],
  });
  expect(await workbench.findings()).toEqual([]);
});

test("a storm on every render is paused at the threshold, named, and nothing is lost; Resume continues from the held write", async ({ workbench }) => {
  await workbench.open(BROKEN.stormOnRender);
  await expect.poll(() => workbench.rerunsPaused()).toBe(true);
  await workbench.waitForIdle();
  // The first run, then ten that no user action caused: the tenth is where the storm is called.
  expect((await workbench.status()).runCount).toBe(11);
  const [storm] = await workbench.findings();
  expect(storm).toMatchObject({ kind: "rerun-storm", instance: "stars", name: "rating", runId: 11 });
  expect(storm.message).toContain("`stars` calls setStateValue('rating') during every invocation with a new value");
  await expect(workbench.page.getByTestId("lw-pause-reruns")).toHaveText(/Resume reruns \(1\)/);

  // The write of the last invocation is held, not dropped: Resume runs it.
  const held = (await workbench.timeline({ kind: "flush" })).at(-1)!;
  await workbench.resumeReruns();
  await expect.poll(async () => (await workbench.timeline({ kind: "run-start" })).some((e) => e.kind === "run-start" && e.alsoCausedBy.includes(held.id))).toBe(true);
  // The component goes on writing, so the storm is caught again: the resumed run (the user's
  // Resume caused it), then another ten automatic ones.
  await expect.poll(() => workbench.rerunsPaused()).toBe(true);
  await workbench.waitForIdle();
  expect((await workbench.status()).runCount).toBe(22);
});

test("an unkeyed storm through remounts names the data and suggests a key", async ({ workbench }) => {
  await workbench.open(BROKEN.stormUnkeyed);
  await expect.poll(() => workbench.rerunsPaused()).toBe(true);
  const storm = (await workbench.findings()).find((f) => f.kind === "rerun-storm")!;
  expect(storm.message).toBe("unkeyed instance of `chart` gets new `data` every run, so it remounts and writes on mount: give it a key");
  const remount = (await workbench.timeline({ kind: "remount" })).at(-1)!;
  expect(remount).toMatchObject({ changedArguments: ["data"] });
});

test("a trigger without an on_<name>_change callback is reported", async ({ workbench }) => {
  await workbench.open(BROKEN.triggerWithoutCallback);
  await workbench.component("like").getByRole("button", { name: "Like" }).click();
  await workbench.waitForIdle({ minRunCount: 2 });
  expect(await workbench.findings()).toContainEqual(expect.objectContaining({ kind: "trigger-without-callback", instance: "like", name: "clicked", runId: 2 }));
});

test.describe("stale state map", () => {
  test.beforeEach(async ({ workbench }) => {
    await workbench.open(BROKEN.staleMap);
    for (let i = 1; i <= 3; i++) {
      await workbench.component("counter").getByRole("button").click();
      await workbench.waitForIdle({ minRunCount: i + 1 });
    }
    expect((await workbench.sessionState()).counter).toEqual({ count: 3 });
  });

  test("a script write is reverted by the map the browser resends, and the panel says so first", async ({ workbench }) => {
    await workbench.frame().getByTestId("stButton").getByRole("button", { name: "Reset" }).click();
    await workbench.waitForIdle({ minRunCount: 5 });
    expect((await workbench.sessionState()).counter).toEqual({ count: 0 });
    await expect(workbench.sessionField("counter.count").getByTestId("lw-session-stale")).toContainText("The browser still holds 3: the next rerun restores it");

    await workbench.rerun();
    expect((await workbench.sessionState()).counter).toEqual({ count: 3 });
    expect(await workbench.findings()).toContainEqual(expect.objectContaining({ kind: "stale-map-revert", instance: "counter", name: "count", runId: 6 }));
    const revert = (await workbench.timeline({ kind: "revert" })).at(-1)!;
    expect(revert).toMatchObject({ scriptValue: { preview: "0" }, browserValue: { preview: "3" } });
  });

  test("a panel edit is reverted the same way", async ({ workbench }) => {
    await workbench.editSessionState("counter.count", "10");
    expect((await workbench.sessionState()).counter).toEqual({ count: 10 });
    await expect(workbench.sessionField("counter.count").getByTestId("lw-session-stale")).toContainText("The browser still holds 3");
    const edit = (await workbench.timeline({ kind: "edit" })).at(-1)!;
    expect(edit).toMatchObject({ key: "counter", field: "count", value: { preview: "10" } });

    await workbench.rerun();
    expect((await workbench.sessionState()).counter).toEqual({ count: 3 });
    expect(await workbench.findings()).toContainEqual(expect.objectContaining({ kind: "stale-map-revert", instance: "counter", name: "count" }));
  });
});

test("an unkeyed instance remounted on three runs in a row is remount churn", async ({ workbench }) => {
  await workbench.open(BROKEN.remountChurn);
  const tick = workbench.frame().getByTestId("stButton").getByRole("button", { name: "Tick" });
  for (let i = 1; i <= 3; i++) {
    await tick.click();
    await workbench.waitForIdle({ minRunCount: i + 1 });
  }
  const churn = (await workbench.findings()).find((f) => f.kind === "remount-churn");
  expect(churn).toMatchObject({ runId: 4 });
  expect(churn!.message).toContain("`clock`");
  expect(churn!.message).toContain("data");
  expect(await workbench.rerunsPaused()).toBe(false);
});
