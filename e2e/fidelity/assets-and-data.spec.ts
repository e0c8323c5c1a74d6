import { expect, test, type Workbench } from "../kit";
import { causesRun, exception, expectLines, expectNoException, fidelityApp, forEachHost, type Host, sharedWorkbench, stButton } from "./helpers";

// §11.4h (one-line strings are paths: Streamlit resolves them in an installed package's
// asset_dir, the emulator next to the script, docs/fidelity.md row 2), §11.4i–j and issue 3 item 5
// (`data` serialization; where JavaScript and Python values differ, docs/fidelity.md row 3).

const UNDECLARED = (component: string, kind: string) => `Component '${component}' must be declared in pyproject.toml with asset_dir to use file-backed ${kind}.`;

forEachHost((host) => {
  test("§11.4h one-line html/css/js are paths; a missing file or a one-line inline JS with a slash raises StreamlitAPIException", async ({ workbench: wb }) => {
    await wb.open(fidelityApp("assets", host));
    const message = exception(wb).getByTestId("stExceptionMessage");
    if (host === "emulator") {
      // Read next to the app script; a css path becomes a <link> (§8.1).
      const files = wb.component("files");
      await expectNoException(wb);
      await expect(files.locator(".out")).toHaveText("Loaded from hello.js for from_files");
      await expect(files.locator('link[rel="stylesheet"]')).toHaveCount(1);
      await expect(files.locator("style")).toHaveCount(0);
      await expect(files.locator(".out")).toHaveCSS("color", "rgb(10, 20, 30)");
    } else {
      // No installed package declares the component, so there is no asset_dir (css is resolved first).
      await expect(exception(wb)).toHaveCount(1);
      await expect(message).toContainText(`streamlit.errors.StreamlitAPIException: ${UNDECLARED("from_files", "css")}`);
    }

    await causesRun(wb, () => stButton(wb, "Missing js path").click());
    await expect(exception(wb)).toHaveCount(1);
    await expect(message).toContainText("streamlit.errors.StreamlitAPIException: ");
    // The emulator names the file it looked for; Streamlit, the component without an asset_dir.
    await expect(message).toContainText(host === "emulator" ? "missing.js" : UNDECLARED("missing_js", "js"));

    // A one-line inline JS containing "/" is a path on both hosts.
    await causesRun(wb, () => stButton(wb, "One-line inline JS with a slash").click());
    await expect(exception(wb)).toHaveCount(1);
    await expect(message).toContainText("streamlit.errors.StreamlitAPIException: ");
    await expect(message).toContainText(host === "emulator" ? "export default function () { return 1/2 }" : UNDECLARED("slash_js", "js"));
  });

  test.describe("data", () => {
    const workbench = sharedWorkbench(fidelityApp("data", host));

    test("§11.4i–j data: a date; top-level table → Uint8Array, nested → Table; bytes; plain JSON", async () => {
      const wb = workbench();
      await expectNoException(wb);
      if (host === "emulator") {
        // A Date is sent as JSON sends it, NaN as null, undefined dropped, each with a warning naming the path.
        await expect(wb.component("dated")).toHaveText('{when: string "2024-01-02T03:04:05.000Z"; n: number 1; nan: null}');
        const warnings = await wb.logEntries("warn");
        for (const path of ["data.when", "data.nan", "data.gone"]) {
          await expect(warnings.filter({ hasText: path }), `a warning naming ${path}`).not.toHaveCount(0);
        }
      } else {
        // json.dumps rejects the datetime, so Streamlit sends the whole dict's repr as a string.
        await expect(wb.component("dated")).toHaveText(
          `string "{'when': datetime.datetime(2024, 1, 2, 3, 4, 5, tzinfo=datetime.timezone.utc), 'n': 1, 'nan': nan, 'gone': None}"`,
        );
      }
      // A top-level table is the raw Arrow IPC bytes (stream: continuation marker; file: "ARROW1").
      await expect(wb.component("arrow_top")).toHaveText(/^Uint8Array\(\d+\) \[(255,255,255,255|65,82,82,79,87,49)/);
      await expect(wb.component("arrow_nested")).toHaveText('{t: Table rows=3 cols=a data={"a": 1},{"a": 2},{"a": 3}; label: string "x"}');
      await expect(wb.component("bytes")).toHaveText("Uint8Array(3) [1,2,3]");
      await expect(wb.component("buffer")).toHaveText("Uint8Array(2) [4,5]");
      await expect(wb.component("plain")).toHaveText('{list: [number 1, string "two", boolean true, null]; nested: {deep: [{x: number 1}]}}');
      if (host === "emulator") {
        await expect(wb.component("nan")).toHaveText("{n: null}");
        await expect((await wb.logEntries("warn")).filter({ hasText: /data\.n\b/ }).first()).toBeVisible();
      } else {
        // json.dumps writes NaN, which JSON.parse rejects: the instance is replaced by the error.
        await expect(wb.frame().locator(".st-key-nan").getByTestId("stAlertContentError")).toContainText(`SyntaxError: Unexpected token 'N', "{"n": NaN}" is not valid JSON`);
      }
    });

    test("§11.4i unserializable data raises BidiComponentUnserializableDataError (Streamlit first falls back to the repr)", async () => {
      const wb = workbench();
      const message = exception(wb).getByTestId("stExceptionMessage");
      for (const [button, expected] of UNSERIALIZABLE) {
        await test.step(button, async () => {
          await causesRun(wb, () => stButton(wb, button).click());
          const outcome = expected[host];
          if (outcome.raises) {
            await expect.soft(exception(wb), button).toHaveCount(1);
            await expect.soft(message, button).toContainText(
              "streamlit.errors.BidiComponentUnserializableDataError: The data provided to the bidirectional component could not be serialized",
            );
            if (outcome.path) await expect.soft(message, button).toContainText(outcome.path);
            await expect.soft(wb.frame().getByText("end of script"), button).toHaveCount(0);
          } else {
            await expectReceived(wb, button, outcome.received);
          }
        });
      }
      await causesRun(wb, () => wb.rerun());
      await expectNoException(wb);
      await expectLines(wb, ["end of script"]);
    });
  });
});

type Outcome = { raises: true; path: string | null } | { raises: false; received: RegExp };

/**
 * Each case on each host. The emulator raises naming the path (JavaScript has no repr); Streamlit
 * sends what json.dumps rejects inside a dict or list as the whole value's repr, and raises only
 * when even that fails (a top-level function, a cycle).
 */
const UNSERIALIZABLE: Array<[button: string, Record<Host, Outcome>]> = [
  ["Top-level function", { emulator: { raises: true, path: null }, streamlit: { raises: true, path: null } }],
  ["Nested function", { emulator: { raises: true, path: "data.items[2].fn" }, streamlit: { raises: false, received: /^string "\{'items': \[0, 1, \{'fn': <function <lambda> at 0x[0-9a-f]+>\}\]\}"$/ } }],
  // Python's ints have no JavaScript BigInt to become: 10 is plain JSON there.
  ["Nested BigInt", { emulator: { raises: true, path: "data.big" }, streamlit: { raises: false, received: /^\{big: number 10\}$/ } }],
  ["Nested cycle", { emulator: { raises: true, path: "data.loop.self" }, streamlit: { raises: true, path: null } }],
  ["Table two levels deep", { emulator: { raises: true, path: "data.x.t" }, streamlit: { raises: false, received: /^string "\{'x': \{'t': +a\\n0 +1\\n1 +2\\n2 +3\}\}"$/ } }],
];

async function expectReceived(wb: Workbench, button: string, received: RegExp): Promise<void> {
  await expect.soft(exception(wb), button).toHaveCount(0);
  await expect.soft(wb.component("bad"), button).toHaveText(received);
  await expect.soft(wb.frame().getByText("end of script"), button).toHaveCount(1);
}
