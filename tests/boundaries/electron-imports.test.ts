import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join, relative, resolve, sep } from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";

/**
 * From Electron 42 on, loading the electron package in plain Node downloads the binary (and fails on CI),
 * so only the desktop entry and its helpers may import it. A file that reaches one of them through
 * relative imports counts too: main/server.ts importing main/transports/ipc.ts would pull electron
 * into the browser-mode bundle.
 */

const ROOT = resolve(__dirname, "../..");
const SCANNED = ["common", "main", "renderer", "e2e", "bin", "scripts", "preload"];
const SOURCE = /\.(ts|mts|cts|vue|mjs|cjs|js)$/;
const ALLOWED = [/^main\/index\.ts$/, /^main\/transports\/ipc\.ts$/, /^main\/electron\//, /^preload\//, /^e2e\/electron\//];

const isElectron = (specifier: string) => specifier === "electron" || specifier.startsWith("electron/");

/** Every module specifier a file imports, requires or dynamically imports (comments and strings ignored). */
function specifiers(text: string, file: string): string[] {
  // In a Vue SFC only the <script> blocks hold imports.
  const code = file.endsWith(".vue") ? [...text.matchAll(/<script\b[^>]*>([\s\S]*?)<\/script>/g)].map((m) => m[1]).join("\n") : text;
  return ts.preProcessFile(code, true, true).importedFiles.map((f) => f.fileName);
}

function walk(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    if (entry.name === "node_modules" || entry.name.startsWith(".")) return [];
    const path = join(dir, entry.name);
    return entry.isDirectory() ? walk(path) : SOURCE.test(entry.name) ? [path] : [];
  });
}

function resolveImport(from: string, specifier: string): string | null {
  const base = resolve(dirname(from), specifier);
  const candidates = [base, ...[".ts", ".vue", ".mjs", ".js"].map((ext) => base + ext), join(base, "index.ts")];
  return candidates.find((path) => existsSync(path) && statSync(path).isFile()) ?? null;
}

const posix = (path: string) => relative(ROOT, path).split(sep).join("/");
const isAllowed = (path: string) => ALLOWED.some((pattern) => pattern.test(posix(path)));

const files = SCANNED.flatMap((dir) => walk(join(ROOT, dir)));
const importsOf = new Map<string, string[]>();
function imports(file: string): string[] {
  if (!importsOf.has(file)) importsOf.set(file, specifiers(readFileSync(file, "utf8"), file));
  return importsOf.get(file)!;
}

/** The chain of relative imports from `file` to a file that imports electron, if there is one. */
function electronChain(file: string, seen = new Set<string>()): string[] | null {
  if (seen.has(file)) return null;
  seen.add(file);
  if (imports(file).some(isElectron)) return [file];
  for (const specifier of imports(file)) {
    const target = specifier.startsWith(".") ? resolveImport(file, specifier) : null;
    const chain = target && electronChain(target, seen);
    if (chain) return [file, ...chain];
  }
  return null;
}

describe("electron import boundary", () => {
  it("scans the source tree", () => {
    expect(files.map(posix)).toContain("main/server.ts");
  });

  it("only the Electron entry, its helpers, the IPC transport and the preload import electron", () => {
    const offenders = files
      .filter((file) => !isAllowed(file))
      .map((file) => electronChain(file))
      .filter((chain): chain is string[] => chain !== null)
      .map((chain) => chain.map(posix).join(" -> "));
    expect(offenders).toEqual([]);
  });

  it("recognises every import form and ignores comments", () => {
    // Written with a placeholder so a plain-text search of the tree for electron imports does not hit this fixture.
    const text = `// require("PKG")
      import { app } from "PKG"; const m = require("PKG/main"); await import("PKG");
      import "PKG"; import vite from "PKG-vite";`.replaceAll("PKG", "electron");
    expect(specifiers(text, "x.ts").filter(isElectron)).toEqual(["electron", "electron/main", "electron", "electron"]);
  });
});
