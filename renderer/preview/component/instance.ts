import type { FrontendRendererArgs } from "@streamlit/component-v2-lib";
import type { BidiComponentElement, ComponentData, ThemeName, WidgetPlacement } from "../../../common";
import { describeError, type ErrorInfo, type Report } from "../report";
import type { WidgetStateManager } from "../widgets/manager";
import { dataIdentity, decodeComponentData } from "./data";
import type { ModuleLoader } from "./loader";

export interface InstanceContext {
  loadModule: ModuleLoader;
  widgets: WidgetStateManager;
  report: Report;
  /** Shows the error element in place of the component. */
  fail(error: ErrorInfo): void;
}

/** Everything a (re)invocation depends on: any difference runs the default export again (§8.3). */
interface Inputs {
  js: string;
  name: string;
  data: string | null;
  theme: ThemeName;
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

const sameInputs = (a: Inputs, b: Inputs) =>
  a.data !== null &&
  a.data === b.data &&
  a.js === b.js &&
  a.name === b.name &&
  a.theme === b.theme &&
  a.formId === b.formId &&
  a.fragmentId === b.fragmentId;

/**
 * One mounted CCv2 component (one element id), the way Streamlit's BidiComponent drives it:
 * html/css in a wrapper div, the default export re-invoked on the same parentElement without
 * cleanup, and only the last returned cleanup called, once, on unmount.
 */
export class ComponentInstance {
  /** Streamlit's frontend key: one per mount, stable across re-invocations. */
  readonly key = `st-bidi-component-${crypto.randomUUID()}`;
  readonly parentElement: HTMLElement | ShadowRoot;
  private content: Content | null = null;
  private inputs: Inputs | null = null;
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
    isolateStyles: boolean,
    private readonly elementId: string,
    private readonly ctx: InstanceContext,
  ) {
    this.parentElement = isolateStyles ? host.attachShadow({ mode: "open" }) : host;
  }

  /** Applies a run's element; resolves when the default export this caused has settled. */
  update(element: BidiComponentElement, theme: ThemeName): Promise<void> {
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
    if (this.inputs && sameInputs(this.inputs, inputs)) return this.chain;
    this.inputs = inputs;
    const data = element.data;
    this.chain = this.chain.then(() => this.invoke(inputs, data));
    return this.chain;
  }

  /** Calls the last returned cleanup once, after any invocation still in flight has returned. */
  unmount(): void {
    this.state = "unmounted";
    if (this.content?.cssUrl) URL.revokeObjectURL(this.content.cssUrl);
    void this.chain.then(async () => {
      if (typeof this.cleanup !== "function") return;
      try {
        await this.cleanup();
      } catch (error) {
        this.ctx.report("error", `Failed to run custom component cleanup: ${describeError(error).message}`);
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

  private async invoke(inputs: Inputs, componentData: ComponentData): Promise<void> {
    if (!this.isMounted()) return;
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
          if (!this.isUnmounted()) this.ctx.widgets.setStateValue(this.elementId, String(name), value, placement);
        },
        setTriggerValue: (name, value) => {
          if (!this.isUnmounted()) this.ctx.widgets.setTriggerValue(this.elementId, String(name), value, placement);
        },
      } satisfies FrontendRendererArgs;
      // Streamlit keeps whatever the latest call returned (awaited), even `undefined`.
      this.cleanup = await (render as (args: FrontendRendererArgs) => unknown)(args);
    } catch (error) {
      if (this.isUnmounted()) {
        this.ctx.report("error", `BidiComponent Error: ${describeError(error).message}`);
      } else {
        this.fail(describeError(error));
      }
    }
  }

  private fail(error: ErrorInfo): void {
    this.state = "failed";
    this.ctx.report("error", `BidiComponent Error: ${error.message}`);
    this.ctx.fail(error);
  }
}
