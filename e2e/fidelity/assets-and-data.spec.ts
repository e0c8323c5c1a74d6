import { expect, test } from "../kit";
import { causesRun, exception, expectLines, expectNoException, fidelityApp, stButton } from "./helpers";

// §11.4h (one-line strings are paths; Loopwright reads them next to the script, docs/fidelity.md
// row 2), §11.4i–j and issue 3 item 5 (`data` serialization; docs/fidelity.md row 3).

test("§11.4h one-line html/css/js are paths read next to the app; css becomes a <link>; a missing file raises naming it", async ({ workbench: wb }) => {
  await wb.open(fidelityApp("assets"));
  const files = wb.component("files");
  await expectNoException(wb);
  await expect(files.locator(".out")).toHaveText("Loaded from hello.js for from_files");
  await expect(files.locator('link[rel="stylesheet"]')).toHaveCount(1);
  await expect(files.locator("style")).toHaveCount(0);
  await expect(files.locator(".out")).toHaveCSS("color", "rgb(10, 20, 30)");

  const message = exception(wb).getByTestId("stExceptionMessage");
  await causesRun(wb, () => stButton(wb, "Missing js path").click());
  await expect(exception(wb)).toHaveCount(1);
  await expect(message).toContainText("StreamlitAPIException: ");
  await expect(message).toContainText("missing.js");

  // Python: a one-line inline JS containing "/" is a path (and raises the asset_dir error there).
  await causesRun(wb, () => stButton(wb, "One-line inline JS with a slash").click());
  await expect(exception(wb)).toHaveCount(1);
  await expect(message).toContainText("StreamlitAPIException: ");
  await expect(message).toContainText("export default function () { return 1/2 }");
});

test("§11.4i–j data: Date → ISO string with a warning naming the path; top-level table → Uint8Array, nested → Table; bytes", async ({ workbench: wb }) => {
  await wb.open(fidelityApp("data"));
  await expectNoException(wb);
  await expect(wb.component("dated")).toHaveText('{when: string "2024-01-02T03:04:05.000Z"; n: number 1; nan: null}');
  // A top-level table is the raw Arrow IPC bytes (stream: continuation marker; file: "ARROW1").
  await expect(wb.component("arrow_top")).toHaveText(/^Uint8Array\(\d+\) \[(255,255,255,255|65,82,82,79,87,49)/);
  await expect(wb.component("arrow_nested")).toHaveText('{t: Table rows=3 cols=a data={"a": 1},{"a": 2},{"a": 3}; label: string "x"}');
  await expect(wb.component("bytes")).toHaveText("Uint8Array(3) [1,2,3]");
  await expect(wb.component("buffer")).toHaveText("Uint8Array(2) [4,5]");
  await expect(wb.component("plain")).toHaveText('{list: [number 1, string "two", boolean true, null]; nested: {deep: [{x: number 1}]}}');

  const warnings = await wb.logEntries("warn");
  for (const path of ["data.when", "data.nan", "data.gone"]) {
    await expect(warnings.filter({ hasText: path }), `a warning naming ${path}`).not.toHaveCount(0);
  }
});

const UNSERIALIZABLE: Array<[button: string, path: string | null]> = [
  ["Top-level function", null],
  ["Nested function", "data.items[2].fn"],
  ["Nested BigInt", "data.big"],
  ["Nested cycle", "data.loop.self"],
  ["Table two levels deep", "data.x.t"],
];

test("§11.4i unserializable data raises BidiComponentUnserializableDataError naming the path", async ({ workbench: wb }) => {
  await wb.open(fidelityApp("data"));
  const message = exception(wb).getByTestId("stExceptionMessage");
  for (const [button, path] of UNSERIALIZABLE) {
    await test.step(button, async () => {
      await causesRun(wb, () => stButton(wb, button).click());
      await expect.soft(exception(wb), button).toHaveCount(1);
      await expect.soft(message, button).toContainText(
        "BidiComponentUnserializableDataError: The `data` provided to the bidirectional component could not be serialized",
      );
      if (path) await expect.soft(message, button).toContainText(path);
      await expect.soft(wb.frame().getByText("end of script"), button).toHaveCount(0);
    });
  }
  await causesRun(wb, () => wb.rerun());
  await expectNoException(wb);
  await expectLines(wb, ["end of script"]);
});
