#!/usr/bin/env node
/**
 * loopwright serve [app] [--port N] [--python PATH]
 *                                     browser mode (in a source checkout, builds out/ first if it is missing)
 * loopwright start [app]              opens the Electron window (a source checkout builds first); falls
 *                                     back to browser mode where no Electron binary is installed
 * loopwright new <dir>                scaffolds a component project
 *
 * An installed package runs the out/ it was packed with (package.json "prepack"), so it needs none
 * of our build tools. Never requires 'electron': from Electron 42 on that downloads the binary.
 */
import { spawn, spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { APP_ENV, STOP_SIGNALS, USAGE, findElectronBinary, onAncestorExit, parseCommand, parseStartArgs } from "../main/launch.mjs";
import { scaffoldProject } from "./scaffold.mjs";

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const SERVER = join(ROOT, "out/main/server.js");
const RENDERER_INDEX = join(ROOT, "out/renderer/index.html");
const require = createRequire(import.meta.url);
/** A clone of the repository, not an installed package (the build config is not packed). */
const SOURCE_CHECKOUT = existsSync(join(ROOT, "electron.vite.config.ts"));

const command = parseCommand(process.argv.slice(2));

if (command.kind === "help") {
  console.log(USAGE);
  process.exit(command.exitCode);
} else if (command.kind === "error") {
  console.error(`loopwright: ${command.message}`);
  process.exit(1);
} else if (command.kind === "new") {
  const result = scaffoldProject(command.args, ROOT);
  if (!result.ok) {
    console.error(`loopwright: ${result.message}`);
    process.exit(1);
  }
  console.log(result.message);
} else if (command.kind === "serve") {
  if (!existsSync(SERVER) || !existsSync(RENDERER_INDEX)) build();
  serve(command.args);
} else {
  if (SOURCE_CHECKOUT) build();
  start(command.args);
}

function build() {
  if (!SOURCE_CHECKOUT) {
    console.error(`loopwright: this installed package has no built ${relative(ROOT, SERVER)}; reinstall it from a tarball made by \`npm pack\``);
    process.exit(1);
  }
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
  for (const signal of STOP_SIGNALS) process.on(signal, () => child.kill(signal));
  // `npx` dying leaves us no signal; stop the child as if it were SIGTERM, then exit with it.
  onAncestorExit(() => child.kill("SIGTERM"));
  child.on("exit", (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
}
