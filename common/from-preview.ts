import * as v from "valibot";
import { RerunRequestSchema } from "./widget-state";
import { PreviewLoopBatchSchema } from "./loop-events";
import { LOG_LEVELS, LogOriginSchema } from "./status";

/** The preview runs author code, so the workbench validates everything it sends. */
export const FromPreviewSchema = v.variant("type", [
  /**
   * Widget values changed (one flush per macrotask): the rerun request the host receives, with the
   * loop hops that led to it (they ride along: a message of their own would delay the rerun).
   */
  v.object({ type: v.literal("rerun"), ...RerunRequestSchema.entries, hops: PreviewLoopBatchSchema }),
  /** The preview rendered this run and every component's default export has settled (its hops follow in a `loop`). */
  v.object({ type: v.literal("rendered"), runId: v.pipe(v.number(), v.integer()) }),
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
