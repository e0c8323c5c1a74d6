import type { AppElement, Delta, RenderTree } from "../../common";
import { setAtPath } from "../../common/deltas";

/**
 * The preview's side of the delta protocol (docs/semantics.md §14), after Streamlit's AppRoot:
 * every node a delta creates or passes through is tagged with the run that produced it, so the
 * elements of the previous run not yet re-produced can be told apart (stale) and dropped.
 */
export class StreamedPage {
  /** The run that produced each node; nodes from a RenderedRun carry none (they predate any stream). */
  private readonly producedBy = new WeakMap<AppElement, number>();

  /** The tree with `deltas` applied in order; throws on a delta whose path the tree does not have. */
  apply(tree: RenderTree, runId: number, deltas: Delta[]): RenderTree {
    const touch = (node: AppElement) => {
      this.producedBy.set(node, runId);
      return node;
    };
    return deltas.reduce((page, delta) => setAtPath(page, delta.path, delta.element, touch), tree);
  }

  producedIn(node: AppElement, runId: number): boolean {
    return this.producedBy.get(node) === runId;
  }

  /**
   * Streamlit's ClearStaleNodeVisitor: what run `runId` did not produce goes; in a fragment run,
   * only inside that fragment's block.
   */
  clearStale(tree: RenderTree, runId: number, fragmentId: string | null): RenderTree {
    const keep = (elements: AppElement[], inScope: boolean): AppElement[] =>
      elements.flatMap((node): AppElement[] => {
        const current = this.producedIn(node, runId);
        if (inScope && !current) return [];
        if (node.type !== "block") return [node];
        const scoped = inScope || (node.kind === "fragment" && node.fragmentId === fragmentId && current);
        const children = keep(node.children, scoped);
        if (children.length === node.children.length && children.every((child, i) => child === node.children[i])) return [node];
        const copy = { ...node, children };
        if (current) this.producedBy.set(copy, runId);
        return [copy];
      });
    const whole = fragmentId === null;
    return { main: keep(tree.main, whole), sidebar: keep(tree.sidebar, whole) };
  }
}
