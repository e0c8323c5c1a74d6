import * as v from "valibot";
import { createApp, nextTick, ref, shallowRef } from "vue";
import type { FromPreview, RenderedRun, RenderTree, RunStream, ToPreview } from "../../common";
import { RunStreamSchema } from "../../common/deltas";
import { check } from "../../common/validation";
import { PreviewLayoutMessageSchema, PreviewThemeMessageSchema } from "../../common/theme";
import App from "./App.vue";
import type { ModuleLoader } from "./component/loader";
import { LoopRecorder } from "./loop/recorder";
import { AuthorConsole } from "./console/author-console";
import { describeError, type Report } from "./report";
import { runtimeKey, type PreviewRuntime } from "./runtime";
import type { StorageStandIns } from "./storage/install";
import { StreamedPage } from "./stream";
import { activeTheme, presetTheme } from "./theme";
import { WidgetStateManager } from "./widgets/manager";

export interface PreviewOptions {
  root: Element;
  send(message: FromPreview): void;
  loadModule: ModuleLoader;
  /** The frame's storage stand-ins: a new session starts with them empty. */
  storage: StorageStandIns;
}

export interface Preview {
  handle(message: ToPreview): void;
  /** Sends a line to the workbench console, and to the timeline while recording. */
  report: Report;
  /** What component code says (console, uncaught errors): `install` it on the frame's window. */
  authorConsole: AuthorConsole;
  unmount(): void;
}

const EMPTY_TREE: RenderTree = { main: [], sidebar: [] };
// FromPreviewSchema's bounds for a console line.
const MAX_MESSAGE = 64 * 1024;
const MAX_STACK = 16 * 1024;
const cut = (text: string, max: number) => (text.length > max ? `${text.slice(0, max - 1)}…` : text);

