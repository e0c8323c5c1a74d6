import type { FrameLocator, Locator, Page, TestInfo } from "@playwright/test";
import type { Json } from "../../common/json";
import type { SessionStateEntry, SessionStateSnapshot } from "../../common/session";
import type { Finding, LoopEvent, LoopEventKind, RerunGate } from "../../common/loop-events";
import { launchElectron } from "./electron";
import { absoluteAppPath } from "./paths";
import { startServer } from "./server";
import { presentSessionState } from "./session";
import { readStatus, waitForSettled, type StatusReading, type WaitForIdleOptions } from "./status";

/** Which events `workbench.timeline()` returns: some kinds, one instance (its key, or element id when unkeyed). */
export interface TimelineFilter {
  kind?: LoopEventKind | LoopEventKind[];
  instance?: string;
}

export type LogLevel = "info" | "warn" | "error";

/** Which entries `workbench.logEntries()` returns. */
export interface LogFilter {
  level?: LogLevel;
  /** The component instance's key (its element id when unkeyed). */
  instance?: string;
  source?: "script" | "component" | "host";
}

/** A finding as the kit reports it. */
export type FindingSummary = Pick<Finding, "kind" | "instance" | "name" | "runId" | "message">;

/** Where the workbench runs: browser mode (Node server + Chromium) or the Electron window. */
export type LoopwrightMode = "browser" | "electron";

interface Running {
  log(): string;
  stop(): Promise<void>;
}

/** Quote a string for a CSS attribute selector. */
const css = (value: string) => JSON.stringify(value);

/**
 * The `workbench` fixture: opens an app in Loopwright and drives it the way a person would.
 * Every method that changes something waits until the resulting run is rendered.
 */
export class Workbench {
  private running: Running | null = null;
  private activePage: Page | null = null;

  /** @param browserPage the test's page (browser mode); @param mode browser or electron. */
  constructor(private readonly browserPage: Page, readonly mode: LoopwrightMode) {}

  /** The workbench page: the test's page in browser mode, the Electron window in Electron mode. */
  get page(): Page {
    if (!this.activePage) throw new Error("loopwright/test: call workbench.open(app) first");
    return this.activePage;
  }

  /**
   * Open an app script (absolute, or relative to the current directory) and wait until its first
   * run is rendered. Browser mode starts `node out/main/server.js <app> --port 0`, waits for
   * `Loopwright ready at URL` and opens that URL; the server is killed when the test ends.
   */
  async open(appPath: string): Promise<void> {
    const app = absoluteAppPath(appPath);
    await this.close();
    if (this.mode === "electron") {
      const electron = await launchElectron(app);
      this.running = electron;
      this.activePage = electron.page;
    } else {
      const server = await startServer(app);
      this.running = server;
      this.activePage = this.browserPage;
      await this.browserPage.goto(server.url);
    }
    await this.waitForIdle({ timeout: 20_000 });
  }

  /** The sandboxed preview frame (for native elements: `frame().getByTestId("stButton")`). */
  frame(): FrameLocator {
    return this.page.frameLocator('[data-testid="lw-preview-frame"]');
  }

  /**
   * The DOM of the component instance mounted with `key`: its `stBidiComponentIsolated` /
   * `stBidiComponentRegular` host, on either host (the emulator's preview or Streamlit's own
   * frontend). Locators chained from it pierce the open ShadowRoot, so
   * `component("k").locator("input")` finds the input inside it. A failed instance has no such
   * host: its error is an `stAlertContentError` inside the instance's `.stBidiComponent`.
   */
  component(key: string): Locator {
    // The emulator marks the instance with its key; Streamlit's frontend puts `st-key-<key>` on its element container.
    const className = `st-key-${key.replace(/[^a-zA-Z0-9_-]/g, "-")}`;
    return this.frame().locator(
      `.stBidiComponent[data-lw-key=${css(key)}] [data-testid^="stBidiComponent"], .${className} > .stBidiComponent [data-testid^="stBidiComponent"]`,
    );
  }

  /** The Session State panel. */
  sessionPanel(): Locator {
    return this.page.getByTestId("lw-session-panel");
  }

