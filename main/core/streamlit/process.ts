import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { request } from "node:http";
import { randomBytes } from "node:crypto";
import { createServer, type AddressInfo, type Server, type Socket } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Emitter } from "../../../common";
import { check } from "../../../common/validation";
import { CompanionMessageSchema, type CompanionMessage, type HostToCompanion } from "./companion-protocol";

/** The companion's hello; the protocol and the version come from it. */
export type CompanionHello = Extract<CompanionMessage, { t: "hello" }>;

export interface StreamlitProcessOptions {
  python: string;
  appPath: string;
  /** Where `streamlit run` would have been typed: `.streamlit/config.toml` and secrets are looked for there too. */
  cwd: string;
  /** The folder holding loopwright_boot.py and the loopwright_companion package. */
  companionDir: string;
  /** Lines Streamlit writes to its stdout/stderr (its own logging, and the author's prints outside runs). */
  onOutput(line: string, stream: "stdout" | "stderr"): void;
  /** How long Streamlit may take to answer its health check. Default 60 s (a cold start on a busy machine imports pandas). */
  startTimeoutMs?: number;
}

/** Everything the companion says after its hello, validated. */
type CompanionEvents = { message: CompanionMessage; invalid: string };

/** The longest line the companion may send: a run-end with many big keys is summarised well below this. */
const MAX_LINE = 64 * 1024 * 1024;
const KILL_GRACE_MS = 1_000;

/**
 * The author's app under real Streamlit: `python loopwright_boot.py app.py`, which injects the
 * companion and then runs Streamlit as `streamlit run` does, on a loopback port under a random
 * base path: only Loopwright, which made it up, knows where the app is (Streamlit 1.64's server
 * cannot listen on a Unix socket). The companion talks back on a Unix socket in a folder only
 * this user can read. The process is started in
 * its own group and ended with it, on every exit path: `stop()`, the control socket closing
 * (the companion exits when Loopwright is gone), and the process exiting on its own.
 */
export class StreamlitProcess {
  readonly companion = new Emitter<CompanionEvents>();
  /** Resolves when the Python process has exited, with why. */
  readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  private control: Socket | null = null;
  private stopping: Promise<void> | null = null;

  private constructor(
    private readonly child: ChildProcess,
    private readonly dir: string,
    private readonly controlServer: Server,
    /** Where Streamlit answers: `http://127.0.0.1:<port>/<secret base path>` (no trailing slash). */
    readonly serverUrl: string,
    readonly hello: CompanionHello,
  ) {
    this.exited = new Promise((resolve) => {
      if (child.exitCode !== null || child.signalCode !== null) resolve({ code: child.exitCode, signal: child.signalCode });
      else child.once("exit", (code, signal) => resolve({ code, signal }));
    });
  }

  get pid(): number | undefined {
    return this.child.pid;
  }

  /** Sends one message to the companion; false when the channel is gone. */
  send(message: HostToCompanion): boolean {
    if (!this.control || this.control.destroyed) return false;
    this.control.write(`${JSON.stringify(message)}\n`);
    return true;
  }

  /** Ends the process group: SIGTERM, then SIGKILL after a grace period. Safe to call twice. */
  stop(): Promise<void> {
    this.stopping ??= (async () => {
      killGroup(this.child, "SIGTERM");
      const timer = setTimeout(() => killGroup(this.child, "SIGKILL"), KILL_GRACE_MS);
      await this.exited;
      clearTimeout(timer);
      // A server the companion started (multiprocessing, a subprocess) must not outlive it either.
      killGroup(this.child, "SIGKILL");
      this.control?.destroy();
      await new Promise<void>((resolve) => this.controlServer.close(() => resolve()));
      rmSync(this.dir, { recursive: true, force: true });
    })();
    return this.stopping;
  }

