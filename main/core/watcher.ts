import { type FSWatcher, watch } from "node:fs";
import { join } from "node:path";

/**
 * Watches source files (and folders, whose listing a glob depends on); editors save in bursts,
 * so changes are debounced and reported together.
 */
export class SourceWatcher {
  private watchers: FSWatcher[] = [];
  private timer: NodeJS.Timeout | null = null;
  private watched = "";
  private readonly changedPaths = new Set<string>();

  constructor(private readonly onChange: (paths: string[]) => void, private readonly debounceMs = 120) {}

  /**
   * Watches exactly these paths. `renew`: open new watchers even for the same set, since a save
   * that replaces the file (a rename over it, as many editors and bundlers do) ends the old one.
   */
  watch(paths: string[], renew = true): void {
    const unique = [...new Set(paths)].sort();
    if (!renew && unique.join("\n") === this.watched) return;
    this.closeWatchers();
    this.watched = unique.join("\n");
    for (const path of unique) {
      try {
        this.watchers.push(watch(path, (_event, name) => this.changed(name && !path.endsWith(name) ? join(path, name) : path)));
      } catch {
        // a file that vanished between build and watch is picked up on the next build
      }
    }
  }

  close(): void {
    this.closeWatchers();
    this.watched = "";
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.changedPaths.clear();
  }

  private closeWatchers(): void {
    for (const watcher of this.watchers) watcher.close();
    this.watchers = [];
  }

  private changed(path: string): void {
    this.changedPaths.add(path);
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = null;
      const paths = [...this.changedPaths];
      this.changedPaths.clear();
      this.onChange(paths);
    }, this.debounceMs);
  }
}
