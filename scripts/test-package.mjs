#!/usr/bin/env node
// The package as an author gets it: `npm pack` (of the out/ `npm run build` made), then two fresh
// projects made by `loopwright new` install the tarball with their own @playwright/test, one ESM
// ("type": "module", as scaffolded) and one CommonJS (the same files without "type"), and run the
// scaffolded kit test with `npx playwright test`. Then tests/package/ runs `npx loopwright serve`
// in one of them and checks it goes away with npx. Temporary folders are removed on every exit.
//
//   node scripts/test-package.mjs [--report file.json]   writes {passed, failed, skipped} there
import { spawn } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const { values: options } = parseArgs({ options: { report: { type: "string" } } });
const BUILT = ["out/main/server.js", "out/main/worker.js", "out/renderer/index.html", "out/kit/index.mjs", "out/kit/index.cjs"];

const work = mkdtempSync(join(tmpdir(), "loopwright-package-"));
const children = new Set();
process.on("exit", () => rmSync(work, { recursive: true, force: true }));
for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"]) {
  process.on(signal, () => {
    for (const child of children) child.kill("SIGTERM");
    process.exit(1);
  });
}

/** Run a command; resolve its exit code and output (shown as it comes when `show`). */
function run(command, args, { cwd = root, env = process.env, show = false } = {}) {
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd, env, stdio: ["ignore", "pipe", "pipe"] });
    children.add(child);
    let output = "";
    const take = (stream) => (chunk) => {
      output += chunk;
      if (show) stream.write(chunk);
    };
    child.stdout.on("data", take(process.stdout));
    child.stderr.on("data", take(process.stderr));
    child.on("error", (error) => resolve({ code: 1, output: `${output}\ncould not start ${command}: ${error.message}` }));
    child.on("close", (code, signal) => {
      children.delete(child);
      resolve({ code: code ?? (signal ? 1 : 0), output });
    });
  });
}

const timings = [];
async function step(label, body) {
  const started = Date.now();
  console.log(`--- ${label}`);
  const ok = await body();
  timings.push(`${label} ${((Date.now() - started) / 1000).toFixed(1)} s`);
  if (!ok) finish(`${label} failed`);
}

const counts = { passed: 0, failed: 0, skipped: 0 };
function finish(problem) {
  if (options.report) writeFileSync(options.report, JSON.stringify(counts));
  console.log(`package step: ${timings.join(", ")}`);
  if (problem) console.log(`package step: ${problem}`);
  process.exit(problem || counts.failed > 0 ? 1 : 0);
}

const missing = BUILT.filter((file) => !existsSync(join(root, file)));
if (missing.length > 0) finish(`not built (${missing.join(", ")}): run \`npm run build\` first`);

let tarball;
await step("npm pack", async () => {
  // The build is the one this run just made; prepack would make it again.
  const packed = await run("npm", ["pack", "--ignore-scripts", "--silent", "--pack-destination", work]);
  tarball = join(work, packed.output.trim().split("\n").pop() ?? "");
  if (packed.code === 0 && existsSync(tarball)) return true;
  console.log(packed.output);
  return false;
});

const projects = { esm: join(work, "esm"), cjs: join(work, "cjs") };
await step("loopwright new + npm install (ESM and CommonJS, in parallel)", async () => {
  for (const dir of Object.values(projects)) {
    const made = await run(process.execPath, [join(root, "bin/loopwright.mjs"), "new", dir]);
    if (made.code !== 0) return console.log(made.output), false;
  }
  const manifest = join(projects.cjs, "package.json");
  const { type: _esm, ...commonJs } = JSON.parse(readFileSync(manifest, "utf8"));
  writeFileSync(manifest, `${JSON.stringify(commonJs, null, 2)}\n`);
  const installs = await Promise.all(
    Object.values(projects).map((cwd) => run("npm", ["install", "--prefer-offline", "--no-audit", "--no-fund", "--save-dev", tarball], { cwd })),
  );
  return installs.every(({ code, output }, i) => {
    const problem = code !== 0 ? `exit code ${code}` : /EBADENGINE/.test(output) ? "an EBADENGINE warning" : null;
    if (problem) console.log(`npm install in ${Object.keys(projects)[i]}: ${problem}\n${output}`);
    return problem === null;
  });
});

for (const [flavour, cwd] of Object.entries(projects)) {
  await step(`npx playwright test (${flavour})`, async () => {
    const report = join(work, `${flavour}-playwright.json`);
    const result = await run("npx", ["playwright", "test", "--reporter=line,json"], {
      cwd,
      show: true,
      env: { ...process.env, PLAYWRIGHT_JSON_OUTPUT_FILE: report },
    });
    const stats = existsSync(report) ? JSON.parse(readFileSync(report, "utf8")).stats : null;
    if (stats) {
      counts.passed += stats.expected;
      counts.failed += stats.unexpected + stats.flaky;
      counts.skipped += stats.skipped;
    }
    return result.code === 0 && stats !== null && stats.expected > 0;
  });
}

await step("npx loopwright serve goes away with npx (tests/package)", async () => {
  const report = join(work, "lifecycle-vitest.json");
  const result = await run(
    join(root, "node_modules/.bin/vitest"),
    ["run", "--config", join(root, "tests/package/vitest.config.mts"), "--reporter=default", "--reporter=json", `--outputFile=${report}`],
    { show: true, env: { ...process.env, LOOPWRIGHT_PACKED_PROJECT: projects.esm } },
  );
  const vitest = existsSync(report) ? JSON.parse(readFileSync(report, "utf8")) : null;
  if (vitest) {
    counts.passed += vitest.numPassedTests;
    counts.failed += vitest.numFailedTests;
    counts.skipped += vitest.numPendingTests + vitest.numTodoTests;
  }
  return result.code === 0 && vitest !== null && vitest.numPassedTests > 0;
});

finish(null);
