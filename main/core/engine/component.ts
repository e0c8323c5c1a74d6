import type { Height, Width } from "../../../common";
import type { ComponentDefinition, ComponentRenderer, MountOptions } from "../../../common/api";
import { readAsset } from "./assets";
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
}

const MOUNT_OPTIONS = new Set(["key", "data", "default", "width", "height"]);

/**
 * `st.components.v2.component(name, {...})` and the mount function it returns (§1, §2, §4, §5).
 * The registry outlives runs, like Streamlit's: re-registering a name overwrites it.
 */
export class ComponentRegistry {
  private readonly components = new Map<string, Registered>();

  constructor(private readonly journal: LoopJournal | null = null) {}

  register(ctx: () => RunContext, name: string, definition: ComponentDefinition = {}): ComponentRenderer {
    if (typeof name !== "string" || name.trim() === "") throw StreamlitAPIException("A component needs a non-empty `name`.");
    const context = ctx();
    const css = readAsset(name, "css", definition.css, context.appDir);
    const js = readAsset(name, "js", definition.js, context.appDir);
    this.components.set(name, {
      name,
      html: readAsset(name, "html", definition.html, context.appDir)?.text ?? null,
      css: css?.text ?? null,
      cssPath: css?.path ?? null,
      js: js?.text ?? null,
      jsPath: js?.path ?? null,
      isolateStyles: definition.isolate_styles ?? true,
    });
    return (options: MountOptions = {}) => this.mount(ctx(), name, options);
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
        `Callback \`${option}\` is not valid. Callbacks must be named \`on_<state_name>_change\`, e.g. \`on_value_change\`.`,
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
  const available = callbacks.size ? `\`[${[...callbacks.keys()].map((n) => `'${n}'`).join(", ")}]\`` : "none";
  for (const name of Object.keys(defaults)) {
    if (!callbacks.has(name)) {
      throw new StreamlitError(
        "BidiComponentInvalidDefaultKeyError",
        `The \`default\` key \`'${name}'\` has no matching callback \`on_${name}_change\`. Available state names: ${available}.`,
      );
    }
  }
  return { ...defaults };
}
