/**
 * A typed event emitter: one payload type per event name. It runs on every side (script host,
 * preload, workbench, preview), so it uses no Node or DOM API.
 */
export class Emitter<Events> {
  private readonly listeners = new Map<keyof Events, Set<(payload: never) => void>>();

  /**
   * Each call is its own subscription, ended only by the function it returns. Listeners are never
   * compared: across the preload's contextBridge the same page function may arrive as different
   * proxies, and subscribing one function twice must deliver twice.
   */
  on<E extends keyof Events>(event: E, listener: (payload: Events[E]) => void): () => void {
    const subscription = (payload: Events[E]) => listener(payload);
    let set = this.listeners.get(event);
    if (!set) this.listeners.set(event, (set = new Set()));
    set.add(subscription as (payload: never) => void);
    return () => void set.delete(subscription as (payload: never) => void);
  }

  emit<E extends keyof Events>(event: E, payload: Events[E]): void {
    for (const listener of this.listeners.get(event) ?? []) (listener as (payload: Events[E]) => void)(payload);
  }

  /** Subscriptions still open, over all events. */
  listenerCount(): number {
    let count = 0;
    for (const set of this.listeners.values()) count += set.size;
    return count;
  }
}
