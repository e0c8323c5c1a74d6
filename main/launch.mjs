/**
 * How Loopwright is launched, for every way in: the CLI (bin/loopwright.mjs), the two entries
 * (main/index.ts, main/server.ts) and the test kit (e2e/kit). Plain ESM with JSDoc types because
 * the CLI imports it before anything is built. Never loads the electron package: from Electron 42
 * on, loading it downloads the binary.
 */
import { existsSync, readFileSync, statSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, extname, join, resolve } from "node:path";
import { parseArgs } from "node:util";

/** The bundled example every entry opens when no app script is given. */
export const DEFAULT_APP = "examples/text-input/app.ts";

/** How `loopwright start` hands the app script to the Electron entry. */
export const APP_ENV = "LOOPWRIGHT_APP";

export const USAGE = `usage:
  loopwright serve [app-script | folder] [--port N] [--python PATH]
                                             browser mode on http://127.0.0.1 (default port 5183, a
                                             free one if taken; --port 0 always picks a free one)
  loopwright start [app-script | folder]     desktop window (browser mode if Electron is not installed)
  loopwright new <dir>                       a component project: app script, component, kit test, CI
An app script is your Python Streamlit app (app.py), run unchanged on your Streamlit, or a TypeScript
app script (app.ts) run by Loopwright's emulator. A folder opens the scenarios of its
loopwright.config.ts, or the one app script it holds (app.ts, streamlit_app.ts, main.ts,
streamlit_app.py, app.py). The default is the bundled example, ${DEFAULT_APP}.
A Python app runs on --python PATH, else $LOOPWRIGHT_PYTHON, else a .venv next to the app or at the
project root, else python3 on PATH; it needs Streamlit 1.51 or later.`;

export const SERVE_USAGE = `usage: loopwright serve [app-script | folder] [--port N] [--python PATH]
  --port N         the port to serve on (default 5183, a free one if taken; 0 picks a free one)
  --python PATH    the Python interpreter that runs a Python app (default: $LOOPWRIGHT_PYTHON, a .venv
                   next to the app or at the project root, python3 on PATH; it needs Streamlit >= 1.51)`;

/**
 * The app script or project folder to open: a path given by the user (relative to the cwd) or the
 * bundled example. What a folder holds is read later (main/core/project.ts), once built.
 * @param {string | undefined} given
 * @param {string} packageRoot
 * @returns {{ ok: true, path: string } | { ok: false, message: string }}
 */
export function findAppScript(given, packageRoot) {
  const path = given ? resolve(given) : join(packageRoot, DEFAULT_APP);
  if (!isFileOrFolder(path)) return { ok: false, message: `app script or project folder not found: ${path}` };
  const problem = statSync(path).isDirectory() ? null : notAnAppScript(path, packageRoot);
  return problem ? { ok: false, message: problem } : { ok: true, path };
}

/** What the emulator runs, compiled by esbuild (TypeScript or JavaScript, with or without JSX). */
export const TYPESCRIPT_APP_EXTENSIONS = [".ts", ".tsx", ".mts", ".cts", ".js", ".jsx", ".mjs", ".cjs"];

/** What real Streamlit runs: the author's own app, as `streamlit run` takes it. */
export const PYTHON_APP_EXTENSIONS = [".py"];

export const APP_SCRIPT_EXTENSIONS = [...PYTHON_APP_EXTENSIONS, ...TYPESCRIPT_APP_EXTENSIONS];

/**
 * Why an existing file cannot be an app script, or null. Said before anything starts, so the
 * author never sees esbuild's `No loader is configured for ".css" files`.
 * @param {string} path
 * @param {string} packageRoot
 * @returns {string | null}
 */
export function notAnAppScript(path, packageRoot) {
  if (APP_SCRIPT_EXTENSIONS.includes(extname(path).toLowerCase())) return null;
  const readme = `${join(packageRoot, "README.md")}, section "Writing an app script"`;
  return `${path} is not an app script: expected your Streamlit app (a ${PYTHON_APP_EXTENSIONS.join(", ")} file), or a ${TYPESCRIPT_APP_EXTENSIONS.join(", ")} file whose default export is \`function app(st) { … }\` (see ${readme}).`;
}

/**
 * `loopwright <command> …`. The command's own arguments are parsed later (parseStartArgs, and
 * parseServeArgs in the server entry), after the CLI has built what the command runs.
 * @param {string[]} argv the arguments after `loopwright`
 * @returns {{ kind: "help", exitCode: number } | { kind: "error", message: string } | { kind: "serve" | "start" | "new", args: string[] }}
 */
export function parseCommand(argv) {
  const [command, ...rest] = argv;
  if (command === undefined || command === "--help" || command === "-h" || command === "help" || rest.includes("--help") || rest.includes("-h")) {
    return { kind: "help", exitCode: command === undefined ? 1 : 0 };
  }
  if (command === "serve" || command === "start" || command === "new") return { kind: command, args: rest };
  return { kind: "error", message: `unknown command "${command}"\n${USAGE}` };
}

/**
 * `loopwright start [app-script]`.
 * @param {string[]} args
 * @returns {{ ok: true, app: string | undefined } | { ok: false, message: string }}
 */
export function parseStartArgs(args) {
  let positionals;
  try {
    ({ positionals } = parseArgs({ args, allowPositionals: true, options: {} }));
  } catch (error) {
    return { ok: false, message: withUsage(error, USAGE) };
  }
  if (positionals.length > 1) return { ok: false, message: tooManyApps(positionals.length, USAGE) };
  return { ok: true, app: positionals[0] };
}

