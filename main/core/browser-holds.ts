import type { Json, SessionStateEntry } from "../../common";

/**
 * The state names whose value the browser's state map holds otherwise than the script left it:
 * the browser resends its map with every rerun request, which restores these (§6). A summarised
 * value is not sent whole, so it is not compared.
 */
export function browserHolds(entry: SessionStateEntry, map: Record<string, Json>): Record<string, Json> {
  if (entry.kind !== "component") return {};
  const differing = Object.entries(map).filter(([name, value]) => name in entry.state && !entry.stateSummaries?.[name] && JSON.stringify(entry.state[name]) !== JSON.stringify(value));
  return Object.fromEntries(differing);
}

/** The entries with `browserHolds` set where the browser's map (by component key) holds otherwise. */
export function withBrowserHolds(entries: SessionStateEntry[], mapOf: (key: string) => Record<string, Json> | undefined): SessionStateEntry[] {
  return entries.map((entry) => {
    const map = entry.kind === "component" ? mapOf(entry.key) : undefined;
    if (!map) return entry;
    const holds = browserHolds(entry, map);
    return Object.keys(holds).length ? { ...entry, browserHolds: holds } : entry;
  });
}
