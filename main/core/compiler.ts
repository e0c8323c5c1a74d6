import { mkdirSync } from "node:fs";
import { writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { createRequire } from "node:module";
import * as esbuild from "esbuild";

/**
 * Compiles an app script (TS or JS, with its imports) into one CommonJS file with an inline
 * source map, so a thrown error points at the author's `.ts` line. Each build gets a new file
 * name: the runner `require`s it, and a fresh name sidesteps the require cache.
 */
export interface CompiledScript {
  file: string;
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

let builds = 0;
const outDir = join(tmpdir(), `loopwright-${process.pid}`);

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
  mkdirSync(outDir, { recursive: true });
  const outfile = join(outDir, `app-${++builds}.cjs`);
  let result: esbuild.BuildResult<{ write: false; metafile: true }>;
  try {
    result = await esbuild.build({
      entryPoints: [appPath],
      outfile,
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
  await writeFile(outfile, result.outputFiles[0].contents);
  const inputs = Object.keys(result.metafile.inputs)
    .filter((input) => !input.includes("node_modules"))
    .map((input) => resolve(dirname(appPath), input));
  return { file: outfile, inputs };
}

function toCompileError(error: unknown): CompileError {
  const failure = error as esbuild.BuildFailure;
  const first = failure.errors?.[0];
  if (!first) return new CompileError(error instanceof Error ? error.message : String(error), null);
  const loc = first.location;
  const where = loc ? `${loc.file}:${loc.line}:${loc.column + 1}` : null;
  return new CompileError(
    where ? `${first.text}\n\n    ${loc!.lineText}\n    ${" ".repeat(loc!.column)}^` : first.text,
    loc ? { file: loc.file, line: loc.line, column: loc.column + 1 } : null,
  );
}
