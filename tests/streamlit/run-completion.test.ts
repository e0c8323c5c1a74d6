import { afterEach, describe, expect, it, vi } from "vitest";
import { RunCompletion } from "../../main/core/streamlit/run-completion";

describe("RunCompletion: a run is finished once it ended and its Session State came", () => {
  afterEach(() => vi.useRealTimers());

  function track() {
    const completed: [string, string | null][] = [];
    const completion = new RunCompletion<string, string>((run, snapshot) => completed.push([run, snapshot]), 1_000);
    return { completion, completed };
  }

  it("waits for the snapshot when the run's end comes first", () => {
    const { completion, completed } = track();
    completion.started("r1");
    completion.finished("r1");
    expect(completed).toEqual([]);
    completion.snapshot("s1");
    expect(completed).toEqual([["r1", "s1"]]);
  });

  it("pairs a snapshot that came before the run was even seen with that run", () => {
    const { completion, completed } = track();
    completion.snapshot("s1");
    completion.started("r1");
    completion.finished("r1");
    expect(completed).toEqual([["r1", "s1"]]);
  });

  it("completes runs in order, each with its own snapshot", () => {
    const { completion, completed } = track();
    completion.started("r1");
    completion.started("r2");
    completion.finished("r2");
    completion.snapshot("s1");
    expect(completed).toEqual([]);
    completion.snapshot("s2");
    completion.finished("r1");
    expect(completed).toEqual([
      ["r1", "s1"],
      ["r2", "s2"],
    ]);
  });

  it("completes a run whose snapshot never comes once it is overdue", () => {
    vi.useFakeTimers();
    const { completion, completed } = track();
    completion.started("r1");
    completion.finished("r1");
    vi.advanceTimersByTime(999);
    expect(completed).toEqual([]);
    vi.advanceTimersByTime(1);
    expect(completed).toEqual([["r1", null]]);
  });

  it("reset forgets runs and early snapshots", () => {
    const { completion, completed } = track();
    completion.snapshot("stale");
    completion.reset();
    completion.started("r1");
    completion.finished("r1");
    completion.snapshot("s1");
    expect(completed).toEqual([["r1", "s1"]]);
  });
});
