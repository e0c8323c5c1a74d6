import * as v from "valibot";
import { RerunRequestSchema } from "./widget-state";
import { PreviewLoopBatchSchema } from "./loop-events";
import { RunIdSchema } from "./validation";
import { LOG_LEVELS, LogOriginSchema } from "./status";

/** The preview runs author code, so the workbench validates everything it sends. */
export const FromPreviewSchema = v.variant("type", [
  /**
   * Widget values changed (one flush per macrotask): the rerun request the host receives. The
   * loop hops that led to it (the flush, its sets) follow with the run's acknowledgement.
   */
  v.object({ type: v.literal("rerun"), ...RerunRequestSchema.entries }),
  /**
   * The preview rendered this run and every component's default export has settled, with the hops
   * recorded since the last message carried any (the rerun's flush and sets, the render's mounts
   * and invocations): the workbench forwards them once it took the acknowledgement.
   */
  v.object({ type: v.literal("rendered"), runId: RunIdSchema, hops: PreviewLoopBatchSchema }),
  /** Streamlit's rerun hotkey pressed in the app view (not while typing): the workbench reruns. */
  v.object({ type: v.literal("hotkey"), key: v.literal("r") }),
  /** The app page's running indicator (stStatusWidget) was told to stop the run. */
  v.object({ type: v.literal("stop") }),
  /** Hops of the loop the preview saw that no rerun or acknowledgement carried, for the host's timeline. */
  v.object({ type: v.literal("loop"), events: PreviewLoopBatchSchema }),
  /** A component's console line or uncaught error, or Loopwright's own line about a component, for the Log. */
  v.object({
    type: v.literal("console"),
    level: v.picklist(LOG_LEVELS),
    message: v.pipe(v.string(), v.maxLength(64 * 1024)),
    ...LogOriginSchema.entries,
  }),
]);
export type FromPreview = v.InferOutput<typeof FromPreviewSchema>;
