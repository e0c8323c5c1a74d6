import type { LoopRecorder } from "./loop-recorder";

/**
 * The rerun gate both hosts keep. While it is closed (a storm, Stop during a loop, the toggle),
 * every rerun request is held in order and none is dropped; Resume lets them all through and
 * Step one, each after a timeline hop that says who let it through. The workbench sees the gate
 * through the timeline's snapshot.
 */
export class RerunGate<Request> {
  private held: Request[] = [];
  private pausedBy: string | null = null;
  /** What onChange was last told (as a reason, to tell changes apart). */
  private told: string | null = null;

  constructor(
    private readonly loop: LoopRecorder,
    /** Told whenever the gate opens or closes. */
    private readonly onChange: (paused: boolean) => void = () => {},
  ) {}

  get paused(): boolean {
    return this.pausedBy !== null;
  }

  /** Closes the gate, for `reason`: a finding's id, "user" or "stop". A closed gate stays closed for its first reason. */
  pause(reason: string): void {
    if (this.pausedBy) return;
    this.pausedBy = reason;
    this.publish();
  }

  /** Holds the request if the gate is closed; false: it may go now. */
  hold(request: Request): boolean {
    if (!this.pausedBy) return false;
    this.held.push(request);
    this.publish();
    return true;
  }

  /** Opens the gate: the held requests, oldest first, and the Resume hop that lets them through. */
  resume(): { requests: Request[]; cause: string } {
    const requests = this.held;
    this.held = [];
    this.pausedBy = null;
    this.loop.restartStormCount();
    this.publish();
    const cause = this.loop.record({ kind: "request", causeId: null, source: "resume", detail: requests.length ? `${requests.length} held` : null });
    return { requests, cause };
  }

  /** The oldest held request and the Step hop that lets it through; the gate stays closed. */
  step(): { request: Request; cause: string } | null {
    const request = this.held.shift();
    if (request === undefined) return null;
    this.publish();
    return { request, cause: this.loop.record({ kind: "request", causeId: null, source: "step", detail: null }) };
  }

  /** Forgets the held requests that can no longer run (their browser went away). */
  drop(gone: (request: Request) => boolean): void {
    this.held = this.held.filter((request) => !gone(request));
    this.publish();
  }

  private publish(): void {
    this.loop.setGate({ paused: this.pausedBy !== null, queued: this.held.length, reason: this.pausedBy });
    if (this.pausedBy !== this.told) this.onChange((this.told = this.pausedBy) !== null);
  }
}
