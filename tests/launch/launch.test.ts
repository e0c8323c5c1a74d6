import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative, resolve } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import {
  DEFAULT_APP,
  SERVE_USAGE,
  USAGE,
  electronAppArgument,
  findAppScript,
  findElectronBinary,
  parseCommand,
  parseServeArgs,
  parseStartArgs,
} from "../../main/launch.mjs";

const ROOT = resolve(__dirname, "../..");

describe("findAppScript", () => {
  it("defaults to the bundled example under the package root", () => {
    expect(findAppScript(undefined, ROOT)).toEqual({ ok: true, path: resolve(ROOT, DEFAULT_APP) });
  });

  it("resolves a given path against the cwd", () => {
    const fromCwd = relative(process.cwd(), resolve(ROOT, DEFAULT_APP));
    expect(findAppScript(fromCwd, "/elsewhere")).toEqual({ ok: true, path: resolve(ROOT, DEFAULT_APP) });
  });

  it("explains a missing path in one line", () => {
    expect(findAppScript("/no/such/app.ts", ROOT)).toEqual({ ok: false, message: "app script or project folder not found: /no/such/app.ts" });
    expect(findAppScript(resolve(ROOT, "package.json", "x.ts"), ROOT).ok).toBe(false);
  });

  it("takes a folder: what it holds is read once the host is built", () => {
    expect(findAppScript(ROOT, ROOT)).toEqual({ ok: true, path: ROOT });
  });
});

describe("parseCommand", () => {
  it("prints usage for no command (failing) and for help anywhere (succeeding)", () => {
    expect(parseCommand([])).toEqual({ kind: "help", exitCode: 1 });
    for (const argv of [["help"], ["--help"], ["-h"], ["serve", "app.ts", "-h"], ["start", "--help"]]) {
      expect(parseCommand(argv), argv.join(" ")).toEqual({ kind: "help", exitCode: 0 });
    }
  });

  it("hands serve, start and new their arguments unparsed", () => {
    expect(parseCommand(["serve", "app.ts", "--port", "0"])).toEqual({ kind: "serve", args: ["app.ts", "--port", "0"] });
    expect(parseCommand(["start", "--bogus"])).toEqual({ kind: "start", args: ["--bogus"] });
    expect(parseCommand(["new", "my-component"])).toEqual({ kind: "new", args: ["my-component"] });
  });

  it("rejects an unknown command with the usage", () => {
    expect(parseCommand(["run"])).toEqual({ kind: "error", message: `unknown command "run"\n${USAGE}` });
  });
});

describe("parseStartArgs", () => {
  it("takes at most one app script and no options", () => {
    expect(parseStartArgs([])).toEqual({ ok: true, app: undefined });
    expect(parseStartArgs(["app.ts"])).toEqual({ ok: true, app: "app.ts" });
    expect(parseStartArgs(["a.ts", "b.ts"])).toEqual({ ok: false, message: `expected one app script, got 2\n${USAGE}` });
    expect(parseStartArgs(["--port", "1"])).toEqual({ ok: false, message: expect.stringMatching(/^Unknown option '--port'.*\nusage:\n/s) });
  });
});

describe("parseServeArgs", () => {
  it("takes one app script and a port", () => {
    expect(parseServeArgs([])).toEqual({ kind: "serve", app: undefined, port: undefined, python: null });
    expect(parseServeArgs(["app.ts", "--port", "0"])).toEqual({ kind: "serve", app: "app.ts", port: 0, python: null });
    expect(parseServeArgs(["--port=65535"])).toEqual({ kind: "serve", app: undefined, port: 65535, python: null });
  });

  it("takes the interpreter for a Python app, as given (it is checked when the app is opened)", () => {
    expect(parseServeArgs(["app.py", "--python", ".venv/bin/python"])).toEqual({ kind: "serve", app: "app.py", port: undefined, python: ".venv/bin/python" });
    expect(parseServeArgs(["--python=/opt/py/bin/python3", "app.py", "--port", "0"])).toEqual({ kind: "serve", app: "app.py", port: 0, python: "/opt/py/bin/python3" });
    expect(parseServeArgs(["app.py", "--python="])).toEqual({ kind: "error", message: `--python needs the path of a Python interpreter\n${SERVE_USAGE}` });
    expect(parseServeArgs(["app.py", "--python"])).toEqual({ kind: "error", message: expect.stringMatching(/^Option '--python <value>' argument missing/) });
  });

  it("documents --python and the interpreter lookup", () => {
    expect(SERVE_USAGE).toContain("--python PATH");
    expect(SERVE_USAGE).toContain("$LOOPWRIGHT_PYTHON");
    expect(USAGE).toContain("--python PATH");
    expect(USAGE).toContain("streamlit_app.py, app.py");
  });

  it("answers --help before counting app scripts", () => {
    expect(parseServeArgs(["a.ts", "b.ts", "-h"])).toEqual({ kind: "help" });
  });

  it("explains bad arguments", () => {
    expect(parseServeArgs(["a.ts", "b.ts"])).toEqual({ kind: "error", message: `expected one app script, got 2\n${SERVE_USAGE}` });
    expect(parseServeArgs(["--bogus"])).toEqual({ kind: "error", message: expect.stringMatching(new RegExp(`^Unknown option '--bogus'.*\\n${escape(SERVE_USAGE)}$`, "s")) });
    for (const port of ["65536", "-1", "1.5", "x"]) {
      expect(parseServeArgs([`--port=${port}`]), port).toEqual({ kind: "error", message: `invalid --port ${port}` });
    }
  });
});

