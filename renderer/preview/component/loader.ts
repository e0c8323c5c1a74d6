/** A component's ES module namespace; only `default` matters. */
export interface ComponentModule {
  readonly default?: unknown;
}

/**
 * Turns a component's JS text into its module. Injectable: happy-dom cannot import() blob URLs,
 * so unit tests hand modules over directly while the page uses `blobModuleLoader`.
 */
export type ModuleLoader = (js: string, name: string) => Promise<ComponentModule>;

/** 32-bit FNV-1a, hex: the hash Streamlit caches and names its blob modules by. */
export function fnv1a(text: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash.toString(16);
}

/** The name stack traces show for a component's module: `st-bidi-<name>-<hash>.js`, like Streamlit. */
export function moduleFileName(name: string, js: string): string {
  return `st-bidi-${name}-${fnv1a(js)}.js`;
}

/** Matches a stack frame in a component's module, named by `moduleFileName`. */
export const MODULE_FILE_PATTERN = /st-bidi-.+-[0-9a-f]+\.js/;

// One module per distinct JS text for the page's lifetime, so top-level module code runs once and
// module-level variables persist across instances and reruns (§8.2). Blob URLs are never revoked:
// the browser keeps imported modules by URL anyway.
const modules = new Map<string, Promise<ComponentModule>>();

export const blobModuleLoader: ModuleLoader = (js, name) => {
  let module = modules.get(js);
  if (!module) {
    const source = `${js}\n//# sourceURL=${moduleFileName(name, js)}`;
    const url = URL.createObjectURL(new Blob([source], { type: "text/javascript" }));
    module = import(/* @vite-ignore */ url) as Promise<ComponentModule>;
    modules.set(js, module);
  }
  return module;
};
