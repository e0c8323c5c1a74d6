import { expect, test } from "./kit";
import { THROWS_APP, lineOf } from "./apps";

test("a script that throws shows the exception box pointing at the .ts line", async ({ workbench }) => {
  await workbench.open(THROWS_APP);
  const exception = workbench.frame().getByTestId("stException");

  await expect(workbench.frame().getByTestId("stMarkdown")).toHaveText("before the error");
  await expect(exception.getByTestId("stExceptionMessage")).toContainText("boom from throws.ts");
  const line = lineOf(THROWS_APP, 'throw new Error("boom');
  await expect(exception.getByTestId("stExceptionTraceRow").first()).toContainText(`throws.ts:${line}`);
});
