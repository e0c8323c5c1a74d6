import { join } from "node:path";
import type { FrameLocator, Locator } from "@playwright/test";
import { causesNoRun, causesRun, expectMarkdown } from "./fidelity/helpers";
import { expect, test, type Workbench } from "./kit";

// Issue 9 item 6: native widgets that drive like Streamlit's. Each test ports one of Streamlit's
// widget e2e tests (e2e_playwright/st_*_test.py) with its locators, clicks and key presses, and
// asserts the values Streamlit's app prints.
const APP = join(__dirname, "apps", "native-streamlit.ts");

/** app_utils.get_selectbox / get_slider / …: the widget whose text has the label. */
const widget = (f: FrameLocator | Locator, testId: string, label: string) => f.getByTestId(testId).filter({ hasText: label });
const selectboxInput = (f: FrameLocator, label: string) => widget(f, "stSelectbox", label).locator("input").first();

let wb: Workbench;
let f: FrameLocator;
test.beforeEach(async ({ workbench }) => {
  wb = workbench;
  await wb.open(APP);
  f = wb.frame();
});

test.describe("st.selectbox (st_selectbox_test.py)", () => {
  test("has the initial values", async () => {
    for (const text of ["value 1: male", "value 4: e2e/scripts/components_iframe.py", "value 8: female", "selectbox changed: False", "value 9: None"]) {
      await expectMarkdown(f, text);
    }
  });

  test("handles option selection via the dropdown", async () => {
    await selectboxInput(f, "selectbox 4 (more options)").click();
    const dropdown = f.locator('[data-baseweb="popover"]').first();
    await expect(dropdown.getByTestId("stSelectboxVirtualDropdown")).toHaveAttribute("role", "listbox");
    await expect(dropdown.getByRole("option")).toHaveCount(4);
    await causesRun(wb, () => dropdown.locator("li").nth(1).click());
    await expectMarkdown(f, "value 4: e2e/scripts/st_warning.py");
    await expect(f.locator('[data-baseweb="popover"]')).toHaveCount(0);
  });

  test("handles option selection via typing", async () => {
    const input = selectboxInput(f, "selectbox 4 (more options)");
    await input.pressSequentially("e2e/scripts/st_warning.py");
    await causesRun(wb, () => input.press("Enter"));
    await expectMarkdown(f, "value 4: e2e/scripts/st_warning.py");
  });

  test("shows the fuzzy-matched options while typing", async () => {
    await selectboxInput(f, "selectbox 4 (more options)").pressSequentially("exp");
    // fzy matches e-x-p in-order: st_expander.py and st_exception.py, not the other two.
    await expect(f.locator('[data-baseweb="popover"]').first().getByRole("option")).toHaveText(["e2e/scripts/st_expander.py", "e2e/scripts/st_exception.py"]);
  });

  test("an empty selectbox takes a typed option, and Escape empties it again", async () => {
    const input = selectboxInput(f, "selectbox 9 (empty selection)");
    await expect(widget(f, "stSelectbox", "selectbox 9 (empty selection)")).toContainText("Choose an option");
    await input.pressSequentially("male");
    await causesRun(wb, () => input.press("Enter"));
    await expectMarkdown(f, "value 9: male");
    await input.focus();
    await causesRun(wb, () => input.press("Escape"));
    await expectMarkdown(f, "value 9: None");
  });

  test("keeps the value when the dropdown closes by clicking away", async () => {
    await selectboxInput(f, "selectbox 4 (more options)").click();
    await expect(f.locator('[data-baseweb="popover"]').first()).toBeVisible();
    await causesNoRun(wb, () => f.getByTestId("stMarkdown").first().click());
    await expect(f.locator('[data-baseweb="popover"]')).toHaveCount(0);
    await expectMarkdown(f, "value 4: e2e/scripts/components_iframe.py");
  });

  test("calls the on_change callback", async () => {
    await selectboxInput(f, "selectbox 8 (with callback, help)").click();
    await causesRun(wb, () => f.locator('[data-baseweb="popover"]').first().locator("li").first().click());
    await expectMarkdown(f, "value 8: male");
    await expectMarkdown(f, "selectbox changed: True");

    const other = selectboxInput(f, "selectbox 1 (default)");
    await other.pressSequentially("female");
    await causesRun(wb, () => other.press("Enter"));
    await expectMarkdown(f, "value 1: female");
    await expectMarkdown(f, "value 8: male");
    await expectMarkdown(f, "selectbox changed: False");
  });

  test("Backspace edits the selected label, and clicking away restores it", async () => {
    const box = widget(f, "stSelectbox", "selectbox 14 (test dismiss behavior)");
    const input = box.locator("input");
    await input.click();
    for (let i = 0; i < 3; i++) await input.press("Backspace");
    await input.pressSequentially("xyz");
    await expect(input).toHaveValue("mxyz");
    await causesNoRun(wb, () => f.getByTestId("stMarkdownContainer").getByText("selectbox 14 (test dismiss behavior)").click());
    await expect(box).toContainText("male");
    await expectMarkdown(f, "value 14: male");
  });

  test("picks an option by role, as select_selectbox_option does", async () => {
    await widget(f, "stSelectbox", "selectbox 1 (default)").locator("input").click();
    await causesRun(wb, () => f.getByRole("option", { name: "female", exact: true }).click());
    await expectMarkdown(f, "value 1: female");
  });
});

