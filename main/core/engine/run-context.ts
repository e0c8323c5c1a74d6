import type { AppElement, BlockElement } from "../../../common";
import { ControlSignal, StreamlitAPIException } from "./errors";
import type { SessionState } from "./session-state";

/** Where elements land: the root of the page, the sidebar, or a block (column, form, fragment…). */
export interface Target {
  children: AppElement[];
  root: "main" | "sidebar";
  /** Position in the tree, e.g. "main/2/0": a block's id, stable while the script's shape is. */
  path: string;
  formId: string | null;
  fragmentId: string | null;
}

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
  /** The current container: what `st.x(...)` renders into (Python's `with` block). */
  target: Target;
  /** Forms created in this run, by key, with their clear_on_submit setting. */
  readonly formsThisRun = new Map<string, { clearOnSubmit: boolean }>();
  /** Forms whose submit button fired in this run. */
  readonly submittedForms = new Set<string>();
  /** How to put each form widget back to its default (clear_on_submit). */
  readonly formResets: { formId: string; reset: () => void }[] = [];
  readonly fragmentsThisRun = new Map<string, number>();

  constructor(
    readonly state: SessionState,
    readonly appDir: string,
    private readonly interrupted: () => boolean,
    root?: Target,
  ) {
    this.mainTarget = root ?? { children: this.main, root: "main", path: "main", formId: null, fragmentId: null };
    this.sidebarTarget = { children: this.sidebar, root: "sidebar", path: "sidebar", formId: null, fragmentId: null };
    this.target = this.mainTarget;
  }

  /** Every st call is a yield point: a pending stop or newer rerun ends the run here (fastReruns). */
  checkpoint(): void {
    if (this.interrupted()) throw new ControlSignal("interrupted");
  }

  emit(element: AppElement): void {
    this.target.children.push(element);
  }

  /** Runs `body` with `target` as the current container, like Python's `with container:`. */
  within<T>(target: Target, body: () => T): T {
    const previous = this.target;
    this.target = target;
    try {
      const result = body();
      if (result instanceof Promise) {
        throw StreamlitAPIException("`with` bodies must be synchronous: an async body would render after its container closed.");
      }
      return result;
    } finally {
      this.target = previous;
    }
  }

  /** Opens a block in the current container and returns it as a target for its children. */
  openBlock(props: Omit<BlockElement, "type" | "id" | "children">, parent: Target = this.target): Target {
    this.checkpoint();
    const block: BlockElement = {
      type: "block",
      id: `${parent.path}/${parent.children.length}`,
      children: [],
      ...props,
      formId: props.formId ?? parent.formId,
      fragmentId: props.fragmentId ?? parent.fragmentId,
    };
    parent.children.push(block);
    return { children: block.children, root: parent.root, path: block.id, formId: block.formId ?? null, fragmentId: block.fragmentId ?? null };
  }

  /** formId/fragmentId for a widget rendered into the current container. */
  placement(): { formId: string | null; fragmentId: string | null } {
    return { formId: this.target.formId, fragmentId: this.target.fragmentId };
  }

  /** clear_on_submit: after the body saw the submitted values, the form's widgets go back to their defaults. */
  clearSubmittedForms(): void {
    for (const { formId, reset } of this.formResets) {
      if (this.submittedForms.has(formId) && this.formsThisRun.get(formId)?.clearOnSubmit) reset();
    }
  }
}
