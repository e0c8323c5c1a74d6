import type { FrontendRendererArgs } from "@streamlit/component-v2-lib";
import { formatLocation, loopClock, previewValue, type BidiComponentElement, type ComponentData, type PreviewLoopEvent, type WidgetPlacement } from "../../../common";
import type { AttributedInstance, AuthorConsole } from "../console/author-console";
import { captureStack, componentStack, type HopStamp, type LoopRecorder } from "../loop/recorder";
import { describeError, type ErrorInfo, type Report } from "../report";
import type { WidgetStateManager } from "../widgets/manager";
import { dataIdentity, decodeComponentData } from "./data";
import type { ModuleLoader } from "./loader";

export interface InstanceContext {
  loadModule: ModuleLoader;
  widgets: WidgetStateManager;
  report: Report;
  /** Where the instance's console lines and errors are attributed and their stacks mapped. */
  console: AuthorConsole;
  loop: LoopRecorder;
  /** Shows the error element in place of the component. */
  fail(error: ErrorInfo): void;
}

/** Everything a (re)invocation depends on: any difference runs the default export again (§8.3). */
interface Inputs {
  js: string;
  name: string;
  data: string | null;
  /** The active theme's key: another theme re-invokes (§8.4). */
  theme: string;
  formId: string | null;
  fragmentId: string | null;
}

interface Content {
  html: string;
  css: string;
  cssPath: string | null;
  wrapper: HTMLDivElement;
  /** The blob URL a css file is linked from; revoked when the wrapper goes. */
  cssUrl: string | null;
}

const NO_DEFAULT_EXPORT = "JS module does not have a default export function.";

type InvokeReason = Extract<PreviewLoopEvent, { kind: "invoke" }>["changed"][number];

/** Why an invocation runs, as its invoke hop tells it. */
interface Invocation {
  changed: InvokeReason[];
  /** The host event behind it (the render's data-diff or run-end); null for a theme switch. */
  causeId: string | null;
}

/** The inputs that differ; binary data (identity null) differs on every run. */
function changedInputs(a: Inputs, b: Inputs): InvokeReason[] {
  const changed: InvokeReason[] = [];
  if (a.data === null || a.data !== b.data) changed.push("data");
  if (a.theme !== b.theme) changed.push("theme");
  if (a.js !== b.js) changed.push("js");
  if (a.name !== b.name) changed.push("name");
  if (a.formId !== b.formId) changed.push("form");
  if (a.fragmentId !== b.fragmentId) changed.push("fragment");
  return changed;
}

/**
 * One mounted CCv2 component (one element id), the way Streamlit's BidiComponent drives it:
 * html/css in a wrapper div, the default export re-invoked on the same parentElement without
 * cleanup, and only the last returned cleanup called, once, on unmount.
 */
export class ComponentInstance {
  /** Streamlit's frontend key: one per mount, stable across re-invocations. */
  readonly key = `st-bidi-component-${crypto.randomUUID()}`;
  readonly parentElement: HTMLElement | ShadowRoot;
  private readonly elementId: string;
  /** The instance as the timeline names it: its user key, or its element id when unkeyed. */
  private readonly instance: string;
  /** The instance as the Log names it, and its host element (events under it are its own). */
  private readonly attributed: AttributedInstance;
  private readonly detach: () => void;
  private content: Content | null = null;
  private inputs: Inputs | null = null;
  /** Whether the default export was ever invoked: once it was, an invocation without previous inputs is the JS coming back. */
  private invoked = false;
  /** The default export's call in progress, until its returned promise settles, with its invoke hop's stamp. */
  private call: { stamp: HopStamp | null } | null = null;
  private cleanup: unknown;
  /** Invocations run one after another so the last one to start is the last cleanup kept. */
  private chain: Promise<void> = Promise.resolve();
  /** A failed mount stays failed, like Streamlit, which skips all further work after an error. */
  private state: "mounted" | "failed" | "unmounted" = "mounted";

  // Methods, not inline comparisons: the state changes across the awaits in invoke().
  private isMounted = () => this.state === "mounted";
  private isUnmounted = () => this.state === "unmounted";

