import * as v from "valibot";
import type { AppElement, BlockElement, RenderTree } from "./elements";
import { FragmentIdSchema, RunIdSchema } from "./validation";

/**
 * Streamlit's delta protocol, reduced to what a run streams (docs/semantics.md §14): every element
 * and every block is sent as the script produces it, addressed by its delta path
 * `[root, ...block indices, index]` (root 0 is the main area, 1 the sidebar, as Streamlit's
 * RootContainer numbers them). The run's final RenderedRun still follows; deltas only let the
 * preview show the page while the script is running.
 */

/** Root containers in delta-path order. */
export const DELTA_ROOTS = ["main", "sidebar"] as const;

const MAX_DEPTH = 64;

/**
 * The element is the engine's own AppElement (the engine builds it); what the receiving side must
 * be able to rely on before walking the tree is checked here: it is an object with a type, and a
 * block arrives without children (they follow as deltas of their own).
 */
const DeltaElementSchema = v.custom<AppElement>(
  (value) =>
    typeof value === "object" &&
    value !== null &&
    typeof (value as { type?: unknown }).type === "string" &&
    ((value as { type: string }).type !== "block" || (Array.isArray((value as BlockElement).children) && (value as BlockElement).children.length === 0)),
  "a delta's element must be an object with a string `type` (a block with no children)",
);

export const DeltaSchema = v.object({
  path: v.pipe(
    v.array(v.pipe(v.number(), v.integer(), v.minValue(0))),
    v.minLength(2, "a delta path names a root and an index"),
    v.maxLength(MAX_DEPTH),
    v.check((path) => path[0] < DELTA_ROOTS.length, "a delta path starts with 0 (main) or 1 (sidebar)"),
  ),
  element: DeltaElementSchema,
});
export type Delta = v.InferOutput<typeof DeltaSchema>;

/**
 * What a run streams to the preview before (or instead of) its RenderedRun. Only runs still going
 * at their first macrotask boundary stream anything: a synchronous script costs no extra message.
 */
export const RunStreamSchema = v.variant("type", [
  /** Elements and blocks in the order the script produced them (same-path elements coalesced). */
  v.object({ type: v.literal("deltas"), runId: RunIdSchema, fragmentId: FragmentIdSchema, deltas: v.array(DeltaSchema) }),
  /**
   * A streamed run ended without a RenderedRun: a Stop drops the previous run's leftovers
   * (Streamlit finishes a stopped run successfully); a preempted run keeps them (finished early for rerun).
   */
  v.object({ type: v.literal("run-ended"), runId: RunIdSchema, clearStale: v.boolean() }),
]);
export type RunStream = v.InferOutput<typeof RunStreamSchema>;

/** A block id ("main/2/0") as a delta path ([0, 2, 0]). */
export function deltaPathOf(blockPath: string): number[] {
  const [root, ...indices] = blockPath.split("/");
  return [DELTA_ROOTS.indexOf(root as (typeof DELTA_ROOTS)[number]), ...indices.map(Number)];
}

/** The tree with `element` set at `path`; a block replacing a block of the same kind keeps its children (Streamlit's addBlock). */
export function setAtPath(tree: RenderTree, path: number[], element: AppElement, touch: (node: AppElement) => AppElement = (node) => node): RenderTree {
  const [root, ...rest] = path;
  const name = DELTA_ROOTS[root];
  if (!name) throw new Error(`Bad delta path root ${root}`);
  return { ...tree, [name]: setIn(tree[name], rest, element, touch) };
}

function setIn(children: AppElement[], [index, ...rest]: number[], element: AppElement, touch: (node: AppElement) => AppElement): AppElement[] {
  if (index > children.length) throw new Error(`Bad delta path index ${index} (should be between [0, ${children.length}])`);
  const next = children.slice();
  const existing = children[index];
  if (rest.length === 0) {
    const inherits = element.type === "block" && existing?.type === "block" && existing.kind === element.kind;
    next[index] = touch(inherits ? { ...element, children: existing.children } : element);
    return next;
  }
  if (existing?.type !== "block") throw new Error(`Bad delta path: index ${index} holds no block`);
  next[index] = touch({ ...existing, children: setIn(existing.children, rest, element, touch) });
  return next;
}
