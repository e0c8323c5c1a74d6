/** Pure helpers over the render tree, shared by the host and the preview. */
import type { AppElement, RenderTree } from "./elements";
import type { Json } from "./json";
import { triggerAggregatorId } from "./widgets";

/** Every element of a run, blocks included, depth first in page order (main, then sidebar). */
export function* walkTree(tree: RenderTree): Generator<AppElement> {
  function* walk(elements: AppElement[]): Generator<AppElement> {
    for (const element of elements) {
      yield element;
      if (element.type === "block") yield* walk(element.children);
    }
  }
  yield* walk(tree.main);
  yield* walk(tree.sidebar);
}

/** The widget-state ids an element owns: a component has its state map and its trigger aggregator. */
export function widgetIds(element: AppElement): string[] {
  switch (element.type) {
    case "bidi_component":
      return [element.id, triggerAggregatorId(element.id)];
    case "button":
    case "text_input":
    case "text_area":
    case "checkbox":
    case "slider":
    case "number_input":
    case "selectbox":
    case "radio":
    case "multiselect":
    case "chat_input":
    case "date_input":
      return [element.id];
    default:
      return [];
  }
}

/** The widget-state ids of every element a run rendered, in blocks at any depth too. */
export function renderedWidgetIds(tree: RenderTree): Set<string> {
  const ids = new Set<string>();
  for (const element of walkTree(tree)) for (const id of widgetIds(element)) ids.add(id);
  return ids;
}

/** The value a native value widget holds on the host; selectbox and radio send the option's index. */
export function hostValue(element: AppElement): { value: Json } | undefined {
  switch (element.type) {
    case "text_input":
    case "text_area":
    case "checkbox":
    case "slider":
    case "number_input":
    case "date_input":
      return { value: element.value };
    case "selectbox":
    case "radio":
      return { value: element.index };
    case "multiselect":
      return { value: element.indexes };
    default:
      return undefined;
  }
}
