import type { HostEvents, HostSnapshot, HostStatus, OnHostEvent, SwitchResult } from "../../common";
import { Emitter } from "../../common";
import { HOST_EVENT_NAMES, type HostArgs } from "../../common/host-api";
import { createHost } from "./host-for";
import type { Project, Scenario } from "./project";
import type { ScriptHost, ScriptHostOptions } from "./types";

/**
 * A project whose loopwright.config.ts lists several scenarios: one script host at a time, on the
 * scenario open. Switching disposes it and starts another, a new session as if the workbench had
 * been opened on that script; the workbench hears of it through the `session` event.
 */
class ProjectHost implements ScriptHost {
  private readonly events = new Emitter<HostEvents>();
  private unsubscribe: () => void = () => {};
  private switching: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly project: Project,
    private readonly options: Omit<ScriptHostOptions, "appPath">,
    private scenario: Scenario,
    private host: ScriptHost,
  ) {
    this.attach();
  }

  on: OnHostEvent = (event, listener) => this.events.on(event, listener);

  async hello(): Promise<HostSnapshot> {
    const snapshot = await this.host.hello();
    return { ...snapshot, status: this.withScenarios(snapshot.status) };
  }

  rerun = (...args: HostArgs<"rerun">) => this.host.rerun(...args);
  stop = () => this.host.stop();
  editSessionState = (...args: HostArgs<"editSessionState">) => this.host.editSessionState(...args);
  recordLoop = (...args: HostArgs<"recordLoop">) => this.host.recordLoop(...args);
  runRendered = (...args: HostArgs<"runRendered">) => this.host.runRendered(...args);
  setRecording = (...args: HostArgs<"setRecording">) => this.host.setRecording(...args);
  clearTimeline = () => this.host.clearTimeline();
  pauseReruns = () => this.host.pauseReruns();
  resumeReruns = () => this.host.resumeReruns();
  stepRerun = () => this.host.stepRerun();
  openInEditor = (...args: HostArgs<"openInEditor">) => this.host.openInEditor(...args);
  sessionValue = (...args: HostArgs<"sessionValue">) => this.host.sessionValue(...args);

  async switchScenario(name: string): Promise<SwitchResult> {
    const next = this.project.scenarios.find((scenario) => scenario.name === name);
    if (!next) {
      return { ok: false, error: `No scenario "${name}" in ${this.project.configPath}; its scenarios: ${this.project.scenarios.map((s) => s.name).join(", ")}.` };
    }
    if (next === this.scenario) return { ok: true };
    // One switch at a time: a second request waits for the first host to be replaced.
    const done = this.switching.then(() => this.replace(next));
    this.switching = done.catch(() => {});
    await done;
    return { ok: true };
  }

  async dispose(): Promise<void> {
    await this.switching;
    this.unsubscribe();
    await this.host.dispose();
  }

  private async replace(next: Scenario): Promise<void> {
    this.unsubscribe();
    await this.host.dispose();
    this.scenario = next;
    this.host = await createHost({ ...this.options, appPath: next.appPath });
    this.attach();
    const { sessionId } = await this.host.hello();
    this.events.emit("session", { sessionId });
  }

  private attach(): void {
    const host = this.host;
    const unsubscribes = HOST_EVENT_NAMES.map((event) =>
      host.on(event, (payload) => {
        const forwarded = event === "status" ? this.withScenarios(payload as HostStatus) : payload;
        this.events.emit(event, forwarded as HostEvents[typeof event]);
      }),
    );
    this.unsubscribe = () => unsubscribes.forEach((stop) => stop());
  }

  private withScenarios(status: HostStatus): HostStatus {
    return { ...status, scenario: this.scenario.name, scenarios: this.project.scenarios.map((scenario) => scenario.name) };
  }
}

/** The host for what was opened: a plain script host, or a switching one for a config's scenarios. */
export async function createProjectHost(project: Project, options: Omit<ScriptHostOptions, "appPath">): Promise<ScriptHost> {
  const [first] = project.scenarios;
  const host = await createHost({ ...options, appPath: first.appPath });
  return project.configPath ? new ProjectHost(project, options, first, host) : host;
}
