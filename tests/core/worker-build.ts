import { resolve } from "node:path";
import * as esbuild from "esbuild";
import { afterEach, beforeAll } from "vitest";
import type { ScriptHost } from "../../main/core";

/** Builds the runner worker from source for tests (production uses out/main/worker.js). */
export async function buildWorker(): Promise<string> {
  // Inside node_modules so the worker's external packages resolve like out/main/worker.js's do.
  const outfile = resolve(__dirname, "../../node_modules/.cache/loopwright-test", `worker-${process.pid}.js`);
  await esbuild.build({
    entryPoints: [resolve(__dirname, "../../main/core/runner/worker.ts")],
    outfile,
    bundle: true,
    platform: "node",
    format: "cjs",
    target: "node20",
    sourcemap: "inline",
    packages: "external",
    logLevel: "silent",
  });
  return outfile;
}

/**
 * For a test file that opens script hosts: builds the worker once, and disposes every host put in
 * `hosts` after each test. `workerPath()` is valid from the first test on.
 */
export function scriptHostFixture(): { workerPath: () => string; hosts: ScriptHost[] } {
  let workerPath = "";
  const hosts: ScriptHost[] = [];
  beforeAll(async () => {
    workerPath = await buildWorker();
  });
  afterEach(async () => {
    await Promise.all(hosts.splice(0).map((h) => h.dispose()));
  });
  return { workerPath: () => workerPath, hosts };
}
