import { chmodSync, mkdirSync, mkdtempSync, realpathSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, relative, resolve } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { skipWithoutPython } from "../../e2e/python";
import { findPython, type PythonFound } from "../../main/core/streamlit/interpreter";
import { isAtLeast, PROBE_PROGRAM, releaseOf } from "../../main/core/streamlit/python-probe.mjs";

const roots: string[] = [];
afterAll(() => roots.forEach((root) => rmSync(root, { recursive: true, force: true })));

function tempRoot(): string {
  const root = realpathSync(mkdtempSync(join(tmpdir(), "lw-python-")));
  roots.push(root);
  return root;
}

/** An executable shell script at `path` standing in for an interpreter. */
function script(path: string, body: string, mode = 0o755): string {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, `#!/bin/sh\n${body}\n`);
  chmodSync(path, mode);
  return path;
}

/** A fake interpreter that answers the probe like a Python with `streamlit` (null: not installed) would. */
function fakePython(path: string, streamlit: string | null, python = "3.11.7"): string {
  const answer = JSON.stringify({ python, streamlit });
  // It checks it was asked the probe, so a caller that runs something else gets no answer.
  return script(path, `[ "$1" = "-c" ] || exit 9\necho "LOOPWRIGHT_PYTHON_PROBE ${answer.replace(/"/g, '\\"')}"`);
}

/** An app folder and, apart from it, a folder for fakes on PATH. */
function project() {
  const root = tempRoot();
  const appPath = join(root, "app", "app.py");
  mkdirSync(dirname(appPath), { recursive: true });
  writeFileSync(appPath, "import streamlit as st\n");
  const bin = join(root, "bin");
  mkdirSync(bin);
  return { root, appPath, bin, env: { PATH: bin } as NodeJS.ProcessEnv };
}

const venvPython = (folder: string) => join(folder, ".venv", "bin", "python");
const failed = (found: PythonFound) => (found.ok ? `found ${found.python}` : found.message);

