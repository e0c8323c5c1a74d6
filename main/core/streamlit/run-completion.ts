/**
 * Pairs each run Streamlit reports (new_session … script_finished, through the proxy) with the
 * Session State snapshot the companion takes at its end (over its own socket). The two arrive on
 * different sockets in either order, so they are matched in run order, and a run counts as
 * finished only once it has both: a test that waits for idle then reads the state of that run.
 * A run whose snapshot never comes (the companion could not take it) completes after `timeoutMs`.
 */
export class RunCompletion<Run, Snapshot> {
  private readonly waiting: { run: Run; snapshot: Snapshot | null; finished: boolean; expired: boolean; timer: ReturnType<typeof setTimeout> | null }[] = [];
  /** Snapshots that came before the run they belong to was seen. */
  private early: Snapshot[] = [];

  constructor(
    private readonly complete: (run: Run, snapshot: Snapshot | null) => void,
    private readonly timeoutMs = 1_500,
  ) {}

  started(run: Run): void {
    this.waiting.push({ run, snapshot: this.early.shift() ?? null, finished: false, expired: false, timer: null });
  }

  snapshot(snapshot: Snapshot): void {
    const next = this.waiting.find((entry) => entry.snapshot === null);
    if (!next) {
      // At most the next run's: more would mean the pairing slipped, and the newest state is what counts.
      this.early = [snapshot];
      return;
    }
    next.snapshot = snapshot;
    this.drain();
  }

  finished(run: Run): void {
    const entry = this.waiting.find((candidate) => candidate.run === run);
    if (!entry) return;
    entry.finished = true;
    if (entry.snapshot === null) {
      entry.timer = setTimeout(() => {
        entry.timer = null;
        entry.expired = true;
        this.drain();
      }, this.timeoutMs);
    }
    this.drain();
  }

  /** Forget everything (the browser connection it was about is gone). */
  reset(): void {
    for (const entry of this.waiting) if (entry.timer) clearTimeout(entry.timer);
    this.waiting.length = 0;
    this.early = [];
  }

  /** Completes finished runs in order: with their snapshot, or without it once it is overdue. */
  private drain(): void {
    while (this.waiting.length) {
      const head = this.waiting[0];
      if (!head.finished || (head.snapshot === null && !head.expired)) return;
      this.waiting.shift();
      if (head.timer) clearTimeout(head.timer);
      this.complete(head.run, head.snapshot);
    }
  }
}
