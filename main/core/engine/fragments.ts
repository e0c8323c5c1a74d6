import type { AppElement, BlockElement, RenderTree } from "../../../common";
import { digest } from "./ids";
import type { RunContext, Target } from "./run-context";

interface FragmentRecord {
  body: (...args: any[]) => void | Promise<void>;
  args: unknown[];
  /** The block's id (its tree path) and where it sits, to rebuild its target on a fragment run. */
  blockId: string;
  root: Target["root"];
  formId: string | null;
}

/**
 * `st.fragment`: a full run renders each fragment into its own block and remembers its body;
 * a fragment rerun runs only that body and swaps the block's children in the last tree.
 */
export class Fragments {
  private records = new Map<string, FragmentRecord>();
  private nextRecords = new Map<string, FragmentRecord>();

  render<R extends void | Promise<void>>(ctx: RunContext, body: (...args: any[]) => R, args: unknown[]): R {
    const source = digest(body.toString()).slice(0, 12);
    const occurrence = ctx.fragmentsThisRun.get(source) ?? 0;
    ctx.fragmentsThisRun.set(source, occurrence + 1);
    const fragmentId = `fragment-${source}-${occurrence}`;
    const target = ctx.openBlock({ kind: "fragment", fragmentId });
    this.nextRecords.set(fragmentId, { body, args, blockId: target.path, root: target.root, formId: target.formId });
    return ctx.within(target, () => body(...args));
  }

  /** A full run starts: fragments are re-collected. */
  beginFullRun(): void {
    this.nextRecords = new Map();
  }

  /** A full run finished: its fragments are the ones a fragment rerun may target. */
  commitFullRun(): void {
    this.records = this.nextRecords;
  }

  /** The root target for a fragment-only run, or null if that fragment no longer exists. */
  targetFor(fragmentId: string): { target: Target; record: FragmentRecord } | null {
    const record = this.records.get(fragmentId);
    if (!record) return null;
    return {
      record,
      target: { children: [], root: record.root, path: record.blockId, formId: record.formId, fragmentId },
    };
  }
}

/** The last tree with one fragment block's children replaced. */
export function replaceFragment(tree: RenderTree, fragmentId: string, children: AppElement[]): RenderTree {
  const swap = (elements: AppElement[]): AppElement[] =>
    elements.map((element) => {
      if (element.type !== "block") return element;
      if (element.kind === "fragment" && element.fragmentId === fragmentId) return { ...element, children } satisfies BlockElement;
      return { ...element, children: swap(element.children) };
    });
  return { main: swap(tree.main), sidebar: swap(tree.sidebar) };
}
