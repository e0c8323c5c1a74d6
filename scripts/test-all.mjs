#!/usr/bin/env node
// `npm test`: type check (vue-tsc), unit tests (vitest), build (electron-vite + test kit), e2e (Playwright), the
// package as an author installs it (scripts/test-package.mjs), then one closing line
// `Summary: N passed, N failed, N skipped` read from the JSON reports.
// Exits non-zero when a step failed, a test failed, or no test ran at all (or, under CI, when the
// Python-app tests had no Python with Streamlit to run on).
import { spawn } from "node:child_process";
import { existsSync, readFileSync, rmSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { MIN_STREAMLIT_TEXT, probePython } from "../main/core/streamlit/python-probe.mjs";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const bin = (name) => join(root, "node_modules", ".bin", name);
const VITEST_REPORT = join(root, ".vitest-results.json");
const PLAYWRIGHT_REPORT = join(root, ".playwright-results.json");
const PACKAGE_REPORT = join(root, ".package-results.json");

/** Run a command with inherited output; resolve its exit code (1 if it could not start). */
function run(label, command, args) {
  console.log(`\n=== ${label}: ${[command, ...args].map((a) => a.replace(root + "/", "")).join(" ")}`);
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd: root, stdio: ["ignore", "inherit", "inherit"] });
    child.on("error", (err) => {
      console.error(`${label}: could not start: ${err.message}`);
      resolve(1);
    });
    child.on("exit", (code, signal) => resolve(code ?? (signal ? 1 : 0)));
  });
}

function readJson(file) {
  if (!existsSync(file)) return null;
  try {
    return JSON.parse(readFileSync(file, "utf8"));
  } catch {
    return null;
  }
}

/** Counts from vitest's JSON reporter (Jest-compatible fields). */
function vitestCounts(report) {
  return {
    passed: report.numPassedTests ?? 0,
    failed: report.numFailedTests ?? 0,
    skipped: (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0),
  };
}

/** Counts from Playwright's JSON reporter: expected = passed, unexpected = failed, flaky = failed. */
function playwrightCounts(report) {
  const stats = report.stats ?? {};
  return {
    passed: stats.expected ?? 0,
    failed: (stats.unexpected ?? 0) + (stats.flaky ?? 0),
    skipped: stats.skipped ?? 0,
  };
}

const problems = [];
const totals = { passed: 0, failed: 0, skipped: 0 };
const add = (counts) => Object.keys(totals).forEach((k) => (totals[k] += counts[k]));

// The Python-app tests run real Streamlit on LOOPWRIGHT_PYTHON (e2e/python.ts); the project's
// .venv-streamlit (see README, and .ci/run) stands in when it is unset. Said first, so a skipped
// half of the suite is never a surprise at the end.
const TEST_VENV_PYTHON = join(root, ".venv-streamlit", ...(process.platform === "win32" ? ["Scripts", "python.exe"] : ["bin", "python"]));
if (!process.env.LOOPWRIGHT_PYTHON && existsSync(TEST_VENV_PYTHON)) process.env.LOOPWRIGHT_PYTHON = TEST_VENV_PYTHON;
const testPython = process.env.LOOPWRIGHT_PYTHON;
const skipNote = `set LOOPWRIGHT_PYTHON, or create .venv-streamlit: python3 -m venv .venv-streamlit && .venv-streamlit/bin/pip install --no-index --find-links ../shared/wheels streamlit==1.64.0`;
if (!testPython) {
  console.log(`Python-app tests: skipped, no Python with Streamlit ≥ ${MIN_STREAMLIT_TEXT} (${skipNote})`);
  if (process.env.CI) problems.push("no Python with Streamlit for the Python-app tests (CI must run them; .ci/run creates .venv-streamlit)");
} else {
  const probed = await probePython(testPython, { cwd: root });
  if (probed.ok) {
    console.log(`Python-app tests: Python ${probed.pythonVersion} with Streamlit ${probed.streamlitVersion} (${testPython})`);
  } else {
    // Not skipped: a named interpreter that cannot run them should fail them, loudly.
    console.log(`Python-app tests: LOOPWRIGHT_PYTHON=${testPython} cannot run them: ${probed.reason}`);
    problems.push(`LOOPWRIGHT_PYTHON=${testPython}: ${probed.reason}`);
  }
}

rmSync(VITEST_REPORT, { force: true });
rmSync(PLAYWRIGHT_REPORT, { force: true });
rmSync(PACKAGE_REPORT, { force: true });

// The contract is shared by main, preload and both renderer apps: a type error is a broken seam. One program per
// environment (tsconfig.json's references), so Node code in the renderer or DOM code in the core fails too.
// --force: a non-composite project counts as up to date when its own files are, even if a file it imports changed.
const typeCode =
  (await run("electron type declarations", process.execPath, [join(root, "scripts/electron-types.mjs")])) ||
  (await run("type check", bin("vue-tsc"), ["-b", "--force", "tsconfig.json"]));
if (typeCode !== 0) problems.push(`type check exited with code ${typeCode}`);

const unitCode = await run("unit tests", bin("vitest"), [
  "run", "--reporter=default", "--reporter=json", `--outputFile=${VITEST_REPORT}`,
]);
const vitest = readJson(VITEST_REPORT);
if (vitest) add(vitestCounts(vitest));
else problems.push("vitest wrote no JSON report");
if (unitCode !== 0) problems.push(`unit tests exited with code ${unitCode}`);

const buildCode =
  (await run("build", bin("electron-vite"), ["build"])) ||
  (await run("build test kit", process.execPath, [join(root, "scripts/build-kit.mjs")]));
if (buildCode !== 0) {
  problems.push(`build exited with code ${buildCode}; e2e tests not run`);
} else {
  const e2eCode = await run("e2e tests", bin("playwright"), ["test"]);
  const playwright = readJson(PLAYWRIGHT_REPORT);
  if (playwright) {
    add(playwrightCounts(playwright));
    for (const error of playwright.errors ?? []) problems.push(`playwright: ${error.message?.split("\n")[0]}`);
  } else {
    problems.push("playwright wrote no JSON report");
  }
  if (e2eCode !== 0) problems.push(`e2e tests exited with code ${e2eCode}`);

  const packageCode = await run("package: pack, install into ESM and CommonJS projects, test there", process.execPath, [
    join(root, "scripts/test-package.mjs"), `--report=${PACKAGE_REPORT}`,
  ]);
  const packaged = readJson(PACKAGE_REPORT);
  if (packaged) add(packaged);
  else problems.push("the package step wrote no report");
  if (packageCode !== 0) problems.push(`package step exited with code ${packageCode}`);
}

if (totals.passed + totals.failed === 0) problems.push("no test ran");
console.log("");
for (const problem of problems) console.log(`problem: ${problem}`);
console.log(`Summary: ${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`);
process.exit(problems.length > 0 || totals.failed > 0 ? 1 : 0);
