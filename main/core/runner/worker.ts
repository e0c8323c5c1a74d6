import { Module } from "node:module";
import { dirname, sep } from "node:path";
import { format } from "node:util";
import { parentPort, workerData } from "node:worker_threads";
import { formatLocation, type AppElement, type Delta, type LogEntry } from "../../../common";
import type { AppScript } from "../../../common/api";
import { exportState, importState } from "../engine/persist";
import { RerunEngine, type RunRequest } from "../engine/rerun-engine";
import { toExceptionElement } from "../engine/exceptions";
import { DeltaQueue } from "../engine/delta-queue";
import { authorFrames } from "./locations";
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
keepAsyncErrors();
explainExit();

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
  if (outcome.interruptedAt) outcome.interruptedAt = relative({ trace: [outcome.interruptedAt] }).trace[0];
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

function log(level: LogEntry["level"], message: string, stack: string | undefined, withStack: boolean) {
  const { rows, location } = authorFrames(stack, appDir);
  const authorStack = withStack && rows.length ? [message, ...rows.map((row) => `    at ${row}`)].join("\n") : null;
  post({ type: "log", entry: { level, message, at: Date.now(), runId: null, source: "script", location, stack: authorStack } });
}

/** The script's console lines go to the Log (and still to the terminal), with the line that wrote them. */
function forwardConsole() {
  const levels = { log: "info", info: "info", debug: "info", warn: "warn", error: "error" } as const;
  for (const [method, level] of Object.entries(levels)) {
    const original = console[method as keyof typeof levels].bind(console);
    console[method as keyof typeof levels] = (...args: unknown[]) => {
      original(...args);
      log(level, format(...args), new Error().stack, false);
    };
  }
}

/**
 * A rejection nobody handles, or a throw in a timer, would end the worker (Node's default) and the
 * next run would pay for a new one without anyone knowing why. Like an exception in a Python
 * script's thread, it is reported (in the Log, with the script's line) and the script carries on.
 */
function keepAsyncErrors() {
  const report = (how: string, error: unknown) => {
    const stack = error instanceof Error ? error.stack : undefined;
    const text = error instanceof Error ? `${error.name}: ${error.message}` : `${String(error)} (not an Error, so no stack)`;
    const { location } = authorFrames(stack, appDir);
    log("error", `${how}: ${text}${location ? ` (${formatLocation(location)})` : ""}`, stack, true);
  };
  process.on("unhandledRejection", (reason) => report("Unhandled promise rejection in the script", reason));
  process.on("uncaughtException", (error) => report("Uncaught exception in the script (in a timer or a callback)", error));
}

/**
 * process.exit in a worker would end only the runner, silently. It still does (nothing after it
 * should run), but first the host is told where and why, and says so.
 */
function explainExit() {
  const exit = process.exit.bind(process);
  process.exit = ((code?: number | string | null) => {
    const { location } = authorFrames(new Error().stack, appDir);
    const where = location ? ` at ${formatLocation(location)}` : "";
    post({
      type: "exiting",
      reason: `The script called process.exit(${code ?? ""})${where}. Loopwright cannot let a script exit the host: the run ended there and the runner was restarted`,
    });
    exit(code ?? undefined);
  }) as typeof process.exit;
}
