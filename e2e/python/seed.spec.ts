import { causesOf } from "../causes";
import { expect, test } from "../kit";
import { SEED_PY_APP } from "../apps";
import { skipWithoutPython } from "../python";

// The seed's app.py on the author's real Streamlit, driven through the kit exactly as the
// TypeScript seed is: the same component DOM, panel, timeline and findings.
const KEY = "my_text_input_instance";

test.describe("real Streamlit: the seed's app.py", () => {
  test.beforeAll(() => {
    const python = skipWithoutPython(test);
    if (python) process.env.LOOPWRIGHT_PYTHON = python;
  });
  test.beforeEach(async ({ workbench }) => {
    await workbench.open(SEED_PY_APP);
  });

  test("type + Enter reaches the script and sessionState(); the result is written", async ({ workbench }) => {
    const frame = workbench.page.getByTestId("lw-preview-frame");
    await expect(frame).toHaveAttribute("data-host", "streamlit");
    const before = await workbench.status();
    const input = workbench.component(KEY).locator("input");
    await expect(workbench.component(KEY).locator("label")).toHaveText("Enter something");
    await input.pressSequentially("abc");
    await input.press("Enter");
    await workbench.waitForIdle({ minRunCount: before.runCount + 1 });

    expect(await workbench.sessionState()).toEqual({ [KEY]: { value: "abc" } });
    await expect(workbench.sessionField(`${KEY}.value`).getByTestId("lw-session-value")).toHaveText('"abc"');
    await expect(workbench.frame().getByTestId("stJson")).toContainText(/"value":\s*"abc"/);
  });

  test('"Hello World" updates the component through data', async ({ workbench }) => {
    const before = await workbench.status();
    await workbench.frame().getByTestId("stButton").getByRole("button", { name: "Hello World" }).click();
    await workbench.waitForIdle({ minRunCount: before.runCount + 1 });

    await expect(workbench.component(KEY).locator("input")).toHaveValue("Hello World");
    expect(await workbench.sessionState()).toEqual({ [KEY]: { value: "Hello World" } });
  });

  test("timeline(): a real rerun is one causal chain from the keydown", async ({ workbench }) => {
    const before = await workbench.status();
    const input = workbench.component(KEY).locator("input");
    await input.pressSequentially("xyz");
    await input.press("Enter");
    await workbench.waitForIdle({ minRunCount: before.runCount + 1 });

    await expect.poll(async () => (await workbench.timeline({ kind: "data-diff", instance: KEY })).length).toBeGreaterThan(0);
    const events = await workbench.timeline();
    const diff = events.findLast((e) => e.kind === "data-diff" && e.instance === KEY)!;
    const chain = [diff, ...causesOf(events, diff)].reverse();
    expect(chain.map((e) => e.kind)).toEqual(["dom", "set", "flush", "run-start", "run-end", "data-diff"]);
    expect(chain[0]).toMatchObject({ kind: "dom", eventType: "keydown", trusted: true, instance: KEY });
    expect(chain[1]).toMatchObject({ kind: "set", instance: KEY, name: "value", setter: "state", phase: "later", value: { preview: '"xyz"' } });
    expect(chain[4]).toMatchObject({ kind: "run-end", status: "done" });
    expect(chain[5]).toMatchObject({ changes: [{ key: "data.value", before: { preview: '""' }, after: { preview: '"xyz"' } }] });
    const end = chain[4];
    expect(events.find((e) => e.kind === "state-diff" && e.causeId === end.id)).toMatchObject({
      changed: [{ key: `${KEY}.value`, before: { preview: '""' }, after: { preview: '"xyz"' } }],
    });
    expect(events.find((e) => e.kind === "callback" && e.causeId === chain[3].id)).toMatchObject({ instance: KEY, name: "value", error: null });
    expect(await workbench.findings()).toEqual([]);
  });

  test("a panel edit reaches the component; the next unrelated rerun reverts it (stale-map-revert)", async ({ workbench }) => {
    // The browser's state map holds "abc" once the component has set it.
    const input = workbench.component(KEY).locator("input");
    await input.pressSequentially("abc");
    await input.press("Enter");
    await workbench.waitForIdle({ minRunCount: 2 });
    await workbench.editSessionState(`${KEY}.value`, '"from panel"');
    await expect(workbench.component(KEY).locator("input")).toHaveValue("from panel");
    expect(await workbench.sessionState()).toEqual({ [KEY]: { value: "from panel" } });

    await workbench.rerun();
    await expect.poll(async () => (await workbench.findings()).map((f) => f.kind)).toContain("stale-map-revert");
    const finding = (await workbench.findings()).find((f) => f.kind === "stale-map-revert")!;
    expect(finding).toMatchObject({ instance: KEY, name: "value" });
    // What real Streamlit does: the browser's resent map wins over the panel's write.
    expect(await workbench.sessionState()).toEqual({ [KEY]: { value: "abc" } });
  });
});
