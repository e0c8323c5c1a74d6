import { resolve } from "node:path";
import * as esbuild from "esbuild";

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
