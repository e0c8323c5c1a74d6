import { mkdirSync, mkdtempSync, realpathSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { codeFrame } from "../../main/core/code-frame";
import { ComponentBuildError, readAsset } from "../../main/core/engine/assets";

const MODULE = "export default function () {}\n";

/** A folder laid out like a project made from streamlit/component-template v2, with `files` in it. */
function project(files: Record<string, string>, pyproject: string | null = MANIFEST): string {
  const root = realpathSync(mkdtempSync(join(tmpdir(), "lw-assets-")));
  const all = pyproject === null ? files : { "pyproject.toml": pyproject, ...files };
  for (const [path, text] of Object.entries(all)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  return root;
}

const MANIFEST = `[project]
name = "my-component"
version = "0.0.1"

[[tool.streamlit.component.components]]
name = "my_component"
asset_dir = "my_component/frontend/build"
`;

const NAME = "my-component.my_component";
const BUILD = "my_component/frontend/build";

const failure = (run: () => unknown) => {
  try {
    run();
  } catch (error) {
    return error as Error;
  }
  throw new Error("expected an error");
};

describe("component assets from a manifest's asset_dir", () => {
  it("resolves a glob to the one hashed build file, and reports what to watch", () => {
    const root = project({ [`${BUILD}/index-3f9a2c.js`]: MODULE, [`${BUILD}/style.css`]: "p {}" });
    const js = readAsset(NAME, "js", "index-*.js", root)!;
    expect(js).toMatchObject({ text: MODULE, path: "index-*.js" });
    expect(js.files).toEqual([join(root, BUILD, "index-3f9a2c.js"), join(root, "pyproject.toml")]);
    expect(js.dirs).toEqual([join(root, BUILD)]);
    expect(readAsset(NAME, "css", "style.css", root)).toMatchObject({ text: "p {}", path: "style.css" });
  });

  it("finds the pyproject.toml upward from the script", () => {
    const root = project({ [`${BUILD}/index-1.js`]: MODULE, "apps/demo/app.ts": "" });
    expect(readAsset(NAME, "js", "index-*.js", join(root, "apps/demo"))?.text).toBe(MODULE);
  });

  it("takes the package's own pyproject.toml (asset_dir relative to it) for a script inside the package", () => {
    const inner = `[project]\nname = "my-component"\n\n[[tool.streamlit.component.components]]\nname = "my_component"\nasset_dir = "frontend/build"\n`;
    const root = project({ "my_component/pyproject.toml": inner, [`${BUILD}/index-1.js`]: MODULE });
    expect(readAsset(NAME, "js", "index-*.js", join(root, "my_component"))?.files[1]).toBe(join(root, "my_component/pyproject.toml"));
  });

  it("refuses a glob matching nothing or several files, with Streamlit's messages", () => {
    const root = project({ [`${BUILD}/index-a.js`]: MODULE, [`${BUILD}/index-b.js`]: MODULE });
    expect(failure(() => readAsset(NAME, "js", "main-*.js", root))).toMatchObject({
      name: "StreamlitComponentRegistryError",
      message: `No files found matching pattern 'main-*.js' in package root ${join(root, BUILD)}`,
    });
    expect(failure(() => readAsset(NAME, "js", "index-*.js", root)).message).toBe(
      `Multiple files found matching pattern 'index-*.js': ${join(root, BUILD, "index-a.js")}, ${join(root, BUILD, "index-b.js")}. Exactly one file must match the pattern.`,
    );
  });

  it("refuses absolute paths and traversal, with Streamlit's messages", () => {
    const root = project({ [`${BUILD}/index.js`]: MODULE, "secret.js": MODULE });
    const cases: [string, string][] = [
      ["../../../secret.js", "Path traversal attempts are not allowed in component paths: ../../../secret.js"],
      ["../*.js", "Path traversal attempts are not allowed in glob patterns: ../*.js"],
      [join(root, "secret.js"), `Absolute paths are not allowed in component paths: ${join(root, "secret.js")}`],
      ["/*.js", "Absolute paths are not allowed in glob patterns: /*.js"],
    ];
    for (const [given, message] of cases) {
      expect(failure(() => readAsset(NAME, "js", given, root)), given).toMatchObject({ name: "StreamlitComponentRegistryError", message });
    }
  });

  it("refuses a symlink out of asset_dir; a glob skips it", () => {
    const root = project({ [`${BUILD}/.keep`]: "", "outside.js": MODULE });
    symlinkSync(join(root, "outside.js"), join(root, BUILD, "index-x.js"));
    expect(failure(() => readAsset(NAME, "js", "index-x.js", root)).message).toBe(
      `js path '${join(root, BUILD, "index-x.js")}' is outside the declared asset_dir '${join(root, BUILD)}'.`,
    );
    expect(failure(() => readAsset(NAME, "js", "index-*.js", root)).message).toMatch(/^No files found matching pattern 'index-\*\.js'/);
  });

  it("checks the declared asset_dir as Streamlit does", () => {
    const missing = project({}, MANIFEST);
    expect(failure(() => readAsset(NAME, "js", "index.js", missing)).message).toBe(
      `Declared asset_dir 'my_component/frontend/build' for component 'my_component' does not exist or is not a directory under package root '${missing}'.`,
    );
    const escaping = project({}, MANIFEST.replace("my_component/frontend/build", "../elsewhere"));
    expect(failure(() => readAsset(NAME, "js", "index.js", escaping)).message).toBe("Path traversal attempts are not allowed in component paths: ../elsewhere");
  });

  it("says which pyproject.toml is not valid TOML", () => {
    const root = project({}, "[project\nname = 1");
    expect(failure(() => readAsset(NAME, "js", "index.js", root)).message).toMatch(new RegExp(`^${join(root, "pyproject.toml")} is not valid TOML: `));
  });
});

describe("component assets without a manifest entry", () => {
  it("reads paths and globs relative to the app script", () => {
    const root = project({ "stars/stars.js": MODULE, "stars/build/index-9.js": "export default () => 1;\n" }, null);
    expect(readAsset("stars", "js", "./stars/stars.js", root)).toMatchObject({ text: MODULE, files: [join(root, "stars/stars.js")], dirs: [] });
    expect(readAsset("stars", "js", "stars/build/index-*.js", root)).toMatchObject({ dirs: [join(root, "stars/build")] });
  });

  it("is how a component the manifest does not name reads its files", () => {
    const root = project({ "dev.js": MODULE });
    expect(readAsset("other", "js", "./dev.js", root)?.text).toBe(MODULE);
    expect(failure(() => readAsset("other", "js", "./nope.js", root)).message).toBe(
      `Component 'other': the js file \`./nope.js\` was not found (looked at ${join(root, "nope.js")}).`,
    );
  });
});

describe("TypeScript and JSX sources", () => {
  it("bundles the React template's TSX with its imports from node_modules", () => {
    const examples = resolve(__dirname, "../../examples/template-react");
    const js = readAsset("dev", "js", "./my_react_component/frontend/src/index.tsx", examples)!;
    expect(js.text).toContain("createRoot");
    expect(js.text).toContain("Click Me!");
    expect(js.text).toMatch(/^export \{/m);
    expect(js.text).toContain("//# sourceMappingURL=data:application/json;base64,");
    // The author's files are watched; React's are not.
    expect(js.files.map((file) => file.slice(examples.length + 1)).sort()).toEqual([
      "my_react_component/frontend/src/MyComponent.tsx",
      "my_react_component/frontend/src/index.tsx",
    ]);
  });

  it("reports a compile error with its file, line, column and code frame", () => {
    const root = project({ "src/index.ts": 'import { label } from "./label";\nexport default () => label;\n', "src/label.ts": "export const label: string = ;\n" }, null);
    const error = failure(() => readAsset("ts", "js", "./src/index.ts", root));
    expect(error).toBeInstanceOf(ComponentBuildError);
    expect((error as ComponentBuildError).problem).toEqual({
      source: "component",
      component: "ts",
      file: "src/label.ts",
      line: 1,
      column: 30,
      message: 'Unexpected ";"',
      frame: "> 1 | export const label: string = ;\n    |                              ^\n  2 |",
    });
    expect((error as ComponentBuildError).files).toEqual([join(root, "src/index.ts"), join(root, "src/label.ts")]);
  });

  it("catches a syntax error in a plain JS file before the browser would, with its line", () => {
    const root = project({ "stars.js": "export default function () {\n  const x = ;\n}\n" }, null);
    const error = failure(() => readAsset("stars", "js", "./stars.js", root)) as ComponentBuildError;
    expect(error.problem).toMatchObject({ file: "stars.js", line: 2, column: 13, message: 'Unexpected ";"' });
    expect(error.message).toBe(`stars.js:2:13: Unexpected ";"\n\n${error.problem.frame}`);
  });
});

describe("codeFrame", () => {
  it("numbers the lines around the error and puts a caret under its column", () => {
    const source = ["one", "two", "\tthree x", "four", "five", "six"].join("\n");
    expect(codeFrame(source, 3, 8)).toBe(["  1 | one", "  2 | two", "> 3 |   three x", "    |         ^", "  4 | four", "  5 | five"].join("\n"));
  });
});
