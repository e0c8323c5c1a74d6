import type { LoopEvent } from "../../../common";
import type { EventOf } from "./graph";

/** One rerun as the timeline shows it: its start and end, and every hop stamped with its run id. */
export interface RunGroup {
  runId: number;
  start: EventOf<"run-start"> | null;
  end: EventOf<"run-end"> | null;
  /**
   * In time order (`at`): an invocation arrives after the writes it made, since it is sent once it
   * settled, but it started first. Hops that happen between runs carry the last run's id, so the
   * user action that causes run N+1 sits at the end of run N's group.
   */
  hops: LoopEvent[];
}

export function groupRuns(events: readonly LoopEvent[]): RunGroup[] {
  const groups = new Map<number, RunGroup>();
  for (const event of events) {
    let group = groups.get(event.runId);
    if (!group) groups.set(event.runId, (group = { runId: event.runId, start: null, end: null, hops: [] }));
    group.hops.push(event);
    if (event.kind === "run-start") group.start = event;
    else if (event.kind === "run-end") group.end = event;
  }
  for (const group of groups.values()) group.hops.sort((a, b) => a.at - b.at);
  return [...groups.values()].sort((a, b) => a.runId - b.runId);
}

export const RATE_WINDOW_MS = 2000;

/** Runs started in the last `RATE_WINDOW_MS` before `now`, per second; reads back from the newest event only. */
export function rerunsPerSecond(events: readonly LoopEvent[], now: number): number {
  const since = now - RATE_WINDOW_MS;
  let starts = 0;
  for (let i = events.length - 1; i >= 0 && events[i].at >= since; i--) {
    if (events[i].kind === "run-start" && events[i].at <= now) starts++;
  }
  return starts / (RATE_WINDOW_MS / 1000);
}