  /**
   * The panel row of a session-state path: "key" (a plain entry, or a whole component entry) or
   * "key.field" (one field of a component entry: its state value, or with `kind: "trigger"` its
   * trigger value — a name with a callback has both rows). Holds `lw-session-value` and, when
   * editable, `lw-session-edit`.
   */
  sessionField(path: string, kind: "state" | "trigger" = "state"): Locator {
    const [key, field] = splitPath(path);
    const entry = this.sessionPanel().locator(`[data-testid="lw-session-entry"][data-key=${css(key)}]`);
    if (field === undefined) return entry;
    return entry.locator(`[data-testid="lw-session-field"][data-field=${css(field)}][data-kind=${css(kind)}]`);
  }

  /**
   * Session state as the script sees it (`st.session_state.to_dict()`), read from the workbench's
   * `window.__loopwright.sessionState()`: `{ [key]: value }`. A component key maps to
   * `{ ...triggers fired in the last run, ...state }` — unfired triggers (null) are absent, like
   * Streamlit's presenter. Use `sessionStateEntries()` for the raw panel rows.
   */
  async sessionState(): Promise<Record<string, Json>> {
    return presentSessionState(await this.snapshot());
  }

  /** The raw Session State panel rows (`SessionStateEntry[]`: kind, state, triggers, callbackNames…). */
  async sessionStateEntries(): Promise<SessionStateEntry[]> {
    return (await this.snapshot()).entries;
  }

  /**
   * Edit a session-state value in the panel like a person: click the field's edit button, replace
   * the editor's text with `json` (typed as-is, so invalid JSON can be tested), click Save, then
   * wait until the rerun it causes is rendered. Throws with the panel's message when the panel
   * refuses the edit (`lw-session-error`: invalid JSON, over the size limit, a write Streamlit
   * ignores), and at once, listing what exists, when the key or field is not in session state.
   * @param path "key" or "key.field"
   * @param json the JSON text to type, e.g. `'"from panel"'`
   */
  async editSessionState(path: string, json: string): Promise<void> {
    await this.expectSessionPath(path);
    const row = this.sessionField(path);
    const before = await this.status();
    const edit = path.includes(".")
      ? row.getByTestId("lw-session-edit")
      : row.locator('[data-testid="lw-session-edit"]:not([data-testid="lw-session-field"] *)');
    await edit.click();
    const editor = this.sessionPanel().getByTestId("lw-session-editor");
    await editor.fill(json);
    await this.sessionPanel().getByTestId("lw-session-save").click();
    const error = this.sessionPanel().getByTestId("lw-session-error");
    const deadline = Date.now() + 10_000;
    for (;;) {
      if (await error.isVisible()) throw new Error(`loopwright/test: the panel refused editing ${path}: ${await error.textContent()}`);
      const now = await readStatus(this.page);
      if (now && now.runCount > before.runCount) break;
      if (Date.now() > deadline) throw new Error(`loopwright/test: editing ${path} caused no rerun and no error`);
      await new Promise((resolve) => setTimeout(resolve, 40));
    }
    await this.waitForIdle();
  }

  /** Throws, naming the keys (or the component's fields) there are, when `path` is not a row of the panel. */
  private async expectSessionPath(path: string): Promise<void> {
    const [key, field] = splitPath(path);
    const entries = await this.sessionStateEntries();
    const entry = entries.find((e) => e.key === key);
    const names = (list: string[]) => (list.length ? list.map((name) => JSON.stringify(name)).join(", ") : "none");
    if (!entry) throw new Error(`loopwright/test: no session-state key "${key}". Keys: ${names(entries.map((e) => e.key))}`);
    if (!entry.editable) throw new Error(`loopwright/test: the panel has no Edit for "${key}" (${entry.kind === "widget" ? `a ${entry.widget}` : "not JSON"})`);
    if (field === undefined) return;
    if (entry.kind !== "component") throw new Error(`loopwright/test: "${key}" is not a component, so "${path}" has no field; edit "${key}"`);
    if (!(field in entry.state)) {
      const triggers = Object.keys(entry.triggers).filter((name) => !(name in entry.state));
      const hint = field in entry.triggers ? ` ("${field}" is a trigger value, which the panel does not edit)` : "";
      throw new Error(`loopwright/test: "${key}" has no state field "${field}"${hint}. Fields: ${names(Object.keys(entry.state))}${triggers.length ? `; triggers: ${names(triggers)}` : ""}`);
    }
  }

