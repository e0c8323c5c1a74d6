#!/usr/bin/env node
// The loop debugger's cost on the loop itself: the median round trip of the seed example's
// type + Enter (keydown in the component → setStateValue → rerun → the run rendered in the
// preview), with the timeline recording and with recording paused, measured in the same run in
// alternating blocks so drift on a busy machine hits both alike. Prints both medians, the
// difference and the ratio as JSON.
//   node scripts/bench-loop.mjs [--rounds 240] [--block 20]     (needs `npm run build` first)
import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { chromium } from "playwright-core";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const { values } = parseArgs({ options: { rounds: { type: "string", default: "240" }, block: { type: "string", default: "20" } } });
const rounds = Number(values.rounds);
const block = Number(values.block);
const server = join(root, "out/main/server.js");
if (!existsSync(server)) throw new Error("out/main/server.js is missing: run `npm run build` first");

const child = spawn(process.execPath, [server, join(root, "examples/text-input/app.ts"), "--port", "0"], { stdio: ["ignore", "pipe", "inherit"] });
const url = await new Promise((resolve, reject) => {
  let out = "";
  child.stdout.on("data", (chunk) => {
    out += chunk;
    const match = /Loopwright ready at (\S+)/.exec(out);
    if (match) resolve(match[1]);
  });
  child.on("exit", (code) => reject(new Error(`server exited with ${code}`)));
});

const executablePath = process.env.CHROMIUM_PATH ?? (existsSync("/usr/bin/chromium") ? "/usr/bin/chromium" : undefined);
const browser = await chromium.launch({ executablePath, args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update"] });
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

  async function setRecording(on) {
    await page.getByTestId("lw-tab-timeline").click();
    const toggle = page.getByTestId("lw-timeline-recording");
    if ((await toggle.getAttribute("aria-pressed")) === String(on)) await toggle.click();
    await page.getByTestId("lw-tab-session").click();
  }

  const samples = { recording: [], paused: [] };
  for (let i = 0; i < 10; i++) await roundTrip(`warm-${i}`);
  for (let done = 0; done < rounds; done += block) {
    const mode = (done / block) % 2 === 0 ? "recording" : "paused";
    await setRecording(mode === "recording");
    // The first trips after a switch settle the switch itself (the panel, the preview told): not measured.
    for (let i = 0; i < 3; i++) await roundTrip(`settle-${done}-${i}`);
    for (let i = 0; i < Math.min(block, rounds - done); i++) samples[mode].push(await roundTrip(`${mode}-${done}-${i}`));
  }
  const median = (xs) => {
    const sorted = [...xs].sort((a, b) => a - b);
    return sorted[Math.floor(sorted.length / 2)];
  };
  const recording = median(samples.recording);
  const paused = median(samples.paused);
  console.log(
    JSON.stringify(
      {
        what: "median type+Enter round trip of the seed example, ms",
        samplesPerMode: samples.recording.length,
        recordingPaused: Number(paused.toFixed(2)),
        recording: Number(recording.toFixed(2)),
        addedByRecording: Number((recording - paused).toFixed(2)),
        ratio: Number((recording / paused).toFixed(3)),
      },
      null,
      2,
    ),
  );
} finally {
  await browser.close();
  child.kill("SIGTERM");
}