  constructor(
    host: HTMLElement,
    element: BidiComponentElement,
    private readonly ctx: InstanceContext,
  ) {
    this.elementId = element.id;
    this.instance = element.key ?? element.id;
    this.attributed = { instance: { component: element.name, id: this.instance }, host };
    this.detach = ctx.console.attach(this.attributed);
    if (element.isolateStyles) {
      const shadow = host.attachShadow({ mode: "open" });
      // Goes away with the shadow root, so nothing to stop.
      ctx.loop.watchDom(shadow);
      this.parentElement = shadow;
    } else {
      this.parentElement = host;
    }
    ctx.loop.record(() => ({
      kind: "mount",
      causeId: ctx.loop.renderCause(this.elementId),
      instance: this.instance,
      elementId: this.elementId,
      frontendKey: this.key,
      component: element.name,
    }));
  }

  /** Applies a run's element; resolves when the default export this caused has settled. */
  update(element: BidiComponentElement, theme: string): Promise<void> {
    if (!this.isMounted()) return this.chain;
    this.showContent(element);
    if (element.js === null || !this.isMounted()) {
      this.inputs = null;
      return this.chain;
    }
    const inputs: Inputs = {
      js: element.js,
      name: element.name,
      data: dataIdentity(element.data),
      theme,
      formId: element.formId ?? null,
      fragmentId: element.fragmentId ?? null,
    };
    // No inputs shown yet: the first invocation, or the JS is back after a run without any.
    const changed: InvokeReason[] = this.inputs ? changedInputs(this.inputs, inputs) : [this.invoked ? "js" : "mount"];
    if (!changed.length) return this.chain;
    this.ctx.console.module(element.name, element.js, element.jsPath ?? null);
    this.inputs = inputs;
    this.invoked = true;
    const why: Invocation = {
      changed,
      causeId: changed.length === 1 && changed[0] === "theme" ? null : this.ctx.loop.renderCause(this.elementId),
    };
    const data = element.data;
    this.chain = this.chain.then(() => this.invoke(inputs, data, why));
    return this.chain;
  }

  /** Calls the last returned cleanup once, after any invocation still in flight has returned. */
  unmount(): void {
    this.state = "unmounted";
    this.detach();
    if (this.content?.cssUrl) URL.revokeObjectURL(this.content.cssUrl);
    // The render removing it is the current one now, not once the chain has run.
    const causeId = this.ctx.loop.renderCause(this.elementId);
    void this.chain.then(async () => {
      if (typeof this.cleanup !== "function") return;
      this.ctx.loop.record(() => ({ kind: "cleanup", causeId, instance: this.instance, elementId: this.elementId, frontendKey: this.key }));
      try {
        await this.cleanup();
      } catch (error) {
        const { message, stack } = this.authorError(describeError(error));
        this.ctx.report("error", `Failed to run custom component cleanup: ${message}`, this.origin(stack));
      }
    });
  }

  /**
   * html/css changes replace only the wrapper div; they never re-run the JS (§8.3). Streamlit
   * trims both, puts inline css in a `<style>` and a css file in a `<link>`.
   */
  private showContent(element: BidiComponentElement): void {
    const html = element.html?.trim() ?? "";
    const css = element.css?.trim() ?? "";
    const cssPath = element.cssPath ?? null;
    const shown = this.content;
    if (shown && shown.html === html && shown.css === css && shown.cssPath === cssPath) return;
    try {
      shown?.wrapper.remove();
      if (shown?.cssUrl) URL.revokeObjectURL(shown.cssUrl);
      const wrapper = document.createElement("div");
      if (html) {
        const htmlDiv = document.createElement("div");
        // A contextual fragment (unlike innerHTML) runs the <script> tags in the author's html.
        htmlDiv.append(document.createRange().createContextualFragment(html));
        wrapper.append(htmlDiv);
      }
      let cssUrl: string | null = null;
      if (css && cssPath) {
        cssUrl = URL.createObjectURL(new Blob([css], { type: "text/css" }));
        wrapper.append(this.stylesheetLink(cssUrl));
      } else if (css) {
        const style = document.createElement("style");
        style.textContent = css;
        wrapper.append(style);
      }
      this.parentElement.append(wrapper);
      this.content = { html, css, cssPath, wrapper, cssUrl };
    } catch (error) {
      this.fail(describeError(error));
    }
  }

  private stylesheetLink(url: string): HTMLLinkElement {
    const link = document.createElement("link");
    link.rel = "stylesheet";
    link.href = url;
    link.onerror = () => {
      if (this.isMounted()) this.fail({ message: `Failed to load CSS from ${url}`, stack: null });
    };
    return link;
  }

