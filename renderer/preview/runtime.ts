import { inject, type InjectionKey, type Ref, type ShallowRef } from "vue";
import type { PageLayout, RenderTree } from "../../common";
import type { ModuleLoader } from "./component/loader";
import type { LoopRecorder } from "./loop/recorder";
import type { Report } from "./report";
import type { ActiveTheme } from "./theme";
import type { WidgetStateManager } from "./widgets/manager";

/** What every element view shares; provided once by createPreview. */
export interface PreviewRuntime {
  tree: ShallowRef<RenderTree>;
  theme: ShallowRef<ActiveTheme>;
  layout: Ref<PageLayout>;
  /** Bumped by `reset`: keys the element lists so a new session remounts everything. */
  session: Ref<number>;
  widgets: WidgetStateManager;
  loadModule: ModuleLoader;
  report: Report;
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
