import { readFileSync } from "node:fs";
import { join } from "node:path";

/** The bundled example: the seed's text input component. */
export const SEED_APP = join(__dirname, "..", "examples", "text-input", "app.ts");
/** Test apps in e2e/apps/. */
export const TRIGGER_APP = join(__dirname, "apps", "trigger.ts");
export const THROWS_APP = join(__dirname, "apps", "throws.ts");
export const CONSOLE_APP = join(__dirname, "apps", "console", "app.ts");
/** The purpose-built broken examples the loop debugger explains (examples/broken/). */
const broken = (name: string) => join(__dirname, "..", "examples", "broken", `${name}.ts`);
export const BROKEN = {
  stormOnRender: broken("storm-on-render"),
  stormUnkeyed: broken("storm-unkeyed"),
  triggerWithoutCallback: broken("trigger-without-callback"),
  staleMap: broken("stale-map"),
  remountChurn: broken("remount-churn"),
};

/** 1-based line number of the first line of `file` containing `text`. */
export function lineOf(file: string, text: string): number {
  const index = readFileSync(file, "utf8").split("\n").findIndex((line) => line.includes(text));
  if (index < 0) throw new Error(`${text} not found in ${file}`);
  return index + 1;
}

/** The seed's app in Python, run on real Streamlit. */
export const SEED_PY_APP = join(__dirname, "..", "examples", "text-input", "app.py");
/** Broken examples in Python (examples/broken/*.py), run on real Streamlit. */
export const BROKEN_PY = {
  stormOnRender: join(__dirname, "..", "examples", "broken", "storm_on_render.py"),
  stormRerun: join(__dirname, "..", "examples", "broken", "storm_rerun.py"),
};
/** Python test apps in e2e/apps/python/. */
export const CONSOLE_PY_APP = join(__dirname, "apps", "python", "console_app.py");
export const SLOW_PY_APP = join(__dirname, "apps", "python", "slow_app.py");
export const BIG_STATE_PY_APP = join(__dirname, "..", "examples", "broken", "big_session_value.py");
/** A project folder: streamlit_app.py, pages/, .streamlit/config.toml and secrets.toml. */
export const MULTIPAGE_PY_PROJECT = join(__dirname, "apps", "python", "multipage");