  private async invoke(inputs: Inputs, componentData: ComponentData, why: Invocation): Promise<void> {
    if (!this.isMounted()) return;
    let stamp: HopStamp | null = null;
    try {
      const module = await this.ctx.loadModule(inputs.js, inputs.name);
      const data = await decodeComponentData(componentData);
      if (!this.isMounted()) return;
      const render = module.default;
      // Our own error: its stack would point into the preview, not at anything the author wrote.
      if (typeof render !== "function") return this.fail({ message: NO_DEFAULT_EXPORT, stack: null });
      const placement: WidgetPlacement = { formId: inputs.formId, fragmentId: inputs.fragmentId };
      const args = {
        name: inputs.name,
        key: this.key,
        data,
        parentElement: this.parentElement,
        setStateValue: (name, value) => {
          if (this.isUnmounted()) return;
          const setHop = this.recordSet("state", String(name), value, placement);
          this.ctx.widgets.setStateValue(this.elementId, String(name), value, placement, setHop);
        },
        setTriggerValue: (name, value) => {
          if (this.isUnmounted()) return;
          const setHop = this.recordSet("trigger", String(name), value, placement);
          this.ctx.widgets.setTriggerValue(this.elementId, String(name), value, placement, setHop);
        },
      } satisfies FrontendRendererArgs;
      stamp = this.ctx.loop.stamp();
      this.call = { stamp };
      try {
        // Streamlit keeps whatever the latest call returned (awaited), even `undefined`.
        this.cleanup = await this.ctx.console.during(this.attributed, () => (render as (args: FrontendRendererArgs) => unknown)(args));
      } finally {
        this.call = null;
        this.recordInvoke(why, stamp);
      }
    } catch (error) {
      const info = describeError(error);
      const causeId = stamp?.id ?? null;
      if (this.isUnmounted()) {
        this.recordError(info, causeId);
        const { message, stack } = this.authorError(info);
        this.ctx.report("error", `BidiComponent Error: ${message}`, this.origin(stack));
      } else {
        this.fail(info, causeId);
      }
    }
  }

  /** A setter call: under a user event it follows from that event, during an invocation from the invocation. */
  private recordSet(setter: "state" | "trigger", name: string, value: unknown, placement: WidgetPlacement): string | null {
    const { loop, widgets } = this.ctx;
    let stack: Error | undefined;
    return loop.record(
      () => {
        stack = captureStack();
        return {
          kind: "set",
          causeId: loop.domCause() ?? this.call?.stamp?.id ?? null,
          instance: this.instance,
          name,
          setter,
          value: previewValue(value),
          unchanged: setter === "state" && widgets.holdsStateValue(this.elementId, name, value, placement.formId),
          phase: this.call ? "invocation" : "later",
          stack: null,
          elementId: this.elementId,
        };
      },
      undefined,
      () => ({ stack: componentStack(stack!) }),
    );
  }

  /** Recorded once the call settled, with the stamp of its start: sets during the call name it as their cause. */
  private recordInvoke({ changed, causeId }: Invocation, stamp: HopStamp | null): void {
    if (!stamp) return;
    const durationMs = loopClock() - stamp.at;
    this.ctx.loop.record(
      () => ({ kind: "invoke", causeId, instance: this.instance, elementId: this.elementId, frontendKey: this.key, changed, durationMs }),
      stamp,
    );
  }

  private recordError(error: ErrorInfo, causeId: string | null): void {
    this.ctx.loop.record(() => ({ kind: "error", causeId, instance: this.instance, message: error.message, stack: error.stack, source: "component" }));
  }

  /**
   * `causeId`: the invoke hop of the call that failed, if it was one. The error box and the Log
   * show the author's frames only, in the author's file, and the Log's line names where.
   */
  private fail(error: ErrorInfo, causeId: string | null = null): void {
    this.state = "failed";
    // The error box keeps Streamlit's module names; the Log (below) names the author's file.
    const authored = error.stack === null ? error : { message: error.message, stack: this.ctx.console.mapStack(error.stack, false).stack };
    this.recordError(authored, causeId);
    const { message, stack } = this.authorError(error);
    this.ctx.report("error", `BidiComponent Error: ${message}`, this.origin(stack));
    this.ctx.fail(authored);
  }

  /** The message with where it happened (`… (stars.js:3:6)`), and the stack mapped to the author's files. */
  private authorError(error: ErrorInfo): { message: string; stack: ReturnType<AuthorConsole["mapStack"]> } {
    const stack = this.ctx.console.mapStack(error.stack);
    return { message: stack.location ? `${error.message} (${formatLocation(stack.location)})` : error.message, stack };
  }

  private origin({ stack, location }: ReturnType<AuthorConsole["mapStack"]>) {
    return { instance: this.attributed.instance, location, stack };
  }
}
