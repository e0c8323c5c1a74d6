import { expect, test } from "../kit";
import { causesRun, exception, expectLines, expectNoException, fidelityApp, forEachHost, stButton } from "./helpers";

// Mount-call rules: §2 (callbacks, default, width), §4 (keys, duplicates), §5 (result attribute),
// §6 (only keyed instances in session state), §11.4g (a key containing "__").

// The exception box as Streamlit 1.64.0 shows an uncaught exception: the class with its module
// (built-ins bare), then the message, which for Streamlit's own exceptions is Markdown (so the
// backticks of Python's message text become code spans and are not part of the page's text).
const CASES: Array<[button: string, expected: string[]]> = [
  ["Key with __", ["streamlit.errors.BidiComponentInvalidIdError: The base of a bidirectional component's ID must not contain the delimiter sequence __."]],
  ["Duplicate key", ["streamlit.errors.StreamlitDuplicateElementKey: There are multiple elements with the same key='dup'. To fix this, please make sure that the key argument is unique for each element you create."]],
  ["Duplicate unkeyed", ["streamlit.errors.StreamlitDuplicateElementId: There are multiple bidi_component elements with the same auto-generated ID."]],
  [
    "on_change callback",
    ["streamlit.errors.BidiComponentInvalidCallbackNameError: The callback name 'on_change' is not allowed. Callback names must follow the pattern on_{event_name}_change where event_name is not empty."],
  ],
  [
    "Default without callback",
    ["streamlit.errors.BidiComponentInvalidDefaultKeyError: Key 'b' in default is not a valid state name. Valid state names are those with corresponding on_{state_name}_change callbacks. Available state names: ['a']"],
  ],
  ["Width auto", ["streamlit.errors.StreamlitInvalidWidthError: Invalid width value: 'auto'. Width must be either a positive integer (pixels), 'stretch', or 'content'."]],
  ["Missing result attribute", ["AttributeError: 'ComponentResult' object has no attribute 'missing'"]],
];

forEachHost((host) => {
  test("mount errors and ignored arguments: Streamlit's exception types and messages; only keyed instances in session state", async ({ workbench: wb }) => {
    await wb.open(fidelityApp("mount-errors", host));
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
});
