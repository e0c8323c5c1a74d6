import type { LoopEvent, LoopEventKind } from "../../../common";

export type EventOf<K extends LoopEventKind> = Extract<LoopEvent, { kind: K }>;

/** The events an event directly follows from: its cause, the requests coalesced into a run, the sets a flush carries. */
export function parentsOf(event: LoopEvent): string[] {
  const parents = new Set<string>(event.causeId === null ? [] : [event.causeId]);
  if (event.kind === "run-start") for (const id of event.alsoCausedBy) parents.add(id);
  if (event.kind === "flush") for (const id of event.setIds) parents.add(id);
  return [...parents];
}

/**
 * The timeline's causal links, indexed by id and by cause as events arrive, so that following a
 * chain costs its length and never a scan of the whole ring.
 */
export class CausalGraph {
  private readonly byId = new Map<string, LoopEvent>();
  private readonly effects = new Map<string, string[]>();

  add(event: LoopEvent): void {
    this.byId.set(event.id, event);
    for (const parent of parentsOf(event)) {
      const list = this.effects.get(parent);
      if (list) list.push(event.id);
      else this.effects.set(parent, [event.id]);
    }
  }

  /** For events leaving the ring's front: their effects came later, so only their own entries go. */
  remove(event: LoopEvent): void {
    this.byId.delete(event.id);
    this.effects.delete(event.id);
  }

  get(id: string): LoopEvent | undefined {
    return this.byId.get(id);
  }

  /** The event, everything it follows from and everything that follows from it (not its siblings). */
  chainOf(id: string): Set<string> {
    const chain = new Set<string>([id]);
    this.walk(id, chain, (at) => {
      const event = this.byId.get(at);
      return event ? parentsOf(event) : [];
    });
    this.walk(id, chain, (at) => this.effects.get(at) ?? []);
    return chain;
  }

  private walk(from: string, into: Set<string>, next: (id: string) => string[]): void {
    const seen = new Set<string>([from]);
    const pending = [from];
    while (pending.length) {
      for (const id of next(pending.pop()!)) {
        if (seen.has(id)) continue;
        seen.add(id);
        into.add(id);
        pending.push(id);
      }
    }
  }
}
