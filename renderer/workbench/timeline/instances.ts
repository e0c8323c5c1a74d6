import type { LoopEvent } from "../../../common";

/** One `setTriggerValue` and what became of it: the run that saw it, and the run that saw it reset. */
export interface TriggerFiring {
  value: string | null;
  /** The run in progress when the component set it; null when the set was not recorded. */
  setInRun: number | null;
  seenInRun: number | null;
  handled: boolean | null;
  /** Triggers reset to None when a run finishes, so the next run to start is the one that sees null. */
  resetInRun: number | null;
}

export interface InstanceSummary {
  /** The user key, or for an unkeyed instance the element id it had first (a remount gives it a new one). */
  instance: string;
  /** The registered component name, once a mount was seen. */
  component: string | null;
  /** The element ids an unkeyed instance has had, oldest first. */
  elementIds: string[];
  /** Unkeyed instances are named by their element id, which Streamlit ends in "-None". */
  keyed: boolean;
  frontendKey: string | null;
  mounts: number;
  invocations: number;
  cleanups: number;
  /** Each identity change of an unkeyed instance: the run and the mount arguments that changed. */
  remounts: { runId: number; changedArguments: string[] }[];
  triggers: Map<string, TriggerFiring[]>;
}

function summaryOf(byInstance: Map<string, InstanceSummary>, instance: string): InstanceSummary {
  let summary = byInstance.get(instance);
  if (!summary) {
    summary = { instance, component: null, elementIds: [instance], keyed: !instance.endsWith("-None"), frontendKey: null, mounts: 0, invocations: 0, cleanups: 0, remounts: [], triggers: new Map() };
    byInstance.set(instance, summary);
  }
  return summary;
}

function firingsOf(summary: InstanceSummary, name: string): TriggerFiring[] {
  let firings = summary.triggers.get(name);
  if (!firings) summary.triggers.set(name, (firings = []));
  return firings;
}

export function summarizeInstances(events: readonly LoopEvent[]): InstanceSummary[] {
  const byInstance = new Map<string, InstanceSummary>();
  /** An unkeyed instance's later element ids → the id it is listed under: one card across remounts. */
  const firstId = new Map<string, string>();
  const runStarts: number[] = [];
  for (const event of events) {
    if (event.kind === "run-start") runStarts.push(event.runId);
    if (!event.instance) continue;
    if (event.kind === "remount") {
      const listed = firstId.get(event.previousElementId) ?? event.previousElementId;
      firstId.set(event.elementId, listed);
      summaryOf(byInstance, listed).elementIds.push(event.elementId);
    }
    const summary = () => summaryOf(byInstance, firstId.get(event.instance!) ?? event.instance!);
    switch (event.kind) {
      case "mount":
        summary().mounts++;
        summary().frontendKey = event.frontendKey;
        summary().component = event.component;
        break;
      case "invoke":
        summary().invocations++;
        break;
      case "cleanup":
        summary().cleanups++;
        break;
      case "remount":
        summary().remounts.push({ runId: event.runId, changedArguments: event.changedArguments });
        break;
      case "set":
        if (event.setter === "trigger" && event.name) {
          firingsOf(summary(), event.name).push({ value: event.value.preview, setInRun: event.runId, seenInRun: null, handled: null, resetInRun: null });
        }
        break;
      case "trigger": {
        if (!event.name) break;
        const firings = firingsOf(summary(), event.name);
        const pending = firings.find((firing) => firing.seenInRun === null);
        const firing = pending ?? { value: null, setInRun: null, seenInRun: null, handled: null, resetInRun: null };
        if (!pending) firings.push(firing);
        firing.seenInRun = event.runId;
        firing.handled = event.handled;
        break;
      }
    }
  }
  for (const summary of byInstance.values()) {
    for (const firing of [...summary.triggers.values()].flat()) {
      if (firing.seenInRun !== null) firing.resetInRun = runStarts.find((runId) => runId > firing.seenInRun!) ?? null;
    }
  }
  return [...byInstance.values()].sort((a, b) => a.instance.localeCompare(b.instance));
}
