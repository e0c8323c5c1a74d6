import { inject, type InjectionKey, type Ref, type ShallowRef } from "vue";
import type { PageLayout, RenderTree } from "../../common";
import type { ModuleLoader } from "./component/loader";
import type { AuthorConsole } from "./console/author-console";
import type { LoopRecorder } from "./loop/recorder";
import type { Report } from "./report";
import type { StreamedPage } from "./stream";
import type { ActiveTheme } from "./theme";
import type { WidgetStateManager } from "./widgets/manager";

/** The run whose deltas the page shows, while it is running (Streamlit's ScriptRunState RUNNING). */
export interface StreamingRun {
  runId: number;
  fragmentId: string | null;
}

/** What every element view shares; provided once by createPreview. */
export interface PreviewRuntime {
  tree: ShallowRef<RenderTree>;
  /** The run streaming into the page, or null when no run is in progress. */
  streaming: ShallowRef<StreamingRun | null>;
  page: StreamedPage;
  /** The status widget's Stop: asks the workbench to stop the run. */
  stopRun(): void;
  theme: ShallowRef<ActiveTheme>;
  layout: Ref<PageLayout>;
  /** Bumped by `reset`: keys the element lists so a new session remounts everything. */
  session: Ref<number>;
  widgets: WidgetStateManager;
  loadModule: ModuleLoader;
  report: Report;
  /** Attributes component console lines and errors to instances and maps their stacks. */
  authorConsole: AuthorConsole;
  loop: LoopRecorder;
  /** A component (re)invocation the current render's `rendered` acknowledgement must wait for. */
  track(invocation: Promise<void>): void;
}

export const runtimeKey: InjectionKey<PreviewRuntime> = Symbol("loopwright-preview-runtime");

export function useRuntime(): PreviewRuntime {
  const runtime = inject(runtimeKey);
  if (!runtime) throw new Error("Preview element rendered outside createPreview()");
  return runtime;
}
