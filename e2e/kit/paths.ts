import { existsSync, readFileSync } from "node:fs";
import { dirname, isAbsolute, join, resolve } from "node:path";

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

/** An app path made absolute: relative paths resolve against the current working directory. */
export function absoluteAppPath(appPath: string): string {
  const abs = isAbsolute(appPath) ? appPath : resolve(process.cwd(), appPath);
  if (!existsSync(abs)) throw new Error(`loopwright/test: app script not found: ${abs}`);
  return abs;
}

/** A built file of the package (under out/), with a clear error when the build is missing. */
export function builtFile(relativePath: string): string {
  const file = join(packageRoot(), relativePath);
  if (!existsSync(file)) {
    throw new Error(`loopwright/test: ${file} does not exist — run \`npm run build\` first`);
  }
  return file;
}
