import type { AppElement, BidiComponentElement, SessionStateEdit } from "../../common";
import { BrowserState } from "../../common";
import type { AppScript } from "../../common/api";
import { RerunEngine } from "../../main/core/engine/rerun-engine";

/** A browser stand-in: it holds widget states by the preview's rules (common/browser-state.ts). */
export class FakeBrowser {
  private readonly state = new BrowserState();

  constructor(readonly engine: RerunEngine) {}

  /** setStateValue: merges one name into the component's full state map, like Streamlit's frontend (§7.1). */
  setState(id: string, name: string, value: unknown): this {
    const current = this.state.get(id);
    const map = current?.type === "json_value" ? (JSON.parse(current.value) as Record<string, unknown>) : {};
    return this.setMap(id, { ...map, [name]: value });
  }
  /** Replaces the component's whole state map. */
  setMap(id: string, map: Record<string, unknown>): this {
    this.state.set({ id, type: "json_value", value: JSON.stringify(map) });
    return this;
  }
  setTrigger(id: string, event: string, value: unknown): this {
    this.state.fireTrigger(id, JSON.stringify({ event, value }));
    return this;
  }
  click(id: string): this {
    this.state.set({ id, type: "trigger_value", value: true });
    return this;
  }

  /** Flush: one rerun with every widget state; then the browser adopts what the run rendered. */
  async flush(edits: SessionStateEdit[] = []) {
    const outcome = await this.engine.run({ widgetStates: this.state.flush(), fragmentId: null, edits });
    this.state.adopt(outcome.tree);
    return outcome;
  }
}

export function engineFor(app: AppScript) {
  const engine = new RerunEngine(app, process.cwd());
  return { engine, browser: new FakeBrowser(engine) };
}

export function components(elements: AppElement[]): BidiComponentElement[] {
  return elements.filter((e): e is BidiComponentElement => e.type === "bidi_component");
}

export function jsonBodies(elements: AppElement[]): unknown[] {
  return elements.filter((e) => e.type === "json").map((e) => JSON.parse((e as { body: string }).body));
}

export function texts(elements: AppElement[]): string[] {
  return elements.filter((e) => e.type === "markdown").map((e) => (e as { body: string }).body);
}
