#!/usr/bin/env node
/**
 * loopwright serve [app] [--port N]   browser mode (builds out/ first if it is missing)
 * loopwright start [app]              builds, then opens the Electron window; falls back to browser
 *                                     mode where no Electron binary is installed
 *
 * Never requires 'electron': from Electron 42 on that downloads the binary.
 */
import { spawn, spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { APP_ENV, USAGE, findElectronBinary, parseCommand, parseStartArgs } from "../main/launch.mjs";

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const SERVER = join(ROOT, "out/main/server.js");
const RENDERER_INDEX = join(ROOT, "out/renderer/index.html");
const require = createRequire(import.meta.url);

const command = parseCommand(process.argv.slice(2));

if (command.kind === "help") {
  console.log(USAGE);
  process.exit(command.exitCode);
} else if (command.kind === "error") {
  console.error(`loopwright: ${command.message}`);
  process.exit(1);
} else if (command.kind === "serve") {
  if (!existsSync(SERVER) || !existsSync(RENDERER_INDEX)) build();
  serve(command.args);
} else {
  build();
  start(command.args);
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

/** @param {string[]} args */
function serve(args) {
  run(process.execPath, [SERVER, ...args], process.env);
}

/** @param {string[]} args */
function start(args) {
  const parsed = parseStartArgs(args);
  if (!parsed.ok) {
    console.error(`loopwright: ${parsed.message}`);
    process.exit(1);
  }
  const electron = findElectronBinary(ROOT);
  if (!electron.ok) {
    console.error(`Electron binary not available here (${electron.reason}); serving browser mode instead.`);
    serve(parsed.app === undefined ? [] : [parsed.app]);
    return;
  }
  const env = { ...process.env };
  if (parsed.app !== undefined) env[APP_ENV] = resolve(parsed.app);
  run(electron.path, [ROOT], env);
}

/**
 * Run a child with our stdio and exit with its code once it has shut down.
 * @param {string} executable
 * @param {string[]} args
 * @param {NodeJS.ProcessEnv} env
 */
function run(executable, args, env) {
  const child = spawn(executable, args, { stdio: "inherit", env });
  // Pass signals on and wait for the child's own clean exit (it may get Ctrl-C twice: from the
  // terminal's process group and from us; both entries treat a repeated signal as one).
  for (const signal of /** @type {const} */ (["SIGINT", "SIGTERM"])) process.on(signal, () => child.kill(signal));
  child.on("exit", (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
}
