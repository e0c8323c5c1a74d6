import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { RenderedRun, RunStream } from "../../common";
import { createScriptHost } from "../../main/core";
import { scriptHostFixture } from "./worker-build";

const { workerPath: worker, hosts } = scriptHostFixture();

async function open(source: string) {
  const dir = mkdtempSync(join(tmpdir(), "lw-stream-"));
  const appPath = join(dir, "app.ts");
  writeFileSync(appPath, source);
  const host = await createScriptHost({ appPath, workerPath: worker(), watch: false, stopGraceMs: 2000 });
  hosts.push(host);
  const streamed: RunStream[] = [];
  const renders: RenderedRun[] = [];
  host.on("stream", (message) => void streamed.push(message));
  host.on("render", (run) => void renders.push(run));
  return { host, streamed, renders, rerun: () => host.rerun({ widgetStates: null, fragmentId: null, source: "api", causeId: null }) };
}

const until = async (predicate: () => boolean) => {
  const start = Date.now();
  while (!predicate()) {
    if (Date.now() - start > 5000) throw new Error("timed out");
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
};

describe("the host streams a run's deltas (§14)", () => {
  it("a synchronous script streams nothing: its RenderedRun is the only message", async () => {
    const { streamed, renders, rerun } = await open(`export default function app(st) { st.markdown("one"); }`);
    await rerun();
    expect(renders).toHaveLength(1);
    expect(streamed).toEqual([]);
  });

  it("an awaiting script streams each value of a placeholder before its run ends", async () => {
    const { streamed, renders, rerun } = await open(
      `const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
       export default async function app(st) {
         const ph = st.empty();
         for (let i = 0; i < 3; i++) { ph.write(i); await sleep(30); }
         st.markdown("done");
       }`,
    );
    await rerun();
    const deltas = streamed.flatMap((m) => (m.type === "deltas" ? m.deltas : []));
    expect(streamed.every((m) => m.type === "deltas" && m.runId === renders[0].runId && m.fragmentId === null)).toBe(true);
    // The placeholder's rewrites before each await are coalesced into one delta per message.
    expect(deltas.map((d) => [d.path, (d.element as { body?: string }).body])).toEqual([
      [[0, 0], "`0`"],
      [[0, 0], "`1`"],
      [[0, 0], "`2`"],
    ]);
    expect(renders[0].tree.main).toMatchObject([{ body: "`2`" }, { type: "markdown", body: "done" }]);
  });

  it("Stop ends an awaiting run at once and tells the page to drop its leftovers; session state is kept", async () => {
    const { host, streamed, rerun } = await open(
      `const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
       export default async function app(st) {
         st.session_state.n = st.session_state.get("n", 0) + 1;
         st.markdown("run " + st.session_state.n);
         await sleep(st.session_state.n > 1 ? 60000 : 0);
       }`,
    );
    const { lastRun } = await host.hello();
    void rerun();
    await until(() => streamed.some((m) => m.type === "deltas" && m.deltas.length > 0));
    const started = Date.now();
    await host.stop();
    await until(() => streamed.some((m) => m.type === "run-ended"));
    expect(Date.now() - started).toBeLessThan(1000);
    expect(streamed.at(-1)).toEqual({ type: "run-ended", runId: lastRun!.runId + 1, clearStale: true });
    // No runner restart: the next run sees the state the stopped run wrote.
    expect((await host.hello()).status.lastProblem).toBe("Stopped by the user");
    void rerun();
    await until(() => streamed.some((m) => m.type === "deltas" && m.deltas.some((d) => d.element.type === "markdown" && d.element.body === "run 3")));
  });
});
