import { defineStore } from "pinia";
import { inject, ref, shallowRef } from "vue";
import type { HostStatus, RerunRequest } from "../../../common";
import { HOST_CLIENT } from "../bridge/host-client";
import { useLogStore } from "./log";

export const useHostStatusStore = defineStore("hostStatus", () => {
  const host = inject(HOST_CLIENT)!;
  const log = useLogStore();

  /** "starting" with nothing known until the first hello() answers. */
  const status = shallowRef<HostStatus>({
    state: "starting",
    runCount: 0,
    lastDurationMs: null,
    appPath: "",
    appName: "",
    lastProblem: null,
    page: { layout: "centered", title: null },
  });
  /** The last run the preview acknowledged as rendered and settled. */
  const renderedRunId = ref(0);
  const connected = ref(true);
  /** The server refused this page's token (a tab from an earlier run): the bridge stopped retrying. */
  const tokenRefused = ref(false);

  function apply(next: HostStatus): void {
    status.value = next;
    // Streamlit's frontend renders each run itself: a run is shown once the host has passed it on.
    if (next.appView) renderedRunId.value = next.runCount;
  }

  function acknowledge(runId: number): void {
    renderedRunId.value = runId;
  }

  function setConnected(value: boolean): void {
    connected.value = value;
  }

  function setTokenRefused(): void {
    tokenRefused.value = true;
  }

  async function command(name: string, action: () => Promise<void>): Promise<void> {
    try {
      await action();
    } catch (error) {
      log.report("error", `${name} failed: ${(error as Error).message}`);
    }
  }

  /** The whole app, with the widget states the host last had, asked for by the Rerun button or the R hotkey. */
  const rerunApp = (source: "button" | "hotkey") => rerun({ widgetStates: null, fragmentId: null, source, causeId: null });
  const rerun = (request: RerunRequest) => command("Rerun", () => host.rerun(request));
  const stop = () => command("Stop", () => host.stop());
  const switchScenario = (name: string) =>
    command("Switching scenarios", async () => {
      const result = await host.switchScenario(name);
      if (!result.ok) log.report("error", result.error);
    });

  return { status, renderedRunId, connected, tokenRefused, setTokenRefused, apply, acknowledge, setConnected, rerun, rerunApp, stop, switchScenario };
});
