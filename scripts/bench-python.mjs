#!/usr/bin/env node
// What Loopwright costs a Python app on real Streamlit, against plain `streamlit run`, in one run:
//
// 1. Time to first render: from spawning `serve app.py` (node out/main/server.js app.py --port 0)
//    until the seed's component input is visible in the workbench's app view, against spawning
//    `streamlit run app.py` and opening its URL directly until the same input is visible. Each
//    start is cold for the page (a new browser context: no cache) and for the server (a new
//    process). Starts alternate (L P, P L, …) and each adjacent pair gives one ratio.
// 2. The loop's round trip on the seed app: the Enter keydown in the component's input until the
//    rerun's result is in the page (Streamlit's `stJson` shows the new value), stamped inside the
//    app's page with performance.now() at both ends (a capturing keydown listener; a
//    MutationObserver), so no Playwright round trip is in a sample. Three modes, all on one
//    machine at once: (a) plain `streamlit run` opened directly, (b) through Loopwright with the
//    timeline recording, (c) through Loopwright with recording paused (the author's own
//    Pause/Resume recording button in the Timeline tab, as bench-loop.mjs toggles it).
//
// A busy 2-core VM drifts a lot within a minute, so modes are never compared across time: trips
// are taken in adjacent pairs, every ordered pair of modes once a cycle (a b, b a, a c, c a,
// b c, c b) so each mode goes first as often as second, and each pair gives one ratio or
// difference. Interleaved with them are A/A pairs (a a, b b, c c), measured the same way: what
// noise alone produces in this very run. Before every trip the same steps are taken, switch or
// not (the workbench's record toggle is set; the page settles). Reported: medians with a 95%
// percentile-bootstrap interval over the pairs, and a summary block with a verdict line.
//
// Real Streamlit's own timing is bimodal: after each run it calls gc.collect(2)
// (runner.postScriptGC, on by default), which holds the GIL for tens of ms; the run's deltas are
// rendered before or after it by who wins the race to flush them. Loopwright changes who tends to
// win (its companion works at the end of a run), so with Streamlit's defaults the ratios measure
// that race as much as the path. `--post-script-gc off` sets STREAMLIT_RUNNER_POST_SCRIPT_GC=false
// for both sides, to measure the path alone. Not part of `npm test` (it takes minutes).
//   node scripts/bench-python.mjs [--runs 5] [--cycles 12] [--view session|timeline] [--post-script-gc on|off]
//   (needs `npm run build` first and Streamlit ≥ 1.51: LOOPWRIGHT_PYTHON, else .venv-streamlit;
//   BENCH_DEBUG=1 also prints every trip)
import { spawn } from "node:child_process";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { createServer } from "node:net";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { launchChromium } from "./bench-server.mjs";
import { median, summarize } from "./bench-stats.mjs";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const server = join(root, "out/main/server.js");
const app = join(root, "examples/text-input/app.py");
const KEY_CLASS = "st-key-my_text_input_instance";
const INPUT = `.${KEY_CLASS} input`;
/** Long enough for a tab's unmount and a toggle's messages to be done before the keydown (as bench-loop). */
const SETTLE_MS = 40;
/** How long one start or one trip may take before the bench says what it saw and stops. */
const START_TIMEOUT_MS = 90_000;
const TRIP_TIMEOUT_MS = 20_000;
/** Warm-up trips per mode before any is measured (the first reruns compile and cache). */
const WARM_TRIPS = 5;
/** bench-loop's target for what recording may add to the emulator's loop; the reference here too. */
const TARGET_MS = 0.5;

