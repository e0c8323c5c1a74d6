import { expect, test } from "../kit";
import { fidelityApp, line } from "./helpers";

test("st.form(clear_on_submit): the submit run gets the typed value, then the input shows its default again", async ({ workbench: wb }) => {
  await wb.open(fidelityApp("clear-on-submit"));
  const input = wb.frame().getByTestId("stTextInputField");
  await expect(input).toHaveValue("anonymous");
  await expect(line(wb, "Submitted:")).toHaveText("Submitted: false, name: anonymous");

  const runs = (await wb.status()).runCount;
  await input.fill("Ada");
  await input.blur();
  await wb.waitForIdle();
  expect((await wb.status()).runCount, "typing in a form does not rerun").toBe(runs);

  await wb.frame().getByTestId("stFormSubmitButton").getByRole("button", { name: "Sign up" }).click();
  await wb.waitForIdle({ minRunCount: runs + 1 });
  await expect(line(wb, "Submitted:")).toHaveText("Submitted: true, name: Ada");
  await expect(input).toHaveValue("anonymous");

  await wb.rerun();
  await expect(line(wb, "Submitted:")).toHaveText("Submitted: false, name: anonymous");
});
