import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { NEW_USAGE, scaffoldProject } from "../../bin/scaffold.mjs";

// That the scaffolded test passes after `npm install` is checked by scripts/test-package.mjs,
// which installs the packed tarball into a scaffolded project and runs it.
const ROOT = resolve(__dirname, "../..");
const ours = JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8"));
const scratch = mkdtempSync(join(tmpdir(), "loopwright-scaffold-"));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const files = (dir: string) => readdirSync(dir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile()).map((e) => join(e.parentPath, e.name).slice(dir.length + 1)).sort();

describe("loopwright new", () => {
  it("writes the template with its dot names restored and a package.json naming our versions", () => {
    const dir = join(scratch, "My Star_Rating");
    const result = scaffoldProject([dir], ROOT);
    expect(result).toMatchObject({ ok: true, dir });
    expect(files(dir)).toEqual([
      ".github/workflows/test.yml",
      ".gitignore",
      "app.ts",
      "component/counter.css",
      "component/counter.html",
      "component/counter.js",
      "package.json",
      "playwright.config.ts",
      "tests/counter.spec.ts",
    ]);
    expect(JSON.parse(readFileSync(join(dir, "package.json"), "utf8"))).toEqual({
      name: "my-star_rating",
      version: "0.1.0",
      private: true,
      type: "module",
      scripts: { serve: "loopwright serve app.ts", test: "playwright test" },
      devDependencies: { "@playwright/test": ours.devDependencies["@playwright/test"], loopwright: `^${ours.version}` },
    });
    expect(readFileSync(join(dir, "app.ts"), "utf8")).toBe(readFileSync(join(ROOT, "templates/component/app.ts"), "utf8"));
  });

  it("fills an existing empty folder", () => {
    const dir = join(scratch, "empty");
    mkdirSync(dir);
    expect(scaffoldProject([dir], ROOT).ok).toBe(true);
    expect(files(dir)).toContain("tests/counter.spec.ts");
  });

  it("refuses a folder with files, or a file, and writes nothing", () => {
    const dir = join(scratch, "taken");
    mkdirSync(dir);
    writeFileSync(join(dir, "notes.md"), "mine");
    expect(scaffoldProject([dir], ROOT)).toEqual({ ok: false, message: `${dir} exists and is not an empty folder; nothing was written` });
    expect(readdirSync(dir)).toEqual(["notes.md"]);
    const file = join(dir, "notes.md");
    expect(scaffoldProject([file], ROOT)).toEqual({ ok: false, message: `${file} exists and is not an empty folder; nothing was written` });
  });

  it("takes exactly one folder and no options", () => {
    expect(scaffoldProject([], ROOT)).toEqual({ ok: false, message: `expected one folder, got 0\n${NEW_USAGE}` });
    expect(scaffoldProject(["a", "b"], ROOT)).toEqual({ ok: false, message: `expected one folder, got 2\n${NEW_USAGE}` });
    expect(scaffoldProject(["--force", "a"], ROOT)).toEqual({ ok: false, message: expect.stringMatching(/^Unknown option '--force'.*\nusage: loopwright new/s) });
  });
});
