import { existsSync, readFileSync, realpathSync, statSync } from "node:fs";
import { dirname, isAbsolute, join, relative, resolve, sep } from "node:path";
import * as esbuild from "esbuild";
import { parse as parseToml } from "smol-toml";
import { globSync } from "tinyglobby";
import type { BuildProblem } from "../../../common";
import { problemFromEsbuild } from "../code-frame";
import { StreamlitAPIException, StreamlitError } from "./errors";

/**
 * html/css/js of a component: inline text, or a file. Streamlit's heuristic (§1): one line with a
 * path separator, glob character or a known extension is a path; anything else is inline.
 * A path is resolved like Streamlit's (lib/streamlit/components/v2/component_definition_resolver.py)
 * inside the `asset_dir` a pyproject.toml above the script declares for the component; a component
 * no manifest declares reads its files relative to the app script instead (docs/fidelity.md row 2).
 */
const EXTENSIONS: Record<AssetKind, RegExp> = {
  html: /\.html?$/i,
  css: /\.css$/i,
  js: /\.(m|c)?js$/i,
};

/** Sources bundled on the fly with esbuild before they reach the preview. */
const COMPILED_SOURCE = /\.(tsx?|jsx|mts|cts)$/i;

export type AssetKind = "html" | "css" | "js";

export function looksLikePath(value: string, kind: AssetKind): boolean {
  const text = value.trim();
  if (text.includes("\n") || text.includes("\r") || text === "") return false;
  if (kind === "html") return EXTENSIONS.html.test(text);
  return hasGlob(text) || /^(\.\/|\/|\\)/.test(text) || /[/\\]/.test(text) || EXTENSIONS[kind].test(text);
}

const hasGlob = (path: string) => /[*?[\]]/.test(path);

export interface Asset {
  text: string;
  /** The path as the author wrote it; null for inline text. */
  path: string | null;
  /** Files the text was read or built from, for the host's watcher (node_modules left out). */
  files: string[];
  /** Folders whose listing decides a glob's match. */
  dirs: string[];
}

/** A component file that does not compile: the message carries the code frame, `problem` the parts. */
export class ComponentBuildError extends StreamlitError {
  constructor(readonly problem: BuildProblem, readonly files: string[]) {
    super("ComponentBuildError", `${problem.file}:${problem.line}:${problem.column}: ${problem.message}\n\n${problem.frame}`);
  }
}

/** What Python's `type(x).__name__` is to Streamlit's message: the class (constructor) name, else typeof. */
function typeName(value: unknown): string {
  const constructor = (value as { constructor?: { name?: unknown } }).constructor;
  return typeof constructor?.name === "string" && constructor.name !== "" ? constructor.name : typeof value;
}

/** The inline text, or the file's text (built when it is TypeScript/JSX) and where it came from. */
export function readAsset(componentName: string, kind: AssetKind, value: unknown, appDir: string): Asset | null {
  if (value === null || value === undefined) return null;
  if (typeof value !== "string") {
    throw new StreamlitError(
      "StreamlitInvalidParameterTypeError",
      `Invalid \`${kind}\` type. Expected one of: str, None. Provided type: ${typeName(value)}. Pass a string path or glob.`,
    );
  }
  if (!looksLikePath(value, kind)) return { text: value, path: null, files: [], dirs: [] };
  const given = value.trim();
  const declared = findManifestEntry(componentName, appDir);
  const manifestFiles = declared ? [declared.pyproject] : [];
  let path: string;
  let dirs: string[] = [];
  if (declared) {
    path = resolveInAssetDir(componentName, given, declared.assetRoot, kind);
    dirs = hasGlob(given) ? [globFolder(given, declared.assetRoot)] : [];
  } else if (hasGlob(given)) {
    // Not in a manifest: the glob is matched next to the script with the same exactly-one rule.
    path = resolveGlob(given, appDir);
    dirs = [globFolder(given, appDir)];
  } else {
    path = isAbsolute(given) ? given : resolve(appDir, given);
    if (!existsSync(path)) {
      throw StreamlitAPIException(`Component '${componentName}': the ${kind} file \`${given}\` was not found (looked at ${path}).`);
    }
  }
  if (kind === "js" && COMPILED_SOURCE.test(path)) {
    const built = buildSource(componentName, path, appDir);
    return { text: built.code, path: given, files: [...built.inputs, ...manifestFiles], dirs };
  }
  const text = readFileSync(path, "utf8");
  if (kind === "js") checkSyntax(componentName, path, text, appDir);
  return { text, path: given, files: [path, ...manifestFiles], dirs };
}

