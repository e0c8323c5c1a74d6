import { createScriptHost } from "./host";
import { findPython, projectRootOf } from "./streamlit/interpreter";
import { createStreamlitHost } from "./streamlit/streamlit-host";
import type { ScriptHost, ScriptHostOptions } from "./types";

/** Thrown when a Python app cannot be started: no interpreter with Streamlit, or Streamlit failed to come up. */
export class PythonAppError extends Error {
  override name = "PythonAppError";
}

/**
 * The host for one app script: a `.py` app runs on the author's real Streamlit, anything else on
 * the TypeScript emulator. Both answer the same contract.
 */
export async function createHost(options: ScriptHostOptions): Promise<ScriptHost> {
  if (!options.appPath.endsWith(".py")) return createScriptHost(options);
  const python = options.python;
  if (!python) throw new PythonAppError(`${options.appPath} is a Python app, and this Loopwright was started without Python support.`);
  const cwd = python.cwd ?? process.cwd();
  const found = await findPython({
    appPath: options.appPath,
    projectRoot: python.projectRoot ?? projectRootOf(options.appPath),
    explicit: python.explicit,
    env: process.env,
    // Where Streamlit will run: a pyenv shim or .python-version there picks the interpreter.
    cwd,
  });
  if (!found.ok) throw new PythonAppError(found.message);
  return createStreamlitHost({
    ...options,
    interpreter: found.python,
    companionDir: python.companionDir,
    cwd,
    frameAncestors: python.frameAncestors,
  });
}