const { values } = parseArgs({
  options: {
    runs: { type: "string", default: "5" },
    cycles: { type: "string", default: "12" },
    view: { type: "string", default: "session" },
    "post-script-gc": { type: "string", default: "on" },
  },
});
const runs = Number(values.runs);
const cycles = Number(values.cycles);
const view = values.view;
if (!(Number.isInteger(runs) && runs >= 1)) throw new Error("--runs must be a positive integer (pairs of cold starts)");
if (!(Number.isInteger(cycles) && cycles >= 1)) throw new Error("--cycles must be a positive integer (9 pairs of trips a cycle)");
if (view !== "session" && view !== "timeline") throw new Error("--view must be session or timeline");
const postScriptGc = values["post-script-gc"];
if (postScriptGc !== "on" && postScriptGc !== "off") throw new Error("--post-script-gc must be on or off");
// Streamlit reads its options from the environment too; both servers (and Loopwright's Streamlit, which inherits it) get it.
if (postScriptGc === "off") process.env.STREAMLIT_RUNNER_POST_SCRIPT_GC = "false";
else delete process.env.STREAMLIT_RUNNER_POST_SCRIPT_GC;
if (!existsSync(server)) throw new Error(`${server} is missing: run \`npm run build\` first`);
const python = process.env.LOOPWRIGHT_PYTHON ?? join(root, ".venv-streamlit", "bin", "python");
if (!existsSync(python)) throw new Error(`no Python with Streamlit: set LOOPWRIGHT_PYTHON or create .venv-streamlit (see README); tried ${python}`);
// The server started below finds its interpreter here: both sides run the same Streamlit.
process.env.LOOPWRIGHT_PYTHON = python;

// ---- processes: every one started here is ended here, on success, error and Ctrl-C ----

/** The servers alive now: { kind, child, label }. */
const live = new Set();
/** Every process this bench started or saw among its servers' and Chromium's descendants: checked at the end. */
const seen = new Set();
let browser = null;
/** Chromium's main process (Playwright starts it as this process's child). */
let chromiumPids = [];
let cleaning = null;
/** The exit code of the signal that interrupted the run, if one did. */
let interrupted = null;

/** The pids of the children of `pid` and of theirs (Linux /proc; elsewhere none). */
function descendants(pid) {
  let entries;
  try {
    entries = readdirSync("/proc").filter((name) => /^\d+$/.test(name));
  } catch {
    return [];
  }
  const children = new Map();
  for (const name of entries) {
    try {
      // Field 4 of stat is the parent; the command (field 2) may hold spaces, so split after its ")".
      const stat = readFileSync(`/proc/${name}/stat`, "utf8");
      const ppid = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
      if (!children.has(ppid)) children.set(ppid, []);
      children.get(ppid).push(Number(name));
    } catch {
      // Gone meanwhile.
    }
  }
  const found = [];
  const queue = [pid];
  while (queue.length) for (const child of children.get(queue.shift()) ?? []) found.push(child), queue.push(child);
  return found;
}

function signal(pid, sig) {
  try {
    process.kill(pid, sig);
    return true;
  } catch {
    return false;
  }
}

function exited(child) {
  return child.exitCode !== null || child.signalCode !== null;
}

function waitExit(child, ms) {
  if (exited(child)) return Promise.resolve(true);
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(false), ms);
    child.once("exit", () => {
      clearTimeout(timer);
      resolve(true);
    });
  });
}

/**
 * Ends one server and everything it started. Loopwright's server ends its Streamlit itself on
 * SIGTERM (that shutdown is part of what it promises); whatever of its descendants is still there
 * after it has gone is killed. Plain Streamlit runs in a process group of its own, ended whole.
 */
function stopServer(entry) {
  entry.stopping ??= endServer(entry).finally(() => live.delete(entry));
  return entry.stopping;
}

async function endServer(entry) {
  const { child, kind } = entry;
  if (child.pid === undefined) return;
  const family = descendants(child.pid);
  for (const pid of [child.pid, ...family]) seen.add(pid);
  if (kind === "plain") signal(-child.pid, "SIGTERM");
  else signal(child.pid, "SIGTERM");
  if (!(await waitExit(child, 5_000))) {
    if (kind === "plain") signal(-child.pid, "SIGKILL");
    else signal(child.pid, "SIGKILL");
    await waitExit(child, 2_000);
  }
  // Loopwright's Streamlit is in a group of its own (detached): end the group if it outlived the server.
  for (const pid of family) signal(-pid, "SIGKILL") || signal(pid, "SIGKILL");
  if (kind === "plain") signal(-child.pid, "SIGKILL");
}

function cleanUp() {
  cleaning ??= (async () => {
    for (const pid of chromiumPids) for (const each of [pid, ...descendants(pid)]) seen.add(each);
    const closing = browser?.close().catch(() => {});
    await Promise.all([...live].map(stopServer));
    await Promise.race([closing, new Promise((resolve) => setTimeout(resolve, 10_000).unref())]);
    // Chromium's own children (its crash handler among them) may take a moment after it.
    for (let i = 0; i < 50 && leftBehind().length; i++) await new Promise((resolve) => setTimeout(resolve, 100));
    for (const pid of leftBehind()) signal(pid, "SIGKILL");
  })();
  return cleaning;
}

