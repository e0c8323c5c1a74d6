/**
 * Whether one Python interpreter can host a Python app: which Python it is and which Streamlit it
 * has. Plain ESM with JSDoc types because scripts/test-all.mjs asks the same question before
 * anything is built; main/core/streamlit/interpreter.ts decides which interpreters to ask.
 */
import { execFile } from "node:child_process";
import * as v from "valibot";

/** The first Streamlit with Custom Components v2 (`st.components.v2.component`). */
export const MIN_STREAMLIT = /** @type {const} */ ([1, 51]);
export const MIN_STREAMLIT_TEXT = MIN_STREAMLIT.join(".");

/** How long an interpreter may take to answer; a cold start on a slow disk takes a second or two. */
export const PROBE_TIMEOUT_MS = 10_000;

/** What the probe prints before its JSON, so a sitecustomize that prints on start-up cannot be mistaken for the answer. */
const MARKER = "LOOPWRIGHT_PYTHON_PROBE ";

/**
 * Reads Streamlit's version from its installed metadata instead of importing it: the import takes
 * seconds. Written so that any Python, 2 included, gets as far as printing its own version.
 */
export const PROBE_PROGRAM = [
  "import json, sys",
  "v = None",
  "try:",
  "    from importlib.metadata import version",
  "    v = version('streamlit')",
  "except Exception:",
  "    pass",
  `print(${JSON.stringify(MARKER)} + json.dumps({'python': '%d.%d.%d' % tuple(sys.version_info[:3]), 'streamlit': v}))`,
].join("\n");

/** What PROBE_PROGRAM prints after its marker. */
const ProbeAnswerSchema = v.object({ python: v.string(), streamlit: v.nullable(v.string()) });

/**
 * @typedef {{ ok: true, pythonVersion: string, streamlitVersion: string }
 *   | { ok: false, reason: string, pythonVersion: string | null }} ProbeResult
 * A failure's pythonVersion is set when the interpreter ran, so the caller can suggest installing
 * Streamlit into it.
 */

/**
 * Run `python -c PROBE_PROGRAM` and judge the answer.
 * @param {string} python the executable (an absolute path, or a name looked up on PATH by the OS)
 * @param {{ env?: NodeJS.ProcessEnv, cwd?: string, timeoutMs?: number }} [options]
 * @returns {Promise<ProbeResult>}
 */
export function probePython(python, options = {}) {
  const timeoutMs = options.timeoutMs ?? PROBE_TIMEOUT_MS;
  return new Promise((resolve) => {
    execFile(
      python,
      ["-c", PROBE_PROGRAM],
      { env: options.env ?? process.env, cwd: options.cwd, timeout: timeoutMs, killSignal: "SIGKILL", windowsHide: true, maxBuffer: 1024 * 1024 },
      (error, stdout, stderr) => {
        if (error) {
          resolve({ ok: false, reason: failedToRun(/** @type {NodeJS.ErrnoException & { killed?: boolean, signal?: string | null }} */ (error), stderr, timeoutMs), pythonVersion: null });
          return;
        }
        resolve(judge(String(stdout), String(stderr)));
      },
    );
  });
}

/**
 * @param {NodeJS.ErrnoException & { killed?: boolean, signal?: string | null }} error
 * @param {string | Buffer} stderr
 * @param {number} timeoutMs
 */
function failedToRun(error, stderr, timeoutMs) {
  if (error.code === "ENOENT") return "not found";
  if (error.code === "EACCES") return "not executable";
  if (error.killed) return `did not answer within ${timeoutMs / 1000} s`;
  const said = lastLine(String(stderr));
  const how = typeof error.code === "number" ? `exited with code ${error.code}` : error.signal ? `was killed by ${error.signal}` : `could not run (${error.message})`;
  return said ? `${how}: ${said}` : how;
}

/**
 * @param {string} stdout
 * @param {string} stderr
 * @returns {ProbeResult}
 */
function judge(stdout, stderr) {
  const line = stdout.split(/\r?\n/).find((text) => text.startsWith(MARKER));
  const answer = v.safeParse(ProbeAnswerSchema, line ? parseJson(line.slice(MARKER.length)) : null);
  if (!answer.success) {
    const said = lastLine(stderr) || lastLine(stdout);
    return { ok: false, reason: `does not look like Python (it ran, but did not answer the version probe${said ? `: ${said}` : ""})`, pythonVersion: null };
  }
  const fields = answer.output;
  const pythonVersion = fields.python;
  if (fields.streamlit === null) {
    // importlib.metadata is 3.8's; before it the probe cannot tell, and no CCv2 Streamlit runs there anyway.
    const tooOld = !isAtLeast(releaseOf(pythonVersion) ?? [0], [3, 8]);
    return { ok: false, reason: tooOld ? `Python ${pythonVersion}, too old for Streamlit ${MIN_STREAMLIT_TEXT}` : `Python ${pythonVersion} without streamlit`, pythonVersion };
  }
  const streamlitVersion = fields.streamlit;
  const release = releaseOf(streamlitVersion);
  if (!release) return { ok: false, reason: `Python ${pythonVersion} with streamlit "${streamlitVersion}", a version Loopwright cannot compare with ${MIN_STREAMLIT_TEXT}`, pythonVersion };
  if (!isAtLeast(release, MIN_STREAMLIT)) return { ok: false, reason: `Python ${pythonVersion} with streamlit ${streamlitVersion}, too old (Custom Components v2 need ${MIN_STREAMLIT_TEXT} or later)`, pythonVersion };
  return { ok: true, pythonVersion, streamlitVersion };
}

/**
 * The release numbers at the front of a PEP 440 version ("1.52.0.dev1" → [1, 52, 0]), or null.
 * Pre-release suffixes are ignored: a 1.51 release candidate already has CCv2.
 * @param {string} version
 * @returns {number[] | null}
 */
export function releaseOf(version) {
  const match = /^\s*v?(\d+(?:\.\d+)*)/i.exec(version);
  return match ? match[1].split(".").map(Number) : null;
}

/**
 * Numeric comparison, part by part; missing parts count as 0 (so 1.51 equals 1.51.0).
 * @param {readonly number[]} release
 * @param {readonly number[]} minimum
 */
export function isAtLeast(release, minimum) {
  for (let i = 0; i < Math.max(release.length, minimum.length); i++) {
    const a = release[i] ?? 0;
    const b = minimum[i] ?? 0;
    if (a !== b) return a > b;
  }
  return true;
}

/** @param {string} text */
function parseJson(text) {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

/** @param {string} text */
function lastLine(text) {
  const lines = text.split(/\r?\n/).map((line) => line.trim()).filter(Boolean);
  const last = lines.at(-1) ?? "";
  return last.length > 300 ? `${last.slice(0, 300)}…` : last;
}