/**
 * `loopwright serve [app-script] [--port N] [--python PATH]`, as the server entry receives it.
 * `python` is only the author's choice; main/core/streamlit/interpreter.ts checks it when a Python
 * app is opened (a TypeScript app ignores it, and File → Open may switch to a Python app later).
 * @param {string[]} args
 * @returns {{ kind: "help" } | { kind: "error", message: string } | { kind: "serve", app: string | undefined, port: number | undefined, python: string | null }}
 */
export function parseServeArgs(args) {
  let parsed;
  try {
    parsed = parseArgs({ args, allowPositionals: true, options: { port: { type: "string" }, python: { type: "string" }, help: { type: "boolean", short: "h" } } });
  } catch (error) {
    return { kind: "error", message: withUsage(error, SERVE_USAGE) };
  }
  const { positionals, values } = parsed;
  if (values.help) return { kind: "help" };
  if (positionals.length > 1) return { kind: "error", message: tooManyApps(positionals.length, SERVE_USAGE) };
  const port = values.port === undefined ? undefined : Number(values.port);
  if (port !== undefined && !(Number.isInteger(port) && port >= 0 && port <= 65535)) return { kind: "error", message: `invalid --port ${values.port}` };
  if (values.python !== undefined && values.python.trim() === "") return { kind: "error", message: `--python needs the path of a Python interpreter\n${SERVE_USAGE}` };
  return { kind: "serve", app: positionals[0], port, python: values.python ?? null };
}

/**
 * The app script on the Electron entry's command line: the argument after `--`, else the first
 * non-switch argument that is not the entry itself (`electron out/main/index.js app.ts`,
 * `electron . app.ts`, and Playwright's launcher, which puts its own switches first); else APP_ENV.
 * @param {string[]} args process.argv without the executable
 * @param {string[]} entryPaths the paths that name the entry itself (its file, its folder, the package root)
 * @param {NodeJS.ProcessEnv} env
 * @returns {string | undefined}
 */
export function electronAppArgument(args, entryPaths, env) {
  const separator = args.indexOf("--");
  const candidates = separator >= 0 ? args.slice(separator + 1) : args.filter((arg) => !arg.startsWith("-"));
  const entry = new Set(entryPaths);
  return candidates.find((arg) => !entry.has(resolve(arg))) ?? env[APP_ENV];
}

/**
 * The Electron binary named by node_modules/electron's path.txt, if it was downloaded.
 * @param {string} packageRoot
 * @returns {{ ok: true, path: string } | { ok: false, reason: string }}
 */
export function findElectronBinary(packageRoot) {
  let packageDir;
  try {
    packageDir = dirname(createRequire(join(packageRoot, "package.json")).resolve("electron/package.json"));
  } catch {
    return { ok: false, reason: "the electron package is not installed" };
  }
  const pathFile = join(packageDir, "path.txt");
  if (!existsSync(pathFile)) return { ok: false, reason: "node_modules/electron has no path.txt" };
  const binary = join(packageDir, "dist", readFileSync(pathFile, "utf8").trim());
  if (!existsSync(binary)) return { ok: false, reason: `node_modules/electron has no ${binary}` };
  return { ok: true, path: binary };
}

/** The signals that end a Loopwright process like Ctrl-C: the terminal's, a supervisor's, a closed terminal's. */
export const STOP_SIGNALS = /** @type {const} */ (["SIGINT", "SIGTERM", "SIGHUP"]);

/**
 * Call `onGone` once a process this one was started under has exited. Nothing tells us: `npx`
 * runs us under `sh -c`, and on SIGTERM or SIGHUP npm dies and leaves that shell, or us, behind
 * without a signal. An orphan is adopted by another process, so a changed parent pid anywhere in
 * the chain recorded at start is the sign (read from /proc; elsewhere only our own parent is watched).
 * @param {() => void} onGone
 * @param {number} [intervalMs]
 * @returns {() => void} stops watching
 */
export function onAncestorExit(onGone, intervalMs = 250) {
  const chain = ancestorChain();
  const timer = setInterval(() => {
    if (process.ppid === chain[0] && chain.every((pid, i) => i === chain.length - 1 || parentPid(pid) === chain[i + 1])) return;
    clearInterval(timer);
    onGone();
  }, intervalMs);
  // Watching must not keep the process alive by itself.
  timer.unref();
  return () => clearInterval(timer);
}

/** Our parent, its parent, … up to the first that has none we can see (init, or no /proc). */
function ancestorChain() {
  const chain = [process.ppid];
  for (let next = parentPid(process.ppid); next !== null && next > 0 && !chain.includes(next); next = parentPid(next)) chain.push(next);
  return chain;
}

/**
 * The parent pid from /proc/<pid>/stat ("pid (comm) state ppid …"; comm may hold spaces and
 * parentheses), or null where there is no such file.
 * @param {number} pid
 * @returns {number | null}
 */
function parentPid(pid) {
  let stat;
  try {
    stat = readFileSync(`/proc/${pid}/stat`, "utf8");
  } catch {
    return null;
  }
  return Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
}

/** @param {string} path */
function isFileOrFolder(path) {
  try {
    const stat = statSync(path);
    return stat.isFile() || stat.isDirectory();
  } catch {
    return false;
  }
}

/**
 * @param {unknown} error what parseArgs threw
 * @param {string} usage
 */
function withUsage(error, usage) {
  return `${/** @type {Error} */ (error).message}\n${usage}`;
}

/**
 * @param {number} count
 * @param {string} usage
 */
function tooManyApps(count, usage) {
  return `expected one app script, got ${count}\n${usage}`;
}
