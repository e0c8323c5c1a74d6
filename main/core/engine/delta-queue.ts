import type { Delta } from "../../../common";

/**
 * The deltas a run produced since its last message, coalesced the way Streamlit's ForwardMsgQueue
 * does (§14): a newer element at a queued element's path replaces it in place (a placeholder
 * rewritten in a loop costs one delta per message), while a queued block is never replaced, since
 * deltas after it may address its children.
 */
export class DeltaQueue {
  private deltas: Delta[] = [];
  private readonly byPath = new Map<string, number>();

  push(delta: Delta): void {
    const path = delta.path.join(",");
    const queued = this.byPath.get(path);
    if (queued !== undefined && this.deltas[queued].element.type !== "block") {
      this.deltas[queued] = delta;
      return;
    }
    this.byPath.set(path, this.deltas.length);
    this.deltas.push(delta);
  }

  /** Everything queued, in order; the queue starts again empty. */
  take(): Delta[] {
    const taken = this.deltas;
    this.deltas = [];
    this.byPath.clear();
    return taken;
  }
}
