import { createHash } from "node:crypto";
import type { BuildProblem, Height, Width } from "../../../common";
import type { ComponentDefinition, ComponentRenderer, MountOptions } from "../../../common/api";
import { ComponentBuildError, readAsset, type Asset } from "./assets";
import { StreamlitAPIException, StreamlitError } from "./errors";
import { serializeData } from "./data";
import { elementId } from "./ids";
import { componentResult } from "./presenters";
import type { RunContext } from "./run-context";
import type { Callback, ComponentMeta, StateMap } from "./session-state";
import { isPlainObject } from "./session-state";
import { componentHeight, validateWidth } from "./layout";
import type { LoopJournal } from "./journal";

interface Registered {
  name: string;
  html: string | null;
  css: string | null;
  cssPath: string | null;
  js: string | null;
  jsPath: string | null;
  isolateStyles: boolean;
  /** A digest of the html/css/js read from files, null when all are inline: a save changes it. */
  fileDigest: string | null;
  /** The files and folders its assets came from, for the host's watcher. */
  files: string[];
  dirs: string[];
}

/** What the host watches for the components: a save in any of them reruns the script. */
export interface ComponentSources {
  files: string[];
  dirs: string[];
}

const MOUNT_OPTIONS = new Set(["key", "data", "default", "width", "height"]);

/**
 * `st.components.v2.component(name, {...})` and the mount function it returns (§1, §2, §4, §5).
 * The registry outlives runs, like Streamlit's: re-registering a name overwrites it.
 */
export class ComponentRegistry {
  private readonly components = new Map<string, Registered>();
  /** Components whose files do not compile now; the last good registration stays in use. */
  private readonly failing = new Map<string, { problem: BuildProblem; files: string[] }>();

  constructor(private readonly journal: LoopJournal | null = null) {}

  register(ctx: () => RunContext, name: string, definition: ComponentDefinition = {}): ComponentRenderer {
    if (typeof name !== "string" || name.trim() === "") throw StreamlitAPIException("A component needs a non-empty `name`.");
    const context = ctx();
    let html: Asset | null, css: Asset | null, js: Asset | null;
    try {
      html = readAsset(name, "html", definition.html, context.appDir);
      css = readAsset(name, "css", definition.css, context.appDir);
      js = readAsset(name, "js", definition.js, context.appDir);
    } catch (error) {
      // A save that does not compile: the last good version keeps running, the workbench overlays the error.
      if (!(error instanceof ComponentBuildError) || !this.components.has(name)) throw error;
      this.failing.set(name, { problem: error.problem, files: error.files });
      return (options: MountOptions = {}) => this.mount(ctx(), name, options);
    }
    this.failing.delete(name);
    const assets = [html, css, js];
    const fromFiles = assets.map((asset) => (asset?.path ? asset.text : ""));
    this.components.set(name, {
      name,
      html: html?.text ?? null,
      css: css?.text ?? null,
      cssPath: css?.path ?? null,
      js: js?.text ?? null,
      jsPath: js?.path ?? null,
      isolateStyles: definition.isolate_styles ?? true,
      fileDigest: assets.some((asset) => asset?.path) ? createHash("sha1").update(fromFiles.join("\0")).digest("hex").slice(0, 16) : null,
      files: assets.flatMap((asset) => asset?.files ?? []),
      dirs: assets.flatMap((asset) => asset?.dirs ?? []),
    });
    return (options: MountOptions = {}) => this.mount(ctx(), name, options);
  }

  /** Every file and folder the registered components were read from, including those failing to build. */
  sources(): ComponentSources {
    const registered = [...this.components.values()];
    const failing = [...this.failing.values()];
    return {
      files: [...new Set([...registered.flatMap((c) => c.files), ...failing.flatMap((f) => f.files)])],
      dirs: [...new Set(registered.flatMap((c) => c.dirs))],
    };
  }

