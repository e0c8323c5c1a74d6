import { relative, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { DEFAULT_APP, findAppScript } from "../../main/transports/app-script";

const ROOT = resolve(__dirname, "../..");

describe("findAppScript", () => {
  it("defaults to the bundled example under the package root", () => {
    expect(findAppScript(undefined, ROOT)).toEqual({ ok: true, path: resolve(ROOT, DEFAULT_APP) });
  });

  it("resolves a given path against the cwd", () => {
    const fromCwd = relative(process.cwd(), resolve(ROOT, DEFAULT_APP));
    expect(findAppScript(fromCwd, "/elsewhere")).toEqual({ ok: true, path: resolve(ROOT, DEFAULT_APP) });
  });

  it("explains a missing file or a directory in one line", () => {
    expect(findAppScript("/no/such/app.ts", ROOT)).toEqual({ ok: false, message: "app script not found: /no/such/app.ts" });
    expect(findAppScript(ROOT, ROOT)).toEqual({ ok: false, message: `app script not found: ${ROOT}` });
    expect(findAppScript(resolve(ROOT, "package.json", "x.ts"), ROOT).ok).toBe(false);
  });
});
