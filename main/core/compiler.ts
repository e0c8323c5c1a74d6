import { basename, dirname, extname, join, resolve } from "node:path";
import { createRequire } from "node:module";
import * as esbuild from "esbuild";

/**
 * An app script (TS or JS, with its imports) compiled into one CommonJS bundle with an inline
 * source map, so a thrown error points at the author's `.ts` line. The bundle stays in memory (it
 * holds the author's source; nothing of it is written to disk): the runner evaluates it as a
 * module named `filename`.
 */
export interface CompiledScript {
  code: string;
  /**
   * A file in the app's folder that never exists: `require`, `__dirname` and the source map's
   * paths resolve against it as they would against the app script itself.
   */
  filename: string;
  /** Source files the script is made of (for watching), node_modules excluded. */
  inputs: string[];
}

export class CompileError extends Error {
  override name = "CompileError";
  constructor(
    message: string,
    readonly location: { file: string; line: number; column: number } | null,
  ) {
    super(message);
  }
}

/** Packages that must be the host's own instance (Arrow tables are detected with instanceof). */
const SHARED_PACKAGES = ["apache-arrow"];

const sharedPackages: esbuild.Plugin = {
  name: "loopwright-shared",
  setup(build) {
    build.onResolve({ filter: /^loopwright(\/.*)?$/ }, (args) => ({ path: args.path, external: true }));
    build.onResolve({ filter: new RegExp(`^(${SHARED_PACKAGES.join("|")})$`) }, (args) => ({
      path: createRequire(__filename).resolve(args.path),
      external: true,
    }));
  },
};

export async function compileScript(appPath: string): Promise<CompiledScript> {
  const filename = join(dirname(appPath), `${basename(appPath, extname(appPath))}.loopwright.cjs`);
  let result: esbuild.BuildResult<{ write: false; metafile: true }>;
  try {
    result = await esbuild.build({
      entryPoints: [appPath],
      outfile: filename,
      bundle: true,
      platform: "node",
      format: "cjs",
      target: "node20",
      sourcemap: "inline",
      write: false,
      metafile: true,
      logLevel: "silent",
      absWorkingDir: dirname(appPath),
      nodePaths: [resolve(__dirname, "..", "..", "node_modules")],
      plugins: [sharedPackages],
    });
  } catch (error) {
    throw toCompileError(error);
  }
  const inputs = Object.keys(result.metafile.inputs)
    .filter((input) => !input.includes("node_modules"))
    .map((input) => resolve(dirname(appPath), input));
  return { code: result.outputFiles[0].text, filename, inputs };
}

function toCompileError(error: unknown): CompileError {
  const failure = error as esbuild.BuildFailure;
  const first = failure.errors?.[0];
  if (!first) return new CompileError(error instanceof Error ? error.message : String(error), null);
  const loc = first.location;
  if (!loc) return new CompileError(first.text, null);
  return new CompileError(`${first.text}\n\n${codeFrame(loc.file, loc.line, loc.column, loc.lineText)}`, { file: loc.file, line: loc.line, column: loc.column + 1 });
}

/**
 * The offending line under its `file:line:column`, and a caret under the column (esbuild's
 * 0-based one) on a line of its own: tabs before it stay tabs, so the caret lines up however the
 * line is indented.
 *
 *     app.ts:2:14
 *     2 |   st.title("x"
 *       |              ^
 */
export function codeFrame(file: string, line: number, column: number, lineText: string): string {
  const gutter = String(line);
  const pad = " ".repeat(gutter.length);
  const lead = lineText.slice(0, column).replace(/[^\t]/g, " ");
  return `${file}:${line}:${column + 1}\n${gutter} | ${lineText}\n${pad} | ${lead}^`;
}
