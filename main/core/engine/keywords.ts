import { StreamlitError } from "./errors";

/**
 * Python rejects a keyword argument a function does not declare; an options object is the script's
 * spelling of those keyword arguments, so an unknown name raises the same TypeError.
 */
export function checkKeywords<T extends object>(fn: string, options: T | undefined | null, allowed: readonly (keyof T & string)[]): T {
  if (options === undefined || options === null) return {} as T;
  if (typeof options !== "object" || Array.isArray(options)) {
    throw new StreamlitError("TypeError", `${fn}() takes keyword arguments only; pass them as an object, e.g. ${fn}({ ${allowed[0]}: … }).`);
  }
  for (const name of Object.keys(options)) {
    if (!(allowed as readonly string[]).includes(name)) throw new StreamlitError("TypeError", `${fn}() got an unexpected keyword argument '${name}'`);
  }
  return options;
}
