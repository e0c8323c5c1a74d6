import type { LoopEvent } from "../common/loop-events";

/** The event's causes, nearest first, following causeId to the root. */
export function causesOf(events: LoopEvent[], event: LoopEvent): LoopEvent[] {
  const byId = new Map(events.map((e) => [e.id, e]));
  const chain: LoopEvent[] = [];
  for (let cause = event.causeId; cause !== null; ) {
    const next = byId.get(cause);
    if (!next) throw new Error(`cause ${cause} of ${event.kind} ${event.id} is not on the timeline`);
    chain.push(next);
    cause = next.causeId;
  }
  return chain;
}
