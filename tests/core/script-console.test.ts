import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { LogEntry } from "../../common";
import { createScriptHost } from "../../main/core";
import { scriptHostFixture } from "./worker-build";

const { workerPath, hosts } = scriptHostFixture();

function appFile(source: string): string {
  const dir = mkdtempSync(join(tmpdir(), "lw-console-"));
  const file = join(dir, "app.ts");
  writeFileSync(file, source);
  return file;
}

async function open(source: string) {
  const logs: LogEntry[] = [];
  const host = await createScriptHost({ appPath: appFile(source), workerPath: workerPath(), watch: false, stopGraceMs: 300 });
  hosts.push(host);
  host.on("log", (entry) => logs.push(entry));
  return { host, logs };
}

async function until<T>(find: () => T | undefined, ms = 3000): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const found = find();
    if (found !== undefined) return found;
    if (Date.now() > deadline) throw new Error("timed out");
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

const lineOf = (source: string, text: string) => source.split("\n").findIndex((line) => line.includes(text)) + 1;
/** V8 reports a call at its callee's name: `process.exit(…)` at `exit`. */
const columnOf = (source: string, text: string) => source.split("\n")[lineOf(source, text) - 1].indexOf(text) + 1;

describe("the script's console and async errors in the Log", () => {
  it("a console line names the script's file and line", async () => {
    const source = `export default function app(st: any) {\n  st.write("x");\n  console.warn("careful", { n: 1 });\n}\n`;
    const { host, logs } = await open(source);
    // The first run's line went out before the test subscribed; the rerun's is the one seen.
    await host.rerun({ widgetStates: null, fragmentId: null, source: "api", causeId: null });
    const entry = await until(() => logs.find((e) => e.message.startsWith("careful")));
    expect(entry).toMatchObject({ level: "warn", message: "careful { n: 1 }", source: "script", location: { file: "app.ts", line: lineOf(source, "console.warn"), column: 11, inline: false } });
    expect(entry.runId).toBe(2);
  });

  it("an unhandled rejection is logged with the script's line, and the runner keeps running", async () => {
    const source = `export default function app(st: any) {\n  st.write("x");\n  Promise.reject(new Error("async boom"));\n}\n`;
    const { host, logs } = await open(source);
    const entry = await until(() => logs.find((e) => e.message.includes("async boom")));
    const line = lineOf(source, "Promise.reject");
    expect(entry.level).toBe("error");
    expect(entry.message).toBe(`Unhandled promise rejection in the script: Error: async boom (app.ts:${line}:18)`);
    expect(entry.location).toEqual({ file: "app.ts", line, column: 18, inline: false });
    expect(entry.stack).toContain(`app.ts:${line}:18`);
    expect(entry.stack).not.toMatch(/worker|RerunEngine|node:internal/);
    await host.rerun({ widgetStates: null, fragmentId: null, source: "api", causeId: null });
    expect(logs.filter((e) => e.message.startsWith("The script runner stopped"))).toEqual([]);
  });

  it("a throw inside a timer is logged with its line instead of silently replacing the runner", async () => {
    const source = `export default function app(st: any) {\n  st.write("x");\n  setTimeout(() => {\n    throw new TypeError("late");\n  }, 0);\n}\n`;
    const { logs } = await open(source);
    const entry = await until(() => logs.find((e) => e.message.includes("late")));
    expect(entry.message).toBe(`Uncaught exception in the script (in a timer or a callback): TypeError: late (app.ts:${lineOf(source, "throw new")}:11)`);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(logs.filter((e) => e.message.startsWith("The script runner stopped"))).toEqual([]);
  });

  it("process.exit says where the script called it and that the host cannot exit", async () => {
    const source = `export default function app(st: any) {\n  st.write("x");\n  if (st.session_state.get("exit", true)) process.exit(3);\n}\n`;
    const { host } = await open(source);
    const run = (await host.hello()).lastRun!;
    const box = run.tree.main.find((element) => element.type === "exception");
    expect(box).toMatchObject({
      name: "ScriptRunnerError",
      message: `The script called process.exit(3) at app.ts:${lineOf(source, "process.exit")}:${columnOf(source, "exit(")}. Loopwright cannot let a script exit the host: the run ended there and the runner was restarted. Session state was kept.`,
    });
  });

  it("Stop says at which line of the script the run ended", async () => {
    const source = `export default async function app(st: any) {\n  const first = st.session_state.get("first", true);\n  st.session_state.first = false;\n  if (first) return;\n  const ph = st.empty();\n  const start = Date.now();\n  while (Date.now() - start < 3000) ph.write("busy");\n}\n`;
    const { host, logs } = await open(source);
    const rerun = host.rerun({ widgetStates: null, fragmentId: null, source: "api", causeId: null });
    await new Promise((resolve) => setTimeout(resolve, 100));
    await host.stop();
    await rerun;
    const entry = await until(() => logs.find((e) => e.message.startsWith("Stopped by the user")));
    expect(entry.message).toBe(`Stopped by the user at app (app.ts:${lineOf(source, "ph.write")}:${columnOf(source, "write(")}): the run ended at that st call; session state was kept.`);
  });

  it("Stop during an await ends the run at once and says so", async () => {
    const source = `export default async function app(st: any) {\n  const first = st.session_state.get("first", true);\n  st.session_state.first = false;\n  if (first) return;\n  await new Promise((resolve) => setTimeout(resolve, 3000));\n  st.write("after the wait");\n}\n`;
    const { host, logs } = await open(source);
    const rerun = host.rerun({ widgetStates: null, fragmentId: null, source: "api", causeId: null });
    await new Promise((resolve) => setTimeout(resolve, 100));
    await host.stop();
    await rerun;
    const entry = await until(() => logs.find((e) => e.message.startsWith("Stopped by the user")));
    expect(entry.message).toBe("Stopped by the user while the script was waiting: the run ended at once; session state was kept.");
  });

  it("a runner that dies between runs says why in the Log", async () => {
    const source = `export default function app(st: any) {\n  st.write("x");\n  setTimeout(() => process.exit(7), 20);\n}\n`;
    const { logs } = await open(source);
    const entry = await until(() => logs.find((e) => e.message.startsWith("The script runner stopped")));
    expect(entry).toMatchObject({ level: "error", source: "host" });
    expect(entry.message).toBe(
      `The script runner stopped: The script called process.exit(7) at app.ts:${lineOf(source, "process.exit")}:${columnOf(source, "exit(")}. Loopwright cannot let a script exit the host: the run ended there and the runner was restarted. A new one starts with the next run; session state is kept.`,
    );
  });

  it("a compile error's code frame shows the lines around it, with the caret under the column (tabs widened alike)", async () => {
    const source = `export default function app(st: any) {\n\tst.title("x" +);\n}\n`;
    const { host } = await open(source);
    const box = (await host.hello()).lastRun!.tree.main[0];
    expect(box).toMatchObject({ type: "exception", name: "CompileError" });
    expect((box as { message: string }).message).toBe(
      'Unexpected ")"\n\napp.ts:2:16\n  1 | export default function app(st: any) {\n> 2 |   st.title("x" +);\n    |                 ^\n  3 | }\n  4 |',
    );
  });
});