function commandOf(pid) {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, "utf8").replaceAll("\0", " ");
  } catch {
    return "";
  }
}

/** The processes this bench saw that are still alive (zombies, already dead, do not count). */
function leftBehind() {
  return [...seen].filter((pid) => {
    try {
      return !/^\d+ \(.*\) Z /.test(readFileSync(`/proc/${pid}/stat`, "utf8"));
    } catch {
      return false;
    }
  });
}

for (const [sig, code] of [
  ["SIGINT", 130],
  ["SIGTERM", 143],
  ["SIGHUP", 129],
]) {
  process.once(sig, () => {
    interrupted = code;
    console.error(`\nbench-python: ${sig}: ending the servers and Chromium it started…`);
    cleanUp().finally(() => {
      const left = leftBehind();
      console.error(left.length ? `bench-python: still alive: ${left.join(" ")}` : "bench-python: every process it started has ended");
      process.exit(code);
    });
  });
}
// The last resort, synchronous: a server still alive when Node exits is signalled on the way out.
process.on("exit", () => {
  for (const { child, kind } of live) {
    if (child.pid === undefined) continue;
    for (const pid of descendants(child.pid)) signal(-pid, "SIGKILL") || signal(pid, "SIGKILL");
    if (kind === "plain") signal(-child.pid, "SIGKILL");
    else signal(child.pid, "SIGKILL");
  }
});

/** Resolves with the first match of `pattern` in the child's stdout; rejects if it exits or time runs out. */
function waitForLine(entry, pattern) {
  const { child, label } = entry;
  return new Promise((resolve, reject) => {
    let out = "";
    const timer = setTimeout(() => reject(new Error(`${label} printed no ${pattern} within ${START_TIMEOUT_MS / 1000} s; it said:\n${out.slice(-2000)}`)), START_TIMEOUT_MS);
    child.stdout.setEncoding("utf8").on("data", (chunk) => {
      out += chunk;
      const match = pattern.exec(out);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    });
    child.once("exit", (code, sig) => {
      clearTimeout(timer);
      reject(new Error(`${label} exited (${sig ?? `code ${code}`}) before it was ready; it said:\n${out.slice(-2000)}`));
    });
  });
}

/** `serve app.py`, the way bench-server.mjs's serveApp starts it: resolves with the workbench's URL (token included). */
async function startLoopwright() {
  const child = spawn(process.execPath, [server, app, "--port", "0"], { cwd: root, stdio: ["ignore", "pipe", "inherit"] });
  const entry = { kind: "loopwright", child, label: "Loopwright (serve app.py)" };
  live.add(entry);
  seen.add(child.pid);
  const url = await waitForLine(entry, /Loopwright ready at (\S+)/);
  return { entry, url };
}

/** A port nothing listens on now. */
function freePort() {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once("error", reject).listen(0, "127.0.0.1", () => {
      const { port } = probe.address();
      probe.close(() => resolve(port));
    });
  });
}

/**
 * Plain `streamlit run app.py`, with the settings Loopwright gives its own Streamlit that change
 * anything here (loopback only, no usage statistics): resolves with the URL it prints.
 */
async function startPlain() {
  const port = await freePort();
  const args = ["-m", "streamlit", "run", app, "--server.headless", "true", "--server.port", String(port), "--server.address", "127.0.0.1", "--browser.gatherUsageStats", "false"];
  const child = spawn(python, args, { cwd: root, detached: true, stdio: ["ignore", "pipe", "pipe"], env: { ...process.env, PYTHONUNBUFFERED: "1" } });
  const entry = { kind: "plain", child, label: "plain streamlit run" };
  live.add(entry);
  seen.add(child.pid);
  let errors = "";
  child.stderr.setEncoding("utf8").on("data", (chunk) => (errors = (errors + chunk).slice(-4000)));
  const url = await waitForLine(entry, /URL: (http\S+)/).catch((error) => {
    throw new Error(`${error.message}\n${errors}`);
  });
  return { entry, url };
}

