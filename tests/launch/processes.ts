import { readdirSync, readFileSync } from "node:fs";

/** A process as Linux's /proc shows it. */
export interface ProcessInfo {
  pid: number;
  ppid: number;
  /** R, S, Z (zombie: exited, not yet reaped), … */
  state: string;
  cmdline: string;
}

/** The process, or null once it is gone; a zombie has exited and holds no port or file. */
export function processInfo(pid: number): ProcessInfo | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    const [state, ppid] = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    const cmdline = readFileSync(`/proc/${pid}/cmdline`, "utf8").split("\0").join(" ").trim();
    return { pid, ppid: Number(ppid), state, cmdline };
  } catch {
    return null;
  }
}

export function isRunning(pid: number): boolean {
  const info = processInfo(pid);
  return info !== null && info.state !== "Z";
}

/** Every live process below `root`, found through the parent pids in /proc. */
export function descendants(root: number): ProcessInfo[] {
  const all = readdirSync("/proc")
    .filter((name) => /^\d+$/.test(name))
    .map((name) => processInfo(Number(name)))
    .filter((info): info is ProcessInfo => info !== null && info.state !== "Z");
  const found: ProcessInfo[] = [];
  const frontier = [root];
  while (frontier.length > 0) {
    const parent = frontier.pop()!;
    for (const child of all.filter((info) => info.ppid === parent)) {
      found.push(child);
      frontier.push(child.pid);
    }
  }
  return found;
}

/** Resolve once `check` holds, polling; reject with `what` after `timeoutMs`. */
export async function waitFor(check: () => boolean, what: string, timeoutMs = 5_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