  /**
   * The workbench log's entries (`[data-testid="lw-log-entry"]`), optionally of one level (e.g.
   * the warnings a lossy `data` conversion produces) or `{ level, instance, source }`: `instance`
   * is the component instance's key (element id when unkeyed), `source` "script", "component" or
   * "host". Each entry carries `data-instance`, `data-component` and `data-location`
   * (`file:line:column`). Opens the log drawer if it is closed.
   */
  async logEntries(filter?: LogLevel | LogFilter): Promise<Locator> {
    const toggle = this.page.getByTestId("lw-log-toggle");
    if ((await toggle.getAttribute("aria-expanded")) !== "true") await toggle.click();
    const { level, instance, source } = typeof filter === "string" ? { level: filter } : (filter ?? {});
    let entries = this.page.getByTestId("lw-log-entry");
    if (level) entries = entries.and(this.page.locator(`[data-level=${css(level)}]`));
    if (instance !== undefined) entries = entries.and(this.page.locator(`[data-instance=${css(instance)}]`));
    if (source) entries = entries.and(this.page.locator(`[data-source=${css(source)}]`));
    return entries;
  }

  /**
   * The saves that do not compile, as the workbench's overlay shows them over the preview (the
   * last good version keeps running underneath): `location` is `file:line:column`, `frame` the
   * numbered lines with a caret under the column. Empty when everything compiles.
   */
  async buildProblems(): Promise<{ location: string; message: string; frame: string }[]> {
    const problems = this.page.getByTestId("lw-build-problem");
    const read = (testId: string) => problems.getByTestId(testId).allTextContents();
    const [locations, messages, frames] = await Promise.all([read("lw-build-problem-location"), read("lw-build-problem-message"), read("lw-build-problem-frame")]);
    return locations.map((location, i) => ({ location: location.trim().split(/\s+/)[0], message: messages[i], frame: frames[i] }));
  }

  /** The scenario open, with a loopwright.config.ts; null for a single app script. */
  async scenario(): Promise<string | null> {
    const select = this.page.getByTestId("lw-scenario");
    return (await select.count()) ? select.getAttribute("data-scenario") : null;
  }

  /**
   * Switch to another scenario of the project's loopwright.config.ts with the header's select, as
   * a person would, and wait until its first run is rendered: a new session, state starts over.
   */
  async switchScenario(name: string): Promise<void> {
    await this.page.getByTestId("lw-scenario").selectOption(name);
    // A new session: its script is compiled and its runner started before the switch answers.
    await expectEventually(() => this.scenario(), name, `scenario "${name}" did not open`, 20_000);
    await this.waitForIdle({ timeout: 20_000 });
  }

  /** Click the workbench's Rerun button and wait until the new run is rendered. */
  async rerun(): Promise<void> {
    const before = await this.status();
    await this.page.getByTestId("lw-rerun").click();
    await this.waitForIdle({ minRunCount: before.runCount + 1 });
  }

  /**
   * Wait until no run is in progress, the preview has rendered the last run
   * (`data-rendered-run == data-run-count`) and that has held for 200 ms with the run count
   * unchanged. A run that ended in an error counts as settled. Default timeout 10 s.
   */
  async waitForIdle(options: WaitForIdleOptions = {}): Promise<StatusReading> {
    return waitForSettled(this.page, options);
  }

  /** The status line now (state, run count, rendered run, text). */
  async status(): Promise<StatusReading> {
    const reading = await readStatus(this.page);
    if (!reading) throw new Error('loopwright/test: no [data-testid="lw-status"] in the workbench');
    return reading;
  }