  /** The components whose last save did not compile. */
  problems(): BuildProblem[] {
    return [...this.failing.values()].map((failure) => failure.problem);
  }

  private mount(ctx: RunContext, name: string, options: MountOptions): StateMap {
    ctx.checkpoint();
    const registered = this.components.get(name);
    if (!registered) throw StreamlitAPIException(`Component '${name}' is not registered.`);
    if (options === null || typeof options !== "object") throw StreamlitAPIException("Mount options must be an object of keyword arguments.");

    const callbacks = collectCallbacks(options);
    const key = normalizeKey(options.key);
    const defaults = validateDefaults(options.default, callbacks);
    const width: Width = validateWidth(options.width ?? "stretch");
    const height: Height = componentHeight(options.height ?? "content");
    const serialized = serializeData(options.data);
    for (const warning of serialized.warnings) ctx.warnings.push(`Component '${name}'${key ? ` (key '${key}')` : ""}: ${warning}`);

    const identity = {
      component_name: name,
      isolate_styles: registered.isolateStyles,
      width,
      height,
      default: defaults,
      data: serialized.digest,
      form_id: ctx.target.formId,
      root: ctx.target.root,
    };
    const id = elementId("bidi_component", key, identity);
    const meta: ComponentMeta = { kind: "bidi_component", id, userKey: key, fragmentId: ctx.target.fragmentId, component: name, callbacks, defaults };
    const result = ctx.state.register(meta);
    this.journal?.mounted(name, key, { elementId: id, identity, data: serialized.data, defaults });
    ctx.emit({
      type: "bidi_component",
      id,
      name,
      key,
      html: registered.html,
      css: registered.css,
      cssPath: registered.cssPath,
      js: registered.js,
      jsPath: registered.jsPath,
      isolateStyles: registered.isolateStyles,
      ...(registered.fileDigest ? { fileDigest: registered.fileDigest } : {}),
      data: serialized.data,
      width,
      height,
      ...ctx.placement(),
    });
    return componentResult(result);
  }
}

function collectCallbacks(options: MountOptions): Map<string, Callback> {
  const callbacks = new Map<string, Callback>();
  for (const [option, value] of Object.entries(options)) {
    if (MOUNT_OPTIONS.has(option) || typeof value !== "function") continue;
    if (!option.startsWith("on_") || !option.endsWith("_change")) continue;
    const name = option.slice(3, -7); // "" for on_change and on__change
    if (name === "") {
      throw new StreamlitError(
        "BidiComponentInvalidCallbackNameError",
        `The callback name \`'${option}'\` is not allowed. Callback names must follow the pattern \`on_{event_name}_change\` where \`event_name\` is not empty.`,
      );
    }
    callbacks.set(name, value as Callback);
  }
  return callbacks;
}

function normalizeKey(key: unknown): string | null {
  if (key === undefined || key === null) return null;
  const text = String(key);
  if (text.includes("__")) {
    throw new StreamlitError(
      "BidiComponentInvalidIdError",
      "The `base` of a bidirectional component's ID must not contain the delimiter sequence `__`.",
    );
  }
  return text;
}

function validateDefaults(defaults: unknown, callbacks: Map<string, Callback>): Record<string, unknown> | null {
  if (defaults === undefined || defaults === null) return null;
  if (!isPlainObject(defaults)) throw StreamlitAPIException("`default` must be an object of initial state values.");
  const available = callbacks.size ? `[${[...callbacks.keys()].map((n) => `'${n}'`).join(", ")}]` : "none";
  for (const name of Object.keys(defaults)) {
    if (!callbacks.has(name)) {
      throw new StreamlitError(
        "BidiComponentInvalidDefaultKeyError",
        `Key \`'${name}'\` in \`default\` is not a valid state name. Valid state names are those with corresponding \`on_{state_name}_change\` callbacks. Available state names: \`${available}\``,
      );
    }
  }
  return { ...defaults };
}