/** The app's page: plain Streamlit's main frame, or the frame the workbench shows it in. */
async function appFrame(page, kind) {
  if (kind === "plain") return page.mainFrame();
  const handle = await page.locator('[data-testid="lw-preview-frame"]').elementHandle({ timeout: START_TIMEOUT_MS });
  const frame = await handle.contentFrame();
  if (!frame) throw new Error("the workbench's app view frame has no document");
  return frame;
}

// ---- 1. time to first render ----

/** One cold start: spawn → the component's input visible. Returns ms, and when the server said it was ready. */
async function firstRender(kind) {
  const context = await browser.newContext();
  const started = performance.now();
  let entry;
  try {
    const server = kind === "plain" ? await startPlain() : await startLoopwright();
    entry = server.entry;
    const ready = performance.now() - started;
    const page = await context.newPage();
    await page.goto(server.url);
    const input = kind === "plain" ? page.locator(INPUT) : page.frameLocator('[data-testid="lw-preview-frame"]').locator(INPUT);
    await input.waitFor({ state: "visible", timeout: START_TIMEOUT_MS });
    return { ms: performance.now() - started, readyMs: ready };
  } finally {
    await context.close().catch(() => {});
    if (entry) await stopServer(entry);
  }
}

async function benchFirstRender() {
  const pairs = [];
  const samples = { loopwright: [], plain: [], loopwrightReady: [], plainReady: [] };
  for (let i = 0; i < runs; i++) {
    const order = i % 2 === 0 ? ["loopwright", "plain"] : ["plain", "loopwright"];
    const got = {};
    for (const kind of order) {
      got[kind] = await firstRender(kind);
      samples[kind].push(got[kind].ms);
      samples[`${kind}Ready`].push(got[kind].readyMs);
    }
    pairs.push(got.loopwright.ms / got.plain.ms);
    process.stderr.write(`first render ${i + 1}/${runs}: Loopwright ${got.loopwright.ms.toFixed(0)} ms, plain ${got.plain.ms.toFixed(0)} ms\n`);
  }
  return { pairs, samples };
}

// ---- 2. the loop's round trip ----

/** Stamps, inside the app's page, the Enter keydown and the moment stJson shows the expected text. */
function instrument(frame) {
  return frame.evaluate(() => {
    const bench = (globalThis.__bench = { expect: null, start: null, end: null });
    addEventListener(
      "keydown",
      (e) => {
        if (e.key === "Enter" && bench.expect !== null && bench.start === null) bench.start = performance.now();
      },
      true,
    );
    new MutationObserver(() => {
      if (bench.start === null || bench.end !== null) return;
      const json = document.querySelector('[data-testid="stJson"]');
      if (json?.textContent.includes(bench.expect)) bench.end = performance.now();
    }).observe(document.body, { subtree: true, childList: true, characterData: true });
  });
}

/** Opens one app page for the loop: plain Streamlit directly, or the workbench with its app view. */
async function openLoopPage(kind, url) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(url);
  const frame = await appFrame(page, kind);
  const input = frame.locator(INPUT);
  await input.waitFor({ state: "visible", timeout: START_TIMEOUT_MS });
  const status = kind === "plain" ? null : page.getByTestId("lw-status");
  if (status) await status.and(page.locator('[data-state="idle"]')).waitFor({ timeout: START_TIMEOUT_MS });
  await waitScriptDone(frame, kind);
  await instrument(frame);
  return { kind, page, frame, input, status };
}

/** Streamlit's own frontend says whether a run is in progress (stApp's data-test-script-state). */
function waitScriptDone(frame, kind) {
  return frame
    .waitForFunction(() => document.querySelector('[data-testid="stApp"]')?.getAttribute("data-test-script-state") === "notRunning", null, { timeout: TRIP_TIMEOUT_MS })
    .catch(async (error) => {
      const state = await frame.evaluate(() => document.querySelector('[data-testid="stApp"]')?.getAttribute("data-test-script-state")).catch(() => "(unreadable)");
      throw new Error(`${kind}: Streamlit's frontend still says data-test-script-state="${state}" after ${TRIP_TIMEOUT_MS / 1000} s (${error.message.split("\n")[0]})`);
    });
}

