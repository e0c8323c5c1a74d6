// Measures the Timeline panel in Chromium with 10,000+ loop events: time to render them, to apply a
// filter, to follow a chain, and to append a batch once the ring is full; the same steps over 100
// events first, as the baseline each step's ratio is given against. Prints JSON.
//   node scripts/bench-timeline.mjs [--events 10000] [--screenshot path.png]
// With --screenshot it then shows a rerun storm held by the gate and saves the panel as a PNG.
import vue from "@vitejs/plugin-vue";
import { chromium } from "playwright-core";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { createServer } from "vite";

// Vue's production build, as the workbench ships: its dev checks would dominate the timings.
process.env.NODE_ENV = "production";
const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const { values } = parseArgs({ options: { events: { type: "string", default: "10000" }, screenshot: { type: "string" } } });
const HOPS_PER_RUN = 9; // what tests/workbench/loop-fixtures.ts storm() records per run

const entry = /* js */ `
import { createPinia } from "pinia";
import { createApp, h, nextTick } from "vue";
import { loopClock } from "/common/loop-values.ts";
import { HOST_CLIENT } from "/renderer/workbench/bridge/host-client.ts";
import StatusLine from "/renderer/workbench/components/StatusLine.vue";
import TimelinePanel from "/renderer/workbench/components/TimelinePanel.vue";
import { useTimelineStore } from "/renderer/workbench/stores/timeline.ts";
import { storm, stormFinding } from "/tests/workbench/loop-fixtures.ts";
import "/renderer/workbench/styles.css";

const idle = async () => {};
const host = { on: () => () => {}, onConnectionChange: () => () => {}, pauseReruns: idle, resumeReruns: idle, stepRerun: idle };
const Root = {
  render: () =>
    h("div", { id: "bench", style: "display:flex;flex-direction:column;width:620px;height:900px;border:1px solid var(--lw-border)" }, [
      h("div", { style: "display:flex;gap:10px;align-items:center;padding:8px 10px;border-bottom:1px solid var(--lw-border)" }, [h(StatusLine)]),
      h("div", { style: "flex:1;min-height:0" }, [h(TimelinePanel)]),
    ]),
};
const app = createApp(Root).use(createPinia()).provide(HOST_CLIENT, host);
app.mount("#app");
const timeline = app.runWithContext(() => useTimelineStore());

const painted = () => new Promise((done) => requestAnimationFrame(() => setTimeout(done, 0)));
async function time(change) {
  const started = performance.now();
  change();
  await nextTick();
  await painted();
  return Math.round((performance.now() - started) * 10) / 10;
}
const rows = () => document.querySelectorAll('[data-testid="lw-timeline-run"], [data-testid="lw-timeline-hop"]').length;

window.measure = async (runs) => {
  timeline.clear();
  Object.assign(timeline.filter, { instance: null, kinds: [], text: "" });
  await painted();
  const events = storm(runs);
  const ms = {};
  ms.appendAll = await time(() => timeline.appendEvents(events));
  const collapsedRows = rows();
  ms.searchOneKind = await time(() => (timeline.filter.text = "callback"));
  ms.searchEverything = await time(() => (timeline.filter.text = "r"));
  const openRows = rows();
  ms.filterByKind = await time(() => { timeline.filter.text = ""; timeline.filter.kinds = ["state-diff"]; });
  ms.clearFilter = await time(() => (timeline.filter.kinds = []));
  ms.highlightChain = await time(() => timeline.highlightChain(events[Math.floor(events.length / 2)].id));
  timeline.applySnapshot({ events, dropped: 0, cap: events.length, recording: true, findings: [], reruns: { paused: false, queued: 0, reason: null } });
  await painted();
  ms.appendBatchAtCap = await time(() => timeline.appendEvents(storm(10, { firstRun: runs + 1 })));
  return { events: events.length, runs, domRows: { collapsed: collapsedRows, allOpen: openRows }, ms };
};

window.showStorm = async () => {
  timeline.applySnapshot({
    events: storm(60, { startAt: loopClock() - 240 }),
    dropped: 1312,
    cap: 20000,
    recording: true,
    findings: [stormFinding({ runId: 60, count: 60 })],
    reruns: { paused: true, queued: 7, reason: "finding-storm" },
  });
  await painted();
  document.querySelector('[data-testid="lw-timeline-run"][data-run-id="3"]').click();
  await painted();
  document.querySelector('[data-testid="lw-timeline-hop"][data-event-id="r3-diff"] button').click();
  await painted();
};
`;

const benchPage = {
  name: "timeline-bench",
  resolveId: (id) => (id === "virtual:timeline-bench" ? "\0virtual:timeline-bench" : null),
  load: (id) => (id === "\0virtual:timeline-bench" ? entry : null),
  configureServer(server) {
    server.middlewares.use(async (req, res, next) => {
      if (req.url !== "/") return next();
      const html = await server.transformIndexHtml("/", '<!doctype html><div id="app"></div><script type="module" src="/@id/virtual:timeline-bench"></script>');
      res.setHeader("content-type", "text/html").end(html);
    });
  },
};

const server = await createServer({ root, configFile: false, plugins: [vue(), benchPage], logLevel: "warn", server: { host: "127.0.0.1", port: 0 } });
await server.listen();
const browser = await chromium.launch({
  executablePath: "/usr/bin/chromium",
  args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update"],
});
try {
  const page = await browser.newPage({ viewport: { width: 660, height: 940 } });
  page.on("pageerror", (error) => console.error(error));
  await page.goto(server.resolvedUrls.local[0]);
  await page.waitForFunction(() => typeof window.measure === "function");
  const runs = Math.ceil(Number(values.events) / HOPS_PER_RUN);
  // The baseline, in the same page and run: the same steps over 100 events. A virtualized panel
  // keeps the full timeline's times within a small multiple of it, not 100 times it.
  const small = Math.ceil(100 / HOPS_PER_RUN);
  await page.evaluate((n) => window.measure(n), small); // warms the JIT, so the baseline is not the first call
  const baseline = await page.evaluate((n) => window.measure(n), small);
  const full = await page.evaluate((n) => window.measure(n), runs);
  const ratio = Object.fromEntries(Object.entries(full.ms).map(([step, ms]) => [step, Math.round((ms / Math.max(baseline.ms[step], 1)) * 10) / 10]));
  console.log(JSON.stringify({ baseline, full, ratioToBaseline: ratio }, null, 2));
  if (values.screenshot) {
    await page.evaluate(() => window.showStorm());
    await page.locator("#bench").screenshot({ path: resolve(values.screenshot) });
    console.log(`screenshot: ${resolve(values.screenshot)}`);
  }
} finally {
  await browser.close();
  await server.close();
}
