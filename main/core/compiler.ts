import { basename, dirname, extname, join, resolve } from "node:path";
import { createRequire } from "node:module";
import { readFileSync } from "node:fs";
import * as esbuild from "esbuild";
import type { BuildProblem } from "../../common";
import { codeFrame, problemFromEsbuild } from "./code-frame";

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
    /** The same error with the lines around it, for the workbench's overlay. */
    readonly problem: BuildProblem | null = null,
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
    throw toCompileError(error, dirname(appPath));
  }
  const inputs = Object.keys(result.metafile.inputs)
    .filter((input) => !input.includes("node_modules"))
    .map((input) => resolve(dirname(appPath), input));
  return { code: result.outputFiles[0].text, filename, inputs };
}

function toCompileError(error: unknown, appDir: string): CompileError {
  const failure = error as esbuild.BuildFailure;
  const first = failure.errors?.[0];
  if (!first) return new CompileError(error instanceof Error ? error.message : String(error), null);
  const loc = first.location;
  const problem = problemFromEsbuild(error, "script", null, (file) => file, (file) => {
    try {
      return readFileSync(resolve(appDir, file), "utf8");
    } catch {
      return null;
    }
  });
  if (!loc) return new CompileError(first.text, null);
  // The same frame as the overlay's, under the author's file:line:column.
  const frame = problem?.frame ?? codeFrame(loc.lineText, 1, loc.column + 1);
  return new CompileError(`${first.text}\n\n${loc.file}:${loc.line}:${loc.column + 1}\n${frame}`, { file: loc.file, line: loc.line, column: loc.column + 1 }, problem);
}