/** What the workbench says about the loop: its status line, the rerun gate, the findings (for an error message). */
async function statusAttributes(status) {
  const line = await status.evaluate((el) => `data-state=${el.getAttribute("data-state")} data-run-count=${el.getAttribute("data-run-count")} data-rendered-run=${el.getAttribute("data-rendered-run")}`);
  const hook = await status
    .page()
    .evaluate(() => {
      const lw = globalThis.__loopwright;
      if (!lw) return "(no test hook)";
      const findings = lw.findings().map((f) => `${f.kind}${f.instance ? ` ${f.instance}` : ""}${f.runId ? ` run ${f.runId}` : ""}: ${f.message}`);
      return `reruns gate ${JSON.stringify(lw.rerunsGate())}; findings: ${findings.length ? findings.join(" | ") : "none"}`;
    })
    .catch(() => "(the test hook could not be read)");
  return `${line}; ${hook}`;
}

async function benchLoop() {
  const plainServer = await startPlain();
  const lwServer = await startLoopwright();
  const plain = await openLoopPage("plain", plainServer.url);
  const lw = await openLoopPage("loopwright", lwServer.url);

  // The author's own control, Pause/Resume recording, in the Timeline tab (as bench-loop.mjs).
  const toggle = lw.page.getByTestId("lw-timeline-recording");
  if (view === "timeline") await lw.page.getByTestId("lw-tab-timeline").click();
  /** The same steps before every trip, switch or not (before a plain trip too: the recording stays as it is). */
  async function setRecording(on) {
    if (view === "session") await lw.page.getByTestId("lw-tab-timeline").click();
    // aria-pressed is "recording paused".
    const paused = (await toggle.getAttribute("aria-pressed")) === "true";
    if (on !== null && paused === on) await toggle.click();
    else await toggle.hover();
    if (view === "session") await lw.page.getByTestId("lw-tab-session").click();
  }

  let n = 0;
  /** One type + Enter in `mode` (a plain, b recording, c paused); ms from the keydown until stJson shows the value. */
  async function trip(mode) {
    await setRecording(mode === "a" ? null : mode === "b");
    const target = mode === "a" ? plain : lw;
    const value = `${mode}${n++}`;
    const runCount = target.status ? Number(await target.status.getAttribute("data-run-count")) : 0;
    await target.input.fill(value);
    await target.frame.evaluate((expect) => Object.assign(globalThis.__bench, { expect, start: null, end: null }), JSON.stringify(value));
    await new Promise((resolve) => setTimeout(resolve, SETTLE_MS));
    await target.input.press("Enter");
    const seen = await target.frame.waitForFunction(() => globalThis.__bench.end !== null, null, { timeout: TRIP_TIMEOUT_MS }).catch(() => null);
    if (!seen) {
      const json = await target.frame.evaluate(() => document.querySelector('[data-testid="stJson"]')?.textContent ?? "(no stJson)").catch(() => "(unreadable)");
      const stamps = await target.frame.evaluate(() => JSON.stringify(globalThis.__bench)).catch(() => "(unreadable)");
      const where = target.status ? `; the workbench's status: ${await statusAttributes(target.status)} (run count before the trip: ${runCount})` : "";
      throw new Error(`mode ${mode}, trip "${value}": the rerun's result never rendered within ${TRIP_TIMEOUT_MS / 1000} s: stJson shows ${json}, stamps ${stamps}${where}`);
    }
    const { start, end } = await target.frame.evaluate(() => globalThis.__bench);
    // The run's tail (script_finished; in Loopwright the snapshot and the workbench's update) is over before the next trip.
    await waitScriptDone(target.frame, mode);
    if (target.status) {
      await target.page
        .waitForFunction((before) => {
          const el = document.querySelector('[data-testid="lw-status"]');
          return el?.getAttribute("data-state") === "idle" && Number(el.getAttribute("data-run-count")) > before;
        }, runCount, { timeout: TRIP_TIMEOUT_MS })
        .catch(async () => {
          throw new Error(`mode ${mode}, trip "${value}": the app view rendered the rerun but the workbench's status never counted it: ${await statusAttributes(target.status)} (run count before the trip: ${runCount})`);
        });
    }
    return end - start;
  }

  try {
    for (let i = 0; i < WARM_TRIPS; i++) for (const mode of ["a", "b", "c"]) await trip(mode);
    const trips = { a: [], b: [], c: [] };
    const ratio = { ba: [], ca: [] };
    const added = [];
    const aaRatio = [];
    const aaDiff = [];
    for (let cycle = 0; cycle < cycles; cycle++) {
      for (const [first, second] of [
        ["a", "b"],
        ["a", "a"],
        ["b", "a"],
        ["c", "b"],
        ["b", "b"],
        ["b", "c"],
        ["a", "c"],
        ["c", "c"],
        ["c", "a"],
      ]) {
        const x = await trip(first);
        const y = await trip(second);
        trips[first].push(x);
        trips[second].push(y);
        const of = { [first]: x, [second]: y };
        if (first === second) {
          aaRatio.push(x / y);
          aaDiff.push(x - y);
        } else if (of.a !== undefined) ratio[of.b !== undefined ? "ba" : "ca"].push((of.b ?? of.c) / of.a);
        else added.push(of.b - of.c);
      }
      process.stderr.write(`loop cycle ${cycle + 1}/${cycles}: median so far a ${median(trips.a).toFixed(1)} ms, b ${median(trips.b).toFixed(1)} ms, c ${median(trips.c).toFixed(1)} ms\n`);
    }
    if (process.env.BENCH_DEBUG) process.stderr.write(`${JSON.stringify(trips)}\n`);
    return { trips, ratio, added, aaRatio, aaDiff };
  } finally {
    await Promise.all([plain.page.context().close().catch(() => {}), lw.page.context().close().catch(() => {})]);
    await Promise.all([stopServer(plainServer.entry), stopServer(lwServer.entry)]);
  }
}

