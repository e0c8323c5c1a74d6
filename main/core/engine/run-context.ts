import { AsyncLocalStorage } from "node:async_hooks";
import type { AppElement, BlockElement, Delta } from "../../../common";
import { deltaPathOf } from "../../../common/deltas";
import { ControlSignal } from "./errors";
import type { SessionState } from "./session-state";

/** Where elements land: the root of the page, the sidebar, or a block (column, form, fragment…). */
export interface Target {
  children: AppElement[];
  root: "main" | "sidebar";
  /** Position in the tree, e.g. "main/2/0": a block's id, stable while the script's shape is. */
  path: string;
  formId: string | null;
  fragmentId: string | null;
  /** A placeholder (`st.empty()`): everything rendered here replaces the element at this index of `children`. */
  slot?: number;
}

/** Where a run's deltas go as they are produced (§14); null: nobody is watching this run. */
export type DeltaSink = ((delta: Delta) => void) | null;

/** What one run accumulates while the script executes. */
export class RunContext {
  readonly main: AppElement[] = [];
  readonly sidebar: AppElement[] = [];
  readonly warnings: string[] = [];
  /** What `st.set_page_config` set in this run (absent options unchanged). */
  page: { layout?: "centered" | "wide"; title?: string } = {};
  rerunRequested = false;
  /** Set when `st.rerun({scope: "fragment"})` asked for a fragment-only rerun. */
  rerunFragment: string | null = null;
  readonly mainTarget: Target;
  readonly sidebarTarget: Target;
  /**
   * The container a `with` body made current, per async context: an awaiting body keeps its own
   * container, and a concurrent one cannot change it (a shared stack would be corrupted by an await).
   */
  private readonly scope = new AsyncLocalStorage<Target>();
  /** Async `with` bodies still running: the run is not over until they settle. */
  private readonly bodies: Promise<unknown>[] = [];
  /** Set when the run is over: a call from a body it abandoned (a preempted await) ends there. */
  private finished = false;
  /** Forms created in this run, by key, with their clear_on_submit setting. */
  readonly formsThisRun = new Map<string, { clearOnSubmit: boolean }>();
  readonly fragmentsThisRun = new Map<string, number>();
  /** The blocks this run opened, by path, for updateBlock. */
  private readonly blocks = new Map<string, BlockElement>();

  constructor(
    readonly state: SessionState,
    readonly appDir: string,
    private readonly interrupted: () => boolean,
    root?: Target,
    private readonly sink: DeltaSink = null,
  ) {
    this.mainTarget = root ?? { children: this.main, root: "main", path: "main", formId: null, fragmentId: null };
    this.sidebarTarget = { children: this.sidebar, root: "sidebar", path: "sidebar", formId: null, fragmentId: null };
  }

  /** The current container: what `st.x(...)` renders into (Python's `with` block). */
  get target(): Target {
    return this.scope.getStore() ?? this.mainTarget;
  }

  /** Every st call is a yield point: a pending stop or newer rerun ends the run here (fastReruns). */
  checkpoint(): void {
    if (this.finished || this.interrupted()) throw new ControlSignal("interrupted");
  }

  emit(element: AppElement): void {
    this.place(this.target, element);
  }

  /** Puts an element at its target's next index (a placeholder's own index) and streams it. */
  private place(target: Target, element: AppElement): number {
    const index = target.slot ?? target.children.length;
    target.children[index] = element;
    // A block goes out bare: its children follow as deltas of their own, as Streamlit's addBlock.
    this.sink?.({ path: [...deltaPathOf(target.path), index], element: element.type === "block" ? { ...element, children: [] } : element });
    return index;
  }

  /**
   * Runs `body` with `target` as the current container, like Python's `with container:`. An async
   * body keeps it across its awaits; the run waits for the body even if the script does not.
   */
  within<T>(target: Target, body: () => T): T {
    const result = this.scope.run(target, body);
    if (result instanceof Promise) this.bodies.push(result.catch(() => {}));
    return result;
  }

  /** Waits for the async `with` bodies the script started (their errors reach the script where it awaited them). */
  async settleBodies(): Promise<void> {
    while (this.bodies.length) await Promise.all(this.bodies.splice(0));
  }

  /** The run is over; anything its abandoned bodies still call ends at the checkpoint. */
  finish(): void {
    this.finished = true;
  }

  /** Opens a block in the current container and returns it as a target for its children. */
  openBlock(props: Omit<BlockElement, "type" | "id" | "children">, parent: Target = this.target): Target {
    this.checkpoint();
    const index = parent.slot ?? parent.children.length;
    const block: BlockElement = {
      type: "block",
      id: `${parent.path}/${index}`,
      children: [],
      ...props,
      formId: props.formId ?? parent.formId,
      fragmentId: props.fragmentId ?? parent.fragmentId,
    };
    this.place(parent, block);
    this.blocks.set(block.id, block);
    return { children: block.children, root: parent.root, path: block.id, formId: block.formId ?? null, fragmentId: block.fragmentId ?? null };
  }

  /**
   * Rewrites an open block's properties in place (`st.status(...).update()`): the block's delta
   * goes out again at its path, and the preview keeps its children (Streamlit's addBlock).
   */
  updateBlock(block: Target, props: Partial<Omit<BlockElement, "type" | "id" | "children">>): void {
    const element = this.blocks.get(block.path);
    if (!element) throw new Error(`No open block at ${block.path}`);
    Object.assign(element, props);
    this.sink?.({ path: deltaPathOf(block.path), element: { ...element, children: [] } });
  }

  /** `st.empty()`: an empty element at the next position, and a target that keeps replacing it. */
  placeholder(parent: Target = this.target): Target {
    this.checkpoint();
    const slot = this.place(parent, { type: "empty" });
    return { ...parent, slot };
  }

  /** formId/fragmentId for a widget rendered into the current container. */
  placement(): { formId: string | null; fragmentId: string | null } {
    return { formId: this.target.formId, fragmentId: this.target.fragmentId };
  }
}
