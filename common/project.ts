import * as v from "valibot";

/**
 * `loopwright.config.ts` in a project folder: its default export names the app scripts the
 * workbench can switch between, paths relative to the config file.
 *
 *   export default { scenarios: { basic: "./app.ts", empty: "./empty.ts", real: "./app.py" } } satisfies LoopwrightConfig;
 */
export const LoopwrightConfigSchema = v.strictObject(
  {
    scenarios: v.pipe(
      v.record(
        v.pipe(v.string(), v.trim(), v.nonEmpty("a scenario name must not be empty")),
        v.pipe(v.string("an app script path must be a string"), v.nonEmpty("an app script path must not be empty")),
        "must be an object of scenario names and app script paths",
      ),
      v.check((scenarios) => Object.keys(scenarios).length > 0, "list at least one scenario"),
    ),
  },
  (issue) =>
    issue.expected === "never"
      ? `unknown key: the config takes only "scenarios"`
      : issue.received === "undefined" && issue.path?.length
        ? "missing: an object of scenario names and app script paths"
        : `the default export must be an object, got ${issue.received}`,
);

export type LoopwrightConfig = v.InferInput<typeof LoopwrightConfigSchema>;

/** The config file's names, in the order they are looked for. */
export const CONFIG_FILES = ["loopwright.config.ts", "loopwright.config.mts", "loopwright.config.js", "loopwright.config.mjs"];

/**
 * A folder without a config opens the one app script it holds under one of these names: a
 * TypeScript app script, or the author's Python app under the names Streamlit projects use.
 */
export const APP_SCRIPT_NAMES = ["app.ts", "streamlit_app.ts", "main.ts", "app.js", "streamlit_app.js", "main.js", "streamlit_app.py", "app.py"];

/** Which host runs an app script: the TypeScript emulator, or real Streamlit on the author's Python. */
export type AppLanguage = "typescript" | "python";

/** By extension, as the CLI decides what it may open (main/launch.mjs). */
export function appLanguageOf(appPath: string): AppLanguage {
  return /\.py$/i.test(appPath) ? "python" : "typescript";
}

export const ScenarioNameSchema = v.pipe(v.string(), v.nonEmpty());

/** What switching scenarios answers: refused with the reason, or done (a new session started). */
export type SwitchResult = { ok: true } | { ok: false; error: string };
