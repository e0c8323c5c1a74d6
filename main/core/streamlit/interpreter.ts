import { accessSync, constants, statSync } from "node:fs";
import { delimiter, dirname, isAbsolute, join, resolve } from "node:path";
import { MIN_STREAMLIT_TEXT, probePython } from "./python-probe.mjs";

/** Where the project-root .venv is looked for; it lives with the rest of what opening a path means. */
export { projectRootOf } from "../project";

/** The interpreter that runs a Python app, or why none could. */
export type PythonFound =
  | {
      ok: true;
      /** Absolute path of the executable that was checked; run exactly this. */
      python: string;
      streamlitVersion: string;
      pythonVersion: string;
      /** Where it came from, for the workbench to say: "--python", "LOOPWRIGHT_PYTHON", ".venv next to the app", … */
      via: string;
      /** Earlier candidates that were there but could not host the app ("a .venv next to the app (…): Python 3.11.7 without streamlit"). */
      passedOver: string[];
    }
  | { ok: false; message: string };

export interface FindPythonOptions {
  appPath: string;
  /** Where a project-wide .venv may live (projectRootOf in ../project.ts); null when there is none. */
  projectRoot: string | null;
  /** `--python PATH`: a path (relative to the cwd) or a name looked up on PATH. */
  explicit?: string | null;
  env?: NodeJS.ProcessEnv;
  /** Where the probe runs: a pyenv shim or a .python-version picks its Python by folder, so probe where Streamlit will run. Default: the app's folder. */
  cwd?: string;
  timeoutMs?: number;
}

/** The environment variable that names the interpreter when no --python is given. */
export const PYTHON_ENV = "LOOPWRIGHT_PYTHON";

const INSTALL = `pip install "streamlit>=${MIN_STREAMLIT_TEXT}"`;

interface Tried {
  /** How the message names the candidate: "--python /x/python", "python3 on PATH (/usr/bin/python3)". */
  label: string;
  reason: string;
  /** Set when the candidate is a working Python that only lacks a recent Streamlit: where to install it. */
  installInto: string | null;
}

/**
 * The Python interpreter for a Python app, looked for in the order `loopwright --help` gives: `--python`,
 * LOOPWRIGHT_PYTHON, a .venv next to the app or at the project root, python3 on PATH. A choice the
 * author made (the first two) is the only one tried: running another Python than the one they named
 * would hide their mistake. Each candidate must have Streamlit 1.51 or later.
 */
export async function findPython(options: FindPythonOptions): Promise<PythonFound> {
  const env = options.env ?? process.env;
  const probe = (python: string) => probePython(python, { env, cwd: options.cwd ?? dirname(options.appPath), timeoutMs: options.timeoutMs });
  const tried: Tried[] = [];

  const chosen = options.explicit ? { via: "--python", given: options.explicit } : env[PYTHON_ENV] ? { via: PYTHON_ENV, given: env[PYTHON_ENV] } : null;
  if (chosen) {
    const named = chosen.via === "--python" ? `--python ${chosen.given}` : `${PYTHON_ENV}=${chosen.given}`;
    const path = isBareName(chosen.given) ? onPath(chosen.given, env) : resolve(chosen.given);
    if (!path) {
      tried.push({ label: named, reason: "not found on PATH", installInto: null });
    } else {
      const found = await tryCandidate(path === chosen.given ? named : `${named} (${path})`, path, probe, tried);
      if (found) return { ok: true, python: path, ...found, via: chosen.via, passedOver: [] };
    }
    return { ok: false, message: failure(options.appPath, tried, chosen.via) };
  }

  const venvs = [{ via: ".venv next to the app", folder: dirname(options.appPath) }];
  if (options.projectRoot && resolve(options.projectRoot) !== resolve(dirname(options.appPath))) venvs.push({ via: ".venv at the project root", folder: options.projectRoot });
  for (const { via, folder } of venvs) {
    const path = join(folder, ".venv", ...VENV_PYTHON);
    const found = await tryCandidate(`a ${via} (${path})`, path, probe, tried);
    if (found) return { ok: true, python: path, ...found, via, passedOver: passedOver(tried) };
  }

  const path = PATH_NAMES.map((name) => onPath(name, env)).find((found) => found !== null) ?? null;
  if (!path) {
    tried.push({ label: `${PATH_NAMES[0]} on PATH`, reason: "not found", installInto: null });
  } else {
    const found = await tryCandidate(`${PATH_NAMES[0]} on PATH (${path})`, path, probe, tried);
    if (found) return { ok: true, python: path, ...found, via: `${PATH_NAMES[0]} on PATH`, passedOver: passedOver(tried) };
  }
  return { ok: false, message: failure(options.appPath, tried, null) };
}

