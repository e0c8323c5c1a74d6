import type { Pinia } from "pinia";
import type { Finding, HostStatus, LoopEvent, RerunGate, SessionStateSnapshot } from "../../common";
import { useHostStatusStore } from "./stores/hostStatus";
import { useSessionStateStore } from "./stores/sessionState";
import { useTimelineStore } from "./stores/timeline";

export interface LoopwrightTestHook {
  sessionState(): SessionStateSnapshot;
  status(): HostStatus;
  renderedRunId(): number;
  /** The loop events the workbench holds, oldest first. */
  timeline(): LoopEvent[];
  findings(): Finding[];
  rerunsGate(): RerunGate;
}

declare global {
  interface Window {
    __loopwright?: LoopwrightTestHook;
  }
}

const copy = <T>(value: T): T => structuredClone(value);

/** For the Playwright kit: read-only copies, so a test cannot reach into the live stores. */
export function installTestHook(win: Window, pinia: Pinia): void {
  const hostStatus = useHostStatusStore(pinia);
  const session = useSessionStateStore(pinia);
  const timeline = useTimelineStore(pinia);
  win.__loopwright = {
    sessionState: () => copy(session.snapshot),
    status: () => copy(hostStatus.status),
    renderedRunId: () => hostStatus.renderedRunId,
    timeline: () => copy(timeline.events),
    findings: () => copy(timeline.findings),
    rerunsGate: () => copy(timeline.reruns),
  };
}
