import type { Page } from "@playwright/test";

/** What `[data-testid="lw-status"]` says right now. */
export interface StatusReading {
  /** `data-state`: starting | running | idle | error. */
  state: string;
  /** `data-run-count`: runs finished since the app was opened. */
  runCount: number;
  /** `data-rendered-run`: the last run the preview acknowledged as rendered. */
  renderedRun: number;
  /** The visible text, e.g. "idle · 3 runs · last 12 ms". */
  text: string;
}

export interface WaitForIdleOptions {
  /** Give up after this many milliseconds. Default 10 000. */
  timeout?: number;
  /** How long the settled condition must hold with the run count unchanged. Default 200 ms. */
  stableMs?: number;
  /** Only settle once at least this many runs have finished. Default 1. */
  minRunCount?: number;
}

/** Read the status line, or null while the workbench has not drawn it (or is navigating). */
export async function readStatus(page: Page): Promise<StatusReading | null> {
  try {
    return await page.evaluate(() => {
      const el = document.querySelector('[data-testid="lw-status"]');
      if (!el) return null;
      return {
        state: el.getAttribute("data-state") ?? "",
        runCount: Number(el.getAttribute("data-run-count")),
        renderedRun: Number(el.getAttribute("data-rendered-run")),
        text: (el.textContent ?? "").trim(),
      };
    });
  } catch {
    return null;
  }
}

/** Settled: no run in progress ("idle", or "error" when the last run failed) and the preview has rendered the last run. */
export function isSettled(s: StatusReading | null, minRunCount: number): s is StatusReading {
  return (
    s !== null &&
    (s.state === "idle" || s.state === "error") &&
    s.runCount >= minRunCount &&
    s.renderedRun === s.runCount
  );
}

/**
 * Wait until the status is settled and has stayed settled, with the same run count, for
 * `stableMs` (a component's set call reaches the host a macrotask after the event that caused
 * it, so a single idle reading can be stale). Returns the final reading.
 */
export async function waitForSettled(page: Page, options: WaitForIdleOptions = {}): Promise<StatusReading> {
  const { timeout = 10_000, stableMs = 200, minRunCount = 1 } = options;
  const deadline = Date.now() + timeout;
  let last: StatusReading | null = null;
  let settledSince = 0;
  let settledCount = -1;
  for (;;) {
    last = await readStatus(page);
    const now = Date.now();
    if (isSettled(last, minRunCount)) {
      if (last.runCount !== settledCount) [settledSince, settledCount] = [now, last.runCount];
      if (now - settledSince >= stableMs) return last;
    } else {
      settledCount = -1;
    }
    if (now > deadline) {
      throw new Error(`loopwright/test: workbench not idle after ${timeout} ms; last status: ${JSON.stringify(last)}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 40));
  }
}