/** Where a virtual environment keeps its interpreter. */
const VENV_PYTHON = process.platform === "win32" ? ["Scripts", "python.exe"] : ["bin", "python"];

/** Windows installs name it python.exe; a python3.exe there is often only the Store's installer stub. */
const PATH_NAMES = process.platform === "win32" ? ["python", "python3"] : ["python3"];

async function tryCandidate(
  label: string,
  path: string,
  probe: (python: string) => ReturnType<typeof probePython>,
  tried: Tried[],
): Promise<{ streamlitVersion: string; pythonVersion: string } | null> {
  // Said before running it: the OS reports a missing interpreter and a missing script alike.
  const problem = fileProblem(path);
  if (problem) {
    tried.push({ label, reason: problem, installInto: null });
    return null;
  }
  const result = await probe(path);
  if (result.ok) return { streamlitVersion: result.streamlitVersion, pythonVersion: result.pythonVersion };
  tried.push({ label, reason: result.reason, installInto: result.pythonVersion === null ? null : path });
  return null;
}

function fileProblem(path: string): string | null {
  try {
    if (statSync(path).isDirectory()) return "a folder, not an executable";
  } catch {
    return "not found";
  }
  if (process.platform === "win32") return null;
  try {
    accessSync(path, constants.X_OK);
    return null;
  } catch {
    return "not executable";
  }
}

/** `--python python3.12` means the one on PATH, as a shell would. */
function isBareName(given: string): boolean {
  return !isAbsolute(given) && !given.includes("/") && !(process.platform === "win32" && given.includes("\\"));
}

function onPath(name: string, env: NodeJS.ProcessEnv): string | null {
  const extensions = process.platform === "win32" ? ["", ...(env.PATHEXT ?? ".EXE;.CMD;.BAT;.COM").split(";").filter(Boolean)] : [""];
  for (const folder of (env.PATH ?? env.Path ?? "").split(delimiter)) {
    // An empty PATH entry means the cwd to a shell; an interpreter found that way is an accident, not a choice.
    if (!folder || !isAbsolute(folder)) continue;
    for (const extension of extensions) {
      const path = join(folder, name + extension);
      if (fileProblem(path) === null) return path;
    }
  }
  return null;
}

function passedOver(tried: Tried[]): string[] {
  return tried.filter((entry) => entry.reason !== "not found").map((entry) => `${entry.label}: ${entry.reason}`);
}

/** One paragraph: what was looked for, every candidate with why it failed, and how to fix it. */
function failure(appPath: string, tried: Tried[], chosenBy: string | null): string {
  const what = `No Python with Streamlit ${MIN_STREAMLIT_TEXT} or later (the first with Custom Components v2) to run ${appPath}.`;
  const list = `Tried${tried.length > 1 ? ", in order" : ""}: ${tried.map((entry) => `${entry.label}: ${entry.reason}`).join("; ")}.`;
  const into = tried.find((entry) => entry.installInto)?.installInto;
  const installInto = into ? `install Streamlit into that interpreter (\`${quoted(into)} -m ${INSTALL}\`)` : null;
  const anyPython = `a Python that has Streamlit ${MIN_STREAMLIT_TEXT} or later (\`${INSTALL}\` into it)`;
  const fix =
    chosenBy === "--python"
      ? `To fix it, ${installInto ? `${installInto}, or pass --python PATH with another one` : `pass --python PATH naming ${anyPython}`}, or drop --python and set ${PYTHON_ENV} instead.`
      : chosenBy === PYTHON_ENV
        ? `To fix it, ${installInto ? `${installInto}, or set ${PYTHON_ENV} to another one` : `set ${PYTHON_ENV} to ${anyPython}`}, or pass --python PATH (unset ${PYTHON_ENV} to let Loopwright look for a .venv and ${PATH_NAMES[0]}).`
        : `To fix it, ${installInto ?? `create a virtual environment next to the app with Streamlit in it (\`python3 -m venv .venv && .venv/${VENV_PYTHON[0]}/${INSTALL}\`)`}, or name ${anyPython} with --python PATH or the ${PYTHON_ENV} environment variable.`;
  return `${what} ${list} ${fix}`;
}

function quoted(path: string): string {
  return /^[\w@%+=:,./\\-]+$/.test(path) ? path : `"${path}"`;
}
