import { existsSync, mkdirSync, mkdtempSync, realpathSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import type { BidiComponentElement, HostEvents, HostStatus, RenderedRun } from "../../common";
import { walkTree } from "../../common";
import { createScriptHost, type ScriptHost } from "../../main/core";
import { openProject, projectRootOf } from "../../main/core/project";
import { createProjectHost } from "../../main/core/project-host";
import { scriptHostFixture } from "./worker-build";

const { workerPath: worker, hosts } = scriptHostFixture();

function folder(files: Record<string, string>): string {
  const root = realpathSync(mkdtempSync(join(tmpdir(), "lw-project-")));
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  return root;
}

const PY_APP = 'import streamlit as st\n\nst.title("hello")\n';

const APP = (title: string) => `export default function app(st) { st.title(${JSON.stringify(title)}); st.session_state.n = (st.session_state.get("n", 0)) + 1; }\n`;

const rejection = (promise: Promise<unknown>) => promise.then(() => new Error("expected a rejection"), (error: Error) => error);

function next<E extends keyof HostEvents>(host: ScriptHost, event: E, pred: (payload: HostEvents[E]) => boolean = () => true): Promise<HostEvents[E]> {
  return new Promise((resolvePromise) => {
    const off = host.on(event, (payload) => {
      if (!pred(payload)) return;
      off();
      resolvePromise(payload);
    });
  });
}

describe("openProject", () => {
  it("opens an app script as itself", async () => {
    const root = folder({ "demo.ts": APP("a") });
    expect(await openProject(join(root, "demo.ts"))).toEqual({ configPath: null, scenarios: [{ name: "demo.ts", appPath: join(root, "demo.ts"), language: "typescript" }] });
  });

  it("opens a Python app as itself, for real Streamlit to run", async () => {
    const root = folder({ "dashboard.py": PY_APP });
    expect(await openProject(join(root, "dashboard.py"))).toEqual({ configPath: null, scenarios: [{ name: "dashboard.py", appPath: join(root, "dashboard.py"), language: "python" }] });
  });

  it("opens the one Python app a folder holds as streamlit_app.py or app.py", async () => {
    for (const name of ["streamlit_app.py", "app.py"]) {
      const root = folder({ [name]: PY_APP, "helpers.py": "", "pages/1_other.py": PY_APP });
      expect((await openProject(root)).scenarios, name).toEqual([{ name, appPath: join(root, name), language: "python" }]);
    }
  });

  it("lists a TypeScript and a Python app script side by side as several, with scenario names that do not clash", async () => {
    const both = folder({ "app.ts": APP("a"), "app.py": PY_APP });
    expect((await rejection(openProject(both))).message).toBe(
      `several app scripts in ${both}: app.ts, app.py. Open one of them, or list them as scenarios in a loopwright.config.ts: export default { scenarios: { "app.ts": "./app.ts", "app.py": "./app.py" } }`,
    );
    const python = folder({ "streamlit_app.py": PY_APP, "app.py": PY_APP });
    expect((await rejection(openProject(python))).message).toContain(`several app scripts in ${python}: streamlit_app.py, app.py.`);
  });

  it("opens the one app script a folder holds", async () => {
    const root = folder({ "streamlit_app.ts": APP("a"), "helpers.ts": "" });
    expect((await openProject(root)).scenarios).toEqual([{ name: "streamlit_app.ts", appPath: join(root, "streamlit_app.ts"), language: "typescript" }]);
  });

  it("lists the candidates when a folder holds several, and says what it looked for when none", async () => {
    const several = folder({ "app.ts": APP("a"), "main.ts": APP("b") });
    expect((await rejection(openProject(several))).message).toBe(
      `several app scripts in ${several}: app.ts, main.ts. Open one of them, or list them as scenarios in a loopwright.config.ts: export default { scenarios: { "app": "./app.ts", "main": "./main.ts" } }`,
    );
    const none = folder({ "helpers.ts": "" });
    expect((await rejection(openProject(none))).message).toBe(
      `no app script in ${none}: expected a loopwright.config.ts listing scenarios, or one of app.ts, streamlit_app.ts, main.ts, app.js, streamlit_app.js, main.js, streamlit_app.py, app.py`,
    );
  });

  it("reads the scenarios of a loopwright.config.ts, in its order, relative to it", async () => {
    const root = folder({
      "loopwright.config.ts": 'import type { LoopwrightConfig } from "loopwright";\nexport default { scenarios: { basic: "./apps/basic.ts", empty: "apps/empty.ts" } } satisfies LoopwrightConfig;\n',
      "apps/basic.ts": APP("basic"),
      "apps/empty.ts": APP("empty"),
    });
    expect(await openProject(root)).toEqual({
      configPath: join(root, "loopwright.config.ts"),
      scenarios: [
        { name: "basic", appPath: join(root, "apps/basic.ts"), language: "typescript" },
        { name: "empty", appPath: join(root, "apps/empty.ts"), language: "typescript" },
      ],
    });
  });

  it("takes Python apps as scenarios beside TypeScript ones", async () => {
    const root = folder({
      "loopwright.config.ts": 'export default { scenarios: { emulated: "./app.ts", real: "./app.py" } };\n',
      "app.ts": APP("emulated"),
      "app.py": PY_APP,
    });
    expect((await openProject(root)).scenarios).toEqual([
      { name: "emulated", appPath: join(root, "app.ts"), language: "typescript" },
      { name: "real", appPath: join(root, "app.py"), language: "python" },
    ]);
    const missing = folder({ "loopwright.config.ts": 'export default { scenarios: { real: "./app.py" } };\n' });
    expect((await rejection(openProject(missing))).message).toBe(`loopwright.config.ts: scenario "real": app script ./app.py not found (looked at ${join(missing, "app.py")})`);
  });

  it("explains a config that does not fit the schema, a missing script and a syntax error", async () => {
    const wrong = folder({ "loopwright.config.ts": 'export default { scenario: { a: "./a.ts" } };\n' });
    expect((await rejection(openProject(wrong))).message).toBe(
      `loopwright.config.ts must export default { scenarios: { <name>: "./app.ts", … } }:\n  scenarios: missing: an object of scenario names and app script paths\n  scenario: unknown key: the config takes only "scenarios"\n(in ${join(wrong, "loopwright.config.ts")})`,
    );
    const empty = folder({ "loopwright.config.ts": "export default { scenarios: {} };\n" });
    expect((await rejection(openProject(empty))).message).toContain("list at least one scenario");
    const missing = folder({ "loopwright.config.ts": 'export default { scenarios: { a: "./a.ts" } };\n' });
    expect((await rejection(openProject(missing))).message).toBe(`loopwright.config.ts: scenario "a": app script ./a.ts not found (looked at ${join(missing, "a.ts")})`);
    const broken = folder({ "loopwright.config.ts": "export default { scenarios: { a: } };\n" });
    expect((await rejection(openProject(broken))).message).toBe(`${join(broken, "loopwright.config.ts")}:1:34: Unexpected "}"`);
  });

  it("opens the template examples with their two scenarios", async () => {
    for (const flavour of ["template-react", "template-ts"]) {
      const project = await openProject(resolve(__dirname, "../../examples", flavour));
      expect(project.scenarios.map((s) => s.name)).toEqual(["sources", "build"]);
    }
  });
});

describe("projectRootOf", () => {
  it("is the opened folder itself", () => {
    const root = folder({ "app/app.py": PY_APP, "pyproject.toml": "" });
    expect(projectRootOf(join(root, "app"))).toBe(join(root, "app"));
  });

  it("is the nearest ancestor of an opened script holding pyproject.toml, a loopwright config or .git", () => {
    const python = folder({ "pyproject.toml": "", "src/pkg/example.py": PY_APP });
    expect(projectRootOf(join(python, "src/pkg/example.py"))).toBe(python);
    const configured = folder({ "loopwright.config.ts": "", "apps/a.py": PY_APP, ".git/HEAD": "" });
    expect(projectRootOf(join(configured, "apps/a.py"))).toBe(configured);
    const repo = folder({ ".git/HEAD": "", "tools/x/app.py": PY_APP, "tools/pyproject.toml": "" });
    expect(projectRootOf(join(repo, "tools/x/app.py"))).toBe(join(repo, "tools"));
  });

  it("is the script's folder when no ancestor marks a project", () => {
    const root = folder({ "deep/er/app.py": PY_APP });
    // Only if nothing above the temp folder marks a project either (a checkout under /tmp would).
    const markers = ["pyproject.toml", "loopwright.config.ts", "loopwright.config.mts", "loopwright.config.js", "loopwright.config.mjs", ".git"];
    const above = (dir: string): boolean => markers.some((m) => existsSync(join(dir, m))) || (dirname(dir) !== dir && above(dirname(dir)));
    expect(projectRootOf(join(root, "deep/er/app.py"))).toEqual(above(root) ? expect.any(String) : join(root, "deep/er"));
  });
});

describe("a project's scenarios", () => {
  it("switches to another scenario as a new session and refuses an unknown one", async () => {
    const root = folder({ "loopwright.config.ts": 'export default { scenarios: { one: "./one.ts", two: "./two.ts" } };\n', "one.ts": APP("one"), "two.ts": APP("two") });
    const host = await createProjectHost(await openProject(root), { workerPath: worker(), watch: false });
    hosts.push(host);
    const before = await host.hello();
    expect(before.status).toMatchObject({ scenario: "one", scenarios: ["one", "two"], appName: "one.ts" });
    await host.rerun({ widgetStates: null, fragmentId: null, source: "api", causeId: null });
    expect((await host.hello()).sessionState.entries).toMatchObject([{ key: "n", value: 2 }]);

    expect(await host.switchScenario("three")).toEqual({ ok: false, error: `No scenario "three" in ${join(root, "loopwright.config.ts")}; its scenarios: one, two.` });
    const session = next(host, "session");
    expect(await host.switchScenario("two")).toEqual({ ok: true });
    const after = await host.hello();
    expect((await session).sessionId).toBe(after.sessionId);
    expect(after.sessionId).not.toBe(before.sessionId);
    expect(after.status).toMatchObject({ scenario: "two", appName: "two.ts" });
    // Session state starts over, as in a new session.
    expect(after.sessionState.entries).toMatchObject([{ key: "n", value: 1 }]);
    expect(after.lastRun?.tree.main[0]).toMatchObject({ type: "markdown", body: "two" });
  });

  it("a single app script has no scenarios to switch to", async () => {
    const root = folder({ "app.ts": APP("a") });
    const host = await createProjectHost(await openProject(root), { workerPath: worker(), watch: false });
    hosts.push(host);
    expect((await host.hello()).status.scenarios).toBeUndefined();
    expect(await host.switchScenario("x")).toMatchObject({ ok: false });
  });
});

const STARS = (html: string) => `export default function app(st) {
  const stars = st.components.v2.component("stars", { js: "./stars.js", css: "./stars.css", html: "./stars.html" });
  const other = st.components.v2.component("other", { js: "export default function () {}" });
  stars({ key: "rating", default: { value: 0 }, on_value_change: () => {} });
  other({ key: "plain" });
  st.session_state.runs = st.session_state.get("runs", 0) + 1;
  ${html}
}
`;

function components(run: RenderedRun): Record<string, BidiComponentElement> {
  return Object.fromEntries([...walkTree(run.tree)].flatMap((element) => (element.type === "bidi_component" ? [[element.key!, element]] : [])));
}

describe("hot reload of component files", () => {
  it("reruns on a save: only the saved component's digest changes, session state is kept", async () => {
    const root = folder({ "app.ts": STARS(""), "stars.js": "export default function () {}\n", "stars.css": "p {}", "stars.html": "<p>1</p>" });
    const host = await createScriptHost({ appPath: join(root, "app.ts"), workerPath: worker() });
    hosts.push(host);
    const first = components((await host.hello()).lastRun!);
    expect(first.rating.fileDigest).toMatch(/^[0-9a-f]{16}$/);
    expect(first.plain.fileDigest).toBeUndefined();

    for (const [file, text] of [["stars.html", "<p>2</p>"], ["stars.css", "p { color: red }"], ["stars.js", "export default function () { return () => {}; }\n"]]) {
      const before = (await host.hello()).lastRun!;
      const render = next(host, "render");
      writeFileSync(join(root, file), text);
      const after = components(await render);
      expect(after.rating.fileDigest, file).not.toBe(components(before).rating.fileDigest);
      expect(after.plain).toEqual({ ...components(before).plain });
    }
    const { sessionState } = await host.hello();
    expect(sessionState.entries.find((entry) => entry.key === "runs")).toMatchObject({ value: 4 });
  });

  it("keeps the last good component while a save does not compile, and clears the problem on the fix", async () => {
    const root = folder({ "app.ts": STARS(""), "stars.js": "export default function () {}\n", "stars.css": "", "stars.html": "" });
    const host = await createScriptHost({ appPath: join(root, "app.ts"), workerPath: worker() });
    hosts.push(host);
    const good = components((await host.hello()).lastRun!).rating;

    const broken = next(host, "status", (status) => (status.buildProblems ?? []).length > 0);
    writeFileSync(join(root, "stars.js"), "export default function () {\n  const x = ;\n}\n");
    const status: HostStatus = await broken;
    expect(status.buildProblems).toEqual([
      { source: "component", component: "stars", file: "stars.js", line: 2, column: 13, message: 'Unexpected ";"', frame: "  1 | export default function () {\n> 2 |   const x = ;\n    |             ^\n  3 | }\n  4 |" },
    ]);
    expect(components((await host.hello()).lastRun!).rating.js).toBe(good.js);

    const fixed = next(host, "status", (s) => s.buildProblems?.length === 0);
    writeFileSync(join(root, "stars.js"), "export default function () { return undefined; }\n");
    await fixed;
    expect(components((await host.hello()).lastRun!).rating.js).toBe("export default function () { return undefined; }\n");
  });

  it("keeps running the last good script while a save does not compile", async () => {
    const root = folder({ "app.ts": STARS('st.write("v1");'), "stars.js": "export default function () {}\n", "stars.css": "", "stars.html": "" });
    const host = await createScriptHost({ appPath: join(root, "app.ts"), workerPath: worker() });
    hosts.push(host);
    const broken = next(host, "status", (status) => (status.buildProblems ?? []).length > 0);
    writeFileSync(join(root, "app.ts"), STARS('st.write("v2"'));
    const status = await broken;
    expect(status.buildProblems).toMatchObject([{ source: "script", component: null, file: "app.ts", line: 8, message: 'Expected ")" but found "}"' }]);
    expect(status.buildProblems![0].frame).toContain("> 8 | }\n    | ^");
    expect(status.state).not.toBe("error");
    await host.rerun({ widgetStates: null, fragmentId: null, source: "api", causeId: null });
    const { lastRun } = await host.hello();
    expect(JSON.stringify(lastRun!.tree)).toContain("v1");

    const fixed = next(host, "render", (run) => JSON.stringify(run.tree).includes("v3"));
    writeFileSync(join(root, "app.ts"), STARS('st.write("v3");'));
    await fixed;
    expect((await host.hello()).status.buildProblems).toEqual([]);
  });
});