  /**
   * The loop debugger's timeline as plain data, oldest first: every hop of the loop (`dom`, `set`,
   * `flush`, `run-start`, `callback`, `run-end`, `state-diff`, `data-diff`, `invoke`, …), each with
   * its `id`, `causeId` and `runId`. `filter` keeps the events of some kinds and/or one instance.
   */
  async timeline(filter: TimelineFilter = {}): Promise<LoopEvent[]> {
    const events = await this.hook<LoopEvent[]>("timeline");
    const kinds = filter.kind === undefined ? null : new Set([filter.kind].flat());
    return events.filter(
      (event) => (kinds === null || kinds.has(event.kind)) && (filter.instance === undefined || event.instance === filter.instance),
    );
  }

  /** What Loopwright concluded from the loop: one entry per finding card. */
  async findings(): Promise<FindingSummary[]> {
    const findings = await this.hook<Finding[]>("findings");
    return findings.map(({ kind, instance, name, runId, message }) => ({ kind, instance, name, runId, message }));
  }

  /** Click "Pause reruns" in the status line: from now on every rerun request is held, none is lost. */
  async pauseReruns(): Promise<void> {
    if (!(await this.rerunsPaused())) await this.page.getByTestId("lw-pause-reruns").click();
    await expectEventually(() => this.rerunsPaused(), true, "reruns did not pause");
  }

  /** Click "Resume reruns": the held requests run (coalesced, as Streamlit would), then waits for idle. */
  async resumeReruns(): Promise<void> {
    if (!(await this.rerunsPaused())) return;
    // A loop that goes on may be paused again before a poll sees the gate open: the Resume hop on
    // the timeline is what says the click took.
    const resumes = async () => (await this.timeline({ kind: "request" })).filter((e) => e.kind === "request" && e.source === "resume").length;
    const before = await resumes();
    await this.page.getByTestId("lw-pause-reruns").click();
    // With recording paused there is no hop: then the open gate says it.
    await expectEventually(async () => (await resumes()) > before || !(await this.rerunsPaused()), true, "reruns did not resume");
    await this.waitForIdle();
  }

  /** Whether reruns are held (by the toggle, by Stop during a loop, or by a rerun-storm finding). */
  async rerunsPaused(): Promise<boolean> {
    return (await this.hook<RerunGate>("rerunsGate")).paused;
  }

  /** Stop the server / Electron app; attach its output to the test when the test failed. */
  async close(testInfo?: TestInfo): Promise<void> {
    const running = this.running;
    this.running = null;
    if (!running) return;
    await running.stop();
    if (testInfo && testInfo.status !== testInfo.expectedStatus) {
      await testInfo.attach("loopwright-server.log", { body: running.log(), contentType: "text/plain" });
    }
  }

  /** Calls one reader of the workbench's `window.__loopwright` hook (a plain copy of the store). */
  private hook<T>(name: "timeline" | "findings" | "rerunsGate"): Promise<T> {
    return this.page.evaluate((reader) => {
      const hook = (window as unknown as { __loopwright?: Record<string, () => unknown> }).__loopwright;
      if (!hook) throw new Error("window.__loopwright is missing (not the Loopwright workbench?)");
      return JSON.parse(JSON.stringify(hook[reader]()));
    }, name) as Promise<T>;
  }

  private async snapshot(): Promise<SessionStateSnapshot> {
    return this.page.evaluate(() => {
      const hook = (window as unknown as { __loopwright?: { sessionState(): unknown } }).__loopwright;
      if (!hook) throw new Error("window.__loopwright is missing (not the Loopwright workbench?)");
      return JSON.parse(JSON.stringify(hook.sessionState()));
    }) as Promise<SessionStateSnapshot>;
  }
}

/** Polls `read` until it returns `expected`, for up to `timeoutMs` (5 s). */
async function expectEventually<T>(read: () => Promise<T>, expected: T, message: string, timeoutMs = 5_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while ((await read()) !== expected) {
    if (Date.now() > deadline) throw new Error(`loopwright/test: ${message}`);
    await new Promise((resolve) => setTimeout(resolve, 40));
  }
}

function splitPath(path: string): [string, string | undefined] {
  const dot = path.indexOf(".");
  return dot < 0 ? [path, undefined] : [path.slice(0, dot), path.slice(dot + 1)];
}
