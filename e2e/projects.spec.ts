import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { expect, test, type Workbench } from "./kit";

// Issue 8 item 1: projects made from streamlit/component-template v2 open as they are, from their
// sources (TypeScript/TSX bundled on the fly) or from their hashed build output.

const EXAMPLES = resolve(__dirname, "..", "examples");

/** The "You've clicked N times!" line under a subheader's instance. */
const clicks = (wb: Workbench) => wb.frame().getByTestId("stMarkdown").filter({ hasText: "You've clicked" });

test("the React template opens from its TSX sources: React from node_modules, state through setStateValue", async ({ workbench: wb }) => {
  await wb.open(join(EXAMPLES, "template-react"));
  expect(await wb.scenario()).toBe("sources");
  const keyed = wb.component("foo");
  await expect(keyed.getByRole("heading")).toHaveText("Hello, Streamlit!");
  await keyed.getByRole("button", { name: "Click Me!" }).click();
  await keyed.getByRole("button", { name: "Click Me!" }).click();
  await wb.waitForIdle();
  await expect(clicks(wb).nth(1)).toHaveText("You've clicked 2 times!");
  expect(await wb.sessionState()).toMatchObject({ foo: { num_clicks: 2 } });
  // The build scenario needs `npm run build`: Streamlit's own error says so until it exists.
  await wb.switchScenario("build");
  await expect(wb.frame().getByTestId("stException")).toContainText(
    "Declared asset_dir 'my_react_component/frontend/build' for component 'my_react_component' does not exist or is not a directory",
  );
});

test("the TypeScript template opens from its build: index-*.js in asset_dir, reloaded when the build changes", async ({ workbench: wb }) => {
  const project = mkdtempSync(join(tmpdir(), "lw-template-ts-"));
  cpSync(join(EXAMPLES, "template-ts"), project, { recursive: true });
  const build = join(project, "my_ts_component", "frontend", "build");
  mkdirSync(build);
  const bundle = (label: string) => `const clicks = new WeakMap();
export default function Root({ data, parentElement, setStateValue }) {
  const root = parentElement.querySelector(".react-root");
  root.innerHTML = "";
  const heading = document.createElement("h1");
  heading.textContent = "${label}, " + data.name + "!";
  const button = document.createElement("button");
  button.textContent = "Click Me!";
  button.onclick = () => {
    const n = (clicks.get(parentElement) ?? 0) + 1;
    clicks.set(parentElement, n);
    setStateValue("num_clicks", n);
  };
  root.append(heading, button);
}
`;
  writeFileSync(join(build, "index-abc123.js"), bundle("Built"));

  await wb.open(project);
  await wb.switchScenario("build");
  const keyed = wb.component("foo");
  await expect(keyed.getByRole("heading")).toHaveText("Built, Streamlit!");
  await keyed.getByRole("button", { name: "Click Me!" }).click();
  await wb.waitForIdle();
  await expect(clicks(wb).nth(1)).toHaveText("You've clicked 1 times!");

  // What `vite build --watch` does on a save: a new hash, the old file gone.
  writeFileSync(join(build, "index-def456.js"), bundle("Rebuilt"));
  rmSync(join(build, "index-abc123.js"));
  await expect(keyed.getByRole("heading")).toHaveText("Rebuilt, Streamlit!");
  await wb.waitForIdle();
  expect(await wb.sessionState()).toMatchObject({ foo: { num_clicks: 1 } });
  await expect(clicks(wb).nth(1)).toHaveText("You've clicked 1 times!");

  // Two matches are Streamlit's error, not a guess.
  writeFileSync(join(build, "index-0000.js"), bundle("Other"));
  await expect(wb.frame().getByTestId("stException")).toContainText("Multiple files found matching pattern 'index-*.js'");
  rmSync(join(build, "index-0000.js"));
  await expect(wb.frame().getByTestId("stException")).toHaveCount(0);
  await expect(keyed.getByRole("heading")).toHaveText("Rebuilt, Streamlit!");
});

test("the TypeScript template's sources compile on the fly, and a compile error points at the line", async ({ workbench: wb }) => {
  const project = mkdtempSync(join(tmpdir(), "lw-template-ts-"));
  cpSync(join(EXAMPLES, "template-ts"), project, { recursive: true });
  await wb.open(project);
  expect(await wb.scenario()).toBe("sources");
  const keyed = wb.component("foo");
  await expect(keyed.getByRole("heading")).toHaveText("Hello, Streamlit!");
  await keyed.getByRole("button", { name: "Click Me!" }).click();
  await wb.waitForIdle();
  expect(await wb.sessionState()).toMatchObject({ foo: { num_clicks: 1 } });

  const source = join(project, "my_ts_component", "frontend", "src", "index.ts");
  const text = readFileSync(source, "utf8");
  writeFileSync(source, text.replace("heading.textContent = `Hello, ${data.name}!`;", "heading.textContent = `Hello, ${data.name}!`: string;"));
  await expect(wb.page.getByTestId("lw-build-error")).toBeVisible();
  const [problem] = await wb.buildProblems();
  expect(problem.location).toMatch(/^my_ts_component\/frontend\/src\/index\.ts:\d+:\d+$/);
  expect(problem.frame).toContain("heading.textContent = `Hello, ${data.name}!`: string;");

  writeFileSync(source, text.replace("Hello, ${data.name}!", "Hi, ${data.name}!"));
  await expect(wb.page.getByTestId("lw-build-error")).toHaveCount(0);
  await expect(keyed.getByRole("heading")).toHaveText("Hi, Streamlit!");
  expect(await wb.sessionState()).toMatchObject({ foo: { num_clicks: 1 } });
});
