import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync } from "node:fs";
import { createServer, type AddressInfo, type Socket } from "node:net";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import * as v from "valibot";
import { afterEach, describe, expect, it } from "vitest";
import { skipWithoutPython } from "../../e2e/python";
import { CompanionMessageSchema, type CompanionMessage } from "../../main/core/streamlit/companion-protocol";

/**
 * The Python companion (companion/): its own unittest suite, run with the Python that has real
 * Streamlit, and the boot script as Loopwright starts it. Every message the Python tests receive
 * is checked here against CompanionMessageSchema, the contract the host validates them with.
 */

const ROOT = resolve(__dirname, "../..");
const COMPANION = join(ROOT, "companion");
const BOOT = join(COMPANION, "loopwright_boot.py");

const cleanups: (() => void)[] = [];
afterEach(() => {
  while (cleanups.length) cleanups.pop()!();
});

function tempDir(): string {
  // Short: a Unix socket path must fit in 104–108 bytes.
  const dir = mkdtempSync(join(tmpdir(), "lwc-"));
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

function run(python: string, args: string[], options: { cwd: string; env: NodeJS.ProcessEnv }): Promise<{ code: number | null; output: string }> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(python, args, { ...options, stdio: ["ignore", "pipe", "pipe"] });
    let output = "";
    child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.on("error", reject);
    child.on("close", (code) => resolvePromise({ code, output }));
  });
}

function exited(child: ChildProcess): Promise<void> {
  return new Promise((done) => {
    if (child.exitCode !== null || child.signalCode !== null) return done();
    child.once("exit", () => done());
  });
}

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((done) => server.listen(0, "127.0.0.1", done));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((done) => server.close(() => done()));
  return port;
}

function check(message: unknown): CompanionMessage {
  const parsed = v.safeParse(CompanionMessageSchema, message);
  if (!parsed.success) throw new Error(`not a CompanionMessage: ${v.summarize(parsed.issues)}\n${JSON.stringify(message).slice(0, 2000)}`);
  return parsed.output;
}

describe("the Python companion", () => {
  it("passes its unittest suite on real Streamlit, and every message it sent fits the protocol", { timeout: 300_000 }, async (ctx) => {
    const python = skipWithoutPython(ctx)!;
    const dir = tempDir();
    const dumped = join(dir, "messages.jsonl");
    const { code, output } = await run(python, ["-m", "unittest", "discover", "-s", "companion/tests", "-t", "companion/tests"], {
      cwd: ROOT,
      env: { ...process.env, LOOPWRIGHT_COMPANION_MESSAGES_OUT: dumped },
    });
    const summary = output.split("\n").filter((line) => /^(Ran \d+ tests|OK|FAILED)/.test(line));
    expect(code, output.slice(-8000)).toBe(0);
    expect(summary.join(" ")).toMatch(/Ran \d+ tests .*OK/);
    if (process.env.CI) expect(summary.join(" "), "under CI every companion test must run").not.toMatch(/skipped/);

    expect(existsSync(dumped)).toBe(true);
    const messages = readFileSync(dumped, "utf8")
      .split("\n")
      .filter(Boolean)
      .map((line) => check(JSON.parse(line)));
    const kinds = new Set(messages.map((m) => m.t));
    expect([...kinds].sort()).toEqual(["callback", "edit-applied", "edit-queued", "hello", "log", "run-end", "run-start", "value"]);
    const sources = new Set(messages.flatMap((m) => (m.t === "log" ? [m.source] : [])));
    expect([...sources].sort()).toEqual(["companion", "exception", "logging", "print"]);
    const entryKinds = new Set(messages.flatMap((m) => (m.t === "run-end" ? m.entries.map((e) => e.kind) : [])));
    expect([...entryKinds].sort()).toEqual(["component", "value", "widget"]);
    expect(messages.some((m) => m.t === "run-end" && m.entries.some((e) => e.kind === "value" && e.summary !== undefined))).toBe(true);
    expect(messages.some((m) => m.t === "run-end" && m.entries.some((e) => e.kind === "component" && e.stateSummaries !== undefined))).toBe(true);
  });

  it("boots the app with the companion, says hello first, and ends when the control socket closes", { timeout: 90_000 }, async (ctx) => {
    const python = skipWithoutPython(ctx)!;
    const dir = tempDir();
    writeFileSync(join(dir, "app.py"), 'import streamlit as st\nst.write("hi")\n');
    const control = join(dir, "control.sock");
    const connections: Socket[] = [];
    const firstLine = new Promise<string>((resolveLine, reject) => {
      const server = createServer((socket) => {
        connections.push(socket);
        let buffered = "";
        socket.on("data", (chunk: Buffer) => {
          buffered += chunk.toString("utf8");
          const end = buffered.indexOf("\n");
          if (end >= 0) resolveLine(buffered.slice(0, end));
        });
        socket.on("error", () => undefined);
      });
      server.on("error", reject);
      server.listen(control);
      cleanups.push(() => server.close());
    });

    const port = await freePort();
    const child = spawn(python, [BOOT, "app.py", "--server.headless=true", `--server.port=${port}`, "--server.address=127.0.0.1", "--browser.gatherUsageStats=false"], {
      cwd: dir,
      env: { ...process.env, LOOPWRIGHT_CONTROL: control },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    child.stdout!.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.stderr!.on("data", (chunk: Buffer) => (output += chunk.toString()));
    cleanups.push(() => {
      if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
    });

    const hello = check(JSON.parse(await firstLine));
    expect(hello.t).toBe("hello");
    if (hello.t !== "hello") return;
    expect(hello.streamlit).toMatch(/^1\.\d+\.\d+/);
    expect(hello.python).toMatch(/^3\.\d+\.\d+$/);
    // A serialized FileDescriptorSet of Streamlit's protocol, base64.
    expect(Buffer.from(hello.descriptors, "base64").toString("latin1")).toContain("ForwardMsg.proto");

    // Streamlit is serving the app...
    const deadline = Date.now() + 60_000;
    for (;;) {
      const healthy = await fetch(`http://127.0.0.1:${port}/_stcore/health`).then((response) => response.ok, () => false);
      if (healthy) break;
      if (Date.now() > deadline || child.exitCode !== null) throw new Error(`Streamlit never served the app:\n${output}`);
      await new Promise((done) => setTimeout(done, 200));
    }
    // ...when Loopwright goes away: the companion ends the process within seconds.
    const closedAt = Date.now();
    connections.forEach((socket) => socket.destroy());
    await Promise.race([exited(child), new Promise((_, reject) => setTimeout(() => reject(new Error(`still running 8 s after the control socket closed:\n${output}`)), 8_000))]);
    expect(Date.now() - closedAt).toBeLessThan(6_000);
  });
});
