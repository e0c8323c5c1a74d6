import type { LoopEvent } from "../../../common";

/** What must be recorded before `event`: its cause, a run's other causes, a flush's sets. */
function prerequisites(event: LoopEvent): (string | null)[] {
  if (event.kind === "run-start") return [event.causeId, ...event.alsoCausedBy];
  if (event.kind === "flush") return [event.causeId, ...event.setIds];
  return [event.causeId];
}

/** `events` with every one after those of its prerequisites that are among them; otherwise in the order given. */
export function causalOrder(events: readonly LoopEvent[]): LoopEvent[] {
  const byId = new Map(events.map((event) => [event.id, event]));
  const placed = new Set<string>();
  const ordered: LoopEvent[] = [];
  for (const root of events) {
    // Depth first without recursion: a storm's chain can be as long as the queue.
    const stack: { event: LoopEvent; next: number; before: (string | null)[] }[] = [];
    const visit = (event: LoopEvent) => {
      placed.add(event.id);
      stack.push({ event, next: 0, before: prerequisites(event) });
    };
    if (!placed.has(root.id)) visit(root);
    while (stack.length) {
      const top = stack[stack.length - 1];
      const id = top.before[top.next++];
      if (id === undefined) {
        ordered.push(top.event);
        stack.pop();
        continue;
      }
      const cause = id === null ? undefined : byId.get(id);
      if (cause && !placed.has(cause.id)) visit(cause);
    }
  }
  return ordered;
}