// ---- statistics ----



const r2 = (x) => Number(x.toFixed(2));
const r3 = (x) => Number(x.toFixed(3));
const ms = (x) => `${x >= 0 ? "+" : ""}${x.toFixed(2)} ms`;
const times = (x) => `×${x.toFixed(3)}`;
const interval = (s, fmt) => `${fmt(s.median)} (95% ${fmt(s.interval[0])} … ${fmt(s.interval[1])})`;

/** The 25th, 50th and 75th percentiles (nearest rank): a round trip on real Streamlit is often bimodal (see GC_NOTE). */
function quartiles(xs) {
  const sorted = [...xs].sort((a, b) => a - b);
  const at = (q) => sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))];
  return [at(0.25), median(xs), at(0.75)].map(r2);
}

/**
 * What decides a round trip on real Streamlit more than anything on its path: after every run
 * Streamlit calls gc.collect(2) (runner.postScriptGC, on by default), in C, holding the GIL for
 * tens of ms. When the event loop has not flushed the run's deltas by then, they wait for it.
 */
const GC_NOTE =
  "Streamlit's post-run gc.collect(2) (runner.postScriptGC, on by default) holds the GIL for tens of ms and races the flush of the run's deltas: " +
  "a trip is fast or slow by who wins, so medians and ratios here weigh that race as much as the path (--post-script-gc off measures the path alone)";

// ---- the run ----

const began = performance.now();

