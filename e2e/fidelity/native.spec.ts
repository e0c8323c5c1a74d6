import { expect, test } from "../kit";
import { causesNoRun, causesRun, exception, expectLines, expectNoException, fidelityApp, forEachHost, instance, sharedWorkbench, stButton } from "./helpers";

// Issue 3 item 10: native elements with Streamlit's data-testids (docs/semantics.md Appendix A), keys,
// on_change callbacks (run before the body, seeing the new value) and session-state rules;
// st.rerun / st.stop; containers as Python's `with`.

// The script's 0.0 as each language writes it: a JavaScript number has no int/float distinction
// (docs/fidelity.md row 27).
const FLOAT_ZERO = { emulator: "0", streamlit: "0.0" } as const;
const valueLine = (key: string, value: string, changes: number, seen: string) =>
  `${key} value: ${value} · changes: ${changes} · seen: ${seen}`;

forEachHost((host) => {
  test.describe("one app", () => {
    // These three start from a page whose widgets nobody changed (the first and second cause no
    // widget change), so they share one app, in this order.
    const workbench = sharedWorkbench(fidelityApp("native", host));

    test("native elements render with Streamlit's data-testids", async () => {
      const wb = workbench();
      const f = wb.frame();
      await expectNoException(wb);
      await expect(f.getByTestId("stHeading").getByRole("heading", { name: "Native header" })).toBeVisible();
      await expect(f.getByTestId("stHeading").getByRole("heading", { name: "Native subheader" })).toBeVisible();
      await expect(f.getByTestId("stCaptionContainer")).toHaveText("Native caption");
      await expect(f.getByTestId("stText").filter({ hasText: "Native text" })).toHaveText("Native text");
      await expect(f.getByTestId("stCode")).toContainText("const answer = 42;");
      await expect(f.getByTestId("stMarkdown").locator("hr")).toHaveCount(1);
      for (const [kind, text] of [["Info", "Info alert"], ["Success", "Success alert"], ["Warning", "Warning alert"], ["Error", "Error alert"]]) {
        await expect(f.getByTestId("stAlert").getByTestId("stAlertContainer").getByTestId(`stAlertContent${kind}`), kind).toContainText(text);
      }
      await expect(f.getByTestId("stCheckbox")).toHaveCount(3);
      await expect(f.getByTestId("stSlider")).toHaveCount(1);
      await expect(f.getByTestId("stSlider").getByTestId("stSliderThumbValue")).toHaveText("3");
      const number = f.getByTestId("stNumberInput").getByTestId("stNumberInputContainer");
      // No number given: a float widget, as in Python (0.0, step 0.01, "%0.2f").
      await expect(number.getByTestId("stNumberInputField")).toHaveValue("0.00");
      await expect(f.getByTestId("stNumberInput").getByTestId("stNumberInputStepUp")).toHaveCount(1);
      await expect(f.getByTestId("stNumberInput").getByTestId("stNumberInputStepDown")).toHaveCount(1);
      await expect(f.getByTestId("stSelectbox")).toHaveCount(1);
      await expect(f.getByTestId("stRadio").getByTestId("stRadioGroup").getByTestId("stRadioOption")).toHaveCount(3);
      await expect(f.getByTestId("stTextArea").getByTestId("stTextAreaRootElement").locator("textarea")).toHaveCount(1);
      await expect(f.getByTestId("stWidgetLabel").filter({ hasText: "Notes" })).toHaveCount(1);

      const columns = f.getByTestId("stHorizontalBlock").getByTestId("stColumn");
      await expect(columns).toHaveCount(3);
      for (const i of [0, 1, 2]) await expect(columns.nth(i)).toContainText(`column ${i + 1}`);
      await expect(f.getByTestId("stLayoutWrapper").getByTestId("stVerticalBlock").filter({ hasText: "inside a bordered container" })).toHaveCount(1);
      const expander = f.getByTestId("stExpander");
      await expect(expander.getByText("inside the expander")).toBeHidden();
      await causesNoRun(wb, () => expander.getByText("More details").click());
      await expect(expander.getByTestId("stExpanderDetails").getByText("inside the expander")).toBeVisible();
      const sidebar = f.getByTestId("stSidebar").getByTestId("stSidebarContent").getByTestId("stSidebarUserContent");
      await expect(sidebar).toContainText("inside the sidebar");
      await expect(sidebar.getByTestId("stCheckbox")).toHaveCount(1);
    });

    test("st.rerun ends the run and starts another; st.stop ends it quietly", async () => {
      const wb = workbench();
      await expectLines(wb, ["body runs: 1"]);
      await causesRun(wb, () => stButton(wb, "st.rerun once").click(), 2);
      await expectLines(wb, ["body runs: 3", "end of script"]);
      expect((await wb.sessionState()).reran).toBe(1);

      await causesRun(wb, () => stButton(wb, "st.stop here").click());
      await expectLines(wb, ["body runs: 4", "before stop"]);
      await expect(wb.frame().getByText("end of script")).toHaveCount(0);
      await expectNoException(wb);
    });

    test("native widgets: session-state writes before the widget set its value without a callback; after it they raise", async () => {
      const wb = workbench();
      const f = wb.frame();
      await causesRun(wb, () => stButton(wb, "Preset via session_state").click());
      await expectLines(wb, [valueLine("cb", "True", 0, "None"), valueLine("ni", "42", 0, "None"), valueLine("rd", "'z'", 0, "None")]);
      await expect(f.getByTestId("stCheckbox").filter({ hasText: "Check me" }).locator("input")).toBeChecked();
      await expect(f.getByTestId("stNumberInputField")).toHaveValue("42.00");
      await expect(f.getByTestId("stRadio").getByRole("radio", { name: "z" })).toBeChecked();
      expect(await wb.sessionState()).toMatchObject({ cb: true, ni: 42, rd: "z", cb_changes: 0, ni_changes: 0, rd_changes: 0 });

      await causesRun(wb, () => stButton(wb, "Write ni after widget").click());
      await expect(exception(wb)).toHaveCount(1);
      await expect(exception(wb).getByTestId("stExceptionMessage")).toContainText(
        "streamlit.errors.StreamlitWidgetAlreadyInstantiatedError: st.session_state.ni cannot be modified after the widget with key ni is instantiated.",
      );
      await expect(f.getByText("end of script")).toHaveCount(0);
    });
  });

  test("native widgets: keys, on_change (before the body, seeing the new value), session state", async ({ workbench: wb }) => {
    const floatZero = FLOAT_ZERO[host];
    await wb.open(fidelityApp("native", host));
    const f = wb.frame();
    await expectLines(wb, [
      valueLine("cb", "False", 0, "None"),
      valueLine("tg", "False", 0, "None"),
      valueLine("sl", "3", 0, "None"),
      valueLine("ni", floatZero, 0, "None"),
      valueLine("sb", "'a'", 0, "None"),
      valueLine("rd", "'x'", 0, "None"),
      valueLine("ta", "''", 0, "None"),
    ]);

    await causesRun(wb, () => f.getByTestId("stCheckbox").filter({ hasText: "Check me" }).getByText("Check me").click());
    await expectLines(wb, [valueLine("cb", "True", 1, "True")]);

    await causesRun(wb, () => f.getByTestId("stCheckbox").filter({ hasText: "Toggle me" }).getByText("Toggle me").click());
    await expectLines(wb, [valueLine("tg", "True", 1, "True")]);

    await causesRun(wb, () => f.getByTestId("stSlider").getByRole("slider").press("ArrowRight"));
    await expectLines(wb, [valueLine("sl", "4", 1, "4")]);
    await expect(f.getByTestId("stSlider").getByTestId("stSliderThumbValue")).toHaveText("4");

    await causesRun(wb, () => f.getByTestId("stNumberInput").getByTestId("stNumberInputStepUp").click());
    await expectLines(wb, [valueLine("ni", "0.01", 1, "0.01")]);
    await expect(f.getByTestId("stNumberInputField")).toHaveValue("0.01");

    // Streamlit's selectbox: a combobox input opening a listbox of options.
    await f.getByTestId("stSelectbox").getByRole("combobox").click();
    await causesRun(wb, () => f.getByTestId("stSelectboxVirtualDropdown").getByRole("option", { name: "b", exact: true }).click());
    await expectLines(wb, [valueLine("sb", "'b'", 1, "'b'")]);

    await causesRun(wb, () => f.getByTestId("stRadio").getByText("y", { exact: true }).click());
    await expectLines(wb, [valueLine("rd", "'y'", 1, "'y'")]);

    const textarea = f.getByTestId("stTextArea").locator("textarea");
    await textarea.fill("hello");
    await causesRun(wb, () => textarea.blur());
    await expectLines(wb, [valueLine("ta", "'hello'", 1, "'hello'")]);

    const state = await wb.sessionState();
    expect(state).toMatchObject({ cb: true, tg: true, sl: 4, ni: 0.01, sb: "b", rd: "y", ta: "hello" });
    expect(state).toMatchObject({ cb_changes: 1, tg_changes: 1, sl_changes: 1, ni_changes: 1, sb_changes: 1, rd_changes: 1, ta_changes: 1 });

    // A widget in the sidebar works the same.
    await causesRun(wb, () => f.getByTestId("stSidebar").getByText("Sidebar box").click());
    await expectLines(wb, ["side_cb value: True"]);

    // An unrelated rerun keeps every value and fires nothing.
    await causesRun(wb, () => stButton(wb, "Unrelated rerun").click());
    await expectLines(wb, [
      valueLine("cb", "True", 1, "True"),
      valueLine("tg", "True", 1, "True"),
      valueLine("sl", "4", 1, "4"),
      valueLine("ni", "0.01", 1, "0.01"),
      valueLine("sb", "'b'", 1, "'b'"),
      valueLine("rd", "'y'", 1, "'y'"),
      valueLine("ta", "'hello'", 1, "'hello'"),
    ]);
  });

  test("container.with(body): a component mounted by a wrapper through the global st lands in the column / form / sidebar / expander", async ({ workbench: wb }) => {
    await wb.open(fidelityApp("containers", host));
    const f = wb.frame();
    await expectNoException(wb);
    const columns = f.getByTestId("stHorizontalBlock").first().getByTestId("stColumn");
    await expect(columns.nth(0)).toContainText("left column");
    await expect(instance(wb, "in_col", columns.nth(0))).toHaveCount(0);
    await expect(instance(wb, "in_col", columns.nth(1))).toHaveCount(1);
    await expect(instance(wb, "in_form", f.getByTestId("stForm"))).toHaveCount(1);
    await expect(instance(wb, "in_sidebar", f.getByTestId("stSidebar"))).toHaveCount(1);
    await expect(instance(wb, "in_expander", f.getByTestId("stExpander").getByTestId("stExpanderDetails"))).toHaveCount(1);
    await expect(instance(wb, "in_nested", f.getByTestId("stLayoutWrapper").getByTestId("stColumn"))).toHaveCount(1);
    for (const container of ["stForm", "stSidebar", "stExpander", "stColumn", "stLayoutWrapper"]) {
      await expect(instance(wb, "in_main", f.getByTestId(container)), container).toHaveCount(0);
    }
    await expect(instance(wb, "in_main")).toHaveCount(1);

    // `with` returns the body's value: the column's component result.
    await causesRun(wb, () => wb.component("in_col").getByRole("button", { name: "Set from in_col" }).click());
    await expectLines(wb, ["in_col result: {'where': 'in_col'}"]);

    // The component inside the form waits for the submit.
    await causesNoRun(wb, () => wb.component("in_form").getByRole("button", { name: "Set from in_form" }).click());
    await expectLines(wb, ["in_form session: {}"]);
    await causesRun(wb, () => f.getByTestId("stFormSubmitButton").getByRole("button", { name: "Submit the form" }).click());
    await expectLines(wb, ["in_form session: {'where': 'in_form'}"]);
  });
});
