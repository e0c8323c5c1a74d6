#!/usr/bin/env node
// Hot reload's save-to-visible time for a component file: write the component's .js, then the
// moment the preview shows what the new file draws (the component stamps it in the frame after
// the next animation frame, on the clock every side shares: timeOrigin + now). Includes the file
// watcher, its debounce, the rerun, the render over the WebSocket and the remount. Prints the
// median and p90 over the saves as JSON; the target is a median under 150 ms.
//   node scripts/bench-hot-reload.mjs [--saves 30]     (needs `npm run build` first)
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { launchChromium, serveApp } from "./bench-server.mjs";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const { values } = parseArgs({ options: { saves: { type: "string", default: "30" } } });
const saves = Number(values.saves);
const server = join(root, "out/main/server.js");

const project = mkdtempSync(join(tmpdir(), "lw-bench-hot-"));
writeFileSync(
  join(project, "app.ts"),
  `export default function app(st) {
  const stars = st.components.v2.component("stars", { html: "<p class='out'></p>", js: "./stars.js" });
  stars({ key: "rating", default: { value: 0 }, on_value_change: () => {} });
}
`,
);
const componentJs = (marker) => `export default function ({ parentElement }) {
  parentElement.querySelector(".out").textContent = "${marker}";
  requestAnimationFrame(() => { globalThis.__benchShown = { marker: "${marker}", at: performance.timeOrigin + performance.now() }; });
}
`;
writeFileSync(join(project, "stars.js"), componentJs("save-0"));

const { url, child } = await serveApp(server, join(project, "app.ts"));
const browser = await launchChromium();
try {
  const page = await browser.newPage();
  await page.goto(url);
  await page.frameLocator('[data-testid="lw-preview-frame"]').locator(".out").filter({ hasText: "save-0" }).waitFor();
  const frame = page.frames().find((f) => f.url().includes("/preview/"));

  const samples = [];
  for (let i = 1; i <= saves; i++) {
    const marker = `save-${i}`;
    const savedAt = performance.timeOrigin + performance.now();
    writeFileSync(join(project, "stars.js"), componentJs(marker));
    const shown = await frame.waitForFunction((m) => globalThis.__benchShown?.marker === m && globalThis.__benchShown.at, marker, { polling: 10, timeout: 10_000 });
    samples.push((await shown.jsonValue()) - savedAt);
    // Saves apart, as a person's are: each one is measured on its own.
    await new Promise((resolve) => setTimeout(resolve, 150));
  }
  samples.sort((a, b) => a - b);
  const at = (q) => Math.round(samples[Math.min(samples.length - 1, Math.floor(q * samples.length))]);
  console.log(JSON.stringify({ saves, medianMs: at(0.5), p90Ms: at(0.9), minMs: Math.round(samples[0]), maxMs: Math.round(samples.at(-1)), targetMs: 150 }));
} finally {
  await browser.close();
  child.kill("SIGTERM");
  rmSync(project, { recursive: true, force: true });
}