test.describe("st.multiselect (st_multiselect_test.py)", () => {
  /** st_multiselect_test.py's select_for_kth_multiselect. */
  async function selectFor(k: number, option: string, closeAfterSelecting: boolean) {
    const multiselect = f.getByTestId("stMultiSelect").nth(k);
    await multiselect.locator("input").click();
    await causesRun(wb, () => f.locator("li").filter({ hasText: option }).first().click());
    if (closeAfterSelecting) await wb.page.keyboard.press("Escape");
  }

  test("has the initial values and placeholders", async () => {
    await expectMarkdown(f, "multiselect value 1: []");
    await expectMarkdown(f, "multiselect value 2: ['female']");
    await expect(f.getByTestId("stMultiSelect").nth(0)).toContainText("Choose options");
    await expect(f.getByTestId("stMultiSelect").nth(1).locator('span[data-baseweb="tag"]')).toHaveText(["female"]);
  });

  test("selects options one after the other with the dropdown left open, and deletes them by their tag", async () => {
    await selectFor(0, "female", false);
    await expect(f.locator('[data-baseweb="popover"]').getByRole("option")).toHaveText(["male"]);
    await causesRun(wb, () => f.locator("li").filter({ hasText: "male" }).first().click());
    await wb.page.keyboard.press("Escape");
    await expectMarkdown(f, "multiselect value 1: ['female', 'male']");
    const tags = f.getByTestId("stMultiSelect").nth(0).locator('span[data-baseweb="tag"]');
    await expect(tags).toHaveText(["female", "male"]);
    await causesRun(wb, () => f.getByTestId("stMultiSelect").nth(0).locator('span[data-baseweb="tag"] span[role="presentation"]').first().click());
    await expectMarkdown(f, "multiselect value 1: ['male']");
    await causesRun(wb, () => f.getByTestId("stMultiSelect").nth(0).getByRole("button", { name: "Clear all" }).click());
    await expectMarkdown(f, "multiselect value 1: []");
  });

  test("typing filters the options; max_selections stops further picks with Streamlit's notice", async () => {
    const input = f.getByTestId("stMultiSelect").nth(2).locator("input");
    await input.pressSequentially("wa");
    await expect(f.locator('[data-baseweb="popover"]').getByRole("option")).toHaveText(["Water"]);
    await causesRun(wb, () => input.press("Enter"));
    await selectFor(2, "Tea", false);
    await expectMarkdown(f, "multiselect value 3: ['Water', 'Tea']");
    await expect(f.locator('[data-baseweb="popover"]').getByRole("option")).toHaveCount(0);
    await expect(f.locator('[data-baseweb="popover"]')).toHaveText("You can only select up to 2 options. Remove an option first.");
  });
});

test.describe("st.checkbox, st.toggle, st.radio, st.number_input", () => {
  test("checkbox and toggle flip on a click of the widget (app_utils.click_checkbox / click_toggle)", async () => {
    await expectMarkdown(f, "checkbox 1: True");
    await causesRun(wb, () => widget(f, "stCheckbox", "checkbox 1 (True)").click());
    await expectMarkdown(f, "checkbox 1: False");
    await expect(widget(f, "stCheckbox", "checkbox 1 (True)").getByRole("checkbox")).not.toBeChecked();
    await causesRun(wb, () => widget(f, "stCheckbox", "toggle 1 (False)").click());
    await expectMarkdown(f, "toggle 1: True");
    await expect(widget(f, "stCheckbox", "toggle 1 (False)").getByRole("switch")).toBeChecked();
  });

  test("radio: a click on the option's baseweb label selects it (st_radio_test.py)", async () => {
    await expectMarkdown(f, "radio 1: female");
    const radio = widget(f, "stRadio", "radio 1");
    await expect(radio.getByRole("radiogroup").getByRole("radio")).toHaveCount(2);
    await causesRun(wb, () => radio.locator('label[data-baseweb="radio"]').nth(1).click({ force: true }));
    await expectMarkdown(f, "radio 1: male");
    await expect(radio.getByRole("radio", { name: "male", exact: true })).toBeChecked();
  });

  test("number input: fill + Enter, the step buttons and ArrowUp/ArrowDown (st_number_input_test.py)", async () => {
    const number = widget(f, "stNumberInput", "number input 1");
    const input = number.locator("input");
    await input.fill("8");
    await causesRun(wb, () => input.press("Enter"));
    await expectMarkdown(f, "number input 1: 8");
    await causesRun(wb, () => number.getByTestId("stNumberInputStepUp").click());
    await expectMarkdown(f, "number input 1: 9");
    await causesRun(wb, () => input.press("ArrowUp"));
    await expectMarkdown(f, "number input 1: 10");
    await expect(number.getByTestId("stNumberInputStepUp")).toBeDisabled();
    await causesRun(wb, () => input.press("ArrowDown"));
    await expectMarkdown(f, "number input 1: 9");
    await causesRun(wb, () => number.getByTestId("stNumberInputStepDown").click());
    await expectMarkdown(f, "number input 1: 8");
  });
});

