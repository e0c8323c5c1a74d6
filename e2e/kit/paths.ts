import { existsSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { findAppScript } from "../../main/launch.mjs";

let cachedRoot: string | null = null;

/**
 * The loopwright package directory: the nearest ancestor of this file whose package.json is
 * named "loopwright". Works from the TypeScript source (e2e/kit/) and from the bundle (out/kit/).
 */
export function packageRoot(): string {
  if (cachedRoot) return cachedRoot;
  let dir = __dirname;
  for (;;) {
    const manifest = join(dir, "package.json");
    if (existsSync(manifest) && JSON.parse(readFileSync(manifest, "utf8")).name === "loopwright") {
      return (cachedRoot = dir);
    }
    const up = dirname(dir);
    if (up === dir) throw new Error(`loopwright/test: no loopwright package.json above ${__dirname}`);
    dir = up;
  }
}

/** The app script as an absolute path, checked like the CLI checks it: relative paths resolve against the cwd. */
export function absoluteAppPath(appPath: string): string {
  const found = findAppScript(appPath, packageRoot());
  if (!found.ok) throw new Error(`loopwright/test: ${found.message}`);
  return found.path;
}

/** A built file of the package (under out/), with a clear error when the build is missing. */
export function builtFile(relativePath: string): string {
  const file = join(packageRoot(), relativePath);
  if (!existsSync(file)) {
    throw new Error(`loopwright/test: ${file} does not exist — run \`npm run build\` first`);
  }
  return file;
}
