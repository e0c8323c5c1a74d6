import { expect, test } from "../kit";
import { causesRun, exception, expectNoException, fidelityApp, forEachHost, stButton } from "./helpers";

// Streamlit's session_state_interactions_test.py and error_handling_test.py (docs/semantics.md §11.1).

forEachHost((host) => {
  test("§11.1 session_state_interactions flow: data feedback, writes before mount, write after mount raises, recovery", async ({ workbench: wb }) => {
    await wb.open(fidelityApp("session-state-interactions", host));
    const component = wb.component("my_text_input");
    const label = component.locator("label");
    const input = component.locator("input#txt");

    // 1) Initial render: label and value come from `data`.
    await expect(label).toHaveText("Enter something");
    await expect(input).toHaveValue("Initial Text");
    await expectNoException(wb);
    // Keyed, never set by the browser, no default, no callbacks: present and empty.
    expect((await wb.sessionState()).my_text_input).toEqual({});

    // 2) User submit (type + Enter)
    await input.fill("Foo");
    await causesRun(wb, () => input.press("Enter"));
    await expect(input).toHaveValue("Foo");
    await expectNoException(wb);
    expect((await wb.sessionState()).my_text_input).toEqual({ value: "Foo" });

    // 3) Python updates flow back to the component through `data`.
    await causesRun(wb, () => stButton(wb, "Make it say Hello World").click());
    await expect(input).toHaveValue("Hello World");
    expect((await wb.sessionState()).my_text_input).toEqual({ value: "Hello World" });

    // 4) Clear via Python
    await causesRun(wb, () => stButton(wb, "Clear text").click());
    await expect(input).toHaveValue("");
    expect((await wb.sessionState()).my_text_input).toEqual({ value: "" });

    // 5) Post-mount mutation raises.
    await causesRun(wb, () => stButton(wb, "Should throw an error").click());
    await expect(exception(wb)).toHaveCount(1);
    await expect(exception(wb).getByTestId("stExceptionMessage")).toContainText("cannot be modified");
    await expect(exception(wb).getByTestId("stExceptionMessage")).toContainText(
      "streamlit.errors.StreamlitAPIException: st.session_state.my_text_input.value cannot be modified after the component with key my_text_input is instantiated.",
    );

    // 6) Recovery: a valid user submit works again.
    await input.fill("Bar");
    await causesRun(wb, () => input.press("Enter"));
    await expect(input).toHaveValue("Bar");
    await expectNoException(wb);
    expect((await wb.sessionState()).my_text_input).toEqual({ value: "Bar" });
  });

  test("§11.1 error handling: missing default export renders the BidiComponent Error; a non-string css raises", async ({ workbench: wb }) => {
    await wb.open(fidelityApp("error-handling", host));
    // Streamlit's ErrorElement: the error alert in place of the instance (it has no test id of its own).
    const componentError = wb.frame().locator(".stBidiComponent").getByTestId("stAlertContentError");
    await expect(componentError).toHaveCount(1);
    await expect(componentError).toContainText("BidiComponent Error: JS module does not have a default export function.");

    const message = exception(wb).getByTestId("stExceptionMessage");
    await expect(exception(wb)).toHaveCount(1);
    // §1: StreamlitInvalidParameterTypeError, naming the value's class (Python's PosixPath, the script's Object).
    await expect(message).toContainText(
      `streamlit.errors.StreamlitInvalidParameterTypeError: Invalid css type. Expected one of: str, None. Provided type: ${host === "streamlit" ? "PosixPath" : "Object"}. Pass a string path or glob.`,
    );
  });
});