/** The preview page: renders runs, owns widget states, and reports back through `send`. */
export function createPreview({ root, send, loadModule, storage }: PreviewOptions): Preview {
  const loop = new LoopRecorder(send);
  const stopWatchingDom = loop.watchDom(window);
  // One path for every line about component code: the timeline shows it among the hops it came
  // with (an uncaught error as an error hop), the Log with its instance and the author's line.
  const authorConsole = new AuthorConsole({
    currentEvent: () => loop.currentEvent(),
    pageHost: location.host,
    emit: ({ level, message, origin, uncaught }) => {
      const instance = origin.instance?.id ?? null;
      const source = origin.source === "host" ? "host" : "component";
      loop.record(() =>
        uncaught
          ? { kind: "error", causeId: loop.domCause(), instance, message, stack: origin.stack ?? null, source }
          : { kind: "console", causeId: loop.domCause(), instance, level, message, source },
      );
      const line: FromPreview = { type: "console", level, message: cut(message, MAX_MESSAGE), ...origin };
      if (origin.stack) line.stack = cut(origin.stack, MAX_STACK);
      send(line);
    },
  });
  const report: Report = (level, message, origin) => authorConsole.report(level, message, origin);
  const invocations: Promise<void>[] = [];
  const runtime: PreviewRuntime = {
    tree: shallowRef(EMPTY_TREE),
    streaming: shallowRef(null),
    page: new StreamedPage(),
    stopRun: () => send({ type: "stop" }),
    theme: shallowRef(presetTheme("light")),
    layout: ref("centered"),
    session: ref(0),
    widgets: new WidgetStateManager((request) => send({ type: "rerun", ...request }), report, loop),
    loadModule,
    report,
    authorConsole,
    loop,
    track: (invocation) => void invocations.push(invocation),
  };

  const app = createApp(App).provide(runtimeKey, runtime);
  app.config.errorHandler = (error) => report("error", `Preview error: ${describeError(error).message}`);
  app.mount(root);

  /** Components (re)invoke while Vue patches; a later run's invocations may join, never earlier ones. */
  async function settled(): Promise<void> {
    await nextTick();
    while (invocations.length) await Promise.allSettled(invocations.splice(0));
  }

  // Acknowledgements go out in run order, and none from a session that was reset meanwhile.
  let acknowledged = Promise.resolve();
  /** The last run the page heard of: a message about an older one is late and changes nothing. */
  let latestRun = 0;

  function render(run: RenderedRun): void {
    const session = runtime.session.value;
    latestRun = Math.max(latestRun, run.runId);
    if (runtime.streaming.value && runtime.streaming.value.runId <= run.runId) runtime.streaming.value = null;
    loop.rendering(run.runId, run.causes);
    runtime.widgets.syncTree(run.tree);
    runtime.tree.value = run.tree;
    const done = settled();
    acknowledged = acknowledged
      .then(() => done)
      .then(() => {
        if (session !== runtime.session.value) return;
        document.body.dataset.lwRenderedRun = String(run.runId);
        // The run's lifecycle hops (mounts, invocations) ride with it: a message of their own would
        // be one more turn of the workbench's event loop, right when the next interaction comes.
        send({ type: "rendered", runId: run.runId, hops: loop.takePending() });
      });
  }

  /** A run in progress: its deltas land in place; a stopped run's leftovers go (§14). */
  function stream(message: RunStream): void {
    if (message.runId < latestRun) return;
    latestRun = message.runId;
    if (message.type === "run-ended") {
      const run = runtime.streaming.value;
      runtime.streaming.value = null;
      if (!message.clearStale || run?.runId !== message.runId) return;
      runtime.tree.value = runtime.page.clearStale(runtime.tree.value, run.runId, run.fragmentId);
      runtime.widgets.syncTree(runtime.tree.value);
      return;
    }
    let tree: RenderTree;
    try {
      tree = runtime.page.apply(runtime.tree.value, message.runId, message.deltas);
    } catch (error) {
      return report("error", `Preview error: dropped run ${message.runId}'s deltas: ${describeError(error).message}`);
    }
    if (runtime.streaming.value?.runId !== message.runId) {
      runtime.streaming.value = { runId: message.runId, fragmentId: message.fragmentId };
      // What mounts mid-run follows from no host event yet: the run's end comes with its RenderedRun.
      loop.rendering(message.runId, { run: null, elements: {} });
    }
    runtime.widgets.syncTree(tree);
    runtime.tree.value = tree;
  }

  /** The project's theme comes from the author's config file: a bad one is reported, never applied half-read. */
  function applyTheme(message: ToPreview): void {
    const checked = v.safeParse(PreviewThemeMessageSchema, message);
    if (!checked.success) return report("error", `Ignored a malformed theme: ${v.summarize(checked.issues)}`);
    const { theme, custom } = checked.output;
    const next = activeTheme(theme, custom, (warning) => report("warn", warning));
    if (next.key !== runtime.theme.value.key) runtime.theme.value = next;
    document.documentElement.style.fontSize = next.vars["--st-base-font-size"] ?? "";
  }

  function handle(message: ToPreview): void {
    switch (message.type) {
      case "render":
        return render(message.run);
      case "deltas":
      case "run-ended": {
        const checked = check(RunStreamSchema, message);
        if (!checked.ok) return report("error", `Preview error: dropped a malformed ${message.type} message: ${checked.error}`);
        return stream(checked.value);
      }
      case "reset":
        runtime.widgets.reset();
        loop.reset();
        storage.clear();
        runtime.tree.value = EMPTY_TREE;
        runtime.streaming.value = null;
        latestRun = 0;
        runtime.session.value++;
        delete document.body.dataset.lwRenderedRun;
        return;
      case "theme":
        return applyTheme(message);
      case "layout": {
        const checked = v.safeParse(PreviewLayoutMessageSchema, message);
        if (checked.success) runtime.layout.value = checked.output.layout;
        else report("error", `Ignored a malformed layout: ${v.summarize(checked.issues)}`);
        return;
      }
      case "recording":
        loop.setRecording(message.on);
        return;
    }
  }

  return {
    handle,
    report,
    authorConsole,
    unmount: () => {
      stopWatchingDom();
      app.unmount();
    },
  };
}
