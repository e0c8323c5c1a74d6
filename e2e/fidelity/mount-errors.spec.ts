import { expect, test } from "../kit";
import { causesRun, exception, expectLines, expectNoException, fidelityApp, stButton } from "./helpers";

// Mount-call rules: §2 (callbacks, default, width), §4 (keys, duplicates), §5 (result attribute),
// §6 (only keyed instances in session state), §11.4g (a key containing "__").

const CASES: Array<[button: string, expected: string[]]> = [
  ["Key with __", ["BidiComponentInvalidIdError: The `base` of a bidirectional component's ID must not contain the delimiter sequence `__`"]],
  ["Duplicate key", ["StreamlitDuplicateElementKey: There are multiple elements with the same `key='dup'`"]],
  ["Duplicate unkeyed", ["StreamlitDuplicateElementId: There are multiple `bidi_component` elements with the same auto-generated ID"]],
  ["on_change callback", ["BidiComponentInvalidCallbackNameError: "]],
  ["Default without callback", ["BidiComponentInvalidDefaultKeyError: ", "Available state names: `['a']`"]],
  ["Width auto", ["StreamlitInvalidWidthError: "]],
  ["Missing result attribute", ["AttributeError: 'ComponentResult' object has no attribute 'missing'"]],
];

test("mount errors and ignored arguments: Streamlit's exception types and messages; only keyed instances in session state", async ({ workbench: wb }) => {
  await wb.open(fidelityApp("mount-errors"));
  await expectNoException(wb);
  // on_x_change="str" and foo=1 are silently ignored: no callbacks, so the result is {}.
  await expectLines(wb, ["ok result: {}", "session keys: ok", "end of script"]);
  expect(Object.keys(await wb.sessionState())).toEqual(["ok"]);

  for (const [button, expected] of CASES) {
    await test.step(button, async () => {
      await causesRun(wb, () => stButton(wb, button).click());
      // Soft: every case is checked and reported, even when an earlier one fails.
      await expect.soft(exception(wb), button).toHaveCount(1);
      for (const text of expected) await expect.soft(exception(wb).getByTestId("stExceptionMessage"), button).toContainText(text);
      await expect.soft(wb.frame().getByText("end of script"), button).toHaveCount(0);
    });
  }
});
