import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join, relative, resolve, sep } from "node:path";
import { describe, expect, it } from "vitest";

/**
 * Comments, test titles and docs cite Streamlit's rules as `§N` sections of docs/semantics.md.
 * The rules once lived in a document outside the repository; a citation of it (its name, its
 * bracketed source keys, a path into the folder it sat in) points at nothing a reader of the
 * repository can open, and a `§N` without a heading in docs/semantics.md points at nothing at all.
 */

const ROOT = resolve(__dirname, "../..");
const SEMANTICS = join(ROOT, "docs", "semantics.md");
// .venv-streamlit: real Streamlit for the Python-app tests (.ci/run makes it), third-party files like node_modules.
const SKIPPED = new Set(["node_modules", "out", "test-results", "playwright-report", ".git", ".loopwright-cache", ".venv-streamlit"]);
const TEXT = /\.(ts|mts|cts|tsx|vue|mjs|cjs|js|md|html|css)$|^run$/;

function walk(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    if (SKIPPED.has(entry.name)) return [];
    const path = join(dir, entry.name);
    return entry.isDirectory() ? walk(path) : TEXT.test(entry.name) ? [path] : [];
  });
}

/** Section ids docs/semantics.md has headings for: "7.2", "11.1.7", "11.4a", "Appendix A". */
function headings(markdown: string): Set<string> {
  const ids = new Set<string>();
  for (const [, number, letter = ""] of markdown.matchAll(/^#{2,4} (\d+(?:\.\d+)*)\.?([a-z])?(?![a-z])/gm)) ids.add(number + letter);
  for (const [, letter] of markdown.matchAll(/^#{2,4} Appendix ([A-Z])\b/gm)) ids.add(`Appendix ${letter}`);
  return ids;
}

/** The sections a text cites: `§7.2`, `§11.4a`, a letter range `§11.4a–f` (each letter), `Appendix A`. */
function citations(text: string): string[] {
  const cited: string[] = [];
  for (const [, number, from, to] of text.matchAll(/§(\d+(?:\.\d+)*)(?:([a-z])(?:[–-]([a-z]))?)?(?![a-z])/g)) {
    if (!from) cited.push(number);
    else for (let code = from.charCodeAt(0); code <= (to ?? from).charCodeAt(0); code++) cited.push(number + String.fromCharCode(code));
  }
  for (const [, letter] of text.matchAll(/\bAppendix ([A-Z])\b/g)) cited.push(`Appendix ${letter}`);
  return cited;
}

// The old document's name and phrase are assembled, and its source keys written with braces in
// comments and fixtures, so this file does not match its own rules.
const OLD_NAME = ["ccv2", "semantics"].join("-");
const OLD_PHRASE = ["semantics", "file"].join(" ");
const DOC_KEYS = ["overview", "register", "mount", "communicate", "state-and-triggers", "theming", "package-based", "examples/rich-data"];
const SOURCE_KEYS = [
  /(?<![\w\])])\[(?:B|TS|W|E|I|D|NPM)\]/, // {B} `Z`, {E}, {TS}; not `Events[E]`
  /\[(?:B|TS|W|E|NPM) [`"][^\]\n]*\]/, // {B `Te`}, {W `session_state.py`}, {E "observed"}
  /\[W [\w./-]+\.py\b[^\]\n]*\]/, // {W session_state.py}
  new RegExp(`\\[D (?:${DOC_KEYS.join("|")})\\]`), // {D theming}
];
// shared/wheels is not a citation: it is where CI and every development machine get real Streamlit
// (.ci/run, scripts/test-all.mjs), a folder beside the repository by design.
const SHARED_FOLDER = /(?<![\w/.-])((?:\.\.\/)*)shared\/(?!wheels\b)/g;

/** Why `text` (the content of `file`) points outside the repository: one reason per kind of reference found. */
function outsideReferences(file: string, text: string): string[] {
  const found: string[] = [];
  if (text.includes(OLD_NAME)) found.push(`names ${OLD_NAME}`);
  if (text.toLowerCase().includes(OLD_PHRASE)) found.push(`says "the ${OLD_PHRASE}"`);
  for (const key of SOURCE_KEYS) {
    const hit = text.match(key);
    if (hit) found.push(`uses the source key ${hit[0]}`);
  }
  for (const [hit, parents] of text.matchAll(SHARED_FOLDER)) {
    const folder = resolve(dirname(file), parents, "shared");
    const inRepo = !relative(ROOT, folder).startsWith("..") && existsSync(folder) && statSync(folder).isDirectory();
    if (!inRepo) found.push(`refers to ${hit}, which is not a folder of the repository`);
  }
  return found;
}

const posix = (path: string) => relative(ROOT, path).split(sep).join("/");
const files = walk(ROOT);
const sections = headings(readFileSync(SEMANTICS, "utf8"));

describe("citations stay inside the repository", () => {
  it("scans source, test and doc files", () => {
    const scanned = files.map(posix);
    for (const path of ["main/core/engine/rerun-engine.ts", "tests/core/semantics.test.ts", "docs/fidelity.md", "README.md"]) {
      expect(scanned).toContain(path);
    }
    expect(scanned.some((path) => path.includes("node_modules"))).toBe(false);
  });

  it("every §N cited has a heading in docs/semantics.md", () => {
    const missing = files.flatMap((file) =>
      citations(readFileSync(file, "utf8"))
        .filter((id) => !sections.has(id))
        .map((id) => `${posix(file)}: ${id.startsWith("Appendix") ? id : `§${id}`}`),
    );
    expect(missing).toEqual([]);
  });

  it("no file refers to the old reference outside the repository", () => {
    const offenders = files.flatMap((file) => outsideReferences(file, readFileSync(file, "utf8")).map((why) => `${posix(file)} ${why}`));
    expect(offenders).toEqual([]);
  });

  it("recognises headings, citations and outside references", () => {
    expect([...headings("## 7. State\n### 7.2 Python\n#### 11.1.7 Typing\n#### 11.4a Dup\n## Appendix A — ids\n")]).toEqual(
      ["7", "7.2", "11.1.7", "11.4a", "Appendix A"],
    );
    expect(citations("(§7.2), §11.1.7; §11.4a–c and §5–§6, §6 gotcha, Appendix A")).toEqual(
      ["7.2", "11.1.7", "11.4a", "11.4b", "11.4c", "5", "6", "6", "Appendix A"],
    );
    const fixture = (text: string) =>
      text.replaceAll("OLD", OLD_NAME).replaceAll("PHRASE", OLD_PHRASE).replaceAll("SHARED", "shared").replaceAll("{", "[").replaceAll("}", "]");
    const inTests = (text: string) => outsideReferences(join(ROOT, "tests", "core", "x.ts"), fixture(text));
    expect(inTests("see ../../SHARED/OLD.md")).toHaveLength(2);
    expect(inTests("SHARED/seed/app.txt, as the PHRASE says")).toHaveLength(2);
    for (const key of ["{B} `Z`", "({E})", "{TS `BidiComponent.tsx`}", "{W session_state.py}", "{D theming}"]) {
      expect(inTests(`a rule (${key})`)).toHaveLength(1);
    }
    expect(outsideReferences(join(ROOT, "renderer", "preview", "main.ts"), fixture('import { x } from "../SHARED/hotkeys";'))).toEqual([]);
    expect(outsideReferences(join(ROOT, ".ci", "run"), fixture("pip install --no-index --find-links ../SHARED/wheels streamlit"))).toEqual([]);
    expect(outsideReferences(join(ROOT, "main", "x.ts"), "type L<E> = (p: Events[E]) => void; type M = { [E in keyof Events]: 1 };")).toEqual([]);
  });
});
