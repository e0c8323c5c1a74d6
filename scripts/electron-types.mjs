#!/usr/bin/env node
// Electron is an optional dependency: npm skips it on Node < 22.12 (its engines field), which is
// what keeps an author's install on Node 20 free of EBADENGINE warnings. The Electron entry and
// the preload still have to type-check there, so this fetches only the package's type
// declarations, for the locked version, into out/electron-types (tsconfig.node.json includes
// them; the script removes them once electron is installed). It never installs the package or its binary.
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";

const root = resolve(import.meta.dirname, "..");
const installed = join(root, "node_modules/electron/electron.d.ts");
const cache = join(root, "out/electron-types");

if (existsSync(installed)) {
  rmSync(cache, { recursive: true, force: true });
} else {
  const lock = JSON.parse(readFileSync(join(root, "package-lock.json"), "utf8"));
  const version = lock.packages?.["node_modules/electron"]?.version;
  if (!version) throw new Error("package-lock.json has no electron entry: run npm install first.");
  const stamp = join(cache, "version");
  if (!existsSync(stamp) || readFileSync(stamp, "utf8") !== version) {
    const work = mkdtempSync(join(tmpdir(), "lw-electron-types-"));
    try {
      const [{ filename }] = JSON.parse(
        execFileSync("npm", ["pack", `electron@${version}`, "--json", "--silent", "--pack-destination", work], { encoding: "utf8" }),
      );
      execFileSync("tar", ["-xzf", join(work, filename), "-C", work, "package/electron.d.ts"]);
      rmSync(cache, { recursive: true, force: true });
      mkdirSync(cache, { recursive: true });
      renameSync(join(work, "package/electron.d.ts"), join(cache, "electron.d.ts"));
      writeFileSync(stamp, version);
      console.log(`electron is not installed (optional on Node < 22.12): type-checking against electron@${version}'s declarations.`);
    } finally {
      rmSync(work, { recursive: true, force: true });
    }
  }
}