  static async start(options: StreamlitProcessOptions): Promise<StreamlitProcess> {
    const dir = mkdtempSync(join(tmpdir(), "lw-st-"));
    const controlPath = join(dir, "control.sock");
    const port = await freePort();
    const basePath = randomBytes(18).toString("base64url");
    const serverUrl = `http://127.0.0.1:${port}/${basePath}`;
    const controlServer = createServer();
    await new Promise<void>((resolve, reject) => controlServer.once("error", reject).listen(controlPath, () => resolve()));

    const child = spawn(
      options.python,
      [
        join(options.companionDir, "loopwright_boot.py"),
        options.appPath,
        "--server.headless=true",
        "--server.address=127.0.0.1",
        `--server.port=${port}`,
        `--server.baseUrlPath=${basePath}`,
        // A save reruns the app, as Loopwright's hot reload does for TypeScript apps.
        "--server.runOnSave=true",
        "--browser.gatherUsageStats=false",
      ],
      {
        cwd: options.cwd,
        detached: true,
        stdio: ["ignore", "pipe", "pipe"],
        env: { ...process.env, LOOPWRIGHT_CONTROL: controlPath, PYTHONUNBUFFERED: "1", PYTHONDONTWRITEBYTECODE: "1" },
      },
    );
    const output: string[] = [];
    for (const stream of ["stdout", "stderr"] as const) {
      let partial = "";
      child[stream]!.setEncoding("utf8").on("data", (chunk: string) => {
        const lines = (partial + chunk).split("\n");
        partial = lines.pop() ?? "";
        for (const line of lines) {
          output.push(line);
          if (output.length > 200) output.shift();
          options.onOutput(line, stream);
        }
      });
    }
    const cleanUp = () => {
      killGroup(child, "SIGKILL");
      controlServer.close();
      rmSync(dir, { recursive: true, force: true });
    };
    let onError = (_error: Error) => {};
    let onExit = (_code: number | null, _signal: NodeJS.Signals | null) => {};
    const exitedEarly = new Promise<never>((_, reject) => {
      onError = (error) => reject(new StartError(`could not start ${options.python}: ${error.message}`, output));
      onExit = (code, signal) => reject(new StartError(`Streamlit exited before it was ready (${signal ?? `exit code ${code}`})`, output));
      child.once("error", onError).once("exit", onExit);
    });
    exitedEarly.catch(() => {});

    try {
      const { socket, hello, rest } = await Promise.race([acceptCompanion(controlServer), exitedEarly]);
      const started = new StreamlitProcess(child, dir, controlServer, serverUrl, hello);
      started.control = socket;
      started.listen(socket, rest);
      await Promise.race([waitForHealth(serverUrl, options.startTimeoutMs ?? 60_000, output), exitedEarly]);
      child.off("exit", onExit).off("error", onError);
      // An error event with no listener would throw: a process that cannot be signalled is just gone.
      child.on("error", () => {});
      return started;
    } catch (error) {
      cleanUp();
      throw error;
    }
  }

  private listen(socket: Socket, rest: string): void {
    readLines(socket, rest, (line) => {
      let parsed: unknown;
      try {
        parsed = JSON.parse(line);
      } catch {
        this.companion.emit("invalid", `not JSON: ${line.slice(0, 200)}`);
        return;
      }
      const result = check(CompanionMessageSchema, parsed);
      if (result.ok) this.companion.emit("message", result.value);
      else this.companion.emit("invalid", result.error);
    });
  }
}

/** Why Streamlit did not start, with the last lines it printed. */
export class StartError extends Error {
  override name = "StartError";
  constructor(message: string, output: readonly string[]) {
    const tail = output.filter((line) => line.trim()).slice(-15).join("\n");
    super(tail ? `${message}\n${tail}` : message);
  }
}

/** The companion's connection and its first line, the hello. */
function acceptCompanion(server: Server): Promise<{ socket: Socket; hello: CompanionHello; rest: string }> {
  return new Promise((resolve, reject) => {
    server.once("connection", (socket) => {
      let buffer = "";
      const onData = (chunk: string) => {
        buffer += chunk;
        const end = buffer.indexOf("\n");
        if (end < 0) {
          if (buffer.length > MAX_LINE) reject(new Error("the companion's hello is too long"));
          return;
        }
        socket.off("data", onData);
        const result = check(CompanionMessageSchema, safeJson(buffer.slice(0, end)));
        if (!result.ok || result.value.t !== "hello") {
          reject(new Error(`the companion did not say hello (${result.ok ? result.value.t : result.error})`));
          return;
        }
        resolve({ socket, hello: result.value, rest: buffer.slice(end + 1) });
      };
      socket.setEncoding("utf8").on("data", onData);
    });
  });
}

function readLines(socket: Socket, initial: string, onLine: (line: string) => void): void {
  let buffer = "";
  const take = (chunk: string) => {
    buffer += chunk;
    let end: number;
    while ((end = buffer.indexOf("\n")) >= 0) {
      const line = buffer.slice(0, end);
      buffer = buffer.slice(end + 1);
      if (line) onLine(line);
    }
    // A runaway line is dropped rather than held: the companion is the author's process.
    if (buffer.length > MAX_LINE) buffer = "";
  };
  socket.on("data", take);
  if (initial) take(initial);
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

/** A port nothing listens on now (Streamlit takes it a moment later; a clash fails its start loudly). */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once("error", reject).listen(0, "127.0.0.1", () => {
      const { port } = probe.address() as AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

/** Polls Streamlit's health endpoint until it answers ok. */
async function waitForHealth(serverUrl: string, timeoutMs: number, output: readonly string[]): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (await healthy(serverUrl)) return;
    if (Date.now() > deadline) throw new StartError(`Streamlit did not answer its health check within ${timeoutMs / 1000} s`, output);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

function healthy(serverUrl: string): Promise<boolean> {
  return new Promise((resolve) => {
    const req = request(`${serverUrl}/_stcore/health`, { timeout: 2_000 }, (res) => {
      res.resume();
      resolve(res.statusCode === 200);
    });
    req.on("error", () => resolve(false));
    req.on("timeout", () => req.destroy());
    req.end();
  });
}

function killGroup(child: ChildProcess, signal: NodeJS.Signals): void {
  if (child.pid === undefined) return;
  try {
    process.kill(-child.pid, signal);
  } catch {
    // Already gone.
  }
}
