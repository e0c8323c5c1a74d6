import type { Pinia } from "pinia";
import type { HostStatus, SessionStateSnapshot } from "../../common";
import { useHostStatusStore } from "./stores/hostStatus";
import { useSessionStateStore } from "./stores/sessionState";

export interface LoopwrightTestHook {
  sessionState(): SessionStateSnapshot;
  status(): HostStatus;
  renderedRunId(): number;
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
  win.__loopwright = {
    sessionState: () => copy(session.snapshot),
    status: () => copy(hostStatus.status),
    renderedRunId: () => hostStatus.renderedRunId,
  };
}