describe.skipIf(process.platform === "win32")("findPython with fake interpreters", () => {
  it("takes --python first, even over LOOPWRIGHT_PYTHON and a .venv", async () => {
    const p = project();
    const explicit = fakePython(join(p.root, "mine", "python"), "1.64.0");
    fakePython(venvPython(dirname(p.appPath)), "1.64.0");
    const env = { ...p.env, LOOPWRIGHT_PYTHON: fakePython(join(p.root, "env-python"), "1.64.0") };
    expect(await findPython({ appPath: p.appPath, projectRoot: p.root, explicit, env })).toEqual({
      ok: true,
      python: explicit,
      streamlitVersion: "1.64.0",
      pythonVersion: "3.11.7",
      via: "--python",
      passedOver: [],
    });
  });

  it("resolves --python against the cwd, or on PATH when it is a bare name", async () => {
    const p = project();
    const explicit = fakePython(join(p.root, "mine", "python"), "1.64.0");
    expect(await findPython({ appPath: p.appPath, projectRoot: null, explicit: relative(process.cwd(), explicit), env: p.env })).toMatchObject({ ok: true, python: explicit });
    const onPath = fakePython(join(p.bin, "python3.12"), "1.52.0");
    expect(await findPython({ appPath: p.appPath, projectRoot: null, explicit: "python3.12", env: p.env })).toMatchObject({ ok: true, python: onPath, via: "--python" });
  });

  it("never falls through from a --python that fails, and names it", async () => {
    const p = project();
    fakePython(venvPython(dirname(p.appPath)), "1.64.0");
    fakePython(join(p.bin, "python3"), "1.64.0");
    const missing = join(p.root, "nowhere", "python");
    expect(await findPython({ appPath: p.appPath, projectRoot: p.root, explicit: missing, env: p.env })).toEqual({
      ok: false,
      message: `No Python with Streamlit 1.51 or later (the first with Custom Components v2) to run ${p.appPath}. Tried: --python ${missing}: not found. To fix it, pass --python PATH naming a Python that has Streamlit 1.51 or later (\`pip install "streamlit>=1.51"\` into it), or drop --python and set LOOPWRIGHT_PYTHON instead.`,
    });
    const old = fakePython(join(p.root, "old", "python"), "1.50.0");
    expect(await findPython({ appPath: p.appPath, projectRoot: p.root, explicit: old, env: p.env })).toEqual({
      ok: false,
      message: `No Python with Streamlit 1.51 or later (the first with Custom Components v2) to run ${p.appPath}. Tried: --python ${old}: Python 3.11.7 with streamlit 1.50.0, too old (Custom Components v2 need 1.51 or later). To fix it, install Streamlit into that interpreter (\`${old} -m pip install "streamlit>=1.51"\`), or pass --python PATH with another one, or drop --python and set LOOPWRIGHT_PYTHON instead.`,
    });
    expect(failed(await findPython({ appPath: p.appPath, projectRoot: p.root, explicit: "no-such-python", env: p.env }))).toContain("Tried: --python no-such-python: not found on PATH.");
  });

  it("takes LOOPWRIGHT_PYTHON next, and does not fall through from it either", async () => {
    const p = project();
    fakePython(join(p.bin, "python3"), "1.64.0");
    const named = fakePython(join(p.root, "env", "python"), "1.52.0.dev1");
    expect(await findPython({ appPath: p.appPath, projectRoot: null, env: { ...p.env, LOOPWRIGHT_PYTHON: named } })).toMatchObject({
      ok: true,
      python: named,
      streamlitVersion: "1.52.0.dev1",
      via: "LOOPWRIGHT_PYTHON",
    });
    const bare = fakePython(join(p.root, "env", "python-bare"), null);
    const message = failed(await findPython({ appPath: p.appPath, projectRoot: null, env: { ...p.env, LOOPWRIGHT_PYTHON: bare } }));
    expect(message).toContain(`Tried: LOOPWRIGHT_PYTHON=${bare}: Python 3.11.7 without streamlit.`);
    expect(message).toContain(`install Streamlit into that interpreter (\`${bare} -m pip install "streamlit>=1.51"\`), or set LOOPWRIGHT_PYTHON to another one, or pass --python PATH`);
  });

  it("then a .venv next to the app, then one at the project root, then python3 on PATH", async () => {
    const p = project();
    const onPath = fakePython(join(p.bin, "python3"), "1.60.0");
    expect(await findPython({ appPath: p.appPath, projectRoot: p.root, env: p.env })).toMatchObject({ ok: true, python: onPath, via: "python3 on PATH", passedOver: [] });
    const atRoot = fakePython(venvPython(p.root), "1.61.0");
    expect(await findPython({ appPath: p.appPath, projectRoot: p.root, env: p.env })).toMatchObject({ ok: true, python: atRoot, via: ".venv at the project root" });
    const nextToApp = fakePython(venvPython(dirname(p.appPath)), "1.62.0");
    expect(await findPython({ appPath: p.appPath, projectRoot: p.root, env: p.env })).toMatchObject({ ok: true, python: nextToApp, via: ".venv next to the app", streamlitVersion: "1.62.0" });
  });

  it("passes over a .venv without Streamlit, and says so", async () => {
    const p = project();
    const bare = fakePython(venvPython(dirname(p.appPath)), null);
    const onPath = fakePython(join(p.bin, "python3"), "1.64.0");
    expect(await findPython({ appPath: p.appPath, projectRoot: p.root, env: p.env })).toMatchObject({
      ok: true,
      python: onPath,
      passedOver: [`a .venv next to the app (${bare}): Python 3.11.7 without streamlit`],
    });
  });

  it("lists every candidate with why it failed, and suggests installing into the first Python that ran", async () => {
    const p = project();
    const appVenv = venvPython(dirname(p.appPath));
    script(appVenv, "echo never", 0o644);
    const rootVenv = fakePython(venvPython(p.root), "1.9.0");
    const onPath = fakePython(join(p.bin, "python3"), null);
    expect(await findPython({ appPath: p.appPath, projectRoot: p.root, env: p.env })).toEqual({
      ok: false,
      message:
        `No Python with Streamlit 1.51 or later (the first with Custom Components v2) to run ${p.appPath}. ` +
        `Tried, in order: a .venv next to the app (${appVenv}): not executable; ` +
        `a .venv at the project root (${rootVenv}): Python 3.11.7 with streamlit 1.9.0, too old (Custom Components v2 need 1.51 or later); ` +
        `python3 on PATH (${onPath}): Python 3.11.7 without streamlit. ` +
        `To fix it, install Streamlit into that interpreter (\`${rootVenv} -m pip install "streamlit>=1.51"\`), ` +
        `or name a Python that has Streamlit 1.51 or later (\`pip install "streamlit>=1.51"\` into it) with --python PATH or the LOOPWRIGHT_PYTHON environment variable.`,
    });
  });

  it("with nothing anywhere, suggests a .venv next to the app", async () => {
    const p = project();
    expect(failed(await findPython({ appPath: p.appPath, projectRoot: dirname(p.appPath), env: p.env }))).toBe(
      `No Python with Streamlit 1.51 or later (the first with Custom Components v2) to run ${p.appPath}. ` +
        `Tried, in order: a .venv next to the app (${venvPython(dirname(p.appPath))}): not found; python3 on PATH: not found. ` +
        `To fix it, create a virtual environment next to the app with Streamlit in it (\`python3 -m venv .venv && .venv/bin/pip install "streamlit>=1.51"\`), ` +
        `or name a Python that has Streamlit 1.51 or later (\`pip install "streamlit>=1.51"\` into it) with --python PATH or the LOOPWRIGHT_PYTHON environment variable.`,
    );
  });

  it("explains an interpreter that crashes, hangs, is a folder or is not Python", async () => {
    const p = project();
    const tryOne = async (explicit: string, timeoutMs?: number) => failed(await findPython({ appPath: p.appPath, projectRoot: null, explicit, env: p.env, timeoutMs }));
    expect(await tryOne(script(join(p.root, "crash"), "echo 'Fatal Python error: init_fs_encoding' >&2\nexit 3"))).toContain(": exited with code 3: Fatal Python error: init_fs_encoding.");
    const started = Date.now();
    expect(await tryOne(script(join(p.root, "hang"), "read line"), 300)).toContain(": did not answer within 0.3 s.");
    expect(Date.now() - started).toBeLessThan(5_000);
    mkdirSync(join(p.root, "folder"));
    expect(await tryOne(join(p.root, "folder"))).toContain(`--python ${join(p.root, "folder")}: a folder, not an executable.`);
    expect(await tryOne(script(join(p.root, "chatty"), "echo hello"))).toContain(": does not look like Python (it ran, but did not answer the version probe: hello).");
    expect(await tryOne(fakePython(join(p.root, "ancient"), null, "3.7.9"))).toContain(": Python 3.7.9, too old for Streamlit 1.51.");
  });

  it("ignores what a Python prints on start-up besides the probe's answer", async () => {
    const p = project();
    const noisy = script(join(p.root, "noisy"), `echo 'sitecustomize says hi'\necho 'LOOPWRIGHT_PYTHON_PROBE {"python": "3.12.1", "streamlit": "1.51.0"}'\necho bye`);
    expect(await findPython({ appPath: p.appPath, projectRoot: null, explicit: noisy, env: p.env })).toMatchObject({ ok: true, streamlitVersion: "1.51.0", pythonVersion: "3.12.1" });
  });
});

