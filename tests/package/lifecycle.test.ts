/**
 * `npx loopwright serve` as an author runs it, in a project that installed the packed tarball
 * (scripts/test-package.mjs sets it up and runs this file with LOOPWRIGHT_PACKED_PROJECT). However
 * `npx` goes away, the server and esbuild's service process go with it, the port is freed and no
 * file is left behind.
 */
import { spawn } from "node:child_process";
import { mkdtempSync, readdirSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { descendants, isRunning, waitFor, type ProcessInfo } from "../launch/processes";

const project = process.env.LOOPWRIGHT_PACKED_PROJECT;
if (!project) throw new Error("LOOPWRIGHT_PACKED_PROJECT is not set: run this file through scripts/test-package.mjs");

const READY = /Loopwright ready at (http:\/\/127\.0\.0\.1:(\d+)\/\S*)/;
const scratch = mkdtempSync(join(tmpdir(), "loopwright-lifecycle-"));
const started: ProcessInfo[] = [];
afterAll(() => {
  for (const proc of started) if (isRunning(proc.pid)) process.kill(proc.pid, "SIGKILL");
  rmSync(scratch, { recursive: true, force: true });
});

/** `npx loopwright serve app.ts --port 0` in its own process group, as a terminal runs it. */
async function serve(name: string) {
  const tmp = mkdtempSync(join(scratch, `${name}-`));
  const npx = spawn("npx", ["loopwright", "serve", "app.ts", "--port", "0"], {
    cwd: project,
    detached: true,
    stdio: ["ignore", "pipe", "pipe"],
    env: { ...process.env, TMPDIR: tmp },
  });
  let output = "";
  npx.stdout!.on("data", (chunk: Buffer) => (output += chunk));
  npx.stderr!.on("data", (chunk: Buffer) => (output += chunk));
  await waitFor(() => READY.test(output), "the ready line", 30_000).catch((error: Error) => {
    throw new Error(`${error.message}\n${output}`);
  });
  const [, url, port] = READY.exec(output)!;
  const tree = descendants(npx.pid!);
  started.push(...tree);
  return { npx, url, port: Number(port), tree, tmp, output: () => output };
}

function portIsFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const probe = createServer();
    probe.once("error", () => resolve(false));
    probe.listen(port, "127.0.0.1", () => probe.close(() => resolve(true)));
  });
}

const projectFiles = () => readdirSync(project, { recursive: true, encoding: "utf8" }).filter((f) => !f.startsWith("node_modules")).sort();

describe.skipIf(process.platform !== "linux")("npx loopwright serve goes away with npx", () => {
  const cases: { how: string; stop: (s: Awaited<ReturnType<typeof serve>>) => void }[] = [
    { how: "SIGTERM to npx", stop: (s) => process.kill(s.npx.pid!, "SIGTERM") },
    { how: "SIGHUP to npx", stop: (s) => process.kill(s.npx.pid!, "SIGHUP") },
    { how: "Ctrl-C (SIGINT to its process group)", stop: (s) => process.kill(-s.npx.pid!, "SIGINT") },
    { how: "SIGKILL to npx", stop: (s) => process.kill(s.npx.pid!, "SIGKILL") },
    {
      how: "SIGKILL to the loopwright CLI",
      stop: (s) => process.kill(s.tree.find((p) => p.cmdline.includes(".bin/loopwright"))!.pid, "SIGKILL"),
    },
  ];

  it.concurrent.each(cases)("$how", async ({ stop }) => {
    const before = projectFiles();
    const running = await serve(stop.name);
    const server = running.tree.find((p) => p.cmdline.includes("loopwright/out/main/server.js"));
    const esbuild = running.tree.find((p) => /esbuild --service/.test(p.cmdline));
    expect(server, running.tree.map((p) => p.cmdline).join("\n")).toBeDefined();
    expect(esbuild, running.tree.map((p) => p.cmdline).join("\n")).toBeDefined();
    expect((await fetch(running.url)).status).toBe(200);
    expect(await portIsFree(running.port)).toBe(false);

    stop(running);

    await waitFor(() => running.tree.every((p) => !isRunning(p.pid)), "every process of the tree to exit").catch((error: Error) => {
      const left = running.tree.filter((p) => isRunning(p.pid)).map((p) => `${p.pid} ${p.cmdline}`);
      throw new Error(`${error.message}; still running:\n${left.join("\n")}\n--- output ---\n${running.output()}`);
    });
    expect(await portIsFree(running.port)).toBe(true);
    expect(readdirSync(running.tmp)).toEqual([]);
    expect(projectFiles()).toEqual(before);
  }, 60_000);
});
