#!/usr/bin/env node
/**
 * loopwright serve [app] [--port N]   browser mode (builds out/ first if it is missing)
 * loopwright start [app]              builds, then opens the Electron window; falls back to browser
 *                                     mode where no Electron binary is installed
 *
 * Never requires 'electron': from Electron 42 on that downloads the binary.
 */
import { spawn, spawnSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const SERVER = join(ROOT, "out/main/server.js");
const RENDERER_INDEX = join(ROOT, "out/renderer/index.html");
const require = createRequire(import.meta.url);

const USAGE = `usage:
  loopwright serve [app-script] [--port N]   browser mode on http://127.0.0.1 (default port 5183,
                                             a free one if taken; --port 0 always picks a free one)
  loopwright start [app-script]              desktop window (browser mode if Electron is not installed)
The app script defaults to the bundled example, examples/text-input/app.ts.`;

const [command, ...rest] = process.argv.slice(2);

if (command === undefined || command === "--help" || command === "-h" || command === "help" || rest.includes("--help") || rest.includes("-h")) {
  console.log(USAGE);
  process.exit(command === undefined ? 1 : 0);
} else if (command === "serve") {
  if (!existsSync(SERVER) || !existsSync(RENDERER_INDEX)) build();
  serve(rest);
} else if (command === "start") {
  build();
  start(rest);
} else {
  console.error(`loopwright: unknown command "${command}"\n${USAGE}`);
  process.exit(1);
}

function build() {
  const cli = join(dirname(require.resolve("electron-vite/package.json")), "bin/electron-vite.js");
  // Build logs go to stderr so stdout carries only the server's ready line.
  const result = spawnSync(process.execPath, [cli, "build"], { cwd: ROOT, stdio: ["ignore", 2, 2] });
  if (result.status !== 0) {
    console.error("loopwright: build failed (npx electron-vite build)");
    process.exit(result.status ?? 1);
  }
}

function serve(args) {
  run(process.execPath, [SERVER, ...args], process.env);
}

function start(args) {
  let positionals;
  try {
    ({ positionals } = parseArgs({ args, allowPositionals: true, options: {} }));
  } catch (error) {
    console.error(`loopwright: ${error.message}\n${USAGE}`);
    process.exit(1);
  }
  if (positionals.length > 1) {
    console.error(`loopwright: expected one app script, got ${positionals.length}\n${USAGE}`);
    process.exit(1);
  }
  const electron = electronBinary();
  if (electron.path === null) {
    console.error(`Electron binary not available here (${electron.reason}); serving browser mode instead.`);
    serve(positionals);
    return;
  }
  const env = { ...process.env };
  if (positionals[0] !== undefined) env.LOOPWRIGHT_APP = resolve(positionals[0]);
  run(electron.path, [ROOT], env);
}

/** Where node_modules/electron's path.txt says the binary is, if that file exists. */
function electronBinary() {
  let packageDir;
  try {
    packageDir = dirname(require.resolve("electron/package.json"));
  } catch {
    return { path: null, reason: "the electron package is not installed" };
  }
  const pathFile = join(packageDir, "path.txt");
  if (!existsSync(pathFile)) return { path: null, reason: "node_modules/electron has no path.txt" };
  const binary = join(packageDir, "dist", readFileSync(pathFile, "utf8").trim());
  if (!existsSync(binary)) return { path: null, reason: `node_modules/electron has no ${binary}` };
  return { path: binary, reason: null };
}

/** Run a child with our stdio and exit with its code once it has shut down. */
function run(executable, args, env) {
  const child = spawn(executable, args, { stdio: "inherit", env });
  // Pass signals on and wait for the child's own clean exit (it may get Ctrl-C twice: from the
  // terminal's process group and from us; both entries treat a repeated signal as one).
  for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => child.kill(signal));
  child.on("exit", (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
}