/** Streamlit's `_resolve_entry` for a component with an asset_dir: globs and paths stay inside it. */
function resolveInAssetDir(componentName: string, given: string, assetRoot: string, kind: AssetKind): string {
  if (hasGlob(given)) {
    const match = resolveGlob(given, assetRoot);
    ensureWithinRoot(match, assetRoot, kind);
    return match;
  }
  assertRelativeNoTraversal(given, "component paths");
  const candidate = join(assetRoot, given);
  ensureWithinRoot(candidate, assetRoot, kind);
  if (!existsSync(candidate)) {
    throw StreamlitAPIException(`Component '${componentName}': the ${kind} file \`${given}\` was not found in its asset_dir (looked at ${candidate}).`);
  }
  return candidate;
}

/** `ComponentPathUtils.resolve_glob_pattern`: exactly one file, inside the root after symlinks. */
function resolveGlob(pattern: string, root: string): string {
  assertRelativeNoTraversal(pattern, "glob patterns");
  const rootReal = realpathSync(root);
  const matches = globSync(pattern, { cwd: root, absolute: true, onlyFiles: true, dot: true, expandDirectories: false })
    .map((file) => realpathSync(file))
    .filter((file) => isWithin(file, rootReal))
    .sort();
  if (matches.length === 0) throw registryError(`No files found matching pattern '${pattern}' in package root ${root}`);
  if (matches.length > 1) {
    throw registryError(`Multiple files found matching pattern '${pattern}': ${matches.join(", ")}. Exactly one file must match the pattern.`);
  }
  return matches[0];
}

/** The folder a glob lists: its literal leading segments (`build/index-*.js` lists `build`). */
function globFolder(pattern: string, root: string): string {
  const segments = pattern.replace(/\\/g, "/").split("/");
  const literal = segments.slice(0, -1);
  const firstGlob = literal.findIndex(hasGlob);
  return join(root, ...(firstGlob < 0 ? literal : literal.slice(0, firstGlob)));
}

/** `ComponentPathUtils._assert_relative_no_traversal`, with its messages. */
export function assertRelativeNoTraversal(path: string, label: string): void {
  const windowsDrive = /^[A-Za-z]:[/\\]/.test(path);
  const unc = path.startsWith("\\\\");
  const rootedBackslash = path.startsWith("\\") && !unc;
  if (isAbsolute(path) || windowsDrive || unc || rootedBackslash) {
    throw registryError(`Absolute paths are not allowed in ${label}: ${path}`);
  }
  if (path.replace(/\\/g, "/").split("/").some((segment) => segment === "..")) {
    throw registryError(`Path traversal attempts are not allowed in ${label}: ${path}`);
  }
}

function ensureWithinRoot(path: string, root: string, kind: string): void {
  // A file that does not exist yet cannot escape through a symlink: its folder decides.
  const real = (p: string): string => (existsSync(p) ? realpathSync(p) : join(real(dirname(p)), p.slice(dirname(p).length + 1)));
  if (!isWithin(real(path), realpathSync(root))) {
    throw registryError(`${kind} path '${path}' is outside the declared asset_dir '${root}'.`);
  }
}

const isWithin = (path: string, root: string) => path === root || path.startsWith(root.endsWith(sep) ? root : root + sep);

const registryError = (message: string) => new StreamlitError("StreamlitComponentRegistryError", message);

interface ManifestEntry {
  /** `<project.name>.<component name>`, the name the Python wrapper registers. */
  name: string;
  assetRoot: string;
  pyproject: string;
}

/**
 * The nearest pyproject.toml above the script that declares `name` in
 * `[[tool.streamlit.component.components]]`, with its asset_dir checked as Streamlit's
 * `ComponentConfig.resolve_asset_root` checks it (relative to the pyproject's folder).
 */
export function findManifestEntry(name: string, appDir: string): ManifestEntry | null {
  for (let dir = resolve(appDir); ; dir = dirname(dir)) {
    const pyproject = join(dir, "pyproject.toml");
    if (existsSync(pyproject)) {
      const entry = readManifest(pyproject).find((candidate) => candidate.name === name);
      if (entry) {
        if (entry.assetDir === null) return null;
        assertRelativeNoTraversal(entry.assetDir, "component paths");
        const assetRoot = resolve(dir, entry.assetDir);
        if (!existsSync(assetRoot) || !statSync(assetRoot).isDirectory()) {
          throw registryError(
            `Declared asset_dir '${entry.assetDir}' for component '${entry.component}' does not exist or is not a directory under package root '${dir}'.`,
          );
        }
        ensureWithinRoot(assetRoot, dir, "asset_dir");
        return { name, assetRoot, pyproject };
      }
    }
    if (dirname(dir) === dir) return null;
  }
}

interface DeclaredComponent {
  name: string;
  component: string;
  assetDir: string | null;
}

const manifests = new Map<string, { stamp: string; components: DeclaredComponent[] }>();

