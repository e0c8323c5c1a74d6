import { Module } from "node:module";
import { dirname, sep } from "node:path";
import { format } from "node:util";
import { parentPort, workerData } from "node:worker_threads";
import type { AppElement, Delta } from "../../../common";
import type { AppScript } from "../../../common/api";
import { exportState, importState } from "../engine/persist";
import { RerunEngine, type RunRequest } from "../engine/rerun-engine";
import { toExceptionElement } from "../engine/exceptions";
import { DeltaQueue } from "../engine/delta-queue";
import type { FromWorker, ToWorker, WorkerData } from "./protocol";

/**
 * The runner: a worker thread that owns the session's RerunEngine and runs the author's script.
 * A hung or crashing script takes only this thread down; the host replaces it.
 */
process.setSourceMapsEnabled(true);

const port = parentPort!;
const interrupt = new Int32Array((workerData as WorkerData).interrupt);
const post = (message: FromWorker) => port.postMessage(message);
let engine: RerunEngine | null = null;
let appDir = "";
let running: number | null = null;
/** How long a synchronous stretch of a run may render before its deltas go out anyway. */
const STREAM_INTERVAL_MS = 50;

forwardConsole();

port.on("message", async (message: ToWorker) => {
  if (message.type === "load") post({ type: "loaded", error: load(message) });
  else if (message.type === "run") await run(message.request);
  else if (message.type === "interrupt" && message.runId === running) engine?.interrupt();
});

function load({ code, filename, appPath, restore }: Extract<ToWorker, { type: "load" }>) {
  appDir = dirname(appPath);
  try {
    const exports = evaluate(code, filename);
    const app: unknown = exports?.default ?? exports;
    if (typeof app !== "function") {
      return { type: "exception" as const, name: "TypeError", message: `${appPath} must export a function as its default export: export default function app(st) { … }`, trace: [] };
    }
    if (!engine) {
      engine = new RerunEngine(app as AppScript, appDir, () => Atomics.load(interrupt, 0) !== 0);
      if (restore) importState(engine.state, restore);
    } else {
      engine.setApp(app as AppScript);
    }
    return null;
  } catch (error) {
    return relative(toExceptionElement(error));
  }
}

/**
 * Runs the bundle as the CommonJS module `filename` without it touching the disk, the way
 * `require` would after reading the file; the inline source map still maps its stack frames. A
 * new Module each time, outside the require cache, so a reload never sees the previous build.
 */
function evaluate(code: string, filename: string) {
  const module = new Module(filename) as Module & { _compile(code: string, filename: string): void };
  module.filename = filename;
  module.paths = (Module as typeof Module & { _nodeModulePaths(dir: string): string[] })._nodeModulePaths(dirname(filename));
  module._compile(code, filename);
  return module.exports;
}

/**
 * Runs the script, streaming what it renders (§14): deltas wait in a queue until the next macrotask
 * boundary, so a short script that never yields to the event loop sends none (its final tree says
 * it all), while one that awaits sends what it rendered before each wait as one message (the first
 * one even if empty, so the page knows a run is in progress). A long
 * synchronous stretch still streams, at most every STREAM_INTERVAL_MS.
 */
async function run(request: RunRequest) {
  if (!engine) throw new Error("run before load");
  const queue = new DeltaQueue();
  let flush: NodeJS.Immediate | null = null;
  let sentAt = performance.now();
  const send = () => {
    if (flush) clearImmediate(flush);
    flush = null;
    sentAt = performance.now();
    post({ type: "deltas", runId: request.runId, deltas: queue.take().map(relativeDelta) });
  };
  running = request.runId;
  // Still running at the first boundary: the page hears of the run even before it renders anything.
  flush = setImmediate(send);
  const outcome = await engine.run(request, (delta) => {
    queue.push(delta);
    if (performance.now() - sentAt >= STREAM_INTERVAL_MS) send();
    else flush ??= setImmediate(send);
  });
  running = null;
  if (flush) clearImmediate(flush);
  relativeTraces(outcome.tree.main);
  relativeTraces(outcome.tree.sidebar);
  post({ type: "done", runId: request.runId, outcome, committed: exportState(engine.state) });
}

function relativeDelta(delta: Delta): Delta {
  return delta.element.type === "exception" ? { ...delta, element: relative(delta.element) } : delta;
}

function relativeTraces(elements: AppElement[]): void {
  for (const element of elements) {
    if (element.type === "exception") Object.assign(element, relative(element));
    if (element.type === "block") relativeTraces(element.children);
  }
}

/** Trace rows relative to the app's folder: `app.ts:12:5` reads better than a long absolute path. */
function relative<T extends { trace: string[] }>(element: T): T {
  const prefix = appDir + sep;
  return { ...element, trace: element.trace.map((row) => row.split(prefix).join("")) };
}

function forwardConsole() {
  const levels = { log: "info", info: "info", debug: "info", warn: "warn", error: "error" } as const;
  for (const [method, level] of Object.entries(levels)) {
    const original = console[method as keyof typeof levels].bind(console);
    console[method as keyof typeof levels] = (...args: unknown[]) => {
      original(...args);
      post({ type: "log", entry: { level, message: format(...args), at: Date.now(), runId: null } });
    };
  }
}
