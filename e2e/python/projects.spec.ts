import { execFileSync } from "node:child_process";
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { expect, test, type Workbench } from "../kit";
import { skipWithoutPython } from "../python";

// A project shaped like streamlit/component-template v2 opens from its example.py on real
// Streamlit: the component package is installed into the project's .venv (which Loopwright finds
// next to the app), Streamlit discovers its pyproject asset_dir, the hashed build loads, and a
// rebuild shows without losing session state.

const EXAMPLES = resolve(__dirname, "..", "..", "examples");
let python: string | null = null;

test.beforeAll(() => {
  python = skipWithoutPython(test);
});

const clicks = (wb: Workbench) => wb.frame().getByTestId("stMarkdown").filter({ hasText: "You've clicked" });

const bundle = (label: string) => `export default function Root({ data, parentElement, setStateValue }) {
  const root = parentElement.querySelector(".react-root");
  root.innerHTML = "";
  const heading = document.createElement("h1");
  heading.textContent = "${label}, " + data.name + "!";
  const button = document.createElement("button");
  button.textContent = "Click Me!";
  button.onclick = () => setStateValue("num_clicks", (data.clicks ?? 0) + 1);
  root.append(heading, button);
}
`;

/**
 * What `pip install -e .` leaves in a virtual environment (a .pth to the project and the
 * distribution's metadata), made by hand: this machine's Python has no `wheel` to build one with.
 * Streamlit finds the component's pyproject.toml through that metadata, as for a real install.
 */
function venvWithEditableInstall(base: string, project: string): void {
  const venv = join(project, ".venv");
  execFileSync(base, ["-m", "venv", "--without-pip", venv]);
  const purelib = (python: string) => execFileSync(python, ["-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"], { encoding: "utf8" }).trim();
  const site = purelib(join(venv, "bin", "python"));
  writeFileSync(join(site, "streamlit-from-tests.pth"), `${purelib(base)}\n`);
  writeFileSync(join(site, "__editable__.my_ts_component-0.0.1.pth"), `${project}\n`);
  const info = join(site, "my_ts_component-0.0.1.dist-info");
  mkdirSync(info);
  writeFileSync(join(info, "METADATA"), "Metadata-Version: 2.1\nName: my-ts-component\nVersion: 0.0.1\nSummary: Streamlit component that allows you to do X\nRequires-Dist: streamlit>=1.51\n");
  writeFileSync(join(info, "INSTALLER"), "pip\n");
}

test("a component-template v2 project opens from its example.py: pyproject asset_dir, hashed build, rebuild shown", async ({ workbench: wb }) => {
  test.setTimeout(60_000);
  const project = mkdtempSync(join(tmpdir(), "lw-py-template-"));
  cpSync(join(EXAMPLES, "template-ts"), project, { recursive: true });
  const build = join(project, "my_ts_component", "frontend", "build");
  mkdirSync(build);
  writeFileSync(join(build, "index-abc123.js"), bundle("Built"));
  venvWithEditableInstall(python!, project);

  // The project's own .venv, found next to example.py, is the interpreter (not the tests' LOOPWRIGHT_PYTHON).
  const saved = process.env.LOOPWRIGHT_PYTHON;
  delete process.env.LOOPWRIGHT_PYTHON;
  try {
    await wb.open(join(project, "example.py"));
  } finally {
    if (saved !== undefined) process.env.LOOPWRIGHT_PYTHON = saved;
  }
  const keyed = wb.component("foo");
  await expect(keyed.getByRole("heading")).toHaveText("Built, Streamlit!");
  await keyed.getByRole("button", { name: "Click Me!" }).click();
  await wb.waitForIdle({ minRunCount: 2 });
  await expect(clicks(wb).nth(1)).toHaveText("You've clicked 1 times!");
  expect(await wb.sessionState()).toMatchObject({ foo: { num_clicks: 1 } });

  // A rebuild writes a new hashed file: Streamlit's watcher updates its registry, Loopwright reruns.
  writeFileSync(join(build, "index-def456.js"), bundle("Rebuilt"));
  rmSync(join(build, "index-abc123.js"));
  await expect(keyed.getByRole("heading")).toHaveText("Rebuilt, Streamlit!", { timeout: 15_000 });
  await wb.waitForIdle();
  expect(await wb.sessionState()).toMatchObject({ foo: { num_clicks: 1 } });
});
