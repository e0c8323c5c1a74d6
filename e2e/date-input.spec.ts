import { join } from "node:path";
import type { FrameLocator } from "@playwright/test";
import { causesRun, expectMarkdown } from "./fidelity/helpers";
import { expect, test, type Workbench } from "./kit";

// st.date_input driven as Streamlit's e2e_playwright/st_date_input_test.py drives its baseweb
// DatePicker: click the widget's input, then a day of the `[data-baseweb="calendar"]` popover by
// its aria-label; the values are the app's printed lines (e2e/apps/date-input.ts).
const APP = join(__dirname, "apps", "date-input.ts");

const dateInput = (f: FrameLocator, label: string) => f.getByTestId("stDateInput").filter({ hasText: label });
const calendarDay = (f: FrameLocator, label: string) => f.locator(`[data-baseweb="calendar"] [aria-label^="${label}"]`).first();

let wb: Workbench;
let f: FrameLocator;
test.beforeEach(async ({ workbench }) => {
  wb = workbench;
  await wb.open(APP);
  f = wb.frame();
});

test("has the initial values, shown in each input's format", async () => {
  for (const text of ["Value 1: 1970-01-01", "Value 5: (2019-07-06, 2019-07-08)", "Value 9: 1970-01-01", "Value 12: 1970-01-01", "Date Input Changed: False"]) {
    await expectMarkdown(f, text);
  }
  await expect(dateInput(f, "Single date with format").locator('[data-baseweb="input"] input')).toHaveValue("01-01-1970");
  await expect(dateInput(f, "Range, two dates").locator('[data-baseweb="input"] input')).toHaveValue("2019/07/06 – 2019/07/08");
});

test("handles date selection, a range's start then end, and calls the callback", async () => {
  await dateInput(f, "Single date").first().locator("input").click();
  await causesRun(wb, () => calendarDay(f, "Choose Friday, January 2nd 1970.").click());
  await expectMarkdown(f, "Value 1: 1970-01-02");
  await expect(f.locator('[data-baseweb="calendar"]')).toHaveCount(0);

  await dateInput(f, "Range, two dates").locator("input").click();
  await causesRun(wb, () => calendarDay(f, "Choose Wednesday, July 10th 2019.").click());
  await expectMarkdown(f, "Value 5: (2019-07-10)");
  await causesRun(wb, () => calendarDay(f, "Choose Friday, July 12th 2019.").click());
  await expectMarkdown(f, "Value 5: (2019-07-10, 2019-07-12)");

  await dateInput(f, "Single date with callback").locator("input").click();
  await causesRun(wb, () => calendarDay(f, "Choose Friday, January 2nd 1970.").click());
  await expectMarkdown(f, "Value 12: 1970-01-02");
  await expectMarkdown(f, "Date Input Changed: True");
});
