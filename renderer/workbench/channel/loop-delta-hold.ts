import type { LoopDelta } from "../../../common";

/** The longest a delta waits for an acknowledgement: a preview that never answers must not stall the timeline. */
export const MAX_HOLD_MS = 200;

/**
 * Holds the host's timeline deltas back while the preview renders a run it has not acknowledged
 * yet. Applying a delta re-renders the status line's meter and whatever shows the timeline; on the
 * workbench's main thread that work would sit in front of the acknowledgement, which closes the
 * loop's round trip. Held deltas are applied in order, in a task of their own right after the
 * acknowledgement (so its own update goes first), or after MAX_HOLD_MS at the latest.
 */
export class LoopDeltaHold {
  private held: LoopDelta[] = [];
  private timer: ReturnType<typeof setTimeout> | null = null;

  constructor(
    private readonly apply: (delta: LoopDelta) => void,
    private readonly awaitingAcknowledgement: () => boolean,
  ) {}

  /** A delta from the host: applied now, unless a render is in flight (or older deltas still wait). */
  readonly receive = (delta: LoopDelta): void => {
    if (!this.held.length && !this.awaitingAcknowledgement()) return this.apply(delta);
    this.held.push(delta);
    this.timer ??= setTimeout(() => this.release(), MAX_HOLD_MS);
  };

  /** The preview acknowledged a run. */
  acknowledged(): void {
    if (!this.held.length) return;
    this.cancelTimer();
    this.timer = setTimeout(() => this.release(), 0);
  }

  /** A snapshot replaces the timeline, and it already holds what the held deltas carry. */
  discard(): void {
    this.cancelTimer();
    this.held = [];
  }

  private release(): void {
    this.cancelTimer();
    const held = this.held;
    this.held = [];
    for (const delta of held) this.apply(delta);
  }

  private cancelTimer(): void {
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
  }
}
