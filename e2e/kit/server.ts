import { spawn, type ChildProcess } from "node:child_process";
import { builtFile, packageRoot } from "./paths";

const READY = /Loopwright ready at (\S+)/;
const LOG_LIMIT = 20_000;

/** A browser-mode server started by the kit. */
export interface ServerHandle {
  /** The URL the server printed (token included). */
  url: string;
  /** Everything the server wrote to stdout and stderr so far (the last 20 000 characters). */
  log(): string;
  /** Stop the server: SIGTERM, then SIGKILL after 3 s. Safe to call twice. */
  stop(): Promise<void>;
}

/**
 * Start `node out/main/server.js <app> --port 0` and resolve once it prints
 * `Loopwright ready at URL`. Rejects (and kills the child) on timeout or early exit, with the
 * child's output in the error.
 */
export function startServer(appPath: string, timeoutMs = 30_000): Promise<ServerHandle> {
  const child = spawn(process.execPath, [builtFile("out/main/server.js"), appPath, "--port", "0"], {
    cwd: packageRoot(),
    stdio: ["ignore", "pipe", "pipe"],
    env: { ...process.env, FORCE_COLOR: "0" },
  });
  let output = "";
  const append = (chunk: Buffer) => {
    output = (output + chunk.toString("utf8")).slice(-LOG_LIMIT);
  };
  child.stdout!.on("data", append);
  child.stderr!.on("data", append);
  const handle = (url: string): ServerHandle => ({ url, log: () => output, stop: () => stopChild(child) });

  return new Promise((resolve, reject) => {
    const fail = (why: string) => {
      clearTimeout(timer);
      void stopChild(child);
      reject(new Error(`loopwright/test: server for ${appPath} ${why}\n--- server output ---\n${output}`));
    };
    const timer = setTimeout(() => fail(`printed no "Loopwright ready at" line within ${timeoutMs} ms`), timeoutMs);
    child.once("error", (err) => fail(`could not start: ${err.message}`));
    child.once("exit", (code, signal) => fail(`exited early (code ${code}, signal ${signal})`));
    let stdout = "";
    const onStdout = (chunk: Buffer) => {
      stdout += chunk.toString("utf8");
      const match = READY.exec(stdout);
      if (!match) return;
      clearTimeout(timer);
      child.removeAllListeners("exit");
      child.removeAllListeners("error");
      child.stdout!.off("data", onStdout);
      resolve(handle(match[1]));
    };
    child.stdout!.on("data", onStdout);
  });
}

function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const kill = setTimeout(() => child.kill("SIGKILL"), 3_000);
    child.once("exit", () => {
      clearTimeout(kill);
      resolve();
    });
    child.kill("SIGTERM");
  });
}
