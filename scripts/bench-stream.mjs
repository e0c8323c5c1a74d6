#!/usr/bin/env node
// What streaming (docs/semantics.md §14) costs a run that renders one element, against the
// whole-page publish alone, measured in the same process:
// - engine: the median time of a run with the delta sink attached (queue + macrotask flush, as the
//   runner does) and without it (the publish-only path), in alternating blocks;
// - host: per run, the messages and bytes the host emits (`stream` events vs the `render` it
//   always published) for a synchronous one-element script and for one that awaits once.
//   node scripts/bench-stream.mjs [--rounds 2000] [--block 100] [--host-runs 40]
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import * as esbuild from "esbuild";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const { values } = parseArgs({ options: { rounds: { type: "string", default: "2000" }, block: { type: "string", default: "100" }, "host-runs": { type: "string", default: "40" } } });
const rounds = Number(values.rounds);
const block = Number(values.block);
const hostRuns = Number(values["host-runs"]);

const cache = join(root, "node_modules/.cache/loopwright-bench");
async function bundle(entry, name) {
  const outfile = join(cache, name);
  await esbuild.build({ entryPoints: [entry], outfile, bundle: true, platform: "node", format: "cjs", target: "node20", packages: "external", logLevel: "silent" });
  return outfile;
}
const require = (await import("node:module")).createRequire(import.meta.url);
const { RerunEngine } = require(await bundle(join(root, "main/core/engine/rerun-engine.ts"), "engine.cjs"));
const { DeltaQueue } = require(await bundle(join(root, "main/core/engine/delta-queue.ts"), "delta-queue.cjs"));
const { createScriptHost } = require(await bundle(join(root, "main/core/index.ts"), "core.cjs"));
const workerPath = await bundle(join(root, "main/core/runner/worker.ts"), "worker.js");

const median = (xs) => xs.slice().sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const request = { widgetStates: [], fragmentId: null, edits: [] };

// Engine: one element, with and without the sink, alternating blocks so drift hits both alike.
const engine = new RerunEngine((st) => st.markdown("one element"), root);
const withSink = async () => {
  const queue = new DeltaQueue();
  let flush = null;
  await engine.run(request, (delta) => {
    queue.push(delta);
    flush ??= setImmediate(() => queue.take());
  });
  if (flush) clearImmediate(flush);
};
const samples = { publishOnly: [], streaming: [] };
for (let i = 0; i < 200; i++) await withSink(), await engine.run(request);
for (let done = 0; done < rounds; done += 2 * block) {
  for (const [name, run] of [["publishOnly", () => engine.run(request)], ["streaming", withSink]]) {
    for (let j = 0; j < block; j++) {
      const start = process.hrtime.bigint();
      await run();
      samples[name].push(Number(process.hrtime.bigint() - start) / 1000);
    }
  }
}
const engineResult = {
  publishOnlyMedianUs: +median(samples.publishOnly).toFixed(1),
  streamingMedianUs: +median(samples.streaming).toFixed(1),
};
engineResult.ratio = +(engineResult.streamingMedianUs / engineResult.publishOnlyMedianUs).toFixed(3);

// Host: what goes out per run.
async function hostFigures(source) {
  const dir = mkdtempSync(join(tmpdir(), "lw-bench-stream-"));
  const appPath = join(dir, "app.ts");
  writeFileSync(appPath, source);
  const host = await createScriptHost({ appPath, workerPath, watch: false });
  const counts = { renderMessages: 0, renderBytes: 0, streamMessages: 0, streamBytes: 0 };
  host.on("render", (run) => ((counts.renderMessages += 1), (counts.renderBytes += JSON.stringify(run).length)));
  host.on("stream", (message) => ((counts.streamMessages += 1), (counts.streamBytes += JSON.stringify(message).length)));
  for (let i = 0; i < hostRuns; i++) await host.rerun({ widgetStates: null, fragmentId: null, source: "api", causeId: null });
  await host.dispose();
  return Object.fromEntries(Object.entries(counts).map(([k, v]) => [k + "PerRun", +(v / hostRuns).toFixed(2)]));
}
const syncHost = await hostFigures(`export default function app(st) { st.markdown("one element"); }`);
const awaitingHost = await hostFigures(`export default async function app(st) { await new Promise((r) => setTimeout(r, 1)); st.markdown("one element"); }`);

console.log(JSON.stringify({ rounds, block, engine: engineResult, host: { synchronousOneElement: syncHost, awaitingOneElement: awaitingHost } }, null, 2));
process.exit(0);
