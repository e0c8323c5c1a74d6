import { existsSync, statSync } from "node:fs";
import { Module } from "node:module";
import { basename, dirname, join, resolve } from "node:path";
import * as esbuild from "esbuild";
import * as v from "valibot";
import { APP_SCRIPT_NAMES, appLanguageOf, CONFIG_FILES, LoopwrightConfigSchema, type AppLanguage } from "../../common/project";

/** One app script the workbench can open, under the name the config gives it. */
export interface Scenario {
  name: string;
  appPath: string;
  /** Which host runs it: "python" (a .py file) runs on real Streamlit, anything else on the emulator. */
  language: AppLanguage;
}

/** What `loopwright serve <path>` opens: the scenarios, the first one first. */
export interface Project {
  /** The loopwright.config.ts the scenarios come from; null when one app script was opened. */
  configPath: string | null;
  scenarios: Scenario[];
}

export class ProjectError extends Error {
  override name = "ProjectError";
}

/**
 * An app script, or a folder: with a loopwright.config.ts, its scenarios; without one, the single
 * app script it holds under a conventional name.
 */
export async function openProject(path: string): Promise<Project> {
  if (!existsSync(path)) throw new ProjectError(`not found: ${path}`);
  if (statSync(path).isFile()) return { configPath: null, scenarios: [scenario(basename(path), path)] };
  const config = CONFIG_FILES.map((name) => join(path, name)).find((file) => existsSync(file));
  if (config) return { configPath: config, scenarios: await readConfig(config) };
  const candidates = APP_SCRIPT_NAMES.filter((name) => isFile(join(path, name)));
  if (candidates.length === 1) return { configPath: null, scenarios: [scenario(candidates[0], join(path, candidates[0]))] };
  if (candidates.length === 0) {
    throw new ProjectError(`no app script in ${path}: expected a ${CONFIG_FILES[0]} listing scenarios, or one of ${APP_SCRIPT_NAMES.join(", ")}`);
  }
  throw new ProjectError(
    `several app scripts in ${path}: ${candidates.join(", ")}. Open one of them, or list them as scenarios in a ${CONFIG_FILES[0]}: export default { scenarios: { ${suggestedScenarios(candidates)} } }`,
  );
}

/** Scenario names for the config an error suggests: the file names without extension, unless two would clash (app.ts and app.py). */
function suggestedScenarios(files: string[]): string {
  const stem = (name: string) => name.replace(/\.[^.]+$/, "");
  const clashes = (name: string) => files.filter((other) => stem(other) === stem(name)).length > 1;
  return files.map((name) => `"${clashes(name) ? name : stem(name)}": "./${name}"`).join(", ");
}

function scenario(name: string, appPath: string): Scenario {
  return { name, appPath, language: appLanguageOf(appPath) };
}

/** What marks the top of a project when a single script is opened. */
const PROJECT_MARKERS = ["pyproject.toml", ...CONFIG_FILES, ".git"];

/**
 * The folder a project-wide setting (such as its .venv) is looked up in: the opened folder itself,
 * or for an opened script the nearest ancestor holding a pyproject.toml, a loopwright config or a
 * .git, else the script's own folder.
 */
export function projectRootOf(openedPath: string): string {
  const path = resolve(openedPath);
  if (isFolder(path)) return path;
  const scriptFolder = dirname(path);
  for (let folder = scriptFolder; ; folder = dirname(folder)) {
    if (PROJECT_MARKERS.some((marker) => existsSync(join(folder, marker)))) return folder;
    if (dirname(folder) === folder) return scriptFolder;
  }
}

async function readConfig(configPath: string): Promise<Scenario[]> {
  const where = basename(configPath);
  let exported: unknown;
  try {
    const built = await esbuild.build({
      entryPoints: [configPath],
      bundle: true,
      platform: "node",
      format: "cjs",
      target: "node20",
      write: false,
      logLevel: "silent",
      // Types from "loopwright" are erased; nothing else of ours is needed at run time.
      external: ["loopwright"],
    });
    const module = new Module(configPath) as Module & { _compile(code: string, filename: string): void };
    module.filename = configPath;
    module.paths = (Module as typeof Module & { _nodeModulePaths(dir: string): string[] })._nodeModulePaths(dirname(configPath));
    module._compile(built.outputFiles[0].text, configPath);
    const exports = module.exports as { default?: unknown };
    exported = exports.default ?? exports;
  } catch (error) {
    const failure = error as esbuild.BuildFailure;
    const first = failure.errors?.[0];
    const at = first?.location ? `:${first.location.line}:${first.location.column + 1}` : "";
    throw new ProjectError(`${configPath}${at}: ${first?.text ?? (error as Error).message}`);
  }
  const parsed = v.safeParse(LoopwrightConfigSchema, exported);
  if (!parsed.success) {
    const issues = parsed.issues.map((issue) => {
      const path = issue.path?.map((item) => String(item.key)).join(".");
      return `  ${path ? `${path}: ` : ""}${issue.message}`;
    });
    throw new ProjectError(
      `${where} must export default { scenarios: { <name>: "./app.ts", … } }:\n${issues.join("\n")}\n(in ${configPath})`,
    );
  }
  const folder = dirname(configPath);
  return Object.entries(parsed.output.scenarios).map(([name, script]) => {
    const appPath = resolve(folder, script);
    if (!isFile(appPath)) throw new ProjectError(`${where}: scenario "${name}": app script ${script} not found (looked at ${appPath})`);
    return scenario(name, appPath);
  });
}

function isFolder(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

function isFile(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}
