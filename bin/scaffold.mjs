/**
 * `loopwright new <dir>`: a component project an author starts from. The files are
 * templates/component/ as they are; package.json is written here because it names the versions of
 * this package and of the @playwright/test it was tested with.
 */
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, statSync, writeFileSync } from "node:fs";
import { basename, join, relative, resolve } from "node:path";
import { parseArgs } from "node:util";

export const NEW_USAGE = "usage: loopwright new <dir>   (a new or empty folder)";

/**
 * npm never packs a file named .gitignore, and dot-folders are easy to drop: the template stores
 * them without the dot.
 */
const DOT_NAMES = ["gitignore", "github"];

/**
 * @param {string[]} args the arguments after `loopwright new`
 * @param {string} packageRoot this package's folder (holds templates/ and package.json)
 * @returns {{ ok: true, dir: string, message: string } | { ok: false, message: string }}
 */
export function scaffoldProject(args, packageRoot) {
  let positionals;
  try {
    ({ positionals } = parseArgs({ args, allowPositionals: true, options: {} }));
  } catch (error) {
    return { ok: false, message: `${/** @type {Error} */ (error).message}\n${NEW_USAGE}` };
  }
  if (positionals.length !== 1) return { ok: false, message: `expected one folder, got ${positionals.length}\n${NEW_USAGE}` };
  const dir = resolve(positionals[0]);
  if (existsSync(dir) && (!statSync(dir).isDirectory() || readdirSync(dir).length > 0)) {
    return { ok: false, message: `${dir} exists and is not an empty folder; nothing was written` };
  }

  const ours = JSON.parse(readFileSync(join(packageRoot, "package.json"), "utf8"));
  mkdirSync(dir, { recursive: true });
  cpSync(join(packageRoot, "templates/component"), dir, { recursive: true });
  for (const name of DOT_NAMES) renameSync(join(dir, name), join(dir, `.${name}`));
  const manifest = {
    name: npmName(basename(dir)),
    version: "0.1.0",
    private: true,
    type: "module",
    scripts: { serve: "loopwright serve app.ts", test: "playwright test" },
    devDependencies: {
      "@playwright/test": ours.devDependencies["@playwright/test"],
      loopwright: `^${ours.version}`,
    },
  };
  writeFileSync(join(dir, "package.json"), `${JSON.stringify(manifest, null, 2)}\n`);
  const shown = relative(process.cwd(), dir) || ".";
  return {
    ok: true,
    dir,
    message: [
      `Created a component project in ${shown}:`,
      "  app.ts                           the app script (the Python side)",
      "  component/counter.{html,css,js}  the component",
      "  tests/counter.spec.ts            a test with loopwright/test",
      "  .github/workflows/test.yml       CI",
      "Next:",
      `  cd ${shown}`,
      "  npm install --save-dev path/to/loopwright-<version>.tgz   (loopwright is not on the npm registry yet)",
      "  npx playwright test",
      "  npx loopwright serve app.ts",
    ].join("\n"),
  };
}

/**
 * A folder name as a package name: lower case, npm's allowed characters only.
 * @param {string} folder
 */
function npmName(folder) {
  const name = folder.toLowerCase().replace(/[^a-z0-9._-]+/g, "-").replace(/^[._-]+|-+$/g, "");
  return name || "component";
}
