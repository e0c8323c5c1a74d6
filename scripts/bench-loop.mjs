#!/usr/bin/env node
// The loop debugger's cost on the loop itself: the round trip of the seed example's type + Enter
// (keydown in the component → setStateValue → rerun → the run rendered in the preview and
// acknowledged to the workbench), with the timeline recording and with recording paused.
//
// A busy 2-core VM drifts by a factor of three within a minute, so the two modes are never
// compared across time: trips are taken in adjacent pairs, one per mode, and each pair gives one
// difference. Pairs alternate which mode goes first (on/off, off/on), so a steady drift cancels
// out. Interleaved with them are A/A pairs (off/off, on/on), measured the same way: their
// differences show what noise alone produces in this very run. Before every trip the author's own
// control is set (Pause/Resume recording in the Timeline tab), switch or not, and the page is
// left to settle. Reported: the median of the per-pair differences with a 95%
// bootstrap interval, for the effect and for the A/A control, and one verdict line against the
// 0.5 ms target.
//   node scripts/bench-loop.mjs [--cycles 100] [--view session|timeline]
//   (needs `npm run build` first; 4 pairs a cycle, 2 of them A/A)
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { launchChromium, serveApp } from "./bench-server.mjs";
import { median, summarize } from "./bench-stats.mjs";

const TARGET_MS = 0.5;
const root = join(dirname(fileURLToPath(import.meta.url)), "..");
/** Long enough for a tab's unmount and a switch's messages to be done before the keydown. */
const SETTLE_MS = 40;
const { values } = parseArgs({ options: { cycles: { type: "string", default: "100" }, view: { type: "string", default: "session" } } });
const cycles = Number(values.cycles);
const view = values.view;
if (!(cycles >= 1)) throw new Error("--cycles must be a positive number");
if (view !== "session" && view !== "timeline") throw new Error("--view must be session or timeline");
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

  // The author's own control, Pause/Resume recording, in the Timeline tab. With --view timeline
  // the timeline stays in view all along (the panel that shows the recording is part of its
  // cost); with --view session the author works in the Session State tab and only visits the
  // Timeline tab for the toggle.
  const toggle = page.getByTestId("lw-timeline-recording");
  if (view === "timeline") await page.getByTestId("lw-tab-timeline").click();
  /** The same steps before every trip, switch or not. */
  async function setRecording(on) {
    if (view === "session") await page.getByTestId("lw-tab-timeline").click();
    // aria-pressed is "recording paused".
    const paused = (await toggle.getAttribute("aria-pressed")) === "true";
    if (paused === on) await toggle.click();
    else await toggle.hover();
    if (view === "session") await page.getByTestId("lw-tab-session").click();
  }

  let trip = 0;
  /** One measured trip in one mode, after the same steps as every other trip. */
  async function measureTrip(on) {
    await setRecording(on);
    await new Promise((resolve) => setTimeout(resolve, SETTLE_MS));
    return roundTrip(`${on ? "on" : "off"}-${trip++}`);
  }

  for (let i = 0; i < 10; i++) await roundTrip(`warm-${i}`);
  const effect = [];
  const control = [];
  const trips = { recording: [], paused: [] };
  for (let cycle = 0; cycle < cycles; cycle++) {
    // on/off, off/off, off/on, on/on: each mode first as often as second, in both kinds of pair.
    for (const [first, second] of [[true, false], [false, false], [false, true], [true, true]]) {
      const a = await measureTrip(first);
      const b = await measureTrip(second);
      trips[first ? "recording" : "paused"].push(a);
      trips[second ? "recording" : "paused"].push(b);
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
        what: "type+Enter round trip of the seed example, ms; differences are per pair of adjacent trips",
        view,
        pairs: effect.length,
        controlPairs: control.length,
        medianRoundTrip: { recording: round(median(trips.recording)), paused: round(median(trips.paused)) },
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



function verdict(added, noise) {
  const fmt = (x) => `${x >= 0 ? "+" : ""}${x.toFixed(2)} ms`;
  const [low, high] = added.interval;
  const range = `${fmt(added.median)} (95% ${fmt(low)} … ${fmt(high)}; A/A control ${fmt(noise.median)}, ${fmt(noise.interval[0])} … ${fmt(noise.interval[1])})`;
  const noisy = noise.interval[0] > 0 || noise.interval[1] < 0 ? " [the A/A control is off zero: this run was too noisy to trust]" : "";
  if (high <= TARGET_MS) return `VERDICT: MET: recording adds ${range}, at most ${TARGET_MS} ms${noisy}`;
  if (added.median <= TARGET_MS) return `VERDICT: MET ON THE MEDIAN, the interval reaches past ${TARGET_MS} ms: recording adds ${range}${noisy}`;
  return `VERDICT: NOT MET: recording adds ${range}, over ${TARGET_MS} ms${noisy}`;
}