async function main() {
  const before = new Set(descendants(process.pid));
  browser = await launchChromium({ handleSIGINT: false, handleSIGTERM: false, handleSIGHUP: false });
  chromiumPids = descendants(process.pid).filter((pid) => !before.has(pid) && commandOf(pid).includes("chrom"));
  const version = await new Promise((resolve) => {
    const child = spawn(python, ["-c", "import streamlit; print(streamlit.__version__)"], { stdio: ["ignore", "pipe", "ignore"] });
    let out = "";
    child.stdout.on("data", (chunk) => (out += chunk));
    child.on("exit", () => resolve(out.trim() || "unknown"));
  });
  // The loop first: its two server starts also warm the disk cache for the timed cold starts.
  const loop = await benchLoop();
  const first = await benchFirstRender();

  const ttfr = summarize(first.pairs);
  const ba = summarize(loop.ratio.ba);
  const ca = summarize(loop.ratio.ca);
  const add = summarize(loop.added);
  const aaR = summarize(loop.aaRatio);
  const aaD = summarize(loop.aaDiff);
  const med = { a: median(loop.trips.a), b: median(loop.trips.b), c: median(loop.trips.c) };
  console.log(
    JSON.stringify(
      {
        streamlit: version,
        python,
        app: "examples/text-input/app.py",
        postScriptGc: postScriptGc,
        firstRender: {
          what: "ms from spawning the server until the component's input is visible (a new browser context for each start)",
          pairs: first.pairs.length,
          medianMs: { loopwright: r2(median(first.samples.loopwright)), plain: r2(median(first.samples.plain)) },
          medianServerReadyMs: { loopwright: r2(median(first.samples.loopwrightReady)), plain: r2(median(first.samples.plainReady)) },
          ratioLoopwrightOverPlain: { median: r3(ttfr.median), interval95: ttfr.interval.map(r3) },
        },
        loop: {
          what: "ms from the Enter keydown until stJson shows the new value, stamped in the app's page; ratios and differences per pair of adjacent trips",
          view,
          pairs: { ba: loop.ratio.ba.length, ca: loop.ratio.ca.length, bMinusC: loop.added.length, aa: loop.aaDiff.length },
          roundTripMsQuartiles: { a_plain: quartiles(loop.trips.a), b_recording: quartiles(loop.trips.b), c_paused: quartiles(loop.trips.c) },
          ratioBOverA: { median: r3(ba.median), interval95: ba.interval.map(r3) },
          ratioCOverA: { median: r3(ca.median), interval95: ca.interval.map(r3) },
          addedByRecordingMs: { median: r2(add.median), interval95: add.interval.map(r2) },
          aaControl: { ratio: { median: r3(aaR.median), interval95: aaR.interval.map(r3) }, differenceMs: { median: r2(aaD.median), interval95: aaD.interval.map(r2) } },
        },
        wallSeconds: Number(((performance.now() - began) / 1000).toFixed(1)),
      },
      null,
      2,
    ),
  );

  const noisy =
    aaD.interval[0] > 0 || aaD.interval[1] < 0 || aaR.interval[0] > 1 || aaR.interval[1] < 1 ? " [the A/A control is off zero: this run was too noisy to trust]" : "";
  const [low, high] = add.interval;
  const target = high <= TARGET_MS ? "met" : low > TARGET_MS ? "exceeded" : "not resolved at this run's precision";
  const sign = low > 0 ? "more than zero" : high < 0 ? "below zero: the paused trips were the slower, so no cost is seen at this precision" : "not told apart from zero";
  console.log("");
  console.log(`SUMMARY: Streamlit ${version}, examples/text-input/app.py; ${runs} cold-start pairs, ${cycles} loop cycles of 9 trip pairs, interleaved; post-script GC ${postScriptGc}`);
  console.log(`  first render   Loopwright ${median(first.samples.loopwright).toFixed(0)} ms, plain streamlit run ${median(first.samples.plain).toFixed(0)} ms; Loopwright/plain ${interval(ttfr, times)}`);
  console.log(`  round trip     a plain ${med.a.toFixed(1)} ms, b Loopwright recording ${med.b.toFixed(1)} ms, c Loopwright paused ${med.c.toFixed(1)} ms (medians)`);
  console.log(`  b/a            ${interval(ba, times)}`);
  console.log(`  c/a            ${interval(ca, times)}`);
  console.log(`  b−c            ${interval(add, ms)}, ${((add.median / med.a) * 100).toFixed(1)}% of a plain round trip`);
  console.log(`  A/A control    ratio ${interval(aaR, times)}, difference ${interval(aaD, ms)}`);
  if (postScriptGc === "on") console.log(`  note           ${GC_NOTE}`);
  console.log(
    `VERDICT: recording adds ${ms(add.median)} (95% ${ms(low)} … ${ms(high)}: ${sign}; ${TARGET_MS} ms, bench-loop's target, ${target}); ` +
      `Loopwright in the path takes ${times(ba.median)} plain Streamlit's round trip recording, ${times(ca.median)} paused, and ${times(ttfr.median)} its time to first render${noisy}`,
  );
}

main()
  .catch((error) => {
    // Interrupted: the signal's handler ends everything and exits with its code; what failed meanwhile is its doing.
    if (interrupted === null) {
      console.error(error);
      process.exitCode = 1;
    }
  })
  .finally(async () => {
    if (interrupted !== null) return;
    await cleanUp();
    const left = leftBehind();
    console.error(left.length ? `bench-python: processes still alive after cleanup: ${left.join(" ")}` : `bench-python: all ${seen.size} processes it started or saw have ended`);
    if (left.length) process.exitCode = 1;
  });
