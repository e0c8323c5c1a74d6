export { createScriptHost } from "./host";
export type { ScriptHost, ScriptHostOptions } from "./types";
