#!/usr/bin/env node
// The loop debugger's cost on the loop itself: the round trip of the seed example's type + Enter
// (keydown in the component → setStateValue → rerun → the run rendered in the preview and
// acknowledged to the workbench), with the timeline recording and with recording paused.
//
// A busy 2-core VM drifts by a factor of three within a minute, so the two modes are never
// compared across time: the run is a sequence of short blocks, taken in adjacent pairs, and each
// pair gives one difference of block medians. Pairs alternate which mode goes first (on/off,
// off/on), so a steady drift cancels out. Interleaved with them are A/A pairs (off/off, on/on),
// measured the same way: their differences show what noise alone produces in this very run.
// Reported: the median of the per-pair differences with a 95% bootstrap interval, for the effect
// and for the A/A control, and one verdict line against the 0.5 ms target.
//   node scripts/bench-loop.mjs [--cycles 12] [--block 4]     (needs `npm run build` first)
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { launchChromium, serveApp } from "./bench-server.mjs";

const TARGET_MS = 0.5;
const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const { values } = parseArgs({ options: { cycles: { type: "string", default: "12" }, block: { type: "string", default: "4" } } });
const cycles = Number(values.cycles);
const block = Number(values.block);
if (!(cycles >= 1 && block >= 1)) throw new Error("--cycles and --block must be positive numbers");
const server = join(root, "out/main/server.js");

const { url, child } = await serveApp(server, join(root, "examples/text-input/app.ts"));
const browser = await launchChromium();
try {
  const page = await browser.newPage();
  await page.goto(url);
  const status = page.getByTestId("lw-status");
  await status.and(page.locator('[data-state="idle"]')).waitFor();
  const input = page.frameLocator('[data-testid="lw-preview-frame"]').locator("input");
  await input.waitFor();

  // Both ends are stamped in the pages, on the clock every side shares (timeOrigin + now): the
  // keydown in the preview frame, and the moment the workbench marks the run rendered. Timing from
  // here instead would add Playwright's round trips and frame-rate polling to every sample.
  const frame = page.frames().find((f) => f.url().includes("/preview/"));
  await frame.evaluate(() => {
    addEventListener("keydown", (e) => { if (e.key === "Enter") globalThis.__benchStart = performance.timeOrigin + performance.now(); }, true);
  });
  await page.evaluate(() => {
    const el = document.querySelector('[data-testid="lw-status"]');
    globalThis.__benchRendered = {};
    new MutationObserver(() => {
      globalThis.__benchRendered[el.getAttribute("data-rendered-run")] ??= performance.timeOrigin + performance.now();
    }).observe(el, { attributes: true, attributeFilter: ["data-rendered-run"] });
  });
  const renderedRun = async () => Number(await status.getAttribute("data-rendered-run"));
  /** One type + Enter; resolves with ms from the keydown until the workbench saw the run rendered. */
  async function roundTrip(text) {
    const before = await renderedRun();
    await input.fill(text);
    await input.press("Enter");
    await page.waitForFunction((n) => Number(document.querySelector('[data-testid="lw-status"]')?.getAttribute("data-rendered-run")) > n, before);
    const started = await frame.evaluate(() => globalThis.__benchStart);
    const rendered = await page.evaluate((n) => globalThis.__benchRendered[String(n + 1)], before);
    return rendered - started;
  }

  /** The author's own control (Timeline tab, Pause/Resume recording), the same steps before every block, switch or not. */
  async function setRecording(on) {
    await page.getByTestId("lw-tab-timeline").click();
    const toggle = page.getByTestId("lw-timeline-recording");
    if ((await toggle.getAttribute("aria-pressed")) === String(on)) await toggle.click();
    await page.getByTestId("lw-tab-session").click();
  }

  let trip = 0;
  /** The median of one block in one mode; the first trips after the steps above settle them and are not measured. */
  async function measureBlock(on) {
    await setRecording(on);
    for (let i = 0; i < 2; i++) await roundTrip(`settle-${trip++}`);
    const samples = [];
    for (let i = 0; i < block; i++) samples.push(await roundTrip(`${on ? "on" : "off"}-${trip++}`));
    return median(samples);
  }

  for (let i = 0; i < 10; i++) await roundTrip(`warm-${i}`);
  const effect = [];
  const control = [];
  const blocks = { recording: [], paused: [] };
  for (let cycle = 0; cycle < cycles; cycle++) {
    // on/off, off/off, off/on, on/on: each mode first as often as second, in both kinds of pair.
    for (const [first, second] of [[true, false], [false, false], [false, true], [true, true]]) {
      const a = await measureBlock(first);
      const b = await measureBlock(second);
      blocks[first ? "recording" : "paused"].push(a);
      blocks[second ? "recording" : "paused"].push(b);
      if (first === second) control.push(a - b);
      else effect.push(first ? a - b : b - a);
    }
  }

  const added = summarize(effect);
  const noise = summarize(control);
  const round = (x) => Number(x.toFixed(2));
  console.log(
    JSON.stringify(
      {
        what: "type+Enter round trip of the seed example, ms; differences are per pair of adjacent blocks",
        pairs: effect.length,
        tripsPerBlock: block,
        medianRoundTrip: { recording: round(median(blocks.recording)), paused: round(median(blocks.paused)) },
        addedByRecording: { median: round(added.median), interval95: added.interval.map(round) },
        aaControl: { median: round(noise.median), interval95: noise.interval.map(round) },
      },
      null,
      2,
    ),
  );
  console.log(verdict(added, noise));
} finally {
  await browser.close();
  child.kill("SIGTERM");
}

function median(xs) {
  const sorted = [...xs].sort((a, b) => a - b);
  const mid = sorted.length / 2;
  return sorted.length % 2 ? sorted[Math.floor(mid)] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** The median and its 95% percentile-bootstrap interval (resampling the pairs). */
function summarize(diffs) {
  const medians = [];
  for (let i = 0; i < 4000; i++) medians.push(median(diffs.map(() => diffs[Math.floor(Math.random() * diffs.length)])));
  medians.sort((a, b) => a - b);
  return { median: median(diffs), interval: [medians[Math.floor(medians.length * 0.025)], medians[Math.ceil(medians.length * 0.975) - 1]] };
}

function verdict(added, noise) {
  const fmt = (x) => `${x >= 0 ? "+" : ""}${x.toFixed(2)} ms`;
  const [low, high] = added.interval;
  const range = `${fmt(added.median)} (95% ${fmt(low)} … ${fmt(high)}; A/A control ${fmt(noise.median)}, ${fmt(noise.interval[0])} … ${fmt(noise.interval[1])})`;
  const noisy = noise.interval[0] > 0 || noise.interval[1] < 0 ? " [the A/A control is off zero: this run was too noisy to trust]" : "";
  if (high <= TARGET_MS) return `VERDICT: MET: recording adds ${range}, at most ${TARGET_MS} ms${noisy}`;
  if (added.median <= TARGET_MS) return `VERDICT: MET ON THE MEDIAN, the interval reaches past ${TARGET_MS} ms: recording adds ${range}${noisy}`;
  return `VERDICT: NOT MET: recording adds ${range}, over ${TARGET_MS} ms${noisy}`;
}
