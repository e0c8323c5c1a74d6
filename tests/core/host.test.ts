import { randomUUID } from "node:crypto";
import { mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import type { HostEvents, RenderedRun } from "../../common";
import { createScriptHost, type ScriptHost } from "../../main/core";
import { scriptHostFixture } from "./worker-build";

const { workerPath: worker, hosts } = scriptHostFixture();

function appFile(source: string, name = "app.ts"): string {
  const dir = mkdtempSync(join(tmpdir(), "lw-app-"));
  const file = join(dir, name);
  writeFileSync(file, source);
  return file;
}

async function open(appPath: string, stopGraceMs = 300) {
  const host = await createScriptHost({ appPath, workerPath: worker(), watch: false, stopGraceMs });
  hosts.push(host);
  const renders: RenderedRun[] = [];
  host.on("render", (run) => renders.push(run));
  return { host, renders };
}

function nextEvent<E extends keyof HostEvents>(host: ScriptHost, event: E, pred: (p: HostEvents[E]) => boolean = () => true) {
  return new Promise<HostEvents[E]>((resolvePromise) => {
    const off = host.on(event, (payload) => {
      if (pred(payload)) {
        off();
        resolvePromise(payload);
      }
    });
  });
}

/** Files under `dir` modified since `since` whose text contains `marker`; unreadable entries are skipped. */
function filesContaining(dir: string, marker: string, since: number): string[] {
  let entries;
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return [];
  }
  return entries.flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return filesContaining(path, marker, since);
    try {
      return entry.isFile() && statSync(path).mtimeMs >= since && readFileSync(path, "utf8").includes(marker) ? [path] : [];
    } catch {
      return [];
    }
  });
}

describe("script host (runner in a worker thread)", () => {
  it("runs the bundled example and renders the seed's page", async () => {
    const { host } = await open(resolve(__dirname, "../../examples/text-input/app.ts"));
    const run = (await host.hello()).lastRun!;
    expect(run.tree.main.map((e) => e.type)).toEqual(["button", "bidi_component", "json"]);
    const snapshot = await host.hello();
    expect(snapshot.status.runCount).toBe(1);
  });

  it("a thrown error shows an exception box whose first trace row is the author's .ts line", async () => {
    const file = appFile(`import type { St } from "loopwright";\nexport default function app(st: St) {\n  st.title("before");\n  const n: number = 1;\n  throw new TypeError("bad thing " + n);\n}\n`);
    const { host } = await open(file);
    const run = (await host.hello()).lastRun!;
    const exception = run.tree.main[1];
    expect(exception).toMatchObject({ type: "exception", name: "TypeError", message: "bad thing 1" });
    expect((exception as { trace: string[] }).trace[0]).toMatch(/app\.ts:5:9/);
  });

  it("a compile error points at file:line and the host stays usable", async () => {
    const file = appFile(`export default function app(st) {\n  st.title("x"\n}\n`, "broken.ts");
    const { host } = await open(file);
    const run = (await host.hello()).lastRun!;
    expect(run.tree.main[0]).toMatchObject({ type: "exception", name: "CompileError" });
    expect((run.tree.main[0] as { trace: string[] }).trace[0]).toMatch(/^broken\.ts:3:/);
    expect((await host.hello()).status.state).toBe("error");
  });

  it("a hung script is stopped and the runner replaced; session state survives", async () => {
    const file = appFile(
      `export default function app(st) {\n  const count = st.session_state.get("count", 0) + 1;\n  st.session_state.count = count;\n  if (count === 2) { while (true) {} }\n  st.write(count);\n}\n`,
    );
    const { host } = await open(file, 200);
    const running = nextEvent(host, "status", (s) => s.state === "running");
    void host.rerun({ widgetStates: null, fragmentId: null, source: "api", causeId: null });
    await running;
    const killed = nextEvent(host, "render");
    await host.stop();
    const run = await killed;
    expect(run.tree.main[0]).toMatchObject({ type: "exception", name: "ScriptRunnerError" });
    // The replacement runner starts from the state committed by run 1 (count=1); the edit is a
    // script-side write before the body, so the body computes 10 + 1.
    const result = await host.editSessionState({ key: "count", value: 10 });
    expect(result).toEqual({ ok: true });
    const after = (await host.hello()).lastRun!;
    expect(after.tree.main).toEqual([{ type: "markdown", body: "`11`", variant: "markdown" }]);
  });

  it("an edit Streamlit would ignore is refused with a reason and nothing runs", async () => {
    const { host } = await open(resolve(__dirname, "../../examples/text-input/app.ts"));
    const before = (await host.hello()).status.runCount;
    const result = await host.editSessionState({ key: "my_text_input_instance", field: "other", value: 1 });
    expect(result).toEqual({ ok: false, error: expect.stringContaining("on_other_change") });
    expect((await host.hello()).status.runCount).toBe(before);
  });

  it("compiles into memory: nothing of the script is written to disk, before or after dispose", async () => {
    // Coarse file timestamps: count anything from a little before the test.
    const since = Date.now() - 2_000;
    const marker = `marker-${randomUUID()}`;
    const file = appFile(`import { label } from "./label";\nexport default function app(st) {\n  st.write(label + " ${marker}");\n}\n`);
    writeFileSync(join(dirname(file), "label.ts"), `export const label = "from a relative import";\n`);
    const { host } = await open(file);
    expect((await host.hello()).lastRun!.tree.main).toEqual([{ type: "markdown", body: `from a relative import ${marker}`, variant: "markdown" }]);
    await host.dispose();
    expect(readdirSync(dirname(file)).sort()).toEqual(["app.ts", "label.ts"]);
    expect(filesContaining(tmpdir(), marker, since).filter((path) => dirname(path) !== dirname(file))).toEqual([]);
  });

  it("after an edit, a thrown error points at the edited line, not the previous build's", async () => {
    const file = appFile(`export default function app(st) {\n  throw new Error("first");\n}\n`);
    const host = await createScriptHost({ appPath: file, workerPath: worker(), watch: true });
    hosts.push(host);
    expect(((await host.hello()).lastRun!.tree.main[0] as { trace: string[] }).trace[0]).toMatch(/\(app\.ts:2:9\)$/);
    const edited = nextEvent(host, "render", (run) => run.tree.main.some((e) => e.type === "exception" && e.message === "second"));
    writeFileSync(file, `// moved down\n\nexport default function app(st) {\n  const n = 2;\n  throw new Error("second");\n}\n`);
    expect(((await edited).tree.main[0] as { trace: string[] }).trace[0]).toMatch(/\(app\.ts:5:9\)$/);
  });
});
