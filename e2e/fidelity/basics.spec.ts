import { expect, test } from "../kit";
import { causesNoRun, causesRun, expectLines, expectNoException, fidelityApp, forEachHost, instance, section, stButton } from "./helpers";

// Streamlit's e2e_playwright/bidi_components/basics_test.py (docs/semantics.md §11.1.1–§11.1.8), ported
// to Loopwright: each section of basics.py is its own app under e2e/apps/fidelity/, and every
// expected text is the one Streamlit's test (or docs/semantics.md) states.

forEachHost((host) => {
  test("§11.1.1 empty content: one stBidiComponentRegular, no exception, the next element renders", async ({ workbench: wb }) => {
    await wb.open(fidelityApp("empty", host));
    const container = section(wb, "Empty content");
    await expect(container.getByRole("heading", { name: "Empty content" })).toBeVisible();
    await expectNoException(wb);
    await expect(container.getByTestId("stBidiComponentRegular")).toHaveCount(1);
    await expect(wb.frame().getByTestId("stBidiComponentIsolated")).toHaveCount(0);
    await expect(container.getByText("After empty component")).toBeVisible();
    // Nothing was mounted into it: no html, no css.
    await expect(wb.component("empty_component")).toBeEmpty();
  });

  test("§11.1.2 stateful interactions: per-key callbacks, result and session_state", async ({ workbench: wb }) => {
    await wb.open(fidelityApp("stateful", host));
    const stateful = section(wb, "Stateful");
    const range = wb.component("stateful_component_1").getByLabel("Range");
    const text = wb.component("stateful_component_1").getByLabel("Text", { exact: true });

    await expect(range).toHaveValue("50");
    await expect(text).toHaveValue("Text input");
    await expectLines(wb, [
      "Result: {'range': None, 'text': None}",
      "session_state: {}",
      "Range change count: 0",
      "Text change count: 0",
    ], stateful);

    // Change Range value (only range changes)
    await causesRun(wb, () => range.fill("10"));
    await expect(range).toHaveValue("10");
    await expectLines(wb, [
      "Result: {'range': '10', 'text': None}",
      "session_state: {'range': '10'}",
      "Range change count: 1",
      "Text change count: 0",
    ], stateful);

    // Change Text value (only text changes)
    await causesRun(wb, () => text.fill("Hello"));
    await expect(text).toHaveValue("Hello");
    await expectLines(wb, [
      "Result: {'range': '10', 'text': 'Hello'}",
      "session_state: {'range': '10', 'text': 'Hello'}",
      "Range change count: 1",
      "Text change count: 1",
    ], stateful);

    // An unrelated rerun via a Streamlit button: values remain, no callback fires.
    await causesRun(wb, () => stButton(wb, "st.button trigger").click());
    await expectLines(wb, [
      "Result: {'range': '10', 'text': 'Hello'}",
      "session_state: {'range': '10', 'text': 'Hello'}",
      "Range change count: 1",
      "Text change count: 1",
    ], stateful);
    expect((await wb.sessionState()).stateful_component_1).toEqual({ range: "10", text: "Hello" });
  });

  test("§11.1.3 trigger interactions: one run each, both in one batch, reset by an unrelated rerun", async ({ workbench: wb }) => {
    await wb.open(fidelityApp("trigger", host));
    const trigger = section(wb, "Trigger");
    const click = (label: string) => causesRun(wb, () => wb.component("trigger_component_1").getByRole("button", { name: label }).click());

    await expectLines(wb, ["Foo count: 0", "Bar count: 0", "Result: {'foo': None, 'bar': None}", "Session state: {}"], trigger);

    await click("Trigger foo");
    await expectLines(wb, ["Foo count: 1", "Bar count: 0", "Result: {'foo': True, 'bar': None}", "Session state: {'foo': True}"], trigger);

    await click("Trigger bar");
    await expectLines(wb, ["Foo count: 1", "Bar count: 1", "Result: {'foo': None, 'bar': True}", "Session state: {'bar': True}"], trigger);

    // Trigger foo again so it has a different value from bar
    await click("Trigger foo");
    await expectLines(wb, ["Foo count: 2", "Bar count: 1", "Result: {'foo': True, 'bar': None}", "Session state: {'foo': True}"], trigger);

    // Two triggers in one handler: one rerun, both callbacks once.
    await click("Trigger both");
    await expectLines(wb, ["Foo count: 3", "Bar count: 2", "Result: {'foo': True, 'bar': True}", "Session state: {'foo': True, 'bar': True}"], trigger);

    // An unrelated st.button rerun resets the trigger values.
    await causesRun(wb, () => stButton(wb, "st.button trigger", trigger).click());
    await expectLines(wb, ["Foo count: 3", "Bar count: 2", "Result: {'foo': None, 'bar': None}", "Session state: {}"], trigger);
  });

  test("§11.1.4 form: state deferred until submit, trigger is a no-op with a warning, one rerun on submit", async ({ workbench: wb }) => {
    const consoleWarnings: string[] = [];
    await wb.open(fidelityApp("form", host));
    wb.page.on("console", (msg) => {
      if (msg.type() === "warning") consoleWarnings.push(msg.text());
    });
    const form = section(wb, "Form context (defer state; triggers ignored by CCv2 semantics)");
    const component = wb.component("in_form");

    await expect(wb.frame().getByTestId("stForm")).toHaveCount(1);
    await expect(instance(wb, "in_form", wb.frame().getByTestId("stForm"))).toHaveCount(1);
    await expectLines(wb, ["Runs: 1"]);
    await expectLines(wb, ["Form Text changes: 0", "Form Clicked count: 0"], form);

    // Before submitting, interactions must not rerun.
    await causesNoRun(wb, () => component.getByRole("button", { name: "Set text (Form)" }).click());
    await expectLines(wb, ["Runs: 1"]);
    await expectLines(wb, ["Form Text changes: 0"], form);

    // Triggers are disallowed in forms for CCv2: a no-op (with a console warning).
    await causesNoRun(wb, () => component.getByRole("button", { name: "Trigger click (Form)" }).click());
    await expectLines(wb, ["Runs: 1"]);
    await expectLines(wb, ["Form Clicked count: 0", "Form session state: {}", "Form Result: {'text': None, 'clicked': None}"], form);
    const log = await wb.logEntries();
    await expect
      .poll(async () => [...consoleWarnings, ...(await log.allTextContents())].some((m) => /setTriggerValue ignored inside st\.form/.test(m)), {
        message: 'a "setTriggerValue ignored inside st.form" warning (preview console or workbench log)',
      })
      .toBe(true);

    // Submit: exactly one rerun; only the state change applies.
    const submit = wb.frame().getByTestId("stFormSubmitButton").getByRole("button", { name: "Submit Form" });
    await expect(wb.frame().getByTestId("stFormSubmitButton").getByTestId("stBaseButton-secondaryFormSubmit")).toHaveCount(1);
    await causesRun(wb, () => submit.click());
    await expectLines(wb, ["Runs: 2"]);
    await expectLines(wb, [
      "Form Text changes: 1",
      "Form Clicked count: 0",
      "Form session state: {'text': 'hello'}",
      "Form Result: {'text': 'hello', 'clicked': None}",
    ], form);
  });

  test("§11.1.5 fragment: interactions rerun only the fragment; st.rerun({scope: 'fragment'})", async ({ workbench: wb }) => {
    await wb.open(fidelityApp("fragment", host));
    const fragment = section(wb, "Fragment context (partial reruns and local counters)");
    const component = wb.component("in_fragment");

    await expectLines(wb, [
      "Runs: 1",
      "Fragment session state: {}",
      "Fragment Text changes: 0",
      "Fragment Clicked count: 0",
      "Fragment runs: 1",
    ], fragment);

    await causesRun(wb, () => component.getByRole("button", { name: "Set text (Fragment)" }).click());
    await expectLines(wb, [
      "Fragment session state: {'text': 'hello'}",
      "Fragment Text changes: 1",
      "Fragment runs: 2",
      "Runs: 1",
    ], fragment);

    await causesRun(wb, () => component.getByRole("button", { name: "Trigger click (Fragment)" }).click());
    await expectLines(wb, [
      "Fragment Clicked count: 1",
      "Fragment Result: {'text': 'hello', 'clicked': True}",
      "Fragment runs: 3",
      "Runs: 1",
    ], fragment);

    // A st.button inside the fragment reruns the fragment; st.rerun({scope: "fragment"}) once more.
    await causesRun(wb, () => stButton(wb, "Rerun this fragment", fragment).click(), 2);
    await expectLines(wb, ["Fragment runs: 5", "Fragment Clicked count: 1", "Fragment Result: {'text': 'hello', 'clicked': None}", "Runs: 1"], fragment);
  });

  test("§11.1.6 basic: default in result/session_state; HTML form submit sets state and the parentElement click fires a trigger", async ({ workbench: wb }) => {
    await wb.open(fidelityApp("basic", host));
    const basic = section(wb, "Basic (broad CSS + mixed state/trigger)");
    const component = wb.component("basic_component_1");

    await expect(component.getByLabel("Range")).toHaveValue("20");
    await expect(component.getByLabel("Text", { exact: true })).toHaveValue("Text input");
    await expectLines(wb, [
      "Result: {'formValues': {'range': 20, 'text': 'Text input'}, 'clicked': None}",
      "session_state: {'formValues': {'range': 20, 'text': 'Text input'}}",
      "Click count: 0",
    ], basic);

    await component.getByLabel("Range").fill("55");
    await component.getByLabel("Text", { exact: true }).fill("Updated");
    // Submit: the submit handler (state) and the click listener (trigger) run in one macrotask → one rerun.
    await causesRun(wb, () => component.getByRole("button", { name: "Submit form" }).click());
    await expectLines(wb, [
      "Result: {'formValues': {'range': '55', 'text': 'Updated'}, 'clicked': True}",
      "session_state: {'clicked': True, 'formValues': {'range': '55', 'text': 'Updated'}}",
      "Click count: 1",
    ], basic);
  });

  test("§11.1.7 typing in a component input does not fire the global rerun hotkey", async ({ workbench: wb }) => {
    await wb.open(fidelityApp("hotkey", host));
    const hotkey = section(wb, "Global hotkey interface");
    const input = wb.component("hotkey_regression_component").getByLabel("Hotkey Text");
    await expectLines(wb, ["Hotkey runs: 1"], hotkey);

    await input.focus();
    const typed = "rR r Rerun cC";
    await causesNoRun(wb, () => input.pressSequentially(typed, { delay: 30 }));
    await expect(input).toHaveValue(typed);
    await expectLines(wb, ["Hotkey runs: 1"], hotkey);

    // Control: the same key with focus in the workbench (not in an input) does rerun, so the
    // check above could have failed.
    await wb.page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    await causesRun(wb, () => wb.page.keyboard.press("r"));
    await expectLines(wb, ["Hotkey runs: 2"], hotkey);

    // And with focus on the app page itself, outside any input, as in Streamlit.
    await hotkey.click({ position: { x: 2, y: 2 } });
    await causesRun(wb, () => wb.page.keyboard.press("r"));
    await expectLines(wb, ["Hotkey runs: 3"], hotkey);
  });

  test("§11.1.8 Arrow tables one level deep in data arrive as apache-arrow Tables", async ({ workbench: wb }) => {
    await wb.open(fidelityApp("arrow", host));
    const arrow = wb.component("my_arrow_component");
    await expect(arrow).toContainText("Cols: a");
    await expect(arrow).toContainText('Rows: {"a": 1},{"a": 2},{"a": 3}');
    await expect(arrow).toContainText("Cols2: b");
    await expect(arrow).toContainText('Rows2: {"b": 4},{"b": 5},{"b": 6}');
    await expect(arrow).toContainText("Label: Hello World");
    await expectNoException(wb);
    await expect(wb.frame().locator(".stBidiComponent").getByTestId("stAlertContentError")).toHaveCount(0);
  });
});
