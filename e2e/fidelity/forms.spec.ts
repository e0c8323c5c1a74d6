import { expect, test } from "../kit";
import { fidelityApp, forEachHost, line } from "./helpers";

forEachHost((host) => {
  test("st.form(clear_on_submit): the field shows its default after the submit, the script keeps the submitted value until the next submit", async ({ workbench: wb }) => {
    await wb.open(fidelityApp("clear-on-submit", host));
    const input = wb.frame().getByTestId("stTextInputField");
    const submit = wb.frame().getByTestId("stFormSubmitButton").getByRole("button", { name: "Sign up" });
    await expect(input).toHaveValue("anonymous");
    await expect(line(wb, "Submitted:")).toHaveText("Submitted: False, name: anonymous");

    const runs = (await wb.status()).runCount;
    await input.fill("Ada");
    await input.blur();
    await wb.waitForIdle();
    expect((await wb.status()).runCount, "typing in a form does not rerun").toBe(runs);

    await submit.click();
    await wb.waitForIdle({ minRunCount: runs + 1 });
    await expect(line(wb, "Submitted:")).toHaveText("Submitted: True, name: Ada");
    await expect(input).toHaveValue("anonymous");

    // Only the browser reset the field: any other rerun still carries the submitted value.
    await wb.rerun();
    await expect(line(wb, "Submitted:")).toHaveText("Submitted: False, name: Ada");
    await expect(input).toHaveValue("anonymous");

    // The next submit sends what the field shows.
    const before = (await wb.status()).runCount;
    await submit.click();
    await wb.waitForIdle({ minRunCount: before + 1 });
    await expect(line(wb, "Submitted:")).toHaveText("Submitted: True, name: anonymous");
  });
});