test.describe("st.slider (st_slider_test.py)", () => {
  test("a click in the middle of a slider and a range slider moves the nearest thumb there", async () => {
    await expectMarkdown(f, "Value B: 10000");
    await expectMarkdown(f, "Range Value B: (10000, 25000)");
    await widget(f, "stSlider", "Label B").hover();
    await causesRun(wb, async () => {
      await wb.page.mouse.down();
      await wb.page.mouse.up();
    });
    await widget(f, "stSlider", "Range B").hover();
    await causesRun(wb, async () => {
      await wb.page.mouse.down();
      await wb.page.mouse.up();
    });
    await expectMarkdown(f, "Value B: 17500");
    await expectMarkdown(f, "Range Value B: (17500, 25000)");
  });

  test("dragging past the left edge gives the minimum; dragging alone does not rerun", async () => {
    const slider = widget(f, "stSlider", "Label 8");
    await slider.hover();
    // Streamlit's test drags to the page's (0, 0); here that point is outside the preview frame,
    // so the drag ends just left of the slider, still inside the app.
    const box = (await slider.boundingBox())!;
    await causesNoRun(wb, async () => {
      await wb.page.mouse.down();
      await wb.page.mouse.move(box.x - 40, box.y + box.height / 2, { steps: 5 });
    });
    await expect(slider.getByTestId("stSliderThumbValue")).toHaveText("0");
    await causesRun(wb, () => wb.page.mouse.up());
    await expectMarkdown(f, "Value 8: 0");
  });

  test("arrow keys after a press step the value", async () => {
    const slider = widget(f, "stSlider", "Label 8");
    await slider.hover();
    await wb.page.mouse.down();
    await causesRun(wb, () => wb.page.keyboard.press("ArrowRight"));
    await expectMarkdown(f, "Value 8: 51");
    await causesRun(wb, () => wb.page.keyboard.press("ArrowLeft"));
    await expectMarkdown(f, "Value 8: 50");
    await wb.page.mouse.up();
  });

  test("calls the callback; the thumb is a role=slider with Streamlit's aria values", async () => {
    await expectMarkdown(f, "Value 8: 25");
    await expectMarkdown(f, "Slider changed: False");
    const slider = widget(f, "stSlider", "Label 8");
    await causesRun(wb, () => slider.click());
    await expectMarkdown(f, "Value 8: 50");
    await expectMarkdown(f, "Slider changed: True");
    const thumb = slider.getByRole("slider");
    await expect(thumb).toHaveAttribute("aria-valuenow", "50");
    await expect(thumb).toHaveAttribute("aria-valuemin", "0");
    await expect(thumb).toHaveAttribute("aria-valuemax", "100");
    await expect(slider.getByTestId("stSliderTickBar")).toBeVisible();
    await expect(slider.getByTestId("stSliderTickBarMin")).toHaveText("0");
    await expect(slider.getByTestId("stSliderTickBarMax")).toHaveText("100");
    await causesRun(wb, () => thumb.press("End"));
    await expectMarkdown(f, "Value 8: 100");
    await causesRun(wb, () => thumb.press("PageDown"));
    await expectMarkdown(f, "Value 8: 90");
    await causesRun(wb, () => thumb.press("Home"));
    await expectMarkdown(f, "Value 8: 0");
  });

  test("a float slider steps by its step and shows two decimals", async () => {
    const slider = widget(f, "stSlider", "Slider 11 (float)");
    await expect(slider.getByTestId("stSliderThumbValue")).toHaveText("0.50");
    await causesRun(wb, () => slider.getByRole("slider").press("ArrowRight"));
    await expectMarkdown(f, "Slider 11: 0.6");
    await expect(slider.getByTestId("stSliderThumbValue")).toHaveText("0.60");
  });

  test("works in forms: the value is submitted with the form", async () => {
    await expectMarkdown(f, "slider-in-form selection: 25");
    await causesNoRun(wb, () => widget(f, "stSlider", "Label 9").click());
    await expectMarkdown(f, "slider-in-form selection: 25");
    await causesRun(wb, () => f.getByTestId("stFormSubmitButton").getByRole("button", { name: "Submit" }).click());
    await expectMarkdown(f, "slider-in-form selection: 50");
  });
});