describe("Streamlit versions", () => {
  it("compare numerically, part by part, ignoring pre-release suffixes", () => {
    const atLeast151 = (version: string) => isAtLeast(releaseOf(version) ?? [0], [1, 51]);
    for (const version of ["1.51", "1.51.0", "1.51.0rc1", "1.52.0.dev1", "1.64.0", "2.0", "10.1"]) expect(atLeast151(version), version).toBe(true);
    for (const version of ["1.50.9", "1.9.0", "1.5", "0.99", "1"]) expect(atLeast151(version), version).toBe(false);
    expect(releaseOf("unknown")).toBeNull();
  });

  it("are read from the installed metadata, without importing streamlit (that takes seconds)", () => {
    expect(PROBE_PROGRAM).toContain("version('streamlit')");
    expect(PROBE_PROGRAM).not.toMatch(/import streamlit|from streamlit|__import__/);
  });
});

describe("findPython with the real interpreter", () => {
  it("finds Streamlit in LOOPWRIGHT_PYTHON or the project's .venv-streamlit", async (ctx) => {
    const python = skipWithoutPython(ctx)!;
    const appPath = resolve(__dirname, "../../examples/text-input/app.ts");
    const found = await findPython({ appPath, projectRoot: null, explicit: python });
    expect(found, failed(found)).toMatchObject({ ok: true, via: "--python", python: resolve(python) });
    if (!found.ok) return;
    expect(isAtLeast(releaseOf(found.streamlitVersion)!, [1, 51]), found.streamlitVersion).toBe(true);
    expect(found.pythonVersion).toMatch(/^3\.\d+\.\d+$/);
  });
});
