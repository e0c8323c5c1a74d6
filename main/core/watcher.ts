import { type FSWatcher, watch } from "node:fs";

/** Watches the script's source files; editors save in bursts, so changes are debounced. */
export class SourceWatcher {
  private watchers: FSWatcher[] = [];
  private timer: NodeJS.Timeout | null = null;

  constructor(private readonly onChange: () => void, private readonly debounceMs = 120) {}

  watch(files: string[]): void {
    this.close();
    for (const file of new Set(files)) {
      try {
        this.watchers.push(watch(file, () => this.changed()));
      } catch {
        // a file that vanished between build and watch is picked up on the next build
      }
    }
  }

  close(): void {
    for (const watcher of this.watchers) watcher.close();
    this.watchers = [];
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }

  private changed(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = null;
      this.onChange();
    }, this.debounceMs);
  }
}
