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
    const fileName = moduleFileName(name, js);
    module = (import(/* @vite-ignore */ url) as Promise<ComponentModule>).catch(async (error: unknown) => {
      throw isParseError(error) ? await locatedParseError(error, url, fileName) : error;
    });
    modules.set(js, module);
  }
  return module;
};

/** A module that does not parse rejects with a SyntaxError that has no frames (an error its code threw has the module's). */
function isParseError(error: unknown): error is SyntaxError {
  return error instanceof SyntaxError && !MODULE_FILE_PATTERN.test(error.stack ?? "");
}

/**
 * The rejection of `import()` says what is wrong but not where. A `<script type="module">` of the
 * same URL fails to parse again (so none of it runs) and reports the line and column as an error
 * event; the error is rethrown with that position as a frame of the module, which the Log maps
 * to the author's file like any other.
 */
function locatedParseError(error: SyntaxError, url: string, fileName: string): Promise<SyntaxError> {
  return new Promise((resolve) => {
    const script = document.createElement("script");
    const done = (position: { line: number; column: number } | null) => {
      window.removeEventListener("error", onError, { capture: true });
      clearTimeout(timer);
      script.remove();
      if (position) error.stack = `SyntaxError: ${error.message}\n    at ${fileName}:${position.line}:${position.column}`;
      resolve(error);
    };
    // Captured first and stopped: this is the probe's echo of a failure already reported, not a new error.
    const onError = (event: ErrorEvent) => {
      if (event.filename !== url) return;
      event.stopImmediatePropagation();
      event.preventDefault();
      done(event.lineno ? { line: event.lineno, column: event.colno } : null);
    };
    const timer = setTimeout(() => done(null), PARSE_PROBE_MS);
    window.addEventListener("error", onError, { capture: true });
    script.type = "module";
    script.src = url;
    script.onerror = () => done(null);
    document.head.append(script);
  });
}

/** A blob module's parse error is reported within a task or two; past this, give the error as it is. */
const PARSE_PROBE_MS = 1000;
