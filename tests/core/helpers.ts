import type { AppElement, BidiComponentElement, SessionStateEdit, WidgetState } from "../../common";
import { triggerAggregatorId } from "../../common";
import type { AppScript } from "../../common/api";
import { RerunEngine } from "../../main/core/engine/rerun-engine";

/** A browser stand-in: keeps each component's full state map, like Streamlit's frontend (§7.1). */
export class FakeBrowser {
  readonly maps = new Map<string, Record<string, unknown>>();
  private triggers = new Map<string, { event: string; value: unknown }[]>();
  private clicked: string | null = null;
  private texts = new Map<string, string>();

  constructor(readonly engine: RerunEngine) {}

  setState(id: string, name: string, value: unknown): this {
    this.maps.set(id, { ...(this.maps.get(id) ?? {}), [name]: value });
    return this;
  }
  setTrigger(id: string, event: string, value: unknown): this {
    const agg = triggerAggregatorId(id);
    this.triggers.set(agg, [...(this.triggers.get(agg) ?? []), { event, value }]);
    return this;
  }
  click(id: string): this {
    this.clicked = id;
    return this;
  }
  type(id: string, text: string): this {
    this.texts.set(id, text);
    return this;
  }

  widgetStates(): WidgetState[] {
    const states: WidgetState[] = [];
    for (const [id, map] of this.maps) states.push({ id, type: "json_value", value: JSON.stringify(map) });
    for (const [id, list] of this.triggers) states.push({ id, type: "json_trigger_value", value: JSON.stringify(list) });
    for (const [id, text] of this.texts) states.push({ id, type: "value", value: text });
    if (this.clicked) states.push({ id: this.clicked, type: "trigger_value", value: true });
    return states;
  }

  /** Flush: one rerun with every widget state, then pending triggers are forgotten. */
  async flush(edits: SessionStateEdit[] = []) {
    const outcome = await this.engine.run({ widgetStates: this.widgetStates(), fragmentId: null, edits });
    this.triggers.clear();
    this.clicked = null;
    const present = new Set(outcome.tree.main.filter((e) => "id" in e).map((e) => (e as { id: string }).id));
    for (const id of [...this.maps.keys()]) if (!present.has(id)) this.maps.delete(id);
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
