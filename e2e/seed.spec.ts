import { expect, test } from "./kit";
import { SEED_APP } from "./apps";

// The seed (docs.streamlit.io's "Bidirectional communication" guide): a text input component whose value
// flows up with setStateValue and back down through `data`.
const KEY = "my_text_input_instance";

test.describe("seed: text input feedback loop", () => {
  test.beforeEach(async ({ workbench }) => {
    await workbench.open(SEED_APP);
  });

  test("first run: empty input, default value in session state and result", async ({ workbench }) => {
    await expect(workbench.component(KEY).locator("label")).toHaveText("Enter something");
    await expect(workbench.component(KEY).locator("input")).toHaveValue("");
    expect(await workbench.sessionState()).toEqual({ [KEY]: { value: "" } });
    await expect(workbench.frame().getByTestId("stJson")).toContainText(/"value":\s*""/);
  });

  test("type + Enter: value in the panel, session state and written result, one rerun", async ({ workbench }) => {
    const before = await workbench.status();
    const input = workbench.component(KEY).locator("input");
    await input.pressSequentially("abc");
    await input.press("Enter");
    await workbench.waitForIdle({ minRunCount: before.runCount + 1 });

    expect((await workbench.status()).runCount).toBe(before.runCount + 1);
    expect(await workbench.sessionState()).toEqual({ [KEY]: { value: "abc" } });
    await expect(workbench.sessionField(`${KEY}.value`).getByTestId("lw-session-value")).toHaveText('"abc"');
    await expect(workbench.frame().getByTestId("stJson")).toContainText(/"value":\s*"abc"/);
    await expect(input).toHaveValue("abc");
  });

  test('click "Hello World": the script writes session state and the input follows via data', async ({ workbench }) => {
    const button = workbench.frame().getByTestId("stButton").getByRole("button", { name: "Hello World" });
    await button.click();
    await workbench.waitForIdle({ minRunCount: 2 });

    await expect(workbench.component(KEY).locator("input")).toHaveValue("Hello World");
    expect(await workbench.sessionState()).toEqual({ [KEY]: { value: "Hello World" } });
    await expect(workbench.frame().getByTestId("stJson")).toContainText(/"value":\s*"Hello World"/);
  });

  test("edit the value in the panel: the input shows it", async ({ workbench }) => {
    await workbench.editSessionState(`${KEY}.value`, '"from panel"');

    await expect(workbench.component(KEY).locator("input")).toHaveValue("from panel");
    await expect(workbench.sessionField(`${KEY}.value`).getByTestId("lw-session-value")).toHaveText('"from panel"');
    expect(await workbench.sessionState()).toEqual({ [KEY]: { value: "from panel" } });
  });

  test("invalid JSON in the panel: inline error, nothing changes, no rerun", async ({ workbench }) => {
    await workbench.editSessionState(`${KEY}.value`, '"kept"');
    const before = await workbench.status();

    // The kit throws with the panel's refusal (it used to return as if the edit went through).
    await expect(workbench.editSessionState(`${KEY}.value`, "{oops")).rejects.toThrow(/the panel refused editing my_text_input_instance\.value: Invalid JSON/);

    const panel = workbench.sessionPanel();
    await expect(panel.getByTestId("lw-session-error")).toBeVisible();
    await expect(panel.getByTestId("lw-session-editor")).toHaveText("{oops");
    expect((await workbench.status()).runCount).toBe(before.runCount);
    expect(await workbench.sessionState()).toEqual({ [KEY]: { value: "kept" } });
    await expect(workbench.component(KEY).locator("input")).toHaveValue("kept");
  });
});
