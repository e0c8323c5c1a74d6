import { expect, test } from "../kit";
import { BROKEN_PY } from "../apps";
import { skipWithoutPython } from "../python";

// The loop debugger on real Streamlit: a component that writes during every invocation storms
// Streamlit for real; Loopwright holds the frontend's rerun requests at the threshold, queued.

test.beforeAll(() => {
  const python = skipWithoutPython(test);
  if (python) process.env.LOOPWRIGHT_PYTHON = python;
});

test("a storm on every render is paused at the threshold with nothing lost; Resume sends the held request", async ({ workbench }) => {
  await workbench.open(BROKEN_PY.stormOnRender);
  await expect.poll(() => workbench.rerunsPaused(), { timeout: 20_000 }).toBe(true);
  await workbench.waitForIdle();
  // The first run, then ten that no user action caused: the tenth is where the storm is called.
  expect((await workbench.status()).runCount).toBe(11);
  const [storm] = await workbench.findings();
  expect(storm).toMatchObject({ kind: "rerun-storm", instance: "stars", name: "rating", runId: 11 });
  expect(storm.message).toContain("`stars` calls setStateValue('rating') during every invocation with a new value");
  // The frontend's next request is held by Loopwright, not dropped.
  await expect(workbench.page.getByTestId("lw-pause-reruns")).toHaveText(/Resume reruns \(1\)/);
  const held = (await workbench.timeline({ kind: "flush" })).at(-1)!;
  expect(await workbench.timeline({ kind: "run-start" })).not.toContainEqual(expect.objectContaining({ causeId: held.id }));

  await workbench.resumeReruns();
  await expect
    .poll(async () => (await workbench.timeline({ kind: "run-start" })).some((e) => e.kind === "run-start" && (e.causeId === held.id || e.alsoCausedBy.includes(held.id))))
    .toBe(true);
  // The component goes on writing, so the storm is caught again ten automatic runs later.
  await expect.poll(() => workbench.rerunsPaused(), { timeout: 20_000 }).toBe(true);
  await workbench.waitForIdle();
  expect((await workbench.status()).runCount).toBe(22);
});

test("a script calling st.rerun() every run is paused too: its next st.rerun() is held, Resume lets it go on", async ({ workbench }) => {
  await workbench.open(BROKEN_PY.stormRerun);
  await expect.poll(() => workbench.rerunsPaused(), { timeout: 20_000 }).toBe(true);
  const [storm] = await workbench.findings();
  expect(storm).toMatchObject({ kind: "rerun-storm" });
  expect(storm.message).toContain("st.rerun()");
  // Held, not dropped: the loop stops with its rerun queued. (Streamlit reruns at once after an
  // st.rerun(), so a few runs go by while the pause reaches the companion.)
  await expect(workbench.page.getByTestId("lw-pause-reruns")).toHaveText(/Resume reruns \(1\)/, { timeout: 10_000 });
  const held = await workbench.waitForIdle();
  await new Promise((resolve) => setTimeout(resolve, 1_000));
  expect((await workbench.status()).runCount).toBe(held.runCount);

  await workbench.page.getByTestId("lw-pause-reruns").click();
  await expect.poll(async () => (await workbench.status()).runCount, { timeout: 20_000 }).toBeGreaterThan(held.runCount + 1);
  await expect.poll(() => workbench.rerunsPaused(), { timeout: 20_000 }).toBe(true);
});
