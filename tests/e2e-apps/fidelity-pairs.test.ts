import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

// Every fidelity scenario runs an app on both hosts: `name.ts` on the emulator, `name.py` on real
// Streamlit. They must mount the same components, so every html/css/js text in a Python app is
// also in its TypeScript twin (or in lib.ts, which the apps share, like lib.py).
const DIR = join(__dirname, "..", "..", "e2e", "apps", "fidelity");
const names = readdirSync(DIR)
  .filter((file) => file.endsWith(".ts"))
  .map((file) => file.slice(0, -3));

/**
 * The value of each triple-quoted str literal that is assigned, passed or returned (docstrings are
 * not; f-strings are skipped: their text is built, not written).
 */
function pythonStrings(source: string): string[] {
  const out: string[] = [];
  for (const match of source.matchAll(/(?:=|return)\s*([rR]?)"""([\s\S]*?)"""/g)) {
    const [, raw, body] = match;
    out.push(raw ? body : body.replace(/\\(x[0-9a-fA-F]{2}|[\\'"nt])/g, (_, c: string) => (c[0] === "x" ? String.fromCharCode(parseInt(c.slice(1), 16)) : c === "n" ? "\n" : c === "t" ? "\t" : c)));
  }
  return out;
}

/** The cooked text of each template literal, its `${…}` placeholders kept as written. */
function templateStrings(source: string): string[] {
  return [...source.matchAll(/`((?:\\[\s\S]|[^`\\])*)`/g)].map(([, body]) => body.replace(/\\([\\`$nt'"])/g, (_, c: string) => (c === "n" ? "\n" : c === "t" ? "\t" : c)));
}

/** Component sources: JS with a default export, html markup, or css rules. */
const isComponentSource = (text: string) => /export default|<[a-z]|\{[^}]*:[^}]*;?\s*\}/.test(text);

const lib = templateStrings(readFileSync(join(DIR, "lib.ts"), "utf8"));

describe("fidelity apps: a Python twin beside each TypeScript app", () => {
  it.each(names.filter((name) => name !== "lib"))("%s: the .py mounts the same html/css/js as the .ts", (name) => {
    const ts = templateStrings(readFileSync(join(DIR, `${name}.ts`), "utf8"));
    const py = pythonStrings(readFileSync(join(DIR, `${name}.py`), "utf8")).filter(isComponentSource);
    for (const text of py) expect([...ts, ...lib], `a source of ${name}.py missing from ${name}.ts`).toContain(text);
  });

  it("lib.py holds lib.ts's components", () => {
    const py = pythonStrings(readFileSync(join(DIR, "lib.py"), "utf8")).filter(isComponentSource);
    expect(py.length).toBeGreaterThanOrEqual(7);
    for (const text of py) expect(lib).toContain(text);
  });
});
