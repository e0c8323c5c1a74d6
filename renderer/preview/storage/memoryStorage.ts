/**
 * A Web Storage kept in memory. Stored items are also readable and writable as properties
 * (`localStorage.theme = "dark"`), like the browser's; the methods stay methods.
 */
export function createMemoryStorage(): Storage {
  const items = new Map<string, string>();
  const methods = {
    get length() {
      return items.size;
    },
    key: (index: number) => [...items.keys()][index] ?? null,
    getItem: (key: string) => items.get(String(key)) ?? null,
    setItem: (key: string, value: string) => void items.set(String(key), String(value)),
    removeItem: (key: string) => void items.delete(String(key)),
    clear: () => items.clear(),
  };
  const isItem = (prop: string | symbol): prop is string => typeof prop === "string" && !(prop in methods);
  return new Proxy(methods, {
    get: (target, prop, receiver) => (isItem(prop) ? items.get(prop) : Reflect.get(target, prop, receiver)),
    set: (target, prop, value, receiver) =>
      isItem(prop) ? (items.set(prop, String(value)), true) : Reflect.set(target, prop, value, receiver),
    deleteProperty: (target, prop) => (isItem(prop) ? (items.delete(prop), true) : Reflect.deleteProperty(target, prop)),
    has: (target, prop) => (isItem(prop) ? items.has(prop) : prop in target),
    ownKeys: () => [...items.keys()],
    getOwnPropertyDescriptor: (_, prop) =>
      isItem(prop) && items.has(prop) ? { value: items.get(prop), writable: true, enumerable: true, configurable: true } : undefined,
  }) as unknown as Storage;
}
