import type { AppElement } from "../../contract";
import { ControlSignal } from "./errors";
import type { SessionState } from "./session-state";

/** What one run accumulates while the script executes. */
export class RunContext {
  readonly main: AppElement[] = [];
  readonly sidebar: AppElement[] = [];
  readonly warnings: string[] = [];
  rerunRequested = false;
  phase: "callbacks" | "body" = "callbacks";

  constructor(
    readonly state: SessionState,
    readonly appDir: string,
    private readonly interrupted: () => boolean,
  ) {}

  /** Every st call is a yield point: a pending stop or newer rerun ends the run here (fastReruns). */
  checkpoint(): void {
    if (this.interrupted()) throw new ControlSignal("interrupted");
  }

  emit(element: AppElement): void {
    this.main.push(element);
  }
}