/** The components a pyproject.toml declares, parsed again only when the file changed. */
function readManifest(pyproject: string): DeclaredComponent[] {
  const stamp = fileStamp(pyproject);
  const cached = manifests.get(pyproject);
  if (cached?.stamp === stamp) return cached.components;
  let data: Record<string, any>;
  try {
    data = parseToml(readFileSync(pyproject, "utf8"));
  } catch (error) {
    throw StreamlitAPIException(`${pyproject} is not valid TOML: ${(error as Error).message}`);
  }
  const raw: unknown = data.tool?.streamlit?.component?.components;
  const project = typeof data.project?.name === "string" ? data.project.name : null;
  const components: DeclaredComponent[] = [];
  // Streamlit skips malformed entries (ComponentConfig.parse_or_none) and needs a project name.
  if (project && Array.isArray(raw)) {
    for (const item of raw) {
      if (typeof item?.name !== "string" || item.name === "") continue;
      if (item.asset_dir !== undefined && typeof item.asset_dir !== "string") continue;
      components.push({ name: `${project}.${item.name}`, component: item.name, assetDir: item.asset_dir ?? null });
    }
  }
  manifests.set(pyproject, { stamp, components });
  return components;
}

const fileStamp = (file: string) => {
  const stat = statSync(file);
  return `${stat.mtimeMs}:${stat.size}`;
};

interface Built {
  code: string;
  inputs: string[];
  stamps: string[];
}

const builds = new Map<string, Built>();

/**
 * A TypeScript/JSX component entry bundled into one ES module with an inline source map, its
 * imports resolved from the author's node_modules the way their own bundler would. Rebuilt only
 * when one of its own files changed.
 */
function buildSource(componentName: string, entry: string, appDir: string): Built {
  const cached = builds.get(entry);
  if (cached && cached.inputs.every((input, i) => existsSync(input) && fileStamp(input) === cached.stamps[i])) return cached;
  let result: esbuild.BuildResult<{ write: false; metafile: true }>;
  try {
    result = esbuild.buildSync({
      entryPoints: [entry],
      bundle: true,
      format: "esm",
      platform: "browser",
      target: "es2022",
      jsx: "automatic",
      sourcemap: "inline",
      write: false,
      metafile: true,
      logLevel: "silent",
      absWorkingDir: dirname(entry),
      // Library code reads it to pick its build, as in the template's vite config. Production:
      // the module travels with every render of every instance, and React's development build
      // with its source map is megabytes (docs/fidelity.md row 21).
      define: { "process.env.NODE_ENV": '"production"' },
    });
  } catch (error) {
    throw buildError(error, componentName, appDir, dirname(entry), [entry]);
  }
  const inputs = Object.keys(result.metafile.inputs)
    .filter((input) => !input.includes("node_modules"))
    .map((input) => resolve(dirname(entry), input));
  const built = { code: withoutLibrarySources(result.outputFiles[0].text), inputs, stamps: inputs.map(fileStamp) };
  builds.set(entry, built);
  return built;
}

const INLINE_MAP = /\/\/# sourceMappingURL=data:application\/json;base64,([A-Za-z0-9+/=]+)\s*$/;

/**
 * The inline source map keeps the author's sources and drops the text of node_modules files
 * (their lines still map to their paths): it is most of the module's size otherwise.
 */
function withoutLibrarySources(code: string): string {
  const found = INLINE_MAP.exec(code);
  if (!found) return code;
  const map = JSON.parse(Buffer.from(found[1], "base64").toString("utf8")) as { sources: string[]; sourcesContent?: (string | null)[] };
  map.sourcesContent = map.sourcesContent?.map((content, i) => (map.sources[i].includes("node_modules") ? null : content));
  return `${code.slice(0, found.index)}//# sourceMappingURL=data:application/json;base64,${Buffer.from(JSON.stringify(map)).toString("base64")}\n`;
}

const checked = new Map<string, string>();

/**
 * A syntax error in a component's JS file reported here with its file and line, before the
 * preview would fail to import it without either.
 */
function checkSyntax(componentName: string, file: string, text: string, appDir: string): void {
  const stamp = fileStamp(file);
  if (checked.get(file) === stamp) return;
  try {
    esbuild.transformSync(text, { loader: "js", format: "esm", sourcefile: file, logLevel: "silent" });
  } catch (error) {
    throw buildError(error, componentName, appDir, dirname(file), [file]);
  }
  checked.set(file, stamp);
}

/** `base`: the folder esbuild's locations are relative to. */
function buildError(error: unknown, componentName: string, appDir: string, base: string, files: string[]): Error {
  const located: string[] = [];
  const display = (file: string) => {
    const absolute = resolve(base, file);
    located.push(absolute);
    const fromApp = relative(appDir, absolute);
    return fromApp.startsWith("..") ? absolute : fromApp;
  };
  const read = (file: string) => {
    try {
      return readFileSync(resolve(base, file), "utf8");
    } catch {
      return null;
    }
  };
  const problem = problemFromEsbuild(error, "component", componentName, display, read);
  if (!problem) return StreamlitAPIException(`Component '${componentName}': ${(error as Error).message}`);
  return new ComponentBuildError(problem, [...new Set([...files, ...located])]);
}