describe("electronAppArgument", () => {
  const entry = resolve(ROOT, "out/main/index.js");
  const entryPaths = [entry, resolve(ROOT, "out/main"), ROOT];

  it("skips the entry itself and the launcher's switches", () => {
    expect(electronAppArgument([entry, "app.ts"], entryPaths, {})).toBe("app.ts");
    expect(electronAppArgument(["--inspect=0", ROOT, "app.ts"], entryPaths, {})).toBe("app.ts");
  });

  it("prefers what follows `--`, else falls back to LOOPWRIGHT_APP", () => {
    expect(electronAppArgument([entry, "--", "-odd.ts"], entryPaths, {})).toBe("-odd.ts");
    expect(electronAppArgument([ROOT], entryPaths, { LOOPWRIGHT_APP: "/abs/app.ts" })).toBe("/abs/app.ts");
    expect(electronAppArgument([ROOT], entryPaths, {})).toBeUndefined();
  });
});

describe("findElectronBinary", () => {
  const roots: string[] = [];
  afterAll(() => roots.forEach((root) => rmSync(root, { recursive: true, force: true })));
  const emptyRoot = () => {
    const root = mkdtempSync(join(tmpdir(), "lw-electron-"));
    roots.push(root);
    return root;
  };

  /** A package root whose node_modules/electron is as far along as `steps` says. */
  function packageRoot(steps: { pathTxt?: string; binary?: boolean }): string {
    const root = emptyRoot();
    const electron = join(root, "node_modules", "electron");
    mkdirSync(join(electron, "dist"), { recursive: true });
    writeFileSync(join(root, "package.json"), "{}");
    writeFileSync(join(electron, "package.json"), JSON.stringify({ name: "electron" }));
    if (steps.pathTxt !== undefined) writeFileSync(join(electron, "path.txt"), steps.pathTxt);
    if (steps.binary) writeFileSync(join(electron, "dist", "electron"), "");
    return root;
  }

  it("follows path.txt into dist/", () => {
    const root = packageRoot({ pathTxt: "electron\n", binary: true });
    expect(findElectronBinary(root)).toEqual({ ok: true, path: join(root, "node_modules/electron/dist/electron") });
  });

  it("says which step is missing", () => {
    expect(findElectronBinary(emptyRoot())).toEqual({ ok: false, reason: "the electron package is not installed" });
    expect(findElectronBinary(packageRoot({}))).toEqual({ ok: false, reason: "node_modules/electron has no path.txt" });
    const root = packageRoot({ pathTxt: "electron" });
    expect(findElectronBinary(root)).toEqual({ ok: false, reason: `node_modules/electron has no ${join(root, "node_modules/electron/dist/electron")}` });
  });
});

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

describe("findAppScript: files that are not app scripts", () => {
  const dir = mkdtempSync(join(tmpdir(), "lw-launch-"));
  it("a Python script is the author's Streamlit app, opened as it is", () => {
    for (const name of ["app.py", "Streamlit_App.PY"]) {
      const py = join(dir, name);
      writeFileSync(py, "import streamlit as st\n");
      expect(findAppScript(py, ROOT)).toEqual({ ok: true, path: py });
    }
  });

  it("another file says what an app script is", () => {
    const css = join(dir, "style.css");
    writeFileSync(css, "");
    const found = findAppScript(css, ROOT);
    expect(found).toEqual({
      ok: false,
      message: `${css} is not an app script: expected your Streamlit app (a .py file), or a .ts, .tsx, .mts, .cts, .js, .jsx, .mjs, .cjs file whose default export is \`function app(st) { … }\` (see ${join(ROOT, "README.md")}, section "Writing an app script").`,
    });
  });

  it("TypeScript and JavaScript files are app scripts", () => {
    for (const name of ["a.ts", "a.tsx", "a.mjs", "a.js"]) {
      writeFileSync(join(dir, name), "");
      expect(findAppScript(join(dir, name), ROOT)).toEqual({ ok: true, path: join(dir, name) });
    }
  });
});
